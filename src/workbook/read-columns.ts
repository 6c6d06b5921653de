import { amountFromNumber } from "../engine/amount";
import {
  centsToMillionths,
  COLUMNS_OF_LIST,
  COST_MILLIONTHS,
  type Diagnostic,
  FAIR_MILLIONTHS,
  type Holding,
  type HoldingColumns,
  IN_COLUMNS,
  MILLIONTHS_PER_CENT,
  NO_CENTS,
  type TableSource,
} from "../engine/model";
import { HOLDINGS_SPEC } from "./columns";
import { type CellValue, errorText, type RawRow, type RawTable } from "./grid";
import { type LazyList, lazyList } from "./lazy-list";
import { gridOf, type GridRows } from "./range-grid";
import {
  type MappedColumn,
  MEMOIZED,
  NO_INVALID,
  type ReadRow,
  type TableReader,
  tableReader,
} from "./read-table";
import { TextCodes } from "./text-codes";

/**
 * The Holdings table read column by column: each column's cells are parsed in one pass into one
 * array of values, and a holding is a small record (its row, its unreadable columns and its index)
 * whose fields read those arrays. Reading 100,000 rows so allocates no per-row array of values
 * and no 46-field object, which is most of the time and heap a row-by-row reading costs.
 * These records are made when first read (lazy-list.ts): a check that reads the columns alone
 * (fund-columns.ts) makes few of them.
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

/**
 * One column of values, one per holding, stored by what it holds: repeated values (classes,
 * statuses, dates, percentages, yes/no, texts while they are few: TEXT_CODES, and the ids rules
 * group by however many: GROUPED) as 8-bit codes (16-bit past 256 distinct values, 32-bit past
 * 65,536) into the column's distinct values; amounts in cents in an Int32Array while every one
 * is a whole number of cents within ±(2^31 − 1), then as integer millionths in a Float64Array,
 * exact while every one is within 2^53 (checked for each amount, never assumed: the first one
 * past a form turns the column into the next), or in place in a grid until first asked when the
 * check is not expected to read them (amountCells); a grid's other texts of many distinct
 * values (line ids, issuer names) in place in the grid, but for the few that are not their cell
 * as it is; anything else as is.
 */

/**
 * Writes an amount cell to m[j] as integer millionths when it is exact below 2^53 (the common
 * case), as amountFromNumber reads it: an integer, or an amount in cents, scaled exactly; says
 * whether it could. The number goes straight into the array: a returned one would be boxed on
 * the heap whenever the call is not inlined (in the long row loop, it often is not).
 */
function writeMillionths(m: Float64Array, j: number, cell: number): boolean {
  if (Number.isInteger(cell) && Math.abs(cell) <= 9e9) {
    m[j] = cell * 1e6;
    return true;
  }
  const cents = Math.round(cell * 100);
  if (
    Math.abs(cents) < 9e11 &&
    cents / 100 === cell &&
    !Number.isInteger(cell)
  ) {
    m[j] = cents * 10_000;
    return true;
  }
  return false;
}

/**
 * Writes an amount cell to c[j] in cents when it is a whole number of cents within ±(2^31 − 1),
 * the same amount writeMillionths writes (its millionths are c[j] × 10,000); says whether it could.
 */
function writeCents(c: Int32Array, j: number, cell: number): boolean {
  if (Number.isInteger(cell)) {
    if (cell > MAX_WHOLE_EUROS || cell < -MAX_WHOLE_EUROS) return false;
    // −0 stays −0 in millionths (as the row reader gives it), not in an Int32Array.
    if (cell === 0 && 1 / cell < 0) return false;
    c[j] = cell * 100;
    return true;
  }
  const cents = Math.round(cell * 100);
  if (cents > MAX_CENTS || cents < -MAX_CENTS || cents / 100 !== cell)
    return false;
  c[j] = cents;
  return true;
}

/** The cents a slot of an Int32Array holds, NO_CENTS (−2^31) being kept for a blank. */
const MAX_CENTS = 0x7fffffff;
const MAX_WHOLE_EUROS = Math.floor(MAX_CENTS / 100);

/** Where a column of a grid's table finds its cells: holding j's cell is values[first + indexAt(j)][at]. */
interface GridCells {
  values: readonly (readonly unknown[])[];
  first: number;
  at: number;
}

/** How far a read has come: the holdings read so far, and each one's row in the table. */
interface RowsRead {
  /** The holdings read so far (all of them once read): the later slots are not written yet. */
  readonly count: number;
  indexAt(j: number): number;
}

class Column {
  private values: unknown[] | null = null;
  /** The codes, while the column holds codes (null once it holds plain values). */
  codes: Uint8Array | Uint16Array | Uint32Array | null = null;
  /** The values the codes stand for (code 0: blank), and their codes. */
  private dict: TextCodes | null = null;
  /**
   * The amounts in cents (NO_CENTS: blank), while every one is a whole number of cents within
   * ±(2^31 − 1): a read writes 4 bytes a row, not 8, and the memory a read writes afresh is
   * most of its time (docs/performance.md). The first amount that is not leaves them for
   * millionths (leaveCents).
   */
  cents: Int32Array | null = null;
  /**
   * The amounts in millionths, while every one is within 2^53 (null once it holds BigInts); with
   * cents, made from them when first asked (amounts()).
   */
  millionths: Float64Array | null = null;
  /**
   * A text column of a grid's table read in place: a holding's value is its cell (null: blank)
   * but for the holdings in `exceptions` (a trimmed text, a blank line named by its row, a cell
   * read otherwise), so that an id column of 100,000 distinct texts is no array of its own.
   * A grid's rows are never changed after a read (range-grid.ts), which this relies on.
   */
  private cells: GridCells | null = null;
  private exceptions: Map<number, unknown> | null = null;
  /**
   * An amount column of a grid's table read in place (one that no fund's basis names: the fair
   * values of a cost-basis workbook): a holding's amount is its cell's, but for the holdings in
   * `exceptions` (a cell read otherwise); its millionths are made when first asked (amounts()),
   * so a check that never reads the column never writes its 800 KB (at 100,000 rows) afresh.
   */
  private amountCells: GridCells | null = null;

  constructor(
    private readonly n: number,
    private readonly rows: RowsRead,
    kind: ColumnForm,
    /** Past this many distinct values, the column holds them as they are (or in place, `grid`). */
    private readonly maxCodes = MAX_CODES,
    /** The grid a text column can be read in place from (kind "cells", or past maxCodes). */
    private readonly grid: GridCells | null = null,
    /** Where its codes or amounts are cut from (else an array of their own). */
    arena: Arena | null = null,
    /** About how many distinct values a coded column will hold: its codes are that wide from the start. */
    expected = 0,
  ) {
    if (kind === "codes") {
      this.codes =
        expected > 0xffff
          ? new Uint32Array(n)
          : expected > 0xff
            ? new Uint16Array(n)
            : (arena?.uint8() ?? new Uint8Array(n));
      this.dict = new TextCodes(expected);
      this.dict.add(undefined);
    } else if (kind === "amounts")
      // Not filled: the read writes every holding's slot (NO_CENTS for a blank).
      this.cents = arena?.int32() ?? new Int32Array(n);
    else if (kind === "cells") this.toCells();
    else if (kind === "amountCells") {
      this.amountCells = grid;
      this.exceptions = new Map();
    } else this.values = column(n);
  }

  /** The column's slots: one per row of the table (blank rows leave the end unused). */
  get length(): number {
    return this.n;
  }

  get(j: number): unknown {
    if (this.codes !== null) return this.dict!.at(this.codes[j]);
    if (this.cents !== null) {
      const c = this.cents[j];
      return c === NO_CENTS ? undefined : BigInt(c) * PER_CENT_BIG;
    }
    if (this.millionths !== null) {
      const x = this.millionths[j];
      return x === x ? BigInt(x) : undefined;
    }
    if (this.cells !== null) {
      const exceptions = this.exceptions!;
      if (exceptions.size !== 0 && exceptions.has(j)) return exceptions.get(j);
      return this.cellAt(j);
    }
    if (this.amountCells !== null) {
      const exceptions = this.exceptions!;
      if (exceptions.size !== 0 && exceptions.has(j)) return exceptions.get(j);
      // As the row pass reads a number it writes as millionths; any other cell not kept apart is blank.
      const cell = cellOf(this.amountCells, this.rows, j);
      return typeof cell === "number" && writeMillionths(SCRATCH, 0, cell)
        ? BigInt(SCRATCH[0])
        : undefined;
    }
    return this.values![j];
  }

  set(j: number, value: unknown): void {
    if (this.codes !== null) {
      // A new value's code would be dict.size: past maxCodes, the column leaves its codes.
      if (
        this.dict!.size > this.maxCodes &&
        this.dict!.codeOf(value) === undefined
      ) {
        this.leaveCodes();
        this.set(j, value);
        return;
      }
      const code = this.dict!.add(value);
      // Past 256 distinct values the codes take two bytes, past 65,536 four (the slots past the
      // rows read are 0).
      if (code > 0xff && this.codes instanceof Uint8Array)
        this.codes = new Uint16Array(this.codes);
      else if (code > 0xffff && this.codes instanceof Uint16Array)
        this.codes = new Uint32Array(this.codes);
      this.codes[j] = code;
    } else if (this.cents !== null) {
      // Only while the column is being read: its millionths are not made yet.
      const cents = value === undefined ? NO_CENTS : centsOf(value as bigint);
      if (cents !== undefined) this.cents[j] = cents;
      else {
        this.leaveCents();
        this.set(j, value);
      }
    } else if (this.millionths !== null) {
      if (value === undefined) this.millionths[j] = NaN;
      else if ((value as bigint) <= SAFE && (value as bigint) >= -SAFE)
        this.millionths[j] = Number(value);
      else {
        this.toValues();
        this.values![j] = value;
      }
    } else if (this.amountCells !== null) this.exceptions!.set(j, value);
    else if (this.cells !== null) {
      // Only a value that is not its cell as it is is kept apart.
      if (value === this.cellAt(j)) this.exceptions!.delete(j);
      else this.exceptions!.set(j, value);
    } else this.values![j] = value;
  }

  /** Holding j's cell, in a column read in place (a blank cell is undefined). */
  private cellAt(j: number): unknown {
    return cellOf(this.cells!, this.rows, j);
  }

  /**
   * The amounts in millionths (NaN: blank), null when the column holds BigInts past 2^53; an
   * amount column read in place makes them now, once.
   */
  amounts(): Float64Array | null {
    if (this.amountCells !== null) this.makeAmounts();
    else if (this.cents !== null && this.millionths === null)
      this.millionths = millionthsOfCents(this.cents, this.rows.count);
    return this.millionths;
  }

  /** Holding j's amount in millionths (NaN: blank, or a BigInt past 2^53), without making the column's millionths. */
  millionthsAt(j: number): number {
    const cents = this.cents;
    if (cents !== null) return inMillionths(cents[j]);
    const m = this.amounts();
    return m === null ? NaN : m[j];
  }

  /** The amounts read so far into millionths, for an amount that is not a whole number of cents within 2^31. */
  private leaveCents(): void {
    this.millionths = millionthsOfCents(this.cents!, this.rows.count, this.n);
    this.cents = null;
  }

  /** An amount column read in place made into millionths (or plain BigInts, if one is past 2^53). */
  private makeAmounts(): void {
    const exceptions = this.exceptions!;
    for (const value of exceptions.values())
      if (
        value !== undefined &&
        ((value as bigint) > SAFE || (value as bigint) < -SAFE)
      ) {
        this.toValues();
        return;
      }
    const m = new Float64Array(this.n);
    const { values, first, at } = this.amountCells!;
    const rows = this.rows;
    for (let j = 0; j < rows.count; j++) {
      const cell = values[first + rows.indexAt(j)][at];
      if (typeof cell !== "number" || !writeMillionths(m, j, cell)) m[j] = NaN;
    }
    for (const [j, value] of exceptions)
      m[j] = value === undefined ? NaN : Number(value);
    this.millionths = m;
    this.amountCells = this.exceptions = null;
  }

  /**
   * Each slot's code by textCodes, of its value as get(j) gives it. A column read in place reads
   * its grid's cells here directly (as cellAt), without get's tests for each of 100,000 slots.
   */
  codeInto(codes: Uint32Array, textCodes: TextCodes): void {
    const cells = this.cells;
    const inPlace = cells === null ? 0 : Math.min(this.rows.count, this.n);
    const rows = this.rows;
    // Consecutive rows often repeat a value (an issuer's lines): its code is reused, not looked up.
    let last: unknown = undefined;
    let lastCode = -1;
    for (let j = 0; j < this.n; j++) {
      let value: unknown;
      if (j < inPlace) {
        const exceptions = this.exceptions!;
        if (exceptions.size !== 0 && exceptions.has(j))
          value = exceptions.get(j);
        else {
          const cell = cells!.values[cells!.first + rows.indexAt(j)][cells!.at];
          value = cell === null ? undefined : cell;
        }
      } else value = this.get(j);
      if (value === last && lastCode >= 0) {
        codes[j] = lastCode;
        continue;
      }
      codes[j] = lastCode = textCodes.add(value);
      last = value;
    }
  }

  /** The column reads its cells in place (a text column of a grid's table). */
  inCells(): boolean {
    return this.cells !== null;
  }

  /** The values the codes stand for, in a coded column. */
  dictionary(): readonly unknown[] {
    return this.dict!.values;
  }

  /** The code of a value, in a coded column; undefined for a value no row has. */
  codeOfValue(value: unknown): number | undefined {
    return this.dict!.codeOf(value);
  }

  /** The column still holds codes (not turned into plain values by too many distinct ones). */
  coded(): boolean {
    return this.codes !== null;
  }

  /** The values as they are, in a column of plain values; null otherwise. */
  plainValues(): unknown[] | null {
    return this.values;
  }

  /** The code of row j's value, in a coded column. */
  codeAt(j: number): number {
    return this.codes![j];
  }

  /**
   * A clean text into a coded column, the row pass's common case: set's path for codes without
   * its other forms (about 0.5 ms of a read of 38,000 issuers in 100,000 rows). Its code; -1 once
   * the column no longer holds codes.
   */
  codeText(j: number, text: string): number {
    const { codes, dict } = this;
    if (codes !== null && dict !== null && dict.size <= this.maxCodes) {
      const code = dict.add(text);
      // A code past the codes' width goes through set, which widens them (add finds it again).
      if (
        code <= 0xff ||
        codes instanceof Uint32Array ||
        (code <= 0xffff && codes instanceof Uint16Array)
      ) {
        codes[j] = code;
        return code;
      }
    }
    this.set(j, text);
    return this.codes === null ? -1 : this.codes[j];
  }

  /** Row j takes the value another row's code stands for, in a coded column. */
  setCode(j: number, code: number): void {
    this.codes![j] = code;
  }

  /** An amount cell read straight into millionths when it is exact below 2^53 (the common case). */
  setAmount(j: number, cell: number): void {
    const c = this.cents;
    if (c !== null) {
      if (writeCents(c, j, cell)) return;
      this.leaveCents();
    }
    const m = this.millionths;
    if (m !== null && writeMillionths(m, j, cell)) return;
    this.set(j, amountFromNumber(cell));
  }

  /** A coded column past its codes: read in place from its grid if it has one, else as plain values. */
  private leaveCodes(): void {
    if (this.grid !== null) this.toCells();
    else this.toValues();
  }

  /**
   * The values of the holdings read so far (rows.count; the later slots are not written yet, and
   * a column of amounts is not filled) as they are; the others undefined until read.
   */
  private toValues(): void {
    const values = column(this.n);
    for (let j = 0; j < this.rows.count; j++) values[j] = this.get(j);
    this.values = values;
    this.codes = this.dict = this.millionths = this.cents = null;
    this.amountCells = this.exceptions = null;
  }

  /** The column read in place from now on: the holdings read so far whose value is not their cell kept apart. */
  private toCells(): void {
    const { codes, dict } = this;
    this.cells = this.grid;
    this.exceptions = new Map();
    if (codes !== null)
      for (let j = 0; j < this.rows.count; j++) {
        const value = dict!.at(codes[j]);
        if (value !== this.cellAt(j)) this.exceptions.set(j, value);
      }
    this.codes = this.dict = null;
  }
}

type ColumnForm = "values" | "codes" | "amounts" | "amountCells" | "cells";

/** An amount in millionths as cents in an Int32Array slot, when it is a whole number of them within ±(2^31 − 1). */
function centsOf(amount: bigint): number | undefined {
  if (amount % PER_CENT_BIG !== 0n) return undefined;
  const cents = amount / PER_CENT_BIG;
  return cents <= MAX_CENTS_BIG && cents >= -MAX_CENTS_BIG
    ? Number(cents)
    : undefined;
}

const MAX_CENTS_BIG = BigInt(MAX_CENTS);
const PER_CENT_BIG = BigInt(MILLIONTHS_PER_CENT);

/** model.ts's centsToMillionths, read once (why: there): every holding's amount comes here. */
const inMillionths = centsToMillionths;

/** The first `count` slots of a column of cents in millionths (NaN for a blank), in an array of n slots. */
function millionthsOfCents(
  cents: Int32Array,
  count: number,
  n = count,
): Float64Array {
  const m = new Float64Array(Math.max(n, cents.length));
  for (let j = 0; j < count; j++) m[j] = inMillionths(cents[j]);
  return m;
}

/** Holding j's cell in a grid's column (a blank cell is undefined). */
function cellOf(grid: GridCells, rows: RowsRead, j: number): unknown {
  if (j >= rows.count) return undefined;
  const cell = grid.values[grid.first + rows.indexAt(j)][grid.at];
  return cell === null ? undefined : cell;
}

/** Where a column read in place tests whether a cell is an amount it writes as millionths. */
const SCRATCH = new Float64Array(1);

/**
 * The typed arrays of a read's columns cut from one buffer: a buffer costs about as much to
 * allocate whatever its size (the memory is mapped for it), so one for all the columns rather
 * than one each. The amounts first (4-byte aligned), then the codes; past the room planned, an
 * array of its own.
 */
class Arena {
  private readonly buffer: ArrayBuffer;
  private amountsAt = 0;
  private codesAt: number;
  private readonly amountsEnd: number;

  constructor(
    private readonly n: number,
    amounts: number,
    codes: number,
  ) {
    this.buffer = new ArrayBuffer(n * (4 * amounts + codes));
    this.amountsEnd = this.codesAt = 4 * n * amounts;
  }

  /** An amount column's cents (4-byte aligned: the amounts come first). */
  int32(): Int32Array {
    if (this.amountsAt + 4 * this.n > this.amountsEnd)
      return new Int32Array(this.n);
    const view = new Int32Array(this.buffer, this.amountsAt, this.n);
    this.amountsAt += 4 * this.n;
    return view;
  }

  uint8(): Uint8Array {
    if (this.codesAt + this.n > this.buffer.byteLength)
      return new Uint8Array(this.n);
    const view = new Uint8Array(this.buffer, this.codesAt, this.n);
    this.codesAt += this.n;
    return view;
  }
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_CODES = 0xffff;
/**
 * A text column (fundId, issuerId…) is coded while it has at most this many distinct texts: the
 * funds' ids fit in 2 bytes a row rather than 8, and an id column of many distinct values is
 * read in place (a grid's) or turns into plain texts early, before its Map of codes costs more
 * memory than it saves.
 */
const TEXT_CODES = 255;
/**
 * The text columns rules group rows by (FundColumns.coded: a fund's rows, an issuer's): coded
 * however many distinct texts they have, in the row pass while each row is in cache. Read in
 * place instead, an issuer column of ~38,000 distinct texts in 100,000 rows was coded at the
 * first check by a second pass over the grid, which cost more than the read's own pass.
 */
const GROUPED: ReadonlySet<string> = new Set(["fundId", "issuerId"]);

type Columns = Column[];

/** What the holdings of one read share: the columns, each holding's worksheet row, and the unreadable columns of the few rows that have some. */
class HoldingsTable implements HoldingColumns {
  constructor(
    readonly columns: Columns,
    /**
     * Holding j's row in the table (raw index); null while holding j is row j (no blank or
     * totals row before it), which saves filling an array in most reads.
     */
    public taken: Int32Array | null,
    /**
     * Each holding's worksheet row; null for a grid's rows, whose rows are numbered in order
     * from rowNumberOfFirst (one array fewer to fill: memory first written costs most of a read).
     */
    readonly rowNumbers: Float64Array | null,
    readonly rowNumberOfFirst: number,
    /** By holding index; null when every row read cleanly. */
    public invalid: Map<number, Set<string>> | null,
  ) {}

  /** The holdings of the read, once it is done. */
  holdings: LazyList<Holding> | undefined;

  /** The holdings read so far; all of them once the read is done. */
  count = 0;

  /** Holding j's row in the table (raw index). */
  indexAt(j: number): number {
    const taken = this.taken;
    return taken === null ? j : taken[j];
  }

  /** Holding j's worksheet row. */
  rowAt(j: number): number {
    const rowNumbers = this.rowNumbers;
    return rowNumbers !== null
      ? rowNumbers[j]
      : this.rowNumberOfFirst + this.indexAt(j);
  }

  coded(name: string): Coded | null {
    const k = ORDINAL.get(name)!;
    const codes = this.columns[k].codes;
    if (codes === null) return this.codedValues(k);
    const column = this.columns[k];
    const values = column.dictionary();
    // As the field's getter reads it: a yes/no column that reads blank as no.
    return {
      codes,
      values: YES_NO[k] ? values.map((v) => v === true) : values,
      codeOf: (value) => column.codeOfValue(value),
    };
  }

  /**
   * A column of plain values (ids, names) coded when a rule first asks for its codes, once per
   * read: a rule that groups rows by issuer then reads numbers, not 100,000 texts hashed per check.
   */
  private codedValues(k: number): Coded | null {
    const column = this.columns[k];
    if (column.plainValues() === null && !column.inCells()) return null;
    let coded = this.texts.get(k);
    if (coded !== undefined) return coded;
    const n = column.length;
    const codes = new Uint32Array(n);
    const textCodes = new TextCodes();
    column.codeInto(codes, textCodes);
    const codeOf = (value: unknown) => textCodes.codeOf(value);
    const values = textCodes.values;
    this.texts.set(k, (coded = { codes, values, codeOf }));
    return coded;
  }

  private readonly texts = new Map<number, Coded>();

  millionths(name: string): Float64Array | null {
    return this.columns[ORDINAL.get(name)!].amounts();
  }

  cents(name: string): Int32Array | null {
    return this.columns[ORDINAL.get(name)!].cents;
  }

  indicesOf(holdings: readonly Holding[]): Int32Array | null {
    const n = holdings.length;
    // Most lists are the read's own holdings in order: then no index is made. The read's own list
    // still holds holding k where its object was never made (nor replaced): it is not made to look.
    const own = this.holdings?.list === holdings ? this.holdings : undefined;
    let k = 0;
    while (k < n)
      if (own?.unmade(k)) k = own.nextMade(k);
      else if (indexIn(this, holdings[k]) === k) k++;
      else break;
    if (k === n) return null;
    const index = new Int32Array(n);
    for (let j = 0; j < n; j++) index[j] = indexIn(this, holdings[j]);
    return index;
  }

  invalidAt(j: number): Set<string> {
    return this.invalid?.get(j) ?? NO_INVALID;
  }

  get anyInvalid(): boolean {
    return this.invalid !== null && this.invalid.size > 0;
  }
}

type Coded = ReturnType<HoldingColumns["coded"]> & object;

const ORDINAL = new Map<string, number>(
  HOLDINGS_SPEC.columns.map((c, k) => [c.name, k]),
);
/** The yes/no columns whose getter reads blank as no (below). */
const YES_NO = HOLDINGS_SPEC.columns.map(
  (c) => c.type === "boolean" && !c.blankUnknown,
);

/**
 * The holding's index in the table's columns; -1 for a holding not read into it (a copy of one,
 * even with its fields, is not: its values may differ).
 */
function indexIn(table: HoldingsTable, h: Holding): number {
  return h instanceof ColumnHolding && h.t === table ? h.i : -1;
}

/**
 * A holding whose fields are read from the table's columns: two fields per holding (the table
 * and its index), as the collector copies every holding of a read, 100,000 at a time. The
 * getters are defined once on the prototype from HOLDINGS_SPEC, so a column added to the spec
 * is read without a change here.
 */
class ColumnHolding {
  constructor(
    readonly t: HoldingsTable,
    readonly i: number,
  ) {}

  get row(): number {
    return this.t.rowAt(this.i);
  }

  get invalid(): Set<string> {
    const invalid = this.t.invalid;
    return invalid === null ? NO_INVALID : (invalid.get(this.i) ?? NO_INVALID);
  }

  get [IN_COLUMNS](): HoldingColumns {
    return this.t;
  }
}

HOLDINGS_SPEC.columns.forEach((c, k) => {
  Object.defineProperty(ColumnHolding.prototype, c.name, {
    // A yes/no column left blank or absent is no, as holdingFromValues reads it, unless a rule
    // needs the answer (blankUnknown): then blank stays unknown.
    get: YES_NO[k]
      ? function (this: { t: HoldingsTable; i: number }) {
          return this.t.columns[k].get(this.i) === true;
        }
      : function (this: { t: HoldingsTable; i: number }) {
          return this.t.columns[k].get(this.i);
        },
    enumerable: true,
  });
});

// The basis amounts as integer millionths straight from the column's cents or millionths, no
// BigInt (model.ts): NaN for a blank cell, and for a column that holds BigInts.
for (const [symbol, name] of [
  [COST_MILLIONTHS, "costValue"],
  [FAIR_MILLIONTHS, "fairValue"],
] as const) {
  const k = HOLDINGS_SPEC.columns.findIndex((c) => c.name === name);
  Object.defineProperty(ColumnHolding.prototype, symbol, {
    get(this: { t: HoldingsTable; i: number }) {
      return this.t.columns[k].millionthsAt(this.i);
    },
  });
}

/** Every field of a holding as a plain object (to copy one with some fields changed). */
export function plainHolding(h: Holding): Holding {
  if (!(h instanceof ColumnHolding)) return { ...h };
  const out: Record<string, unknown> = { row: h.row, invalid: h.invalid };
  for (const c of HOLDINGS_SPEC.columns)
    out[c.name] = (h as unknown as Record<string, unknown>)[c.name];
  return out as unknown as Holding;
}

/** Every value array created alike (one kind of array for every field's read), at its full size. */
function column(n: number): unknown[] {
  const values = new Array<unknown>(n);
  for (let j = 0; j < n; j++) values[j] = undefined;
  return values;
}

const HASH = 35; // "#": error texts (#N/A, #VALUE!…) begin with it.

/**
 * inPlace: amount columns a grid's table keeps in place until first asked (amountCells), those
 * the check is not expected to read (readWorkbook: the basis no fund names).
 */
export function readHoldingsColumns(
  raw: RawTable,
  inPlace: ReadonlySet<string> = NONE,
): HoldingsRead {
  const reader = tableReader(raw, HOLDINGS_SPEC);
  const diagnostics = reader.headerDiagnostics.slice();
  const rows = dataRows(raw);
  const assetClass = reader.mapped.find((m) => m.spec.name === "assetClass");
  const totalsPossible = raw.source === "sheet" && assetClass !== undefined;

  // The rows read alone, with their diagnostics, by raw index.
  const alone = new Map<number, ReadRow>();
  const rowDiagnostics = new Map<number, Diagnostic[]>();
  const readAlone = (i: number): ReadRow | undefined => {
    const read = reader.readRow(rows.at(i));
    if (read.diagnostics.length) rowDiagnostics.set(i, read.diagnostics);
    return read.row;
  };

  // Columns as long as the table: blank rows, found in the same pass, leave their end unused.
  const capacity = rows.count;
  const rowNumbers =
    rows.grid === undefined ? new Float64Array(capacity) : null;
  const columns: Columns = [];
  const table = new HoldingsTable(
    columns,
    null,
    rowNumbers,
    rows.grid?.rowNumberOfFirst ?? 0,
    null,
  );
  const forms = reader.mapped.map((m) => formOf(m, rows.grid, inPlace));
  const count = (form: ColumnForm) => forms.filter((f) => f === form).length;
  // A grouped column of many distinct texts (issuers) is sized for them at once: growing its
  // codes and table as it goes would write them afresh two or three times.
  const expected = reader.mapped.map((m, k) =>
    GROUPED.has(m.spec.name) && forms[k] === "codes"
      ? expectedTexts(rows.grid, m.index, capacity)
      : 0,
  );
  // The arena's codes are one byte: a column expected past 256 values has wider codes of its own,
  // and no room left unused for it (allocated zeroed, that room could be written all the same).
  const byteCodes = forms.filter(
    (form, k) => form === "codes" && expected[k] <= 0xff,
  ).length;
  // The absent columns share one column of codes (all blank).
  const arena = new Arena(capacity, count("amounts"), byteCodes + 1);
  const absent = new Column(capacity, table, "codes", MAX_CODES, null, arena);
  for (let k = 0; k < HOLDINGS_SPEC.columns.length; k++) columns.push(absent);
  const reads = reader.mapped.map((m, k) => {
    const read = new ColumnRead(
      m,
      forms[k],
      capacity,
      table,
      rows.grid,
      arena,
      expected[k],
    );
    columns[m.ordinal] = read.values;
    return read;
  });
  const ordinal = (name: string) =>
    HOLDINGS_SPEC.columns.findIndex((c) => c.name === name);
  const lineId = ordinal("lineId");
  if (columns[lineId] === absent)
    columns[lineId] = new Column(capacity, table, "values");
  const lines = columns[lineId];
  const pass: RowPass = {
    rows,
    reader,
    reads,
    lines,
    lineAt: reads.find((r) => r.values === lines)?.index ?? -1,
    totalsAt: totalsPossible ? assetClass.index : -1,
    readAlone,
    alone,
    rowNumbers,
    table,
    failed: [],
    slowText: [],
  };
  const n = readRows(pass);
  const { failed, slowText } = pass;
  // A row with an unreadable cell is read again alone: its values, invalid columns and diagnostics.
  for (const j of failed) alone.set(j, readAlone(table.indexAt(j))!);
  for (const [j, row] of alone) {
    for (const m of reader.mapped)
      columns[m.ordinal].set(j, row.values[m.ordinal]);
    if (row.invalid.size) (table.invalid ??= new Map()).set(j, row.invalid);
  }
  for (const i of [...rowDiagnostics.keys()].sort((a, b) => a - b))
    for (const d of rowDiagnostics.get(i)!) diagnostics.push(d);

  // Blank ids, as toHolding reads them: no fund named, the worksheet row as the line, no
  // issuer. The short path never stores "" and gave a blank line its row already: only the rows
  // read otherwise are looked at again.
  const blankIds = ["fundId", "issuerId", "masterStrategy"]
    .map((name) => columns[ordinal(name)])
    .filter((c) => c !== absent);
  for (const j of [...alone.keys(), ...slowText]) {
    for (const c of blankIds) if (c.get(j) === "") c.set(j, undefined);
    if (!lines.get(j)) lines.set(j, String(table.rowAt(j)));
  }
  // The holding objects are made when read (lazy-list.ts): a check that reads the columns makes few.
  const holdings = lazyList(
    n,
    (j) => new ColumnHolding(table, j) as unknown as Holding,
  );
  table.holdings = holdings;
  COLUMNS_OF_LIST.set(holdings.list, table);
  return {
    holdings: holdings.list,
    diagnostics,
    columns: reader.columns,
    source: reader.source,
    reader,
  };
}

const NONE: ReadonlySet<string> = new Set();

/** How many distinct cells of a coded column are looked up by === before its Map. */
const SEEN = 8;

const TEXT = 0;
const AMOUNTS = 1;
const CODES = 2;
const OTHER = 3;
const AMOUNT_CELLS = 4;

/**
 * One matched column being read: its values, and the codes of the cells already seen. The read
 * loop takes the common cells itself; read() reads any other, as readRow reads it.
 */
class ColumnRead {
  readonly values: Column;
  readonly kind: number;
  readonly index: number;
  /** The last clean text coded in a coded text column, and its code (consecutive rows repeat a fund's id). */
  private lastText = "";
  private lastCode = 0;
  /** Cell → code in a coded column: a repeated cell (the same class, date, share…) is not parsed again. */
  private readonly known: Map<unknown, number> | undefined;
  /**
   * The first distinct numbers and texts of a coded column and their codes, compared before the
   * Map. Fixed-size arrays: one that changed kind as it grew would undo the compiled read loop.
   */
  readonly seenNumbers = new Float64Array(SEEN);
  readonly numberCodes = new Uint16Array(SEEN);
  numbersSeen = 0;
  readonly seenTexts: string[] = new Array<string>(SEEN).fill("");
  readonly textCodes = new Uint16Array(SEEN);
  textsSeen = 0;
  /** The codes of the cells FALSE and TRUE once read (-1 before). */
  readonly booleanCodes = new Int32Array([-1, -1]);
  private readonly blankIsNo: boolean;
  /** The code of "no" once a blank yes/no cell has been read (-1 before). */
  private blankCode = -1;

  constructor(
    readonly m: MappedColumn,
    form: ColumnForm,
    n: number,
    rows: RowsRead,
    grid: GridRows | undefined,
    arena: Arena,
    /** About how many distinct texts a grouped column will have (expectedTexts), else 0. */
    expected: number,
  ) {
    const type = m.spec.type;
    // A text column of a grid is read in place past its codes (of another table, it then holds
    // its texts as they are), and so is an amount column the check is not expected to read.
    const cells =
      (type === "text" || form === "amountCells") && grid !== undefined
        ? { values: grid.values, first: grid.first, at: m.index }
        : null;
    const maxCodes = GROUPED.has(m.spec.name)
      ? Number.POSITIVE_INFINITY
      : type === "text"
        ? TEXT_CODES
        : MAX_CODES;
    this.values = new Column(n, rows, form, maxCodes, cells, arena, expected);
    this.kind =
      type === "text"
        ? TEXT
        : form === "amountCells"
          ? AMOUNT_CELLS
          : form === "amounts"
            ? AMOUNTS
            : form === "codes"
              ? CODES
              : OTHER;
    this.known = this.kind === CODES ? new Map() : undefined;
    this.index = m.index;
    this.blankIsNo = type === "boolean" && !m.spec.blankUnknown;
  }

  /** Row j's cell (not null) into the column, as readRow reads it: READ, BLANK or FAILED. */
  read(reader: TableReader, j: number, cell: CellValue): number {
    const values = this.values;
    const known = this.known;
    // A column read in place would give the cell: its value is undefined unless read.
    if (values.inCells()) values.set(j, undefined);
    if (known !== undefined && values.coded()) {
      const code = known.get(cell);
      if (code !== undefined) {
        values.setCode(j, code);
        return READ;
      }
    }
    const read = readCell(reader, this.m, values, j, cell);
    if (
      read === READ &&
      known !== undefined &&
      values.coded() &&
      (typeof cell === "string" ||
        typeof cell === "number" ||
        typeof cell === "boolean") &&
      known.size < MAX_CODES
    ) {
      known.set(cell, values.codeAt(j));
      // NaN is never equal to itself: it stays with the Map.
      if (
        typeof cell === "number" &&
        cell === cell &&
        this.numbersSeen < SEEN
      ) {
        this.seenNumbers[this.numbersSeen] = cell;
        this.numberCodes[this.numbersSeen++] = values.codeAt(j);
      } else if (typeof cell === "string" && this.textsSeen < SEEN) {
        this.seenTexts[this.textsSeen] = cell;
        this.textCodes[this.textsSeen++] = values.codeAt(j);
      } else if (typeof cell === "boolean")
        this.booleanCodes[cell ? 1 : 0] = values.codeAt(j);
    }
    return read;
  }

  /** A clean text (its value as it is) into a text column that still holds codes. */
  codeText(j: number, text: string): void {
    const values = this.values;
    if (text === this.lastText) values.setCode(j, this.lastCode);
    else {
      const code = values.codeText(j, text);
      if (code >= 0) {
        this.lastText = text;
        this.lastCode = code;
      }
    }
  }

  /** A blank cell: nothing, or "no" in a yes/no column that reads blank as no. */
  blank(j: number): void {
    if (!this.blankIsNo) return;
    const values = this.values;
    if (this.blankCode >= 0 && values.coded())
      values.setCode(j, this.blankCode);
    else {
      values.set(j, false);
      if (values.coded()) this.blankCode = values.codeAt(j);
    }
  }
}

/**
 * The form a matched column starts in: amounts (a grid's in place when asked: inPlace); codes for
 * the types read through reader.parse's memo (few distinct values), for the ids rules group by
 * (GROUPED) and for other texts while few; a grid's text column in place (lineId,
 * which names each row, and a column whose first rows already have many distinct texts, which
 * would soon pass its codes); any other as plain values.
 */
function formOf(
  m: MappedColumn,
  grid: GridRows | undefined,
  inPlace: ReadonlySet<string>,
): ColumnForm {
  const type = m.spec.type;
  if (type === "money" && REPEATED_AMOUNTS.has(m.spec.name)) return "codes";
  if (type === "money")
    return grid && inPlace.has(m.spec.name) ? "amountCells" : "amounts";
  if (type !== "text") return MEMOIZED.has(type) ? "codes" : "values";
  if (m.spec.name === "lineId") return grid ? "cells" : "values";
  if (GROUPED.has(m.spec.name)) return "codes";
  return grid && manyTexts(grid, m.index) ? "cells" : "codes";
}

/**
 * Amounts a company has one of, repeated on each of its rows: coded like dates (a byte a row
 * into the column's distinct amounts) rather than 8 bytes a row. A read writes its columns into
 * fresh memory, and the market capitalisation of the few listed rows was 800 KB of it at 100,000
 * rows; a rule reads them by code (fcpr.ts).
 */
const REPEATED_AMOUNTS: ReadonlySet<string> = new Set(["marketCap"]);

/** Rows sampled, and distinct cells among them past which a text column is read in place. */
const SAMPLE = 256;
const MANY = 32;

/**
 * About how many distinct cells column `at` of a grid's n rows has, from its first rows: those
 * seen there, and new ones at the rate the second half of them brought (a fund's id repeats and
 * brings none; issuers keep appearing). Only a size: an estimate off grows the codes (or leaves
 * room unused); 0 for a table without a grid.
 */
function expectedTexts(
  grid: GridRows | undefined,
  at: number,
  n: number,
): number {
  if (grid === undefined) return 0;
  const seen = new Set<unknown>();
  const sample = Math.min(grid.count, SAMPLE);
  const half = sample >> 1;
  let newInSecondHalf = 0;
  for (let i = 0; i < sample; i++) {
    const size = seen.size;
    seen.add(grid.values[grid.first + i][at]);
    if (i >= half && seen.size > size) newInSecondHalf++;
  }
  const rate = sample - half === 0 ? 0 : newInSecondHalf / (sample - half);
  return Math.ceil(seen.size + rate * Math.max(0, n - sample));
}

/** Column `at` of the grid's first rows has more than MANY distinct cells. */
function manyTexts(grid: GridRows, at: number): boolean {
  const seen = new Set<unknown>();
  const sample = Math.min(grid.count, SAMPLE);
  for (let i = 0; i < sample && seen.size <= MANY; i++)
    seen.add(grid.values[grid.first + i][at]);
  return seen.size > MANY;
}

/** What the row pass of readHoldingsColumns reads from and writes to. */
interface RowPass {
  rows: DataRows;
  reader: TableReader;
  reads: ColumnRead[];
  /** The lineId column. */
  lines: Column;
  /** Its index in a row (-1: no lineId column, every line is named by its row). */
  lineAt: number;
  /** The column of assetClass when a blank one may mark a totals row (a plain sheet), else -1. */
  totalsAt: number;
  readAlone: (i: number) => ReadRow | undefined;
  alone: Map<number, ReadRow>;
  /** Each holding's worksheet row, when the rows are not a grid's (HoldingsTable.rowNumbers). */
  rowNumbers: Float64Array | null;
  table: HoldingsTable;
  /** The holdings with an unreadable cell, in order. */
  failed: number[];
  /** The holdings whose text cells were not all taken by the short path, in order. */
  slowText: number[];
}

/**
 * Row by row, every column of a row in turn, in one pass: the grid is stored row by row, and
 * walking it column by column fetched each row from memory once per column (about three times
 * slower). The common cells take a short path written out here, by kind of column (clean text,
 * a number in an amount column, a repeated coded cell); any other cell is read by
 * ColumnRead.read as readRow reads it. A function of its own, so that its compiled loop is
 * kept from one read to the next. Returns the number of holdings.
 */
function readRows(pass: RowPass): number {
  const { rows, reader, reads, lines, lineAt, totalsAt, readAlone, alone } =
    pass;
  const { rowNumbers, table, failed, slowText } = pass;
  let taken: Int32Array | null = null;
  const texts = reads.filter((r) => r.kind === TEXT);
  const amounts = reads.filter((r) => r.kind === AMOUNTS);
  const amountCells = reads.filter((r) => r.kind === AMOUNT_CELLS);
  const coded = reads.filter((r) => r.kind === CODES);
  const others = reads.filter((r) => r.kind === OTHER);
  let n = 0;
  // From the grid itself when the table has one (no row objects), else from its rows.
  const { grid, count } = rows;
  const values = grid?.values as readonly CellValue[][] | undefined;
  const first = grid?.first ?? 0;
  const rowNumberOfFirst = grid?.rowNumberOfFirst ?? 0;
  const tableRows = grid === undefined ? rows.table.rows : [];
  for (let i = 0; i < count; i++) {
    const cells = values !== undefined ? values[first + i] : tableRows[i].cells;
    if (blankRow(cells)) continue;
    const j = n++;
    table.count = n;
    if (i !== j && taken === null) taken = table.taken = rowsUpTo(j, count);
    if (taken !== null) taken[j] = i;
    const rowNumber =
      values !== undefined ? rowNumberOfFirst + i : tableRows[i].rowNumber;
    if (rowNumbers !== null) rowNumbers[j] = rowNumber;
    if (totalsAt >= 0 && isBlankCell(cells[totalsAt])) {
      // A possible totals row: read alone (its values are set below), or not a holding.
      const read = readAlone(i);
      if (read) alone.set(j, read);
      else table.count = --n;
      continue;
    }
    for (let s = 0; s < texts.length; s++) {
      const r = texts[s];
      const cell = cells[r.index];
      // Printable ASCII at both ends, not an error text: the text is the value as it is.
      if (
        typeof cell === "string" &&
        untrimmed(cell) &&
        cell.charCodeAt(0) !== HASH
      ) {
        // A column read in place has it already.
        if (r.values.codes !== null) r.codeText(j, cell);
        else {
          const plain = r.values.plainValues();
          if (plain !== null) plain[j] = cell;
        }
      } else if (cell !== null && cell !== undefined) {
        if (slowText[slowText.length - 1] !== j) slowText.push(j);
        if (r.read(reader, j, cell) === FAILED) fail(failed, j);
      }
    }
    // A blank line is named by its worksheet row.
    const line = lineAt < 0 ? undefined : cells[lineAt];
    if (typeof line !== "string" || !untrimmed(line))
      if (lines.get(j) === undefined) lines.set(j, String(rowNumber));
    for (let s = 0; s < amounts.length; s++) {
      const r = amounts[s];
      const cell = cells[r.index];
      // Every slot is written here: the column is not filled beforehand.
      const c = r.values.cents;
      if (c !== null) {
        if (typeof cell === "number" && writeCents(c, j, cell)) continue;
        c[j] = NO_CENTS;
      } else {
        const m = r.values.millionths;
        if (m !== null) {
          if (typeof cell === "number" && writeMillionths(m, j, cell)) continue;
          m[j] = NaN;
        }
      }
      if (
        cell !== null &&
        cell !== undefined &&
        r.read(reader, j, cell) === FAILED
      )
        fail(failed, j);
    }
    for (let s = 0; s < amountCells.length; s++) {
      const r = amountCells[s];
      const cell = cells[r.index];
      // A blank, or a number written as millionths, is read from the grid when asked.
      if (cell === null || cell === undefined) continue;
      if (typeof cell === "number" && writeMillionths(SCRATCH, 0, cell))
        continue;
      if (r.read(reader, j, cell) === FAILED) fail(failed, j);
    }
    for (let s = 0; s < coded.length; s++) {
      const r = coded[s];
      const cell = cells[r.index];
      const codes = r.values.codes;
      if (cell === null || cell === undefined) {
        r.blank(j);
        continue;
      }
      if (codes !== null) {
        // The first distinct numbers and texts, and TRUE and FALSE, are compared with ===, by
        // type (a comparison of two numbers, or of two texts, is cheaper than a Map lookup).
        if (typeof cell === "number") {
          const seen = r.seenNumbers;
          const count = r.numbersSeen;
          let k = 0;
          while (k < count && seen[k] !== cell) k++;
          if (k < count) {
            codes[j] = r.numberCodes[k];
            continue;
          }
        } else if (typeof cell === "string") {
          const seen = r.seenTexts;
          const count = r.textsSeen;
          let k = 0;
          while (k < count && seen[k] !== cell) k++;
          if (k < count) {
            codes[j] = r.textCodes[k];
            continue;
          }
        } else if (typeof cell === "boolean") {
          const code = r.booleanCodes[cell ? 1 : 0];
          if (code >= 0) {
            codes[j] = code;
            continue;
          }
        }
      }
      if (r.read(reader, j, cell) === FAILED) fail(failed, j);
    }
    for (let s = 0; s < others.length; s++) {
      const r = others[s];
      const cell = cells[r.index];
      if (
        cell !== null &&
        cell !== undefined &&
        r.read(reader, j, cell) === FAILED
      )
        fail(failed, j);
    }
  }
  return n;
}

/**
 * A table's data rows: those of tableFromValues's grid, read in place while the table has one
 * (gridOf), or its rows. at(i) is the row as readRow reads it.
 */
interface DataRows {
  table: RawTable;
  grid: ReturnType<typeof gridOf>;
  count: number;
  at(i: number): RawRow;
}

function dataRows(table: RawTable): DataRows {
  const grid = gridOf(table);
  if (grid === undefined)
    return { table, grid, count: table.rows.length, at: (i) => table.rows[i] };
  return {
    table,
    grid,
    count: grid.count,
    at: (i) => ({
      rowNumber: grid.rowNumberOfFirst + i,
      cells: grid.values[grid.first + i] as CellValue[],
    }),
  };
}

/** Room for `capacity` raw indices, holding k being row k for the first `n`. */
function rowsUpTo(n: number, capacity: number): Int32Array {
  const taken = new Int32Array(capacity);
  for (let k = 0; k < n; k++) taken[k] = k;
  return taken;
}

/** Holding j has an unreadable cell (once, however many). */
function fail(failed: number[], j: number): void {
  if (failed[failed.length - 1] !== j) failed.push(j);
}

/** Printable ASCII at both ends: trim() would return the text as it is. */
function untrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

const READ = 0;
const BLANK = 1;
const FAILED = 2;

/** One cell into its column, as readRow reads it: READ, BLANK, or FAILED (unreadable or an error). */
function readCell(
  reader: TableReader,
  m: MappedColumn,
  values: Column,
  j: number,
  cell: CellValue,
): number {
  const type = m.spec.type;
  const blankIsNo = type === "boolean" && !m.spec.blankUnknown;
  if (cell === null || cell === undefined) {
    if (blankIsNo) values.set(j, false);
    return BLANK;
  }
  if (typeof cell === "number" && type === "money") {
    if (Number.isFinite(cell)) {
      values.setAmount(j, cell);
      return READ;
    }
  } else if (typeof cell === "string") {
    const text = untrimmed(cell) ? cell : cell.trim();
    if (text === "") {
      if (blankIsNo) values.set(j, false);
      return BLANK;
    }
    if (text.charCodeAt(0) !== HASH) {
      // Not an error text: text is itself; any other type is parsed (once per value when memoized).
      if (type === "text") {
        values.set(j, text);
        return READ;
      }
      const parsed = reader.parse(m, cell);
      if (!parsed.ok) return FAILED;
      values.set(j, parsed.value);
      return READ;
    }
  }
  if (errorText(cell) !== undefined) return FAILED;
  const parsed = reader.parse(m, cell);
  if (!parsed.ok) return FAILED;
  values.set(j, parsed.value);
  return READ;
}

function isBlankCell(cell: CellValue): boolean {
  return (
    cell === null ||
    cell === undefined ||
    (typeof cell === "string" && cell.trim() === "")
  );
}

function blankRow(cells: CellValue[]): boolean {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    // Most rows start with a plain id: not blank, without trimming it.
    if (typeof c === "string" && untrimmed(c)) return false;
    if (!isBlankCell(c)) return false;
  }
  return true;
}
