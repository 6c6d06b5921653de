import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breachRows } from "../../src/engine/breach-rows";
import { checkWorkbook } from "../../src/engine/check";
import type { TableName } from "../../src/engine/model";
import type { Report } from "../../src/engine/result";
import { excelOperations } from "../../src/excel/excel-operations";
import { BREACH_NAME_PREFIX } from "../../src/excel/highlight";
import { ROLE_KEY } from "../../src/excel/own-sheets";
import type { RawTable } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { type ExcelHost, holdingsRows, MB, workbookWithHoldings } from ".";

const AS_OF = "2025-12-31";
/** 100,000 holdings through the real client: seconds, not milliseconds, on a shared machine. */
const SLOW = 180_000;
const check = (tables: Partial<Record<TableName, RawTable>>): Report =>
  checkWorkbook(readWorkbook(tables), { asOf: AS_OF, positions: true });

/** The lineIds of the Holdings rows that drive a breach, read from the grid the report came from. */
function breachingLineIds(report: Report, host: ExcelHost): Set<string> {
  const sheet = host.workbook.sheet("Holdings");
  const col = host.workbook.table("Holdings").columnIndex("lineId");
  return new Set(
    breachRows(report).map((row) => String(sheet.cell(row - 1, col))),
  );
}

/** Rows (1-based) whose lineId is in the set, as the workbook holds them now. */
function rowsHolding(host: ExcelHost, ids: Set<string>): Set<number> {
  const t = host.workbook.table("Holdings");
  const col = t.columnIndex("lineId");
  const out = new Set<number>();
  for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++)
    if (ids.has(String(t.sheet.cell(r, col)))) out.add(r + 1);
  return out;
}

const ourRules = (host: ExcelHost) =>
  host.workbook
    .sheet("Holdings")
    .conditionalFormats.filter((cf) =>
      cf.formula?.includes(BREACH_NAME_PREFIX),
    );

describe.each([1_000, 100_000])(
  "the pane's operations through the strict host at %i holdings",
  (n) => {
    let host: ExcelHost;
    let ops: ReturnType<typeof excelOperations>;
    let report: Report;
    beforeAll(async () => {
      host = (await workbookWithHoldings(n)).install();
      ops = excelOperations();
    }, SLOW);
    afterAll(() => host.uninstall());

    it(
      "reads every holding in requests and responses under 4 MB, and gives the report of the grids themselves",
      async () => {
        const tables = await ops.readTables();
        expect(tables.Holdings!.rows.length).toBe(n);
        expect(host.maxRequestBytes()).toBeLessThan(4 * MB);
        expect(host.maxResponseBytes()).toBeLessThan(4 * MB);
        // The same workbook read straight from its grids (as the command line reads an xlsx).
        const grids = await holdingsRows(n);
        const direct = Object.fromEntries(
          (["Funds", "Holdings", "Holders"] as const).map((name) => [
            name,
            { ...tableFromValues(name, grids[name]), source: "table" as const },
          ]),
        );
        report = check(tables);
        expect(JSON.stringify(report)).toBe(JSON.stringify(check(direct)));
        expect(report.summary.breaches).toBeGreaterThan(0);
      },
      SLOW,
    );

    it(
      "highlights with one rule that paints exactly the breaching rows, before and after the user sorts by fair value",
      async () => {
        host.clearRequests();
        const painted = await ops.highlightBreaches(report);
        expect(host.maxRequestBytes()).toBeLessThan(4 * MB);
        expect(ourRules(host)).toHaveLength(1);
        const ids = breachingLineIds(report, host);
        expect(host.workbook.sheet("Holdings").paintedRows()).toEqual(
          rowsHolding(host, ids),
        );
        expect(painted).toBe(rowsHolding(host, ids).size);

        host.workbook.sortTable("Holdings", "fairValue", false);
        const after = host.workbook.sheet("Holdings").paintedRows();
        expect(after).toEqual(rowsHolding(host, ids));
        expect(after.size).toBe(painted);

        // Highlighting again replaces the rule: still one.
        await ops.highlightBreaches(report);
        expect(ourRules(host)).toHaveLength(1);
      },
      SLOW,
    );

    it(
      "writes the report in requests under 4 MB, idempotently, and clears the highlight",
      async () => {
        host.clearRequests();
        await ops.writeReport(report);
        await ops.writeReport(report);
        expect(host.maxRequestBytes()).toBeLessThan(4 * MB);
        const reports = host.workbook.sheets.filter(
          (s) =>
            s.customProperties.get(ROLE_KEY.toLowerCase())?.value === "report",
        );
        expect(reports.map((s) => s.name)).toEqual(["Quota report"]);
        expect(reports[0].visibility).toBe("Visible");
        // The reading problems get their table only when there are some.
        const problems =
          report.diagnostics.length +
          report.funds.reduce((k, f) => k + f.diagnostics.length, 0);
        expect(host.workbook.tables.map((t) => t.name).sort()).toEqual(
          [
            "Funds",
            "Holders",
            "Holdings",
            ...(problems ? ["QuotaReportDiagnostics"] : []),
            "QuotaReportPositions",
            "QuotaReportReconciliation",
            "QuotaReportRules",
          ].sort(),
        );
        if (problems)
          expect(host.workbook.table("QuotaReportDiagnostics").bodyRows).toBe(
            problems,
          );
        const positions = host.workbook.table("QuotaReportPositions");
        expect(positions.bodyRows).toBeGreaterThanOrEqual(n);

        await ops.clearHighlights();
        expect(ourRules(host)).toHaveLength(0);
        expect(host.workbook.sheet("Holdings").paintedRows().size).toBe(0);
        expect(
          host.workbook.names.filter((x) =>
            x.name.startsWith(BREACH_NAME_PREFIX),
          ),
        ).toHaveLength(0);
      },
      SLOW,
    );
  },
);

describe("highlights follow the data when the user sorts and filters 25,000 holdings", () => {
  it(
    "after sorting by fair value, every painted row holds a breach and every breaching row is painted; filtering hides rows, never moves the paint",
    async () => {
      const host = (await workbookWithHoldings(25_000)).install();
      try {
        const ops = excelOperations();
        const report = check(await ops.readTables());
        // The position outcomes, by lineId, as the engine gave them before the sort.
        const ids = breachingLineIds(report, host);
        expect(ids.size).toBeGreaterThan(1000);
        await ops.highlightBreaches(report);
        host.workbook.sortTable("Holdings", "fairValue", false);
        const t = host.workbook.table("Holdings");
        const col = t.columnIndex("lineId");
        const painted = t.sheet.paintedRows();
        for (const row of painted)
          expect(ids.has(String(t.sheet.cell(row - 1, col)))).toBe(true);
        for (const row of rowsHolding(host, ids))
          expect(painted.has(row)).toBe(true);
        // The rows that moved: a rule per row number would have lost them.
        const before = new Set(breachRows(report));
        const moved = [...painted].filter((r) => !before.has(r));
        expect(moved.length).toBeGreaterThan(100);

        host.workbook.filterTable("Holdings", "fundId", (v) =>
          String(v).startsWith("FCPR"),
        );
        const visible = [...t.sheet.paintedRows()].filter(
          (r) => !t.sheet.hiddenRows.has(r - 1),
        );
        expect(visible.length).toBeGreaterThan(0);
        for (const row of visible)
          expect(ids.has(String(t.sheet.cell(row - 1, col)))).toBe(true);
        expect(ourRules(host)).toHaveLength(1);
      } finally {
        host.uninstall();
      }
    },
    SLOW,
  );
});
