import { Dec } from "../decimal";
import { withConditions } from "../conditions";
import type { FundContext } from "../fund-context";
import { evaluateRatio } from "../ratio";
import { english } from "../../present/english";
import type { Reason } from "../reasons";
import type {
  ConditionResult,
  QuotaWindow,
  RuleDefinition,
  RuleResult,
  Unit,
} from "../result";
import type { Breaches } from "./breaches";
import { fundBase, type Measure } from "./tally";
import { heldUnknown, settle, settleRowsOfNoFund } from "./uncertain";

/** What a family of rules gives for one fund: its results, and the window its quota binds in. */
export interface Evaluation {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
}

export interface Comparison {
  /** The law's threshold at the test date; none for an information rule. */
  threshold?: Dec;
  numerator: Measure;
  /** Default: the fund's base, which is partial when it depends on an unreadable value. */
  denominator?: Measure;
  /** False outside the period in which the law makes the rule binding (default true). */
  binding?: boolean;
  /** Why, as codes and facts; the English message is made from them. */
  reasons?: Reason[];
  /** Positions outside a closed list or failing a gate: a breach whatever the ratio. */
  breaches?: Breaches;
  conditions?: ConditionResult[];
  unit?: Unit;
  /** holders: measured on the Holders table, so no unplaced holding can enter it. */
  over?: "holdings" | "holders";
  /** Last words on the result before the fund's unknowns settle it (a classification's message). */
  finish?: (r: RuleResult) => void;
}

const NO_THRESHOLD = new Dec(0);
const MEASURED = new WeakSet<RuleResult>();

/**
 * The comparison measure: a numerator against the law's threshold over a base, exactly as the
 * article words it (ratio.ts). Completeness is not an argument: it is read from the measures, and
 * the fund's own unknowns (a partial base, a row that cannot be placed) then settle the result.
 */
export function compare(
  ctx: FundContext,
  rule: RuleDefinition,
  c: Comparison,
): RuleResult {
  const r = limitOf(ctx, rule, c);
  if (c.conditions) withConditions(r, c.conditions);
  c.finish?.(r);
  if (c.over !== "holders")
    settle(
      ctx,
      r,
      !c.denominator || c.denominator.total === ctx.denominator,
      true,
    );
  else settleRowsOfNoFund(ctx, r, "Holders");
  MEASURED.add(r);
  return r;
}

/**
 * The same comparison, unsettled: the limit part of a rule with several conditions, which its
 * rule settles with the others (limitCondition).
 */
export function limitOf(
  ctx: FundContext,
  rule: RuleDefinition,
  c: Comparison,
): RuleResult {
  const base = c.denominator ?? fundBase(ctx);
  const forced = c.breaches?.count ? c.breaches.reasons() : undefined;
  const r = evaluateRatio({
    rule,
    threshold: c.threshold ?? NO_THRESHOLD,
    numerator: c.numerator.total ?? 0n,
    denominator: base.total,
    binding: c.binding ?? true,
    complete: c.numerator.complete && base.complete,
    partialIsLeast:
      partialIsLeast(ctx, base.complete) && c.numerator.mayLower !== true,
    warningMargin: ctx.warningMargin,
    message: sentences(c.reasons),
    reasons: c.reasons,
    forcedBreach: sentences(forced),
    forcedReasons: forced,
    unit: c.unit,
  });
  if (c.threshold === undefined) r.threshold = null;
  return r;
}

/**
 * Whether a partial numerator over the fund's rows is the least it can be, over a base known in
 * full: not when a row may not be held (its dates unread) and still be in it, nor when an unread
 * row may be below zero like others of the fund.
 */
export function partialIsLeast(
  ctx: FundContext,
  baseComplete: boolean,
): boolean {
  return baseComplete && !heldUnknown(ctx) && !ctx.belowZero;
}

/** The English sentences of the reasons, in order; undefined when there are none. */
function sentences(reasons: Reason[] | undefined): string | undefined {
  return reasons?.length ? reasons.map(english).join(" ") : undefined;
}

/** True for a result built by compare(): its completeness was settled by construction. */
export function isMeasured(r: RuleResult): boolean {
  return MEASURED.has(r);
}

/** A copy of a result keeps what compare() settled (checkWorkbook must not settle it again). */
export function measuredLike(copy: RuleResult, r: RuleResult): RuleResult {
  if (MEASURED.has(r)) MEASURED.add(copy);
  return copy;
}
