import {
  type Amount,
  amountFromDecimal,
  amountToDecimal,
  minAmount,
} from "../amount";
import { Dec } from "../decimal";
import type { FundContext } from "../fund-context";
import { eurText, evaluateRatio } from "../ratio";
import type { RuleDefinition, RuleResult } from "../result";

/**
 * The limits of L. 214-28 that every fund applying it shares (FCPR, and FCPI, FIP, FPCI after
 * it): advances within 15 % (II 1°), the 20 % bucket (III), and the five years after admission (IV).
 */
export const LIMIT_15 = new Dec("0.15");
export const CAP_20 = new Dec("0.2");

/** fraction × the fund's base, rounded down to the millionth: a cap is never overstated. */
export function capOf(ctx: FundContext, fraction: Dec): Amount | undefined {
  const D = ctx.denominator;
  return D === undefined
    ? undefined
    : amountFromDecimal(
        fraction.times(amountToDecimal(D)).toDecimalPlaces(6, Dec.ROUND_FLOOR),
      );
}

/** What the quota may count of the bucket and of the qualifying advances, and notes on what it leaves out. */
export function cappedSums(
  ctx: FundContext,
  bucket: Amount,
  advancesQualifying: Amount,
) {
  const cap20 = capOf(ctx, CAP_20);
  const cap15 = capOf(ctx, LIMIT_15);
  const bucketCounted = cap20 === undefined ? bucket : minAmount(bucket, cap20);
  const advancesCounted =
    cap15 === undefined
      ? advancesQualifying
      : minAmount(advancesQualifying, cap15);
  const notes: string[] = [];
  if (bucketCounted < bucket)
    notes.push(
      `${eurText(bucket - bucketCounted)} of L. 214-28 III items above the 20 % limit not counted.`,
    );
  if (advancesCounted < advancesQualifying)
    notes.push(
      `${eurText(advancesQualifying - advancesCounted)} of advances above the 15 % limit not counted.`,
    );
  return { bucketCounted, advancesCounted, notes };
}

/** II 1°: all advances against 15 %, a breach too when one of them is not allowed. */
export function advancesRule(
  ctx: FundContext,
  rule: RuleDefinition,
  total: Amount,
  complete: boolean,
  gateFailures: string[],
): RuleResult {
  return evaluateRatio({
    rule,
    threshold: LIMIT_15,
    numerator: total,
    denominator: ctx.denominator,
    binding: true,
    complete: complete && ctx.denominatorComplete,
    warningMargin: ctx.warningMargin,
    forcedBreach: gateFailures.length ? gateFailures.join(" ") : undefined,
  });
}

/** III: a limit on counting, not a breach. */
export function bucketRule(
  ctx: FundContext,
  rule: RuleDefinition,
  bucket: Amount,
  bucketCounted: Amount,
  complete: boolean,
): RuleResult {
  return evaluateRatio({
    rule,
    threshold: CAP_20,
    numerator: bucket,
    denominator: ctx.denominator,
    binding: true,
    complete: complete && ctx.denominatorComplete,
    warningMargin: ctx.warningMargin,
    message:
      bucketCounted < bucket
        ? `${eurText(bucket - bucketCounted)} above the 20 % limit are not counted toward the quota (a limit on counting, not a breach).`
        : undefined,
  });
}

/** IV (and L. 214-30 II, L. 214-31 II): what counts under the five years after admission; information only. */
export function listedRule(
  ctx: FundContext,
  rule: RuleDefinition,
  total: Amount,
  complete: boolean,
  message: string,
): RuleResult {
  const r = evaluateRatio({
    rule,
    threshold: new Dec(0),
    numerator: total,
    denominator: ctx.denominator,
    binding: true,
    complete: complete && ctx.denominatorComplete,
    warningMargin: ctx.warningMargin,
    message,
  });
  r.threshold = null;
  r.headroom = null;
  if (r.status !== "incomplete") r.status = "info";
  return r;
}
