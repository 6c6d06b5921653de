import { type Amount, formatAmount, scaleAmount, ZERO } from "../amount";
import { addYears } from "../dates";
import { L214_36_TO_43, ratioAt, requireVersion } from "../../law";
import {
  type Breaker,
  positionsCondition,
  withConditions,
} from "../conditions";
import { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import { eurText, evaluateRatio, percentText } from "../ratio";
import { type Reason, type ReasonFacts, reason as why } from "../reasons";
import type { QuotaWindow, RuleDefinition, RuleResult } from "../result";

export const OPCI_ASSET: RuleDefinition = {
  id: "OPCI-ASSET",
  article: "L. 214-36 I",
  direction: "max",
  operator: "<=",
  wording:
    "l'actif d'un organisme de placement collectif immobilier est exclusivement constitué",
  title: {
    en: "Only the assets listed by L. 214-36 I",
    fr: "Uniquement les actifs énumérés au I de l'article L. 214-36",
  },
};

export const OPCI_RE60: RuleDefinition = {
  id: "OPCI-RE60",
  article: "L. 214-37 1°",
  direction: "min",
  operator: ">=",
  wording: "A hauteur de 60 % au moins d'actifs immobiliers.",
  title: {
    en: "Real-estate assets, at least 60 %",
    fr: "Actifs immobiliers, 60 % au moins",
  },
};

export const OPCI_RE51: RuleDefinition = {
  id: "OPCI-RE51",
  article: "L. 214-37 1°",
  direction: "min",
  operator: ">=",
  wording:
    "les actifs mentionnés aux 1° à 3° et au 5° du I de l'article précité devant représenter au minimum 51 % de l'actif",
  title: {
    en: "Items 1° to 3° and 5°, at least 51 % (SPPICAV)",
    fr: "Actifs des 1° à 3° et 5°, 51 % au minimum (SPPICAV)",
  },
};

export const OPCI_LIQ5: RuleDefinition = {
  id: "OPCI-LIQ5",
  article: "L. 214-37 2°",
  direction: "min",
  operator: ">=",
  wording:
    "A hauteur de 5 % au moins d'actifs mentionnés au 8° et au 9° du I de l'article L. 214-36. Ces actifs doivent être libres de toutes sûretés ou droits au profit de tiers.",
  title: {
    en: "Unencumbered deposits, liquid instruments and cash, at least 5 %",
    fr: "Dépôts, instruments liquides et liquidités libres, 5 % au moins",
  },
};

export const OPCI_LEV40: RuleDefinition = {
  id: "OPCI-LEV40",
  article: "L. 214-39",
  direction: "max",
  operator: "<=",
  wording:
    "peut contracter des emprunts dans la limite de 40 % de la valeur des actifs immobiliers mentionnés aux 1° à 3° et au 5° du I de l'article L. 214-36",
  title: {
    en: "Borrowings, at most 40 % of real-estate assets, looking through",
    fr: "Emprunts, 40 % au plus des actifs immobiliers, par transparence",
  },
};

export const OPCI_CCA5: RuleDefinition = {
  id: "OPCI-CCA5",
  article: "L. 214-42",
  direction: "max",
  operator: "<=",
  wording:
    "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36 dont il détient directement ou indirectement au moins 5 % du capital social",
  title: {
    en: "Advances only to 2° and 3° companies held at least 5 %",
    fr: "Avances aux seules sociétés des 2° et 3° détenues à 5 % au moins",
  },
};

export const OPCI_RULES = [
  OPCI_ASSET,
  OPCI_RE60,
  OPCI_RE51,
  OPCI_LIQ5,
  OPCI_LEV40,
  OPCI_CCA5,
] as const;

/** L. 214-37, L. 214-39 and L. 214-42, at the test date (src/law/l214-36-to-43.ts). */
const RE60 = (asOf: string) => ratioAt(L214_36_TO_43.realEstate, asOf);
const RE51 = (asOf: string) => ratioAt(L214_36_TO_43.sppicavItems, asOf);
const LIQ5 = (asOf: string) => ratioAt(L214_36_TO_43.liquidity, asOf);
const LEV40 = (asOf: string) => ratioAt(L214_36_TO_43.borrowing, asOf);
const GATE_5 = (asOf: string) => ratioAt(L214_36_TO_43.advanceGate, asOf);
const ZERO_LIMIT = new Dec(0);
const LOOK_THROUGH = new Set([2, 3, 5]);
const LEVERAGE_BASE = new Set([1, 2, 3, 5]);

/**
 * SPPICAV and FPI (L. 214-36, -37, -39, -42, -43): positions are classified by the item of
 * L. 214-36 I given in opciCategory; ratios on fair value over total assets; every rule binds
 * from three years after creation (L. 214-43: "au plus tard trois ans après la date de création").
 */
export function evaluateOpci(ctx: FundContext): {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
} {
  const sppicav = ctx.fund.fundType === "SPPICAV";
  const created = ctx.fund.constitutionDate;
  if (created === undefined)
    ctx.needFund(
      "constitutionDate",
      "constitutionDate (the OPCI's creation) is needed: its rules bind from three years after creation (L. 214-43).",
    );
  const window =
    created === undefined
      ? undefined
      : {
          from: addYears(
            created,
            requireVersion(L214_36_TO_43.rampUpYears, ctx.asOf).value,
          ),
          article: "L. 214-43",
        };
  const binding = window !== undefined && ctx.asOf >= window.from;
  const known = window !== undefined;

  const byCategory = new Map<number, Position[]>();
  let categoriesComplete = true;
  for (const p of ctx.heldPositions()) {
    const c = p.holding.opciCategory;
    if (c === undefined) {
      ctx.needHolding(
        p.holding,
        "opciCategory",
        "opciCategory is needed: OPCI positions are classified by the item of L. 214-36 I they belong to.",
      );
      ctx.exclude(p, {
        rule: "OPCI-*",
        reason: "no item of L. 214-36 I (opciCategory) is given.",
        code: "unclassified",
        facts: { column: "opciCategory", article: "L. 214-36 I" },
      });
      categoriesComplete = false;
      continue;
    }
    byCategory.set(c, [...(byCategory.get(c) ?? []), p]);
  }
  const sum = (
    categories: number[],
    rule: RuleDefinition,
    filter: (p: Position) => boolean = () => true,
  ) => {
    let total = ZERO;
    let complete = categoriesComplete && ctx.denominatorComplete;
    for (const c of categories) {
      for (const p of byCategory.get(c) ?? []) {
        if (!filter(p)) continue;
        const amount = ctx.amountOf(p);
        if (amount === undefined) complete = false;
        else {
          total += amount;
          ctx.count(
            p,
            {
              rule: rule.id,
              article: `L. 214-36 I ${c}°`,
              note: `item ${c}°`,
              explain: why("counted-item", {
                item: c,
                article: `L. 214-36 I ${c}°`,
              }),
            },
            amount,
          );
        }
      }
    }
    return { total, complete };
  };
  const ratio = (
    rule: RuleDefinition,
    threshold: Dec,
    s: { total: Amount; complete: boolean },
    message?: string,
    forcedBreach?: string,
    forcedReasons?: Reason[],
  ) =>
    evaluateRatio({
      rule,
      threshold,
      numerator: s.total,
      denominator: ctx.denominator,
      binding,
      complete: s.complete && known,
      warningMargin: ctx.warningMargin,
      message,
      forcedBreach: binding ? forcedBreach : undefined,
      forcedReasons: binding ? forcedReasons : undefined,
    });

  // FPI: 5° units count only "sous réserve qu'il s'agisse d'une participation contrôlée".
  const controlled = (p: Position) => {
    if (p.holding.opciCategory !== 5 || p.holding.controlledParticipation)
      return true;
    ctx.exclude(p, {
      rule: OPCI_RE60.id,
      article: "L. 214-37 1°",
      reason:
        "5° units count in an FPI's 60 % only when they are a controlled participation (controlledParticipation).",
      code: "not-controlled",
      facts: { article: "L. 214-37 1°" },
    });
    return false;
  };
  const scope = { binding, known };
  const rules: RuleResult[] = [
    assetList(ctx, byCategory, ratio, categoriesComplete, scope),
  ];
  rules.push(
    ratio(
      OPCI_RE60,
      RE60(ctx.asOf),
      sppicav
        ? sum([1, 2, 3, 4, 5], OPCI_RE60)
        : sum([1, 2, 5], OPCI_RE60, controlled),
    ),
  );
  if (sppicav)
    rules.push(ratio(OPCI_RE51, RE51(ctx.asOf), sum([1, 2, 3, 5], OPCI_RE51)));
  rules.push(
    ratio(
      OPCI_LIQ5,
      LIQ5(ctx.asOf),
      sum([8, 9], OPCI_LIQ5, (p) => {
        if (!p.holding.encumbered) return true;
        ctx.exclude(p, {
          rule: OPCI_LIQ5.id,
          article: "L. 214-37 2°",
          reason:
            "encumbered: the 5 % must be « libres de toutes sûretés ou droits au profit de tiers ».",
          code: "encumbered",
          facts: { article: "L. 214-37 2°" },
        });
        return false;
      }),
    ),
  );
  rules.push(
    leverage(ctx, byCategory, binding && known, categoriesComplete && known),
  );
  rules.push(advancesGate(ctx, byCategory, ratio, categoriesComplete, scope));
  return { rules, quotaWindow: window };
}

type RatioFn = (
  rule: RuleDefinition,
  threshold: Dec,
  s: { total: Amount; complete: boolean },
  message?: string,
  forcedBreach?: string,
  forcedReasons?: Reason[],
) => RuleResult;

/** Whether the OPCI's rules bind on the as-of date, and whether that could be established. */
interface Scope {
  binding: boolean;
  known: boolean;
}

const ASSET_LIST = {
  id: "closed-list",
  article: "L. 214-36 I",
  wording: OPCI_ASSET.wording,
  title: OPCI_ASSET.title,
};
const CCA_COMPANIES = {
  id: "companies-2-3",
  article: "L. 214-42",
  wording: "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36",
  title: {
    en: "Advances only to the fund's companies of items 2° and 3°",
    fr: "Avances aux seules sociétés des 2° et 3° détenues par le fonds",
  },
};
const CCA_GATE = {
  id: "gate-5",
  article: "L. 214-42",
  wording:
    "dont il détient directement ou indirectement au moins 5 % du capital social",
  title: {
    en: "Each advance to a company in which the fund holds at least 5 % of the capital",
    fr: "Chaque avance à une société dont le fonds détient au moins 5 % du capital",
  },
};

/** L. 214-36 I: 2° and 3° are companies "non admises aux négociations"; 4° shares are traded. A position outside the list breaches the rule. */
function assetList(
  ctx: FundContext,
  byCategory: Map<number, Position[]>,
  ratio: RatioFn,
  complete: boolean,
  scope: Scope,
): RuleResult {
  const outside: string[] = [];
  const outsideReasons: Reason[] = [];
  const breakers: Breaker[] = [];
  let total = ZERO;
  let amountsComplete = complete;
  for (const [c, positions] of byCategory) {
    for (const p of positions) {
      const listed = (p.holding.listingStatus ?? "UNLISTED") !== "UNLISTED";
      const reason =
        (c === 2 || c === 3) && listed
          ? `item ${c}° takes only companies not admitted to trading`
          : c === 4 && !listed
            ? "item 4° takes only shares traded on a market"
            : undefined;
      if (!reason) continue;
      const amount = ctx.amountOf(p);
      if (amount === undefined) amountsComplete = false;
      else total += amount;
      const facts = {
        item: c,
        test: c === 4 ? ("traded-only" as const) : ("unlisted-only" as const),
        article: "L. 214-36 I",
      };
      breakers.push({
        position: p,
        amount,
        reason: `${reason}.`,
        why: why("opci-outside-list", facts),
      });
      outside.push(
        `Line ${p.holding.lineId} (row ${p.holding.row}): ${reason}.`,
      );
      outsideReasons.push(
        why("position-breaks", {
          lineId: p.holding.lineId,
          row: p.holding.row,
          cause: why("opci-outside-list", facts),
        }),
      );
      ctx.exclude(p, {
        rule: OPCI_ASSET.id,
        article: "L. 214-36 I",
        reason: `outside the list of L. 214-36 I: ${reason}.`,
        code: "opci-outside-list",
        facts,
      });
    }
  }
  return withConditions(
    ratio(
      OPCI_ASSET,
      ZERO_LIMIT,
      { total, complete: amountsComplete },
      undefined,
      outside.length ? outside.join(" ") : undefined,
      outsideReasons,
    ),
    [
      positionsCondition(ASSET_LIST, "closed-list", breakers, {
        binding: scope.binding,
        complete: amountsComplete && scope.known,
      }),
    ],
  );
}

/**
 * L. 214-39: "l'ensemble des emprunts et dettes" of the OPCI, plus those of its 2° and 3°
 * companies and 5° funds "à concurrence du pourcentage de participation", over the value of
 * items 1° to 3° and 5°.
 */
function leverage(
  ctx: FundContext,
  byCategory: Map<number, Position[]>,
  binding: boolean,
  categoriesComplete: boolean,
): RuleResult {
  let complete = categoriesComplete;
  let debt = ctx.fund.borrowings ?? ZERO;
  if (ctx.fund.borrowings === undefined) {
    ctx.needFund(
      "borrowings",
      "borrowings is needed: the OPCI's own borrowings and debts count toward the 40 % of L. 214-39 (write 0 if there are none).",
    );
    complete = false;
  }
  let base = ZERO;
  for (const c of LEVERAGE_BASE) {
    for (const p of byCategory.get(c) ?? []) {
      const amount = ctx.amountOf(p);
      if (amount === undefined) complete = false;
      else {
        base += amount;
        ctx.count(
          p,
          {
            rule: OPCI_LEV40.id,
            article: "L. 214-39",
            note: `item ${c}°, in the base of the 40 %`,
            explain: why("counted-leverage-base", {
              item: c,
              threshold: LEV40(ctx.asOf).toString(),
              article: "L. 214-39",
            }),
          },
          amount,
        );
      }
      if (!LOOK_THROUGH.has(c)) continue;
      const h = p.holding;
      if (h.entityDebt === undefined) {
        if (h.invalid.has("entityDebt")) complete = false;
        else
          ctx.warn(
            "Holdings",
            h.row,
            "entityDebt",
            `entityDebt is blank for an item ${c}° holding: its borrowings count as zero in the 40 % (L. 214-39).`,
            why("entity-debt-blank", {
              item: c,
              threshold: LEV40(ctx.asOf).toString(),
              article: "L. 214-39",
            }),
          );
        continue;
      }
      const share = h.participationPct ?? new Dec(1);
      if (h.invalid.has("participationPct")) complete = false;
      const looked = scaleAmount(h.entityDebt, share);
      debt += looked;
      ctx.count(
        p,
        {
          rule: OPCI_LEV40.id,
          article: "L. 214-39",
          note: `debt of ${eurText(h.entityDebt)} at ${percentText(share)} participation`,
          code: "look-through-debt",
          explain: why("counted-look-through-debt", {
            debt: formatAmount(h.entityDebt),
            share: share.toString(),
            article: "L. 214-39",
          }),
        },
        looked,
      );
    }
  }
  return evaluateRatio({
    rule: OPCI_LEV40,
    threshold: LEV40(ctx.asOf),
    numerator: debt,
    denominator: base,
    binding,
    complete,
    warningMargin: ctx.warningMargin,
    message: `Borrowings ${eurText(ctx.fund.borrowings ?? ZERO)} plus look-through debts, over items 1° to 3° and 5°.`,
    reasons: [
      why("opci-leverage", {
        borrowings: formatAmount(ctx.fund.borrowings ?? ZERO),
      }),
    ],
  });
}

/** L. 214-42: advances (10°) only to 2° and 3° companies held at least 5 %. */
function advancesGate(
  ctx: FundContext,
  byCategory: Map<number, Position[]>,
  ratio: RatioFn,
  categoriesComplete: boolean,
  scope: Scope,
): RuleResult {
  const companies = new Map<string, Dec | undefined>();
  for (const c of [2, 3]) {
    for (const p of byCategory.get(c) ?? []) {
      const id = p.holding.issuerId;
      if (id === undefined) continue;
      const own = p.holding.ownershipPct ?? p.holding.participationPct;
      const best = companies.get(id);
      companies.set(
        id,
        best === undefined || (own !== undefined && own.gt(best)) ? own : best,
      );
    }
  }
  const failures: string[] = [];
  const failureReasons: Reason[] = [];
  const notListed: Breaker[] = [];
  const belowGate: Breaker[] = [];
  let lowest: Dec | undefined;
  let outside = ZERO;
  let complete = categoriesComplete;
  for (const p of byCategory.get(10) ?? []) {
    const h = p.holding;
    const fail = (
      reason: string,
      into: Breaker[],
      facts: ReasonFacts["opci-advance-gate"],
    ) => {
      failures.push(`Line ${h.lineId} (row ${h.row}): ${reason}`);
      failureReasons.push(
        why("position-breaks", {
          lineId: h.lineId,
          row: h.row,
          cause: why("opci-advance-gate", facts),
        }),
      );
      ctx.exclude(p, {
        rule: OPCI_CCA5.id,
        article: "L. 214-42",
        reason,
        code: "opci-advance-gate",
        facts,
      });
      const amount = ctx.amountOf(p);
      if (amount !== undefined) outside += amount;
      into.push({
        position: p,
        amount,
        reason,
        why: why("opci-advance-gate", facts),
      });
    };
    if (h.issuerId === undefined || !companies.has(h.issuerId)) {
      if (h.issuerId === undefined) {
        ctx.needHolding(
          h,
          "issuerId",
          "issuerId is needed: L. 214-42 allows advances only to the fund's 2° and 3° companies.",
        );
        complete = false;
        continue;
      }
      fail(
        `advance to ${h.issuerName ?? h.issuerId}, which is not one of the fund's 2° or 3° companies.`,
        notListed,
        { issuer: h.issuerName ?? h.issuerId, article: "L. 214-42" },
      );
      continue;
    }
    const own = h.ownershipPct ?? companies.get(h.issuerId);
    if (own === undefined) {
      ctx.needHolding(
        h,
        "ownershipPct",
        "ownershipPct is needed: L. 214-42 requires at least 5 % of the company's capital.",
      );
      complete = false;
    } else {
      if (lowest === undefined || own.lt(lowest)) lowest = own;
      if (own.lt(GATE_5(ctx.asOf)))
        fail(
          `advance to ${h.issuerName ?? h.issuerId}, held ${percentText(own)}: L. 214-42 requires at least 5 % of the capital.`,
          belowGate,
          {
            issuer: h.issuerName ?? h.issuerId,
            ownership: own.toString(),
            gate: GATE_5(ctx.asOf).toString(),
            article: "L. 214-42",
          },
        );
    }
  }
  const opts = { binding: scope.binding, complete: complete && scope.known };
  return withConditions(
    ratio(
      OPCI_CCA5,
      ZERO_LIMIT,
      { total: outside, complete },
      undefined,
      failures.length ? failures.join(" ") : undefined,
      failureReasons,
    ),
    [
      positionsCondition(CCA_COMPANIES, "closed-list", notListed, opts),
      positionsCondition(CCA_GATE, "gate", belowGate, {
        ...opts,
        threshold: GATE_5(ctx.asOf),
        lowest,
      }),
    ],
  );
}
