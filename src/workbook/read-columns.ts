import { amountFromNumber } from "../engine/amount";
import type { Diagnostic, Holding, TableSource } from "../engine/model";
import { HOLDINGS_SPEC } from "./columns";
import { type CellValue, errorText, type RawTable } from "./grid";
import {
  NO_INVALID,
  type ReadRow,
  type TableReader,
  tableReader,
} from "./read-table";

/**
 * The Holdings table read column by column: each column's cells are parsed in one pass into one
 * array of values, and a holding is a small record (its row, its unreadable columns and its index)
 * whose fields read those arrays. Reading 100,000 rows so allocates no per-row array of values
 * and no 46-field object, which is most of the time and heap a row-by-row reading costs.
 *
 * The result is the row-by-row reading's, value for value and diagnostic for diagnostic: a row
 * with an unreadable cell, and a plain sheet's row without assetClass (a possible totals row),
 * are read again alone by the row reader, which gives their diagnostics and their values.
 */
export interface HoldingsRead {
  holdings: Holding[];
  diagnostics: Diagnostic[];
  columns: Set<string>;
  source: TableSource;
  reader: TableReader;
}

/** One array of values per column of HOLDINGS_SPEC, in its order, one value per holding. */
type Columns = unknown[][];

/**
 * A holding whose fields are read from the table's columns. The getters are defined once on the
 * prototype from HOLDINGS_SPEC, so a column added to the spec is read without a change here.
 */
class ColumnHolding {
  constructor(
    readonly row: number,
    readonly invalid: Set<string>,
    private readonly columns: Columns,
    private readonly index: number,
  ) {}
}

HOLDINGS_SPEC.columns.forEach((c, k) => {
  Object.defineProperty(ColumnHolding.prototype, c.name, {
    // A yes/no column left blank or absent is no, as holdingFromValues reads it.
    get:
      c.type === "boolean"
        ? function (this: { columns: Columns; index: number }) {
            return this.columns[k][this.index] === true;
          }
        : function (this: { columns: Columns; index: number }) {
            return this.columns[k][this.index];
          },
    enumerable: true,
  });
});

/** Every field of a holding as a plain object (to copy one with some fields changed). */
export function plainHolding(h: Holding): Holding {
  if (!(h instanceof ColumnHolding)) return { ...h };
  const out: Record<string, unknown> = { row: h.row, invalid: h.invalid };
  for (const c of HOLDINGS_SPEC.columns)
    out[c.name] = (h as unknown as Record<string, unknown>)[c.name];
  return out as unknown as Holding;
}

/**
 * Every column array created alike, so that each field's read sees one kind of array; filled by
 * push, since `new Array(n)` of a large n makes a slow dictionary-backed array.
 */
function column(n: number): unknown[] {
  const values: unknown[] = [];
  for (let j = 0; j < n; j++) values.push(undefined);
  return values;
}

const HASH = 35; // "#": error texts (#N/A, #VALUE!…) begin with it.

export function readHoldingsColumns(raw: RawTable): HoldingsRead {
  const reader = tableReader(raw, HOLDINGS_SPEC);
  const diagnostics = reader.headerDiagnostics.slice();
  const rows = raw.rows;
  const assetClass = reader.mapped.find((m) => m.spec.name === "assetClass");
  const totalsPossible = raw.source === "sheet" && assetClass !== undefined;

  // The rows that are holdings (raw index), and the rows read alone with their diagnostics.
  const taken: number[] = [];
  const alone = new Map<number, ReadRow>();
  const rowDiagnostics = new Map<number, Diagnostic[]>();
  const readAlone = (i: number): ReadRow | undefined => {
    const read = reader.readRow(rows[i]);
    if (read.diagnostics.length) rowDiagnostics.set(i, read.diagnostics);
    return read.row;
  };
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    if (blankRow(cells)) continue;
    if (totalsPossible && isBlankCell(cells[assetClass.index])) {
      const row = readAlone(i);
      if (row) {
        alone.set(taken.length, row);
        taken.push(i);
      }
      continue;
    }
    taken.push(i);
  }

  const n = taken.length;
  const absent = column(n);
  const columns: Columns = HOLDINGS_SPEC.columns.map(() => absent);
  let failed: Set<number> | undefined;
  for (const m of reader.mapped) {
    const values = column(n);
    columns[m.ordinal] = values;
    const type = m.spec.type;
    for (let j = 0; j < n; j++) {
      const cell = rows[taken[j]].cells[m.index];
      if (cell === null || cell === undefined) {
        if (type === "boolean") values[j] = false;
        continue;
      }
      if (typeof cell === "number" && type === "money") {
        if (Number.isFinite(cell)) {
          values[j] = amountFromNumber(cell);
          continue;
        }
      } else if (typeof cell === "string") {
        const text = untrimmed(cell) ? cell : cell.trim();
        if (text === "") {
          if (type === "boolean") values[j] = false;
          continue;
        }
        if (text.charCodeAt(0) !== HASH) {
          // Not an error text: text is itself; any other type is parsed (once per value when memoized).
          if (type === "text") {
            values[j] = text;
            continue;
          }
          const parsed = reader.parse(m, cell);
          if (parsed.ok) {
            values[j] = parsed.value;
            continue;
          }
          (failed ??= new Set()).add(j);
          continue;
        }
      }
      if (errorText(cell) === undefined) {
        const parsed = reader.parse(m, cell);
        if (parsed.ok) {
          values[j] = parsed.value;
          continue;
        }
      }
      (failed ??= new Set()).add(j);
    }
  }
  // A row with an unreadable cell is read again alone: its values, invalid columns and diagnostics.
  for (const j of failed ?? []) alone.set(j, readAlone(taken[j])!);
  const invalid: Set<string>[] = [];
  for (const [j, row] of alone) {
    for (const m of reader.mapped) columns[m.ordinal][j] = row.values[m.ordinal];
    invalid[j] = row.invalid;
  }
  for (const i of [...rowDiagnostics.keys()].sort((a, b) => a - b))
    for (const d of rowDiagnostics.get(i)!) diagnostics.push(d);

  // Blank ids, as toHolding reads them: no fund named, the worksheet row as the line, no issuer.
  const ordinal = (name: string) =>
    HOLDINGS_SPEC.columns.findIndex((c) => c.name === name);
  for (const name of ["fundId", "issuerId", "masterStrategy"]) {
    const values = columns[ordinal(name)];
    if (values !== absent)
      for (let j = 0; j < n; j++) if (values[j] === "") values[j] = undefined;
  }
  const lineIds = columns[ordinal("lineId")];
  const lines = lineIds === absent ? column(n) : lineIds;
  columns[ordinal("lineId")] = lines;
  for (let j = 0; j < n; j++)
    if (!lines[j]) lines[j] = String(rows[taken[j]].rowNumber);

  const holdings: Holding[] = [];
  for (let j = 0; j < n; j++)
    holdings.push(new ColumnHolding(
      rows[taken[j]].rowNumber,
      invalid[j] ?? NO_INVALID,
      columns,
      j,
    ) as unknown as Holding);
  return {
    holdings,
    diagnostics,
    columns: reader.columns,
    source: reader.source,
    reader,
  };
}

/** Printable ASCII at both ends: trim() would return the text as it is. */
function untrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function isBlankCell(cell: CellValue): boolean {
  return (
    cell === null ||
    cell === undefined ||
    (typeof cell === "string" && cell.trim() === "")
  );
}

function blankRow(cells: CellValue[]): boolean {
  for (const c of cells) if (!isBlankCell(c)) return false;
  return true;
}
