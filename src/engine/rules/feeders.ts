import { type Amount, formatAmount, ZERO } from "../amount";
import {
  type Breaker,
  limitCondition,
  positionsCondition,
  withConditions,
} from "../conditions";
import { Dec } from "../decimal";
import { FEEDERS, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import { eurText, evaluateRatio, percentText } from "../ratio";
import { type Reason, type ReasonFacts, reason as because } from "../reasons";
import type { QuotaWindow, RuleDefinition, RuleResult } from "../result";

export const OPCVM_FEED85: RuleDefinition = {
  id: "OPCVM-FEED85",
  article: "L. 214-22 I",
  direction: "min",
  operator: ">=",
  wording:
    "au moins 85 % de son actif est investi en actions ou parts d'un même OPCVM, ou d'un compartiment de celui-ci, dit maître",
  title: {
    en: "At least 85 % in one master",
    fr: "85 % au moins dans un même maître",
  },
};

export const OPCVM_FEED15: RuleDefinition = {
  id: "OPCVM-FEED15",
  article: "L. 214-22 I 1° à 3°",
  direction: "max",
  operator: "<=",
  wording:
    "Un OPCVM nourricier peut investir jusqu'à 15 % de son actif dans les éléments suivants : 1° Des liquidités à titre accessoire ; 2° Des contrats financiers […] uniquement à des fins de couverture ; 3° Les biens meubles et immeubles nécessaires à l'exercice direct de son activité, lorsque cet OPCVM nourricier est une SICAV.",
  title: {
    en: "At most 15 % elsewhere, only accessory cash, hedging contracts and a SICAV's premises",
    fr: "15 % au plus ailleurs : liquidités accessoires, couverture, biens d'exploitation d'une SICAV",
  },
};

export const FIVG_FEED: RuleDefinition = {
  id: "FIVG-FEED",
  article: "L. 214-24-57",
  direction: "max",
  operator: "<=",
  wording:
    'son actif est investi en totalité en actions ou parts d\'un seul FIA, dit " FIA maître ", ou d\'un seul OPCVM dit " OPCVM maître ", et, à titre accessoire, en liquidités',
  title: {
    en: "Wholly in one master, with accessory cash only",
    fr: "En totalité dans un seul maître, liquidités à titre accessoire",
  },
};

export const FIA_FEED85: RuleDefinition = {
  id: "FIA-FEED85",
  article: "L. 214-24 IV 1°",
  direction: "info",
  operator: ">=",
  wording:
    "investi à hauteur d'au moins 85 % de son actif dans les parts ou actions d'un FIA maître",
  title: {
    en: "Feeder AIF within the meaning of Directive 2011/61/EU (classification)",
    fr: "FIA nourricier au sens de la directive 2011/61/UE (qualification)",
  },
};

/** The two conditions of L. 214-22 I for what a feeder holds besides its master. */
const FEED15_LIMIT = {
  id: "limit-15",
  article: "L. 214-22 I",
  wording:
    "Un OPCVM nourricier peut investir jusqu'à 15 % de son actif dans les éléments suivants",
  title: {
    en: "At most 15 % of the asset besides the master",
    fr: "15 % au plus de l'actif en dehors du maître",
  },
};
const FEED15_LIST = {
  id: "closed-list",
  article: "L. 214-22 I 1° à 3°",
  wording:
    "1° Des liquidités à titre accessoire ; 2° Des contrats financiers […] uniquement à des fins de couverture ; 3° Les biens meubles et immeubles nécessaires à l'exercice direct de son activité, lorsque cet OPCVM nourricier est une SICAV.",
  title: {
    en: "Besides the master, only accessory cash, hedging contracts and a SICAV's premises",
    fr: "En dehors du maître, uniquement des liquidités accessoires, des contrats de couverture et les biens d'exploitation d'une SICAV",
  },
};
const FIVG_LIST = {
  id: "closed-list",
  article: "L. 214-24-57",
  wording: FIVG_FEED.wording,
  title: FIVG_FEED.title,
};

// The thresholds of L. 214-22, L. 214-24 IV and L. 214-24-57 are in src/law/l214-22.ts.

interface Masters {
  /** The master whose units weigh most, and their total. */
  master?: string;
  masterTotal: Amount;
  masterPositions: Set<Position>;
  complete: boolean;
}

/** Units of each master (FUND_UNITS with a masterId), the largest taken as the fund's master. */
function largestMaster(ctx: FundContext): Masters {
  const totals = new Map<string, { total: Amount; positions: Position[] }>();
  let complete = ctx.denominatorComplete;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.assetClass === "FUND_UNITS" && h.invalid.has("masterId")) {
      // Unreadable, not blank: these units may be the master's.
      ctx.needHolding(
        h,
        "masterId",
        "masterId is needed to know whose units these are.",
      );
      complete = false;
    }
    if (h.assetClass !== "FUND_UNITS" || h.masterId === undefined) continue;
    const amount = ctx.amountOf(p);
    if (amount === undefined) {
      complete = false;
      continue;
    }
    const entry = totals.get(h.masterId) ?? { total: ZERO, positions: [] };
    entry.total += amount;
    entry.positions.push(p);
    totals.set(h.masterId, entry);
  }
  let best: [string, { total: Amount; positions: Position[] }] | undefined;
  for (const e of totals)
    if (best === undefined || e[1].total > best[1].total) best = e;
  return {
    master: best?.[0],
    masterTotal: best?.[1].total ?? ZERO,
    masterPositions: new Set(best?.[1].positions ?? []),
    complete,
  };
}

/** Everything but the master's units, split into what the closed list allows and what it does not. */
function others(
  ctx: FundContext,
  m: Masters,
  rule: RuleDefinition,
  allowed: (p: Position) => Refusal | undefined,
) {
  let total = ZERO;
  let complete = m.complete;
  const refused: string[] = [];
  const refusedReasons: Reason[] = [];
  const breakers: Breaker[] = [];
  let refusedTotal = ZERO;
  for (const p of ctx.heldPositions()) {
    if (m.masterPositions.has(p)) continue;
    const amount = ctx.amountOf(p);
    if (amount === undefined) complete = false;
    else total += amount;
    const h = p.holding;
    const refusal = h.assetClass === undefined ? undefined : allowed(p);
    const why = refusal?.text;
    if (h.assetClass === undefined) {
      ctx.needHolding(
        h,
        "assetClass",
        "assetClass is needed: a feeder may hold only the assets its article lists.",
      );
      complete = false;
    } else if (why === undefined) {
      if (amount !== undefined)
        ctx.count(
          p,
          {
            rule: rule.id,
            article: rule.article,
            note: "allowed besides the master",
            explain: because("counted-beside-master", {
              article: rule.article,
            }),
          },
          amount,
        );
    } else {
      refused.push(`Line ${h.lineId} (row ${h.row}): ${why}`);
      refusedReasons.push(
        because("position-breaks", {
          lineId: h.lineId,
          row: h.row,
          cause: refusal!.why,
        }),
      );
      breakers.push({ position: p, amount, reason: why, why: refusal!.why });
      refusedTotal += amount ?? ZERO;
      ctx.exclude(p, {
        rule: rule.id,
        article: rule.article,
        reason: why,
        code: "not-allowed-asset",
        facts: refusal!.why.facts as ReasonFacts["not-allowed-asset"],
      });
    }
  }
  return { total, complete, refused, refusedReasons, refusedTotal, breakers };
}

/** Why a feeder may not hold a position: the English text and its code. */
interface Refusal {
  text: string;
  why: Reason & { code: "not-allowed-asset" };
}
const refusal = (
  text: string,
  facts: ReasonFacts["not-allowed-asset"],
): Refusal => ({
  text,
  why: because("not-allowed-asset", facts),
});

function unitsNote(m: Masters, p: Position, article: string): Refusal {
  const h = p.holding;
  if (h.masterId !== undefined)
    return refusal(
      `units of ${h.masterId}, a second master (the fund's master is ${m.master}).`,
      {
        test: "second-master",
        assetClass: "FUND_UNITS",
        unitsOf: h.masterId,
        master: m.master,
        article,
      },
    );
  return refusal("fund units that are not units of the master (no masterId).", {
    test: "no-master-id",
    assetClass: "FUND_UNITS",
    article,
  });
}

/** L. 214-22: at least 85 % in one master; the rest at most 15 %, and only of the three kinds listed. */
export function evaluateOpcvmFeeder(ctx: FundContext): {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
} {
  const m = largestMaster(ctx);
  for (const p of m.masterPositions)
    ctx.count(
      p,
      {
        rule: OPCVM_FEED85.id,
        article: OPCVM_FEED85.article,
        note: `units of the master ${m.master}`,
        explain: because("counted-master-units", { master: m.master ?? "" }),
      },
      p.amount ?? ZERO,
    );
  const rest = others(ctx, m, OPCVM_FEED15, (p) => {
    const h = p.holding;
    if (h.assetClass === "CASH") return undefined;
    if (h.assetClass === "FINANCIAL_CONTRACT")
      return h.hedgeOnly
        ? undefined
        : refusal(
            "a financial contract not used for hedging only (L. 214-22 I 2°: « uniquement à des fins de couverture »).",
            {
              test: "hedging",
              assetClass: h.assetClass,
              article: "L. 214-22 I 2°",
            },
          );
    if (h.assetClass === "OPERATING_PROPERTY")
      return ctx.fund.isSicav
        ? undefined
        : refusal(
            "operating property is allowed only to a feeder that is a SICAV (L. 214-22 I 3°).",
            {
              test: "sicav-only",
              assetClass: h.assetClass,
              article: "L. 214-22 I 3°",
            },
          );
    if (h.assetClass === "FUND_UNITS") return unitsNote(m, p, "L. 214-22 I");
    return refusal(
      `${h.assetClass} is not among the assets L. 214-22 I allows besides the master.`,
      {
        test: "not-listed",
        assetClass: h.assetClass ?? "",
        article: "L. 214-22 I",
      },
    );
  });
  const base = {
    denominator: ctx.denominator,
    binding: true,
    warningMargin: ctx.warningMargin,
  };
  const limit15 = {
    ...base,
    rule: OPCVM_FEED15,
    threshold: ratioAt(FEEDERS.opcvmOthers, ctx.asOf),
    numerator: rest.total,
    complete: rest.complete,
  };
  return {
    rules: [
      evaluateRatio({
        ...base,
        rule: OPCVM_FEED85,
        threshold: ratioAt(FEEDERS.opcvmMaster, ctx.asOf),
        numerator: m.masterTotal,
        complete: m.complete,
        message: m.master
          ? `Master: ${m.master}.`
          : "No units with a masterId: the fund has no master.",
        reasons: [
          m.master
            ? because("feeder-master", { master: m.master })
            : because("no-master", {}),
        ],
      }),
      withConditions(
        evaluateRatio({
          ...limit15,
          forcedBreach: rest.refused.length
            ? rest.refused.join(" ")
            : undefined,
          forcedReasons: rest.refusedReasons,
        }),
        [
          limitCondition(FEED15_LIMIT, evaluateRatio(limit15)),
          positionsCondition(FEED15_LIST, "closed-list", rest.breakers, {
            binding: true,
            complete: rest.complete,
          }),
        ],
      ),
    ],
  };
}

/** L. 214-24-57: "en totalité" in one master and, "à titre accessoire", cash: anything else is a breach. */
export function evaluateFivgFeeder(ctx: FundContext): {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
} {
  const m = largestMaster(ctx);
  const rest = others(ctx, m, FIVG_FEED, (p) => {
    const h = p.holding;
    if (h.assetClass === "CASH") return undefined;
    if (h.assetClass === "FUND_UNITS") return unitsNote(m, p, "L. 214-24-57");
    return refusal(
      `${h.assetClass}: a general-purpose feeder holds only its master's units and accessory cash.`,
      {
        test: "general-purpose",
        assetClass: h.assetClass ?? "",
        article: "L. 214-24-57",
      },
    );
  });
  const refusedTotal = rest.refusedTotal;
  const share =
    ctx.denominator && ctx.denominator > 0n
      ? percentText(
          new Dec(m.masterTotal.toString()).dividedBy(
            ctx.denominator.toString(),
          ),
        )
      : "—";
  return {
    rules: [
      withConditions(
        evaluateRatio({
          rule: FIVG_FEED,
          threshold: ratioAt(FEEDERS.fivgOutsideMaster, ctx.asOf),
          numerator: refusedTotal,
          denominator: ctx.denominator,
          binding: true,
          complete: rest.complete,
          warningMargin: ctx.warningMargin,
          message: `${m.master ? `Master ${m.master}: ${share} of the asset; cash ${eurText(rest.total - refusedTotal)}.` : "No units with a masterId: the fund has no master."}`,
          forcedBreach: rest.refused.length
            ? rest.refused.join(" ")
            : undefined,
          reasons: [
            m.master
              ? because("master-share", {
                  master: m.master,
                  share:
                    ctx.denominator && ctx.denominator > 0n
                      ? new Dec(m.masterTotal.toString())
                          .dividedBy(ctx.denominator.toString())
                          .toString()
                      : undefined,
                  cash: formatAmount(rest.total - refusedTotal),
                })
              : because("no-master", {}),
          ],
          forcedReasons: rest.refusedReasons,
        }),
        [
          positionsCondition(FIVG_LIST, "closed-list", rest.breakers, {
            binding: true,
            complete: rest.complete,
          }),
        ],
      ),
    ],
  };
}

/** L. 214-24 IV: an AIF invested at least 85 % in one master is a feeder AIF; a classification, never a breach. */
export function evaluateFia(ctx: FundContext): {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
} {
  const m = largestMaster(ctx);
  for (const p of m.masterPositions)
    ctx.count(
      p,
      {
        rule: FIA_FEED85.id,
        article: FIA_FEED85.article,
        note: `units of the master ${m.master}`,
        explain: because("counted-master-units", { master: m.master ?? "" }),
      },
      p.amount ?? ZERO,
    );
  const r = evaluateRatio({
    rule: FIA_FEED85,
    threshold: ratioAt(FEEDERS.fiaMaster, ctx.asOf),
    numerator: m.masterTotal,
    denominator: ctx.denominator,
    binding: true,
    complete: m.complete,
    warningMargin: ctx.warningMargin,
  });
  if (r.status !== "incomplete") {
    r.status = "info";
    const feeder =
      r.value !== null &&
      new Dec(m.masterTotal.toString()).gte(
        ratioAt(FEEDERS.fiaMaster, ctx.asOf).times(
          (ctx.denominator ?? 0n).toString(),
        ),
      );
    r.message = feeder
      ? `Feeder AIF within the meaning of L. 214-24 IV 1°: ${m.master} holds at least 85 % of the asset.`
      : "Not a feeder AIF under L. 214-24 IV 1° (no single master reaches 85 %); several masters with identical strategies (2°) are not assessed.";
    r.reasons = [
      feeder
        ? because("feeder-aif", {
            master: m.master ?? "",
            threshold: ratioAt(FEEDERS.fiaMaster, ctx.asOf).toString(),
            article: "L. 214-24 IV 1°",
          })
        : because("not-feeder-aif", {
            threshold: ratioAt(FEEDERS.fiaMaster, ctx.asOf).toString(),
            article: "L. 214-24 IV 1°",
          }),
    ];
  }
  return { rules: [r] };
}
