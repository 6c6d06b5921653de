import { amountFromDecimal, amountFromNumber } from "../engine/amount";
import { type Reason, reason } from "../engine/reasons";
import type { Diagnostic, TableSource } from "../engine/model";
import {
  normalizeLabel,
  type Parsed,
  parseBoolean,
  parseCountry,
  parseDate,
  parseEnum,
  parseInteger,
  parseList,
  parseNumber,
  parsePercent,
  parseText,
} from "./cells";
import {
  parseCount,
  parseCurrency,
  parseDateTime,
  parseDecimal,
} from "./register-cells";
import {
  categoryRange,
  type ColumnSpec,
  englishLabel,
  enumIndex,
  frenchLabel,
  headerIndex,
  type TableSpec,
} from "./columns";
import {
  type CellValue,
  displayValue,
  errorText,
  isBlank,
  type RawTable,
} from "./grid";

/** One data row, its readable values by canonical column, and the columns it could not read. */
export interface ReadRow {
  row: number;
  /** Readable values by column, in the order of the table's spec (undefined when blank or unreadable). */
  values: unknown[];
  invalid: Set<string>;
}

/** A row's values by canonical column name (for the small Funds and Holders tables). */
export function valuesByName(
  spec: TableSpec,
  row: ReadRow,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  spec.columns.forEach((c, i) => {
    if (row.values[i] !== undefined) out[c.name] = row.values[i];
  });
  return out;
}

export interface TableRead {
  rows: ReadRow[];
  /** Columns found in the header, by canonical name. */
  columns: Set<string>;
  diagnostics: Diagnostic[];
  /** Where each column was found: the user's header text and the worksheet column letter. */
  source: TableSource;
}

/**
 * Columns whose cells repeat (classes, statuses, dates, percentages, yes/no): each distinct
 * value is parsed once per table, which keeps 100,000-row tables fast.
 */
export const NO_INVALID: Set<string> = new Set();
export const MEMOIZED: ReadonlySet<string> = new Set([
  "enum",
  "date",
  "percent",
  "boolean",
  "country",
  "category",
]);
const MEMO_LIMIT = 5000;

/** When the headers sit lower than the first non-empty row (a title above them), say where. */
/** The row where the headers seem to be, when it is not the header row read. */
function headerRowHint(
  raw: RawTable,
  byHeader: ReadonlyMap<string, ColumnSpec>,
): number | undefined {
  const hint = headerHint(raw, byHeader);
  const m = /row (\d+)/.exec(hint);
  return m ? Number(m[1]) : undefined;
}

function headerHint(
  raw: RawTable,
  byHeader: ReadonlyMap<string, ColumnSpec>,
): string {
  const known = (cells: CellValue[]) =>
    cells.filter(
      (c) => typeof c === "string" && byHeader.has(normalizeLabel(c)),
    ).length;
  const found = raw.rows.slice(0, 20).find((r) => known(r.cells) >= 2);
  return found
    ? ` The headers seem to be on row ${found.rowNumber}: remove the rows above them, or make the range an Excel table named ${raw.name}.`
    : "";
}

/** Excel column letters for a zero-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** What reading one data row gives: its record (none for a blank or totals row) and its diagnostics. */
export interface RowRead {
  row?: ReadRow;
  diagnostics: Diagnostic[];
}

/**
 * A table's header matched once, ready to read any of its data rows: readTable reads them
 * all, and an edit to a few cells re-reads only their rows (CheckedWorkbook.withEdits).
 */
export interface TableReader {
  columns: Set<string>;
  /** The header's own diagnostics (a column twice, a required column missing). */
  headerDiagnostics: Diagnostic[];
  source: TableSource;
  readRow(r: RawTable["rows"][number]): RowRead;
  /**
   * readRow of a row read before (its cells then, and its record), parsing only the cells that
   * differ; undefined when readRow must read it whole.
   */
  readRowAgain(
    r: RawTable["rows"][number],
    before: RowBefore,
  ): RowRead | undefined;
  /** The columns matched, in header order (the columnar reading parses each of them once). */
  mapped: readonly MappedColumn[];
  /** A cell of a matched column that is neither blank nor an error, read as readRow reads it. */
  parse(m: MappedColumn, cell: CellValue): Parsed<unknown>;
}

/** A row as it was read: its cells, and the record readRow made of them. */
export interface RowBefore {
  cells: CellValue[];
  row: ReadRow;
}

/** A column of the header matched to its spec. */
export interface MappedColumn {
  /** Zero-based index of the cell in each row. */
  index: number;
  spec: ColumnSpec;
  header: string;
  enums?: ReadonlyMap<string, string>;
  memo?: Map<unknown, Parsed<unknown>>;
  /** Index of the column in the table's spec, and of its value in ReadRow.values. */
  ordinal: number;
}

/**
 * Reads a table's data rows by the contract's reading rules. Blank rows are skipped, every
 * unreadable cell becomes a diagnostic naming table, row, column and value, and the row is
 * kept with that column marked invalid so the rules needing it report incomplete.
 */
export function readTable(raw: RawTable, spec: TableSpec): TableRead {
  const reader = tableReader(raw, spec);
  const diagnostics = reader.headerDiagnostics.slice();
  const rows: ReadRow[] = [];
  for (const r of raw.rows) {
    const read = reader.readRow(r);
    for (const d of read.diagnostics) diagnostics.push(d);
    if (read.row) rows.push(read.row);
  }
  return { rows, columns: reader.columns, diagnostics, source: reader.source };
}

const NO_DIAGNOSTICS: Diagnostic[] = Object.freeze(
  [],
) as unknown as Diagnostic[];

export function tableReader(raw: RawTable, spec: TableSpec): TableReader {
  const diagnostics: Diagnostic[] = [];
  const where = { table: spec.name, sheet: raw.sheet };
  const byHeader = headerIndex(spec);
  const mapped: MappedColumn[] = [];
  const columns = new Set<string>();

  raw.headers.forEach((cell, index) => {
    const header = displayValue(cell).trim();
    if (!header) return;
    const c = byHeader.get(normalizeLabel(header));
    if (!c) return; // unknown columns are kept in the workbook and ignored here
    if (columns.has(c.name)) {
      const first = mapped.find((m) => m.spec.name === c.name);
      diagnostics.push({
        ...where,
        severity: "warning",
        row: raw.headerRowNumber,
        column: c.name,
        header,
        message: `Column ${c.name} appears twice ("${first?.header}" and "${header}"); the first one is read.`,
        code: "column-twice",
        facts: { column: c.name, first: first?.header ?? c.name, header },
      });
      return;
    }
    columns.add(c.name);
    mapped.push({
      index,
      spec: c,
      header,
      enums: c.type === "enum" ? enumIndex(c) : undefined,
      memo: MEMOIZED.has(c.type) ? new Map() : undefined,
      ordinal: spec.columns.indexOf(c),
    });
  });
  for (const name of spec.required) {
    const c = spec.columns.find((x) => x.name === name);
    if (!columns.has(name)) {
      diagnostics.push({
        ...where,
        severity: "error",
        row: raw.headerRowNumber,
        column: name,
        message: `The ${spec.name} table has no ${name} column; the rules that need it cannot run.${headerHint(raw, byHeader)}`,
        code: "column-missing",
        facts: {
          table: spec.name,
          column: name,
          headersOnRow: headerRowHint(raw, byHeader),
          fr: c && frenchLabel(c),
          en: c && englishLabel(c),
        },
      });
    }
  }

  const width = spec.columns.length;
  const diagnostic = (
    r: RawTable["rows"][number],
    m: (typeof mapped)[number],
    value: string,
    message: string,
    why: Reason,
  ): Diagnostic => ({
    ...where,
    severity: "error",
    row: r.rowNumber,
    column: m.spec.name,
    header: m.header === m.spec.name ? undefined : m.header,
    cell: `${columnLetter(raw.firstColumn + m.index)}${r.rowNumber}`,
    value,
    message,
    code: why.code,
    facts: why.facts,
  });
  const assetClass = mapped.find((m) => m.spec.name === "assetClass");
  const parse = (m: MappedColumn, cell: CellValue): Parsed<unknown> => {
    // Repeated values (classes, statuses, dates…) are parsed once per column.
    let parsed =
      m.memo && typeof cell !== "object" ? m.memo.get(cell) : undefined;
    if (parsed === undefined) {
      parsed = parseCell(
        raw.date1904 && m.spec.type === "date" && typeof cell === "number"
          ? cell + DAYS_1900_TO_1904
          : cell,
        m.spec,
        m.enums,
      );
      if (m.memo && typeof cell !== "object" && m.memo.size < MEMO_LIMIT)
        m.memo.set(cell, parsed);
    }
    return parsed;
  };
  /** The diagnostic of a cell that holds an error (err) or that its column cannot read (parsed). */
  const unreadable = (
    r: RawTable["rows"][number],
    m: MappedColumn,
    cell: CellValue,
    err: string | undefined,
    parsed: Parsed<unknown> | undefined,
  ): Diagnostic =>
    err !== undefined
      ? diagnostic(
          r,
          m,
          err,
          `The cell holds the error ${err}.`,
          reason("cell-error", {
            error: err,
            column: m.spec.name,
            header: m.header,
          }),
        )
      : diagnostic(
          r,
          m,
          displayValue(cell),
          (parsed as { message: string }).message,
          reason("cell-unreadable", {
            value: displayValue(cell),
            expected: m.spec.type,
            column: m.spec.name,
            header: m.header,
            allowed:
              m.spec.type === "enum"
                ? m.spec.enumValues?.join(", ")
                : undefined,
            readings: (parsed as { readings?: [string, string] }).readings,
          }),
        );
  // Indexed loops and no closure made per row: an edit re-reads its row in code V8 has not
  // compiled yet, where each callback, iterator and named function costs a call of its own.
  const readRow = (r: RawTable["rows"][number]): RowRead => {
    const cells = r.cells;
    if (allBlank(cells)) return { diagnostics: NO_DIAGNOSTICS };
    // A plain sheet's totals row is not a holding (contract §3); a table's is never read.
    if (
      raw.source === "sheet" &&
      assetClass &&
      isBlank(cells[assetClass.index])
    ) {
      const label = totalsLabel(cells);
      if (label !== undefined) {
        return {
          diagnostics: [
            {
              ...where,
              severity: "warning",
              row: r.rowNumber,
              value: label,
              message: `Row ${r.rowNumber} ("${label}") is read as a totals row, not a holding: its amounts enter no sum.`,
              code: "totals-row",
              facts: { label },
            },
          ],
        };
      }
    }
    let rowDiagnostics = NO_DIAGNOSTICS;
    // Values by column ordinal: a plain array per row is the cheapest record to fill.
    const values: unknown[] = new Array(width);
    // Most rows read cleanly: they share one empty set, and a row gets its own at its first unreadable cell.
    let invalid: Set<string> = NO_INVALID;
    for (let j = 0; j < mapped.length; j++) {
      const m = mapped[j];
      const cell = cells[m.index];
      if (isBlank(cell)) {
        // A blank yes/no is "no", unless a rule needs the answer (blankUnknown).
        if (m.spec.type === "boolean" && !m.spec.blankUnknown)
          values[m.ordinal] = false;
        continue;
      }
      const err = errorText(cell);
      let parsed: Parsed<unknown> | undefined;
      if (err === undefined) {
        parsed = parse(m, cell);
        if (parsed.ok) {
          values[m.ordinal] = parsed.value;
          continue;
        }
      }
      if (invalid === NO_INVALID) invalid = new Set();
      invalid.add(m.spec.name);
      // The row's first diagnostic gets an array of its own; a clean row shares the empty one.
      if (rowDiagnostics === NO_DIAGNOSTICS) rowDiagnostics = [];
      rowDiagnostics.push(unreadable(r, m, cell, err, parsed));
    }
    return {
      row: { row: r.rowNumber, values, invalid },
      diagnostics: rowDiagnostics,
    };
  };
  /** The matched columns by position in the row (undefined: a column not read). */
  const mappedAt: (MappedColumn | undefined)[] = [];
  for (const m of mapped) mappedAt[m.index] = m;
  // An edited cell read again, not its whole row: a clean row whose other cells are the same
  // gives the same values for them. Anything that could make the row blank, a totals row or
  // unreadable is left to readRow: a cell that is now blank or an error or does not parse, a
  // record that had an unreadable cell, a plain sheet's row without a class.
  const readRowAgain = (
    r: RawTable["rows"][number],
    before: RowBefore,
  ): RowRead | undefined => {
    const cells = r.cells;
    if (before.row.invalid.size > 0 || cells.length !== before.cells.length)
      return undefined;
    if (
      raw.source === "sheet" &&
      assetClass &&
      isBlank(cells[assetClass.index])
    )
      return undefined;
    let values = before.row.values;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === before.cells[c]) continue;
      if (isBlank(cell) || errorText(cell) !== undefined) return undefined;
      const m = mappedAt[c];
      if (m === undefined) continue;
      const parsed = parse(m, cell);
      if (!parsed.ok) return undefined;
      // A copy: the values before are the previous read's, shared with no one who writes.
      if (values === before.row.values) values = values.slice();
      values[m.ordinal] = parsed.value;
    }
    return {
      row: { row: r.rowNumber, values, invalid: NO_INVALID },
      diagnostics: NO_DIAGNOSTICS,
    };
  };
  const source: TableSource = { sheet: raw.sheet, headers: {}, letters: {} };
  for (const m of mapped) {
    source.headers[m.spec.name] = m.header;
    source.letters[m.spec.name] = columnLetter(raw.firstColumn + m.index);
  }
  return {
    columns,
    headerDiagnostics: diagnostics,
    source,
    readRow,
    readRowAgain,
    mapped,
    parse,
  };
}

/** Serial 0 of the 1904 date system is serial 1462 of the 1900 one (1 January 1904). */
const DAYS_1900_TO_1904 = 1462;
const TOTALS = /^\s*(total|totaux|sous-total)/i;

/** Whether every cell is blank (a loop, not every(): no callback per cell). */
function allBlank(cells: CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/** The first non-empty text cell, when it begins with Total, Totaux or Sous-total. */
function totalsLabel(cells: CellValue[]): string | undefined {
  const text = cells.find(
    (c): c is string => typeof c === "string" && c.trim() !== "",
  );
  return text !== undefined && TOTALS.test(text) ? text.trim() : undefined;
}

function parseCell(
  cell: CellValue,
  spec: ColumnSpec,
  enums?: ReadonlyMap<string, string>,
): Parsed<unknown> {
  switch (spec.type) {
    case "text":
      return parseText(cell);
    case "money": {
      if (typeof cell === "number" && Number.isFinite(cell))
        return { ok: true, value: amountFromNumber(cell) };
      const n = parseNumber(cell);
      return n.ok ? { ok: true, value: amountFromDecimal(n.value) } : n;
    }
    case "percent":
      return parsePercent(cell);
    case "date":
      return parseDate(cell);
    case "boolean":
      return parseBoolean(cell);
    case "enum":
      return parseEnum(cell, enums ?? new Map(), spec.enumValues ?? []);
    case "list":
      return parseList(cell);
    case "country":
      return parseCountry(cell);
    case "category":
      return parseInteger(cell, ...categoryRange(spec));
    case "number":
      return parseDecimal(cell);
    case "count":
      return parseCount(cell);
    case "currency":
      return parseCurrency(cell);
    case "datetime":
      return parseDateTime(cell);
  }
}
