import { Dec } from "./decimal";

/**
 * An exact amount (EUR, or fund units for holder caps) held as an integer number of
 * millionths. Amounts are converted once, when a cell is read, so that sums over
 * thousands of positions stay exact and cheap: no binary floating point ever touches them.
 */
export type Amount = bigint;

export const AMOUNT_DECIMALS = 6;
const SCALE = 10n ** BigInt(AMOUNT_DECIMALS);
const SCALE_DEC = new Dec(10).pow(AMOUNT_DECIMALS);
const CENT = SCALE / 100n;

export const ZERO: Amount = 0n;

/** Rounds half-even to the millionth: finer digits are below any accounting precision. */
export function amountFromDecimal(value: Dec): Amount {
  return BigInt(
    value.times(SCALE_DEC).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0),
  );
}

export function amountFromString(text: string): Amount {
  return amountFromDecimal(new Dec(text));
}

/**
 * A numeric cell as an exact amount, taken as the 15 significant digits Excel shows. This is
 * the hot path of reading a workbook, so it scales the decimal text itself rather than
 * allocating a Decimal per cell; rounding is half-even at the millionth, as everywhere.
 */
export function amountFromNumber(n: number): Amount {
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER)
    return BigInt(n) * SCALE;
  // Amounts in cents, the common case: the double is exactly the nearest one to k/100.
  const cents = Math.round(n * 100);
  if (Math.abs(cents) < 1e15 && cents / 100 === n) {
    // cents × 10,000 stays an exact double below 2^53: one BigInt instead of two.
    return Math.abs(cents) < 9e11
      ? BigInt(cents * 10_000)
      : BigInt(cents) * CENT;
  }
  return amountFromPlainDecimal(n.toPrecision(15));
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function amountFromPlainDecimal(text: string): Amount {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new Error(`not a decimal number: ${text}`);
  const intDigits = m[2] ?? "";
  const digits = intDigits + (m[3] ?? "");
  // Digits that land before the millionths' place once the exponent is applied.
  const keep = intDigits.length + Number(m[4] ?? 0) + AMOUNT_DECIMALS;
  let scaled: bigint;
  if (keep >= digits.length)
    scaled = BigInt((digits || "0") + "0".repeat(keep - digits.length));
  else {
    const head = keep > 0 ? digits.slice(0, keep) : "";
    const tail = keep > 0 ? digits.slice(keep) : "0".repeat(-keep) + digits;
    scaled = BigInt(head || "0");
    const first = tail.charCodeAt(0) - 48;
    const rest = /[1-9]/.test(tail.slice(1));
    if (first > 5 || (first === 5 && (rest || scaled % 2n === 1n)))
      scaled += 1n;
  }
  return m[1] === "-" ? -scaled : scaled;
}

export function amountToDecimal(amount: Amount): Dec {
  // Every rule and cap of a fund converts its base: the last two conversions are kept (a Dec is immutable).
  if (amount === lastAmounts[0]) return lastDecimals[0];
  if (amount === lastAmounts[1]) return lastDecimals[1];
  const value = new Dec(amount.toString()).dividedBy(SCALE_DEC);
  lastAmounts[1] = lastAmounts[0];
  lastDecimals[1] = lastDecimals[0];
  lastAmounts[0] = amount;
  lastDecimals[0] = value;
  return value;
}

const lastAmounts: (Amount | undefined)[] = [undefined, undefined];
const lastDecimals: Dec[] = [new Dec(0), new Dec(0)];

/** Decimal string with at least two decimals, more only when they are not zero ("1234.50", "0.125"). */
export function formatAmount(amount: Amount): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const units = abs / SCALE;
  let fraction = (abs % SCALE).toString().padStart(AMOUNT_DECIMALS, "0");
  fraction = fraction.replace(/0+$/, "");
  if (fraction.length < 2) fraction = fraction.padEnd(2, "0");
  return `${negative ? "-" : ""}${units.toString()}.${fraction}`;
}

/** Formats a decimal amount to cents, rounding down: a cushion is never overstated, a shortfall never understated. */
export function formatCentsFloor(value: Dec): string {
  return value.toDecimalPlaces(2, Dec.ROUND_FLOOR).toFixed(2);
}

export function minAmount(a: Amount, b: Amount): Amount {
  return a < b ? a : b;
}

export function maxAmount(a: Amount, b: Amount): Amount {
  return a > b ? a : b;
}

/** amount × fraction, rounded half-even to the millionth (look-through shares, participation shares). */
export function scaleAmount(amount: Amount, fraction: Dec): Amount {
  const f = fractionParts(fraction);
  // In integers, as exact as the decimal product while both fit its 50 digits (checked, not assumed).
  if (f && amount < FAST_LIMIT && amount > -FAST_LIMIT) {
    const product = amount * f.numerator;
    let q = product / f.scale;
    const r = product % f.scale;
    const twice = (r < 0n ? -r : r) * 2n;
    if (twice > f.scale || (twice === f.scale && q % 2n !== 0n))
      q += product < 0n ? -1n : 1n;
    return q;
  }
  return amountFromDecimal(amountToDecimal(amount).times(fraction));
}

/**
 * scaleAmount of x integer millionths in a number: the same result as a number, or NaN when the
 * product could pass 2^53 (then scaleAmount). Exact: x × numerator is an integer computed exactly
 * while it is a safe integer (else it is not one, and NaN is returned); the quotient of two safe
 * integers truncates to the right integer (its rounding error is below 1/scale, the distance from
 * a non-integer quotient to any integer); the remainder and its double are exact integers.
 */
export function scaleMillionths(x: number, fraction: Dec): number {
  const f = fractionParts(fraction);
  if (
    f === null ||
    !Number.isSafeInteger(f.numeratorNumber) ||
    !Number.isSafeInteger(f.scaleNumber)
  )
    return NaN;
  const product = x * f.numeratorNumber;
  if (!Number.isSafeInteger(product)) return NaN;
  let q = Math.trunc(product / f.scaleNumber);
  const twice = Math.abs(product - q * f.scaleNumber) * 2;
  if (twice > f.scaleNumber || (twice === f.scaleNumber && q % 2 !== 0))
    q += product < 0 ? -1 : 1;
  return q;
}

const FAST_LIMIT = 10n ** 24n;
const FRACTION_LIMIT = 10n ** 21n;
type Fraction = {
  numerator: bigint;
  scale: bigint;
  /** The same as numbers (exact when safe integers). */
  numeratorNumber: number;
  scaleNumber: number;
};
const fractions = new WeakMap<Dec, Fraction | null>();

/** A fraction as numerator / 10^k, for one of at most 20 digits and 20 decimals (else null). */
function fractionParts(fraction: Dec): Fraction | null {
  let parts = fractions.get(fraction);
  if (parts !== undefined) return parts;
  const places = fraction.isFinite() ? fraction.decimalPlaces() : Infinity;
  const numerator =
    places <= 20
      ? BigInt(fraction.times(new Dec(10).pow(places)).toFixed(0))
      : undefined;
  // amount below 10^24 times a numerator below 10^21: under 45 digits, where the decimal product is exact.
  parts =
    numerator !== undefined &&
    numerator < FRACTION_LIMIT &&
    numerator > -FRACTION_LIMIT
      ? {
          numerator,
          scale: 10n ** BigInt(places),
          numeratorNumber: Number(numerator),
          scaleNumber: 10 ** places,
        }
      : null;
  fractions.set(fraction, parts);
  return parts;
}

const SAFE = 2 ** 53;
const SAFE_BIG = BigInt(SAFE);

/**
 * An exact running sum of amounts that allocates no BigInt for ordinary amounts: they are added
 * as plain numbers (integer millionths), and carried into a BigInt before the number could lose a
 * digit. For the hot loops: the rules' tallies (measures/tally.ts), which take the millionths a
 * holding read by columns gives as numbers (model.ts COST_MILLIONTHS), and the reconciliation.
 *
 * Why the number part is exact: every number added is a safe integer (|x| ≤ 2^53 − 1), and `small`
 * stays one. The true sum t = small + x then has |t| ≤ 2^54 − 2. If |t| ≤ 2^53 − 1, t is a double
 * and IEEE addition returns it exactly. If |t| ≥ 2^53, the rounded result s has |s| ≥ 2^53 too
 * (rounding to nearest is monotone and ±2^53 are doubles), so the test sees it, drops s, and
 * carries small and x into the BigInt part, each exactly. No rounded value is ever kept.
 * test/properties/measures.property.test.ts compares it with BigInt sums on amounts near and past 2^53.
 */
export class ExactSum {
  /**
   * Integer millionths, a safe integer at all times. It starts as −0, equal to 0 wherever it is
   * read, so that V8 stores the field as a double from the first sum on: a field that turns from a
   * small integer into a double changes the hidden class of every sum, and the code compiled for
   * the first one is thrown away when the next check makes its sums.
   */
  private small = -0;
  private big: Amount = ZERO;

  /** Adds x integer millionths; x must be a safe integer (Number.isSafeInteger: the caller's proof). */
  addMillionths(x: number): void {
    const s = this.small + x;
    if (s <= Number.MAX_SAFE_INTEGER && s >= -Number.MAX_SAFE_INTEGER)
      this.small = s;
    else {
      this.big += BigInt(this.small) + BigInt(x);
      this.small = 0;
    }
  }

  /** Adds an amount, as a number when it is a safe integer (Number() is exact then). */
  add(amount: Amount): void {
    if (amount < SAFE_BIG && amount > -SAFE_BIG)
      this.addMillionths(Number(amount));
    else this.big += amount;
  }

  /** Adds an amount as a BigInt (cheaper than Number() when the amount is one already). */
  addBig(amount: Amount): void {
    this.big += amount;
  }

  /**
   * The sum, one BigInt conversion at most: the numbers are moved into the BigInt, so that the
   * next reads (a rule reads its measures' totals several times) make none.
   */
  value(): Amount {
    if (this.small !== 0) {
      this.big += BigInt(this.small);
      this.small = -0;
    }
    return this.big;
  }
}
