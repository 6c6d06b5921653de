import type { FundContext } from "../../fund-context";
import type { RuleResult } from "../../result";
import { fractionAt } from "../../../law/livre2/fraction";
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
  measure,
  note,
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
  const sum = sumWhere(ctx, rule, (p) =>
    p.holding.forestCategory === undefined
      ? p.holding.invalid.has("forestCategory")
        ? { unknown: "forestCategory" }
        : "out"
      : loans
        ? p.holding.forestCategory === "WOODLAND"
          ? "in"
          : "out"
        : "in",
  );
  // Neither forest nor liquid: named, not a breach (the article does not say "exclusivement").
  let others = 0;
  let othersAmount = ZERO;
  for (const p of ctx.heldPositions())
    if (
      p.holding.forestCategory === undefined &&
      p.holding.assetClass &&
      !LIQUID.has(p.holding.assetClass)
    ) {
      others++;
      othersAmount += p.amount ?? ZERO;
    }
  const when = bindingFromFund(ctx, rule.article);
  return measure({
    rule,
    threshold: fractionAt(loans ? SEF.forestWithLoans : SEF.forest, ctx.asOf),
    numerator: sum.total,
    denominator: ctx.denominator,
    complete: sum.complete && ctx.denominatorComplete && when.complete,
    binding: when.binding,
    warningMargin: ctx.warningMargin,
    window: when.window,
    notes: [
      ...when.notes,
      ...(others
        ? [
            note("forest-other-assets", {
              count: others,
              amount: formatAmount(othersAmount),
              article: "L. 214-121",
            }),
          ]
        : []),
    ],
  });
}

export function evaluateSef(ctx: FundContext): RuleResult[] {
  return [
    sefForest(ctx),
    raise15(ctx, true),
    scpiAdvances(ctx),
    scpiDebt(ctx),
    sellOrders(ctx),
    priceGap(ctx),
  ].filter((r): r is RuleResult => r !== undefined);
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
