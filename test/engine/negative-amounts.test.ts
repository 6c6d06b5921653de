import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Fund, Holding } from "../../src/engine/model";
import type { FundReport, RuleResult } from "../../src/engine/result";
import { eur, fcpr, fundOf, holding, rule, unlisted } from "../helpers/build";

// A negative amount is a sign error the reader flags ("counted as read; check the sign"): it is
// counted as read, and a cap or limit of the law must not turn it into something else. Each rule
// here gives the sum the text describes, and its reconciliation leads to that same numerator.

function check(fund: Fund, holdings: Holding[]): FundReport {
  const model = { funds: [fund], holdings, holders: [], diagnostics: [] };
  const options = { asOf: "2025-12-31", reconciliation: true };
  return checkWorkbook(model, options).funds[0];
}

/** The rule's numerator, and the one its reconciliation's lines and adjustments lead to. */
function numerators(r: RuleResult): [string | null, string | null] {
  const rec = r.reconciliation!;
  const lines = [...rec.lines, ...rec.adjustments].filter((l) => l.numerator);
  const sum = lines.reduce((s, l) => s + eur(l.amount), 0n);
  expect(eur(rec.numerator)).toBe(sum);
  return [r.numerator, rec.numerator];
}

describe("FCPR-Q50, FCPR-B20 · L. 214-28 III: « dans la limite de 20 % » with an amount below zero", () => {
  it("L. 214-28 III 2°: a receivable and a debt security below zero are both counted as read in the 20 %, and the quota counts them", () => {
    for (const assetClass of ["RECEIVABLE", "OTHER_DEBT"] as const) {
      const report = check(fcpr(), [
        unlisted("10", { row: 2 }),
        holding({ assetClass, costValue: "-0.01", row: 3 }),
      ]);
      expect(rule(report, "FCPR-B20").numerator, assetClass).toBe("-0.01");
      expect(numerators(rule(report, "FCPR-Q50")), assetClass).toEqual([
        "9.99",
        "9.99",
      ]);
    }
  });

  it("L. 214-28 III: a base below zero leaves no room under the 20 % and the 15 %: the quota counts nothing there, and never less than nothing", () => {
    // At fair value over total assets, the only holding's sign error makes the base negative.
    const fund = fcpr({ basis: "FAIR", paidUpSubscriptions: null });
    const report = check(fund, [
      holding({ assetClass: "CASH", fairValue: "-0.01", costValue: "-0.01" }),
    ]);
    const q50 = rule(report, "FCPR-Q50");
    expect(numerators(q50)).toEqual(["0.00", "0.00"]);
  });
});

describe("FCPI-Q70, FCPI-FRESH40 · L. 214-30 III A 1°: fresh capital « au moins 40 % de l'actif du fonds », in the 20 % with an amount below zero", () => {
  /** A position of an eligible company, received by subscription. */
  const subscribed = (
    assetClass: "RECEIVABLE" | "EQUITY",
    costValue: string,
    row?: number,
  ) =>
    holding({
      assetClass,
      costValue,
      fcpiEligible: true,
      acquisitionMode: "SUBSCRIPTION",
      ...(row === undefined ? {} : { row }),
    });
  const fcpi = () =>
    fundOf("FCPI", {
      constitutionDate: "2020-01-15",
      firstYearEnd: "2021-12-31",
    });

  it("L. 214-30 III A 1°: a receivable below zero in the 20 % lowers the quota as read, and takes no fresh capital away", () => {
    const report = check(fcpi(), [
      subscribed("RECEIVABLE", "-0.01", 2),
      subscribed("EQUITY", "10", 3),
    ]);
    expect(numerators(rule(report, "FCPI-Q70"))).toEqual(["9.99", "9.99"]);
    // Before: 9.99, the receivable taken off the fresh capital, which it is not.
    expect(numerators(rule(report, "FCPI-FRESH40"))).toEqual([
      "10.00",
      "10.00",
    ]);
  });

  it("L. 214-30 III A 1°: a bucket of only a receivable below zero gives no fresh capital below zero", () => {
    const report = check(fcpi(), [subscribed("RECEIVABLE", "-0.01")]);
    expect(numerators(rule(report, "FCPI-Q70"))).toEqual(["-0.01", "-0.01"]);
    expect(numerators(rule(report, "FCPI-FRESH40"))).toEqual(["0.00", "0.00"]);
  });
});

describe("FPCI-CCA30 · L. 214-160 II 1°, al. 2: « qu'à concurrence de 30 % » with an advance below zero", () => {
  it("L. 214-160 II 1°: an ELTIF infrastructure advance below zero is counted as read, and its reconciliation leads to the quota's numerator", () => {
    const fund = fundOf("FPCI", {
      constitutionDate: "2020-01-15",
      firstYearEnd: "2021-12-31",
      eltifLabel: true,
      infrastructureObject: true,
    });
    const report = check(fund, [
      holding({
        assetClass: "CURRENT_ACCOUNT_ADVANCE",
        costValue: "-0.01",
        issuerId: "I1",
        row: 2,
      }),
      unlisted("10", { issuerId: "I1", ownershipPct: "1", row: 3 }),
    ]);
    const [numerator, reconciled] = numerators(rule(report, "FCPR-Q50"));
    expect(reconciled).toBe(numerator);
  });
});
