import {
  type Amount,
  amountFromDecimal,
  ExactSum,
  formatAmount,
  scaleAmount,
} from "../amount";
import { addYears } from "../dates";
import {
  isEuEeaOn,
  L214_160,
  L214_28,
  listAt,
  type RatioParameter,
  ratioAt,
  requireVersion,
} from "../../law";
import type { Excluded, FundContext, Position } from "../fund-context";
import { english } from "../../present/english";
import {
  compare,
  count,
  made,
  Tally,
  unknownIn,
  type Evaluation,
} from "../measures";
import type { AssetClass, Holding } from "../model";
import { quotaWindow } from "../quota-window";
import {
  type Need as NeedWhy,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type { Dec } from "../decimal";
import type {
  Contribution,
  ExclusionCode,
  QuotaWindow,
  RuleDefinition,
  RuleResult,
} from "../result";
import {
  FCPR_B20,
  FCPR_CCA15,
  FCPR_L5Y,
  FCPR_LIQ5,
  FCPR_Q50,
} from "./fcpr-definitions";
import {
  advancesRule,
  bucketRule,
  CAP_20,
  capOf,
  Grace,
  listedAfterPurchase,
  quotaBinds,
  cappedSums,
  countAdvanceInQuota,
  gateAdvance,
  type AdvanceCap,
  type GateLog,
  listedRule,
  newGateLog,
} from "./l214-28-limits";

const ART_I = "L. 214-28 I";
const ART_III_1 = "L. 214-28 III 1°";
const ART_III_2 = "L. 214-28 III 2°";
const ART_IV = "L. 214-28 IV";
const UNLISTED = why("counted-unlisted", { article: ART_I });

/** III 1°: "capitalisation boursière … inférieure à 150 millions d'euros" (strictly below), as an amount. */
let smallCap: { asOf: string; limit: Amount } | undefined;
const smallCapLimit = (asOf: string): Amount =>
  smallCap?.asOf === asOf
    ? smallCap.limit
    : (smallCap = {
        asOf,
        limit: amountFromDecimal(ratioAt(L214_28.smallCapLimit, asOf)),
      }).limit;

/** The classes each paragraph takes, at the test date (src/law/l214-28.ts). */
export function quotaClasses(asOf: string) {
  return {
    /** I: "titres associatifs, titres participatifs, titres de capital … ou donnant accès au capital". */
    securities: listAt(L214_28.quotaSecurities, asOf),
    sarl: listAt(L214_28.sarlParts, asOf),
    advances: listAt(L214_28.advanceClasses, asOf),
    entities: listAt(L214_28.entityClasses, asOf),
    /** III 1°: "titres de capital, ou donnant accès au capital" only. */
    smallCaps: listAt(L214_28.smallCapSecurities, asOf),
    /** III 2°: "titres de créance … ou des créances sur ces entités". */
    debt: listAt(L214_28.unlistedIssuerDebt, asOf),
  };
}

type Paragraph = "I" | "III1" | "III2" | "IV" | "ADVANCE" | "ENTITY";
/**
 * What the later passes need of a position's sort, one byte per held position (reading `kind`
 * on buckets of several shapes, pass after pass, costs more than the sort itself at 100,000 rows).
 * SECURITY: the sorts that say whether an issuer's securities count in I (an exclusion says no).
 */
const enum Sort {
  OTHER,
  SECURITY,
  ADVANCE,
  ENTITY,
}
/** The paragraphs a position can be sorted into; shared objects, so sorting 100,000 rows allocates nothing. */
const SORTED = Object.fromEntries(
  (["I", "III1", "III2", "IV", "ADVANCE", "ENTITY"] as const).map((kind) => [
    kind,
    { kind },
  ]),
) as { [K in Paragraph]: { kind: K } };
/** A value the sort needs is blank: the column, and what it decides (the diagnostic's facts). */
type Need = { column: string; why: NeedWhy };
type Out = {
  kind: "OUT";
  article: string;
  why: Reason & { code: ExclusionCode };
  reason?: string;
};
type Bucket = { kind: Paragraph } | Out | ({ kind: "UNKNOWN" } & Need);
const out = (why: Out["why"], article?: string): Out => ({
  kind: "OUT",
  article: article ?? (why.facts as { article: string }).article,
  why,
});

type SmallCapTest =
  | { ok: true }
  | { ok: false; facts: ReasonFacts["not-small-cap"] }
  | ({ ok: "unknown" } & Need);

/**
 * What differs between the funds that apply L. 214-28: the FCPR itself, and the FPCI through
 * L. 214-160 (advances to any company it holds a participation in, entity rights of any State
 * counted at their direct or indirect look-through).
 */
export interface L21428Profile {
  quota: RuleDefinition;
  advances: RuleDefinition;
  bucket: RuleDefinition;
  listed: RuleDefinition;
  /** Smallest share of the company's capital an advance needs; zero means "a participation". */
  advanceGate: RatioParameter;
  advanceArticle: "L. 214-28 II 1°" | "L. 214-160 II 1°";
  entityOecdRequired: boolean;
  entityArticle: string;
  defaultThreshold: RatioParameter;
  /** Advances retained under a regime of their own before II 1° (the ELTIF FPCI's 30 %). */
  advanceCap?: AdvanceCap;
}

const FCPR_PROFILE: L21428Profile = {
  quota: FCPR_Q50,
  advances: FCPR_CCA15,
  bucket: FCPR_B20,
  listed: FCPR_L5Y,
  advanceGate: L214_28.advanceGate,
  advanceArticle: "L. 214-28 II 1°",
  entityOecdRequired: true,
  entityArticle: "L. 214-28 II 2°",
  defaultThreshold: L214_28.quota,
};

/**
 * Per-fund measures of the sort of positions into the paragraphs of L. 214-28. Each is partial when
 * a value it needed is unknown; the quota reads direct, bucket, advances and entities, so it is
 * partial when any of them is.
 */
class Sorted {
  /** Securities counted in I, directly or within the five years of IV: 1 at their index in the held positions. */
  readonly inQuota: Uint8Array;
  /** I, and IV within five years. */
  readonly direct: Tally;
  /** IV within five years. */
  readonly listed: Tally;
  /** III 1°, III 2° and IV securities placed in the 20 % bucket. */
  readonly bucket: Tally;
  /** The receivables in the bucket (FPCI holding limit). */
  bucketReceivables: Amount = 0n;
  /** The advances the quota counts. */
  readonly qualifying: Tally;
  /** II 2°, by look-through. */
  readonly entities: Tally;
  /** Every advance, against the 15 %, and those the gate refuses. */
  readonly gate: GateLog;
  readonly grace = new Grace();
  /** The law's values on the as-of date, looked up once per fund rather than once per row. */
  readonly cap20Text: string;
  readonly receivables: ReadonlySet<AssetClass>;
  readonly advanceGate: Dec;

  constructor(
    ctx: FundContext,
    readonly prof: L21428Profile,
    held: number,
  ) {
    [this.direct, this.listed, this.bucket, this.qualifying, this.entities] = [
      0, 1, 2, 3, 4,
    ].map(() => new Tally(ctx));
    this.gate = newGateLog(ctx);
    this.inQuota = new Uint8Array(held);
    this.cap20Text = CAP_20(ctx.asOf).toString();
    this.receivables = listAt(L214_160.receivableClasses, ctx.asOf);
    this.advanceGate = ratioAt(prof.advanceGate, ctx.asOf);
  }
}

export function evaluateFcpr(ctx: FundContext): Evaluation {
  const evaluation = evaluateL21428(ctx, FCPR_PROFILE);
  if (ctx.fund.liquidLabel) evaluation.rules.push(liquidLabelRule(ctx));
  return evaluation;
}

/** The quota of L. 214-28 I with its II, III, IV and V, for any fund that applies it. */
export function evaluateL21428(
  ctx: FundContext,
  prof: L21428Profile,
): Evaluation {
  const held = ctx.heldPositions();
  const tally = new Sorted(ctx, prof, held.length);
  const classes = quotaClasses(ctx.asOf);
  const categories = new Map<AssetClass, Category>();
  const sorts = new Uint8Array(held.length);
  // Each row's issuer read while its holding is at hand: the issuers' pass then reads an array, not 100,000 holdings again.
  const issuerOf: (string | undefined)[] = new Array(held.length);
  const cap20 = capOf(ctx, CAP_20(ctx.asOf));

  // Securities first: the 20 % bucket fills with III 1° and III 2° items, then with IV items while it stays within 20 %.
  // Indices into held, and one contribution object per paragraph (count copies it): no allocation per row.
  const listedAfter: number[] = [];
  let advances = false;
  const rule = prof.quota.id;
  const unlisted = { rule, article: ART_I, explain: UNLISTED };
  const bucketExplain = why("counted-within-bucket", {
    threshold: tally.cap20Text,
    article: "L. 214-28 III",
  });
  const inBucket = (article: string) => ({
    rule: prof.bucket.id,
    article,
    explain: bucketExplain,
  });
  const [iii1, iii2] = [inBucket(ART_III_1), inBucket(ART_III_2)];
  for (let i = 0; i < held.length; i++) {
    const p = held[i];
    const b = sortIntoParagraph(ctx, p, classes, categories);
    issuerOf[i] = p.holding.issuerId;
    sorts[i] =
      b.kind === "ADVANCE"
        ? Sort.ADVANCE
        : b.kind === "ENTITY"
          ? Sort.ENTITY
          : b.kind === "UNKNOWN"
            ? Sort.OTHER
            : Sort.SECURITY;
    if (b.kind === "I") {
      tally.inQuota[i] = 1;
      tally.direct.take(p, unlisted);
    } else if (b.kind === "III1" || b.kind === "III2")
      addToBucket(tally, p, b.kind === "III1" ? iii1 : iii2);
    else if (b.kind === "IV") listedAfter.push(i);
    else if (b.kind === "ADVANCE") advances = true;
    else if (b.kind === "OUT") {
      // Rendered once per shared outcome; keys in the report's order for these rows.
      const { code, facts } = b.why;
      b.reason ??= english(b.why);
      ctx.exclude(p, {
        rule,
        reason: b.reason,
        article: b.article,
        code,
        facts,
      } as Excluded);
    } else if (b.kind === "UNKNOWN") {
      tally.direct.unknown(p.holding, b.column, b.why);
      unknownIn(tally.bucket, tally.listed);
      ctx.exclude(p, {
        rule,
        code: "unclassified",
        facts: { column: b.column },
      });
    }
  }
  allocateListedAfterPurchase(ctx, tally, held, listedAfter, cap20);
  const issuerInQuota = advances
    ? issuersCountedInI(issuerOf, sorts, tally.inQuota)
    : new Map<string, boolean>();
  for (let i = 0; i < held.length; i++) {
    const sort = sorts[i];
    if (sort === Sort.ADVANCE) {
      if (!prof.advanceCap?.take(held[i]))
        countAdvance(ctx, tally, held[i], issuerInQuota);
    } else if (sort === Sort.ENTITY) countEntityRights(ctx, tally, held[i]);
  }

  const window = quotaWindow(ctx);
  return { rules: results(ctx, tally, window), quotaWindow: window };
}

/** Sorts a held position into the paragraph of L. 214-28 that can take it. */
function sortIntoParagraph(
  ctx: FundContext,
  p: Position,
  classes: ReturnType<typeof quotaClasses>,
  /** Each class's list, found once per fund (one look-up per row instead of up to five). */
  categories: Map<AssetClass, Category>,
): Bucket {
  const h = p.holding;
  const cls = h.assetClass;
  if (cls === undefined)
    return { kind: "UNKNOWN", column: "assetClass", why: PARAGRAPH };
  let category = categories.get(cls);
  if (category === undefined)
    categories.set(cls, (category = categoryOf(cls, classes)));
  if (category === Category.SARL) return SORTED.I;
  if (category === Category.ADVANCE) return SORTED.ADVANCE;
  if (category === Category.ENTITY) return SORTED.ENTITY;
  const unlisted = (h.listingStatus ?? "UNLISTED") === "UNLISTED";
  if (category === Category.SECURITY) {
    if (unlisted) return SORTED.I;
    // Admitted after purchase (IV); admitted after the as-of date, it was still unlisted on that date.
    if (listedAfterPurchase(h))
      return h.listingDate! > ctx.asOf ? SORTED.I : SORTED.IV;
    if (!classes.smallCaps.has(cls))
      return out(
        why("listed-when-bought", { assetClass: cls, article: ART_III_1 }),
      );
    const test = smallCapTest(p, ctx.asOf);
    if (test.ok === true) return SORTED.III1;
    if (test.ok === false) return out(why("not-small-cap", test.facts));
    return { kind: "UNKNOWN", column: test.column, why: test.why };
  }
  if (category === Category.DEBT)
    return unlisted
      ? SORTED.III2
      : out(why("listed-debt", { article: ART_III_2 }));
  return notAQuotaAsset(cls);
}

const enum Category {
  SARL,
  ADVANCE,
  ENTITY,
  SECURITY,
  DEBT,
  OTHER,
}

/** The first of the paragraphs' class lists that holds the class, in the order the sort asks them. */
function categoryOf(
  cls: AssetClass,
  classes: ReturnType<typeof quotaClasses>,
): Category {
  if (classes.sarl.has(cls)) return Category.SARL;
  if (classes.advances.has(cls)) return Category.ADVANCE;
  if (classes.entities.has(cls)) return Category.ENTITY;
  if (classes.securities.has(cls)) return Category.SECURITY;
  if (classes.debt.has(cls)) return Category.DEBT;
  return Category.OTHER;
}

/** What each value the sort needs decides (the diagnostics' facts). */
const PARAGRAPH: NeedWhy = { purpose: "paragraph", article: "L. 214-28" };
const SMALL_CAP_MARKET: NeedWhy = {
  purpose: "small-cap-market",
  article: ART_III_1,
};
const LOOK_THROUGH: NeedWhy = {
  purpose: "look-through",
  article: "L. 214-28 II 2°",
};

const NOT_A_QUOTA_ASSET = new Map<AssetClass, Bucket>();
/** One shared outcome per asset class (cash, fund units…): the same reason for every such row. */
function notAQuotaAsset(cls: AssetClass): Bucket {
  let b = NOT_A_QUOTA_ASSET.get(cls);
  if (!b) {
    const facts = { assetClass: cls, article: "L. 214-28 I à IV" };
    b = out(why("not-a-quota-asset", facts), ART_I);
    NOT_A_QUOTA_ASSET.set(cls, b);
  }
  return b;
}

/** III 1°: an EU/EEA market and a market capitalisation "inférieure à 150 millions d'euros". */
export function smallCapTest(p: Position, asOf: string): SmallCapTest {
  const h = p.holding;
  const kind = smallCapKind(h, asOf);
  if (kind === "yes") return SMALL_CAP;
  if (kind !== "no") return needForIII1(kind, asOf);
  const no = (facts: ReasonFacts["not-small-cap"]): SmallCapTest => ({
    ok: false,
    facts,
  });
  const country = h.listingCountry!;
  if (!isEuEeaOn(country, asOf))
    return no({ test: "outside-eea", country, article: ART_III_1 });
  const limit = smallCapLimit(asOf);
  const [marketCap, limitText] = [h.marketCap!, limit].map(formatAmount);
  return no({
    test: "market-cap",
    marketCap,
    limit: limitText,
    article: ART_III_1,
  });
}

const SMALL_CAP: SmallCapTest = Object.freeze({ ok: true });

/** III 1° without its facts (nothing allocated): met, not met, or the column it needs. */
function smallCapKind(
  h: Holding,
  asOf: string,
): "yes" | "no" | "listingCountry" | "marketCap" {
  const country = h.listingCountry;
  if (country === undefined) return "listingCountry";
  if (!isEuEeaOn(country, asOf)) return "no";
  const marketCap = h.marketCap;
  if (marketCap === undefined) return "marketCap";
  return marketCap < smallCapLimit(asOf) ? "yes" : "no";
}

function needForIII1(
  column: "listingCountry" | "marketCap",
  asOf: string,
): Extract<SmallCapTest, { ok: "unknown" }> {
  const why: NeedWhy =
    column === "listingCountry"
      ? SMALL_CAP_MARKET
      : {
          purpose: "small-cap-size",
          article: ART_III_1,
          threshold: formatAmount(smallCapLimit(asOf)),
        };
  return { ok: "unknown", column, why };
}

function addToBucket(
  tally: Sorted,
  p: Position,
  contribution: Omit<Contribution, "amount">,
): void {
  const read = tally.bucket.take(p, contribution);
  const cls = p.holding.assetClass;
  if (read && cls && tally.receivables.has(cls))
    tally.bucketReceivables += p.amount!;
}

/**
 * IV: securities admitted to trading after purchase count for five years from admission,
 * unless they met III at admission and the 20 % limit holds with them, in which case they
 * join the bucket with no time limit. Issuers are taken in order of admission.
 */
function allocateListedAfterPurchase(
  ctx: FundContext,
  tally: Sorted,
  held: Position[],
  /** Indices into held of the positions listed after purchase, in the rows' order. */
  listed: number[],
  cap20: Amount | undefined,
): void {
  // Each issuer's positions (indices into held), issuers in the order of their first row.
  const byIssuer = new Map<string, number[]>();
  for (const i of listed) {
    const h = held[i].holding;
    const key = h.issuerId ?? `row ${h.row}`;
    const group = byIssuer.get(key);
    if (group) group.push(i);
    else byIssuer.set(key, [i]);
  }
  // Issuers in order of their first admission, then of their first row: the same order whatever the rows' order.
  const keyed: { group: number[]; first: string; row: number }[] = [];
  for (const group of byIssuer.values()) {
    let { listingDate: first, row } = held[group[0]].holding;
    for (let k = 1; k < group.length; k++) {
      const h = held[group[k]].holding;
      if (h.listingDate! < first!) first = h.listingDate;
      if (h.row < row) row = h.row;
    }
    keyed.push({ group, first: first!, row });
  }
  keyed.sort((a, b) =>
    a.first < b.first ? -1 : a.first > b.first ? 1 : a.row - b.row,
  );
  const { asOf } = ctx;
  let years: number | undefined;
  // Many positions share a listing date: each grace end is computed once.
  const graceEnds = new Map<string, string>();

  for (const { group } of keyed) {
    let meetsIII = true;
    let unknown: Extract<SmallCapTest, { ok: "unknown" }> | undefined;
    for (const i of group) {
      const kind = smallCapKind(held[i].holding, asOf);
      if (kind === "yes") continue;
      meetsIII = false;
      if (kind !== "no") unknown ??= needForIII1(kind, asOf);
    }
    // The issuer's sum in millionths as numbers where the positions give them (no BigInt per row).
    const sum = new ExactSum();
    let unreadable = false;
    for (const i of group) {
      const p = held[i];
      const x = p.millionths;
      if (x === x) sum.addMillionths(x);
      else {
        const amount = ctx.amountOf(p);
        if (amount === undefined) unreadable = true;
        else sum.addBig(amount);
      }
    }
    // Bucket or five years: either way the issuer's unknowns reach both, and the quota.
    if (unreadable) unknownIn(tally.bucket, tally.listed);
    const groupSum = sum.value();
    if (unknown) {
      for (const i of group)
        ctx.needHolding(held[i].holding, unknown.column, unknown.why);
      unknownIn(tally.bucket, tally.listed);
    }
    const fits =
      meetsIII && cap20 !== undefined && tally.bucket.total + groupSum <= cap20;
    for (const i of group) {
      const p = held[i];
      const listingDate = p.holding.listingDate as string;
      if (fits) {
        if (!tally.bucket.plusPosition(p) || !ctx.explained(p)) continue;
        const explain = why("counted-listed-in-bucket", {
          listingDate,
          threshold: tally.cap20Text,
          article: ART_IV,
        });
        count(
          ctx,
          p,
          { rule: tally.prof.bucket.id, article: ART_IV, explain },
          p.amount!,
        );
        continue;
      }
      let graceEnd = graceEnds.get(listingDate);
      if (graceEnd === undefined) {
        years ??= requireVersion(L214_28.listedYears, asOf).value;
        graceEnd = addYears(listingDate, years);
        graceEnds.set(listingDate, graceEnd);
      }
      const explained = ctx.explained(p);
      if (explained) p.outcome.graceEndsOn = graceEnd;
      const [rule, article] = [tally.prof.quota.id, ART_IV];
      if (asOf > graceEnd) {
        if (!explained) continue;
        const facts = { listingDate, graceEnd, article, bucketFull: meetsIII };
        ctx.leaveOut(p, rule, why("five-years-ended", facts));
        continue;
      }
      tally.inQuota[i] = 1;
      tally.grace.add(graceEnd);
      if (!tally.direct.plusPosition(p)) continue;
      tally.listed.plusPosition(p);
      if (!explained) continue;
      const explain = why("counted-grace", { listingDate, graceEnd, article });
      count(ctx, p, { rule, article, explain }, p.amount!);
    }
  }
}

/** Issuers whose securities the fund counts in I (directly or within the five years of IV). */
function issuersCountedInI(
  issuerOf: (string | undefined)[],
  sorts: Uint8Array,
  inQuota: Uint8Array,
): Map<string, boolean> {
  const wanted = issuersOfAdvances(issuerOf, sorts);
  // Made before the loop, in a function of its own: V8 compiles the loop on the stack (OSR) on
  // each call, and a Map first made after it deoptimised that code on every check.
  const issuers = new Map<string, boolean>();
  let lastKey: string | undefined;
  let lastWanted = false;
  for (let i = 0; i < issuerOf.length; i++) {
    if (sorts[i] !== Sort.SECURITY) continue;
    const key = issuerOf[i];
    if (key === undefined) continue;
    // An issuer's rows are often adjacent: the set is asked once per run of them.
    if (key !== lastKey) {
      lastKey = key;
      lastWanted = wanted.has(key);
    }
    if (!lastWanted) continue;
    if (inQuota[i] === 1) issuers.set(key, true);
    else if (!issuers.has(key)) issuers.set(key, false);
  }
  return issuers;
}

/** Only the issuers that receive advances matter; their advances, entity rights and unsorted rows say nothing. */
function issuersOfAdvances(
  issuerOf: (string | undefined)[],
  sorts: Uint8Array,
): Set<string | undefined> {
  const wanted = new Set<string | undefined>();
  for (let i = 0; i < issuerOf.length; i++)
    if (sorts[i] === Sort.ADVANCE) wanted.add(issuerOf[i]);
  return wanted;
}

/**
 * II 1°: advances are allowed only to companies in which the fund holds at least 5 % of the
 * capital, and count toward the quota only when those companies meet the conditions of I.
 */
function countAdvance(
  ctx: FundContext,
  tally: Sorted,
  p: Position,
  issuerInQuota: Map<string, boolean>,
): void {
  const h = p.holding;
  const { prof } = tally;
  const article = prof.advanceArticle;
  const { gate } = gateAdvance(ctx, p, {
    quotaId: prof.quota.id,
    advancesId: prof.advances.id,
    article,
    gate: tally.advanceGate,
    log: tally.gate,
  });
  if (gate.kind === "unknown") return;
  const { issuer } = gate;
  const facts = { issuer, article };
  if (gate.kind === "refused")
    return void ctx.leaveOut(p, prof.advances.id, why("advance-gate", facts));
  const eligible =
    h.issuerId !== undefined && issuerInQuota.has(h.issuerId)
      ? issuerInQuota.get(h.issuerId)
      : (h.listingStatus ?? "UNLISTED") === "UNLISTED";
  const test = "advance" as const;
  if (!eligible)
    return void ctx.leaveOut(
      p,
      prof.quota.id,
      why("issuer-not-eligible", { test, ...facts }),
    );
  const quotaId = prof.quota.id;
  countAdvanceInQuota(ctx, p, tally.qualifying, { quotaId, article }, gate);
}

/** II 2°: rights in an OECD entity count "qu'à concurrence du pourcentage d'investissement direct" in eligible companies. */
function countEntityRights(ctx: FundContext, tally: Sorted, p: Position): void {
  const h = p.holding;
  const { quota, entityArticle: article, entityOecdRequired } = tally.prof;
  const rule = quota.id;
  const facts = { article };
  if (entityOecdRequired && !h.entityOecd)
    return void ctx.leaveOut(p, rule, why("entity-not-oecd", facts));
  const share = h.lookThroughPct;
  if (share === undefined) {
    tally.entities.unknown(h, "lookThroughPct", LOOK_THROUGH);
    return void ctx.leaveOut(p, rule, why("look-through-unknown", facts));
  }
  const amount = ctx.amountOf(p);
  if (amount === undefined) return tally.entities.unknown();
  const counted = scaleAmount(amount, share);
  tally.entities.plus(counted);
  // Built only when the report shows positions: a look-through reason per row is not free at 100,000 rows.
  const explain = ctx.explained(p)
    ? why("counted-entity-look-through", {
        share: share.toString(),
        amount: formatAmount(amount),
        article,
      })
    : undefined;
  count(ctx, p, { rule, article, explain }, counted);
}

/** XII: "instruments financiers liquides tels que définis par décret" are the rows marked LIQUID_INSTRUMENT. */
function liquidLabelRule(ctx: FundContext): RuleResult {
  const liquid = new Tally(ctx);
  const classes = listAt(L214_28.liquidInstruments, ctx.asOf);
  const article = "L. 214-28 XII";
  for (const p of ctx.heldPositions()) {
    const cls = p.holding.assetClass;
    if (cls && classes.has(cls))
      liquid.take(p, {
        rule: FCPR_LIQ5.id,
        article,
        explain: why("counted-liquid", { article }),
      });
  }
  return compare(ctx, FCPR_LIQ5, {
    threshold: ratioAt(L214_28.liquidLabel, ctx.asOf),
    numerator: liquid,
  });
}

function results(
  ctx: FundContext,
  t: Sorted,
  window: QuotaWindow | undefined,
): RuleResult[] {
  const { bucketCounted, advancesCounted, aboveLimit, noteReasons } =
    cappedSums(ctx, t.bucket.total, t.qualifying.total, t.bucketReceivables);
  const { quota, advances, bucket, listed, advanceGate, advanceArticle } =
    t.prof;
  const cap = t.prof.advanceCap;
  const advancesRetained = cap
    ? cap.retain(advancesCounted, noteReasons)
    : advancesCounted;
  const q50 = compare(ctx, quota, {
    threshold:
      ctx.fund.quotaThreshold ?? ratioAt(t.prof.defaultThreshold, ctx.asOf),
    numerator: made(
      t.direct.total + bucketCounted + advancesRetained + t.entities.total,
      t.direct,
      t.bucket,
      t.gate.advances,
      t.entities,
      cap?.measure ?? t.gate.advances,
      { total: 0n, complete: window !== undefined },
    ),
    binding: quotaBinds(ctx, window, noteReasons),
    reasons: noteReasons,
  });
  return [
    q50,
    advancesRule(
      ctx,
      advances,
      t.gate,
      ratioAt(advanceGate, ctx.asOf),
      advanceArticle,
    ),
    ...(cap ? [cap.result()] : []),
    // Only the part above 20 % is "above the 20 % limit"; receivables above their own limit are noted on the quota.
    bucketRule(ctx, bucket, t.bucket, bucketCounted + aboveLimit),
    listedRule(ctx, listed, t.listed, t.grace, { article: ART_IV }),
  ];
}
