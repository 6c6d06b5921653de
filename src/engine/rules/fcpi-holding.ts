import { type Amount, formatAmount, minAmount, ZERO } from "../amount";
import {
  type Breaker,
  limitCondition,
  positionsCondition,
} from "../conditions";
import type { Dec } from "../decimal";
import { L214_30, listAt, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import { compare, limitOf, Tally, unknownIn } from "../measures";
import type { Holding } from "../model";
import {
  type Need,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type { RuleResult } from "../result";
import {
  FCPI_HOLD75,
  FCPI_HOLD75_CAP,
  HOLDING_CONDITIONS,
} from "./fcpi-fip-definitions";
import { capOf } from "./l214-28-limits";
import { english } from "../../present/english";

// L. 214-30 IV and V: the securities of a holding company (société mère) count in the FCPI's 70 %
// when it meets IV 1. a) to d); its L. 214-28 III securities only within 20 % of the fund's assets.

const GATE = "L. 214-30 IV 1. c)";

type Gate =
  | { ok: true }
  | { ok: false; why: Reason }
  | { ok: "unknown"; column: string; why: Need };

const refused = (facts: ReasonFacts["holding-gate"]): Gate => ({
  ok: false,
  why: why("holding-gate", facts),
});

/**
 * IV 1. c) « au moins 75 % du capital » of every participation (V: a disposal below it ends the
 * counting), the participations' own conditions (c), and one of them meeting I, II and III (d).
 * A condition that fails decides; otherwise a blank or unreadable one leaves the gate unknown.
 */
function gate(h: Holding, stakeMin: Dec): Gate {
  const stake = h.subsidiaryStakeMinPct;
  if (stake !== undefined && stake.lt(stakeMin)) {
    const [held, threshold] = [stake.toString(), stakeMin.toString()];
    return refused({
      test: "stake",
      stake: held,
      threshold,
      article: `${GATE}, V`,
    });
  }
  if (h.subsidiariesEligible === false)
    return refused({ test: "subsidiaries", article: GATE });
  if (h.subsidiaryMeetsI === false)
    return refused({
      test: "subsidiary-meets-i",
      article: "L. 214-30 IV 1. d)",
    });
  const unknown = (column: string, why: Need): Gate => ({
    ok: "unknown",
    column,
    why,
  });
  if (stake === undefined || h.invalid.has("subsidiaryStakeMinPct"))
    return unknown("subsidiaryStakeMinPct", {
      purpose: "holding-stake",
      article: GATE,
      threshold: stakeMin.toString(),
    });
  if (h.subsidiariesEligible === undefined)
    return unknown("subsidiariesEligible", {
      purpose: "holding-subsidiaries",
      article: GATE,
    });
  if (h.subsidiaryMeetsI === undefined)
    return unknown("subsidiaryMeetsI", {
      purpose: "holding-meets-i",
      article: "L. 214-30 IV 1. d)",
    });
  return { ok: true };
}

/** The FCPI's holding-company positions: those the gate admits, refuses or cannot decide, and what they count. */
export class HoldingCompanies {
  /** Admitted by IV: counted by the quota as the other positions, their III part within the cap. */
  readonly admitted = new Set<Position>();
  /** The admitted securities counted under L. 214-28 I (and II of L. 214-30). */
  readonly direct: Tally;
  /** The admitted securities of L. 214-28 III, before the cap of IV 1. */
  readonly listed: Tally;
  private readonly refused: Breaker[] = [];
  private unknown = false;
  private lowest?: Dec;
  private readonly stakeMin: Dec;
  private readonly classes: ReadonlySet<string>;

  constructor(private readonly ctx: FundContext) {
    this.direct = new Tally(ctx);
    this.listed = new Tally(ctx);
    this.stakeMin = ratioAt(L214_30.holdingStake, ctx.asOf);
    this.classes = listAt(L214_30.holdingClasses, ctx.asOf);
  }

  /**
   * Whether a quota position of a holding company may count: only its « titres de capital »
   * (advances: `security` false), and only through the gate. A refused or undecided position is
   * excluded with its reason; an undecided one leaves the quota (and fresh capital) partial.
   */
  admits(
    p: Position,
    quotaId: string,
    security: boolean,
    partial: Tally[],
  ): boolean {
    const h = p.holding;
    const article = "L. 214-30 IV 1.";
    const { ctx } = this;
    if (security && h.assetClass && !this.classes.has(h.assetClass))
      return ctx.leaveOut(
        p,
        quotaId,
        why("holding-not-capital", { assetClass: h.assetClass, article }),
      );
    const g = gate(h, this.stakeMin);
    const stake = h.subsidiaryStakeMinPct;
    if (
      stake !== undefined &&
      (this.lowest === undefined || stake.lt(this.lowest))
    )
      this.lowest = stake;
    if (g.ok === "unknown") {
      this.unknown = true;
      partial[0]!.unknown(h, g.column, g.why);
      unknownIn(...partial.slice(1));
      const unknown = why("holding-unknown", { column: g.column, article });
      return ctx.leaveOut(p, quotaId, unknown, article);
    }
    if (g.ok === false) {
      this.refused.push({
        position: p,
        amount: p.amount,
        reason: english(g.why),
        why: g.why,
      });
      return ctx.leaveOut(
        p,
        quotaId,
        g.why as Reason & { code: "holding-gate" },
      );
    }
    this.admitted.add(p);
    return true;
  }

  /** The III part the quota may count: up to 20 % of the fund's assets, and the excess. */
  capped(): { counted: Amount; above: Amount } {
    const cap = capOf(
      this.ctx,
      ratioAt(L214_30.holdingListedCap, this.ctx.asOf),
    );
    const counted =
      cap === undefined ? this.listed.total : minAmount(this.listed.total, cap);
    return { counted, above: this.listed.total - counted };
  }

  /** The note the quota carries when the cap of IV 1. leaves part of the III securities out. */
  aboveCapReason(): Reason | undefined {
    const { above } = this.capped();
    if (above <= ZERO) return undefined;
    return why("bucket-above-cap", {
      amount: formatAmount(above),
      threshold: ratioAt(L214_30.holdingListedCap, this.ctx.asOf).toString(),
      article: "L. 214-30 IV 1.",
    });
  }

  /**
   * FCPI-HOLD75: the share of the fund's assets in holding-company securities the quota counts,
   * with the cap of IV 1. on their III part and the gate of IV 1. c), d) and V as conditions.
   */
  rule(): RuleResult {
    const ctx = this.ctx;
    const { counted } = this.capped();
    const numerator = {
      total: this.direct.total + counted,
      complete: this.direct.complete && this.listed.complete && !this.unknown,
    };
    const threshold = ratioAt(L214_30.holdingListedCap, ctx.asOf);
    const limit = { threshold, numerator: this.listed };
    const count = this.admitted.size;
    const reasons: Reason[] = [
      count
        ? why("holding-counted", {
            amount: formatAmount(numerator.total),
            count,
            article: FCPI_HOLD75.article,
          })
        : why("no-holding", { article: FCPI_HOLD75.article }),
    ];
    const aboveCap = this.aboveCapReason();
    if (aboveCap) reasons.push(aboveCap);
    return compare(ctx, FCPI_HOLD75, {
      numerator,
      reasons,
      conditions: [
        limitCondition(
          HOLDING_CONDITIONS.cap,
          limitOf(ctx, FCPI_HOLD75_CAP, limit),
        ),
        positionsCondition(HOLDING_CONDITIONS.gate, "gate", this.refused, {
          // A gate on counting, not an obligation of the fund: a refusal is never a breach.
          binding: false,
          complete: !this.unknown,
          threshold: this.stakeMin,
          lowest: this.lowest,
        }),
      ],
    });
  }
}
