import { L214_31, listAt, ratioAt } from "../../law";
import type { FundContext } from "../fund-context";
import { compare, count, Groups, perGroupCap } from "../measures";
import { reason as why } from "../reasons";
import type { RuleResult } from "../result";
import { FIP_REG25 } from "./fcpi-fip-definitions";
import { regionKey } from "./region-key";

/**
 * L. 214-31 IV: at most 25 % of the asset in companies of one region; 50 % for each
 * collectivité when the fund chose an overseas zone. Every region is reported in groups;
 * the largest one gives the rule's value.
 */
export function fipRegionRule(ctx: FundContext): RuleResult {
  const limit = ctx.fund.overseasZone
    ? ratioAt(L214_31.overseasCollectivite, ctx.asOf)
    : ratioAt(L214_31.region, ctx.asOf);
  // IV: "titres financiers, parts de société à responsabilité limitée et avances en compte courant" of the region's companies, eligible or not.
  const classes = listAt(L214_31.regionClasses, ctx.asOf);
  const regions = new Groups();
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.assetClass === undefined || !classes.has(h.assetClass)) continue;
    const { region } = h;
    if (region === undefined)
      ctx.needHolding(h, "region", {
        purpose: "region-cap",
        article: "L. 214-31 IV",
        threshold: limit.toString(),
      });
    const amount = region === undefined ? undefined : ctx.amountOf(p);
    if (amount === undefined) {
      regions.complete = false;
      continue;
    }
    const { name } = regions.add(regionKey(region!), region!, amount, p);
    const article = "L. 214-31 IV";
    const explain = why("counted-region", { region: name, article });
    count(ctx, p, { rule: FIP_REG25.id, article, explain }, amount);
  }
  const worst = regions.largest();
  const result = compare(ctx, FIP_REG25, {
    threshold: limit,
    numerator: regions.measure(),
    reasons: [
      worst
        ? why("largest-region", {
            region: worst.name,
            threshold: limit.toString(),
            overseas: Boolean(ctx.fund.overseasZone),
          })
        : why("no-region-position", {}),
    ],
  });
  result.groups = perGroupCap(
    ctx,
    FIP_REG25,
    limit,
    regions.byKey.values(),
    ctx.denominator,
    "EUR",
  ).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return result;
}
