import type { FundContext } from "../../fund-context";
import { Groups } from "../../measures";
import type { Holding } from "../../model";
import type { RuleResult } from "../../result";
import { LEFT_OUT } from "../../../law/livre2/left-out";
import { FIA_FEED85M, OPCI_UNLIM } from "./definitions";
import { breaks, note, share, ZERO } from "./kit";

// Two of the rules the first build left out for lack of columns (docs/workbook-format.md).

/**
 * L. 214-36 II: an OPCI (and its 2° companies) "ne peuvent détenir" anything in an entity whose
 * members answer « indéfiniment et solidairement » for its debts: any such position is a breach naming the line.
 */
export const opciUnlimited = (ctx: FundContext): RuleResult =>
  share(ctx, {
    rule: OPCI_UNLIM,
    law: LEFT_OUT.opciUnlimited,
    select: ({ holding: h }) => {
      if (h.jointLiabilityEntity)
        return breaks({
          key: "scpi-joint-liability",
          article: OPCI_UNLIM.article,
        });
      return h.invalid.has("jointLiabilityEntity")
        ? { unknown: "jointLiabilityEntity" }
        : "out";
    },
  });

/** Units of a master: `FUND_UNITS` with a `masterId`. */
const isUnits = (h: Holding) =>
  h.assetClass === "FUND_UNITS" && h.masterId !== undefined;

/**
 * L. 214-24 IV 2°: a FIA invested at least 85 % in several masters with identical investment
 * strategies is a feeder AIF (a classification, never a breach). Masters share a strategy when
 * their units carry the same `masterStrategy`; the largest such group is measured. A master has
 * one strategy: a row of its units without a readable one takes the one another row of that
 * master states, held on the date or not (the first in code-point order, whatever the rows' order). Units whose strategy
 * cannot be read and no other row states, and units of another strategy whose amount cannot be
 * read (that group may be the largest), and units whose `masterId` cannot be read, leave the
 * value `incomplete`.
 */
export function fiaSeveralMasters(ctx: FundContext): RuleResult {
  const held = ctx.heldPositions();
  const stated = new Map<string, string>();
  // Any row of the master says its strategy, held on the date or not.
  for (const { holding: h } of ctx.positions) {
    if (!isUnits(h) || h.masterStrategy === undefined) continue;
    const s = stated.get(h.masterId!);
    if (s === undefined || h.masterStrategy < s)
      stated.set(h.masterId!, h.masterStrategy);
  }
  const strategyOf = (h: Holding) =>
    isUnits(h) ? (h.masterStrategy ?? stated.get(h.masterId!)) : undefined;
  const byStrategy = new Groups();
  for (const p of held) {
    const s = strategyOf(p.holding);
    if (s !== undefined) byStrategy.add(s, s, p.amount ?? ZERO);
  }
  const strategy = byStrategy.largest()?.key;
  return share(
    ctx,
    {
      rule: FIA_FEED85M,
      law: LEFT_OUT.fiaSeveralMasters,
      select: (p) => {
        const h = p.holding;
        const s = strategyOf(h);
        // Units whose master cannot be read may be a master's of that strategy.
        if (h.assetClass === "FUND_UNITS" && h.invalid.has("masterId"))
          return { unknown: "masterId" };
        if (s === undefined)
          return isUnits(h) && h.invalid.has("masterStrategy")
            ? { unknown: "masterStrategy" }
            : "out";
        if (s === strategy) return "in";
        return p.amount === undefined ? { unknown: "fairValue" } : "out";
      },
    },
    {
      notes: [
        note("masters-strategy", {
          name: strategy,
          article: FIA_FEED85M.article,
        }),
      ],
    },
  );
}
