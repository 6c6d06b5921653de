import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_SHEET, writeReportSheet } from "../../src/excel/report-sheet";
import { insertTemplate, LISTS_SHEET } from "../../src/excel/template";
import type { Report } from "../../src/engine/result";
import { fakeExcel, installExcelEnums } from "./fake-excel";

beforeAll(installExcelEnums);

const report: Report = {
  asOf: "2025-12-31",
  funds: [
    {
      fundId: "F1",
      fundName: "=HYPERLINK(\"http://evil.example\",\"click\")",
      fundType: "FCPR",
      basis: "COST",
      status: "breach",
      rules: [{ id: "FCPR-Q50", article: "L. 214-28 I", direction: "min", threshold: 0.5, value: 0.4, numerator: "400.00", denominator: "1000.00", status: "breach", headroom: "-100.00" }],
      diagnostics: [],
      positions: [{ row: 2, lineId: "@SUM(A1)", issuerName: "<img src=x onerror=alert(1)>", amount: "400.00", counted: [{ rule: "FCPR-Q50", amount: "400.00", article: "L. 214-28 I" }], excluded: [] }],
    },
  ],
  diagnostics: [],
  summary: { funds: 1, rules: 1, breaches: 1, warnings: 0, incomplete: 0, diagnostics: 0 },
};

describe("writing the report sheet through Office.js", () => {
  it("builds the new report aside, then replaces the previous one, in four syncs", async () => {
    const excel = fakeExcel({ sheets: [REPORT_SHEET] });
    const previous = excel.sheets.get(REPORT_SHEET)!;
    await writeReportSheet(excel.context, report, "2026-01-05 09:00");
    expect(previous.deleted).toBe(true);
    const written = excel.sheets.get(REPORT_SHEET)!;
    expect(written).not.toBe(previous);
    expect(written.tables.map((t) => t.name)).toEqual(["QuotaReportRules", "QuotaReportPositions"]);
    expect(written.charts).toBe(1);
    expect(excel.syncs()).toBe(4);
  });

  it("writes text cells as text: a name that looks like a formula stays a string", async () => {
    const excel = fakeExcel();
    await writeReportSheet(excel.context, report, "now");
    const sheet = excel.sheets.get(REPORT_SHEET)!;
    const table = sheet.ranges.find((r) => r.values?.[0]?.[0] === "Fund" && r.values[0][1] === "Fund name")!;
    expect(table.values![1][1]).toBe('=HYPERLINK("http://evil.example","click")');
    // Column B (the fund's name) was formatted as text before any value was written.
    const nameColumn = sheet.ranges.find((r) => r.address.startsWith("B4:B"))!;
    expect(nameColumn.numberFormat!.every((row) => row[0] === "@")).toBe(true);
    expect(excel.log.indexOf(`${nameColumn.address}:numberFormat`)).toBeLessThan(excel.log.indexOf(`${table.address}:values`));
  });
});

describe("inserting the template through Office.js", () => {
  it("creates the missing tables with French headers and dropdowns, and leaves an existing one alone", async () => {
    const excel = fakeExcel({ tables: ["Holdings"] });
    const result = await insertTemplate(excel.context, "fr");
    expect(result).toEqual({ created: ["Funds", "Holders"], skipped: ["Holdings"] });
    expect(excel.sheets.has("Holdings")).toBe(false);
    const funds = excel.sheets.get("Funds")!;
    expect(funds.ranges[0].values![0].slice(0, 3)).toEqual(["Code fonds", "Nom du fonds", "Type de fonds"]);
    const fundType = funds.ranges.find((r) => r.address === "C2:C2000")!;
    expect(fundType.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: expect.stringMatching(/^='Quota lists'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/) } });
    expect(excel.sheets.get(LISTS_SHEET)!.visibility).toBe("Hidden");
  });

  it("never writes over a sheet that already has the table's name", async () => {
    const excel = fakeExcel({ sheets: ["Funds", "Holdings", "Holders"] });
    expect(await insertTemplate(excel.context, "en")).toEqual({ created: [], skipped: ["Funds", "Holdings", "Holders"] });
    for (const name of ["Funds", "Holdings", "Holders"]) expect(excel.sheets.get(name)!.ranges).toEqual([]);
  });
});
