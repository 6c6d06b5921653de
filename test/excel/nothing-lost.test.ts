import { beforeAll, describe, expect, it } from "vitest";
import { clearHighlights, MARKER_FORMULA } from "../../src/excel/highlight";
import type { TableLocation } from "../../src/excel/read-tables";
import { REPORT_SHEET, writeReportSheet } from "../../src/excel/report-sheet";
import { checkWorkbook } from "../../src/engine/check";
import { type Sheet, SimulatedWorkbook } from "../../src/preview/simulated-workbook";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { sampleSheets } from "../helpers/sample-sheets";

/* global Excel */

const HOLDINGS_AT: TableLocation = { name: "Holdings", source: "table", sheet: "Holdings", rowIndex: 0, columnIndex: 0, columnCount: 5, rowCount: 10 };

describe("the add-in never touches what the user owns", () => {
  it("removes only its own conditional formats, recognised by their marker formula", async () => {
    const deleted: string[] = [];
    const format = (id: string, type: string, formula?: string) => ({
      type,
      custom: { rule: { formula: formula ?? "", load() {} } },
      delete() {
        deleted.push(id);
      },
    });
    (globalThis as unknown as { Excel: unknown }).Excel = { ConditionalFormatType: { custom: "Custom" } };
    const formats = { items: [format("user-custom", "Custom", "=$F2>1000000"), format("ours-1", "Custom", MARKER_FORMULA), format("user-bar", "DataBar"), format("ours-2", "Custom", MARKER_FORMULA)], load() {} };
    let syncs = 0;
    const context = {
      workbook: { worksheets: { getItem: () => ({ getRange: () => ({ conditionalFormats: formats }) }) } },
      async sync() {
        syncs++;
      },
    };
    const removed = await clearHighlights(context as unknown as Excel.RequestContext, HOLDINGS_AT);
    expect(removed).toBe(2);
    expect(deleted).toEqual(["ours-1", "ours-2"]);
    expect(syncs).toBe(3);
  });

  it("a report that fails halfway leaves the previous report in place", async () => {
    // A hand-made context: writing fails at the sync that would commit the new sheet's content.
    const sheets = new Map<string, { deleted: boolean }>([[REPORT_SHEET, { deleted: false }]]);
    let syncs = 0;
    const range = (): unknown => new Proxy({ format: { font: {}, autofitColumns() {} }, conditionalFormats: { add: () => ({ textComparison: { format: { fill: {}, font: {} } } }) } }, { set: () => true });
    const sheet = (name: string) => ({
      name,
      getRange: range,
      tables: { add: () => ({ name: "" }) },
      charts: { add: () => ({ title: {} }) },
      delete() {
        sheets.get(name)!.deleted = true;
      },
      activate() {},
    });
    const context = {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => ({ ...sheet(name), isNullObject: !sheets.has(name) }),
          add: (name: string) => {
            sheets.set(name, { deleted: false });
            return sheet(name);
          },
        },
      },
      async sync() {
        syncs++;
        if (syncs === 2) throw new Error("The workbook is busy");
      },
    };
    (globalThis as unknown as { Excel: unknown }).Excel = { ConditionalFormatType: { containsText: "ContainsText" }, ConditionalTextOperator: { contains: "Contains" }, ChartType: { barClustered: "BarClustered" }, ChartSeriesBy: { columns: "Columns" } };
    const report = { asOf: "2025-12-31", funds: [], diagnostics: [], summary: { funds: 0, rules: 0, breaches: 0, warnings: 0, incomplete: 0, diagnostics: 0 } };
    await expect(writeReportSheet(context as unknown as Excel.RequestContext, report, "now")).rejects.toThrow("busy");
    expect(sheets.get(REPORT_SHEET)!.deleted).toBe(false);
  });

  describe("every command of the pane, on the simulated workbook", () => {
    let sheets: Sheet[];
    beforeAll(async () => {
      sheets = Object.entries(await sampleSheets()).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((c) => c ?? "")) }));
    });

    it("check, highlight, report (twice) and template leave the user's sheets exactly as they were", async () => {
      const workbook = new SimulatedWorkbook(structuredClone(sheets));
      const before = structuredClone(workbook.sheets);
      const ops = workbook.operations("en-US");
      const report = checkWorkbook(readWorkbook(await ops.readTables()), { asOf: "2025-12-31", positions: true });
      await ops.highlightBreaches(report);
      await ops.writeReport(report);
      const first = structuredClone(workbook.sheet(REPORT_SHEET)!.rows);
      await ops.writeReport(report);
      expect(workbook.sheet(REPORT_SHEET)!.rows).toEqual(first); // re-running replaces it in place, identically
      expect(await ops.insertTemplate("fr")).toEqual({ created: [], skipped: ["Funds", "Holdings", "Holders"] });
      await ops.clearHighlights();
      expect(workbook.sheets.filter((s) => s.name !== REPORT_SHEET)).toEqual(before);
      expect(workbook.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    });
  });
});
