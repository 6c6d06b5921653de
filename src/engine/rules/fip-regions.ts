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
  const [overseas, article] = [Boolean(ctx.fund.overseasZone), "L. 214-31 IV"];
  const cap = overseas ? L214_31.overseasCollectivite : L214_31.region;
  const limit = ratioAt(cap, ctx.asOf);
  const threshold = limit.toString();
  // IV: "titres financiers, parts de société à responsabilité limitée et avances en compte courant" of the region's companies, eligible or not.
  const classes = listAt(L214_31.regionClasses, ctx.asOf);
  const regions = new Groups();
  // A region is named as the fund chose it, else by the first of its spellings in code-point
  // order: the same name whatever the order of the rows.
  const chosen = new Map(
    (ctx.fund.chosenRegions ?? []).map((r) => [regionKey(r), r] as const),
  );
  for (const p of ctx.heldPositions()) {
    const { assetClass, region } = p.holding;
    if (assetClass === undefined || !classes.has(assetClass)) continue;
    if (region === undefined) {
      const need = { purpose: "region-cap", article, threshold } as const;
      ctx.needHolding(p.holding, "region", need);
    }
    const amount = region === undefined ? undefined : ctx.amountOf(p);
    if (amount === undefined) {
      regions.complete = false;
      continue;
    }
    const key = regionKey(region!);
    const group = regions.add(key, chosen.get(key) ?? region!, amount, p);
    if (!chosen.has(key) && region! < group.name) group.name = region!;
    // Each position's outcome names the region as its own row writes it.
    const explain = why("counted-region", { region: region!, article });
    count(ctx, p, { rule: FIP_REG25.id, article, explain }, amount);
  }
  const worst = regions.largest();
  const result = compare(ctx, FIP_REG25, {
    threshold: limit,
    numerator: regions.measure(),
    reasons: [
      worst
        ? why("largest-region", { region: worst.name, threshold, overseas })
        : why("no-region-position", {}),
    ],
  });
  // Largest first, ties by key: the same list whatever the order of the rows.
  const groups = regions.bySize();
  result.groups = perGroupCap(
    ctx,
    FIP_REG25,
    limit,
    groups,
    ctx.denominator,
    "EUR",
  );
  return result;
}
