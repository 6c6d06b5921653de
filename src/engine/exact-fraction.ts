import type { Amount } from "./amount";
import type { Dec } from "./decimal";

/**
 * Decimals as integers, for the results every rule assembles: a threshold or a margin is
 * numerator / 10^places, so "numerator OP threshold × base" is one comparison of two integer
 * products. decimal.js gives the same answers where its 50 digits hold the exact values (the
 * callers check that); the integers spare a Decimal per operation on every re-check.
 */

/** A decimal as n / 10^places. */
export interface Fraction {
  n: bigint;
  places: number;
}

/** More decimals than any threshold or margin of the law has: such a value keeps decimal.js. */
const MAX_PLACES = 20;
const fractions = new WeakMap<Dec, Fraction | null>();
const numbers = new WeakMap<Dec, number>();

/** The decimal as an integer over a power of ten; null when it has more than 20 decimals or is not finite. */
export function fractionOf(d: Dec): Fraction | null {
  let f = fractions.get(d);
  if (f !== undefined) return f;
  const places = d.isFinite() ? d.decimalPlaces() : Infinity;
  f =
    places <= MAX_PLACES
      ? // Its digits as written, without the point: no rounding on the way.
        { n: BigInt(d.toFixed(places).replace(".", "")), places }
      : null;
  fractions.set(d, f);
  return f;
}

/** d.toNumber(), once per Decimal (a law's thresholds are the same objects from one check to the next). */
export function numberOf(d: Dec): number {
  let x = numbers.get(d);
  if (x === undefined) numbers.set(d, (x = d.toNumber()));
  return x;
}

const POWERS: bigint[] = [];
/** 10^k as a BigInt. */
export function pow10(k: number): bigint {
  return (POWERS[k] ??= 10n ** BigInt(k));
}

/** f scaled to `places` decimals (places ≥ f.places): its numerator over 10^places. */
export function atPlaces(f: Fraction, places: number): bigint {
  return f.n * pow10(places - f.places);
}

const SAFE = 2 ** 53;
const SAFE_BIG = BigInt(SAFE);

/**
 * num / den as a double, when the division of the two amounts as numbers is provably the double
 * decimal.js gives (the quotient rounded to 50 digits, then to the nearest double); undefined
 * otherwise. With both below 2^53 the numbers are exact and IEEE division rounds the exact
 * quotient q once. The two roundings can differ only when a midpoint between two doubles lies
 * between q and its 50-digit rounding, or q is one: a midpoint m / 2^K (m odd, 54 bits) other
 * than q is at least 1 / (den × 2^K) ≥ q / (den × 2^55) from it, far more than the 50-digit error
 * (q × 10^-49) while den < 2^53; and q equals one only if 2^K divides den, with K ≥ 53 when
 * |q| < 2, which den < 2^53 excludes.
 */
export function quotientNumber(num: Amount, den: Amount): number | undefined {
  if (den <= 0n || den >= SAFE_BIG || num >= SAFE_BIG || num <= -SAFE_BIG)
    return undefined;
  const n = Number(num);
  const d = Number(den);
  return Math.abs(n) < 2 * d ? n / d : undefined;
}

/** |x| < 10^48: sums of two such values keep 49 digits, within decimal.js's 50 (so it is exact there too). */
const DIGITS_BOUND = 10n ** 48n;
export function withinDecimalDigits(x: bigint): boolean {
  return x < DIGITS_BOUND && x > -DIGITS_BOUND;
}

/**
 * x / 10^places (x an integer count of 10^-places EUR) rounded down to the cent, as decimal.js's
 * toDecimalPlaces(2, ROUND_FLOOR).toFixed(2) writes it: "-0.05", "12.30", never "-0.00".
 */
export function centsFloorText(x: bigint, places: number): string {
  const unit = pow10(places - 2);
  let cents = x / unit;
  if (x < 0n && cents * unit !== x) cents -= 1n;
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = abs < 10n ? `0${abs}` : abs.toString();
  const units = text.length > 2 ? text.slice(0, -2) : "0";
  return `${negative ? "-" : ""}${units}.${text.slice(-2)}`;
}

/**
 * fraction × amount rounded down to the millionth, as decimal.js gives
 * fraction.times(amountToDecimal(amount)).toDecimalPlaces(6, ROUND_FLOOR) (a cap is never
 * overstated), in integers; undefined when decimal.js's 50 digits would not hold the product.
 */
export function floorTimes(amount: Amount, fraction: Dec): Amount | undefined {
  const f = fractionOf(fraction);
  if (!f) return undefined;
  // In 10^-(6 + places) EUR.
  const product = f.n * amount;
  if (!withinDecimalDigits(product)) return undefined;
  const unit = pow10(f.places);
  const q = product / unit;
  return product < 0n && q * unit !== product ? q - 1n : q;
}
