import {
  AMOUNT_DECIMALS,
  type Amount,
  amountFromDecimal,
  amountToDecimal,
  formatAmount,
} from "../amount";
import type { IsoDate } from "../dates";
import { Dec } from "../decimal";
import { type LawParameter, requireVersion } from "../../law/parameter";
import { REGISTER_LAW } from "../../law/registers";
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

/** A law amount in euros ("8000000") as the engine's exact amount. */
export function lawAmount(text: string): Amount {
  return amountFromDecimal(new Dec(text));
}

/** The register law's numbers at the test date, as the checks compare them: amounts exact. */
export function registerLawAt(asOf: IsoDate) {
  const v = <T>(p: LawParameter<T>) => requireVersion(p, asOf).value;
  const eur = (p: LawParameter<string>) => lawAmount(v(p));
  const L = REGISTER_LAW;
  return {
    // Offers: L. 411-2, D. 411-2-1.
    circle: Number(v(L.circleLimit)),
    small: eur(L.smallOffer),
    ticket: eur(L.ticket),
    nominal: eur(L.nominal),
    twelve: eur(L.twelveMonths),
    months: v(L.windowMonths),
    // Subscribers: RG AMF 412-113.
    initial: eur(L.initialSubscription),
    years: new Dec(v(L.sectorYears)),
    assets: eur(L.depositsAndPortfolio),
    balanceSheet: eur(L.balanceSheet),
    turnover: eur(L.turnover),
    equity: eur(L.equity),
    criteria: v(L.criteriaMet),
    large: eur(L.largeSubscription),
    // Trades: RG AMF 516-2.
    capShare: new Dec(v(L.capShare)),
    block: eur(L.blockAmount),
    debt: eur(L.debtAmount),
    dealer: eur(L.dealerAmount),
    deviation: new Dec(v(L.dealerDeviation)),
    standingYears: v(L.standingYears),
  };
}
export type RegisterLaw = ReturnType<typeof registerLawAt>;

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
