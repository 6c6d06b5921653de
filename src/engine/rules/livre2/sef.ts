import type { FundContext } from "../../fund-context";
import type { RuleResult } from "../../result";
import { SEF } from "../../../law/livre2/sef";
import {
  SCPI_CCA5,
  SCPI_DEBT,
  SCPI_PRICE10,
  SCPI_SELL10,
  SEF_FOREST51,
  SEF_FOREST60,
  SEF_RAISE15,
} from "./definitions";
import {
  bindingFromFund,
  formatAmount,
  note,
  present,
  ratio,
  sumWhere,
  ZERO,
} from "./kit";
import { priceGap, raise15, scpiAdvances, scpiDebt, sellOrders } from "./scpi";

const LIQUID = new Set(["CASH", "DEPOSIT", "LIQUID_INSTRUMENT"]);

/**
 * L. 214-121: 60 % at least of woods, forests, forest-grouping units and forest companies; with
 * forestry-loan support, L. 214-122: 51 % of woods and forests, which names neither kind of units.
 */
export function sefForest(ctx: FundContext): RuleResult {
  const loans = ctx.fund.forestLoanSupport === true;
  const rule = loans ? SEF_FOREST51 : SEF_FOREST60;
  const sum = sumWhere(ctx, rule, ({ holding: h }) => {
    if (h.forestCategory === undefined)
      return h.invalid.has("forestCategory")
        ? { unknown: "forestCategory" }
        : "out";
    return !loans || h.forestCategory === "WOODLAND" ? "in" : "out";
  });
  // Neither forest nor liquid: named, not a breach (the article does not say "exclusivement").
  let others = 0;
  let othersAmount = ZERO;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (
      h.forestCategory === undefined &&
      h.assetClass &&
      !LIQUID.has(h.assetClass)
    ) {
      others++;
      othersAmount += p.amount ?? ZERO;
    }
  }
  const amount = formatAmount(othersAmount);
  const article = "L. 214-121";
  return ratio(ctx, rule, loans ? SEF.forestWithLoans : SEF.forest, sum, {
    when: bindingFromFund(ctx, rule.article),
    notes: others
      ? [note("forest-other-assets", { count: others, amount, article })]
      : [],
    noteMissing: false,
  });
}

export function evaluateSef(ctx: FundContext): RuleResult[] {
  return present([
    sefForest(ctx),
    raise15(ctx, true),
    scpiAdvances(ctx),
    scpiDebt(ctx),
    sellOrders(ctx),
    priceGap(ctx),
  ]);
}

export const SEF_RULES = [
  SEF_FOREST60,
  SEF_FOREST51,
  SEF_RAISE15,
  SCPI_CCA5,
  SCPI_DEBT,
  SCPI_SELL10,
  SCPI_PRICE10,
];
