import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { parseAddress } from "../../src/excel/workbook-model";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import { applyEdits, changedHoldingsRows } from "../../src/workbook/edits";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { gridOf, tableFromValues } from "../../src/workbook/range-grid";
import type { Holding } from "../../src/engine/model";
import { HOLDING_ORDER, readWorkbook } from "../../src/workbook/read-workbook";

const table = (name: RawTable["name"], headers: string[], rows: CellValue[][], source: RawTable["source"] = "table"): RawTable => ({
  name,
  source,
  sheet: name,
  headerRowNumber: 1,
  firstColumn: 0,
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});
const FUNDS = table("Funds", ["fundId", "fundType", "firstYearEnd", "basis", "paidUpSubscriptions"], [["F1", "FCPR", "2022-12-31", "COST", 1_000_000], ["F2", "FCPR", "2022-12-31", "COST", 2_000_000]]);
const HOLDINGS = ["fundId", "assetClass", "costValue", "listingStatus"];
/** A holding's fields, whether it is a record or a view of the read's columns. */
const fields = (h: Holding) => ({ invalid: [...h.invalid], ...Object.fromEntries(["row", ...HOLDING_ORDER].map((k) => [k, (h as unknown as Record<string, unknown>)[k]])) });
const full = (w: CheckedWorkbook) => checkWorkbook(readWorkbook(w.tables), { asOf: "2025-12-31" });

describe("edits to a read workbook", () => {
  it("re-reads a row that becomes blank, or stops being one, in full: the holdings move", () => {
    const w = new CheckedWorkbook({ Funds: FUNDS, Holdings: table("Holdings", HOLDINGS, [["F1", "EQUITY", 600_000, "UNLISTED"], [null, null, null, null], ["F2", "EQUITY", 5, "UNLISTED"]]) });
    w.report("2025-12-31");
    const filled = w.withEdits([{ table: "Holdings", row: 3, column: 0, value: "F2" }, { table: "Holdings", row: 3, column: 2, value: 10 }]);
    expect(filled.report("2025-12-31")).toEqual(full(filled));
    expect(filled.model.holdings).toHaveLength(3);
    const emptied = filled.withEdits(HOLDINGS.map((_, column) => ({ table: "Holdings" as const, row: 2, column, value: null })));
    expect(emptied.report("2025-12-31")).toEqual(full(emptied));
    expect(emptied.model.holdings).toHaveLength(2);
  });

  it("an unreadable cell edited in, then out, brings its diagnostic and takes it away, in row order", () => {
    const rows: CellValue[][] = Array.from({ length: 6 }, (_, i) => [i % 2 ? "F2" : "F1", "EQUITY", i % 3 === 0 ? "oops" : 1000 * i, "UNLISTED"]);
    let w = new CheckedWorkbook({ Funds: FUNDS, Holdings: table("Holdings", HOLDINGS, rows) });
    for (const [row, value] of [[4, "#N/A"], [4, 12], [5, "1,234"], [2, 7], [7, "x"]] as const) {
      w.report("2025-12-31");
      w = w.withEdits([{ table: "Holdings", row, column: 2, value }]);
      expect(w.report("2025-12-31")).toEqual(full(w));
      expect(w.model.diagnostics).toEqual(readWorkbook(w.tables).diagnostics);
    }
  });

  it("a row edited again and again, in a plain sheet too, gives the full read's model and report: its changed cells read again, or the row in full", () => {
    // Column 4 is not read (unknown header); column 1 blank on the second row, which a label can make a totals row.
    const headers = [...HOLDINGS, "comment"];
    const rows: CellValue[][] = [["F1", "EQUITY", 600_000, "UNLISTED", "a"], ["F2", null, 5, "UNLISTED", "b"], ["F1", "OTHER_DEBT", 7, "MTF_SME", null]];
    for (const source of ["table", "sheet"] as const) {
      let w = new CheckedWorkbook({ Funds: FUNDS, Holdings: table("Holdings", headers, rows, source) });
      const steps: [number, number, CellValue][] = [
        [2, 2, 1000], [2, 2, 2000], [2, 3, "REGULATED"], [2, 4, "c"], [2, 2, "oops"], [2, 2, 3000], [2, 1, "#N/A"], [2, 1, "EQUITY"],
        [2, 2, null], [2, 2, 4000], [3, 4, "Total"], [3, 0, "Totaux"], [3, 2, 9], [3, 1, "EQUITY"], [3, 2, 10], [4, 3, "bogus"], [4, 3, "UNLISTED"],
      ];
      for (const [row, column, value] of steps) {
        w.report("2025-12-31");
        w = w.withEdits([{ table: "Holdings", row, column, value }]);
        expect(JSON.stringify(w.report("2025-12-31"))).toBe(JSON.stringify(full(w)));
        const read = readWorkbook(w.tables);
        expect(w.model.holdings.map(fields)).toEqual(read.holdings.map(fields));
        expect(w.model.diagnostics).toEqual(read.diagnostics);
      }
    }
  });

  it("edits to many rows of a fund, one at a time, give the full check's report: the edited fund's columns patched, then made anew past many edited rows", () => {
    // More edited rows than fund-columns.ts patches (64), each class, status and amount changed in turn.
    const rows: CellValue[][] = Array.from({ length: 150 }, (_, i) => [i % 3 ? "F1" : "F2", i % 4 ? "EQUITY" : "OTHER_DEBT", 1000 + i, i % 5 ? "UNLISTED" : "MTF_SME"]);
    let w = new CheckedWorkbook({ Funds: FUNDS, Holdings: table("Holdings", HOLDINGS, rows) });
    for (let k = 0; k < 100; k++) {
      w.report("2025-12-31");
      const column = 1 + (k % 3);
      const value = column === 1 ? (k % 2 ? "CURRENT_ACCOUNT_ADVANCE" : "EQUITY") : column === 2 ? 5000 + k : k % 2 ? "REGULATED" : "UNLISTED";
      w = w.withEdits([{ table: "Holdings", row: 2 + ((k * 7) % 150), column, value }]);
      if (k % 9 === 0 || k > 90) expect(JSON.stringify(w.report("2025-12-31"))).toBe(JSON.stringify(full(w)));
    }
    expect(w.report("2024-06-30")).toEqual(checkWorkbook(readWorkbook(w.tables), { asOf: "2024-06-30" }));
  });

  it("an edit of a new read's grid makes none of its rows; the edited table, read whole, is the grid with the edit", () => {
    const grid: CellValue[][] = [HOLDINGS, ...Array.from({ length: 700 }, (_, i) => [i % 2 ? "F2" : "F1", "EQUITY", 1000 + i, i % 3 ? "UNLISTED" : null])];
    const holdings = tableFromValues("Holdings", grid);
    let w = new CheckedWorkbook({ Funds: FUNDS, Holdings: holdings });
    w.report("2025-12-31");
    const reports = [];
    for (const [row, value] of [[2, 5], [400, 7], [2, 9]] as const) {
      w = w.withEdits([{ table: "Holdings", row, column: 2, value }]);
      reports.push(w.report("2025-12-31"));
    }
    // The read's table still has only its grid: no row object was made for the edits.
    expect(gridOf(holdings)).toBeDefined();
    expect(reports.at(-1)).toEqual(full(w));
    const expected = grid.slice(1).map((cells, i) => ({ rowNumber: i + 2, cells: i === 0 ? ["F1", "EQUITY", 9, null] : i === 398 ? ["F1", "EQUITY", 7, "UNLISTED"] : cells }));
    expect(w.tables.Holdings!.rows).toEqual(expected);
    expect(holdings.rows.map((r) => r.cells)).toEqual(grid.slice(1));
  });

  it("edits outside Holdings' data rows are read in full, never dropped", () => {
    const holdings = table("Holdings", HOLDINGS, [["F1", "EQUITY", 600_000, "UNLISTED"]]);
    expect(applyEdits({ Funds: FUNDS, Holdings: holdings }, [{ table: "Holdings", row: 9, column: 0, value: "F2" }])).toBeUndefined();
    expect(applyEdits({ Funds: FUNDS, Holdings: holdings }, [{ table: "Funds", row: 2, column: 4, value: 1 }])).toBeUndefined();
    const w = new CheckedWorkbook({ Funds: FUNDS, Holdings: holdings }).withEdits([{ table: "Funds", row: 2, column: 4, value: 10_000_000 }]);
    expect(w.report("2025-12-31")).toEqual(full(w));
    expect(w.report("2025-12-31").funds[0].rules[0].value).toBe(full(w).funds[0].rules[0].value);
  });

  it("two reads differ only in the cells that changed; any other change asks for a full read", () => {
    const a = { Funds: FUNDS, Holdings: table("Holdings", HOLDINGS, [["F1", "EQUITY", 1, "UNLISTED"], ["F1", "EQUITY", new Date(Date.UTC(2020, 0, 1)), { error: "#N/A" }]]) };
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    copy.Holdings.rows[1].cells[2] = new Date(Date.UTC(2020, 0, 1));
    expect(changedHoldingsRows(a, copy)).toEqual([]);
    copy.Holdings.rows[0].cells[2] = 2;
    expect(changedHoldingsRows(a, copy)).toEqual([0]);
    expect(changedHoldingsRows(a, { ...copy, Holdings: { ...copy.Holdings, headers: [...HOLDINGS.slice(0, 3), "x"] } })).toBeUndefined();
    expect(changedHoldingsRows(a, { ...copy, Holdings: { ...copy.Holdings, rows: copy.Holdings.rows.slice(1) } })).toBeUndefined();
    expect(changedHoldingsRows(a, { ...copy, Funds: table("Funds", ["fundId"], [["F1"]]) })).toBeUndefined();
  });

  it("reads a change event's address as zero-based rows and columns", () => {
    expect(parseAddress("F12")).toEqual({ row: 11, column: 5, rows: 1, columns: 1 });
    expect(parseAddress("Holdings!$B$3:$AA$40")).toEqual({ row: 2, column: 1, rows: 38, columns: 26 });
    expect(parseAddress("A:A")).toBeUndefined();
    expect(parseAddress("3:5")).toBeUndefined();
    expect(parseAddress(undefined)).toBeUndefined();
  });
});
