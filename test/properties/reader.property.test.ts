import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { FUNDS_SPEC, HOLDINGS_SPEC } from "../../src/workbook/columns";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { isBlank } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
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
