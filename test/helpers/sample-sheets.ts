import ExcelJS from "exceljs";
import path from "node:path";
import { cellValue } from "../../src/cli/xlsx-tables";

export const SAMPLE = path.resolve(__dirname, "../../examples/sample-funds.xlsx");

/** The sample workbook's sheets as plain values (dates as Excel serials, as a spreadsheet holds them). */
export async function sampleSheets(): Promise<Record<string, (string | number | boolean | null)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  wb.eachSheet((sheet) => {
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = cellValue(sheet.getRow(r).getCell(c).value);
        row.push(v instanceof Date ? v.getTime() / 86400000 + 25569 : v === undefined || (typeof v === "object" && v !== null) ? null : v);
      }
      rows.push(row);
    }
    sheets[sheet.name] = rows;
  });
  return sheets;
}

export function rangeRef(sheet: string, rows: unknown[][]): string {
  const cols = Math.max(...rows.map((r) => r.length));
  let letters = "";
  for (let n = cols; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${sheet}!A1:${letters}${rows.length}`;
}
