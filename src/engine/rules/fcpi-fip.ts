import { type Amount, formatAmount, ZERO } from "../amount";
import { idKey } from "../id-key";
import { settleUnreadListing } from "./unread-listing";
import { addYears } from "../dates";
import type { Dec } from "../decimal";
import * as law from "../../law";
import type { FundContext, Position } from "../fund-context";
import {
  compare,
  count,
  type Evaluation,
  Groups,
  made,
  Tally,
} from "../measures";
import { undecided } from "../measures/undecided";
import type { Holding } from "../model";
import { quotaWindow } from "../quota-window";
import {
  type Need,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type { RuleDefinition } from "../result";
import { FCPR_B20, FCPR_CCA15 } from "./fcpr-definitions";
import { liquidLabelRules, quotaClasses, smallCapTest } from "./fcpr";
import * as defs from "./fcpi-fip-definitions";
import * as limits from "./l214-28-limits";
import { HoldingCompanies } from "./fcpi-holding";
import { commitments, NEEDS } from "./secondary-commitment";
import { fipHolderRules } from "./fip-holders";
import { fipRegionRule } from "./fip-regions";
import { regionKey } from "./region-key";

// The quota of a fund depends on its vintage: looked up at its constitution date (src/law/fcpi-fip-vintage.ts).

/** What the FCPI and the FIP each declare: their rules, their article and its law, and the flag of I. */
interface Variant {
  quota: RuleDefinition;
  fresh: RuleDefinition;
  listed: RuleDefinition;
  article: "L. 214-30" | "L. 214-31";
  law: typeof law.L214_30 | typeof law.L214_31;
  /** I: the issuer's flag (an unreadable cell is not a "no": the quota is then incomplete). */
  flag: "fcpiEligible" | "fipEligible";
}

const FCPI: Variant = {
  quota: defs.FCPI_Q70,
  fresh: defs.FCPI_FRESH40,
  listed: defs.FCPI_L5Y,
  article: "L. 214-30",
  law: law.L214_30,
  flag: "fcpiEligible",
};

const FIP: Variant = {
  quota: defs.FIP_Q70,
  fresh: defs.FIP_FRESH40,
  listed: defs.FIP_L5Y,
  article: "L. 214-31",
  law: law.L214_31,
  flag: "fipEligible",
};

/** The paragraph a counted security falls in, and the article it counts under. */
type Paragraph = { kind: "I" | "LISTED" | "BUCKET"; article: string };
const I: Paragraph = { kind: "I", article: "L. 214-28 I" };
/** L. 214-28 II 1°: the advances the quota takes over, and their 15 %. */
const II_1 = "L. 214-28 II 1°";

export function evaluateFcpi(ctx: FundContext): Evaluation {
  const evaluation = new Innovation(ctx, FCPI).evaluate();
  evaluation.rules.push(...liquidLabelRules(ctx));
  settleUnreadListing(
    ctx,
    evaluation.rules,
    (inner) => evaluateFcpi(inner).rules,
  );
  return evaluation;
}

export function evaluateFip(ctx: FundContext): Evaluation {
  const evaluation = new Innovation(ctx, FIP).evaluate();
  evaluation.rules.push(
    fipRegionRule(ctx),
    ...fipHolderRules(ctx),
    ...liquidLabelRules(ctx),
  );
  settleUnreadListing(
    ctx,
    evaluation.rules,
    (inner) => evaluateFip(inner).rules,
  );
  return evaluation;
}

/**
 * FCPI and FIP quotas: the securities, SARL parts and advances "tels que définis au I et au
 * 1° du II de l'article L. 214-28" of eligible companies, the securities admitted after the
 * investment for five years (II), the 20 % bucket they inherit as FCPR, and the 40 % of fresh
 * capital of III A 1°, with the secondary-share condition of III A 2°. The quota reads direct,
 * bucket, advances and qualifying: it is partial when any of them is; fresh capital on its own.
 */
class Innovation {
  /** I, and II within five years. */
  readonly direct: Tally;
  /** II within five years. */
  listed: Amount = ZERO;
  readonly bucket: Tally;
  /** The advances the quota counts. */
  readonly qualifying: Tally;
  readonly fresh: Tally;
  /** The fresh capital among the bucket's items: it counts only as far as the quota counts the bucket. */
  freshInBucket = ZERO;
  /** Every advance, against the 15 %, and those the gate refuses. */
  readonly gate: limits.GateLog;
  readonly grace = new limits.Grace();
  /** FCPI: the holding companies of IV (none for an FIP). */
  readonly holdings?: HoldingCompanies;
  /** Secondary purchases counted under III A 2° b), with why. */
  readonly committed = new Map<Position, Reason>();
  /** The law on the as-of date, looked up once per fund. */
  readonly classes: ReturnType<typeof quotaClasses>;
  readonly freshModes: ReadonlySet<string>;
  readonly freshClasses: ReadonlySet<string>;
  readonly advanceGate: Dec;

  constructor(
    readonly ctx: FundContext,
    readonly v: Variant,
  ) {
    if (v === FCPI) this.holdings = new HoldingCompanies(ctx);
    [this.direct, this.bucket, this.qualifying, this.fresh] = [0, 1, 2, 3].map(
      () => new Tally(ctx),
    );
    this.gate = limits.newGateLog(ctx);
    this.classes = quotaClasses(ctx.asOf);
    this.freshModes = law.listAt(v.law.freshModes, ctx.asOf);
    this.freshClasses = law.listAt(v.law.freshClasses, ctx.asOf);
    this.advanceGate = law.ratioAt(law.L214_28.advanceGate, ctx.asOf);
  }

  isFresh(h: Holding): boolean {
    const mode = h.acquisitionMode;
    return mode !== undefined && this.freshModes.has(mode);
  }

  evaluate(): Evaluation {
    const { ctx, v, holdings, direct, qualifying } = this;
    // Sorted first, then III A 2° on the securities that may count, then counted by their listing.
    const sorted = ctx.heldPositions().filter((p) => this.sort(p));
    const refused = this.secondaryShares(sorted);
    for (const p of sorted) if (!refused.has(p)) this.tally(p);

    const window = quotaWindow(ctx);
    const windowKnown = { total: ZERO, complete: window !== undefined };
    // IV 1.: a holding company's III securities within 20 %, then with the other III items.
    const held = holdings?.capped();
    const bucket = {
      total: this.bucket.total + (held?.counted ?? ZERO),
      complete: this.bucket.complete && (holdings?.listed.complete ?? true),
    };
    const sums = limits.cappedSums(ctx, bucket.total, qualifying.total);
    const { bucketCounted, advancesCounted, noteReasons: notes } = sums;
    if (held?.note) notes.unshift(held.note);
    const binding = limits.quotaBinds(ctx, window, notes, v.article);
    const { threshold, known } = this.quotaThreshold();
    const parts = [direct, this.bucket, this.gate.advances, qualifying];
    const positions = made(ZERO, ...parts, holdings?.listed ?? qualifying);
    const vintage = { total: ZERO, complete: known };
    const quota = direct.total + bucketCounted + advancesCounted;
    // Fresh capital is part of the quota's assets, so its numerator never exceeds the quota's: the
    // fresh capital in the 20 % bucket counts only as far as the quota counts the bucket.
    const inBucket = this.freshInBucket;
    const fresh =
      this.fresh.total -
      inBucket +
      limits.freshInBucketCounted(inBucket, bucketCounted);
    const { gate, advanceGate, grace } = this;
    const listed = { total: this.listed, complete: positions.complete };
    const II = { article: `${v.article} II`, quota: threshold.toString() };
    const rules = [
      compare(ctx, v.quota, {
        threshold,
        numerator: made(quota, positions, windowKnown, vintage),
        binding,
        reasons: notes,
      }),
      compare(ctx, v.fresh, {
        threshold: law.ratioAt(v.law.fresh, ctx.asOf),
        numerator: made(fresh, this.fresh, windowKnown),
        binding,
      }),
      limits.listedRule(ctx, v.listed, listed, grace, II),
      limits.advancesRule(ctx, FCPR_CCA15, gate, advanceGate, II_1),
      limits.bucketRule(ctx, FCPR_B20, bucket, bucketCounted),
    ];
    if (holdings) rules.push(holdings.rule());
    return { rules, quotaWindow: window };
  }

  /** 70 %, or 60 % for a fund constituted before 2014, unless the fund's quotaThreshold says otherwise. */
  quotaThreshold() {
    const { fund, asOf } = this.ctx;
    const quota = this.v.law.quota;
    if (fund.quotaThreshold !== undefined)
      return { threshold: fund.quotaThreshold, known: true };
    const known = fund.constitutionDate !== undefined;
    if (!known) {
      const [before, since] = quota.versions;
      const [date, threshold] = [since!.validFrom!, before!.value];
      const need = { purpose: "vintage", date, threshold } as const;
      this.ctx.needFund("constitutionDate", need);
    }
    const vintage = law.vintageDate(quota, fund.constitutionDate, asOf);
    return { threshold: law.ratioAt(quota, vintage), known };
  }

  /** Sorts one held position; true when it may count toward the 70 % (subject to III A 2°). */
  sort(p: Position): boolean {
    const { ctx, v, classes } = this;
    const [h, article, rule] = [p.holding, `${v.article} I`, v.quota.id];
    const cls = h.assetClass;
    if (cls === undefined) {
      this.direct.unknown(h, "assetClass", { purpose: "quota-asset" });
      this.fresh.unknown();
      const unclassified = why("unclassified", { column: "assetClass" });
      return ctx.leaveOut(p, rule, unclassified, article);
    }
    if (classes.advances.has(cls)) return this.countAdvance(p);
    const { securities, sarl, debt } = classes;
    if (!securities.has(cls) && !sarl.has(cls) && !debt.has(cls)) {
      const facts = { assetClass: cls, article };
      return ctx.leaveOut(p, rule, why("not-a-quota-asset", facts));
    }
    if (!this.admitted(p, [this.direct, this.fresh])) return false;
    const mode = h.acquisitionMode;
    const blank = mode === undefined && !h.invalid.has("acquisitionMode");
    if (blank && securities.has(cls) && this.freshClasses.has(cls)) {
      const facts = { article: `${v.article} III A 1°` };
      const warning = why("acquisition-mode-blank", facts);
      ctx.warn("Holdings", h.row, "acquisitionMode", warning);
    }
    return true;
  }

  /**
   * I: the issuer's flag, and for an FIP its region among those the fund chose (I 1°); then for a
   * holding company the gate of IV (L. 214-30). False when the position is left out; an unknown
   * (an unreadable flag is not a "no") leaves each of `partial` partial. `advanceTo` names the
   * company an advance goes to.
   */
  admitted(p: Position, partial: Tally[], advanceTo?: string): boolean {
    const { ctx, v } = this;
    const [h, rule, flag] = [p.holding, v.quota.id, v.flag];
    const article = `${v.article} I`;
    const unknown = (column: string, need: Need) => {
      const cause = why("eligibility-unknown", { column, article });
      return undecided(ctx, p, rule, cause, need, partial);
    };
    const refused = (facts: ReasonFacts["issuer-not-eligible"]) => {
      const issuer = advanceTo ? { issuer: advanceTo } : {};
      const cause = why("issuer-not-eligible", { ...facts, ...issuer });
      return ctx.leaveOut(p, rule, cause, article);
    };
    // Unreadable: the reader reported the cell already, so no need is recorded.
    if (h.invalid.has(flag)) return unknown(flag, {});
    if (!h[flag]) return refused({ test: "flag", column: flag, article });
    if (v === FIP) {
      const [chosen, region] = [ctx.fund.chosenRegions, h.region];
      const I1 = "L. 214-31 I 1°";
      const need = { purpose: "chosen-regions", article: I1 } as const;
      if (chosen === undefined || chosen.length === 0)
        return unknown("chosenRegions", need);
      if (region === undefined) return unknown("region", need);
      const key = regionKey(region);
      if (!chosen.some((r) => regionKey(r) === key))
        return refused({ test: "region", region, article: I1 });
    }
    if (this.holdings && h.invalid.has("holdingCompany"))
      return this.holdings.undecided(p, partial);
    if (!h.holdingCompany || !this.holdings) return true;
    const security = advanceTo === undefined;
    return this.holdings.admits(p, security, partial);
  }

  /** L. 214-28 II 1°, which the 70 % quota takes over: advances to companies held at least 5 %. */
  countAdvance(p: Position): false {
    const [quotaId, article] = [this.v.quota.id, II_1];
    const { gate } = limits.gateAdvance(this.ctx, p, {
      quotaId,
      advancesId: FCPR_CCA15.id,
      article,
      gate: this.advanceGate,
      log: this.gate,
    });
    const to = this.qualifying;
    if (gate.kind === "allowed" && this.admitted(p, [to], gate.issuer))
      limits.countAdvanceInQuota(this.ctx, p, to, { quotaId, article }, gate);
    return false; // advances are counted here, outside the securities' secondary condition
  }

  /**
   * III A 2° a): securities bought from other holders count only when "leur valeur est
   * inférieure à la valeur des titres ou parts de cette société mentionnés au 1° … détenus par
   * le fonds" (strictly below), issuer by issuer; b) may count them still. Leaves out of the quota
   * the purchases neither counts, with why, and returns them.
   */
  secondaryShares(sorted: Position[]): Set<Position> {
    const { ctx, v } = this;
    // Each issuer's purchases and their sum, and the fresh capital held in it.
    const [purchases, held] = [new Groups(), new Map<string, Amount>()];
    for (const p of sorted) {
      const h = p.holding;
      // A company's rows whatever the case or spaces of its id, as fund ids match (contract §3):
      // « ACME » bought and « Acme » bought are one company's purchases, against one fresh capital.
      const key = h.issuerId === undefined ? `row ${h.row}` : idKey(h.issuerId);
      const amount = p.amount ?? ZERO;
      if (h.acquisitionMode === "SECONDARY_PURCHASE") {
        purchases.add(key, key, amount, p);
        if (p.amount === undefined) this.direct.unknown();
      } else if (this.isFresh(h))
        held.set(key, (held.get(key) ?? ZERO) + amount);
    }
    const refused = new Set<Position>();
    const [a, b] = [`${v.article} III A 2° a)`, `${v.article} III A 2° b)`];
    for (const issuer of purchases.byKey.values()) {
      const [secondary, bought] = [issuer.total, issuer.positions];
      const fresh = held.get(issuer.key) ?? ZERO;
      if (secondary < fresh) continue;
      const decided = commitments(ctx, bought, v.law.secondaryCommitment, b);
      for (const p of bought) {
        const c = decided.get(p);
        if (c?.code === "counted-secondary-commitment") {
          this.committed.set(p, c);
          continue;
        }
        refused.add(p);
        if (c === undefined) {
          // No commitment: a) decides.
          const [value, owned] = [secondary, fresh].map(formatAmount);
          const facts = { secondary: value!, fresh: owned!, article: a };
          ctx.leaveOut(p, v.quota.id, why("secondary-purchase", facts));
          continue;
        }
        if (c.facts.test === "unknown") {
          const { column, article } = c.facts;
          const purpose = NEEDS[column as keyof typeof NEEDS];
          const need = { purpose, article };
          if (column === "fundTermDate") ctx.needFund(column, need);
          else ctx.needHolding(p.holding, column, need);
          this.direct.unknown();
          if (this.isFresh(p.holding)) this.fresh.unknown();
        }
        ctx.leaveOut(p, v.quota.id, c);
      }
    }
    return refused;
  }

  /**
   * The paragraph of a security that passed eligibility and the secondary condition, by its
   * listing; false once it is left out, or when III 1° cannot be decided (its measure partial).
   */
  paragraph(p: Position, holding?: HoldingCompanies): Paragraph | false {
    const { ctx, v } = this;
    const { securities, sarl, debt, smallCaps } = this.classes;
    const [h, rule] = [p.holding, v.quota.id];
    const cls = h.assetClass!;
    const listing = h.listingStatus ?? "UNLISTED";
    if (sarl.has(cls) || (securities.has(cls) && listing === "UNLISTED"))
      return I;
    if (debt.has(cls)) {
      const article = "L. 214-28 III 2°";
      if (listing === "UNLISTED") return { kind: "BUCKET", article };
      return ctx.leaveOut(p, rule, why("listed-debt", { article }));
    }
    if (limits.listedAfterPurchase(h)) {
      const listingDate = h.listingDate!;
      // Admitted after the as-of date: still unlisted on that date.
      if (listingDate > ctx.asOf) return I;
      const years = law.requireVersion(v.law.listedYears, ctx.asOf).value;
      const graceEnd = addYears(listingDate, years);
      p.outcome.graceEndsOn = graceEnd;
      const article = `${v.article} II`;
      if (ctx.asOf > graceEnd) {
        const facts = { listingDate, graceEnd, article };
        return ctx.leaveOut(p, rule, why("five-years-ended", facts));
      }
      this.grace.add(graceEnd);
      return { kind: "LISTED", article };
    }
    if (h.invalid.has("listingDate") && securities.has(cls)) {
      // An unreadable admission date (a blank one is « listed when bought »): admitted after the
      // investment, the security counts for five years from its admission (II), then no longer;
      // bought on an SME growth market, it counts in I. Which it is, is unknown: the 70 % and
      // the 40 % are partial, never the better reading.
      const article = `${v.article} II`;
      const cause = why("eligibility-unknown", {
        column: "listingDate",
        article,
      });
      const partial = [this.direct];
      if (holding) partial.push(holding.direct);
      if (this.isFresh(h)) partial.push(this.fresh);
      return undecided(
        ctx,
        p,
        rule,
        cause,
        { purpose: "paragraph", article },
        partial,
      );
    }
    if (listing === "MTF_SME" && securities.has(cls))
      // I 1° b): an issuer whose securities trade only on an SME growth market at the initial investment is eligible (contract §3).
      return { kind: "I", article: `${v.article} I 1° b)` };
    if (!smallCaps.has(cls)) {
      const facts = { assetClass: cls, article: "L. 214-28 I" };
      return ctx.leaveOut(p, rule, why("listed-when-bought", facts));
    }
    const test = smallCapTest(p, ctx.asOf);
    if (test.ok === "unknown") {
      (holding?.listed ?? this.bucket).unknown(h, test.column, test.why);
      return false;
    }
    const article = "L. 214-28 III 1°";
    if (test.ok === false)
      return ctx.leaveOut(p, rule, why("not-small-cap", test.facts), article);
    return { kind: "BUCKET", article };
  }

  /** Counts a security that passed eligibility and the secondary condition, in its paragraph. */
  tally(p: Position): void {
    const { ctx, v } = this;
    const h = p.holding;
    const amount = ctx.amountOf(p);
    const holding = this.holdings?.admitted.has(p) ? this.holdings : undefined;
    const where = this.paragraph(p, holding);
    if (where === false) return;
    const { kind, article } = where;
    const bucket = kind === "BUCKET";
    if (amount === undefined) {
      (bucket ? (holding?.listed ?? this.bucket) : this.direct).unknown();
      if (holding && !bucket) holding.direct.unknown();
      if (this.isFresh(h)) this.fresh.unknown();
      return;
    }
    const IV = "L. 214-30 IV 1.";
    if (bucket && holding) {
      // IV 1.: within 20 % of the fund's assets (FCPI-HOLD75), then with the other III items.
      holding.listed.plus(amount);
      const facts = { threshold: holding.cap.toString(), article: IV };
      const explain = why("counted-holding", facts);
      const rule = defs.FCPI_HOLD75.id;
      count(ctx, p, { rule, article: IV, explain }, amount);
    } else if (bucket) {
      this.bucket.plus(amount);
      const threshold = limits.CAP_20(ctx.asOf).toString();
      const facts = { threshold, article: "L. 214-28 III" };
      const explain = why("counted-within-bucket", facts);
      count(ctx, p, { rule: FCPR_B20.id, article, explain }, amount);
    } else {
      this.direct.plus(amount);
      holding?.direct.plus(amount);
      if (kind === "LISTED") this.listed += amount;
      const [listingDate, graceEnd] = [h.listingDate!, p.outcome.graceEndsOn!];
      const explain =
        kind === "LISTED"
          ? why("counted-grace", { listingDate, graceEnd, article })
          : (this.committed.get(p) ??
            (holding
              ? why("counted-holding", { article: IV })
              : why("counted-eligible", { article })));
      count(ctx, p, { rule: v.quota.id, article, explain }, amount);
    }
    const [mode, cls] = [h.acquisitionMode, h.assetClass!];
    if (this.freshClasses.has(cls) && mode && this.freshModes.has(mode)) {
      this.fresh.plus(amount);
      if (bucket) this.freshInBucket += amount;
      const article = `${v.article} III A 1°`;
      const explain = why("counted-fresh", { mode, article });
      count(ctx, p, { rule: v.fresh.id, article, explain }, amount);
    } else if (h.invalid.has("acquisitionMode")) this.fresh.unknown();
  }
}
