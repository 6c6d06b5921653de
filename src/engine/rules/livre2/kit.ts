import {
  type Amount,
  amountToDecimal,
  formatAmount,
  formatCentsFloor,
  ZERO,
} from "../../amount";
import { Dec } from "../../decimal";
import type { FundContext, Position } from "../../fund-context";
import {
  heldUnknown,
  uncertaintyReasons,
  unreadHoldingDate,
} from "../../measures/uncertain";
import type { Holding } from "../../model";
import {
  type Need,
  type NeedPurpose,
  type Reason,
  type ReasonFacts,
  reason,
} from "../../reasons";
import type { L2Note } from "../../reasons-livre2";
import type {
  GroupResult,
  Operator,
  RuleDefinition,
  RuleResult,
  RuleWindow,
  Status,
  Unit,
} from "../../result";
import type { LawParameter } from "../../../law/parameter";
import {
  type Fraction,
  fractionAt,
  fractionNumber,
} from "../../../law/livre2/fraction";

/**
 * The small kit the other Livre II rules are written with: a rule is a definition (its words), the
 * positions it selects (a verdict per position, summed by `sumWhere`), and one call to `ratio` (a
 * share of the asset) or `measure` (any other numerator and base). Thresholds are fractions,
 * compared exactly in integers (q × numerator against p × denominator), so ⅓ and ⅔ are never rounded.
 */

/** A rule of WORKBOOK-FORMAT-LIVRE2 §3: the operator is always stated. */
export interface L2Rule extends RuleDefinition {
  operator: Operator;
}

export interface Measure {
  rule: L2Rule;
  /** The law's parameter, read at the test date, or a fraction the rule chose. */
  threshold: LawParameter<string> | Fraction;
  numerator: Amount;
  /** null: the value is an amount or a count itself (unit EUR or count); undefined: unknown base. */
  denominator: Amount | null | undefined;
  complete: boolean;
  /**
   * True when an incomplete numerator is the least it can be over a base known in full: what was
   * not read can only add to it (set by the rule, never by default). A binding maximum it already
   * exceeds is then a breach, partial: « A maximum already in breach stays in breach ».
   */
  partialIsLeast?: boolean;
  /**
   * True when the denominator is itself a limit (the general meeting's maximum), not a base:
   * a limit of 0 allows nothing, so a known amount above 0 is beyond it.
   */
  baseIsLimit?: boolean;
  /** False outside the period in which the rule binds (default true). */
  binding?: boolean;
  /** Unit of numerator, denominator and headroom (default EUR). */
  unit?: Unit;
  /** The value is the numerator itself (an amount in EUR, or a count). */
  absolute?: "EUR" | "count";
  notes?: Reason[];
  /** Positions that break a closed list or a gate: a breach whatever the ratio (held for certain). */
  breakers?: Reason[];
  /** How many of the breakers are rows of unread holding dates: the fund may not hold them. */
  unsureBreakers?: number;
  window?: RuleWindow;
  groups?: GroupResult[];
}

/** Whether `left OP right` holds, from the sign of their comparison. */
const HOLDS: Record<Operator, (sign: number) => boolean> = {
  ">=": (sign) => sign >= 0,
  ">": (sign) => sign > 0,
  "<=": (sign) => sign <= 0,
  "<": (sign) => sign < 0,
};

const ONE = new Dec(1);

/** A rule result from a measure: status, value, headroom, as WORKBOOK-FORMAT-LIVRE2 §4 says. */
export function measure(ctx: FundContext, m: Measure): RuleResult {
  const op = m.rule.operator;
  const threshold =
    "versions" in m.threshold ? fractionAt(m.threshold, ctx.asOf) : m.threshold;
  const absolute = m.absolute !== undefined;
  const unit: Unit = m.absolute ?? m.unit ?? "EUR";
  const result: RuleResult = {
    id: m.rule.id,
    article: m.rule.article,
    direction: m.rule.direction,
    operator: op,
    threshold: fractionNumber(threshold),
    value: null,
    numerator:
      unit === "count"
        ? amountToDecimal(m.numerator).toFixed(0)
        : formatAmount(m.numerator),
    denominator:
      m.denominator === null || m.denominator === undefined
        ? null
        : formatAmount(m.denominator),
    status: "incomplete",
    headroom: null,
    unit,
  };
  if (m.window) result.window = m.window;
  if (m.groups) result.groups = m.groups;
  const reasons = [...(m.notes ?? []), ...(m.breakers ?? [])];
  if (reasons.length) result.reasons = reasons;
  if (!m.complete) result.partial = true;
  const d = m.denominator;
  const base =
    d === undefined
      ? "base-unknown"
      : d !== null && d <= ZERO
        ? "base-not-positive"
        : undefined;
  if (base) {
    result.reasons = [...reasons, reason(base, {})];
    if (beyondZeroLimit(m)) {
      result.status = "breach";
      result.headroom = formatCentsFloor(amountToDecimal(m.numerator).neg());
      return result;
    }
    result.status = breaksHeld(m) ? "breach" : "incomplete";
    result.partial = true;
    return result;
  }
  const num = amountToDecimal(m.numerator);
  const den = absolute ? ONE : amountToDecimal(m.denominator as Amount);
  const { p, q } = threshold;
  // numerator OP (p / q) × denominator, as q × numerator OP p × denominator: exact for ⅓ and ⅔.
  const within = HOLDS[op](num.times(q).comparedTo(p.times(den)));
  const limit = p.times(den).dividedBy(q);
  result.value = absolute ? num.toNumber() : num.dividedBy(den).toNumber();
  const headroom =
    m.rule.direction === "min" ? num.minus(limit) : limit.minus(num);
  if (m.rule.direction !== "info")
    result.headroom =
      unit === "count" ? headroom.toFixed(0) : formatCentsFloor(headroom);
  const margin = ctx.warningMargin.times(den);
  result.status = statusOf(m, op, within, num, limit, margin, p.isZero());
  // A breach never shows a positive headroom ("plus de 75 %" at exactly 75 % is a breach at 0).
  if (
    result.status === "breach" &&
    result.headroom !== null &&
    new Dec(result.headroom).gt(0)
  )
    result.headroom = "0.00";
  return result;
}

function statusOf(
  m: Measure,
  op: Operator,
  within: boolean,
  num: Dec,
  limit: Dec,
  margin: Dec,
  zero: boolean,
): Status {
  if (breaksHeld(m)) return "breach";
  if (!m.complete) return alreadyBeyond(m, within) ? "breach" : "incomplete";
  const direction = m.rule.direction;
  if (direction === "info") return "info";
  if (m.binding === false) return "not-binding";
  if (direction === "event") {
    if (within) return "triggered";
    // Within the margin short of the trigger; amounts and counts have no warning band.
    if (m.absolute === undefined && num.gte(limit.minus(margin)))
      return "warning";
    return "pass";
  }
  if (!within) return "breach";
  if (m.absolute !== undefined || zero) return "pass";
  const close =
    direction === "min"
      ? num.lt(limit.plus(margin))
      : num.gt(limit.minus(margin));
  return close ? "warning" : "pass";
}

/** A position breaks the rule that the fund holds for certain. */
const breaksHeld = (m: Measure): boolean =>
  (m.breakers?.length ?? 0) > (m.unsureBreakers ?? 0);

/** A binding maximum whose numerator, the least it can be over a base known in full, is beyond its limit. */
function alreadyBeyond(m: Measure, within: boolean): boolean {
  return (
    !within &&
    m.partialIsLeast === true &&
    m.binding !== false &&
    m.rule.direction === "max"
  );
}

/**
 * A maximum that is a limit of exactly 0 (not a base), exceeded by a known amount above 0, or by
 * the least a partial amount can be.
 */
function beyondZeroLimit(m: Measure): boolean {
  return (
    m.baseIsLimit === true &&
    m.denominator === ZERO &&
    (m.complete || m.partialIsLeast === true) &&
    m.numerator > ZERO &&
    m.rule.direction === "max"
  );
}

/**
 * How a position stands toward a rule's numerator: in it, out of it, unknown (a value the rule
 * needs is missing), or in it and breaking the rule (outside a closed list, failing a gate).
 */
export type Verdict = "in" | "out" | { unknown: string } | { breaks: Reason };

export interface Sum {
  total: Amount;
  complete: boolean;
  /** Positions a value was missing on, by column. */
  missing: Map<string, number>;
  /** The positions that break the rule, each naming its line. */
  breakers: Reason[];
  /** How many breakers are rows of unread holding dates (held or not is unknown). */
  unsureBreakers: number;
  /** A row of unread holding dates made the sum incomplete (it may be sold, or not bought yet). */
  heldUnread: boolean;
  /** The article of the rule summed, which the notes of missing values name. */
  article: string;
  /**
   * What the sum left out might lower it: a position in it of unreadable amount, or one of unknown
   * verdict whose amount is below zero (a sign error, counted as read).
   */
  mayLower: boolean;
}

/**
 * Sums the held positions `verdict` puts in, on the fund's basis. A position whose verdict is
 * unknown, or whose amount is unreadable, makes the sum incomplete (never a pass), with a
 * diagnostic naming the column.
 */
export function sumWhere(
  ctx: FundContext,
  rule: RuleDefinition,
  verdict: (p: Position) => Verdict,
  amount: (p: Position) => Amount | undefined = (p) => ctx.amountOf(p),
): Sum {
  const article = rule.article;
  const sum: Sum = {
    total: ZERO,
    complete: true,
    missing: new Map(),
    breakers: [],
    unsureBreakers: 0,
    heldUnread: false,
    article,
    mayLower: false,
  };
  for (const p of ctx.heldPositions()) {
    const v = verdict(p);
    if (v === "out") continue;
    if (typeof v === "object" && "unknown" in v) {
      sum.complete = false;
      sum.missing.set(v.unknown, (sum.missing.get(v.unknown) ?? 0) + 1);
      ctx.needHolding(p.holding, v.unknown, neededBy(rule));
      if (p.amount === undefined || p.amount < ZERO) sum.mayLower = true;
      continue;
    }
    if (v !== "in") {
      const { lineId, row } = p.holding;
      sum.breakers.push(
        reason("position-breaks", { lineId, row, cause: v.breaks }),
      );
      // It breaks the rule if the fund holds it: unknown when its holding dates are unread.
      if (unreadHoldingDate(p.holding)) {
        sum.unsureBreakers++;
        sum.complete = false;
        sum.heldUnread = true;
      }
    }
    const a = amount(p);
    if (a === undefined) {
      sum.complete = false;
      sum.mayLower = true;
      continue;
    }
    // Counted as held, a row of unread holding dates may be sold (or not bought yet): the sum
    // without it is as possible as the sum with it.
    if (a !== ZERO && unreadHoldingDate(p.holding)) {
      sum.complete = false;
      sum.heldUnread = true;
      if (a > ZERO) sum.mayLower = true;
    }
    sum.total += a;
    const explain = reason("l2-counted", { article });
    ctx.count(p, { rule: rule.id, article, explain }, a);
  }
  return sum;
}

/** A position in the rule that breaks it, for the cause the law gives (an `l2-position`). */
export const breaks = (facts: ReasonFacts["l2-position"]): Verdict => ({
  breaks: reason("l2-position", facts),
});

/** When a share binds, and what it says about it (bindingFromFund). */
export interface When {
  binding: boolean;
  complete: boolean;
  window?: RuleWindow;
  notes: Reason[];
}

/** What a share adds to its sum: when it binds, other notes, another base than the fund's asset. */
export interface ShareOptions {
  when?: When;
  /** False when the rule does not bind whatever `when` says. */
  binding?: boolean;
  /** False when a value the rule needs beside the sum is unknown. */
  complete?: boolean;
  notes?: Reason[];
  /** Default: the fund's asset, partial when it depends on an unreadable value. */
  base?: { total: Amount | undefined; complete: boolean };
  /** Default true: a note per column the sum missed. */
  noteMissing?: boolean;
  /** The sum's unknown positions can only add to it (a maximum it already exceeds stays in breach). */
  partialIsLeast?: boolean;
  /** The base is the limit itself (Measure.baseIsLimit): at 0, any known amount above 0 exceeds it. */
  baseIsLimit?: boolean;
}

/**
 * A share "de l'actif": the sum against the law's threshold over the fund's base, with the notes
 * of `when` first, then the rule's own, then the columns the sum missed, and its breakers.
 */
export function ratio(
  ctx: FundContext,
  rule: L2Rule,
  law: LawParameter<string>,
  sum: Sum,
  o: ShareOptions = {},
): RuleResult {
  const base = o.base ?? {
    total: ctx.denominator,
    complete: ctx.denominatorComplete,
  };
  const when = o.when;
  const besideSum =
    base.complete && (when?.complete ?? true) && (o.complete ?? true);
  return measure(ctx, {
    rule,
    threshold: law,
    numerator: sum.total,
    denominator: base.total,
    complete: sum.complete && besideSum,
    // Only the sum may be partial, and no row of unread dates may be held or not.
    partialIsLeast:
      o.partialIsLeast === true &&
      besideSum &&
      !sum.mayLower &&
      !heldUnknown(ctx),
    baseIsLimit: o.baseIsLimit,
    binding: (o.binding ?? true) && (when?.binding ?? true),
    window: when?.window,
    notes: [
      ...(when?.notes ?? []),
      ...(o.notes ?? []),
      ...(o.noteMissing === false ? [] : missingNotes(sum)),
      // Why the sum is not known: the rows that may or may not be held.
      ...(sum.heldUnread ? uncertaintyReasons(ctx) : []),
    ],
    breakers: sum.breakers,
    unsureBreakers: sum.unsureBreakers,
  });
}

/** A share as the family declares it: which positions, against which parameter of the law. */
export interface Share {
  rule: L2Rule;
  law: LawParameter<string>;
  select: (p: Position) => Verdict;
  /** A position `select` finds unknown is in the share or out of it, never less than nothing. */
  partialIsLeast?: boolean;
}

/** The share `s` measured on the fund's held positions. */
export const share = (ctx: FundContext, s: Share, o: ShareOptions = {}) =>
  ratio(ctx, s.rule, s.law, sumWhere(ctx, s.rule, s.select), {
    partialIsLeast: s.partialIsLeast,
    ...o,
  });

/** One sentence of a message. */
export function note(
  key: L2Note,
  facts: Omit<Extract<Reason, { code: "l2-note" }>["facts"], "key"> = {},
): Reason {
  return reason("l2-note", { key, ...facts });
}

/** Notes for the columns a sum missed. */
function missingNotes(sum: Sum): Reason[] {
  return [...sum.missing].map(([column, count]) =>
    note("values-missing", { column, count, article: sum.article }),
  );
}

/** A value the rule needs, as the diagnostic says it: « needed by RULE (article) ». */
export const neededBy = (
  rule: Pick<RuleDefinition, "id" | "article">,
  purpose: NeedPurpose = "rule",
): Need => ({ purpose, rule: rule.id, article: rule.article });

/** A fund-level value a rule needs: undefined (and a diagnostic) when blank or unreadable. */
export function fundValue<K extends keyof FundContext["fund"]>(
  ctx: FundContext,
  column: K & string,
  rule: RuleDefinition,
): FundContext["fund"][K] | undefined {
  const v = ctx.fund[column];
  if (v === undefined) ctx.needFund(column, neededBy(rule));
  return v;
}

/**
 * MIN rules with no period in the law bind at all times, unless the fund gives `bindingFrom`
 * (WORKBOOK-FORMAT-LIVRE2 §2.1), which the report shows as the rule's window.
 */
export function bindingFromFund(ctx: FundContext, article: string): When {
  const f = ctx.fund;
  if (f.invalid.has("bindingFrom"))
    return { binding: true, complete: false, notes: [] };
  if (f.bindingFrom === undefined)
    return { binding: true, complete: true, notes: [] };
  return {
    binding: ctx.asOf >= f.bindingFrom,
    complete: true,
    window: { from: f.bindingFrom, article },
    notes: [note("binding-from", { date: f.bindingFrom, article })],
  };
}

/**
 * The listing of the instrument itself: `instrumentListing`, else `listingStatus` (blank:
 * unlisted); undefined when the cell that gives it cannot be read (it may be any listing).
 */
export function ownListing(h: Holding): string | undefined {
  if (h.instrumentListing !== undefined) return h.instrumentListing;
  if (h.invalid.has("instrumentListing")) return undefined;
  if (h.listingStatus !== undefined) return h.listingStatus;
  return h.invalid.has("listingStatus") ? undefined : "UNLISTED";
}

/** In when the instrument's listing passes `test`; unknown when it cannot be read (ownListing). */
export function byListing(
  h: Holding,
  test: (listing: string) => boolean,
): Verdict {
  const listing = ownListing(h);
  if (listing !== undefined) return isIn(test(listing));
  const column = h.invalid.has("instrumentListing")
    ? "instrumentListing"
    : "listingStatus";
  return { unknown: column };
}

/** Titres of the contract (WORKBOOK-FORMAT-LIVRE2 §2.1): securities, not advances, cash or contracts. */
export const TITRES = new Set([
  "EQUITY",
  "EQUITY_ACCESS",
  "TITRE_PARTICIPATIF",
  "TITRE_ASSOCIATIF",
  "SARL_PARTS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
  "OTHER_DEBT",
]);

/** The results a family reports: a rule returns none when the fund gives nothing it applies to. */
export const present = (rules: (RuleResult | undefined)[]): RuleResult[] =>
  rules.filter((r): r is RuleResult => r !== undefined);

export const isIn = (ok: boolean): Verdict => (ok ? "in" : "out");

export { formatAmount, ZERO };
