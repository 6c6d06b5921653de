import {
  L214_160,
  listAt,
  type ListParameter,
  type RatioParameter,
  ratioAt,
} from "../../law";
import { settleUnreadListing } from "./unread-listing";
import type { FundContext } from "../fund-context";
import type { AssetClass } from "../model";
import { compare, Tally, type Evaluation } from "../measures";
import { reason as why } from "../reasons";
import type { RuleDefinition, RuleResult } from "../result";
import { FCPR_B20, FCPR_L5Y } from "./fcpr-definitions";
import {
  FPCI_CCA15,
  FPCI_CCA30,
  FPCI_DIG20,
  FPCI_Q50,
  FPCI_REC10,
} from "./fpci-definitions";
import { evaluateL21428, type L21428Profile } from "./fcpr";
import {
  EltifAdvances,
  eltifRegime,
  settleUnknownAdvanceRegime,
  settleUnknownRegime,
} from "./fpci-eltif";
import { addNote } from "./measure-again";
import { formatAmount } from "../amount";

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

export function evaluateFpci(ctx: FundContext): Evaluation {
  const regime = eltifRegime(ctx);
  const evaluation = advancesOf(ctx, regime.kind === "eltif");
  if (regime.kind === "unknown")
    settleUnknownRegime(
      ctx,
      evaluation.rules,
      regime.column,
      (inner) => advancesOf(inner, true).rules,
    );
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
  settleUnreadListing(
    ctx,
    evaluation.rules,
    (inner) => evaluateFpci(inner).rules,
  );
  return evaluation;
}

/**
 * The L. 214-28 sort, with the advances of the ELTIF infrastructure regime (L. 214-160 II 1°, al. 2)
 * taken first when the fund meets it: they are measured by FPCI-CCA30 and not against the 15 %.
 */
function advancesOf(ctx: FundContext, eltif: boolean): Evaluation {
  if (!eltif) return evaluateL21428(ctx, FPCI_PROFILE);
  const advanceCap = new EltifAdvances(ctx, FPCI_Q50.id);
  const evaluation = evaluateL21428(ctx, { ...FPCI_PROFILE, advanceCap });
  const taken = advanceCap.measure.total;
  const cca15 = evaluation.rules.find((r) => r.id === FPCI_CCA15.id);
  if (cca15 && taken > 0n)
    addNote(
      cca15,
      why("eltif-advances-apart", {
        amount: formatAmount(taken),
        article: FPCI_CCA30.article,
      }),
    );
  settleUnknownAdvanceRegime(
    ctx,
    evaluation.rules,
    advanceCap.regimeUnknown,
    (inner) => advancesOf(inner, true).rules,
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
