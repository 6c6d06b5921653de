import { describe, expect, it } from "vitest";
import { cellsAt, gridOf, rowCount, rowNumberAt, tableFromValues } from "../../src/workbook/range-grid";

const values = () => [[null, null], ["fundId", "lineId"], ["F1", "L1"], [null, null], ["F2", "L2"]];

describe("a table made from a grid (tableFromValues)", () => {
  it("reads its data rows from the grid until its rows are read, then makes them once", () => {
    const table = tableFromValues("Holdings", values(), 3);
    expect(gridOf(table)).toBeDefined();
    expect([rowCount(table), rowNumberAt(table, 2), cellsAt(table, 2)]).toEqual([3, 7, ["F2", "L2"]]);
    const rows = table.rows;
    expect(gridOf(table)).toBeUndefined();
    expect(table.rows).toBe(rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 6, 7]);
    expect([rowCount(table), rowNumberAt(table, 2), cellsAt(table, 2)]).toEqual([3, 7, rows[2].cells]);
  });

  it("gives a copy the same rows, and rows set on a copy stay the copy's", () => {
    const table = tableFromValues("Holdings", values());
    const spread = { ...table };
    expect(spread.rows).toBe(table.rows);
    const other = tableFromValues("Holdings", values());
    // A copy that takes the rows accessor along, as the edit path's patched copies do (patched-array.ts).
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(other)) as typeof other;
    expect(gridOf(copy)).toBeUndefined();
    expect(copy.rows).toBe(other.rows);
    copy.rows = [];
    expect(other.rows).toHaveLength(3);
    const set = tableFromValues("Holdings", values());
    set.rows = [];
    expect(gridOf(set)).toBeUndefined();
    expect(JSON.parse(JSON.stringify(table))).toMatchObject({ headerRowNumber: 2, rows: [{ rowNumber: 3, cells: ["F1", "L1"] }, {}, {}] });
  });
});
