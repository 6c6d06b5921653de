import Decimal from "decimal.js";

/**
 * The project's decimal type: 50 significant digits and banker's rounding, so that
 * ratios and threshold products of euro amounts never lose a digit that matters.
 */
export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;
