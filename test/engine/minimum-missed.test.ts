import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, rule } from "../helpers/build";

// WORKBOOK-FORMAT §3: « A position whose assetClass is blank or unreadable may belong to any rule
// of its fund: every rule whose numerator or denominator it could enter reports incomplete (with
// the partial value), never pass. » docs/workbook-format.md: a maximum already beyond its limit
// stays in breach (such a row can only add to it); a minimum the readable rows miss does not: the
// row may be counted in it and reach the threshold.

const feeder = fundOf("OPCVM_FEEDER", { basis: "FAIR", paidUpSubscriptions: null });
const master = (fairValue: string, extra = {}) => holding({ assetClass: "FUND_UNITS", masterId: "M1", fairValue, ...extra });
const cash = (fairValue: string) => holding({ assetClass: "CASH", fairValue });

describe("OPCVM-FEED85 · L. 214-22 I « au moins 85 % de son actif » in the master: a row of blank class", () => {
  it("L. 214-22 I: 60 % in the master, and nothing unknown: a breach", () => {
    expect(rule(checkOne(feeder, [master("600000"), cash("400000")]), "OPCVM-FEED85")).toMatchObject({ status: "breach", value: 0.6 });
  });

  it("L. 214-22 I: 60 % on the readable rows, and a row of blank class that may be the master's units (90 %): incomplete, its partial value kept", () => {
    const report = checkOne(feeder, [master("600000"), cash("100000"), holding({ assetClass: undefined, masterId: "M1", fairValue: "300000", row: 40 })]);
    const r = rule(report, "OPCVM-FEED85");
    expect(r).toMatchObject({ status: "incomplete", partial: true, value: 0.6 });
    expect(r.reasons?.map((x) => x.code)).toContain("rows-unplaced");
  });
});

describe("FCPE-SOL5 · L. 214-164 « comprise entre 5 et 10 % »: the lower end is a minimum", () => {
  const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, solidarityFund: true });
  const solidarity = (fairValue: string) => holding({ assetClass: "EQUITY", solidarityEnterprise: true, fairValue });

  it("L. 214-164: 2 % with nothing unknown is a breach", () => {
    expect(rule(checkOne(fcpe, [solidarity("20000"), cash("980000")]), "FCPE-SOL5")).toMatchObject({ status: "breach", value: 0.02 });
  });

  it("L. 214-164: below 5 % on the readable rows, with a row of blank class: incomplete, not a breach", () => {
    const r = rule(checkOne(fcpe, [solidarity("20000"), cash("880000"), holding({ assetClass: undefined, fairValue: "100000", row: 41 })]), "FCPE-SOL5");
    expect(r).toMatchObject({ status: "incomplete", partial: true, numerator: "20000.00" });
  });
});

describe("FCPR-Q50 · L. 214-28 I « Les actifs du fonds doivent être constitués, pour 50 % au moins »: an incomplete result says why", () => {
  it("L. 214-28 I: the only position has a blank class: 0 % read, incomplete, and the result names the row that may belong to the quota", () => {
    const fcpr = fundOf("FCPR", { basis: "COST" });
    const r = rule(checkOne(fcpr, [holding({ assetClass: undefined, costValue: "587741.06", row: 2 })]), "FCPR-Q50");
    expect(r).toMatchObject({ status: "incomplete", partial: true, numerator: "0.00" });
    // Incomplete before the fund's unknowns are looked at (a partial sum): it still names them.
    expect(r.reasons).toEqual([{ code: "rows-unplaced", facts: { rows: [2], more: 0, column: "assetClass" } }]);
    expect(r.message).toMatch(/row 2 cannot be placed/);
  });
});

describe("FCPR-CCA15 · L. 214-28 II 1° « Dans la limite de 15 %, les avances en compte courant consenties »: an advance whose holding dates are unread", () => {
  // docs/workbook-format.md: a maximum beyond its limit is a breach, « Not when a row's holding
  // dates are unread (it may be in the numerator and sold) »: then incomplete.
  const fcpr = fundOf("FCPR", { basis: "COST", paidUpSubscriptions: "1000" });
  const equity = holding({ issuerId: "A", assetClass: "EQUITY", costValue: "600", ownershipPct: "0.1", row: 2 });
  const advance = (extra = {}) => holding({ issuerId: "A", assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "200", ownershipPct: "0.1", row: 3, ...extra });

  it("L. 214-28 II 1°: 20 % of advances held: a breach", () => {
    expect(rule(checkOne(fcpr, [equity, advance()]), "FCPR-CCA15")).toMatchObject({ status: "breach", value: 0.2 });
  });

  it("L. 214-28 II 1°: 20 % if the advance is still held, 0 % if it was repaid: its disposalDate unread, incomplete, not a breach", () => {
    const r = rule(checkOne(fcpr, [equity, advance({ disposalDate: undefined, invalid: new Set(["disposalDate"]) })]), "FCPR-CCA15");
    expect(r).toMatchObject({ status: "incomplete", partial: true, value: 0.2 });
    expect(r.reasons?.map((x) => x.code)).toEqual(["rows-unplaced"]);
  });
});
