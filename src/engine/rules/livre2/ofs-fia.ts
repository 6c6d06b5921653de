import { amountFromString } from "../../amount";
import { idKey } from "../../id-key";
import type { FundContext } from "../../fund-context";
import type { RuleResult } from "../../result";
import { OFS_FIA } from "../../../law/livre2/ofs-fia";
import { FIA_CAP300K, FIVG_20INV, OFS_20INV, OFS_LOSS } from "./definitions";
import {
  fundValue,
  type L2Rule,
  measure,
  neededBy,
  note,
  ratio,
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
  const f = ctx.fund;
  const sum = sumWhere(
    ctx,
    OFS_LOSS,
    ({ holding: h }) =>
      !EXPOSURES.has(h.assetClass ?? "")
        ? "out"
        : h.maxLoss === undefined
          ? { unknown: "maxLoss" }
          : "in",
    (p) => p.holding.maxLoss,
  );
  return ratio(ctx, OFS_LOSS, OFS_FIA.ofsLoss, sum, {
    base: {
      total:
        ctx.denominator === undefined
          ? undefined
          : ctx.denominator + (f.uncalledSubscriptions ?? ZERO),
      complete:
        ctx.denominatorComplete && !f.invalid.has("uncalledSubscriptions"),
    },
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
    if (h.units > ZERO) ids.add(idKey(h.holderId));
  }
  return measure(ctx, {
    rule,
    threshold:
      rule === FIVG_20INV ? OFS_FIA.fivgInvestors : OFS_FIA.ofsInvestors,
    numerator: amountFromString(String(ids.size)),
    denominator: null,
    absolute: "count",
    complete,
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
  return measure(ctx, {
    rule: FIA_CAP300K,
    threshold: OFS_FIA.selfManagedCapital,
    numerator: capital ?? ZERO,
    denominator: null,
    absolute: "EUR",
    complete: capital !== undefined,
  });
}

export { FIVG_20INV, OFS_20INV };
