import type { TableName } from "../engine/model";
import type { RawTable } from "../workbook/grid";
import { tableFromValues } from "../workbook/range-grid";

/* global Excel */

export const TABLE_NAMES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
];

/** Where each table was found, so the pane can watch it, highlight it and select its cells. */
export interface TableLocation {
  name: TableName;
  source: "table" | "sheet";
  sheet: string;
  /** Zero-based worksheet row and column of the header row's first cell. */
  rowIndex: number;
  columnIndex: number;
  columnCount: number;
  rowCount: number;
}

export interface ReadResult {
  tables: Partial<Record<TableName, RawTable>>;
  locations: Partial<Record<TableName, TableLocation>>;
}

/**
 * Reads Funds, Holdings and Holders with two context.sync calls whatever the number of rows:
 * one to learn which tables and sheets exist, one to read all their values at once.
 */
export async function readTables(
  context: Excel.RequestContext,
): Promise<ReadResult> {
  const lookups = TABLE_NAMES.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    table.load("name");
    sheet.load("name");
    return { name, table, sheet };
  });
  await context.sync();

  interface Read {
    name: TableName;
    source: "table" | "sheet";
    range: Excel.Range;
    sheetName: () => string;
  }
  const reads = lookups.flatMap(({ name, table, sheet }): Read[] => {
    if (!table.isNullObject) {
      const range = table.getRange();
      const worksheet = table.worksheet;
      range.load([
        "values",
        "rowIndex",
        "columnIndex",
        "rowCount",
        "columnCount",
      ]);
      worksheet.load("name");
      return [
        { name, source: "table", range, sheetName: () => worksheet.name },
      ];
    }
    if (!sheet.isNullObject) {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load([
        "values",
        "rowIndex",
        "columnIndex",
        "rowCount",
        "columnCount",
      ]);
      return [{ name, source: "sheet", range, sheetName: () => sheet.name }];
    }
    return [];
  });
  await context.sync();

  const result: ReadResult = { tables: {}, locations: {} };
  for (const r of reads) {
    if (r.range.isNullObject) continue;
    const sheet = r.sheetName();
    result.tables[r.name] = {
      ...tableFromValues(
        r.name,
        r.range.values,
        r.range.rowIndex + 1,
        r.range.columnIndex,
        sheet,
      ),
      source: r.source,
    };
    result.locations[r.name] = {
      name: r.name,
      source: r.source,
      sheet,
      rowIndex: r.range.rowIndex,
      columnIndex: r.range.columnIndex,
      columnCount: r.range.columnCount,
      rowCount: r.range.rowCount,
    };
  }
  return result;
}
