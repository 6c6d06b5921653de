// Writes the sample workbook's sheets as value grids for the browser preview (dates as Excel
// serials, formulas as their cached results: what Office.js hands the pane).
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? path.join(root, "examples/sample-funds.xlsx");
const out = process.argv[3] ?? path.join(root, "src/preview/sample-grids.generated.json");

const toValue = (v) => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (typeof v === "object") {
    if ("result" in v) return toValue(v.result);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return v.error;
    if ("text" in v) return v.text;
  }
  return v;
};

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(source);
const sheets = [];
wb.eachSheet((sheet) => {
  const rows = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(toValue(sheet.getRow(r).getCell(c).value));
    rows.push(row);
  }
  sheets.push({ name: sheet.name, rows });
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ sheets }));
console.log(`${out}: ${sheets.map((s) => `${s.name} (${s.rows.length} rows)`).join(", ")}`);
