import {
  type Amount,
  amountToDecimal,
  formatAmount,
  formatCentsFloor,
} from "./amount";
import { Dec } from "./decimal";
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

function compare(left: Dec, op: Operator, right: Dec): boolean {
  switch (op) {
    case ">=":
      return left.gte(right);
    case ">":
      return left.gt(right);
    case "<=":
      return left.lte(right);
    case "<":
      return left.lt(right);
  }
}

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
    threshold: threshold.toNumber(),
    value: null,
    numerator: formatAmount(numerator),
    denominator: denominator === undefined ? null : formatAmount(denominator),
    status: "incomplete",
    headroom: null,
    unit: input.unit ?? "EUR",
  };
  const messages = [input.message, input.forcedBreach].filter(
    (m): m is string => Boolean(m),
  );
  if (messages.length) base.message = messages.join(" ");
  // Coded only when every part of the message is: otherwise the English message stands alone.
  const coded =
    (input.message ? input.reasons !== undefined : true) &&
    (input.forcedBreach ? input.forcedReasons !== undefined : true);
  const reasons: Reason[] | undefined = coded
    ? [...(input.reasons ?? []), ...(input.forcedReasons ?? [])]
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

  const num = amountToDecimal(numerator);
  const den = amountToDecimal(denominator);
  const limit = threshold.times(den);
  base.value = num.dividedBy(den).toNumber();
  const headroom =
    rule.direction === "min" ? num.minus(limit) : limit.minus(num);
  // An information rule has no limit to keep away from.
  base.headroom = rule.direction === "info" ? null : formatCentsFloor(headroom);

  base.status = statusOf(input, op, num, den, limit);
  if (!input.complete) base.partial = true;
  return base;
}

function statusOf(
  input: RatioInput,
  op: Operator,
  num: Dec,
  den: Dec,
  limit: Dec,
): Status {
  if (input.forcedBreach) return "breach";
  if (!input.complete) return "incomplete";
  const within = compare(num, op, limit);
  if (input.rule.direction === "cap") return within ? "pass" : "info";
  if (input.rule.direction === "info") return "info";
  if (!input.binding) return "not-binding";
  if (!within) return "breach";
  // A zero limit is a closed list: nothing is "close" to it.
  if (input.threshold.isZero()) return "pass";
  const margin = input.warningMargin.times(den);
  const close =
    input.rule.direction === "min"
      ? num.lt(limit.plus(margin))
      : num.gt(limit.minus(margin));
  return close ? "warning" : "pass";
}

export function percentText(fraction: Dec): string {
  return `${fraction.times(100).toDecimalPlaces(2).toString()} %`;
}

export function eurText(amount: Amount): string {
  const [units, cents] = formatAmount(amount).split(".");
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${grouped}${cents === "00" ? "" : "." + cents} EUR`;
}
