import ExcelJS from "exceljs";
import { cellValue } from "../../src/cli/xlsx-tables";
import { isCellError } from "../../src/workbook/grid";
import { createExcelHost, type ExcelHost, type HostCell } from "../excel-host";

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The strict host holding what an .xlsx holds, as Excel would after opening it: every cell's
 * stored value (a date is its serial, an error its error) on sheets of the same names, and the
 * file's tables at the same places.
 */
export async function hostFromXlsx(file: string): Promise<ExcelHost> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const date1904 = Boolean(wb.properties.date1904);
  const host = createExcelHost();
  host.workbook.date1904 = date1904;
  wb.eachSheet((ws) => {
    const rows: HostCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: HostCell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = cellValue(ws.getRow(r).getCell(c).value);
        if (v instanceof Date)
          row.push(v.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0));
        else if (isCellError(v)) row.push({ error: v.error });
        else row.push(v ?? null);
      }
      rows.push(row);
    }
    const sheet = host.workbook.addSheet(ws.name, rows);
    for (const t of Object.values(
      (ws as unknown as { tables?: Record<string, { model: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {},
    )) {
      const ref = (t.model.tableRef ?? t.model.ref)!;
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
      host.workbook.addTable(
        sheet,
        { r0: Number(m[2]) - 1, c0: columnNumber(m[1]) - 1, r1: Number(m[4]) - 1, c1: columnNumber(m[3]) - 1 },
        t.model.name,
      );
    }
  });
  return host;
}
