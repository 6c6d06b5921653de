import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountFromString } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import { whatIf, withTrade, fundOnly, type Trade } from "../../src/evidence/whatif";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

const AS_OF = "2025-12-31";

/** An FCPR inside its quota window: paid-up P, unlisted equities over 60 % of P, advances under 15 %. */
const fundArb = fc.record({
  paidUp: fc.integer({ min: 1_000_000, max: 200_000_000 }),
  equityShares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
  advanceShare: fc.integer({ min: 0, max: 1400 }), // basis points of P
  cashShare: fc.integer({ min: 0, max: 2000 }),
});

function modelOf(f: { paidUp: number; equityShares: number[]; advanceShare: number; cashShare: number }, basis: "COST" | "FAIR") {
  const total = f.equityShares.reduce((a, b) => a + b, 0);
  const equity = Math.round(f.paidUp * 0.6) + 1;
  const rows: unknown[][] = [["fundId", "lineId", "issuerId", "assetClass", "costValue", "fairValue", "ownershipPct"]];
  let assigned = 0;
  f.equityShares.forEach((s, i) => {
    const amount = i === f.equityShares.length - 1 ? equity - assigned : Math.floor((equity * s) / total);
    assigned += amount;
    rows.push(["F", `E${i}`, `I${i}`, "EQUITY", amount, amount, 0.1]);
  });
  const advances = Math.floor((f.paidUp * f.advanceShare) / 10_000);
  if (advances > 0) rows.push(["F", "A0", "I0", "CURRENT_ACCOUNT_ADVANCE", advances, advances, 0.1]);
  const cash = Math.floor((f.paidUp * f.cashShare) / 10_000);
  if (cash > 0) rows.push(["F", "C0", "", "CASH", cash, cash, null]);
  const funds = [
    ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "warningMargin"],
    ["F", "FCPR", "2022-01-01", "2022-12-31", basis, f.paidUp, 0],
  ];
  return readWorkbook({ Funds: tableFromValues("Funds", funds), Holdings: tableFromValues("Holdings", rows) });
}

const ruleAfter = (model: ReturnType<typeof modelOf>, trade: Trade, amount: string, id: string) =>
  checkWorkbook(withTrade(fundOnly(model, "F"), trade, amountFromString(amount), amountFromString(amount)), { asOf: AS_OF }).funds[0].rules.find(
    (r) => r.id === id,
  )!;

describe("pre-trade what-if: the largest compliant amount", () => {
  it("buying it leaves the binding rule exactly at its threshold, and one cent more breaks it (advances, L. 214-28 II 1°, 15 %)", () => {
    fc.assert(
      fc.property(fundArb, (f) => {
        const model = modelOf(f, "COST");
        const trade: Trade = { fundId: "F", side: "buy", position: { assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "I0", ownershipPct: new Dec("0.1") } };
        const w = whatIf(model, trade, amountFromString("1"), AS_OF);
        expect(w.largest.binding).toBe("FCPR-CCA15");
        const at = ruleAfter(model, trade, w.largest.amount!, "FCPR-CCA15");
        expect(at.status === "pass" || at.status === "warning").toBe(true);
        // Exactly at the threshold: numerator = 15 % × denominator, in exact decimals.
        expect(new Dec(at.numerator!).eq(new Dec(at.denominator!).times(at.threshold!))).toBe(true);
        const over = ruleAfter(model, trade, new Dec(w.largest.amount!).plus("0.01").toFixed(2), "FCPR-CCA15");
        expect(over.status).toBe("breach");
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("is exact when the bought position only grows the denominator of a minimum (fair-value basis, cash against the 50 % quota)", () => {
    fc.assert(
      // Advances under 10 % of paid-up stay under 15 % of the total assets (at least 60 % + 10 %).
      fc.property(fundArb.filter((f) => f.advanceShare <= 1000), (f) => {
        const model = modelOf(f, "FAIR");
        const trade: Trade = { fundId: "F", side: "buy", position: { assetClass: "CASH" } };
        const w = whatIf(model, trade, amountFromString("1"), AS_OF);
        expect(w.largest.binding).toBe("FCPR-Q50");
        const at = ruleAfter(model, trade, w.largest.amount!, "FCPR-Q50");
        expect(at.status === "pass" || at.status === "warning").toBe(true);
        const over = ruleAfter(model, trade, new Dec(w.largest.amount!).plus("0.01").toFixed(2), "FCPR-Q50");
        expect(over.status).toBe("breach");
        // N / (D + A) ≥ 50 % exactly at A = 2N − D when that is a whole number of cents.
        const expected = new Dec(at.numerator!).times(2).minus(new Dec(at.denominator!).minus(w.largest.amount!));
        expect(new Dec(w.largest.amount!).eq(expected.toDecimalPlaces(2, Dec.ROUND_FLOOR))).toBe(true);
        if (expected.isInteger()) expect(new Dec(at.numerator!).eq(new Dec(at.denominator!).times(at.threshold!))).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
