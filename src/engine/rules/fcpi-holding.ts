import { type Amount, formatAmount, minAmount, ZERO } from "../amount";
import {
  type Breaker,
  limitCondition,
  positionsCondition,
} from "../conditions";
import type { Dec } from "../decimal";
import { L214_30, listAt, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import { compare, limitOf, Tally } from "../measures";
import type { Holding } from "../model";
import { percentText } from "../ratio";
import { type Reason, type ReasonFacts, reason as why } from "../reasons";
import type { RuleResult } from "../result";
import {
  FCPI_HOLD75,
  FCPI_HOLD75_CAP,
  HOLDING_CONDITIONS,
} from "./fcpi-fip-definitions";
import { capOf, excluder } from "./l214-28-limits";

// L. 214-30 IV and V: the securities of a holding company (société mère) count in the FCPI's 70 %
// when it meets IV 1. a) to d); its L. 214-28 III securities only within 20 % of the fund's assets.

const GATE = "L. 214-30 IV 1. c)";

type Gate =
  | { ok: true }
  | { ok: false; facts: ReasonFacts["holding-gate"]; text: string }
  | { ok: "unknown"; column: string; message: string };

/**
 * IV 1. c) « au moins 75 % du capital » of every participation (V: a disposal below it ends the
 * counting), the participations' own conditions (c), and one of them meeting I, II and III (d).
 * A condition that fails decides; otherwise a blank or unreadable one leaves the gate unknown.
 */
function gate(h: Holding, stakeMin: Dec): Gate {
  const stake = h.subsidiaryStakeMinPct;
  if (stake !== undefined && stake.lt(stakeMin))
    return {
      ok: false,
      facts: {
        test: "stake",
        stake: stake.toString(),
        threshold: stakeMin.toString(),
        article: "L. 214-30 IV 1. c), V",
      },
      text: `the holding company holds ${percentText(stake)} of one of its subsidiaries: L. 214-30 IV 1. c) requires at least ${percentText(stakeMin)} of each (V).`,
    };
  if (h.subsidiariesEligible === false)
    return {
      ok: false,
      facts: { test: "subsidiaries", article: GATE },
      text: "not every subsidiary of the holding company meets the conditions of L. 214-30 IV 1. c).",
    };
  if (h.subsidiaryMeetsI === false)
    return {
      ok: false,
      facts: { test: "subsidiary-meets-i", article: "L. 214-30 IV 1. d)" },
      text: "no subsidiary of the holding company meets L. 214-30 I, II and III (IV 1. d)).",
    };
  const unknown = (column: string, what: string): Gate => ({
    ok: "unknown",
    column,
    message: `${column} is needed on a holding company's row: ${what}.`,
  });
  if (stake === undefined || h.invalid.has("subsidiaryStakeMinPct"))
    return unknown(
      "subsidiaryStakeMinPct",
      `L. 214-30 IV 1. c) counts it only when it holds at least ${percentText(stakeMin)} of each subsidiary`,
    );
  if (h.subsidiariesEligible === undefined)
    return unknown(
      "subsidiariesEligible",
      "L. 214-30 IV 1. c) counts it only when every subsidiary meets its conditions",
    );
  if (h.subsidiaryMeetsI === undefined)
    return unknown(
      "subsidiaryMeetsI",
      "L. 214-30 IV 1. d) requires one subsidiary meeting I, II and III",
    );
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
    const out = excluder(this.ctx, p, quotaId);
    if (security && h.assetClass && !this.classes.has(h.assetClass))
      return out(
        "holding-not-capital",
        "L. 214-30 IV 1.",
        `${h.assetClass} of a holding company: L. 214-30 IV 1. makes only its « titres de capital » eligible.`,
        { assetClass: h.assetClass, article: "L. 214-30 IV 1." },
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
      partial[0].unknown(h, g.column, g.message);
      for (const t of partial.slice(1)) t.unknown();
      return out(
        "holding-unknown",
        "L. 214-30 IV 1.",
        `cannot tell whether the holding company meets L. 214-30 IV: ${g.message}`,
        {
          column: g.column,
          article: "L. 214-30 IV 1.",
        },
      );
    }
    if (g.ok === false) {
      const cause: Reason = why("holding-gate", g.facts);
      this.refused.push({
        position: p,
        amount: p.amount,
        reason: g.text,
        why: cause,
      });
      return out("holding-gate", g.facts.article, g.text, g.facts);
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
    const { counted, above } = this.capped();
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
      message: count
        ? `${count} holding-company position(s) count toward the 70 %${above > ZERO ? `; ${formatAmount(above)} EUR of their L. 214-28 III securities above the ${percentText(threshold)} limit not counted` : ""}.`
        : "No holding-company security counts toward the 70 % (L. 214-30 IV).",
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
