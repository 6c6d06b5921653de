import { AMOUNT_DECIMALS, type Amount, formatAmount, ZERO } from "./amount";
import { Dec } from "./decimal";
import { centsFloorText, numberOf } from "./exact-fraction";
import type { Position } from "./fund-context";
import type { Reason } from "./reasons";
import type {
  ConditionKind,
  ConditionPosition,
  ConditionResult,
  LocalText,
  RuleResult,
  Status,
  Unit,
} from "./result";

/** A position that breaks a gate or a closed list, with the reason the rule gave. */
export interface Breaker {
  position: Position;
  amount?: Amount;
  reason: string;
  /** The reason as a code and its facts. */
  why?: Reason;
}

export interface ConditionText {
  id: string;
  article: string;
  wording: string;
  title: LocalText;
}

/** The limit part of a rule: the ratio computed without the gate or list, so its own status shows. */
export function limitCondition(
  text: ConditionText,
  limit: RuleResult,
): ConditionResult {
  const failed = limit.status === "breach";
  // Object.assign, not a spread followed by keys: Node 20's V8 builds `{ ...a, k: v }` on a slow path (µs per key).
  return Object.assign({}, text, {
    kind: "limit" as const,
    status: limit.status,
    failed,
    operator: limit.operator,
    threshold: limit.threshold,
    value: limit.value,
    numerator: limit.numerator,
    denominator: limit.denominator,
    headroom: limit.headroom,
    unit: limit.unit ?? "EUR",
  });
}

/**
 * A gate (each position must pass a test) or a closed list (only the assets the article names).
 * Its headroom is minus the amount of the positions that break it: what must be cured.
 */
export function positionsCondition(
  text: ConditionText,
  kind: Exclude<ConditionKind, "limit">,
  breakers: Breaker[],
  opts: {
    binding: boolean;
    complete: boolean;
    /** gate: the smallest share of capital the article requires. */
    threshold?: Dec;
    /** gate: the lowest share of capital found among the positions tested. */
    lowest?: Dec;
    unit?: Unit;
  },
): ConditionResult {
  let total = ZERO;
  let unreadable = false;
  for (const b of breakers) {
    if (b.amount === undefined) unreadable = true;
    else total += b.amount;
  }
  const failed = breakers.length > 0;
  // Object.assign, not a spread followed by keys (see limitCondition).
  return Object.assign({}, text, {
    kind,
    status: positionsStatus(failed, opts.binding, opts.complete && !unreadable),
    failed,
    operator: kind === "gate" ? (">=" as const) : undefined,
    threshold: opts.threshold ? numberOf(opts.threshold) : null,
    value: opts.lowest ? numberOf(opts.lowest) : null,
    numerator: formatAmount(total),
    denominator: null,
    // A negative amount (a sign error the reader already flags) never turns what to cure into a cushion.
    headroom: centsFloorText(total > ZERO ? -total : ZERO, AMOUNT_DECIMALS),
    unit: opts.unit ?? "EUR",
    positions: breakers.map(conditionPosition),
  });
}

function positionsStatus(
  failed: boolean,
  binding: boolean,
  complete: boolean,
): Status {
  if (failed) return binding ? "breach" : "not-binding";
  if (!complete) return "incomplete";
  return binding ? "pass" : "not-binding";
}

function conditionPosition(b: Breaker): ConditionPosition {
  const h = b.position.holding;
  const out: ConditionPosition = {
    row: h.row,
    lineId: h.lineId,
    amount: b.amount === undefined ? null : formatAmount(b.amount),
    reason: b.reason,
  };
  if (b.why) {
    out.code = b.why.code;
    out.facts = b.why.facts;
  }
  if (h.issuerId !== undefined) out.issuerId = h.issuerId;
  if (h.issuerName !== undefined) out.issuerName = h.issuerName;
  return out;
}

/** The ids of the conditions not met: a result's failedConditions. */
export function failedIds(conditions: readonly ConditionResult[]): string[] {
  return conditions.filter((c) => c.failed).map((c) => c.id);
}

/**
 * Attaches the conditions to their rule. A rule in breach never shows a positive headroom: it
 * takes the most negative headroom of its failed conditions, the least that must be cured.
 */
export function withConditions(
  result: RuleResult,
  conditions: ConditionResult[],
): RuleResult {
  result.conditions = conditions;
  result.failedConditions = failedIds(conditions);
  if (result.status !== "breach") return result;
  let worst: Dec | undefined;
  for (const c of conditions) {
    if (!c.failed || c.headroom === null) continue;
    const h = new Dec(c.headroom);
    if (worst === undefined || h.lt(worst)) worst = h;
  }
  if (worst === undefined) {
    if (result.headroom !== null && new Dec(result.headroom).gt(0))
      result.headroom = null;
  } else result.headroom = worst.gt(0) ? "0.00" : worst.toFixed(2);
  return result;
}
