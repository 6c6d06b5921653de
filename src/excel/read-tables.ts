import type { TableName } from "../engine/model";
import type { RawTable } from "../workbook/grid";
import { tableFromValues } from "../workbook/range-grid";
import {
  ChunkError,
  FIRST_CHUNK_ROWS,
  jsonBytes,
  rowsPerChunk,
  withRetry,
} from "./chunked";

/* global Excel */

export const TABLE_NAMES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
  "Orders",
  "Subscribers",
  "Offers",
  "Trades",
];

/** Where each table was found, so the pane can watch it, highlight it and select its cells. */
export interface TableLocation {
  name: TableName;
  source: "table" | "sheet";
  sheet: string;
  /** Zero-based worksheet row and column of the range read (a table's header row). */
  rowIndex: number;
  columnIndex: number;
  columnCount: number;
  /** Rows read: a table's header and body (never its totals row), or a sheet's used range. */
  rowCount: number;
}

export interface ReadResult {
  tables: Partial<Record<TableName, RawTable>>;
  locations: Partial<Record<TableName, TableLocation>>;
  /** True when the workbook counts dates from 1904 (Excel for Mac's old default). */
  date1904?: boolean;
}

/**
 * Whether the workbook uses the 1904 date system. `Workbook.use1904DateSystem` exists only in
 * the preview API (office-js-docs-pr, excel-preview-apis), so the add-in asks the workbook's own
 * DATE function (workbook.functions, ExcelApi 1.2): DATE(1904,1,1) is 0 in the 1904 system and
 * 1462 in the 1900 one.
 */
export function probeDateSystem(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => probe.value === 0;
}

interface Found {
  name: TableName;
  source: "table" | "sheet";
  worksheet: Excel.Worksheet;
  /** A table's header row, or a sheet's used range: where reading starts, and how wide. */
  top: Excel.Range;
  /** A table's body (its totals row excluded), or the used range again: how many rows. */
  rows: Excel.Range;
}

/**
 * Reads Funds, Holdings and Holders: one sync to find them and the date system, then each in
 * chunks of rows sized from the bytes per row measured on the first chunk, so no response
 * nears Excel's 5 MB limit whatever the row count. A table's totals row is never read. A chunk
 * that keeps failing is reported with its table and rows (ChunkError).
 */
export async function readTables(
  context: Excel.RequestContext,
): Promise<ReadResult> {
  const date1904 = probeDateSystem(context);
  const lookups = TABLE_NAMES.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    table.load("name");
    sheet.load("name");
    return { name, table, sheet };
  });
  await context.sync();

  const found: Found[] = [];
  for (const { name, table, sheet } of lookups) {
    if (!table.isNullObject) {
      const top = table.getHeaderRowRange();
      const rows = table.getDataBodyRange();
      const worksheet = table.worksheet;
      top.load(["rowIndex", "columnIndex", "columnCount"]);
      rows.load("rowCount");
      worksheet.load("name");
      found.push({ name, source: "table", worksheet, top, rows });
    } else if (!sheet.isNullObject) {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["rowIndex", "columnIndex", "columnCount", "rowCount"]);
      found.push({
        name,
        source: "sheet",
        worksheet: sheet,
        top: used,
        rows: used,
      });
    }
  }
  await context.sync();

  const result: ReadResult = {
    tables: {},
    locations: {},
    date1904: date1904(),
  };
  for (const f of found) {
    if (f.top.isNullObject) continue;
    // A table's header row comes on top of its body's rows; a sheet's used range is read whole.
    const rows = f.source === "table" ? 1 + f.rows.rowCount : f.rows.rowCount;
    const sheetName = f.worksheet.name;
    const at: TableLocation = {
      name: f.name,
      source: f.source,
      sheet: sheetName,
      rowIndex: f.top.rowIndex,
      columnIndex: f.top.columnIndex,
      columnCount: f.top.columnCount,
      rowCount: rows,
    };
    const values = await readRows(context, at);
    // Set on the table itself: a spread would make its 100,000 row objects (range-grid.ts reads the grid in place).
    result.tables[f.name] = Object.assign(
      tableFromValues(
        f.name,
        values,
        at.rowIndex + 1,
        at.columnIndex,
        sheetName,
      ),
      { source: f.source, date1904: result.date1904 },
    );
    result.locations[f.name] = at;
  }
  return result;
}

/** The values of a located range, read in chunks of rows. */
export async function readRows(
  context: Excel.RequestContext,
  at: Pick<
    TableLocation,
    "name" | "sheet" | "rowIndex" | "columnIndex" | "columnCount" | "rowCount"
  >,
  columns?: { offset: number; count: number },
): Promise<unknown[][]> {
  const sheet = context.workbook.worksheets.getItem(at.sheet);
  const values: unknown[][] = [];
  let chunk = Math.min(FIRST_CHUNK_ROWS, at.rowCount);
  let cap = Infinity;
  let widest = 0;
  for (let done = 0; done < at.rowCount;) {
    const want = Math.min(chunk, at.rowCount - done);
    let got: unknown[][];
    try {
      const { value } = await withRetry(want, async (n) => {
        const range = sheet.getRangeByIndexes(
          at.rowIndex + done,
          at.columnIndex + (columns?.offset ?? 0),
          n,
          columns?.count ?? at.columnCount,
        );
        range.load("values");
        // One sync per chunk is the point: each stays under the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return range.values;
      });
      got = value;
    } catch (e) {
      throw new ChunkError(
        "read",
        at.name,
        at.rowIndex + done + 1,
        at.rowIndex + done + want,
        e,
      );
    }
    for (const row of got) values.push(row);
    done += got.length;
    widest = Math.max(widest, Math.ceil(jsonBytes(got) / got.length));
    // A host that refused a chunk as too large gets no larger chunk afterwards.
    if (got.length < want) cap = got.length;
    chunk = Math.min(rowsPerChunk(widest), cap);
  }
  return values;
}
