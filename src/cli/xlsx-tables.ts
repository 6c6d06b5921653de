import ExcelJS from "exceljs";
import { closeSync, openSync, readSync } from "node:fs";
import type { TableName } from "../engine/model";
import type { CellValue, RawRow, RawTable } from "../workbook/grid";
import { isBlank } from "../workbook/grid";

const TABLE_NAMES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
  "Orders",
  "Subscribers",
  "Offers",
  "Trades",
];

/** A file that cannot be opened as a workbook at all (exit code 2). */
export class UnreadableWorkbookError extends Error {}

/** An encrypted .xlsx (or an old .xls) is an OLE compound file, not a zip. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const head = Buffer.alloc(8);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(OLE_MAGIC))
    throw new UnreadableWorkbookError(
      `${path} is password-protected or in the old .xls format: save it as an unprotected .xlsx workbook.`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new UnreadableWorkbookError(
      `${path} cannot be read as an .xlsx workbook (${reason}).`,
    );
  }
  return workbook;
}

/**
 * Finds Funds, Holdings and Holders: first as Excel tables of those names, failing that as
 * worksheets of those names whose first non-empty row holds the headers.
 */
export function findTables(
  workbook: ExcelJS.Workbook,
): Partial<Record<TableName, RawTable>> {
  const found: Partial<Record<TableName, RawTable>> = {};
  workbook.eachSheet((sheet) => {
    for (const table of Object.values(
      (sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {},
    )) {
      const model = (
        table as unknown as {
          model: {
            name: string;
            tableRef?: string;
            ref?: string;
            headerRow?: boolean;
            totalsRow?: boolean;
          };
        }
      ).model;
      const name = TABLE_NAMES.find(
        (n) => n.toLowerCase() === model.name.trim().toLowerCase(),
      );
      const ref = model.tableRef ?? model.ref;
      if (name && !found[name] && ref)
        found[name] = tableFromRef(
          sheet,
          name,
          ref,
          model.headerRow !== false,
          model.totalsRow === true,
        );
    }
  });
  workbook.eachSheet((sheet) => {
    const name = TABLE_NAMES.find(
      (n) => n.toLowerCase() === sheet.name.trim().toLowerCase(),
    );
    if (name && !found[name]) found[name] = tableFromSheet(sheet, name);
  });
  return found;
}

function tableFromRef(
  sheet: ExcelJS.Worksheet,
  name: TableName,
  ref: string,
  hasHeader: boolean,
  hasTotals: boolean,
): RawTable {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m)
    throw new UnreadableWorkbookError(
      `Table ${name} has a range ${ref} that cannot be read.`,
    );
  const [c1, r1, c2, r2] = [
    columnIndex(m[1]),
    Number(m[2]),
    columnIndex(m[3]),
    Number(m[4]),
  ];
  const headerRowNumber = hasHeader ? r1 : r1 - 1;
  const headers = hasHeader ? rowCells(sheet, r1, c1, c2) : [];
  const lastRow = hasTotals ? r2 - 1 : r2;
  const rows: RawRow[] = [];
  for (let r = hasHeader ? r1 + 1 : r1; r <= lastRow; r++)
    rows.push({ rowNumber: r, cells: rowCells(sheet, r, c1, c2) });
  return {
    name,
    source: "table",
    sheet: sheet.name,
    headerRowNumber,
    firstColumn: c1 - 1,
    headers,
    rows,
  };
}

function tableFromSheet(sheet: ExcelJS.Worksheet, name: TableName): RawTable {
  const lastRow = sheet.rowCount;
  const lastCol = Math.max(sheet.columnCount, 1);
  let headerRow = 0;
  for (let r = 1; r <= lastRow && !headerRow; r++) {
    if (rowCells(sheet, r, 1, lastCol).some((c) => !isBlank(c))) headerRow = r;
  }
  if (!headerRow)
    return {
      name,
      source: "sheet",
      sheet: sheet.name,
      headerRowNumber: 1,
      firstColumn: 0,
      headers: [],
      rows: [],
    };
  const rows: RawRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++)
    rows.push({ rowNumber: r, cells: rowCells(sheet, r, 1, lastCol) });
  return {
    name,
    source: "sheet",
    sheet: sheet.name,
    headerRowNumber: headerRow,
    firstColumn: 0,
    headers: rowCells(sheet, headerRow, 1, lastCol),
    rows,
  };
}

function rowCells(
  sheet: ExcelJS.Worksheet,
  r: number,
  c1: number,
  c2: number,
): CellValue[] {
  const row = sheet.getRow(r);
  const cells: CellValue[] = [];
  for (let c = c1; c <= c2; c++) cells.push(cellValue(row.getCell(c).value));
  return cells;
}

/** exceljs cell values to the grid's: formulas give their cached result, rich text its text. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    value instanceof Date
  )
    return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null)
        return { error: "#NO-CACHED-VALUE" };
      return cellValue(result as ExcelJS.CellValue);
    }
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
