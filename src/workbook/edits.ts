import {
  type Diagnostic,
  type Holding,
  readOf,
  type TableName,
} from "../engine/model";
import { lengthOf, patchedCopy, slotOf } from "../engine/patched-array";
import type { CellValue, RawRow, RawTable } from "./grid";
import { cellsAt, gridOf, rowCount, rowNumberAt } from "./range-grid";
import { type ReadRow, type RowBefore } from "./read-table";
import { toHolding, type WorkbookReading } from "./read-workbook";

/** One cell's new value: the table, the worksheet row, and the column's position in the table's header (0 first). */
export interface CellEdit {
  table: TableName;
  row: number;
  column: number;
  value: CellValue;
}

type Tables = WorkbookReading["tables"];

/**
 * The tables with the edits applied, sharing every row that did not change, and the indexes
 * (in Holdings' rows) of the Holdings rows edited. Undefined when an edit is not to a cell of
 * an existing data row of Holdings: the caller reads the workbook again.
 */
export function applyEdits(
  tables: Tables,
  edits: readonly CellEdit[],
): { tables: Tables; holdingsRows: number[] } | undefined {
  const raw = tables.Holdings;
  if (!raw) return undefined;
  for (let e = 0; e < edits.length; e++)
    if (edits[e].table !== "Holdings") return undefined;
  const edited = new Map<number, RawRow>();
  /** edited's keys, as first met: no array spread from the map's iterator. */
  const holdingsRows: number[] = [];
  // Indexed: an iterator per edit in code not yet compiled (an edit's first hundred versions).
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k];
    const index = rowIndex(raw, e.row);
    if (index === undefined || e.column < 0 || e.column >= raw.headers.length)
      return undefined;
    let row = edited.get(index);
    if (!row) {
      row = { rowNumber: e.row, cells: rowAt(raw, index).cells.slice() };
      edited.set(index, row);
      holdingsRows.push(index);
    }
    while (row.cells.length <= e.column) row.cells.push(null);
    row.cells[e.column] = e.value;
  }
  // The table's rows are shared with the previous version but for the edited ones, and copied
  // only when something reads them all (not the edit path).
  const holdings = patchedCopy(raw, "rows", edited);
  return {
    tables: Object.assign({}, tables, { Holdings: holdings }),
    holdingsRows:
      holdingsRows.length > 1 ? holdingsRows.sort(byIndex) : holdingsRows,
  };
}

const byIndex = (a: number, b: number) => a - b;

/** raw.rows[i], without copying the rows of a table that edits made. */
function rowAt(raw: RawTable, i: number): RawRow {
  return slotOf<RawRow>(raw, "rows", i);
}

/** The index of a worksheet row among the table's rows (rows are consecutive in a table and in a read sheet). */
function rowIndex(raw: RawTable, rowNumber: number): number | undefined {
  const count = lengthOf(raw, "rows");
  const guess = rowNumber - (count ? rowAt(raw, 0).rowNumber : 0);
  if (guess >= 0 && guess < count && rowAt(raw, guess).rowNumber === rowNumber)
    return guess;
  const found = raw.rows.findIndex((r) => r.rowNumber === rowNumber);
  return found < 0 ? undefined : found;
}

/**
 * The Holdings rows whose cells differ between two reads of the workbook (a diff of two reads,
 * when the host says only that something changed). Undefined when anything but the values of
 * existing Holdings rows changed (another table, a header, a row added or removed, the date
 * system): the caller checks the new read in full.
 */
export function changedHoldingsRows(
  before: Tables,
  after: Tables,
): number[] | undefined {
  // Every table but Holdings (Funds, Holders, Orders and any later one) must be unchanged.
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const name of names as Set<keyof Tables>) {
    if (name === "Holdings") continue;
    const a = before[name];
    const b = after[name];
    if (a === b) continue;
    if (!a || !b || !sameShape(a, b)) return undefined;
    for (let i = 0, n = rowCount(a); i < n; i++)
      if (!sameCells(cellsAt(a, i), cellsAt(b, i))) return undefined;
  }
  const a = before.Holdings;
  const b = after.Holdings;
  if (a === b) return [];
  if (!a || !b || !sameShape(a, b)) return undefined;
  const changed: number[] = [];
  // Read from the grids in place (range-grid.ts): comparing two reads makes no row objects.
  for (let i = 0, n = rowCount(a); i < n; i++)
    if (!sameCells(cellsAt(a, i), cellsAt(b, i))) changed.push(i);
  return changed;
}

function sameShape(a: RawTable, b: RawTable): boolean {
  if (
    a.name !== b.name ||
    a.source !== b.source ||
    a.sheet !== b.sheet ||
    a.headerRowNumber !== b.headerRowNumber ||
    a.firstColumn !== b.firstColumn ||
    Boolean(a.date1904) !== Boolean(b.date1904) ||
    rowCount(a) !== rowCount(b) ||
    !sameCells(a.headers, b.headers)
  )
    return false;
  for (let i = 0, n = rowCount(a); i < n; i++)
    if (rowNumberAt(a, i) !== rowNumberAt(b, i)) return false;
  return true;
}

function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  if (a === b) return true;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  // A short row and a row ending in blanks read alike; null and undefined both mean blank.
  if ((a === null || a === undefined) && (b === null || b === undefined))
    return true;
  if (a instanceof Date && b instanceof Date)
    return Object.is(a.getTime(), b.getTime());
  if (
    typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    !(a instanceof Date) &&
    !(b instanceof Date)
  )
    return a.error === b.error;
  return Number.isNaN(a) && Number.isNaN(b);
}

/**
 * The reading of the new tables, from the previous reading with only the given Holdings rows
 * read again (their holdings and their diagnostics replaced), and the indexes in the model's
 * holdings of the holdings that changed. Undefined when a row became blank or stopped being
 * blank, or is a totals row before or after: the rows of the model move, so the caller reads
 * everything again.
 */
export function rereadHoldingsRows(
  previous: WorkbookReading,
  tables: Tables,
  rawRows: readonly number[],
): { reading: WorkbookReading; changed: number[] } | undefined {
  const raw = tables.Holdings;
  const reader = previous.holdingsReader;
  if (!raw || !reader) return undefined;
  const holdingOf = holdingIndexes(previous);
  const holdings = new Map<number, Holding>();
  let diagnostics = previous.holdingsDiagnostics;
  const changed: number[] = [];
  const readBefore = (previous as ReadRows)[ROWS_READ];
  const rowsRead = new Map<number, RowBefore>();
  for (let j = 0; j < rawRows.length; j++) {
    const i = rawRows[j];
    const k = holdingOf[i];
    // A new read's grid gives the row in place; an edited copy, its patched slot.
    const row: RawRow = gridOf(raw)
      ? { rowNumber: rowNumberAt(raw, i), cells: cellsAt(raw, i) }
      : slotOf<RawRow>(raw, "rows", i);
    // A row this reading's edit read: only its cells that changed since are read again.
    const before = readBefore?.get(i);
    const read =
      (before && reader.readRowAgain(row, before)) ?? reader.readRow(row);
    if (k < 0 || !read.row) return undefined;
    rowsRead.set(i, { cells: row.cells, row: read.row as ReadRow });
    const holding = toHolding(read.row as ReadRow);
    holdings.set(k, holding);
    changed.push(k);
    diagnostics = replaceRowDiagnostics(
      diagnostics,
      row.rowNumber,
      read.diagnostics,
    );
  }
  // The holdings are the previous model's but for the changed ones, copied when first read whole.
  const model = patchedCopy(previous.model, "holdings", holdings);
  if (diagnostics !== previous.holdingsDiagnostics)
    model.diagnostics = [
      ...previous.diagnosticsBefore,
      ...diagnostics,
      ...previous.diagnosticsAfter,
    ];
  // Object.assign, not a spread followed by keys: Node 20's V8 builds `{ ...a, k: v }` on a slow path.
  // The rows' holdings are where they were: the index goes with the reading, and with the next
  // one's copy of it (a key of its own, not a WeakMap entry per edit).
  const reading: WorkbookReading = Object.assign({}, previous, {
    tables,
    model,
    holdingsDiagnostics: diagnostics,
    [HOLDING_INDEX]: holdingOf,
    [ROWS_READ]: rowsRead,
  });
  return { reading, changed };
}

/**
 * The rows an edit read again, by index in Holdings' rows, on the reading it made: the next edit
 * of the same row (a cell typed again, a what-if) parses only the cells that differ.
 */
const ROWS_READ = Symbol("rows read again by the edit");
type ReadRows = { [ROWS_READ]?: ReadonlyMap<number, RowBefore> };

const holdingIndexCache = new WeakMap<WorkbookReading, Int32Array>();
/** A reading's holdingIndexes when an edit made it (rereadHoldingsRows). */
const HOLDING_INDEX = Symbol("index of each row's holding");

/** For each row of the Holdings grid, the index of its holding in the model, or -1 (blank, totals). */
function holdingIndexes(reading: WorkbookReading): Int32Array {
  let index =
    (reading as { [HOLDING_INDEX]?: Int32Array })[HOLDING_INDEX] ??
    holdingIndexCache.get(reading);
  if (index) return index;
  const raw = reading.tables.Holdings;
  const count = raw ? lengthOf(raw, "rows") : 0;
  const holdings: Holding[] = reading.model.holdings;
  const rowOf = holdingRows(holdings);
  index = new Int32Array(count).fill(-1);
  // Holdings keep the rows' order, skipping blank and totals rows. Row numbers from the grid
  // and the read's columns: the first edit of a new read makes no row or holding objects.
  const grid = raw ? gridOf(raw) : undefined;
  for (let i = 0, k = 0; i < count && k < holdings.length; i++) {
    const rowNumber = grid
      ? grid.rowNumberOfFirst + i
      : slotOf<RawRow>(raw!, "rows", i).rowNumber;
    if (rowNumber === rowOf(k)) index[i] = k++;
  }
  holdingIndexCache.set(reading, index);
  return index;
}

/** Holding k's worksheet row: from the read's columns when the holdings are the read's own, in order. */
function holdingRows(holdings: readonly Holding[]): (k: number) => number {
  const columns = readOf(holdings);
  if (columns && columns.indicesOf(holdings) === null)
    return (k) => columns.rowAt(k);
  return (k) => holdings[k].row;
}

/** The table's diagnostics with those of one data row replaced, keeping them in row order. */
function replaceRowDiagnostics(
  diagnostics: Diagnostic[],
  row: number,
  replacement: readonly Diagnostic[],
): Diagnostic[] {
  // The common edit: a clean row in a table without diagnostics.
  if (replacement.length === 0 && diagnostics.length === 0) return diagnostics;
  const first = diagnostics.findIndex((d) => d.row >= row);
  if (replacement.length === 0 && (first < 0 || diagnostics[first].row !== row))
    return diagnostics;
  const start = first < 0 ? diagnostics.length : first;
  let end = start;
  while (end < diagnostics.length && diagnostics[end].row === row) end++;
  return [
    ...diagnostics.slice(0, start),
    ...replacement,
    ...diagnostics.slice(end),
  ];
}
