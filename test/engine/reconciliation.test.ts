import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import {
  reconciliationRows,
  RECONCILIATION_HEADERS,
} from "../../src/present/report-columns";
import type { Reconciliation } from "../../src/engine/result";
import {
  checkOne,
  checkWith,
  fcpr,
  fundOf,
  holder,
  holding,
  rule,
  unlisted,
} from "../helpers/build";

// Golden tests for the reconciliation: from the fund's total holdings to each rule's numerator and
// denominator, by reason, with the article that puts each amount where it is.

const brief = (rec: Reconciliation | undefined) =>
  [...(rec?.lines ?? []), ...(rec?.adjustments ?? [])].map((l) => [
    l.reason,
    l.article ?? null,
    l.amount,
    l.count,
    l.numerator,
    l.denominator,
  ]);

/** An FCPR at cost over 1,000,000 EUR with one position of each kind the quota treats differently. */
function mixedFcpr() {
  return checkOne(fcpr(), [
    unlisted("300000", { issuerId: "A", ownershipPct: "0.1" }),
    holding({
      assetClass: "EQUITY",
      costValue: "150000",
      listingStatus: "MTF_SME",
      listingCountry: "FR",
      marketCap: "40000000",
      investmentDate: "2023-03-01",
    }),
    holding({ assetClass: "OTHER_DEBT", costValue: "100000" }),
    holding({
      assetClass: "CURRENT_ACCOUNT_ADVANCE",
      issuerId: "A",
      costValue: "20000",
    }),
    holding({
      assetClass: "CURRENT_ACCOUNT_ADVANCE",
      issuerId: "B",
      costValue: "10000",
      ownershipPct: "0.04",
    }),
    holding({
      assetClass: "ENTITY_RIGHTS",
      costValue: "100000",
      entityOecd: true,
      lookThroughPct: "0.4",
    }),
    holding({ assetClass: "CASH", costValue: "80000" }),
    unlisted("50000", { disposalDate: "2025-06-30" }),
    holding({ assetClass: "EQUITY", invalid: ["costValue"] }),
  ]);
}

describe("Reconciliation of L. 214-28: from the holdings to the 50 % quota", () => {
  it("L. 214-28 I, II 1°, II 2° and III: each amount is counted, capped, excluded or bridged, and the lines sum exactly", () => {
    const report = mixedFcpr();
    const q50 = rule(report, "FCPR-Q50");
    expect(q50.numerator).toBe("560000.00");
    const rec = q50.reconciliation;
    expect(rec).toMatchObject({
      unit: "EUR",
      total: "810000.00",
      numerator: "560000.00",
      denominator: "1000000.00",
    });
    // In the order of the reasons, then of the articles: whatever the order of the rows.
    expect(brief(rec)).toEqual([
      ["counted", "L. 214-28 I", "300000.00", 1, true, true],
      ["counted", "L. 214-28 II 2°", "40000.00", 1, true, true],
      ["counted-within-cap", "L. 214-28 II 1°", "20000.00", 1, true, true],
      ["counted-within-cap", "L. 214-28 III", "200000.00", 2, true, true],
      ["above-cap", "L. 214-28 III", "50000.00", 0, false, true],
      ["look-through-remainder", "L. 214-28 II 2°", "60000.00", 0, false, true],
      ["excluded", "L. 214-28 I", "80000.00", 1, false, true],
      ["excluded", "L. 214-28 II 1°", "10000.00", 1, false, true],
      ["not-held", null, "50000.00", 1, false, false],
      ["unreadable", null, "0.00", 1, false, false],
      ["paid-up-bridge", null, "240000.00", 0, false, true],
    ]);
    expect(rec?.lines.find((l) => l.reason === "above-cap")?.label).toEqual({
      en: "Above the limit, not counted",
      fr: "Au-delà de la limite, non retenu",
    });
  });

  it("L. 214-28 II 1°: the advances rule counts every advance; the one the 5 % gate refuses is shown apart, to cure", () => {
    const rec = rule(mixedFcpr(), "FCPR-CCA15").reconciliation;
    expect(rec?.numerator).toBe("30000.00");
    expect(brief(rec).filter((l) => l[4])).toEqual([
      ["counted", "L. 214-28 II 1°", "20000.00", 1, true, true],
      ["breaks-condition", "L. 214-28 II 1°", "10000.00", 1, true, true],
    ]);
  });

  it("L. 214-28 I and II 1°: an excluded line says why with a reason code and its words in French and English", () => {
    const lines = rule(mixedFcpr(), "FCPR-Q50").reconciliation?.lines ?? [];
    expect(
      lines.find((l) => l.reason === "excluded" && l.article === "L. 214-28 I"),
    ).toMatchObject({
      code: "not-a-quota-asset",
      label: {
        en: "Excluded: not an asset the quota counts",
        fr: "Exclu\u00a0: actif non retenu dans le quota",
      },
    });
    expect(
      lines.find(
        (l) => l.reason === "excluded" && l.article === "L. 214-28 II 1°",
      )?.code,
    ).toBe("advance-gate");
  });

  it("a plain check carries no reconciliation; asking for it alone does not list the positions", () => {
    const model = {
      funds: [fcpr()],
      holdings: [unlisted("500000")],
      holders: [],
      diagnostics: [],
    };
    expect(
      checkWorkbook(model, { asOf: "2025-12-31" }).funds[0].rules.some(
        (r) => r.reconciliation,
      ),
    ).toBe(false);
    const only = checkWorkbook(model, {
      asOf: "2025-12-31",
      reconciliation: true,
    }).funds[0];
    expect(only.positions).toBeUndefined();
    expect(rule(only, "FCPR-Q50").reconciliation?.numerator).toBe("500000.00");
  });
});

describe("Reconciliation of the other families", () => {
  it("L. 214-39: the 40 % borrowing limit adds the fund's borrowings and its companies' debts, by look-through, over items 1° to 3° and 5°", () => {
    const opci = fundOf("SPPICAV", {
      basis: "FAIR",
      paidUpSubscriptions: null,
      constitutionDate: "2020-01-15",
      borrowings: "100000",
    });
    const report = checkOne(opci, [
      holding({
        assetClass: "REAL_ESTATE",
        opciCategory: 1,
        fairValue: "600000",
      }),
      holding({
        assetClass: "REAL_ESTATE",
        opciCategory: 2,
        fairValue: "300000",
        entityDebt: "200000",
        participationPct: "0.5",
      }),
      holding({ assetClass: "CASH", opciCategory: 9, fairValue: "100000" }),
    ]);
    const lev = rule(report, "OPCI-LEV40");
    expect(lev).toMatchObject({
      numerator: "200000.00",
      denominator: "900000.00",
    });
    expect(lev.reconciliation).toMatchObject({
      total: "1000000.00",
      numerator: "200000.00",
      denominator: "900000.00",
    });
    expect(brief(lev.reconciliation)).toEqual([
      ["in-denominator", "L. 214-39", "900000.00", 2, false, true],
      ["outside-rule", null, "100000.00", 1, false, false],
      ["borrowings", "L. 214-39", "100000.00", 0, true, false],
      ["look-through-debt", "L. 214-39", "100000.00", 1, true, false],
    ]);
  });

  it("L. 214-31 VI: the holder caps reconcile the fund's units, in units", () => {
    const fip = fundOf("FIP", {
      constitutionDate: "2022-01-15",
      chosenRegions: ["Bretagne"],
    });
    const report = checkWith(
      fip,
      [unlisted("100000")],
      [
        holder({ holderId: "H1", holderType: "NATURAL", units: "150" }),
        holder({ holderId: "H1", holderType: "NATURAL", units: "60" }),
        holder({ holderId: "H2", holderType: "PUBLIC_LAW_LEGAL", units: "90" }),
        holder({ holderId: "H3", holderType: "NATURAL", units: "700" }),
      ],
    );
    const h20 = rule(report, "FIP-H20").reconciliation;
    expect(h20).toMatchObject({
      unit: "units",
      total: "1000.00",
      numerator: "700.00",
      denominator: "1000.00",
    });
    expect(brief(h20)).toEqual([
      ["largest-holder", "L. 214-31 VI", "700.00", 1, true, true],
      ["other-holders", "L. 214-31 VI", "300.00", 3, false, true],
    ]);
    expect(rule(report, "FIP-H30").reconciliation?.numerator).toBe("90.00");
  });

  it("L. 214-22 I 1° à 3°: a feeder's closed list puts the positions to cure in the numerator", () => {
    const feeder = fundOf("OPCVM_FEEDER", {
      basis: "FAIR",
      paidUpSubscriptions: null,
    });
    const report = checkOne(feeder, [
      holding({
        assetClass: "FUND_UNITS",
        masterId: "M1",
        fairValue: "900000",
      }),
      holding({ assetClass: "CASH", fairValue: "90000" }),
      holding({ assetClass: "FINANCIAL_CONTRACT", fairValue: "10000" }),
    ]);
    expect(brief(rule(report, "OPCVM-FEED15").reconciliation)).toEqual([
      ["counted", "L. 214-22 I 1° à 3°", "90000.00", 1, true, true],
      ["breaks-condition", "L. 214-22 I 1° à 3°", "10000.00", 1, true, true],
      ["outside-rule", null, "900000.00", 1, false, true],
    ]);
  });
});

describe("reconciliationRows: the reconciliation as worksheet rows", () => {
  it("gives per rule the total, each line and the numerator and denominator they lead to, in French", () => {
    const report = {
      asOf: "2025-12-31",
      funds: [mixedFcpr()],
      diagnostics: [],
      summary: {
        funds: 1,
        rules: 4,
        breaches: 0,
        warnings: 0,
        incomplete: 0,
        diagnostics: 0,
      },
    };
    const rows = reconciliationRows(report, "fr");
    expect(RECONCILIATION_HEADERS.fr).toHaveLength(rows[0].length);
    const q50 = rows.filter((r) => r[1] === "FCPR-Q50");
    expect(q50[0]).toEqual([
      "F1",
      "FCPR-Q50",
      "L. 214-28 I",
      "Total du portefeuille",
      null,
      null,
      810000,
      null,
      null,
      null,
      "EUR",
    ]);
    expect(q50).toContainEqual([
      "F1",
      "FCPR-Q50",
      "L. 214-28 I",
      "Au-delà de la limite, non retenu",
      "above-cap",
      "L. 214-28 III",
      50000,
      0,
      "Non",
      "Oui",
      "EUR",
    ]);
    expect(q50.at(-2)?.slice(3, 7)).toEqual(["Numérateur", null, null, 560000]);
    expect(q50.at(-1)?.slice(3, 7)).toEqual([
      "Dénominateur",
      null,
      null,
      1000000,
    ]);
    expect(
      reconciliationRows({
        ...report,
        funds: [
          {
            ...report.funds[0],
            rules: report.funds[0].rules.map((r) => ({
              ...r,
              reconciliation: undefined,
            })),
          },
        ],
      }),
    ).toEqual([]);
  });
});
