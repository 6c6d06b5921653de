import { beforeEach, describe, expect, it } from "vitest";
import { FormulaError, quotaCheck, quotaHeadroom, quotaPosition, quotaRatio, quotaReport, quotaStatus } from "../../src/functions/formulas";
import { clearModelCache } from "../../src/functions/model-cache";

const FUNDS = [
  ["fundId", "fundName", "fundType", "firstYearEnd", "paidUpSubscriptions", "warningMargin", "liquidLabel"],
  ["F1", "Alpha", "FCPR", "2022-12-31", 1000000, 0, false],
  ["F2", "Beta", "FCPR", "2022-12-31", 1000000, 0, false],
  ["F3", "Gamma", "FCPI", "2022-12-31", 1000000, 0, false],
];
const HOLDINGS = [
  ["fundId", "lineId", "issuerId", "issuerName", "assetClass", "costValue", "ownershipPct"],
  ["F1", "A-1", "I1", "Acme SAS", "EQUITY", 600000, 0.2],
  ["F1", "A-2", "I2", "Beta SAS", "CURRENT_ACCOUNT_ADVANCE", 50000, 0.03],
  ["F1", "A-3", null, "Cash", "CASH", 350000, null],
  ["F2", "B-1", "I3", "Gamma SAS", "EQUITY", 400000, 0.1],
  ["F2", "B-2", "I4", "Delta SAS", "EQUITY", "abc", 0.1],
];
const AS_OF = 46022; // 2025-12-31 as an Excel serial

function error(fn: () => unknown): FormulaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error("no error");
}

beforeEach(() => clearModelCache());

describe("QUOTA.RATIO, QUOTA.STATUS, QUOTA.HEADROOM", () => {
  it("compute a rule of a fund from its Funds and Holdings ranges", () => {
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, HOLDINGS, AS_OF)).toBe(0.6);
    expect(quotaStatus("fcpr-q50", "F1", FUNDS, HOLDINGS, AS_OF)).toBe("pass");
    expect(quotaHeadroom("FCPR-Q50", "F1", FUNDS, HOLDINGS, AS_OF)).toBe(100000);
    expect(quotaStatus("FCPR-CCA15", "F1", FUNDS, HOLDINGS, "2025-12-31")).toBe("breach");
  });

  it("take the as-of date as a date serial, ISO text or French text", () => {
    expect(quotaStatus("FCPR-Q50", "F1", FUNDS, HOLDINGS, "31/12/2023")).toBe("pass");
    expect(quotaStatus("FCPR-Q50", "F1", FUNDS, HOLDINGS, "2023-12-30")).toBe("not-binding");
  });

  it("give #N/A rather than a partial ratio when a value the rule needs is unreadable", () => {
    expect(quotaStatus("FCPR-Q50", "F2", FUNDS, HOLDINGS, AS_OF)).toBe("incomplete");
    const e = error(() => quotaRatio("FCPR-Q50", "F2", FUNDS, HOLDINGS, AS_OF));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/FCPR-Q50 is incomplete/);
    expect(error(() => quotaHeadroom("FCPR-Q50", "F2", FUNDS, HOLDINGS, AS_OF)).code).toBe("#N/A");
  });

  it("give #VALUE! for an unknown rule and #N/A for an unknown fund", () => {
    expect(error(() => quotaRatio("FCPR-Q55", "F1", FUNDS, HOLDINGS))).toMatchObject({ code: "#VALUE!", message: "unknown rule FCPR-Q55" });
    expect(error(() => quotaRatio("FCPR-Q50", "F9", FUNDS, HOLDINGS))).toMatchObject({ code: "#N/A", message: "no fund F9" });
  });

  it("give #N/A for a rule the fund does not have", () => {
    expect(error(() => quotaRatio("FCPR-LIQ5", "F1", FUNDS, HOLDINGS, AS_OF)).message).toMatch(/FCPR-LIQ5 for F1: it does not apply to this fund/);
    expect(error(() => quotaRatio("FCPR-Q50", "F3", FUNDS, HOLDINGS, AS_OF)).message).toMatch(/does not apply to FCPI/);
  });

  it("give #VALUE! for a bad date, a missing argument or a range that is not a range", () => {
    expect(error(() => quotaRatio("FCPR-Q50", "F1", FUNDS, HOLDINGS, "tomorrow")).code).toBe("#VALUE!");
    expect(error(() => quotaRatio("", "F1", FUNDS, HOLDINGS)).message).toBe("rule is missing");
    expect(error(() => quotaRatio("FCPR-Q50", "F1", "Funds", HOLDINGS)).code).toBe("#VALUE!");
    expect(error(() => quotaRatio("FCPR-Q50", "F1", [["x"]], HOLDINGS)).message).toMatch(/no fund/);
  });

  it("read a table whose header row is preceded by blank rows, and numbers given as fund IDs", () => {
    const funds = [[null, null, null, null, null], ["fundId", "fundType", "firstYearEnd", "paidUpSubscriptions", "warningMargin"], [7, "FCPR", "2022-12-31", 100, 0]];
    const holdings = [["fundId", "assetClass", "costValue"], [7, "EQUITY", 50]];
    expect(quotaRatio("FCPR-Q50", 7, funds, holdings, AS_OF)).toBe(0.5);
  });
});

describe("QUOTA.POSITION", () => {
  it("returns what a position contributes, in EUR", () => {
    expect(quotaPosition("FCPR-Q50", "F1", FUNDS, HOLDINGS, "A-1", AS_OF)).toBe(600000);
  });
  it("returns why a position is excluded, with the article", () => {
    expect(quotaPosition("FCPR-Q50", "F1", FUNDS, HOLDINGS, "A-2", AS_OF)).toBe(
      "excluded (L. 214-28 II 1°): advance excluded: the fund holds 3 % of Beta SAS, L. 214-28 II 1° requires at least 5 %."
    );
    expect(quotaPosition("FCPR-Q50", "F1", FUNDS, HOLDINGS, "A-3", AS_OF)).toMatch(/^excluded \(L\. 214-28 I\): CASH is not among/);
  });
  it("says which column of an unreadable position blocks it", () => {
    expect(quotaPosition("FCPR-Q50", "F2", FUNDS, HOLDINGS, "B-2", AS_OF)).toBe("excluded: cannot be measured: costValue is unreadable");
  });
  it("gives #N/A for an unknown line", () => {
    expect(error(() => quotaPosition("FCPR-Q50", "F1", FUNDS, HOLDINGS, "Z-9", AS_OF))).toMatchObject({ code: "#N/A", message: "no position Z-9 in fund F1" });
  });
});

describe("QUOTA.REPORT and QUOTA.CHECK", () => {
  it("QUOTA.REPORT spills every rule of the fund under a header", () => {
    const rows = quotaReport("F1", FUNDS, HOLDINGS, AS_OF);
    expect(rows[0]).toEqual(["Rule", "Article", "Value", "Threshold", "Status", "Headroom EUR"]);
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ["FCPR-Q50", "pass"],
      ["FCPR-CCA15", "breach"],
      ["FCPR-B20", "pass"],
      ["FCPR-L5Y", "info"],
    ]);
    expect(quotaReport("F2", FUNDS, HOLDINGS, AS_OF)[1][4]).toBe("incomplete (partial)");
  });
  it("QUOTA.CHECK spills one row per fund with its worst status", () => {
    expect(quotaCheck(FUNDS, HOLDINGS, AS_OF)).toEqual([
      ["Fund", "Name", "Type", "Status", "Breaches", "Warnings", "Incomplete"],
      ["F1", "Alpha", "FCPR", "breach", 1, 0, 0],
      ["F2", "Beta", "FCPR", "incomplete", 0, 0, 1],
      ["F3", "Gamma", "FCPI", "breach", 1, 0, 1],
    ]);
  });
});

describe("The parsed model is cached by the ranges' content", () => {
  it("recomputes when a cell of the holdings changes, even in a copy of the same shape", () => {
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, HOLDINGS, AS_OF)).toBe(0.6);
    const edited = HOLDINGS.map((row) => row.slice());
    edited[1][5] = 700000;
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, edited, AS_OF)).toBe(0.7);
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, HOLDINGS, AS_OF)).toBe(0.6);
  });
  it("is not fooled when a host refills the same array in place", () => {
    const holdings = HOLDINGS.map((row) => row.slice());
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, holdings, AS_OF)).toBe(0.6);
    holdings[1][5] = 500000;
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, holdings, AS_OF)).toBe(0.5);
  });
  it("after an edit, recomputes the fund the edited row belongs to and keeps the other funds' results", () => {
    const holdings = HOLDINGS.map((row) => row.slice());
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, holdings, AS_OF)).toBe(0.6);
    expect(quotaStatus("FCPR-Q50", "F2", FUNDS, holdings, AS_OF)).toBe("incomplete");
    const edited = holdings.map((row) => row.slice());
    edited[5][5] = 100000; // F2's unreadable cost becomes readable
    expect(quotaRatio("FCPR-Q50", "F2", FUNDS, edited, AS_OF)).toBe(0.5);
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, edited, AS_OF)).toBe(0.6);
    const moved = edited.map((row) => row.slice());
    moved[1][0] = "F2"; // A-1 now belongs to F2: both funds change
    expect(quotaRatio("FCPR-Q50", "F2", FUNDS, moved, AS_OF)).toBe(1.1);
    expect(quotaRatio("FCPR-Q50", "F1", FUNDS, moved, AS_OF)).toBe(0);
  });
});
