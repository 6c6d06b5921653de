import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOLDINGS_SPEC } from "../../src/workbook/columns";
import type { CellValue } from "../../src/workbook/grid";
import { COST_MILLIONTHS, FAIR_MILLIONTHS, IN_COLUMNS, type HoldingColumns, type InColumns, type MillionthsOf } from "../../src/engine/model";
import { readWorkbook, toHolding } from "../../src/workbook/read-workbook";
import { readTable } from "../../src/workbook/read-table";
import { plainHolding, readHoldingsColumns } from "../../src/workbook/read-columns";
import { tableFromValues } from "../../src/workbook/range-grid";
import { checkWorkbook } from "../../src/engine/check";
import { RUNS } from "./arbitraries";

/**
 * An amount column read in place (one no fund's basis names) gives the amounts an amount column
 * read into millionths gives: each holding's field, the column's millionths (made when first
 * asked, or null past 2^53), each holding's millionths, and the same diagnostics.
 */
const HEADERS: CellValue[] = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "fairValue", "marketCap"];
const AMOUNTS = ["costValue", "fairValue", "marketCap"] as const;

const amountCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100) },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<CellValue>(null, undefined, "", "  ", "1 234,56", "12", "abc", "#N/A", { error: "#VALUE!" }, 1e15, 1e21, -1e13 - 0.5, 9e9, 9e9 + 1, 0.125, 1 / 3, -0, NaN, Infinity, true, 8e12),
  },
);

const rowsArb = fc.array(
  fc.tuple(fc.constantFrom<CellValue>("F1", "F2"), fc.constantFrom<CellValue>("EQUITY", "OTHER_DEBT", null), amountCell, amountCell, amountCell),
  { maxLength: 200 },
).map((rows) => rows.map(([fund, cls, cost, fair, cap], i): CellValue[] => [fund, `L${i}`, `I${i % 7}`, cls, cost, fair, cap]));

function expectSameAmounts(rows: CellValue[][], sheet: boolean, askFirst: boolean): void {
  const grid = () => Object.assign(tableFromValues("Holdings", [HEADERS, ...rows], 2), { source: sheet ? "sheet" : "table" });
  const eager = readHoldingsColumns(grid());
  const lazy = readHoldingsColumns(grid(), new Set(AMOUNTS));
  const byRows = readTable(grid(), HOLDINGS_SPEC);
  expect(lazy.diagnostics).toEqual(byRows.diagnostics);
  expect(lazy.holdings.length).toBe(eager.holdings.length);
  if (lazy.holdings.length === 0) return;
  const columns = (h: unknown) => (h as InColumns)[IN_COLUMNS] as HoldingColumns;
  const compareColumns = () => {
    for (const name of AMOUNTS) {
      const a = columns(lazy.holdings[0]).millionths(name);
      const b = columns(eager.holdings[0]).millionths(name);
      expect(a === null, name).toBe(b === null);
      if (a && b) expect([...a.subarray(0, lazy.holdings.length)]).toEqual([...b.subarray(0, eager.holdings.length)]);
    }
    lazy.holdings.forEach((h, j) => {
      const e = eager.holdings[j] as MillionthsOf;
      expect((h as MillionthsOf)[COST_MILLIONTHS]).toEqual(e[COST_MILLIONTHS]);
      expect((h as MillionthsOf)[FAIR_MILLIONTHS]).toEqual(e[FAIR_MILLIONTHS]);
    });
  };
  // The fields read from the grid before the millionths are made, or after.
  if (askFirst) compareColumns();
  expect(lazy.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
  if (!askFirst) compareColumns();
  expect(lazy.holdings.map(plainHolding)).toEqual(eager.holdings.map(plainHolding));
}

describe("amount columns read in place (property)", () => {
  it("give the amounts, millionths and diagnostics of columns read into millionths, asked before or after the fields", () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), fc.boolean(), (rows, sheet, askFirst) => expectSameAmounts(rows, sheet, askFirst)),
      RUNS,
    );
  });

  it("are read in place only for the basis no fund names, and check to the same report", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 3000; i++) rows.push(["F1", `L${i}`, `I${i % 40}`, i % 3 ? "EQUITY" : "OTHER_DEBT", i % 97 ? i + 0.25 : "12,5", i % 89 ? i * 1.5 : null, i % 7 ? null : 90_000_000]);
    const funds = (basis: CellValue) => [
      ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions"],
      ["F1", "FCPR", 44562, 44926, basis, 1_000_000],
    ];
    for (const basis of ["COST", "FAIR", null, "??"]) {
      const read = () => readWorkbook({ Funds: tableFromValues("Funds", funds(basis)), Holdings: tableFromValues("Holdings", [HEADERS, ...rows]) });
      const withPositions = { asOf: "2025-12-31", positions: true };
      const a = JSON.stringify(checkWorkbook(read(), withPositions));
      // The same holdings read with every amount column made in the read.
      const model = read();
      const eager = readHoldingsColumns(tableFromValues("Holdings", [HEADERS, ...rows]));
      expect(model.holdings.map(plainHolding)).toEqual(eager.holdings.map(plainHolding));
      expect(JSON.stringify(checkWorkbook({ ...model, holdings: eager.holdings }, withPositions))).toBe(a);
    }
  });
});
