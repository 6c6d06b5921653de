import { allKeys, keyed, markKeyed } from "./id-key";
import type { Amount } from "./amount";
import {
  centsToMillionths,
  type CodeArray,
  type Holding,
  type HoldingColumns,
  IN_COLUMNS,
  type InColumns,
  readOf,
} from "./model";

/** model.ts's centsToMillionths, read once (why: there): a fund among several gathers its amounts row by row. */
const inMillionths = centsToMillionths;

/** A column of one fund's holdings: each holding's code (by its index in the fund), and the values the codes stand for. */
export interface Coded<T> {
  readonly codes: CodeArray;
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
 *
 * After an edit of a few holdings (CheckedWorkbook.withEdits), the fund's new columns are its
 * previous columns with the edited slots patched, exactly as they would be made anew, and what
 * was worked out from columns the edit left unchanged (memo) is kept: re-checking the fund does
 * not code its 1,000 rows again (test/properties/fund-columns-recheck.property.test.ts).
 */
export class FundColumns {
  /** The read the holdings come from, if any. */
  private readonly source: HoldingColumns | undefined;
  /**
   * Each holding's index in the read (-1: not from it), null when index k is holding k; undefined
   * until first asked. After an edit, the previous version's with the slots of indexPatch replaced.
   */
  private indexMade: Int32Array | null | undefined;
  private indexPatch: Map<number, number> | undefined;
  private made = new Map<string, unknown>();
  /**
   * The amount columns of made that no other version's columns or read share: an edit's next
   * version may take one and write its edited slots in place (patchMillionths).
   */
  private owned = new Set<Float64Array>();
  /** What was worked out from some columns (memo), with the fields it read. */
  private memos = new Map<string, Memo>();
  /**
   * Every field a made column or a memo reads: those an edit compares (patchFrom). Shared by the
   * versions of the fund after edits, and only added to: a field one version no longer reads is
   * compared for nothing, never missed.
   */
  private fieldsRead = new FieldList();
  readonly length: number;

  constructor(readonly holdings: readonly Holding[]) {
    this.length = holdings.length;
    this.source = readOf(holdings);
  }

  /**
   * The columns of a fund's holdings. A list that an edit made from another (recordEdit) gets
   * the other's columns with the edited slots patched, and keeps them for the next edit; any
   * other list gets new columns.
   */
  static of(holdings: readonly Holding[]): FundColumns {
    const list = holdings as EditedList;
    const kept = list[KEPT];
    if (kept) return kept;
    const edit = list[EDIT];
    if (!edit) {
      // Every list gets both slots, in the same order as an edited list: the code that reads the
      // holdings lists is compiled for one kind of list (an edited list, a list of another kind,
      // threw away the rules' compiled code at the first edit).
      if (!(EDIT in list) && Object.isExtensible(list)) {
        keep(list, EDIT, undefined);
        keep(list, KEPT, undefined);
      }
      return new FundColumns(holdings);
    }
    // Used once: the previous list is not kept alive by the next one.
    list[EDIT] = undefined;
    const before = (edit.before as EditedList)[KEPT];
    const columns = new FundColumns(holdings);
    if (
      before &&
      before.source === columns.source &&
      before.length === columns.length
    )
      columns.patchFrom(before, edit.slots);
    keep(list, KEPT, columns);
    return columns;
  }

  /** Each holding's index in the read (-1: not from it); null when index k is holding k. */
  private get index(): Int32Array | null {
    const patch = this.indexPatch;
    if (patch !== undefined) {
      this.indexPatch = undefined;
      this.indexMade = patchedIndex(this.indexMade!, this.length, patch);
    } else if (this.indexMade === undefined)
      this.indexMade = this.source
        ? this.source.indicesOf(this.holdings)
        : null;
    return this.indexMade;
  }

  /** The indices of the holdings not of the read, in order. */
  private get others(): readonly number[] {
    if (this.othersMade === undefined) {
      const index = this.index;
      this.othersMade = index === null ? [] : othersOf(index);
    }
    return this.othersMade;
  }

  private othersMade?: readonly number[];

  /** The read's coded column, the same object each time (the read's own answer is made per call). */
  private fromRead(name: string): ReadCoded | null {
    const source = this.source;
    if (!source) return null;
    let byName = readCoded.get(source);
    if (!byName) readCoded.set(source, (byName = new Map()));
    let from = byName.get(name);
    if (from === undefined) byName.set(name, (from = source.coded(name)));
    return from;
  }

  /** The holding's index in the read, -1 when not from it. */
  private indexInRead(k: number): number {
    const source = this.source;
    const h = this.holdings[k];
    // A holding of another read or of none (an edited row): asked without a list and an index made.
    if (!source || (h as InColumns)[IN_COLUMNS] !== source) return -1;
    const index = source.indicesOf([h]);
    return index === null ? 0 : index[0];
  }

  /** The column's codes and values; the values are exactly what the holdings' fields give. */
  coded<K extends Field>(name: K): Coded<Holding[K]> {
    let c = this.made.get(name) as Coded<Holding[K]> | undefined;
    if (c === undefined) this.make(name, (c = this.code(name)));
    return c;
  }

  /**
   * What compute works out from the columns of the given fields (and whatever the key names,
   * such as a date), once per version of the fund: the next version of the fund after an edit
   * keeps it when the edited rows' fields are unchanged. compute must read no other field, and
   * per-value results must be read through these columns' codes; the value is shared, never written to.
   */
  memo<T>(key: string, fields: readonly MemoField[], compute: () => T): T {
    let m = this.memos.get(key);
    if (m === undefined) {
      this.memos.set(key, (m = { fields, value: compute() }));
      this.reads(fields);
    }
    // One way out for a memo made or kept: a check that only made memos compiles the read of a kept one.
    return m.value as T;
  }

  /**
   * memo() of what also sums an amount column: kept as memo() keeps it; after an edit that changed
   * the amount at some slots but none of the fields, `patch` brings the previous version's value up
   * to date from the slots' amounts before and after (in millionths), or says it cannot
   * (undefined: compute runs). compute reads the amounts through millionths(amount) only.
   */
  summing<T>(
    key: string,
    fields: readonly MemoField[],
    amount: AmountField,
    compute: () => T,
    patch: (previous: T, change: AmountChange) => T | undefined,
  ): T {
    let m = this.memos.get(key);
    if (m !== undefined && m.change !== undefined) {
      // Brought up to date once, in a record of this version's own (the previous one is shared).
      const { slots, before } = m.change;
      const change = { slots, before, after: this.millionths(amount) };
      const value = patch(m.value as T, change) ?? compute();
      this.memos.set(key, (m = { fields, amount, value }));
    }
    if (m === undefined) {
      this.memos.set(key, (m = { fields, amount, value: compute() }));
      this.reads(fields);
      this.fieldsRead.add(amount);
    }
    return m.value as T;
  }

  /**
   * An amount column in millionths, NaN where the holding's field must be read (blank, or past
   * 2^53): the read's, and a holding not of the read's own field when a safe integer.
   */
  millionths(name: "costValue" | "fairValue" | "marketCap"): Float64Array {
    let m = this.made.get(name) as Float64Array | undefined;
    if (m !== undefined) return m;
    const { index, length: n, holdings, source } = this;
    // A fund's rows gathered from the read's cents, when it has them: its millionths are not made.
    const cents = source && index !== null ? source.cents(name) : null;
    const from = cents === null ? source?.millionths(name) : undefined;
    if (from && index === null) m = from.subarray(0, n);
    else {
      m = new Float64Array(n).fill(NaN);
      for (let k = 0; k < n; k++) {
        const j = source ? (index === null ? k : index[k]) : -1;
        if (j < 0) m[k] = millionthsOf(holdings[k][name]);
        else if (cents !== null) m[k] = inMillionths(cents[j]);
        else if (from) m[k] = from[j];
      }
      this.owned.add(m);
    }
    this.make(name, m);
    return m;
  }

  /**
   * The read's own column of cents (model.ts NO_CENTS: blank) when the fund's holdings are the
   * read's, in order (one fund per workbook), and the read kept the amounts as cents; else null,
   * and millionths() gives them. Read as it is: neither made nor patched here.
   */
  cents(name: AmountField): Int32Array | null {
    const source = this.source;
    if (source === undefined || this.made.has(name) || this.index !== null)
      return null;
    const cents = source.cents(name);
    if (cents === null) return null;
    this.fieldsRead.add(name);
    return cents.subarray(0, this.length);
  }

  /** A column made, and its field among those an edit compares. */
  private make(name: MemoField, column: unknown): void {
    this.made.set(name, column);
    this.fieldsRead.add(name);
  }

  /** Fields a memo reads, among those an edit compares. */
  private reads(fields: readonly MemoField[]): void {
    for (let f = 0; f < fields.length; f++) this.fieldsRead.add(fields[f]);
  }

  /** The indices of the holdings with an unreadable cell, in order. */
  withInvalid(): readonly number[] {
    let found = this.made.get(INVALID) as number[] | undefined;
    if (found === undefined) this.make(INVALID, (found = this.findInvalid()));
    return found;
  }

  private findInvalid(): number[] {
    const found: number[] = [];
    const { source, index, holdings } = this;
    // Most reads are clean: then only the holdings not of the read are asked.
    if (source && !source.anyInvalid && index === null) return found;
    for (let k = 0; k < holdings.length; k++) {
      const j = source ? (index ? index[k] : k) : -1;
      if (this.invalidOf(k, j).size) found.push(k);
    }
    return found;
  }

  /** Holding k's worksheet row, from its read when it has one (its object need not be made). */
  rowAt(k: number): number {
    const index = this.source ? this.index : undefined;
    const j = index === undefined ? -1 : index === null ? k : index[k];
    return j >= 0 ? this.source!.rowAt(j) : this.holdings[k].row;
  }

  private invalidOf(k: number, j: number): Set<string> {
    return j >= 0 ? this.source!.invalidAt(j) : this.holdings[k].invalid;
  }

  private code<K extends Field>(name: K): Coded<Holding[K]> {
    const from = this.fromRead(name);
    const { index, length: n, holdings } = this;
    if (from && index === null)
      return { codes: from.codes, values: from.values as Holding[K][] };
    let codes: Uint16Array | Uint32Array =
      from?.codes instanceof Uint32Array
        ? new Uint32Array(n)
        : new Uint16Array(n);
    // The holdings not of the read (edited rows), or all of them when the read does not code the column.
    const others = from ? copyCodes(from.codes, index!, codes) : allRows(n);
    if (from) this.othersMade ??= others;
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
    if (added !== undefined && from) keepKeyed(values, from.values, added);
    return { codes, values: values as Holding[K][] };
  }

  /**
   * These columns made from those of the same fund before an edit of the holdings at the given
   * slots (same list length, same read): every column the previous version made, as code()
   * and millionths() would make it here, sharing what the edit left unchanged; the memos whose
   * fields the edit left unchanged. Loops, not callbacks: this runs once per edit, mostly before
   * V8 has compiled it.
   */
  private patchFrom(before: FundColumns, slots: readonly number[]): void {
    const reads: number[] = [];
    // The same holdings not of the read (the edited rows were not of it before either): a column
    // whose values at the slots are unchanged is the same (code(), findInvalid()).
    const othersBefore = before.othersMade;
    let sameOthers = othersBefore !== undefined;
    for (let s = 0; s < slots.length; s++) {
      const j = this.indexInRead(slots[s]);
      reads.push(j);
      if (j >= 0 || (sameOthers && !othersBefore!.includes(slots[s])))
        sameOthers = false;
    }
    if (othersBefore)
      this.othersMade = sameOthers
        ? othersBefore
        : patchedOthers(othersBefore, slots, reads);
    if (before.indexMade !== undefined) {
      // The index is copied when first read whole (code() of a column not made before).
      this.indexMade = before.indexMade;
      // A new map filled by forEach: a Map made from a Map iterates entry by entry in code not
      // yet compiled (an edit's first hundred checks).
      const patch = (this.indexPatch = new Map<number, number>());
      before.indexPatch?.forEach((j, k) => patch.set(k, j));
      for (let s = 0; s < slots.length; s++) patch.set(slots[s], reads[s]);
      // Many slots replaced: the index is made whole now, not carried as a long patch.
      if (patch.size > MAX_OTHERS) void this.index;
    }
    // The fields the edit changed (few, most often the one edited), compared once each among
    // those any column or memo reads.
    this.fieldsRead = before.fieldsRead;
    const changed = changedFields(
      before.holdings,
      this.holdings,
      slots,
      before.fieldsRead,
    );
    if (sameOthers) return this.takeFrom(before, slots, reads, changed);
    /** The amounts at the slots before the edit, by amount column patched. */
    const amountsBefore = new Map<string, Float64Array>();
    // Keys, then get: a destructured [key, value] costs an iterator per entry in code not yet
    // compiled, which is how this runs for an edit's first hundred checks.
    for (const name of before.made.keys()) {
      const column = before.made.get(name);
      const patched = this.patchColumn(
        before,
        name,
        column,
        slots,
        reads,
        amountsBefore,
      );
      // An amount column kept as it is is now shared: neither version writes to it.
      if (patched === column && column instanceof Float64Array)
        before.owned.delete(column);
      if (patched !== undefined) this.made.set(name, patched);
    }
    for (const key of before.memos.keys()) {
      const m = before.memos.get(key)!;
      if (!this.unchanged(before, m.fields, changed, sameOthers)) continue;
      const amount = m.amount;
      if (
        amount === undefined ||
        this.keptField(before, amount, changed, sameOthers)
      )
        this.memos.set(key, m);
      else if (m.change === undefined) {
        // Only the amount changed: the value is patched when first asked (summing).
        const amounts = amountsBefore.get(amount);
        if (amounts !== undefined)
          this.memos.set(key, {
            fields: m.fields,
            value: m.value,
            amount,
            change: { slots, before: amounts },
          });
      }
    }
  }

  /**
   * patchFrom when the holdings not of the read are the same: the columns and memos of the fields
   * the edit left unchanged stay as they are, so the previous version's maps are taken rather than
   * copied entry by entry, and only the changed fields' entries are patched in them. The next
   * version is the one checked from now on; were the previous one asked again, it would make its
   * own anew (as it does for an amount column taken in patchMillionths).
   */
  private takeFrom(
    before: FundColumns,
    slots: readonly number[],
    reads: readonly number[],
    changed: readonly MemoField[],
  ): void {
    // Swapped: the previous version gets this one's empty maps (no new ones made per edit).
    const { made: noColumns, memos: noMemos, owned: noneOwned } = this;
    this.made = before.made;
    this.memos = before.memos;
    this.owned = before.owned;
    before.made = noColumns;
    before.memos = noMemos;
    before.owned = noneOwned;
    if (changed.length === 0) return;
    const made = this.made;
    /** The amounts at the slots before the edit, by amount column patched. */
    const amountsBefore = new Map<string, Float64Array>();
    for (let c = 0; c < changed.length; c++) {
      const name = changed[c];
      const column = made.get(name);
      if (column === undefined) continue;
      const patched = this.patchColumn(
        this,
        name,
        column,
        slots,
        reads,
        amountsBefore,
      );
      if (patched === undefined) made.delete(name);
      else made.set(name, patched);
    }
    const memos = this.memos;
    // forEach, not an iterator (a result per entry in code not yet compiled); deleting or
    // replacing the entry met is allowed.
    memos.forEach((m, key) => {
      if (!this.unchanged(before, m.fields, changed, true)) memos.delete(key);
      else if (m.amount === undefined || !changed.includes(m.amount)) return;
      else if (m.change !== undefined) memos.delete(key);
      else {
        // Only the amount changed: the value is patched when first asked (summing).
        const amounts = amountsBefore.get(m.amount);
        if (amounts === undefined) memos.delete(key);
        else
          memos.set(key, {
            fields: m.fields,
            value: m.value,
            amount: m.amount,
            change: { slots, before: amounts },
          });
      }
    });
  }

  /**
   * A column made before the edit at the given slots, as code(), millionths() or withInvalid()
   * would make it now (undefined: made again when asked); an amount column's values at the slots
   * before the edit are recorded in amountsBefore.
   */
  private patchColumn(
    before: FundColumns,
    name: string,
    column: unknown,
    slots: readonly number[],
    reads: readonly number[],
    amountsBefore: Map<string, Float64Array>,
  ): unknown {
    if (name === INVALID)
      return this.patchInvalid(column as number[], slots, reads);
    if (column instanceof Float64Array) {
      amountsBefore.set(name, valuesAt(column, slots));
      return this.patchMillionths(
        before,
        name as AmountField,
        column,
        slots,
        reads,
      );
    }
    return this.patchCoded(
      name as Field,
      column as Coded<unknown>,
      slots,
      reads,
    );
  }

  /** Every field is the same at the slots, and its column (if made) is the same object. */
  private unchanged(
    before: FundColumns,
    fields: readonly MemoField[],
    changed: readonly MemoField[],
    sameOthers: boolean,
  ): boolean {
    // With the same holdings not of the read, an unchanged field's column was kept: only the
    // changed fields (fewer than a memo's) need looking for.
    if (sameOthers) {
      for (let c = 0; c < changed.length; c++)
        if (fields.includes(changed[c])) return false;
      return true;
    }
    for (let f = 0; f < fields.length; f++)
      if (!this.keptField(before, fields[f], changed, sameOthers)) return false;
    return true;
  }

  /**
   * The field is the same at the slots and its column (if made) is the same object in both
   * versions, so that per-value memos stay right. With the same holdings not of the read, an
   * unchanged field's column was kept as it was (patchFrom).
   */
  private keptField(
    before: FundColumns,
    field: MemoField,
    changed: readonly MemoField[],
    sameOthers: boolean,
  ): boolean {
    return (
      !changed.includes(field) &&
      (sameOthers || this.made.get(field) === before.made.get(field))
    );
  }

  private patchInvalid(
    list: readonly number[],
    slots: readonly number[],
    reads: readonly number[],
  ): number[] {
    const found = new Set(list);
    slots.forEach((k, s) => {
      if (this.invalidOf(k, reads[s]).size) found.add(k);
      else found.delete(k);
    });
    return found.size === list.length &&
      slots.every((k) => list.includes(k) === found.has(k))
      ? (list as number[])
      : [...found].sort((a, b) => a - b);
  }

  /**
   * An amount column with the slots' new amounts: the previous version's array itself, written
   * in place, when it was that version's alone (taken from it: were it asked again, it would make
   * its own anew); else a copy. Unchanged amounts keep the column.
   */
  private patchMillionths(
    before: FundColumns,
    name: AmountField,
    column: Float64Array,
    slots: readonly number[],
    reads: readonly number[],
  ): Float64Array {
    const cents = this.source?.cents(name) ?? null;
    const from = cents === null ? this.source?.millionths(name) : undefined;
    const values = new Float64Array(slots.length);
    let same = true;
    for (let s = 0; s < slots.length; s++) {
      const j = reads[s];
      const x =
        j < 0
          ? millionthsOf(this.holdings[slots[s]][name])
          : cents !== null
            ? inMillionths(cents[j])
            : from
              ? from[j]
              : NaN;
      values[s] = x;
      same &&= Object.is(column[slots[s]], x);
    }
    if (same) return column;
    let m: Float64Array;
    if (before.owned.has(column) && column.length === this.length) {
      before.made.delete(name);
      before.owned.delete(column);
      m = column;
    } else {
      m = new Float64Array(this.length);
      m.set(column.subarray(0, this.length));
    }
    this.owned.add(m);
    for (let s = 0; s < slots.length; s++) m[slots[s]] = values[s];
    return m;
  }

  /**
   * A coded column patched: the read's code at an edited slot now from the read, and the codes
   * of the holdings not of the read worked out again in order, as code() does (they are few);
   * undefined (made again when asked) when the read does not code the column or many holdings are not of it.
   */
  private patchCoded(
    name: Field,
    column: Coded<unknown>,
    slots: readonly number[],
    reads: readonly number[],
  ): Coded<unknown> | undefined {
    const from = this.fromRead(name);
    const others = this.others;
    // None (the read's columns as they are) or many: made again when asked.
    if (!from || others.length === 0 || others.length > MAX_OTHERS)
      return undefined;
    let values = from.values as unknown[];
    let added: Map<unknown, number> | undefined;
    const codesOfOthers = others.map((k) => {
      const value = this.holdings[k][name];
      let code = from.codeOf(value) ?? added?.get(value);
      if (code === undefined) {
        if (added === undefined) [added, values] = [new Map(), [...values]];
        added.set(value, (code = values.length));
        values.push(value);
      }
      return code;
    });
    // The previous values when they are the same: what was worked out per value stays right.
    if (sameValues(values, column.values)) values = column.values as unknown[];
    else if (added !== undefined) keepKeyed(values, from.values, added);
    const before = column.codes;
    let unchanged = values === column.values && before.length === this.length;
    for (let s = 0; unchanged && s < slots.length; s++)
      if (reads[s] >= 0) unchanged = before[slots[s]] === from.codes[reads[s]];
    for (let o = 0; unchanged && o < others.length; o++)
      unchanged = before[others[o]] === codesOfOthers[o];
    if (unchanged) return column;
    const wide = from.codes instanceof Uint32Array || values.length > 0x10000;
    const codes = wide
      ? new Uint32Array(this.length)
      : new Uint16Array(this.length);
    codes.set(before.subarray(0, this.length));
    slots.forEach((k, s) => {
      if (reads[s] >= 0) codes[k] = from.codes[reads[s]];
    });
    others.forEach((k, o) => (codes[k] = codesOfOthers[o]));
    return { codes, values };
  }
}

/**
 * An amount in millionths as a number when it is a safe integer (a holding not of the read, such
 * as an edited row, is then summed as the read's are), else NaN: its field is read.
 */
function millionthsOf(amount: Amount | undefined): number {
  return typeof amount === "bigint" && amount <= MAX_SAFE && amount >= -MAX_SAFE
    ? Number(amount)
    : NaN;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A memo's fields: the holdings' fields it reads, and INVALID for which cells are unreadable. */
export type MemoField = Field | typeof INVALID;

/** The key of withInvalid's list among the made columns, and the memo field of unreadable cells. */
export const INVALID = "#invalid";

export type AmountField = "costValue" | "fairValue" | "marketCap";

interface Memo {
  fields: readonly MemoField[];
  value: unknown;
  /** A summing memo's amount column. */
  amount?: AmountField;
  /** A summing memo carried over an edit of its amounts, until patched (summing). */
  change?: Omit<AmountChange, "after">;
}

/**
 * The amounts of an edit, in millionths: the slots it changed, their amounts before it (before[s]
 * for slots[s]), and the column after it.
 */
export interface AmountChange {
  readonly slots: readonly number[];
  readonly before: Float64Array;
  readonly after: Float64Array;
}

/**
 * A copy of a read's ids, all written as their keys, stays known so when the values added to it
 * are: the check then need not look at every id again to fold them (id-key.ts).
 */
function keepKeyed(
  copy: readonly unknown[],
  read: readonly unknown[],
  added: Map<unknown, number>,
): void {
  if (keyed(read)) markKeyed(copy, allKeys(added.keys()));
}

/** The column's values at the slots, in the slots' order. */
function valuesAt(
  column: Float64Array,
  slots: readonly number[],
): Float64Array {
  const values = new Float64Array(slots.length);
  for (let s = 0; s < slots.length; s++) values[s] = column[slots[s]];
  return values;
}

type ReadCoded = NonNullable<ReturnType<HoldingColumns["coded"]>>;

/** The read's coded columns as fromRead first got them (a read is never written to). */
const readCoded = new WeakMap<HoldingColumns, Map<string, ReadCoded | null>>();

/** Past this many holdings not of the read, a coded column is made again rather than patched. */
const MAX_OTHERS = 64;

/**
 * A holdings list that an edit made carries, under symbols of its own (not enumerable: no copy,
 * JSON or comparison sees them), the list it was made from and the slots that changed, until
 * its columns are made; then its columns, for the next edit. A WeakMap from the list would do
 * the same, but a WeakMap holding young lists made every scavenge trace the columns (measured:
 * scavenges of 2 ms took 10 ms).
 */
const KEPT = Symbol("columns kept for the next edit");
const EDIT = Symbol("edit that made the list");

interface Edit {
  before: readonly Holding[];
  slots: readonly number[];
}

type EditedList = readonly Holding[] & {
  [KEPT]?: FundColumns;
  [EDIT]?: Edit;
};

function keep<K extends typeof KEPT | typeof EDIT>(
  list: EditedList,
  key: K,
  value: EditedList[K],
): void {
  Object.defineProperty(list, key, {
    value,
    writable: true,
    configurable: true,
  });
}

/**
 * Records that after is before with the holdings at the given slots replaced, and that neither
 * list is written to from now on: after's columns are made from before's when before's were kept.
 */
export function recordEdit(
  after: readonly Holding[],
  before: readonly Holding[],
  slots: readonly number[],
): void {
  // A list never checked passes on its own edit, so that lists do not hold each other in a chain.
  const earlier = (before as EditedList)[EDIT];
  keep(
    after,
    EDIT,
    earlier
      ? {
          before: earlier.before,
          slots: [...new Set([...earlier.slots, ...slots])],
        }
      : { before, slots },
  );
}

/** An index with some slots replaced (null: index k is holding k), null again when it stays so. */
function patchedIndex(
  previous: Int32Array | null,
  length: number,
  patch: ReadonlyMap<number, number>,
): Int32Array | null {
  if (previous === null && [...patch].every(([k, j]) => k === j)) return null;
  const index = previous ? previous.slice() : identity(length);
  for (const [k, j] of patch) index[k] = j;
  return index;
}

function identity(n: number): Int32Array {
  const index = new Int32Array(n);
  for (let k = 0; k < n; k++) index[k] = k;
  return index;
}

/** The holdings not of the read after an edit of the slots (reads: their new indices in the read). */
function patchedOthers(
  before: readonly number[],
  slots: readonly number[],
  reads: readonly number[],
): number[] {
  const others = new Set(before);
  slots.forEach((k, s) => {
    if (reads[s] < 0) others.add(k);
    else others.delete(k);
  });
  return [...others].sort((a, b) => a - b);
}

/** The indices of the holdings not of the read, in order. */
function othersOf(index: Int32Array): number[] {
  const others: number[] = [];
  for (let k = 0; k < index.length; k++) if (index[k] < 0) others.push(k);
  return others;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Fields in the order first added, each once: a set to ask, and a list to loop over without a
 * callback per field (an edit compares them in code V8 has not compiled yet).
 */
class FieldList {
  private readonly set = new Set<MemoField>();
  readonly list: MemoField[] = [];

  add(field: MemoField): void {
    if (this.set.has(field)) return;
    this.set.add(field);
    this.list.push(field);
  }
}

/**
 * The fields (and INVALID, which cells are unreadable) that differ at the slots between two lists
 * of holdings, among the given ones, each once.
 */
function changedFields(
  before: readonly Holding[],
  after: readonly Holding[],
  slots: readonly number[],
  fields: FieldList,
): MemoField[] {
  const changed: MemoField[] = [];
  const list = fields.list;
  for (let s = 0; s < slots.length; s++) {
    const a = before[slots[s]];
    const b = after[slots[s]];
    if (a === b) continue;
    for (let f = 0; f < list.length; f++) {
      const field = list[f];
      if (
        (field === INVALID
          ? !sameSet(a.invalid, b.invalid)
          : !Object.is(a[field], b[field])) &&
        !changed.includes(field)
      )
        changed.push(field);
    }
  }
  return changed;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  // Most rows read cleanly: two empty sets, compared without an iterator.
  if (a === b || (a.size === 0 && b.size === 0)) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The read's codes of the holdings of the read, by index; returns the indices of the others. */
function copyCodes(
  from: CodeArray,
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
