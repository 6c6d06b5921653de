import { describe, expect, it } from "vitest";
import { FundContext } from "../../src/engine/fund-context";
import { reconcileRule, reconcileRules } from "../../src/engine/reconciliation";
import { oneByOne } from "../../src/engine/reconciliation-shapes";
import { familyFor } from "../../src/engine/rules/registry";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { fundsGrid, holdingsGrid, type Row } from "../../bench/data";

// The reconciliation works out one position of each shape in full and adds the others' amounts
// where it went (reconciliation-shapes.ts, shapesOf): it must give what working out every position gives.
/** Every rule's reconciliation by shapes, and position by position, at each date. */
function bothWays(grid: Row[], asOfs: string[]) {
  const model = readWorkbook({ Funds: tableFromValues("Funds", fundsGrid(1)), Holdings: tableFromValues("Holdings", grid) });
  return asOfs.map((asOf) => {
    const fund = model.funds[0];
    const family = familyFor(fund.fundType!)!;
    const ctx = new FundContext(fund, model.holdings, asOf, { ...family.basis, explain: true });
    const rules = family.evaluate(ctx).rules;
    const n = ctx.positions.length;
    return { asOf, byShapes: reconcileRules(ctx, rules), oneByOne: rules.map((r) => reconcileRule(ctx, r, () => oneByOne(n))) };
  });
}

describe("Reconciliation by shapes of positions", () => {
  it("gives every rule of a fund of 3,000 positions the lines of a position-by-position reconciliation", () => {
    const grid = holdingsGrid(3_000, 1, 11);
    // A failed gate names positions (read one by one), and disposed rows are not held.
    for (let i = 1; i < grid.length; i += 97) grid[i][12] = 0.01;
    // Positions read one by one among the shapes: a blank cost, and one only a BigInt holds.
    for (let i = 5; i < grid.length; i += 211) grid[i][5] = null;
    for (let i = 7; i < grid.length; i += 307) grid[i][5] = 12_345_678_901.25;
    grid.push(["F1", "LX", "I9", "Issuer 9", "EQUITY", 1234.56, 1234.56, "UNLISTED", null, null, null, 45000, 0.3, null, null]);
    for (const { asOf, byShapes, oneByOne } of bothWays(grid, ["2023-01-31", "2025-12-31"])) {
      expect(byShapes.some((r) => r.lines.some((l) => l.reason === "breaks-condition"))).toBe(asOf === "2025-12-31");
      expect(byShapes).toEqual(oneByOne);
    }
  });

  it("sums the amounts of their own of a shape's other positions (entity rights looked through) as each position would add them", () => {
    const grid = holdingsGrid(3_000, 1, 13);
    for (let i = 5; i < grid.length; i += 211) grid[i][5] = null;
    for (const { byShapes, oneByOne } of bothWays(grid, ["2025-12-31"])) {
      expect(byShapes.some((r) => r.lines.some((l) => l.reason === "look-through-remainder" && l.count === 0))).toBe(true);
      expect(byShapes).toEqual(oneByOne);
    }
  });
});
