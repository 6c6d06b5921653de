import { type Amount, formatAmount, minAmount, ZERO } from "../amount";
import { addYears } from "../dates";
import { Dec } from "../decimal";
import {
  L214_28,
  L214_30,
  L214_31,
  type LawParameter,
  listAt,
  type ListParameter,
  type RatioParameter,
  ratioAt,
  requireVersion,
  vintageDate,
} from "../../law";
import type { FundContext, Position } from "../fund-context";
import {
  compare,
  count,
  made,
  Tally,
  unknownIn,
  type Evaluation,
} from "../measures";
import type { AcquisitionMode, AssetClass, Holding } from "../model";
import { quotaWindow } from "../quota-window";
import {
  type Need,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type { RuleDefinition } from "../result";
import { FCPR_B20, FCPR_CCA15 } from "./fcpr-definitions";
import { quotaClasses, smallCapTest } from "./fcpr";
import {
  FCPI_FRESH40,
  FCPI_HOLD75,
  FCPI_L5Y,
  FCPI_Q70,
  FIP_FRESH40,
  FIP_L5Y,
  FIP_Q70,
} from "./fcpi-fip-definitions";
import {
  advancesRule,
  bucketRule,
  cappedSums,
  countAdvanceInQuota,
  gateAdvance,
  type GateLog,
  listedAfterPurchase,
  quotaBinds,
  Grace,
  listedRule,
  newGateLog,
} from "./l214-28-limits";
import { HoldingCompanies } from "./fcpi-holding";
import { commitments } from "./secondary-commitment";
import { fipHolderRules } from "./fip-holders";
import { fipRegionRule } from "./fip-regions";
import { regionKey } from "./region-key";

// The quota of a fund depends on its vintage: looked up at its constitution date (src/law/fcpi-fip-vintage.ts).

type Eligibility =
  | { ok: true }
  | { ok: false; facts: ReasonFacts["issuer-not-eligible"] }
  | { ok: "unknown"; column: string; why: Need };

/** The issuer's eligibility flag; an unreadable cell is not a "no": the position may count, so the quota is incomplete. */
function flag(
  h: Holding,
  column: "fcpiEligible" | "fipEligible",
  article: string,
): Eligibility {
  // Unreadable: the reader reported the cell already, so no need is recorded.
  if (h.invalid.has(column)) return { ok: "unknown", column, why: {} };
  if (h[column]) return { ok: true };
  return { ok: false, facts: { test: "flag", column, article } };
}

interface Variant {
  quota: RuleDefinition;
  fresh: RuleDefinition;
  listed: RuleDefinition;
  article: string;
  law: {
    quota: RatioParameter;
    fresh: RatioParameter;
    listedYears: LawParameter<number>;
    /** III A 1°: how fresh capital was received, and which securities can be fresh capital. */
    freshModes: ListParameter<AcquisitionMode>;
    freshClasses: ListParameter<AssetClass>;
    /** III A 2° b): the subscription commitment, as a share of the purchase. */
    secondaryCommitment: RatioParameter;
  };
  eligible(ctx: FundContext, h: Holding): Eligibility;
  /** L. 214-30 IV: holding companies count through their own gate and cap (FCPI-HOLD75). */
  holdings?: boolean;
}

const FCPI: Variant = {
  quota: FCPI_Q70,
  fresh: FCPI_FRESH40,
  listed: FCPI_L5Y,
  article: "L. 214-30",
  law: L214_30,
  eligible: (_ctx, h) => flag(h, "fcpiEligible", "L. 214-30 I"),
  holdings: true,
};

const FIP: Variant = {
  quota: FIP_Q70,
  fresh: FIP_FRESH40,
  listed: FIP_L5Y,
  article: "L. 214-31",
  law: L214_31,
  eligible(ctx, h) {
    const flagged = flag(h, "fipEligible", "L. 214-31 I");
    if (flagged.ok !== true) return flagged;
    const chosen = ctx.fund.chosenRegions;
    const need = (column: string): Eligibility => ({
      ok: "unknown",
      column,
      why: { purpose: "chosen-regions", article: "L. 214-31 I 1°" },
    });
    if (chosen === undefined || chosen.length === 0)
      return need("chosenRegions");
    if (h.region === undefined) return need("region");
    const key = regionKey(h.region);
    if (!chosen.some((r) => regionKey(r) === key))
      return {
        ok: false,
        facts: { test: "region", region: h.region, article: "L. 214-31 I 1°" },
      };
    return { ok: true };
  },
};

/**
 * Per-fund measures of the FCPI/FIP quota. The quota reads direct, bucket, advances and
 * qualifying: it is partial when any of them is; fresh capital is partial on its own.
 */
class Sorted {
  /** I, and II within five years. */
  readonly direct: Tally;
  listed: Amount = ZERO;
  readonly bucket: Tally;
  /** The advances the quota counts. */
  readonly qualifying: Tally;
  readonly fresh: Tally;
  /** The fresh capital among the bucket's items: it counts only as far as the quota counts the bucket. */
  freshInBucket = ZERO;
  /** Every advance, against the 15 %, and those the gate refuses. */
  readonly gate: GateLog;
  readonly grace = new Grace();
  readonly classes: ReturnType<typeof quotaClasses>;
  readonly freshModes: ReadonlySet<AcquisitionMode>;
  readonly freshClasses: ReadonlySet<AssetClass>;
  /** FCPI: the holding companies of IV (none for an FIP). */
  readonly holdings?: HoldingCompanies;
  /** Secondary purchases counted under III A 2° b), with why. */
  readonly committed = new Map<Position, Reason>();

  constructor(ctx: FundContext, v: Variant) {
    if (v.holdings) this.holdings = new HoldingCompanies(ctx);
    [this.direct, this.bucket, this.qualifying, this.fresh] = [0, 1, 2, 3].map(
      () => new Tally(ctx),
    );
    this.gate = newGateLog(ctx);
    this.classes = quotaClasses(ctx.asOf);
    this.freshModes = listAt(v.law.freshModes, ctx.asOf);
    this.freshClasses = listAt(v.law.freshClasses, ctx.asOf);
  }

  isFresh(h: Holding): boolean {
    return (
      h.acquisitionMode !== undefined && this.freshModes.has(h.acquisitionMode)
    );
  }
}

export function evaluateFcpi(ctx: FundContext): Evaluation {
  return evaluateInnovation(ctx, FCPI);
}

export function evaluateFip(ctx: FundContext): Evaluation {
  const evaluation = evaluateInnovation(ctx, FIP);
  evaluation.rules.push(fipRegionRule(ctx), ...fipHolderRules(ctx));
  return evaluation;
}

/**
 * FCPI and FIP quotas: the securities, SARL parts and advances "tels que définis au I et au
 * 1° du II de l'article L. 214-28" of eligible companies, the securities admitted after the
 * investment for five years (II), the 20 % bucket they inherit as FCPR, and the 40 % of fresh
 * capital of III A 1°, with the secondary-share condition of III A 2° a).
 */
function evaluateInnovation(ctx: FundContext, v: Variant): Evaluation {
  const t = new Sorted(ctx, v);
  const counted: Position[] = [];
  for (const p of ctx.heldPositions()) {
    const where = classify(ctx, v, p, t);
    if (where) counted.push(p);
  }
  applySecondaryCondition(ctx, v, t, counted);
  for (const p of counted) tallyCounted(ctx, v, t, p);

  const window = quotaWindow(ctx);
  // IV 1.: a holding company's III securities within 20 %, then with the other III items.
  const held = t.holdings?.capped().counted ?? ZERO;
  const { bucketCounted, advancesCounted, noteReasons } = cappedSums(
    ctx,
    t.bucket.total + held,
    t.qualifying.total,
  );
  const aboveHoldingCap = t.holdings?.aboveCapReason();
  if (aboveHoldingCap?.code === "bucket-above-cap")
    noteReasons.unshift(aboveHoldingCap);
  const bucketMeasure = {
    total: t.bucket.total + held,
    complete: t.bucket.complete && (t.holdings?.listed.complete ?? true),
  };
  const binding = quotaBinds(ctx, window, noteReasons, v.article);

  const { threshold, known } = quotaThreshold(ctx, v);
  const windowKnown = { total: ZERO, complete: window !== undefined };
  const quotaParts = made(
    ZERO,
    t.direct,
    t.bucket,
    t.gate.advances,
    t.qualifying,
    t.holdings?.listed ?? t.qualifying,
  );
  const quota = compare(ctx, v.quota, {
    threshold,
    numerator: made(
      t.direct.total + bucketCounted + advancesCounted,
      quotaParts,
      windowKnown,
      { total: ZERO, complete: known },
    ),
    binding,
    reasons: noteReasons,
  });
  const fresh = compare(ctx, v.fresh, {
    threshold: ratioAt(v.law.fresh, ctx.asOf),
    numerator: made(
      freshCounted(t.fresh.total, t.freshInBucket, bucketCounted),
      t.fresh,
      windowKnown,
    ),
    binding,
  });
  const listed = listedRule(
    ctx,
    v.listed,
    { total: t.listed, complete: quotaParts.complete },
    t.grace,
    { article: `${v.article} II`, quota: threshold.toString() },
  );
  const advances = advancesRule(
    ctx,
    FCPR_CCA15,
    t.gate,
    ratioAt(L214_28.advanceGate, ctx.asOf),
    "L. 214-28 II 1°",
  );
  const bucket = bucketRule(ctx, FCPR_B20, bucketMeasure, bucketCounted);
  return {
    rules: [
      quota,
      fresh,
      listed,
      advances,
      bucket,
      ...(t.holdings ? [t.holdings.rule()] : []),
    ],
    quotaWindow: window,
  };
}

/**
 * Fresh capital is part of the quota's assets, so its numerator never exceeds the quota's: the
 * fresh capital in the 20 % bucket counts only as far as the quota counts the bucket.
 */
function freshCounted(
  fresh: Amount,
  freshInBucket: Amount,
  bucketCounted: Amount,
): Amount {
  return fresh - freshInBucket + minAmount(freshInBucket, bucketCounted);
}

/** 70 %, or 60 % for a fund constituted before 2014, unless the fund's quotaThreshold says otherwise. */
function quotaThreshold(
  ctx: FundContext,
  v: Variant,
): { threshold: Dec; known: boolean } {
  const f = ctx.fund;
  if (f.quotaThreshold !== undefined)
    return { threshold: f.quotaThreshold, known: true };
  if (f.constitutionDate === undefined) {
    const [before, since] = v.law.quota.versions;
    ctx.needFund("constitutionDate", {
      purpose: "vintage",
      date: since!.validFrom!,
      threshold: before!.value,
    });
    return {
      threshold: ratioAt(
        v.law.quota,
        vintageDate(v.law.quota, undefined, ctx.asOf),
      ),
      known: false,
    };
  }
  return {
    threshold: ratioAt(v.law.quota, f.constitutionDate),
    known: true,
  };
}

/** Sorts one held position; returns true when it may count toward the 70 % (subject to III A 2°). */
function classify(
  ctx: FundContext,
  v: Variant,
  p: Position,
  t: Sorted,
): boolean {
  const h = p.holding;
  const article = `${v.article} I`;
  if (h.assetClass === undefined) {
    t.direct.unknown(h, "assetClass", { purpose: "quota-asset" });
    t.fresh.unknown();
    const unclassified = why("unclassified", { column: "assetClass" });
    return ctx.leaveOut(p, v.quota.id, unclassified, article);
  }
  const cls = h.assetClass;
  const { securities, sarl, debt, advances } = t.classes;
  if (advances.has(cls)) return countAdvance(ctx, v, p, t);
  const security = securities.has(cls) || sarl.has(cls) || debt.has(cls);
  if (!security)
    return ctx.leaveOut(
      p,
      v.quota.id,
      why("not-a-quota-asset", { assetClass: cls, article }),
    );
  if (!admitted(ctx, v, t, p, [t.direct, t.fresh])) return false;
  if (
    securities.has(cls) &&
    t.freshClasses.has(cls) &&
    h.acquisitionMode === undefined &&
    !h.invalid.has("acquisitionMode")
  ) {
    const blank = why("acquisition-mode-blank", {
      article: `${v.article} III A 1°`,
    });
    ctx.warn("Holdings", h.row, "acquisitionMode", blank);
  }
  return true;
}

/**
 * I: the issuer's eligibility, then for a holding company the gate of IV (L. 214-30); false when
 * the position is left out. An unknown leaves each of `partial` partial; `advanceTo` names the
 * company an advance goes to.
 */
function admitted(
  ctx: FundContext,
  v: Variant,
  t: Sorted,
  p: Position,
  partial: Tally[],
  advanceTo?: string,
): boolean {
  const [h, article] = [p.holding, `${v.article} I`];
  const e = v.eligible(ctx, h);
  if (e.ok === "unknown") {
    partial[0]!.unknown(h, e.column, e.why);
    unknownIn(...partial.slice(1));
    const unknown = why("eligibility-unknown", { column: e.column, article });
    return ctx.leaveOut(p, v.quota.id, unknown, article);
  }
  if (e.ok === false) {
    const facts = advanceTo ? { ...e.facts, issuer: advanceTo } : e.facts;
    return ctx.leaveOut(
      p,
      v.quota.id,
      why("issuer-not-eligible", facts),
      article,
    );
  }
  const security = advanceTo === undefined;
  return !(
    h.holdingCompany &&
    t.holdings &&
    !t.holdings.admits(p, v.quota.id, security, partial)
  );
}

/** L. 214-28 II 1°, which the 70 % quota takes over: advances to companies held at least 5 %. */
function countAdvance(
  ctx: FundContext,
  v: Variant,
  p: Position,
  t: Sorted,
): boolean {
  const { gate } = gateAdvance(ctx, p, {
    quotaId: v.quota.id,
    advancesId: FCPR_CCA15.id,
    article: "L. 214-28 II 1°",
    gate: ratioAt(L214_28.advanceGate, ctx.asOf),
    log: t.gate,
  });
  if (
    gate.kind !== "allowed" ||
    !admitted(ctx, v, t, p, [t.qualifying], gate.issuer)
  )
    return false;
  countAdvanceInQuota(
    ctx,
    p,
    t.qualifying,
    { quotaId: v.quota.id, article: "L. 214-28 II 1°" },
    gate,
  );
  return false; // advances are counted here, outside the securities' secondary condition
}

/**
 * III A 2° a): securities bought from other holders count only when "leur valeur est
 * inférieure à la valeur des titres ou parts de cette société mentionnés au 1° … détenus par
 * le fonds" (strictly below), issuer by issuer.
 */
function applySecondaryCondition(
  ctx: FundContext,
  v: Variant,
  t: Sorted,
  counted: Position[],
): void {
  const perIssuer = new Map<
    string,
    { secondary: Amount; fresh: Amount; positions: Position[] }
  >();
  for (const p of counted) {
    const h = p.holding;
    if (h.acquisitionMode !== "SECONDARY_PURCHASE" && !t.isFresh(h)) continue;
    const key = h.issuerId ?? `row ${h.row}`;
    const entry = perIssuer.get(key) ?? {
      secondary: ZERO,
      fresh: ZERO,
      positions: [],
    };
    const amount = p.amount ?? ZERO;
    if (h.acquisitionMode === "SECONDARY_PURCHASE") {
      entry.secondary += amount;
      entry.positions.push(p);
    } else entry.fresh += amount;
    perIssuer.set(key, entry);
  }
  for (const entry of perIssuer.values()) {
    if (entry.positions.length === 0 || entry.secondary < entry.fresh) continue;
    // b): a purchase the fund committed to match with subscriptions.
    const b = commitments(ctx, entry.positions, v.law.secondaryCommitment);
    for (const p of entry.positions) {
      const commitment = b.get(p);
      if (commitment?.kind === "counts") {
        t.committed.set(p, commitment.explain);
        continue;
      }
      const index = counted.indexOf(p);
      if (index >= 0) counted.splice(index, 1);
      if (commitment?.kind === "unknown") {
        if (commitment.table === "Funds")
          ctx.needFund(commitment.column, commitment.why);
        else ctx.needHolding(p.holding, commitment.column, commitment.why);
        t.direct.unknown();
        if (t.isFresh(p.holding)) t.fresh.unknown();
        const article = `${v.article} III A 2° b)`;
        const facts = {
          test: "unknown" as const,
          column: commitment.column,
          article,
        };
        ctx.leaveOut(p, v.quota.id, why("secondary-commitment", facts));
        continue;
      }
      if (commitment?.kind === "refused") {
        ctx.leaveOut(p, v.quota.id, commitment.why);
        continue;
      }
      const article = `${v.article} III A 2° a)`;
      const [secondary, fresh] = [entry.secondary, entry.fresh].map(
        formatAmount,
      );
      const facts = { secondary: secondary!, fresh: fresh!, article };
      ctx.leaveOut(p, v.quota.id, why("secondary-purchase", facts));
    }
  }
  if (
    [...perIssuer.values()].some((e) =>
      e.positions.some((p) => p.amount === undefined),
    )
  )
    t.direct.unknown();
}

/** Counts a position that passed eligibility and the secondary condition, by its listing. */
function tallyCounted(
  ctx: FundContext,
  v: Variant,
  t: Sorted,
  p: Position,
): void {
  const h = p.holding;
  const cls = h.assetClass as AssetClass;
  const amount = ctx.amountOf(p);
  const listing = h.listingStatus ?? "UNLISTED";
  const holding = t.holdings?.admitted.has(p) ? t.holdings : undefined;
  let kind: "I" | "LISTED" | "BUCKET" | undefined;
  let article = "L. 214-28 I";
  const { securities, sarl, debt, smallCaps } = t.classes;
  if (sarl.has(cls) || (securities.has(cls) && listing === "UNLISTED"))
    kind = "I";
  else if (debt.has(cls)) {
    const listedDebt = why("listed-debt", { article: "L. 214-28 III 2°" });
    if (listing !== "UNLISTED")
      return void ctx.leaveOut(p, v.quota.id, listedDebt);
    kind = "BUCKET";
    article = "L. 214-28 III 2°";
  } else if (listedAfterPurchase(h)) {
    if (h.listingDate! > ctx.asOf) kind = "I";
    else {
      const graceEnd = addYears(
        h.listingDate!,
        requireVersion(v.law.listedYears, ctx.asOf).value,
      );
      p.outcome.graceEndsOn = graceEnd;
      article = `${v.article} II`;
      if (ctx.asOf > graceEnd) {
        const facts = { listingDate: h.listingDate!, graceEnd, article };
        return void ctx.leaveOut(p, v.quota.id, why("five-years-ended", facts));
      }
      kind = "LISTED";
      t.grace.add(graceEnd);
    }
  } else if (listing === "MTF_SME" && securities.has(cls)) {
    // I 1° b): an issuer whose securities trade only on an SME growth market at the initial investment is eligible (contract §3).
    kind = "I";
    article = `${v.article} I 1° b)`;
  } else if (smallCaps.has(cls)) {
    const test = smallCapTest(p, ctx.asOf);
    if (test.ok === "unknown") {
      (holding?.listed ?? t.bucket).unknown(h, test.column, test.why);
      return;
    }
    if (test.ok === false) {
      const notSmall = why("not-small-cap", test.facts);
      return void ctx.leaveOut(p, v.quota.id, notSmall, "L. 214-28 III 1°");
    }
    kind = "BUCKET";
    article = "L. 214-28 III 1°";
  } else {
    const facts = { assetClass: cls, article: "L. 214-28 I" };
    return void ctx.leaveOut(p, v.quota.id, why("listed-when-bought", facts));
  }
  if (amount === undefined) {
    (kind === "BUCKET" ? (holding?.listed ?? t.bucket) : t.direct).unknown();
    if (holding && kind !== "BUCKET") holding.direct.unknown();
    if (t.isFresh(h)) t.fresh.unknown();
    return;
  }
  const listed = kind === "LISTED";
  const [listingDate, graceEnd] = [h.listingDate!, p.outcome.graceEndsOn!];
  if (kind === "BUCKET" && holding) {
    // IV 1.: within 20 % of the fund's assets (FCPI-HOLD75), then with the other III items.
    holding.listed.plus(amount);
    const cap = ratioAt(L214_30.holdingListedCap, ctx.asOf);
    const article = "L. 214-30 IV 1.";
    const explain = why("counted-holding", {
      threshold: cap.toString(),
      article,
    });
    count(ctx, p, { rule: FCPI_HOLD75.id, article, explain }, amount);
  } else if (kind === "BUCKET") {
    t.bucket.plus(amount);
    const threshold = ratioAt(L214_28.bucket, ctx.asOf).toString();
    const explain = why("counted-within-bucket", {
      threshold,
      article: "L. 214-28 III",
    });
    count(ctx, p, { rule: FCPR_B20.id, article, explain }, amount);
  } else {
    t.direct.plus(amount);
    holding?.direct.plus(amount);
    if (listed) t.listed += amount;
    const explain = listed
      ? why("counted-grace", { listingDate, graceEnd, article })
      : (t.committed.get(p) ??
        (holding
          ? why("counted-holding", { article: "L. 214-30 IV 1." })
          : why("counted-eligible", { article })));
    count(ctx, p, { rule: v.quota.id, article, explain }, amount);
  }
  const mode = h.acquisitionMode;
  if (t.freshClasses.has(cls) && mode && t.freshModes.has(mode)) {
    t.fresh.plus(amount);
    if (kind === "BUCKET") t.freshInBucket += amount;
    const fresh = `${v.article} III A 1°`;
    const explain = why("counted-fresh", { mode, article: fresh });
    count(ctx, p, { rule: v.fresh.id, article: fresh, explain }, amount);
  } else if (h.invalid.has("acquisitionMode")) t.fresh.unknown();
}
