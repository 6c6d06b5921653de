import {
  type Amount,
  amountFromDecimal,
  amountToDecimal,
  minAmount,
} from "../amount";
import { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import { eurText, evaluateRatio, percentText } from "../ratio";
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

export type AdvanceGate =
  | { kind: "unknown" }
  | { kind: "refused"; issuer: string }
  | { kind: "allowed"; issuer: string; ownership: Dec };

/**
 * II 1°: every advance is measured against the 15 % limit, and is allowed only to a company in
 * which the fund holds at least `gate` of the capital (zero: any participation, as L. 214-160
 * has it). Records the measure, the missing share or the refusal; the caller decides the quota.
 */
export function gateAdvance(
  ctx: FundContext,
  p: Position,
  rules: {
    quotaId: string;
    advancesId: string;
    article: string;
    gate: Dec;
    gateFailures: string[];
  },
): { amount?: Amount; gate: AdvanceGate } {
  const h = p.holding;
  const { article, gate } = rules;
  const amount = ctx.amountOf(p);
  if (amount !== undefined)
    ctx.count(
      p,
      {
        rule: rules.advancesId,
        article,
        note: "measured against the 15 % limit",
      },
      amount,
    );
  const ownership = h.ownershipPct ?? issuerOwnership(ctx, h.issuerId);
  if (ownership === undefined) {
    const share = gate.isZero()
      ? "a participation"
      : `at least ${percentText(gate)} of the capital`;
    ctx.needHolding(
      h,
      "ownershipPct",
      `ownershipPct is needed: ${article} allows an advance only to a company in which the fund holds ${share}.`,
    );
    ctx.exclude(p, {
      rule: rules.quotaId,
      article,
      reason: "the fund's share of the issuer's capital is unknown.",
    });
    return { amount, gate: { kind: "unknown" } };
  }
  const issuer = h.issuerName ?? h.issuerId ?? `row ${h.row}`;
  if (gate.isZero() ? ownership.lte(0) : ownership.lt(gate)) {
    const reason = gate.isZero()
      ? `advance excluded: the fund holds no participation in ${issuer}, which ${article} requires.`
      : `advance excluded: the fund holds ${percentText(ownership)} of ${issuer}, ${article} requires at least ${percentText(gate)}.`;
    rules.gateFailures.push(`Line ${h.lineId} (row ${h.row}): ${reason}`);
    ctx.exclude(p, { rule: rules.quotaId, article, reason });
    return { amount, gate: { kind: "refused", issuer } };
  }
  return { amount, gate: { kind: "allowed", issuer, ownership } };
}

/** Advances "take the ownership of their issuer": the highest share given on the issuer's other rows. */
function issuerOwnership(
  ctx: FundContext,
  issuerId: string | undefined,
): Dec | undefined {
  return issuerId === undefined ? undefined : ownershipIndex(ctx).get(issuerId);
}

const ownershipIndexes = new WeakMap<FundContext, Map<string, Dec>>();
function ownershipIndex(ctx: FundContext): Map<string, Dec> {
  let index = ownershipIndexes.get(ctx);
  if (!index) {
    index = new Map();
    for (const p of ctx.positions) {
      const { issuerId, ownershipPct } = p.holding;
      if (issuerId === undefined || ownershipPct === undefined) continue;
      const best = index.get(issuerId);
      if (best === undefined || ownershipPct.gt(best))
        index.set(issuerId, ownershipPct);
    }
    ownershipIndexes.set(ctx, index);
  }
  return index;
}
