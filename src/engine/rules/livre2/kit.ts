import {
  type Amount,
  amountToDecimal,
  formatAmount,
  formatCentsFloor,
  ZERO,
} from "../../amount";
import { Dec } from "../../decimal";
import type { FundContext, Position } from "../../fund-context";
import type { Holding } from "../../model";
import {
  type Need,
  type NeedPurpose,
  type Reason,
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
import type { Fraction } from "../../../law/livre2/fraction";
import { fractionNumber } from "../../../law/livre2/fraction";

/**
 * The small kit the other Livre II rules are written with: a rule is a definition (its words), a
 * numerator and a denominator gathered by predicates over the fund's positions, and one call to
 * `measure`. Thresholds are fractions, compared exactly in integers (q × numerator against
 * p × denominator), so ⅓ and ⅔ are never rounded.
 */

/** A rule of WORKBOOK-FORMAT-LIVRE2 §3: the operator is always stated. */
export interface L2Rule extends RuleDefinition {
  operator: Operator;
}

export interface Measure {
  rule: L2Rule;
  threshold: Fraction;
  numerator: Amount;
  /** null: the value is an amount or a count itself (unit EUR or count); undefined: unknown base. */
  denominator: Amount | null | undefined;
  complete: boolean;
  binding: boolean;
  warningMargin: Dec;
  /** Unit of numerator, denominator and headroom (default EUR). */
  unit?: Unit;
  /** The value is the numerator itself (an amount in EUR, or a count). */
  absolute?: "EUR" | "count";
  notes?: Reason[];
  /** Positions that break a closed list or a gate: a breach whatever the ratio. */
  breakers?: Reason[];
  window?: RuleWindow;
  groups?: GroupResult[];
  /** Operator override for rules whose operator depends on the fund (PEA a–c ">" versus d, e "≥"). */
  operator?: Operator;
}

function holds(left: Dec, op: Operator, right: Dec): boolean {
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

const ONE = new Dec(1);

/** A rule result from a measure: status, value, headroom, as WORKBOOK-FORMAT-LIVRE2 §4 says. */
export function measure(m: Measure): RuleResult {
  const op = m.operator ?? m.rule.operator;
  const absolute = m.absolute !== undefined;
  const unit: Unit = m.absolute ?? m.unit ?? "EUR";
  const result: RuleResult = {
    id: m.rule.id,
    article: m.rule.article,
    direction: m.rule.direction,
    operator: op,
    threshold: fractionNumber(m.threshold),
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
  const base =
    m.denominator === null
      ? undefined
      : m.denominator === undefined
        ? "unknown"
        : m.denominator <= ZERO
          ? "not-positive"
          : undefined;
  if (base) {
    result.reasons = [
      ...reasons,
      reason(base === "unknown" ? "base-unknown" : "base-not-positive", {}),
    ];
    result.status = m.breakers?.length ? "breach" : "incomplete";
    result.partial = true;
    return result;
  }
  const num = amountToDecimal(m.numerator);
  const den = absolute ? ONE : amountToDecimal(m.denominator as Amount);
  const { p, q } = m.threshold;
  // numerator OP (p / q) × denominator, as q × numerator OP p × denominator: exact for ⅓ and ⅔.
  const within = holds(num.times(q), op, p.times(den));
  const limit = p.times(den).dividedBy(q);
  result.value = absolute ? num.toNumber() : num.dividedBy(den).toNumber();
  const headroom =
    m.rule.direction === "min" ? num.minus(limit) : limit.minus(num);
  if (m.rule.direction !== "info")
    result.headroom =
      unit === "count" ? headroom.toFixed(0) : formatCentsFloor(headroom);
  result.status = statusOf(m, op, within, num, den, limit);
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
  den: Dec,
  limit: Dec,
): Status {
  if (m.breakers?.length) return "breach";
  if (!m.complete) return "incomplete";
  const direction = m.rule.direction;
  if (direction === "info") return "info";
  if (!m.binding) return "not-binding";
  if (direction === "event") {
    if (within) return "triggered";
    // Within the margin short of the trigger; amounts and counts have no warning band.
    if (
      m.absolute === undefined &&
      num.gte(limit.minus(m.warningMargin.times(den)))
    )
      return "warning";
    return "pass";
  }
  if (!within) return "breach";
  if (m.absolute !== undefined || m.threshold.p.isZero()) return "pass";
  const margin = m.warningMargin.times(den);
  const close =
    direction === "min"
      ? num.lt(limit.plus(margin))
      : num.gt(limit.minus(margin));
  return close ? "warning" : "pass";
}

/** How a position stands toward a rule's numerator: in it, out of it, or unknown (a value the rule needs is missing). */
export type Verdict = "in" | "out" | { unknown: string };

export interface Sum {
  total: Amount;
  complete: boolean;
  /** Positions a value was missing on, by column. */
  missing: Map<string, number>;
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
  let total = ZERO;
  let complete = true;
  const missing = new Map<string, number>();
  for (const p of ctx.heldPositions()) {
    const v = verdict(p);
    if (v === "out") continue;
    if (v !== "in") {
      complete = false;
      missing.set(v.unknown, (missing.get(v.unknown) ?? 0) + 1);
      ctx.needHolding(p.holding, v.unknown, neededBy(rule));
      continue;
    }
    const a = amount(p);
    if (a === undefined) {
      complete = false;
      continue;
    }
    total += a;
    ctx.count(
      p,
      {
        rule: rule.id,
        article: rule.article,
        explain: reason("l2-counted", { article: rule.article }),
      },
      a,
    );
  }
  return { total, complete, missing };
}

/** The base of a ratio "de l'actif": the fund's denominator, and whether it is complete. */
export function assetBase(ctx: FundContext): {
  denominator: Amount | undefined;
  complete: boolean;
} {
  return { denominator: ctx.denominator, complete: ctx.denominatorComplete };
}

/** One sentence of a message. */
export function note(
  key: L2Note,
  facts: Omit<Extract<Reason, { code: "l2-note" }>["facts"], "key"> = {},
): Reason {
  return reason("l2-note", { key, ...facts });
}

/** Notes for the columns a sum missed. */
export function missingNotes(sum: Sum, article: string): Reason[] {
  return [...sum.missing].map(([column, count]) =>
    note("values-missing", { column, count, article }),
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
export function bindingFromFund(
  ctx: FundContext,
  article: string,
): {
  binding: boolean;
  complete: boolean;
  window?: RuleWindow;
  notes: Reason[];
} {
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

/** The listing of the instrument itself: `instrumentListing`, else `listingStatus` (blank: unlisted). */
export function ownListing(h: Holding): string {
  return h.instrumentListing ?? h.listingStatus ?? "UNLISTED";
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

export const isIn = (ok: boolean): Verdict => (ok ? "in" : "out");

export { amountToDecimal, formatAmount, ZERO };
