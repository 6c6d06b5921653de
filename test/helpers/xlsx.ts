import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Rows = (string | number | boolean | Date | null | { formula: string; result?: unknown })[][];

/** A new folder inside the test run's own temporary folder (temp-root.ts), removed when the run ends. */
export function tempDir(): string {
  return mkdtempSync(path.join(process.env.FUND_QUOTA_TEST_TMP ?? tmpdir(), "fund-quota-"));
}

/** Adds an Excel table whose header row starts at the given cell. */
export function addTable(workbook: ExcelJS.Workbook, sheetName: string, tableName: string, ref: string, headers: string[], rows: Rows): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.addWorksheet(sheetName);
  sheet.addTable({
    name: tableName,
    ref,
    headerRow: true,
    columns: headers.map((name) => ({ name })),
    rows: rows as ExcelJS.CellValue[][],
  });
  return sheet;
}

/** Writes a plain sheet: rows placed from the given worksheet row, column A. */
export function addSheet(workbook: ExcelJS.Workbook, sheetName: string, firstRow: number, rows: Rows): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      sheet.getCell(firstRow + i, j + 1).value = value as ExcelJS.CellValue;
    });
  });
  return sheet;
}

export async function save(workbook: ExcelJS.Workbook, file: string): Promise<string> {
  await workbook.xlsx.writeFile(file);
  return file;
}
