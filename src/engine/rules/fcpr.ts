import {
  type Amount,
  amountFromDecimal,
  formatAmount,
  scaleAmount,
  ZERO,
} from "../amount";
import { addYears } from "../dates";
import { isEuEea } from "../eu-eea";
import {
  L214_28,
  type RatioParameter,
  ratioAt,
  requireVersion,
} from "../../law";
import type { FundContext, Position } from "../fund-context";
import type { AssetClass } from "../model";
import { isWithin, quotaWindow } from "../quota-window";
import { eurText, evaluateRatio, percentText } from "../ratio";
import { type Reason, type ReasonFacts, reason as why } from "../reasons";
import type {
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
  cappedSums,
  gateAdvance,
  listedRule,
  newGateLog,
} from "./l214-28-limits";

const ART_I = "L. 214-28 I";
const ART_III_1 = "L. 214-28 III 1°";
const ART_III_2 = "L. 214-28 III 2°";
const ART_IV = "L. 214-28 IV";

/** III 1°: "capitalisation boursière … inférieure à 150 millions d'euros" (strictly below), as an amount. */
let smallCap: { asOf: string; limit: Amount } | undefined;
const smallCapLimit = (asOf: string): Amount =>
  smallCap?.asOf === asOf
    ? smallCap.limit
    : (smallCap = {
        asOf,
        limit: amountFromDecimal(ratioAt(L214_28.smallCapLimit, asOf)),
      }).limit;

/** I: "titres associatifs, titres participatifs, titres de capital … ou donnant accès au capital"; convertibles by the contract's convention. */
export const I_SECURITIES: ReadonlySet<AssetClass> = new Set([
  "TITRE_ASSOCIATIF",
  "TITRE_PARTICIPATIF",
  "EQUITY",
  "EQUITY_ACCESS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
]);
/** III 1°: "titres de capital, ou donnant accès au capital" only. */
export const CAPITAL_OR_ACCESS: ReadonlySet<AssetClass> = new Set([
  "EQUITY",
  "EQUITY_ACCESS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
]);
/** III 2°: "titres de créance … ou des créances sur ces entités". */
export const III_2_DEBT: ReadonlySet<AssetClass> = new Set([
  "OTHER_DEBT",
  "RECEIVABLE",
]);

/** The paragraphs a position can be sorted into; shared objects, so sorting 100,000 rows allocates nothing. */
const SORTED = {
  I: { kind: "I" },
  III1: { kind: "III1" },
  III2: { kind: "III2" },
  IV: { kind: "IV" },
  ADVANCE: { kind: "ADVANCE" },
  ENTITY: { kind: "ENTITY" },
} as const;

type Bucket =
  | { kind: "I" }
  | { kind: "III1" }
  | { kind: "III2" }
  | { kind: "IV" }
  | { kind: "ADVANCE" }
  | { kind: "ENTITY" }
  | {
      kind: "OUT";
      reason: string;
      article: string;
      code: ExclusionCode;
      facts?: ReasonFacts[ExclusionCode];
    }
  | { kind: "UNKNOWN"; column: string; message: string };

export type SmallCapTest =
  | { ok: true }
  | { ok: false; reason: string; facts?: ReasonFacts["not-small-cap"] }
  | { ok: "unknown"; column: string; message: string };

/** What the FCPR rules of L. 214-28 computed for one fund. FCPI and FIP reuse the same sorting of assets. */
export interface FcprEvaluation {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
}

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
}

export const FCPR_PROFILE: L21428Profile = {
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

/** Per-fund tallies of the sort of positions into the paragraphs of L. 214-28. */
class Tally {
  constructor(readonly prof: L21428Profile) {}
  /** Securities counted in I, directly or within the five years of IV. */
  readonly inQuota = new Set<Position>();

  direct = ZERO; // I, and IV within five years
  listedWithin5y = ZERO;
  bucket = ZERO; // III 1°, III 2° and IV securities placed in the 20 % bucket
  bucketReceivables = ZERO; // the receivables among them (FPCI holding limit)
  advancesAll = ZERO;
  advancesQualifying = ZERO;
  entityLookThrough = ZERO;
  liquid = ZERO;
  q50Complete = true;
  b20Complete = true;
  ccaComplete = true;
  liqComplete = true;
  l5yComplete = true;
  gate = newGateLog();
  listedCount = 0;
  earliestGraceEnd?: string;
}

export function evaluateFcpr(ctx: FundContext): FcprEvaluation {
  const evaluation = evaluateL21428(ctx, FCPR_PROFILE);
  if (ctx.fund.liquidLabel) evaluation.rules.push(liquidLabelRule(ctx));
  return evaluation;
}

/** The quota of L. 214-28 I with its II, III, IV and V, for any fund that applies it. */
export function evaluateL21428(
  ctx: FundContext,
  prof: L21428Profile,
): FcprEvaluation {
  const tally = new Tally(prof);
  const held = ctx.heldPositions();
  const sorted = held.map((p) => sortIntoParagraph(ctx, p));
  const cap20 = capOf(ctx, CAP_20(ctx.asOf));

  // Securities first: the 20 % bucket fills with III 1° and III 2° items, then with IV items while it stays within 20 %.
  const listedAfter: Position[] = [];
  let advances = false;
  for (let i = 0; i < held.length; i++) {
    const p = held[i];
    const b = sorted[i];
    if (b.kind === "I") {
      tally.inQuota.add(p);
      countDirect(
        ctx,
        tally,
        p,
        ART_I,
        "unlisted security or SARL parts",
        why("counted-unlisted", { article: ART_I }),
      );
    } else if (b.kind === "III1" || b.kind === "III2")
      addToBucket(ctx, tally, p, b.kind === "III1" ? ART_III_1 : ART_III_2);
    else if (b.kind === "IV") listedAfter.push(p);
    else if (b.kind === "ADVANCE") advances = true;
    else if (b.kind === "OUT")
      ctx.exclude(p, {
        rule: prof.quota.id,
        reason: b.reason,
        article: b.article,
        code: b.code,
        facts: b.facts,
      });
    else if (b.kind === "UNKNOWN") {
      ctx.needHolding(p.holding, b.column, b.message);
      ctx.exclude(p, {
        rule: prof.quota.id,
        reason: `cannot be classified: ${b.message}`,
        code: "unclassified",
        facts: { column: b.column },
      });
      tally.q50Complete = false;
      tally.b20Complete = false;
      tally.l5yComplete = false;
    }
  }
  allocateListedAfterPurchase(ctx, tally, listedAfter, cap20);
  const issuerInQuota = advances
    ? issuersCountedInI(held, sorted, tally.inQuota)
    : new Map<string, boolean>();
  for (let i = 0; i < held.length; i++) {
    const kind = sorted[i].kind;
    if (kind === "ADVANCE") countAdvance(ctx, tally, held[i], issuerInQuota);
    else if (kind === "ENTITY") countEntityRights(ctx, tally, held[i]);
  }

  const window = quotaWindow(ctx);
  return { rules: results(ctx, tally, window), quotaWindow: window };
}

/** Sorts a held position into the paragraph of L. 214-28 that can take it. */
function sortIntoParagraph(ctx: FundContext, p: Position): Bucket {
  const h = p.holding;
  const cls = h.assetClass;
  if (cls === undefined)
    return {
      kind: "UNKNOWN",
      column: "assetClass",
      message:
        "assetClass is needed to place the position in a paragraph of L. 214-28.",
    };
  if (cls === "SARL_PARTS") return SORTED.I;
  if (cls === "CURRENT_ACCOUNT_ADVANCE") return SORTED.ADVANCE;
  if (cls === "ENTITY_RIGHTS") return SORTED.ENTITY;
  const listing = h.listingStatus ?? "UNLISTED";
  if (I_SECURITIES.has(cls)) {
    if (listing === "UNLISTED") return SORTED.I;
    if (
      h.listingDate !== undefined &&
      (h.investmentDate === undefined || h.investmentDate < h.listingDate)
    ) {
      // Admitted after the as-of date: on that date the security was still unlisted.
      return h.listingDate > ctx.asOf ? SORTED.I : SORTED.IV;
    }
    if (!CAPITAL_OR_ACCESS.has(cls)) {
      return {
        kind: "OUT",
        article: ART_III_1,
        code: "listed-when-bought",
        facts: { assetClass: cls, article: ART_III_1 },
        reason: `${cls} admitted to trading when bought: I requires securities not admitted to trading, and III 1° covers only equity or securities giving access to equity.`,
      };
    }
    const test = smallCapTest(p, ctx.asOf);
    if (test.ok === true) return SORTED.III1;
    if (test.ok === false)
      return {
        kind: "OUT",
        article: ART_III_1,
        reason: test.reason,
        code: "not-small-cap",
        facts: test.facts,
      };
    return { kind: "UNKNOWN", column: test.column, message: test.message };
  }
  if (III_2_DEBT.has(cls)) {
    if (listing === "UNLISTED") return SORTED.III2;
    return {
      kind: "OUT",
      article: ART_III_2,
      code: "listed-debt",
      facts: { article: ART_III_2 },
      reason:
        "debt of a company whose equity is admitted to trading: III 2° takes only debt of unlisted companies.",
    };
  }
  return notAQuotaAsset(cls);
}

const NOT_A_QUOTA_ASSET = new Map<AssetClass, Bucket>();
/** One shared outcome per asset class (cash, fund units…): the same reason for every such row. */
function notAQuotaAsset(cls: AssetClass): Bucket {
  let b = NOT_A_QUOTA_ASSET.get(cls);
  if (!b) {
    b = {
      kind: "OUT",
      article: ART_I,
      code: "not-a-quota-asset",
      facts: { assetClass: cls, article: "L. 214-28 I à IV" },
      reason: `${cls} is not among the assets that L. 214-28 I to IV count toward the quota.`,
    };
    NOT_A_QUOTA_ASSET.set(cls, b);
  }
  return b;
}

/** III 1°: an EU/EEA market and a market capitalisation "inférieure à 150 millions d'euros". */
export function smallCapTest(p: Position, asOf: string): SmallCapTest {
  const h = p.holding;
  if (h.listingCountry === undefined)
    return {
      ok: "unknown",
      column: "listingCountry",
      message:
        "listingCountry is needed to test III 1° (a market of the EU or the EEA).",
    };
  if (!isEuEea(h.listingCountry, asOf))
    return {
      ok: false,
      reason: `listed on a market in ${h.listingCountry}, outside the EU and the EEA (III 1°).`,
      facts: {
        test: "outside-eea",
        country: h.listingCountry,
        article: "L. 214-28 III 1°",
      },
    };
  if (h.marketCap === undefined)
    return {
      ok: "unknown",
      column: "marketCap",
      message:
        "marketCap is needed to test III 1° (capitalisation below 150 million euros).",
    };
  if (h.marketCap >= smallCapLimit(asOf)) {
    return {
      ok: false,
      reason: `market capitalisation ${eurText(h.marketCap)} is not below 150 million euros (III 1° requires "inférieure à 150 millions d'euros").`,
      facts: {
        test: "market-cap",
        marketCap: formatAmount(h.marketCap),
        limit: formatAmount(smallCapLimit(asOf)),
        article: "L. 214-28 III 1°",
      },
    };
  }
  return { ok: true };
}

function countDirect(
  ctx: FundContext,
  tally: Tally,
  p: Position,
  article: string,
  note: string,
  explain?: Reason,
): Amount | undefined {
  const amount = ctx.amountOf(p);
  if (amount === undefined) {
    tally.q50Complete = false;
    return undefined;
  }
  tally.direct += amount;
  ctx.count(p, { rule: tally.prof.quota.id, article, note, explain }, amount);
  return amount;
}

function addToBucket(
  ctx: FundContext,
  tally: Tally,
  p: Position,
  article: string,
): void {
  const amount = ctx.amountOf(p);
  if (amount === undefined) {
    tally.q50Complete = false;
    tally.b20Complete = false;
    return;
  }
  tally.bucket += amount;
  if (p.holding.assetClass === "RECEIVABLE") tally.bucketReceivables += amount;
  ctx.count(
    p,
    {
      rule: tally.prof.bucket.id,
      article,
      note: "counted toward the quota within the 20 % limit of III",
      explain: why("counted-within-bucket", {
        threshold: CAP_20(ctx.asOf).toString(),
        article: "L. 214-28 III",
      }),
    },
    amount,
  );
}

/**
 * IV: securities admitted to trading after purchase count for five years from admission,
 * unless they met III at admission and the 20 % limit holds with them, in which case they
 * join the bucket with no time limit. Issuers are taken in order of admission.
 */
function allocateListedAfterPurchase(
  ctx: FundContext,
  tally: Tally,
  positions: Position[],
  cap20: Amount | undefined,
): void {
  const byIssuer = new Map<string, Position[]>();
  for (const p of positions) {
    const key = p.holding.issuerId ?? `row ${p.holding.row}`;
    const group = byIssuer.get(key);
    if (group) group.push(p);
    else byIssuer.set(key, [p]);
  }
  // Issuers in order of their first admission, then of their first row: the same order whatever the rows' order.
  const keyed = [...byIssuer.values()].map((group) => ({
    group,
    first: group.reduce(
      (d, p) =>
        (p.holding.listingDate ?? "") < d ? (p.holding.listingDate ?? "") : d,
      "9999-12-31",
    ),
    row: group.reduce((m, p) => Math.min(m, p.holding.row), Infinity),
  }));
  const groups = keyed
    .sort((a, b) =>
      a.first < b.first ? -1 : a.first > b.first ? 1 : a.row - b.row,
    )
    .map((k) => k.group);

  for (const group of groups) {
    const tests = group.map((p) => smallCapTest(p, ctx.asOf));
    const unknown = tests.find(
      (t): t is Extract<SmallCapTest, { ok: "unknown" }> => t.ok === "unknown",
    );
    const meetsIII = tests.every((t) => t.ok === true);
    const amounts = group.map((p) => ctx.amountOf(p));
    if (amounts.some((a) => a === undefined)) {
      tally.q50Complete = false;
      tally.b20Complete = false;
      tally.l5yComplete = false;
    }
    const groupSum = amounts.reduce<Amount>((s, a) => s + (a ?? ZERO), ZERO);
    if (unknown) {
      for (const p of group)
        ctx.needHolding(p.holding, unknown.column, unknown.message);
      tally.q50Complete = false;
      tally.b20Complete = false;
      tally.l5yComplete = false;
    }
    const fits =
      meetsIII && cap20 !== undefined && tally.bucket + groupSum <= cap20;
    group.forEach((p, i) => {
      const amount = amounts[i];
      const listingDate = p.holding.listingDate as string;
      if (fits) {
        if (amount === undefined) return;
        tally.bucket += amount;
        ctx.count(
          p,
          {
            rule: tally.prof.bucket.id,
            article: ART_IV,
            note: `admitted on ${listingDate} meeting III 1°; within the 20 % limit, so no five-year limit`,
            explain: why("counted-listed-in-bucket", {
              listingDate,
              threshold: CAP_20(ctx.asOf).toString(),
              article: ART_IV,
            }),
          },
          amount,
        );
        return;
      }
      const graceEnd = addYears(
        listingDate,
        requireVersion(L214_28.listedYears, ctx.asOf).value,
      );
      p.outcome.graceEndsOn = graceEnd;
      if (ctx.asOf <= graceEnd) {
        tally.inQuota.add(p);
        tally.listedCount += 1;
        if (
          tally.earliestGraceEnd === undefined ||
          graceEnd < tally.earliestGraceEnd
        )
          tally.earliestGraceEnd = graceEnd;
        if (amount === undefined) return;
        tally.direct += amount;
        tally.listedWithin5y += amount;
        ctx.count(
          p,
          {
            rule: tally.prof.quota.id,
            article: ART_IV,
            note: `admitted to trading on ${listingDate}; counts until ${graceEnd}`,
            explain: why("counted-grace", {
              listingDate,
              graceEnd,
              article: ART_IV,
            }),
          },
          amount,
        );
      } else {
        const why = meetsIII
          ? " (the 20 % limit of III could not take it)"
          : "";
        ctx.exclude(p, {
          rule: tally.prof.quota.id,
          article: ART_IV,
          reason: `admitted to trading on ${listingDate}: the five years of IV ended on ${graceEnd}${why}.`,
          code: "five-years-ended",
          facts: {
            listingDate,
            graceEnd,
            article: ART_IV,
            bucketFull: meetsIII,
          },
        });
      }
    });
  }
}

/** Issuers whose securities the fund counts in I (directly or within the five years of IV). */
function issuersCountedInI(
  held: Position[],
  sorted: Bucket[],
  inQuota: Set<Position>,
): Map<string, boolean> {
  // Only the issuers that receive advances matter.
  const wanted = new Set<string>();
  for (let i = 0; i < held.length; i++)
    if (sorted[i].kind === "ADVANCE" && held[i].holding.issuerId !== undefined)
      wanted.add(held[i].holding.issuerId as string);
  const issuers = new Map<string, boolean>();
  for (let i = 0; i < held.length; i++) {
    const id = held[i].holding.issuerId;
    const kind = sorted[i].kind;
    if (
      id === undefined ||
      !wanted.has(id) ||
      kind === "ADVANCE" ||
      kind === "ENTITY" ||
      kind === "UNKNOWN"
    )
      continue;
    issuers.set(id, (issuers.get(id) ?? false) || inQuota.has(held[i]));
  }
  return issuers;
}

/**
 * II 1°: advances are allowed only to companies in which the fund holds at least 5 % of the
 * capital, and count toward the quota only when those companies meet the conditions of I.
 */
function countAdvance(
  ctx: FundContext,
  tally: Tally,
  p: Position,
  issuerInQuota: Map<string, boolean>,
): void {
  const h = p.holding;
  const { prof } = tally;
  const { amount, gate } = gateAdvance(ctx, p, {
    quotaId: prof.quota.id,
    advancesId: prof.advances.id,
    article: prof.advanceArticle,
    gate: ratioAt(prof.advanceGate, ctx.asOf),
    log: tally.gate,
  });
  if (amount === undefined) {
    tally.ccaComplete = false;
    tally.q50Complete = false;
  } else tally.advancesAll += amount;
  if (gate.kind === "unknown") {
    tally.ccaComplete = false;
    tally.q50Complete = false;
    return;
  }
  if (gate.kind === "refused") {
    ctx.exclude(p, {
      rule: prof.advances.id,
      article: prof.advanceArticle,
      reason: "not an advance allowed by II 1°",
      code: "advance-gate",
      facts: { issuer: gate.issuer, article: prof.advanceArticle },
    });
    return;
  }
  const eligible =
    h.issuerId !== undefined && issuerInQuota.has(h.issuerId)
      ? issuerInQuota.get(h.issuerId)
      : (h.listingStatus ?? "UNLISTED") === "UNLISTED";
  if (!eligible) {
    ctx.exclude(p, {
      rule: prof.quota.id,
      article: prof.advanceArticle,
      reason: `advance to ${gate.issuer}, whose securities do not count in the quota of I: II 1° counts advances only to companies that meet its conditions.`,
      code: "issuer-not-eligible",
      facts: {
        test: "advance",
        issuer: gate.issuer,
        article: prof.advanceArticle,
      },
    });
    return;
  }
  if (amount === undefined) return;
  tally.advancesQualifying += amount;
  ctx.count(
    p,
    {
      rule: prof.quota.id,
      article: prof.advanceArticle,
      note: ctx.explain
        ? `the fund holds ${percentText(gate.ownership)} of ${gate.issuer}`
        : undefined,
      explain: ctx.explain
        ? why("counted-advance", {
            issuer: gate.issuer,
            ownership: gate.ownership.toString(),
            article: prof.advanceArticle,
          })
        : undefined,
    },
    amount,
  );
}

/** II 2°: rights in an OECD entity count "qu'à concurrence du pourcentage d'investissement direct" in eligible companies. */
function countEntityRights(ctx: FundContext, tally: Tally, p: Position): void {
  const h = p.holding;
  if (tally.prof.entityOecdRequired && !h.entityOecd) {
    ctx.exclude(p, {
      rule: tally.prof.quota.id,
      article: tally.prof.entityArticle,
      reason:
        "the entity is not shown as constituted in an OECD member state (entityOecd), which II 2° requires.",
      code: "entity-not-oecd",
      facts: { article: tally.prof.entityArticle },
    });
    return;
  }
  if (h.lookThroughPct === undefined) {
    ctx.needHolding(
      h,
      "lookThroughPct",
      "lookThroughPct is needed: entity rights count only up to the entity's direct investment in eligible companies (L. 214-28 II 2°).",
    );
    ctx.exclude(p, {
      rule: tally.prof.quota.id,
      article: tally.prof.entityArticle,
      reason: "the entity's look-through percentage is unknown.",
      code: "look-through-unknown",
      facts: { article: tally.prof.entityArticle },
    });
    tally.q50Complete = false;
    return;
  }
  const amount = ctx.amountOf(p);
  if (amount === undefined) {
    tally.q50Complete = false;
    return;
  }
  const counted = scaleAmount(amount, h.lookThroughPct);
  tally.entityLookThrough += counted;
  ctx.count(
    p,
    {
      rule: tally.prof.quota.id,
      article: tally.prof.entityArticle,
      note: ctx.explain
        ? `${percentText(h.lookThroughPct)} of ${eurText(amount)}, the entity's direct investment in eligible companies`
        : undefined,
      explain: ctx.explain
        ? why("counted-entity-look-through", {
            share: h.lookThroughPct.toString(),
            amount: formatAmount(amount),
            article: tally.prof.entityArticle,
          })
        : undefined,
    },
    counted,
  );
}

/** XII: "instruments financiers liquides tels que définis par décret" are the rows marked LIQUID_INSTRUMENT. */
function liquidLabelRule(ctx: FundContext): RuleResult {
  let liquid = ZERO;
  let complete = ctx.denominatorComplete;
  for (const p of ctx.heldPositions()) {
    if (p.holding.assetClass !== "LIQUID_INSTRUMENT") continue;
    const amount = ctx.amountOf(p);
    if (amount === undefined) {
      complete = false;
      continue;
    }
    liquid += amount;
    ctx.count(
      p,
      {
        rule: FCPR_LIQ5.id,
        article: "L. 214-28 XII",
        note: "liquid financial instrument",
        explain: why("counted-liquid", { article: "L. 214-28 XII" }),
      },
      amount,
    );
  }
  return evaluateRatio({
    rule: FCPR_LIQ5,
    threshold: ratioAt(L214_28.liquidLabel, ctx.asOf),
    numerator: liquid,
    denominator: ctx.denominator,
    binding: true,
    complete,
    warningMargin: ctx.warningMargin,
  });
}

function results(
  ctx: FundContext,
  t: Tally,
  window: QuotaWindow | undefined,
): RuleResult[] {
  const denomOk = ctx.denominatorComplete;
  const { bucketCounted, advancesCounted, notes, aboveLimit, noteReasons } =
    cappedSums(ctx, t.bucket, t.advancesQualifying, t.bucketReceivables);
  const numerator =
    t.direct + bucketCounted + advancesCounted + t.entityLookThrough;
  const binding = window !== undefined && isWithin(window, ctx.asOf);
  if (window !== undefined && !binding) {
    notes.push(
      `The quota binds from ${window.from} to ${window.until} (L. 214-28 V).`,
    );
    noteReasons.push(
      why("quota-window", {
        from: window.from,
        until: window.until,
        article: "L. 214-28 V",
      }),
    );
  }

  const q50 = evaluateRatio({
    rule: t.prof.quota,
    threshold:
      ctx.fund.quotaThreshold ?? ratioAt(t.prof.defaultThreshold, ctx.asOf),
    numerator,
    denominator: ctx.denominator,
    warningMargin: ctx.warningMargin,
    binding,
    complete: t.q50Complete && denomOk && window !== undefined,
    message: notes.join(" ") || undefined,
    reasons: noteReasons,
  });
  const cca = advancesRule(
    ctx,
    t.prof.advances,
    t.advancesAll,
    t.ccaComplete,
    t.gate,
    ratioAt(t.prof.advanceGate, ctx.asOf),
    t.prof.advanceArticle,
  );
  const b20 = bucketRule(
    ctx,
    t.prof.bucket,
    t.bucket,
    // Only the part above 20 % is "above the 20 % limit"; receivables above their own limit are noted on the quota.
    bucketCounted + aboveLimit,
    t.b20Complete,
  );
  const l5y = listedRule(
    ctx,
    t.prof.listed,
    t.listedWithin5y,
    t.l5yComplete,
    t.listedCount
      ? `${t.listedCount} position(s) admitted to trading after purchase count toward the quota; the first five-year period ends on ${t.earliestGraceEnd}.`
      : "No position counts under the five years of IV.",
    [
      t.listedCount
        ? why("grace-positions", {
            count: t.listedCount,
            firstEnd: t.earliestGraceEnd!,
            article: ART_IV,
          })
        : why("no-grace-position", { article: ART_IV }),
    ],
  );
  return [q50, cca, b20, l5y];
}
