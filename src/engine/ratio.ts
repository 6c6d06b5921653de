import {
  AMOUNT_DECIMALS,
  type Amount,
  amountToDecimal,
  formatAmount,
  formatCentsFloor,
} from "./amount";
import { Dec } from "./decimal";
import {
  atPlaces,
  centsFloorText,
  fractionOf,
  numberOf,
  pow10,
  quotientNumber,
  withinDecimalDigits,
} from "./exact-fraction";
import { type Reason, reason } from "./reasons";
import { english } from "../present/english";
import type {
  Operator,
  RuleDefinition,
  RuleResult,
  Status,
  Unit,
} from "./result";

export interface RatioInput {
  rule: RuleDefinition;
  threshold: Dec;
  numerator: Amount;
  /** Undefined when the fund's base could not be established. */
  denominator?: Amount;
  /** False outside the period in which the law makes the rule binding. */
  binding: boolean;
  /** False when a value the rule needed could not be read. */
  complete: boolean;
  /**
   * True when a partial numerator is the least it can be (what is unread can only add to it) over
   * a base known in full: a maximum it already passes is a breach whatever the unread values hold.
   * Default false.
   */
  partialIsLeast?: boolean;
  warningMargin: Dec;
  /** A breach that does not depend on the ratio (a position outside a closed list of allowed assets). */
  forcedBreach?: string;
  message?: string;
  /** The codes and facts of message and forcedBreach, in the same order. */
  reasons?: Reason[];
  forcedReasons?: Reason[];
  /** Unit of numerator, denominator and headroom (default EUR). */
  unit?: Unit;
}

export function defaultOperator(rule: RuleDefinition): Operator {
  if (rule.operator) return rule.operator;
  return rule.direction === "min" ? ">=" : "<=";
}

function holds<T extends Dec | bigint>(
  left: T,
  op: Operator,
  right: T,
  less: (a: T, b: T) => boolean,
): boolean {
  switch (op) {
    case ">=":
      return !less(left, right);
    case ">":
      return less(right, left);
    case "<=":
      return !less(right, left);
    case "<":
      return less(left, right);
  }
}

const lessDec = (a: Dec, b: Dec) => a.lt(b);
const lessBig = (a: bigint, b: bigint) => a < b;

/**
 * Turns a numerator and a base into a rule result. Thresholds are compared as
 * numerator OP threshold × base, exactly, so a ratio of exactly 50 % passes "au moins 50 %"
 * whatever rounding a division would have introduced.
 */
export function evaluateRatio(input: RatioInput): RuleResult {
  const { rule, threshold, numerator, denominator } = input;
  const op = defaultOperator(rule);
  const base: RuleResult = {
    id: rule.id,
    article: rule.article,
    direction: rule.direction,
    operator: op,
    threshold: numberOf(threshold),
    value: null,
    numerator: formatAmount(numerator),
    denominator: denominator === undefined ? null : formatAmount(denominator),
    status: "incomplete",
    headroom: null,
    unit: input.unit ?? "EUR",
  };
  // Plain conditions, no array filtered and joined: every re-check after an edit runs this.
  const { message, forcedBreach } = input;
  if (message && forcedBreach) base.message = `${message} ${forcedBreach}`;
  else if (message || forcedBreach) base.message = message || forcedBreach;
  // Coded only when every part of the message is: otherwise the English message stands alone.
  const coded =
    (message ? input.reasons !== undefined : true) &&
    (forcedBreach ? input.forcedReasons !== undefined : true);
  const reasons: Reason[] | undefined = coded
    ? joined(input.reasons, input.forcedReasons)
    : undefined;
  if (reasons?.length) base.reasons = reasons;

  if (denominator === undefined || denominator <= 0n) {
    const why =
      denominator === undefined
        ? reason("base-unknown", {})
        : reason("base-not-positive", {});
    base.message = [base.message, english(why)].filter(Boolean).join(" ");
    if (reasons) base.reasons = [...reasons, why];
    base.status = input.forcedBreach ? "breach" : "incomplete";
    if (!input.complete || denominator === undefined) base.partial = true;
    return base;
  }

  const outcome =
    integerOutcome(input, op, numerator, denominator) ??
    decimalOutcome(input, op, numerator, denominator);
  base.value = outcome.value;
  // An information rule has no limit to keep away from.
  base.headroom = rule.direction === "info" ? null : outcome.headroom;
  base.status = outcome.status;
  if (!input.complete) base.partial = true;
  return base;
}

/** The reasons of the message and of the forced breach, in a new array. */
function joined(a: Reason[] | undefined, b: Reason[] | undefined): Reason[] {
  if (b === undefined || b.length === 0)
    return a === undefined ? [] : a.slice();
  return a === undefined ? b.slice() : a.concat(b);
}

/** What the comparison gives: the ratio, the headroom to the limit in cents (rounded down), the status. */
export interface Outcome {
  value: number;
  headroom: string;
  status: Status;
}

/**
 * The outcome in integers: amounts in millionths scaled by 10^places, the threshold and the
 * margin as integers over the same power of ten. Undefined when a value is too large for
 * decimal.js to hold exactly in 50 digits, or has more decimals than fractionOf takes: then
 * decimalOutcome, so that every output is the one decimal.js gives.
 */
export function integerOutcome(
  input: RatioInput,
  op: Operator,
  numerator: Amount,
  denominator: Amount,
): Outcome | undefined {
  const scaled = scaledLimits(
    input.threshold,
    input.warningMargin,
    denominator,
  );
  const value = quotientNumber(numerator, denominator);
  if (scaled === undefined || value === undefined) return undefined;
  const { places, limit, margin } = scaled;
  const num = numerator * pow10(places);
  if (!withinDecimalDigits(num)) return undefined;
  const headroom = input.rule.direction === "min" ? num - limit : limit - num;
  return {
    value,
    // Millionths × 10^places: places + 6 decimals of a euro.
    headroom: centsFloorText(headroom, places + AMOUNT_DECIMALS),
    status: statusOf(input, holds(num, op, limit, lessBig), () =>
      input.rule.direction === "min"
        ? num < limit + margin
        : num > limit - margin,
    ),
  };
}

/** integerOutcome's limit and margin over the base, as integers over 10^places. */
interface ScaledLimits {
  readonly threshold: Dec;
  readonly warningMargin: Dec;
  readonly denominator: Amount;
  readonly places: number;
  readonly limit: bigint;
  readonly margin: bigint;
}

let lastScaled: ScaledLimits | undefined;

/**
 * The threshold and the margin times the base, scaled to the same places; undefined when
 * decimal.js must decide (too many decimals, or past its digits). The last ones are kept: a fund
 * re-checked after an edit compares a new numerator with the same threshold, margin and base.
 */
function scaledLimits(
  threshold: Dec,
  warningMargin: Dec,
  denominator: Amount,
): ScaledLimits | undefined {
  const last = lastScaled;
  if (
    last !== undefined &&
    last.threshold === threshold &&
    last.warningMargin === warningMargin &&
    last.denominator === denominator
  )
    return last;
  const t = fractionOf(threshold);
  const w = fractionOf(warningMargin);
  if (!t || !w) return undefined;
  const places = Math.max(t.places, w.places, 2);
  const limit = atPlaces(t, places) * denominator;
  const margin = atPlaces(w, places) * denominator;
  if (!withinDecimalDigits(limit) || !withinDecimalDigits(margin))
    return undefined;
  return (lastScaled = {
    threshold,
    warningMargin,
    denominator,
    places,
    limit,
    margin,
  });
}

/** The outcome in decimal.js, for values integerOutcome does not take. */
export function decimalOutcome(
  input: RatioInput,
  op: Operator,
  numerator: Amount,
  denominator: Amount,
): Outcome {
  const num = amountToDecimal(numerator);
  const den = amountToDecimal(denominator);
  const limit = input.threshold.times(den);
  const headroom =
    input.rule.direction === "min" ? num.minus(limit) : limit.minus(num);
  return {
    value: num.dividedBy(den).toNumber(),
    headroom: formatCentsFloor(headroom),
    status: statusOf(input, holds(num, op, limit, lessDec), () => {
      const margin = input.warningMargin.times(den);
      return input.rule.direction === "min"
        ? num.lt(limit.plus(margin))
        : num.gt(limit.minus(margin));
    }),
  };
}

function statusOf(
  input: RatioInput,
  within: boolean,
  /** Within the warning margin of the limit. */
  close: () => boolean,
): Status {
  if (input.forcedBreach) return "breach";
  // « A maximum already in breach stays in breach »: an unread value can only add to a maximum's
  // numerator, so one already beyond it over a known base cannot be cured by it.
  if (!input.complete)
    return alreadyBeyond(input, within) ? "breach" : "incomplete";
  if (input.rule.direction === "cap") return within ? "pass" : "info";
  if (input.rule.direction === "info") return "info";
  if (!input.binding) return "not-binding";
  if (!within) return "breach";
  // A zero limit is a closed list: nothing is "close" to it.
  if (input.threshold.isZero()) return "pass";
  return close() ? "warning" : "pass";
}

/** A binding maximum whose partial numerator, over a base known in full, is already beyond its limit. */
function alreadyBeyond(input: RatioInput, within: boolean): boolean {
  return (
    !within &&
    input.binding &&
    input.rule.direction === "max" &&
    input.partialIsLeast === true
  );
}

export function percentText(fraction: Dec): string {
  return `${fraction.times(100).toDecimalPlaces(2).toString()} %`;
}

export function eurText(amount: Amount): string {
  const [units, cents] = formatAmount(amount).split(".");
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${grouped}${cents === "00" ? "" : "." + cents} EUR`;
}
