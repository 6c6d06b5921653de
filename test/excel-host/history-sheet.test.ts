import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { excelOperations } from "../../src/excel/excel-operations";
import { freezeMonthEnd, HISTORY_TABLE } from "../../src/excel/history-sheet";
import { ROLE_KEY } from "../../src/excel/own-sheets";
import { readTables } from "../../src/excel/read-tables";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { SAMPLE } from "../helpers/sample-sheets";
import { hostFromXlsx } from "../evidence/xlsx-to-host";

const MONTH_ENDS = ["2025-10-31", "2025-11-30", "2025-12-31"];

// "Freeze month-end" through Microsoft's Excel client and the strict host: the QuotaHistory table
// on the add-in's own sheet and one native line chart per fund (Worksheet.charts.add, ExcelApi
// 1.1: office-js-docs-pr, docs/excel/excel-add-ins-charts.md).
describe("Freeze month-end, three month-ends of the sample", () => {
  it("appends each month to QuotaHistory and draws a line chart per fund over the month-ends", async () => {
    // Excel.ChartType and friends are the client's own enums: the globals must be installed.
    const host = (await hostFromXlsx(SAMPLE)).install();
    try {
    const read = await host.run((context) => readTables(context));
    const model = readWorkbook(read.tables);
    const reports = MONTH_ENDS.map((asOf) => checkWorkbook(model, { asOf }));
    const perMonth = reports[0].funds.reduce((n, f) => n + f.rules.filter((r) => r.threshold !== null).length, 0);
    for (const report of reports) await host.run((context) => freezeMonthEnd(context, report, "fr"));
    // Freezing December again replaces December: nothing doubles.
    await host.run((context) => freezeMonthEnd(context, reports[2], "fr"));

    const own = host.workbook.sheets.filter((s) => s.customProperties.get(ROLE_KEY.toLowerCase())?.value === "history");
    expect(own).toHaveLength(1);
    const sheet = own[0];
    expect(sheet.name).toBe("Historique des ratios");
    expect(sheet.visibility).not.toBe("Hidden");
    const table = host.workbook.table(HISTORY_TABLE);
    expect(table.sheet).toBe(sheet);
    expect(table.headers).toEqual(["Date d'arrêté", "Fonds", "Règle", "Ratio", "Seuil", "Statut"]);
    expect(table.bodyRows).toBe(3 * perMonth);
    const dates = new Set<string>();
    for (let r = table.bodyRect.r0; r <= table.bodyRect.r1; r++) dates.add(String(sheet.cell(r, 0)));
    expect([...dates]).toEqual(MONTH_ENDS);
    // One line chart per fund, each over a header row and the three month-ends.
    expect(sheet.charts).toHaveLength(reports[2].funds.filter((f) => f.rules.some((r) => r.threshold !== null)).length);
    for (const chart of sheet.charts) {
      expect(chart.type).toBe("Line");
      expect(chart.seriesBy).toBe("Columns");
      const m = /^\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(String(chart.source).split("!").pop()!)!;
      expect(Number(m[2]) - Number(m[1]) + 1).toBe(1 + MONTH_ENDS.length);
    }
    // No staging sheet left behind.
    expect(host.workbook.sheets.filter((s) => s.customProperties.get(ROLE_KEY.toLowerCase())?.value === "history-staging")).toHaveLength(0);
    } finally {
      host.uninstall();
    }
  }, 120_000);

  it("is the pane's operation: excelOperations().freezeMonthEnd, in one undo step where the host allows it", async () => {
    const host = (await hostFromXlsx(SAMPLE)).install();
    try {
      const read = await host.run((context) => readTables(context));
      const report = checkWorkbook(readWorkbook(read.tables), { asOf: "2025-12-31" });
      const n = await excelOperations().freezeMonthEnd!(report, "en");
      expect(n).toBe(report.funds.reduce((k, f) => k + f.rules.filter((r) => r.threshold !== null).length, 0));
      expect(host.workbook.table(HISTORY_TABLE).bodyRows).toBe(n);
      expect(host.workbook.sheet("Quota history").charts.length).toBeGreaterThan(0);
    } finally {
      host.uninstall();
    }
  }, 120_000);
});
