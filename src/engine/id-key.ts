/**
 * How ids match (contract §3: "Fund ids match ignoring case and surrounding spaces"): the same
 * reading for every id that names one thing across rows (a fund, a master, a holder), so that
 * `h1` and `H1 ` are one holder and their units are capped together.
 */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}

/** Whether an id is already its own key: no lowercase letter, no space at either end (ASCII; anything else is asked of idKey). */
export function isKey(id: string): boolean {
  const n = id.length;
  if (n === 0 || id.charCodeAt(0) <= 32 || id.charCodeAt(n - 1) <= 32)
    return n === 0;
  for (let k = 0; k < n; k++) {
    const c = id.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c > 127) return idKey(id) === id;
  }
  return true;
}

/**
 * Values of coded columns whose texts are all written as their keys, as the reader codes them
 * (text-codes.ts): foldedCodes has nothing to fold there, without looking at 38,000 issuers again.
 */
const KEYED = new WeakSet<readonly unknown[]>();

/** Whether the values are known to have every text written as its key (markKeyed). */
export function keyed(values: readonly unknown[]): boolean {
  return KEYED.has(values);
}

/** Whether every text among the values is written as its key. */
export function allKeys(values: Iterable<unknown>): boolean {
  for (const v of values) if (typeof v === "string" && !isKey(v)) return false;
  return true;
}

/** Says whether every text of a coded column's values is written as its key (kept up to date as values are added). */
export function markKeyed(values: readonly unknown[], keyed: boolean): void {
  if (keyed) KEYED.add(values);
  else KEYED.delete(values);
}

const folds = new WeakMap<
  readonly unknown[],
  { length: number; fold: Int32Array | null }
>();

/**
 * For a coded id column's values (one per code): the code each code is one id with, the first of
 * the codes whose values match ignoring case and surrounding spaces (`acme` and `ACME ` are one
 * company); null when no two match, the common case. Worked out once per read's values.
 */
export function foldedCodes(values: readonly unknown[]): Int32Array | null {
  if (KEYED.has(values)) return null;
  const kept = folds.get(values);
  if (kept !== undefined && kept.length === values.length) return kept.fold;
  let fold: Int32Array | null = null;
  // The keys of the values not written as their key: only a value of one of these keys can match another.
  let odd: Set<string> | undefined;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (typeof v === "string" && !isKey(v)) (odd ??= new Set()).add(idKey(v));
  }
  if (odd !== undefined) {
    const first = new Map<string, number>();
    fold = new Int32Array(values.length);
    for (let c = 0; c < values.length; c++) {
      fold[c] = c;
      const v = values[c];
      if (typeof v !== "string") continue;
      const key = isKey(v) ? v : idKey(v);
      if (!odd.has(key)) continue;
      const code = first.get(key);
      if (code === undefined) first.set(key, c);
      else fold[c] = code;
    }
  }
  folds.set(values, { length: values.length, fold });
  return fold;
}
