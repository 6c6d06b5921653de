import {
  L214_160,
  listAt,
  type ListParameter,
  type RatioParameter,
  ratioAt,
} from "../../law";
import type { FundContext } from "../fund-context";
import type { AssetClass } from "../model";
import { compare, Tally } from "../measures";
import { reason as why } from "../reasons";
import type { QuotaWindow, RuleDefinition, RuleResult } from "../result";
import { FCPR_B20, FCPR_L5Y, FCPR_Q50 } from "./fcpr-definitions";
import { evaluateL21428, type L21428Profile } from "./fcpr";

/** L. 214-159 and L. 214-160: the FPCI applies L. 214-28 with its own adaptations. */
export const FPCI_Q50: RuleDefinition = {
  ...FCPR_Q50,
  article: "L. 214-28 I, L. 214-160 II",
};

export const FPCI_CCA15: RuleDefinition = {
  id: "FPCI-CCA15",
  article: "L. 214-160 II 1°",
  direction: "max",
  operator: "<=",
  wording:
    "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28, des avances en compte courant consenties, pour la durée de l'investissement réalisé, à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation.",
  title: {
    en: "Current-account advances, at most 15 %, to companies the fund holds a participation in",
    fr: "Avances en compte courant, 15 % au plus, aux sociétés dont le fonds détient une participation",
  },
};

export const FPCI_REC10: RuleDefinition = {
  id: "FPCI-REC10",
  article: "L. 214-160 II",
  direction: "max",
  operator: "<=",
  wording: "peut détenir des créances, dans la limite de 10 % de son actif",
  title: { en: "Receivables, at most 10 %", fr: "Créances, 10 % au plus" },
};

export const FPCI_DIG20: RuleDefinition = {
  id: "FPCI-DIG20",
  article: "L. 214-160 II",
  direction: "max",
  operator: "<=",
  wording: "dans la limite de 20 % de leur actif",
  title: {
    en: "Digital assets, at most 20 %",
    fr: "Actifs numériques, 20 % au plus",
  },
};

export const FPCI_RULES = [
  FPCI_Q50,
  FPCI_CCA15,
  FCPR_B20,
  FCPR_L5Y,
  FPCI_REC10,
  FPCI_DIG20,
] as const;

const FPCI_PROFILE: L21428Profile = {
  quota: FPCI_Q50,
  advances: FPCI_CCA15,
  bucket: FCPR_B20,
  listed: FCPR_L5Y,
  // "détient une participation": any share of the capital, no 5 % minimum.
  advanceGate: L214_160.advanceGate,
  advanceArticle: "L. 214-160 II 1°",
  // "entité qui a pour objet principal d'investir directement ou indirectement": no OECD condition.
  entityOecdRequired: false,
  entityArticle: "L. 214-160 II 2°",
  defaultThreshold: L214_160.quota,
};

export function evaluateFpci(ctx: FundContext): {
  rules: RuleResult[];
  quotaWindow?: QuotaWindow;
} {
  const evaluation = evaluateL21428(ctx, FPCI_PROFILE);
  evaluation.rules.push(
    classLimit(
      ctx,
      FPCI_REC10,
      L214_160.receivableClasses,
      L214_160.receivables,
    ),
    classLimit(
      ctx,
      FPCI_DIG20,
      L214_160.digitalAssetClasses,
      L214_160.digitalAssets,
    ),
  );
  return evaluation;
}

/** A limit on the classes the law lists, as a share of the fund's asset, binding at all times. */
function classLimit(
  ctx: FundContext,
  rule: RuleDefinition,
  list: ListParameter<AssetClass>,
  limit: RatioParameter,
): RuleResult {
  const classes = listAt(list, ctx.asOf);
  const threshold = ratioAt(limit, ctx.asOf);
  const numerator = new Tally(ctx);
  const counted = {
    rule: rule.id,
    article: rule.article,
    note: `measured against the ${threshold.times(100).toString()} % limit`,
    explain: why("measured-against-limit", {
      threshold: threshold.toString(),
      article: rule.article,
    }),
  };
  for (const p of ctx.heldPositions()) {
    const cls = p.holding.assetClass;
    if (cls && classes.has(cls)) numerator.add(p, counted);
  }
  return compare(ctx, rule, { threshold, numerator });
}
