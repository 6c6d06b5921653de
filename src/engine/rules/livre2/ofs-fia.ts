import { amountFromString } from "../../amount";
import type { FundContext } from "../../fund-context";
import type { RuleResult } from "../../result";
import { fractionAt } from "../../../law/livre2/fraction";
import { OFS_FIA } from "../../../law/livre2/ofs-fia";
import { FIA_CAP300K, FIVG_20INV, OFS_20INV, OFS_LOSS } from "./definitions";
import {
  fundValue,
  type L2Rule,
  measure,
  missingNotes,
  neededBy,
  note,
  sumWhere,
  ZERO,
} from "./kit";

const EXPOSURES = new Set([
  "RECEIVABLE",
  "FINANCIAL_CONTRACT",
  "GUARANTEE",
  "SUB_PARTICIPATION",
]);

/** L. 214-190-1 VI: maximum losses within the asset plus uncalled subscriptions, "évalué à tout moment". */
export function ofsLoss(ctx: FundContext): RuleResult {
  const rule = OFS_LOSS;
  const sum = sumWhere(
    ctx,
    rule,
    (p) =>
      !EXPOSURES.has(p.holding.assetClass ?? "")
        ? "out"
        : p.holding.maxLoss === undefined
          ? { unknown: "maxLoss" }
          : "in",
    (p) => p.holding.maxLoss,
  );
  const f = ctx.fund;
  const denominator =
    ctx.denominator === undefined
      ? undefined
      : ctx.denominator + (f.uncalledSubscriptions ?? ZERO);
  return measure({
    rule,
    threshold: fractionAt(OFS_FIA.ofsLoss, ctx.asOf),
    numerator: sum.total,
    denominator,
    complete:
      sum.complete &&
      ctx.denominatorComplete &&
      !f.invalid.has("uncalledSubscriptions"),
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: missingNotes(sum, rule.article),
  });
}

/** L. 214-26-1, L. 214-190-1 IX: "à vingt investisseurs au plus": distinct holders with units. */
export function twentyInvestors(
  ctx: FundContext,
  rule: L2Rule,
): RuleResult | undefined {
  if (!ctx.fund.reservedTo20Investors) return undefined;
  const ids = new Set<string>();
  let complete = ctx.holders.length > 0;
  for (const h of ctx.holders) {
    if (h.units === undefined || h.holderId === undefined) {
      complete = false;
      if (h.holderId === undefined)
        ctx.needHolder(h, "holderId", neededBy(rule, "investors"));
      continue;
    }
    if (h.units > ZERO) ids.add(h.holderId.trim().toUpperCase());
  }
  return measure({
    rule,
    threshold: fractionAt(
      rule === FIVG_20INV ? OFS_FIA.fivgInvestors : OFS_FIA.ofsInvestors,
      ctx.asOf,
    ),
    numerator: amountFromString(String(ids.size)),
    denominator: null,
    absolute: "count",
    complete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: [
      ctx.holders.length
        ? note("investors", { count: ids.size, article: rule.article })
        : note("holders-missing"),
    ],
  });
}

/** L. 214-24 VI: a self-managed AIF "dispose d'un capital initial d'au moins 300 000 €". */
export function selfManagedCapital(ctx: FundContext): RuleResult | undefined {
  if (!ctx.fund.selfManaged) return undefined;
  const capital = fundValue(ctx, "initialCapital", FIA_CAP300K);
  return measure({
    rule: FIA_CAP300K,
    threshold: fractionAt(OFS_FIA.selfManagedCapital, ctx.asOf),
    numerator: capital ?? ZERO,
    denominator: null,
    absolute: "EUR",
    complete: capital !== undefined,
    binding: true,
    warningMargin: ctx.warningMargin,
  });
}

export { FIVG_20INV, OFS_20INV };
