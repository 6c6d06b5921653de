import {
  AMOUNT_DECIMALS,
  type Amount,
  amountFromDecimal,
  amountToDecimal,
  formatAmount,
} from "../amount";
import { Dec } from "../decimal";
import type { Operator } from "../result";

/** A check's result: true, false, or null when an unreadable or missing value could change it. */
export type Tri = boolean | null;

/** Three-valued AND: false dominates, then unknown. */
export function and(...values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === null) ? null : true;
}

/** Three-valued OR: true dominates, then unknown. */
export function or(...values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v === null) ? null : false;
}

/** Three-valued NOT: unknown stays unknown. */
export function not(value: Tri): Tri {
  return value === null ? null : !value;
}

/** An exact comparison as the article words it. */
export function compare(a: Amount, op: Operator, b: Amount): boolean {
  switch (op) {
    case ">=":
      return a >= b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case "<":
      return a < b;
  }
}

export function compareDec(a: Dec, op: Operator, b: Dec): boolean {
  switch (op) {
    case ">=":
      return a.gte(b);
    case ">":
      return a.gt(b);
    case "<=":
      return a.lte(b);
    case "<":
      return a.lt(b);
  }
}

/** A law amount in euros ("8000000") as the engine's exact amount. */
export function lawAmount(text: string): Amount {
  return amountFromDecimal(new Dec(text));
}

/** The JSON number of an exact amount (display only; comparisons use the exact amount). */
export function amountNumber(a: Amount): number {
  return Number(formatAmount(a));
}

/**
 * The euro amount of `amount` in `currency` at `fxRate` units for one euro (contract §3.3): kept
 * to the millionth, rounded half away from zero, never to the cent before a comparison.
 */
export function toEuros(
  amount: Amount,
  currency: string | undefined,
  fxRate: Dec | undefined,
): Amount | undefined {
  if (currency === undefined || currency === "EUR") return amount;
  if (fxRate === undefined || !fxRate.gt(0)) return undefined;
  const eur = amountToDecimal(amount).dividedBy(fxRate);
  return BigInt(
    eur
      .times(new Dec(10).pow(AMOUNT_DECIMALS))
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toFixed(0),
  );
}
