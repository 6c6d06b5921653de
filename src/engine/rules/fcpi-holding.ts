import { type Amount, formatAmount, minAmount, ZERO } from "../amount";
import { limitCondition } from "../conditions";
import type { Dec } from "../decimal";
import { L214_30, listAt, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import { Breaches, compare, limitOf, Tally } from "../measures";
import { undecided } from "../measures/undecided";
import {
  type Need,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type { RuleResult } from "../result";
import * as defs from "./fcpi-fip-definitions";
import { capOf } from "./l214-28-limits";

// L. 214-30 IV and V: the securities of a holding company (société mère) count in the FCPI's 70 %
// when it meets IV 1. a) to d); its L. 214-28 III securities only within 20 % of the fund's assets.

const IV = "L. 214-30 IV 1.";
const [C, D] = [`${IV} c)`, `${IV} d)`];

/** The FCPI's holding-company positions: those the gate admits, refuses or cannot decide, and what they count. */
export class HoldingCompanies {
  /** Admitted by IV: counted by the quota as the other positions, their III part within the cap. */
  readonly admitted = new Set<Position>();
  /** The admitted securities counted under L. 214-28 I (and II of L. 214-30). */
  readonly direct: Tally;
  /** The admitted securities of L. 214-28 III, before the cap of IV 1. */
  readonly listed: Tally;
  /** IV 1.: the share of the fund's assets within which their III securities count. */
  readonly cap: Dec;
  private readonly refused = new Breaches();
  private unknown = false;
  private lowest?: Dec;
  private readonly stakeMin: Dec;
  private readonly classes: ReadonlySet<string>;

  constructor(private readonly ctx: FundContext) {
    [this.direct, this.listed] = [new Tally(ctx), new Tally(ctx)];
    this.cap = ratioAt(L214_30.holdingListedCap, ctx.asOf);
    this.stakeMin = ratioAt(L214_30.holdingStake, ctx.asOf);
    this.classes = listAt(L214_30.holdingClasses, ctx.asOf);
  }

  /**
   * A position whose `holdingCompany` cannot be read (a blank one is « no »): it may be a holding
   * company's, counted only through the gate of IV, or another company's. Which is unknown: it is
   * left out, and the quota, the fresh capital and FCPI-HOLD75 are partial, never the better reading.
   */
  undecided(p: Position, partial: Tally[]): false {
    this.unknown = true;
    const article = IV;
    const cause = why("holding-unknown", { column: "holdingCompany", article });
    const need = { purpose: "quota-asset", article } as const;
    return undecided(this.ctx, p, defs.FCPI_Q70.id, cause, need, partial);
  }

  /**
   * Whether a quota position of a holding company may count: only its « titres de capital »
   * (advances: `security` false), and only through the gate. A refused or undecided position is
   * excluded with its reason; an undecided one leaves the quota (and fresh capital) partial.
   */
  admits(p: Position, security: boolean, partial: Tally[]): boolean {
    const quotaId = defs.FCPI_Q70.id;
    const { ctx, stakeMin } = this;
    const [h, article] = [p.holding, IV];
    const cls = h.assetClass;
    if (security && cls && !this.classes.has(cls)) {
      const facts = { assetClass: cls, article };
      return ctx.leaveOut(p, quotaId, why("holding-not-capital", facts));
    }
    const stake = h.subsidiaryStakeMinPct;
    if (
      stake !== undefined &&
      (this.lowest === undefined || stake.lt(this.lowest))
    )
      this.lowest = stake;
    const refused = (facts: ReasonFacts["holding-gate"]) => {
      const cause = why("holding-gate", facts);
      this.refused.add(defs.HOLDING_CONDITIONS.gate.id, p, p.amount, cause);
      return ctx.leaveOut(p, quotaId, cause);
    };
    const unknown = (column: string, need: Need) => {
      this.unknown = true;
      const cause = why("holding-unknown", { column, article });
      return undecided(ctx, p, quotaId, cause, need, partial);
    };
    // IV 1. c) « au moins 75 % du capital » of every participation (V: a disposal below it ends
    // the counting), the participations' own conditions (c), and one of them meeting I, II and
    // III (d). A condition that fails decides; otherwise a blank or unreadable one leaves it unknown.
    const threshold = stakeMin.toString();
    if (stake !== undefined && stake.lt(stakeMin)) {
      const held = { stake: stake.toString(), threshold, article: `${C}, V` };
      return refused({ test: "stake", ...held });
    }
    if (h.subsidiariesEligible === false)
      return refused({ test: "subsidiaries", article: C });
    if (h.subsidiaryMeetsI === false)
      return refused({ test: "subsidiary-meets-i", article: D });
    if (stake === undefined || h.invalid.has("subsidiaryStakeMinPct")) {
      const need = { purpose: "holding-stake", article: C, threshold } as const;
      return unknown("subsidiaryStakeMinPct", need);
    }
    if (h.subsidiariesEligible === undefined) {
      const need = { purpose: "holding-subsidiaries", article: C } as const;
      return unknown("subsidiariesEligible", need);
    }
    if (h.subsidiaryMeetsI === undefined) {
      const need = { purpose: "holding-meets-i", article: D } as const;
      return unknown("subsidiaryMeetsI", need);
    }
    this.admitted.add(p);
    return true;
  }

  /**
   * The III part the quota may count, up to 20 % of the fund's assets, and the note the quota
   * carries when the cap of IV 1. leaves part of it out.
   */
  capped(): { counted: Amount; note?: Reason & { code: "bucket-above-cap" } } {
    const cap = capOf(this.ctx, this.cap);
    const listed = this.listed.total;
    const counted = cap === undefined ? listed : minAmount(listed, cap);
    const above = listed - counted;
    if (above <= ZERO) return { counted };
    const threshold = this.cap.toString();
    const facts = { amount: formatAmount(above), threshold, article: IV };
    return { counted, note: why("bucket-above-cap", facts) };
  }

  /**
   * FCPI-HOLD75: the share of the fund's assets in holding-company securities the quota counts,
   * with the cap of IV 1. on their III part and the gate of IV 1. c), d) and V as conditions.
   */
  rule(): RuleResult {
    const { ctx, cap } = this;
    const { FCPI_HOLD75, HOLDING_CONDITIONS: texts } = defs;
    const { counted, note } = this.capped();
    const numerator = {
      total: this.direct.total + counted,
      complete: this.direct.complete && this.listed.complete && !this.unknown,
    };
    const [count, article] = [this.admitted.size, FCPI_HOLD75.article];
    const amount = formatAmount(numerator.total);
    const reasons: Reason[] = [
      count
        ? why("holding-counted", { amount, count, article })
        : why("no-holding", { article }),
    ];
    if (note) reasons.push(note);
    const limit = { threshold: cap, numerator: this.listed };
    return compare(ctx, FCPI_HOLD75, {
      numerator,
      reasons,
      conditions: [
        limitCondition(texts.cap, limitOf(ctx, defs.FCPI_HOLD75_CAP, limit)),
        this.refused.condition(texts.gate, "gate", {
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
