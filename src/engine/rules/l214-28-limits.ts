import { idKey } from "../id-key";
import {
  type Amount,
  amountFromDecimal,
  amountToDecimal,
  formatAmount,
  maxAmount,
  minAmount,
  ZERO,
} from "../amount";
import { limitCondition } from "../conditions";
import { Dec } from "../decimal";
import { floorTimes } from "../exact-fraction";
import { L214_160, L214_28, listAt, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import { type Coded, per } from "../fund-columns";
import {
  Breaches,
  compare,
  count,
  limitOf,
  type Measure,
  Tally,
} from "../measures";
import { type Reason, reason as why } from "../reasons";
import type { Holding } from "../model";
import { isWithin } from "../quota-window";
import type { QuotaWindow, RuleDefinition, RuleResult } from "../result";
import { ADVANCE_CONDITIONS } from "./fcpr-definitions";

/**
 * The limits of L. 214-28 that every fund applying it shares (FCPR, and FCPI, FIP, FPCI after
 * it): advances within 15 % (II 1°), the 20 % bucket (III), and the five years after admission (IV).
 */
/** II 1° and III, at the test date (src/law/l214-28.ts). */
const LIMIT_15 = (asOf: string) => ratioAt(L214_28.advances, asOf);
export const CAP_20 = (asOf: string) => ratioAt(L214_28.bucket, asOf);

/**
 * fraction × the fund's base, rounded down to the millionth: a cap is never overstated. A base of
 * zero or less (a sign error in the amounts) leaves no room: the cap is zero, never a negative
 * amount that would take something off a sum that holds nothing under it.
 */
export function capOf(ctx: FundContext, fraction: Dec): Amount | undefined {
  const D = ctx.denominator;
  if (D === undefined) return undefined;
  if (D <= ZERO) return ZERO;
  return (
    floorTimes(D, fraction) ??
    amountFromDecimal(
      fraction.times(amountToDecimal(D)).toDecimalPlaces(6, Dec.ROUND_FLOOR),
    )
  );
}

/**
 * Receivables held beyond the FPCI's 10 % limit (contract §3: amounts held beyond a holding limit
 * count only up to it; FPCI-REC10 reports the breach). The part above the limit is measured on all
 * the receivables held, and taken from those the quota counts: the reading that never overstates.
 */
function receivablesAboveLimit(ctx: FundContext): Amount {
  if (ctx.fund.fundType !== "FPCI") return ZERO;
  // L. 214-160 II: "peut détenir des créances, dans la limite de 10 % de son actif".
  const cap = capOf(ctx, ratioAt(L214_160.receivables, ctx.asOf));
  if (cap === undefined) return ZERO;
  const receivables = listAt(L214_160.receivableClasses, ctx.asOf);
  const cls = ctx.columns.coded("assetClass");
  const receivable = per(cls, (k) => k !== undefined && receivables.has(k));
  const held = new Tally(ctx);
  for (let i = 0; i < ctx.held.length; i++)
    if (ctx.held[i] === 1 && receivable[cls.codes[i]]) held.plusAt(i);
  return held.total > cap ? held.total - cap : ZERO;
}

/** What the quota may count of the bucket and of the qualifying advances, and notes on what it leaves out. */
export function cappedSums(
  ctx: FundContext,
  bucket: Amount,
  advancesQualifying: Amount,
  /** The receivables in the bucket (FPCI: those above its 10 % holding limit are not counted). */
  bucketReceivables: Amount = ZERO,
) {
  const { cap20, cap15 } = capsOf(ctx);
  // Never below zero: receivables of a negative sum (a sign error) are not "above" any limit.
  const aboveLimit = maxAmount(
    ZERO,
    minAmount(bucketReceivables, receivablesAboveLimit(ctx)),
  );
  const countable = bucket - aboveLimit;
  const bucketCounted =
    cap20 === undefined ? countable : minAmount(countable, cap20);
  const advancesCounted =
    cap15 === undefined
      ? advancesQualifying
      : minAmount(advancesQualifying, cap15);
  // In the notes' order; plain calls, not a table filtered and mapped: this runs on every edit's
  // re-check, mostly before V8 has compiled it.
  const noteReasons: Reason[] = [];
  noteAbove(noteReasons, ctx, "receivables-above-limit", aboveLimit);
  noteAbove(noteReasons, ctx, "bucket-above-cap", countable - bucketCounted);
  noteAbove(
    noteReasons,
    ctx,
    "advances-above-cap",
    advancesQualifying - advancesCounted,
  );
  return { bucketCounted, advancesCounted, aboveLimit, noteReasons };
}

/**
 * The fresh capital (L. 214-30 and L. 214-31 III A 1°) among the bucket's items that its 40 % may
 * count: only as far as the quota counts the bucket, and never less than nothing (a bucket summed
 * below zero by a sign error takes no fresh capital away).
 */
export const freshInBucketCounted = (
  inBucket: Amount,
  bucketCounted: Amount,
): Amount => minAmount(inBucket, maxAmount(bucketCounted, ZERO));

/** The caps of cappedSums for a base on a date. */
interface Caps {
  readonly denominator: Amount | undefined;
  readonly asOf: string;
  readonly cap20: Amount | undefined;
  readonly cap15: Amount | undefined;
}

let lastCaps: Caps | undefined;

/**
 * The 20 % and 15 % caps of the fund's base on the as-of date: the last ones when the base and
 * the date are the same (a fund re-checked after an edit of its holdings keeps its base).
 */
function capsOf(ctx: FundContext): Caps {
  const { denominator, asOf } = ctx;
  const last = lastCaps;
  if (last && last.denominator === denominator && last.asOf === asOf)
    return last;
  return (lastCaps = {
    denominator,
    asOf,
    cap20: capOf(ctx, CAP_20(asOf)),
    cap15: capOf(ctx, LIMIT_15(asOf)),
  });
}

/** The limit and article of each note of cappedSums. */
const ABOVE = {
  "receivables-above-limit": {
    limit: L214_160.receivables,
    article: "L. 214-160 II",
  },
  "bucket-above-cap": { limit: L214_28.bucket, article: "L. 214-28 III" },
  "advances-above-cap": {
    limit: L214_28.advances,
    article: "L. 214-28 II 1°",
  },
} as const;

/** A note that an amount is left out above its limit, when there is one. */
function noteAbove(
  notes: Reason[],
  ctx: FundContext,
  code: keyof typeof ABOVE,
  amount: Amount,
): void {
  if (amount <= ZERO) return;
  const { limit, article } = ABOVE[code];
  notes.push(
    why(code, {
      amount: formatAmount(amount),
      threshold: ratioAt(limit, ctx.asOf).toString(),
      article,
    }),
  );
}

/**
 * Advances a fund retains in its quota under a regime of their own, up to their own cap, instead of
 * II 1° (L. 214-160 II 1°, al. 2: the ELTIF infrastructure FPCI). The L. 214-28 sort hands each
 * advance to `take` first; those it does not take go through II 1° as before.
 */
export interface AdvanceCap {
  /** True when the regime takes the advance; false leaves it to II 1°. */
  take(p: Position): boolean;
  /** What the regime's advances measured (partial when a value it needed is unknown). */
  readonly measure: Measure;
  /** What the quota retains of these advances and of those II 1° counted; notes the excess. */
  retain(advancesCounted: Amount, reasons: Reason[]): Amount;
  /** The regime's own rule. */
  result(): RuleResult;
}

/** What the II 1° gate measured: every advance (against the 15 %), those it refused, and the lowest share of capital seen. */
export interface GateLog {
  advances: Tally;
  refused: Breaches;
  lowest?: Dec;
}

export function newGateLog(ctx: FundContext): GateLog {
  return { advances: new Tally(ctx), refused: new Breaches() };
}

/**
 * II 1°: all advances against 15 %, and each advance only to a company held at least 5 % (a
 * participation for the FPCI). Both conditions are reported; a refused advance is a breach
 * whatever the percentage, and the rule's headroom is then minus the refused advances.
 */
export function advancesRule(
  ctx: FundContext,
  rule: RuleDefinition,
  gate: GateLog,
  gateShare: Dec,
  article: keyof typeof ADVANCE_CONDITIONS,
): RuleResult {
  const texts = ADVANCE_CONDITIONS[article];
  const { advances } = gate;
  const limit = { threshold: LIMIT_15(ctx.asOf), numerator: advances };
  return compare(ctx, rule, {
    threshold: limit.threshold,
    numerator: limit.numerator,
    breaches: gate.refused,
    conditions: [
      limitCondition(texts.limit, limitOf(ctx, rule, limit)),
      gate.refused.condition(texts.gate, "gate", {
        binding: true,
        complete: advances.complete,
        threshold: gateShare,
        lowest: gate.lowest,
      }),
    ],
  });
}

/** III: a limit on counting, not a breach. */
export function bucketRule(
  ctx: FundContext,
  rule: RuleDefinition,
  bucket: Measure & { total: Amount },
  bucketCounted: Amount,
): RuleResult {
  const above = bucket.total - bucketCounted;
  const threshold = CAP_20(ctx.asOf);
  if (above <= ZERO)
    return compare(ctx, rule, { threshold, numerator: bucket });
  const facts = {
    amount: formatAmount(above),
    threshold: threshold.toString(),
    article: "L. 214-28 III",
  };
  return compare(ctx, rule, {
    threshold,
    numerator: bucket,
    reasons: [why("bucket-above-cap", { ...facts, limitRule: true })],
  });
}

/** The positions counted under the five years after admission (IV; L. 214-30 II, L. 214-31 II), and the first period to end. */
export class Grace {
  count = 0;
  firstEnd?: string;
  add(end: string): void {
    this.count += 1;
    if (this.firstEnd === undefined || end < this.firstEnd) this.firstEnd = end;
  }
}

/** IV (and L. 214-30 II, L. 214-31 II): what counts under the five years after admission; information only. */
export function listedRule(
  ctx: FundContext,
  rule: RuleDefinition,
  listed: Measure,
  { count, firstEnd }: Grace,
  { article, quota }: { article: string; quota?: string },
): RuleResult {
  const grace = {
    count,
    firstEnd: firstEnd!,
    article,
    ...(quota && { quota }),
  };
  const reason = count
    ? why("grace-positions", grace)
    : why("no-grace-position", { article });
  return compare(ctx, rule, { numerator: listed, reasons: [reason] });
}

/** V: whether the quota binds at the test date; outside its window, says so in the notes. */
export function quotaBinds(
  ctx: FundContext,
  window: QuotaWindow | undefined,
  reasons: Reason[],
  appliedBy?: string,
): boolean {
  const binding = window !== undefined && isWithin(window, ctx.asOf);
  if (window !== undefined && !binding) {
    const { from, until } = window;
    const r = why("quota-window", {
      from,
      until,
      article: "L. 214-28 V",
      ...(appliedBy ? { appliedBy } : {}),
    });
    reasons.push(r);
  }
  return binding;
}

/** Admitted to trading after the investment (IV; L. 214-30 II, L. 214-31 II). */
export const listedAfterPurchase = (h: Holding): boolean =>
  h.listingDate !== undefined &&
  (h.investmentDate === undefined || h.investmentDate < h.listingDate);

/** II 1°: an advance the gate allows and the quota counts, with the share of capital that allows it. */
export function countAdvanceInQuota(
  ctx: FundContext,
  p: Position,
  qualifying: Tally,
  allowed: { quotaId: string; article: string },
  gate: Extract<AdvanceGate, { kind: "allowed" }>,
): void {
  // An unreadable amount was recorded by the gate's measure of every advance.
  if (!qualifying.plusAt(p.index) || !ctx.explained(p)) return;
  countedAdvance(ctx, p, allowed, gate);
}

/** countAdvanceInQuota of the fund's position at index i, which the gate allowed (gateAdvanceAt). */
export function countAdvanceInQuotaAt(
  ctx: FundContext,
  i: number,
  qualifying: Tally,
  rules: GateRules,
  columns: GateColumns,
): void {
  if (!qualifying.plusAt(i)) return;
  // The reason and its note are only for a position whose outcome is recorded.
  const p = ctx.explainedAt(i);
  if (!p) return;
  const ownership = ownershipAt(ctx, i, columns)!;
  countedAdvance(ctx, p, rules, {
    issuer: advanceIssuer(p.holding),
    ownership,
  });
}

function countedAdvance(
  ctx: FundContext,
  p: Position,
  { quotaId: rule, article }: { quotaId: string; article: string },
  { issuer, ownership }: { issuer: string; ownership: Dec },
): void {
  const explain = why("counted-advance", {
    issuer,
    ownership: ownership.toString(),
    article,
  });
  count(ctx, p, { rule, article, explain }, p.amount!);
}

export type AdvanceGate =
  | { kind: "unknown" }
  | { kind: "refused"; issuer: string }
  | { kind: "allowed"; issuer: string; ownership: Dec };

export type GateRules = {
  quotaId: string;
  advancesId: string;
  article: string;
  gate: Dec;
  log: GateLog;
};

/** The columns the gate reads by position index: the share of capital, and the issuer whose share an advance takes. */
export type GateColumns = {
  ownership: Coded<Dec | undefined>;
  issuer: Coded<string | undefined>;
};

/** The fund's columns the gate reads (taken once per fund by a caller that gates every advance). */
export function gateColumns(ctx: FundContext): GateColumns {
  return {
    ownership: ctx.columns.coded("ownershipPct"),
    issuer: ctx.columns.coded("issuerId"),
  };
}

/**
 * II 1°: every advance is measured against the 15 % limit, and is allowed only to a company in
 * which the fund holds at least `gate` of the capital (zero: any participation, as L. 214-160
 * has it). Records the measure, the missing share or the refusal; the caller decides the quota.
 */
export function gateAdvance(
  ctx: FundContext,
  p: Position,
  rules: GateRules,
): { gate: AdvanceGate } {
  const columns = gateColumns(ctx);
  const kind = gateAdvanceAt(ctx, p.index, rules, columns);
  if (kind === "unknown") return { gate: UNKNOWN_GATE };
  const issuer = advanceIssuer(p.holding);
  if (kind === "refused") return { gate: { kind, issuer } };
  const ownership = ownershipAt(ctx, p.index, columns)!;
  return { gate: { kind, issuer, ownership } };
}

/**
 * gateAdvance of the fund's position at index i, read from the fund's columns: what the gate
 * says, with no object made per advance (the company's name and share: advanceIssuer, ownershipAt).
 */
export function gateAdvanceAt(
  ctx: FundContext,
  i: number,
  rules: GateRules,
  columns: GateColumns,
): AdvanceGate["kind"] {
  const { article, gate, log } = rules;
  const p = ctx.explainedAt(i);
  // The contribution is built only for a position whose outcome is recorded.
  log.advances.takeAt(
    i,
    p && {
      rule: rules.advancesId,
      article,
      explain: why("measured-against-limit", {
        threshold: LIMIT_15(ctx.asOf).toString(),
        article,
      }),
    },
  );
  const ownership = ownershipAt(ctx, i, columns);
  const rule = rules.quotaId;
  if (ownership === undefined) {
    ctx.needHolding(ctx.holdings[i], "ownershipPct", {
      purpose: "advance-ownership",
      article,
      threshold: gate.toString(),
    });
    if (p) ctx.leaveOut(p, rule, why("ownership-unknown", { article }));
    log.advances.unknown();
    return "unknown";
  }
  // A share read from a column is one Dec per distinct value: the same object is not compared again.
  if (
    log.lowest === undefined ||
    (ownership !== log.lowest && ownership.lt(log.lowest))
  )
    log.lowest = ownership;
  if (refusedBy(gate, ownership)) {
    const facts = {
      issuer: advanceIssuer(ctx.holdings[i]),
      ownership: ownership.toString(),
      gate: gate.toString(),
      article,
    };
    const condition =
      ADVANCE_CONDITIONS[article as keyof typeof ADVANCE_CONDITIONS].gate.id;
    const refused = ctx.positionAt(i);
    log.refused.refuse(
      ctx,
      condition,
      refused,
      rule,
      why("advance-gate", facts),
    );
    return "refused";
  }
  return "allowed";
}

/** The company an advance is made to, as the reasons name it: without a name or id, the line (the user's own id, in any language). */
export function advanceIssuer(h: Holding): string {
  return h.issuerName ?? h.issuerId ?? (h.lineId || `#${h.row}`);
}

/** The share of the company's capital an advance takes: its row's own, else its issuer's (issuerOwnership). */
export function ownershipAt(
  ctx: FundContext,
  i: number,
  { ownership, issuer }: GateColumns,
): Dec | undefined {
  return (
    ownership.values[ownership.codes[i]] ??
    issuerOwnership(ctx, issuer.values[issuer.codes[i]])
  );
}

const UNKNOWN_GATE: AdvanceGate = { kind: "unknown" };

/** The gate refuses the share: below it, or nothing at all when the gate is "a participation". */
function refusedBy(gate: Dec, ownership: Dec): boolean {
  const last = lastGate;
  if (last.gate === gate && last.ownership === ownership) return last.refused;
  const refused = gate.isZero() ? ownership.lte(0) : ownership.lt(gate);
  lastGate = { gate, ownership, refused };
  return refused;
}

/** The last answer of the gate: most advances of a fund repeat the same share. */
let lastGate: { gate?: Dec; ownership?: Dec; refused: boolean } = {
  refused: false,
};

/**
 * Advances "take the ownership of their issuer": the highest share given on the issuer's other
 * rows, its id matched ignoring case and surrounding spaces (contract §3).
 */
export function issuerOwnership(
  ctx: FundContext,
  issuerId: string | undefined,
): Dec | undefined {
  return issuerId === undefined
    ? undefined
    : ownershipIndex(ctx).get(idKey(issuerId));
}

const ownershipIndexes = new WeakMap<FundContext, Map<string, Dec>>();
function ownershipIndex(ctx: FundContext): Map<string, Dec> {
  let index = ownershipIndexes.get(ctx);
  if (!index) {
    index = new Map();
    const issuers = ctx.columns.coded("issuerId");
    const shares = ctx.columns.coded("ownershipPct");
    // Consecutive rows mostly repeat an issuer: its key is made once for them.
    let lastCode = -1;
    let key = "";
    for (let i = 0; i < ctx.holdings.length; i++) {
      const code = issuers.codes[i];
      const issuerId = issuers.values[code];
      const ownershipPct = shares.values[shares.codes[i]];
      if (issuerId === undefined || ownershipPct === undefined) continue;
      if (code !== lastCode) [lastCode, key] = [code, idKey(issuerId)];
      const best = index.get(key);
      if (best === undefined || ownershipPct.gt(best))
        index.set(key, ownershipPct);
    }
    ownershipIndexes.set(ctx, index);
  }
  return index;
}
