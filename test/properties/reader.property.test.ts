import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { FUNDS_SPEC, HOLDINGS_SPEC } from "../../src/workbook/columns";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { isBlank } from "../../src/workbook/grid";
import { readWorkbook, toHolding } from "../../src/workbook/read-workbook";
import { readTable } from "../../src/workbook/read-table";
import { plainHolding, readHoldingsColumns } from "../../src/workbook/read-columns";
import { gridOf, tableFromValues } from "../../src/workbook/range-grid";
import { explainPositions } from "../../src/engine/check";
import { anyCell, grid, RUNS } from "./arbitraries";

const table = (name: RawTable["name"], g: { headers: CellValue[]; rows: CellValue[][] }): RawTable => ({
  name,
  source: "table",
  sheet: name,
  headerRowNumber: 1,
  firstColumn: 0,
  headers: g.headers,
  rows: g.rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

/** A Funds table that the Holdings rows can refer to, with some readable funds among the noise. */
const fundsGrid = grid(FUNDS_SPEC, 6).map((g) => ({
  headers: ["fundId", "fundType", "firstYearEnd", "paidUpSubscriptions", ...g.headers],
  rows: [["F1", "FCPR", "2022-12-31", 1000000], ["F2", "FIP", "2022-12-31", 500000], ...g.rows.map((r) => [r[0] ?? null, r[1] ?? "FCPI", r[2] ?? null, r[3] ?? null, ...r])],
}));

/** Holdings with the contract's headers (in any order) and any cells, pointing at the funds above. */
const structuredHoldings = fc
  .shuffledSubarray(HOLDINGS_SPEC.columns.map((c) => c.name), { minLength: 3 })
  .chain((names) => {
    const headers = ["fundId", "assetClass", ...names.filter((n) => n !== "fundId" && n !== "assetClass")];
    const cell = (name: string) =>
      name === "fundId" ? fc.constantFrom<CellValue>("F1", "F2", "F9", "", null) : name === "assetClass" ? fc.oneof(fc.constantFrom<CellValue>(...HOLDINGS_SPEC.columns.find((c) => c.name === "assetClass")!.enumValues!), anyCell) : anyCell;
    return fc.record({ headers: fc.constant<CellValue[]>(headers), rows: fc.array(fc.tuple(...headers.map(cell)), { maxLength: 30 }) });
  });

describe("reading any grid (property)", () => {
  it("yields a report and never an exception, and accounts for every data row", () => {
    fc.assert(
      fc.property(fundsGrid, fc.oneof(grid(HOLDINGS_SPEC, 25), structuredHoldings), (funds, holdings) => {
        const model = readWorkbook({ Funds: table("Funds", funds), Holdings: table("Holdings", holdings) });
        const report = checkWorkbook(model, { asOf: "2025-12-31", positions: true });

        // Every non-blank data row of Holdings becomes a holding: no row is skipped but blank ones.
        const dataRows = holdings.rows.map((cells, i) => ({ row: i + 2, blank: cells.every((c) => isBlank(c)) })).filter((r) => !r.blank);
        expect(model.holdings.map((h) => h.row)).toEqual(dataRows.map((r) => r.row));

        // Each holding is counted, excluded with a reason, or reported in a diagnostic of its row.
        const outcome = new Map(report.funds.flatMap((f) => (f.positions ?? []).map((p) => [p.row, p] as const)));
        const diagnosed = new Set([...report.diagnostics, ...report.funds.flatMap((f) => f.diagnostics)].filter((d) => d.table === "Holdings").map((d) => d.row));
        for (const h of model.holdings) {
          const p = outcome.get(h.row);
          const accounted = (p !== undefined && (p.counted.length > 0 || p.excluded.length > 0)) || diagnosed.has(h.row);
          expect(accounted, `Holdings row ${h.row}`).toBe(true);
        }
        // Every rule result is well formed: a status, and a value only when there is a base.
        for (const f of report.funds) for (const r of f.rules) expect(["pass", "warning", "breach", "not-binding", "incomplete", "info"]).toContain(r.status);
      }),
      RUNS
    );
  });
});

/** Any Holdings grid, as a table or as a plain sheet (where a row without assetClass may be a totals row), in either date system. */
const anyHoldings = fc.tuple(fc.oneof(grid(HOLDINGS_SPEC, 25), structuredHoldings), fc.boolean(), fc.boolean());
const sheetOf = (g: { headers: CellValue[]; rows: CellValue[][] }, sheet: boolean, date1904: boolean): RawTable => ({
  ...table("Holdings", g),
  source: sheet ? "sheet" : "table",
  date1904,
});

describe("the columnar reading of Holdings (property)", () => {
  it("gives the row reader's holdings, field for field, and its diagnostics in the same order", () => {
    fc.assert(
      fc.property(anyHoldings, ([g, sheet, date1904]) => {
        const raw = sheetOf(g, sheet, date1904);
        const byRows = readTable(raw, HOLDINGS_SPEC);
        const byColumns = readHoldingsColumns(raw);
        expect(byColumns.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
        expect(byColumns.diagnostics).toEqual(byRows.diagnostics);
        expect(byColumns.source).toEqual(byRows.source);
      }),
      RUNS
    );
  });

  it("reads a grid's cells in place (tableFromValues, no row objects) to the row reader's holdings and diagnostics", () => {
    fc.assert(
      fc.property(anyHoldings, fc.nat(3), ([g, sheet, date1904], blankAbove) => {
        // Blank rows above the header move the header down, and the row numbers with it.
        const values = [...Array.from({ length: blankAbove }, () => [null]), g.headers, ...g.rows];
        const raw = tableFromValues("Holdings", values, 3);
        raw.source = sheet ? "sheet" : "table";
        raw.date1904 = date1904;
        expect(gridOf(raw)).toBeDefined();
        const byColumns = readHoldingsColumns(raw);
        // Reading the rows makes them, and the grid is no longer read in their place.
        const byRows = readTable(raw, HOLDINGS_SPEC);
        expect(gridOf(raw)).toBeUndefined();
        expect(byColumns.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
        expect(byColumns.diagnostics).toEqual(byRows.diagnostics);
        expect(readHoldingsColumns(raw).holdings.map(plainHolding)).toEqual(byColumns.holdings.map(plainHolding));
      }),
      RUNS
    );
  });
});

describe("explanations on demand (property)", () => {
  it("give, for any rows asked, the outcomes of the full detailed report, and the same JSON as reading them all", () => {
    fc.assert(
      fc.property(fundsGrid, anyHoldings, fc.array(fc.nat(40), { maxLength: 8 }), (funds, [g], picked) => {
        const model = readWorkbook({ Funds: table("Funds", funds), Holdings: table("Holdings", g) });
        const asked = new Set(picked.map((i) => i + 2));
        const onDemand = checkWorkbook(model, { asOf: "2025-12-31", positions: true });
        const shown = onDemand.funds.map((f) => explainPositions(f, asked));
        const full = checkWorkbook(model, { asOf: "2025-12-31", positions: true });
        const text = JSON.stringify(full);
        full.funds.forEach((f, i) => expect(shown[i]).toEqual((f.positions ?? []).filter((p) => asked.has(p.row))));
        // The report read in full after the rows shown is the same report.
        expect(JSON.stringify(onDemand)).toBe(text);
      }),
      RUNS
    );
  });
});

describe("the columnar reading of a large Holdings table", () => {
  it("gives the row reader's holdings when a coded column has more distinct values than its codes hold (dates, texts), and for amounts past 2^53 millionths", () => {
    const n = 70_000;
    const rows: CellValue[][] = [];
    for (let i = 0; i < n; i++)
      rows.push([
        "F1",
        `L${i}`,
        i % 3 ? 40_000 + i : `${(i % 28) + 1}/01/2020`,
        i / (n + 1),
        i % 1000 === 0 ? 1e12 + i / 100 : i % 7 ? i + 0.01 : i,
        i % 2 ? "EQUITY" : "OTHER_DEBT",
        // A text column coded at first, then with too many distinct texts to stay coded.
        i % 11 === 0 ? (i % 22 ? "" : ` I${i % 300} `) : `I${i % 300}`,
        `F${i % 4}`,
      ]);
    const headers: CellValue[] = ["fundId", "lineId", "investmentDate", "ownershipPct", "costValue", "assetClass", "issuerId", "issuerName"];
    const raw = table("Holdings", { headers, rows });
    const byColumns = readHoldingsColumns(raw).holdings.map(plainHolding);
    const byRows = readTable(raw, HOLDINGS_SPEC).rows.map(toHolding);
    expect(byColumns).toEqual(byRows);
    // A grid's text columns past their codes are read in place, but for the cells read otherwise.
    const grid = tableFromValues("Holdings", [headers, ...rows]);
    expect(readHoldingsColumns(grid).holdings.map(plainHolding)).toEqual(byRows);
  });

  it("reads a grid's text columns in place, from the start or past their codes, to the row reader's values: padded, blank, error, non-text and blank-line cells before and after", () => {
    const headers: CellValue[] = ["fundId", "lineId", "issuerId", "issuerName", "assetClass", "costValue", "masterStrategy"];
    const odd = (i: number): CellValue => [" I1 ", "", "  ", "#N/A", 12, true, null, "#ref", "\tx", "É", `I${i}`][i % 11];
    const rows: CellValue[][] = [];
    for (let i = 0; i < 2000; i++)
      rows.push([
        i % 13 === 0 ? odd(i) : "F1",
        i % 17 === 0 ? odd(i) : `L${i}`,
        i % 5 === 0 ? odd(i) : `I${i}`,
        // Few distinct texts in the first rows (coded), then many (read in place from there).
        i % 7 === 0 ? odd(i) : i < 1000 ? `Issuer ${i % 30}` : `Issuer ${i >> 1}`,
        i % 101 === 0 ? null : "EQUITY",
        i + 0.25,
        i % 19 === 0 ? odd(i) : `S${i < 600 ? i % 20 : i % 400}`,
      ]);
    for (const source of ["sheet", "table"] as const) {
      const grid = tableFromValues("Holdings", [headers, ...rows], 4);
      grid.source = source;
      const byColumns = readHoldingsColumns(grid);
      const byRows = readTable(grid, HOLDINGS_SPEC);
      expect(byColumns.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
      expect(byColumns.diagnostics).toEqual(byRows.diagnostics);
    }
  });
});

describe("the columnar reading of a plain sheet, in one pass", () => {
  it("gives the row reader's holdings and diagnostics with blank rows, totals rows between holdings, padded, error and non-text cells in text columns, blank lines, and 0 and -0 in a coded column", () => {
    const headers: CellValue[] = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "ownershipPct", "entityOecd", "investmentDate"];
    const rows: CellValue[][] = [
      ["F1", "L1", "I1", "EQUITY", 100.25, 0, null, 45000],
      [null, null, null, null, null, null, null, null],
      ["Total actions", null, null, null, 100.25, null, null, null],
      ["F1", null, " I2 ", "EQUITY", 3, -0, true, 45000],
      ["  ", "", "", "   ", null, null, null, null],
      [" F1", 12, "#N/A", "OTHER_DEBT", "1 234,56", 0.5, false, "2023-03-15"],
      ["F1", "L4", "", null, 7, 0.5, "oui", 45000],
      ["Sous-total", null, null, null, 110, null, null, null],
      ["F1", "  L5", true, "CURRENT_ACCOUNT_ADVANCE", 1e12 + 0.01, -0, null, 44900],
    ];
    for (let i = 0; i < 120; i++) rows.push([i % 7 ? "F1" : "F2", i % 5 ? `L${i}` : null, `I${i % 9}`, i % 3 ? "EQUITY" : "OTHER_DEBT", i + 0.5, i % 4 ? 0.12 : 0, i % 2 === 0, 45000 + (i % 11)]);
    for (const source of ["sheet", "table"] as const) {
      const raw: RawTable = { ...table("Holdings", { headers, rows }), source };
      const byRows = readTable(raw, HOLDINGS_SPEC);
      const byColumns = readHoldingsColumns(raw);
      expect(byColumns.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
      expect(byColumns.diagnostics).toEqual(byRows.diagnostics);
      // The same rows as a grid, read in place.
      const grid = tableFromValues("Holdings", [headers, ...rows], 1);
      grid.source = source;
      const inPlace = readHoldingsColumns(grid);
      expect(inPlace.holdings.map(plainHolding)).toEqual(byRows.rows.map(toHolding));
      expect(inPlace.diagnostics).toEqual(byRows.diagnostics);
    }
  });
});
