import type { FundContext, Position } from "../../fund-context";
import { type Reason, reason } from "../../reasons";
import type { RuleResult } from "../../result";
import { fractionAt } from "../../../law/livre2/fraction";
import { LEFT_OUT } from "../../../law/livre2/left-out";
import { FIA_FEED85M, OPCI_UNLIM } from "./definitions";
import { isIn, measure, missingNotes, note, sumWhere, ZERO } from "./kit";

// Two of the rules the first build left out for lack of columns (docs/workbook-format.md).

/**
 * L. 214-36 II: an OPCI (and its 2° companies) "ne peuvent détenir" anything in an entity whose
 * members answer « indéfiniment et solidairement » for its debts: any such position is a breach naming the line.
 */
export function opciUnlimited(ctx: FundContext): RuleResult {
  const rule = OPCI_UNLIM;
  const breakers: Reason[] = [];
  const sum = sumWhere(ctx, rule, (p: Position) => {
    if (!p.holding.jointLiabilityEntity)
      return p.holding.invalid.has("jointLiabilityEntity")
        ? { unknown: "jointLiabilityEntity" }
        : "out";
    breakers.push(
      reason("position-breaks", {
        lineId: p.holding.lineId,
        row: p.holding.row,
        cause: reason("l2-position", {
          key: "scpi-joint-liability",
          article: rule.article,
        }),
      }),
    );
    return "in";
  });
  return measure({
    rule,
    threshold: fractionAt(LEFT_OUT.opciUnlimited, ctx.asOf),
    numerator: sum.total,
    denominator: ctx.denominator,
    complete: sum.complete && ctx.denominatorComplete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: missingNotes(sum, rule.article),
    breakers,
  });
}

/**
 * L. 214-24 IV 2°: a FIA invested at least 85 % in several masters with identical investment
 * strategies is a feeder AIF (a classification, never a breach). Masters share a strategy when
 * their units carry the same `masterStrategy`; the largest such group is measured.
 */
export function fiaSeveralMasters(ctx: FundContext): RuleResult {
  const byStrategy = new Map<string, bigint>();
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (
      h.assetClass !== "FUND_UNITS" ||
      h.masterId === undefined ||
      h.masterStrategy === undefined
    )
      continue;
    byStrategy.set(
      h.masterStrategy,
      (byStrategy.get(h.masterStrategy) ?? ZERO) + (p.amount ?? ZERO),
    );
  }
  let strategy: string | undefined;
  for (const [k, v] of byStrategy)
    if (strategy === undefined || v > (byStrategy.get(strategy) ?? ZERO))
      strategy = k;
  const sum = sumWhere(ctx, FIA_FEED85M, (p) =>
    isIn(
      strategy !== undefined &&
        p.holding.assetClass === "FUND_UNITS" &&
        p.holding.masterId !== undefined &&
        p.holding.masterStrategy === strategy,
    ),
  );
  return measure({
    rule: FIA_FEED85M,
    threshold: fractionAt(LEFT_OUT.fiaSeveralMasters, ctx.asOf),
    numerator: sum.total,
    denominator: ctx.denominator,
    complete: sum.complete && ctx.denominatorComplete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: [
      note("masters-strategy", {
        name: strategy,
        article: FIA_FEED85M.article,
      }),
    ],
  });
}
