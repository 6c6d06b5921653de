import {
  type Holding,
  type HoldingColumns,
  IN_COLUMNS,
  type InColumns,
} from "./model";

/** A column of one fund's holdings: each holding's code (by its index in the fund), and the values the codes stand for. */
export interface Coded<T> {
  readonly codes: Uint16Array | Uint32Array;
  readonly values: readonly T[];
}

type Field = keyof Holding & string;

/**
 * One fund's holdings as columns, by the holding's index in the fund: what a rule reads for every
 * row, as typed arrays, each made once per check when first asked. A holding read by columns
 * gives its codes and millionths straight from its read: the read's own arrays when the fund has
 * all its holdings in order (one fund per workbook), else a copy by index. Any other holding (an
 * edited row, a row built in code) is read through its fields and coded here, so a list of both
 * gives the same columns. Nothing here is written to: the read's arrays are shared.
 *
 * A coded column is read through its values: a rule works out what it needs once per distinct
 * value (`per`), then reads one array per row.
 */
export class FundColumns {
  /** The read the holdings come from, if any. */
  private readonly source: HoldingColumns | undefined;
  /** Each holding's index in the read (-1: not from it); null when index k is holding k. */
  private readonly index: Int32Array | null = null;
  private readonly made = new Map<string, unknown>();
  readonly length: number;

  constructor(readonly holdings: readonly Holding[]) {
    this.length = holdings.length;
    // The read of the first holding that has one (an edited first row has none).
    for (let k = 0; k < holdings.length && !this.source; k++)
      this.source = (holdings[k] as InColumns)[IN_COLUMNS];
    if (this.source) this.index = this.source.indicesOf(holdings);
  }

  /** The column's codes and values; the values are exactly what the holdings' fields give. */
  coded<K extends Field>(name: K): Coded<Holding[K]> {
    let c = this.made.get(name) as Coded<Holding[K]> | undefined;
    if (c === undefined) this.made.set(name, (c = this.code(name)));
    return c;
  }

  /** An amount column in millionths, NaN where the holding's field must be read (blank, or past 2^53). */
  millionths(name: "costValue" | "fairValue" | "marketCap"): Float64Array {
    let m = this.made.get(name) as Float64Array | undefined;
    if (m !== undefined) return m;
    const from = this.source?.millionths(name);
    const { index, length: n } = this;
    if (from && index === null) m = from.subarray(0, n);
    else {
      m = new Float64Array(n).fill(NaN);
      if (from)
        for (let k = 0; k < n; k++) {
          const j = index![k];
          if (j >= 0) m[k] = from[j];
        }
    }
    this.made.set(name, m);
    return m;
  }

  /** The indices of the holdings with an unreadable cell, in order. */
  withInvalid(): number[] {
    const found: number[] = [];
    const { source, index, holdings } = this;
    // Most reads are clean: then only the holdings not of the read are asked.
    if (source && !source.anyInvalid && index === null) return found;
    for (let k = 0; k < holdings.length; k++) {
      const j = source ? (index ? index[k] : k) : -1;
      const invalid = j >= 0 ? source!.invalidAt(j) : holdings[k].invalid;
      if (invalid.size) found.push(k);
    }
    return found;
  }

  private code<K extends Field>(name: K): Coded<Holding[K]> {
    const from = this.source?.coded(name);
    const { index, length: n, holdings } = this;
    if (from && index === null)
      return { codes: from.codes, values: from.values as Holding[K][] };
    let codes: Uint16Array | Uint32Array =
      from?.codes instanceof Uint32Array
        ? new Uint32Array(n)
        : new Uint16Array(n);
    // The holdings not of the read (edited rows), or all of them when the read does not code the column.
    const others = from ? copyCodes(from.codes, index!, codes) : allRows(n);
    let values = (from?.values ?? []) as unknown[];
    // Values no holding of the read has, appended to a copy of the read's values.
    let added: Map<unknown, number> | undefined;
    for (const k of others) {
      const value = holdings[k][name];
      let code = from?.codeOf(value) ?? added?.get(value);
      if (code === undefined) {
        if (added === undefined) [added, values] = [new Map(), [...values]];
        added.set(value, (code = values.length));
        values.push(value);
        if (code > 0xffff && codes instanceof Uint16Array)
          codes = Uint32Array.from(codes);
      }
      codes[k] = code;
    }
    return { codes, values: values as Holding[K][] };
  }
}

/** The read's codes of the holdings of the read, by index; returns the indices of the others. */
function copyCodes(
  from: Uint16Array | Uint32Array,
  index: Int32Array,
  codes: Uint16Array | Uint32Array,
): number[] {
  const others: number[] = [];
  for (let k = 0; k < index.length; k++) {
    const j = index[k];
    if (j >= 0) codes[k] = from[j];
    else others.push(k);
  }
  return others;
}

const allRows = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** What a rule needs of each distinct value of a coded column, by code (worked out once per value, not per row). */
export function per<T, R>(column: Coded<T>, f: (value: T) => R): R[] {
  return column.values.map(f);
}
