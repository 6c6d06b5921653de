import { L214_31, listAt, ratioAt } from "../../law";
import type { FundContext } from "../fund-context";
import { ZERO } from "../amount";
import { Dec } from "../decimal";
import {
  compare,
  count,
  type Group,
  Groups,
  partialIsLeast,
  perGroupCap,
} from "../measures";
import { reason as why } from "../reasons";
import type { RuleResult } from "../result";
import { settleUnreadFundFlags } from "./unread-fund-flags";
import { FIP_REG25 } from "./fcpi-fip-definitions";
import { regionKey } from "./region-key";

/**
 * L. 214-31 IV: at most 25 % of the asset in companies of one region; 50 % for each
 * collectivité of the overseas zone the fund chose. Every region is reported in groups against
 * its own limit; the one nearest its limit (the largest, when all have one limit) gives the
 * rule's value.
 */
export function fipRegionRule(ctx: FundContext): RuleResult {
  const result = regionRule(ctx);
  // Unreadable (not blank, which is « no »): the 50 % of the overseas collectivités may apply.
  settleUnreadFundFlags(ctx, { overseasZone: ARTICLE }, [result], (inner) => [
    regionRule(inner),
  ]);
  return result;
}

const ARTICLE = "L. 214-31 IV";

function regionRule(ctx: FundContext): RuleResult {
  const [overseas, article] = [Boolean(ctx.fund.overseasZone), ARTICLE];
  const regionLimit = ratioAt(L214_31.region, ctx.asOf);
  const zoneLimit = ratioAt(L214_31.overseasCollectivite, ctx.asOf);
  // The need and the outcomes speak of the limit the fund's own collectivités have.
  const threshold = (overseas ? zoneLimit : regionLimit).toString();
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
  // « cette limite est portée à 50 % et s'applique à chacune des collectivités de la zone
  // géographique »: only the collectivités the fund chose; any other region keeps the 25 %.
  const inZone = (g: Group) => overseas && chosen.has(g.key);
  const limitOf = (g: Group) => (inZone(g) ? zoneLimit : regionLimit);
  // Largest first, ties by key: the same list whatever the order of the rows.
  const groups = regions.bySize();
  const worst = nearestItsLimit(groups, limitOf);
  const largest = groups[0];
  const facts = (g: Group) => ({
    region: g.name,
    threshold: limitOf(g).toString(),
    overseas: inZone(g),
  });
  const result = compare(ctx, FIP_REG25, {
    threshold: worst ? limitOf(worst) : overseas ? zoneLimit : regionLimit,
    numerator: { total: worst?.total ?? ZERO, complete: regions.complete },
    reasons: [
      largest === undefined
        ? why("no-region-position", {})
        : worst === largest
          ? why("largest-region", facts(largest))
          : why("region-nearest-limit", facts(worst!)),
    ],
  });
  const known = {
    complete: regions.complete,
    partialIsLeast: partialIsLeast(ctx, ctx.denominatorComplete),
  };
  result.groups = groups.map(
    (g) =>
      perGroupCap(
        ctx,
        FIP_REG25,
        limitOf(g),
        [g],
        ctx.denominator,
        "EUR",
        known,
      )[0],
  );
  return result;
}

/**
 * The region whose share is nearest its own limit (or furthest beyond it), the largest first on
 * a tie: with one limit for every region, the largest region.
 */
function nearestItsLimit(
  groups: Group[],
  limitOf: (g: Group) => Dec,
): Group | undefined {
  let worst: Group | undefined;
  for (const g of groups)
    if (
      worst === undefined ||
      new Dec(g.total.toString())
        .times(limitOf(worst))
        .gt(new Dec(worst.total.toString()).times(limitOf(g)))
    )
      worst = g;
  return worst;
}
