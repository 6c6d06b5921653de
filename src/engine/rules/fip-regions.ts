import { type Amount, formatAmount, ZERO } from "../amount";
import { L214_31, ratioAt } from "../../law";
import type { FundContext } from "../fund-context";
import type { AssetClass } from "../model";
import { evaluateRatio } from "../ratio";
import { reason as why } from "../reasons";
import type { GroupResult, RuleResult } from "../result";
import { I_SECURITIES } from "./fcpr";
import { FIP_REG25 } from "./fcpi-fip-definitions";
import { regionKey } from "./region-key";

/** IV: "titres financiers, parts de société à responsabilité limitée et avances en compte courant" of the region's companies, eligible or not. */
const REGION_CLASSES: ReadonlySet<AssetClass> = new Set([
  ...I_SECURITIES,
  "OTHER_DEBT",
  "SARL_PARTS",
  "CURRENT_ACCOUNT_ADVANCE",
]);

/**
 * L. 214-31 IV: at most 25 % of the asset in companies of one region; 50 % for each
 * collectivité when the fund chose an overseas zone. Every region is reported in groups;
 * the worst one gives the rule's value.
 */
export function fipRegionRule(ctx: FundContext): RuleResult {
  const limit = ctx.fund.overseasZone
    ? ratioAt(L214_31.overseasCollectivite, ctx.asOf)
    : ratioAt(L214_31.region, ctx.asOf);
  const regions = new Map<string, { name: string; total: Amount }>();
  let complete = ctx.denominatorComplete;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.assetClass === undefined || !REGION_CLASSES.has(h.assetClass))
      continue;
    if (h.region === undefined) {
      ctx.needHolding(
        h,
        "region",
        "region is needed: L. 214-31 IV limits the companies of each region to 25 % of the asset.",
      );
      complete = false;
      continue;
    }
    const amount = ctx.amountOf(p);
    if (amount === undefined) {
      complete = false;
      continue;
    }
    const key = regionKey(h.region);
    const entry = regions.get(key) ?? { name: h.region, total: ZERO };
    entry.total += amount;
    regions.set(key, entry);
    ctx.count(
      p,
      {
        rule: FIP_REG25.id,
        article: "L. 214-31 IV",
        note: `region ${entry.name}`,
        explain: why("counted-region", {
          region: entry.name,
          article: "L. 214-31 IV",
        }),
      },
      amount,
    );
  }
  const groups: GroupResult[] = [];
  let worst: { name: string; total: Amount } | undefined;
  for (const entry of regions.values()) {
    const r = evaluateRatio({
      rule: FIP_REG25,
      threshold: limit,
      numerator: entry.total,
      denominator: ctx.denominator,
      binding: true,
      complete: true,
      warningMargin: ctx.warningMargin,
    });
    groups.push({
      key: entry.name,
      value: r.value,
      numerator: formatAmount(entry.total),
      status: r.status,
      unit: "EUR",
    });
    if (worst === undefined || entry.total > worst.total) worst = entry;
  }
  const result = evaluateRatio({
    rule: FIP_REG25,
    threshold: limit,
    numerator: worst?.total ?? ZERO,
    denominator: ctx.denominator,
    binding: true,
    complete,
    warningMargin: ctx.warningMargin,
    message: worst
      ? `Largest region: ${worst.name} (${ctx.fund.overseasZone ? "50 % per collectivité of the overseas zone" : "25 % per region"}).`
      : "No security, SARL part or advance with a region.",
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
  result.groups = groups.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return result;
}
