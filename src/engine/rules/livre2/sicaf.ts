import { amountToDecimal } from "../../amount";
import { Dec } from "../../decimal";
import type { FundContext } from "../../fund-context";
import type { RuleResult } from "../../result";
import { ratioAt, requireVersion } from "../../../law";
import { referenceOf } from "../../../law/parameter";
import { type Fraction, fractionAt } from "../../../law/livre2/fraction";
import { SICAF } from "../../../law/livre2/sicaf";
import { SICAF_BUYBACK, SICAF_OWN10 } from "./definitions";
import { fundValue, measure, note, ZERO } from "./kit";
import type { Reason } from "../../reasons";

type SicafColumn =
  | "ownSharesHeld"
  | "sharesBoughtYtd"
  | "sharesResoldYtd"
  | "sharePrice"
  | "navPerShare";

/**
 * The fund's columns below zero: a number of shares, a price or a net asset value never is. Such a
 * value is a sign error, unknown (-500 own shares may be 500), never a figure to judge on.
 */
function belowZero(
  ctx: FundContext,
  columns: SicafColumn[],
  article: string,
): { columns: Set<SicafColumn>; notes: Reason[] } {
  const found = new Set<SicafColumn>();
  for (const c of columns) {
    const v = ctx.fund[c];
    if (v !== undefined && v < ZERO) found.add(c);
  }
  return {
    columns: found,
    notes: [...found].map((column) =>
      note("value-negative", { column, article }),
    ),
  };
}

/** L. 214-137: not "plus de 10 % du total de ses propres actions". */
export function sicafOwnShares(ctx: FundContext): RuleResult {
  const own = fundValue(ctx, "ownSharesHeld", SICAF_OWN10);
  const shares = fundValue(ctx, "sharesIssued", SICAF_OWN10);
  const negative = belowZero(ctx, ["ownSharesHeld"], SICAF_OWN10.article);
  return measure(ctx, {
    rule: SICAF_OWN10,
    threshold: SICAF.ownShares,
    numerator: own ?? ZERO,
    denominator: shares,
    complete: own !== undefined && negative.columns.size === 0,
    unit: "units",
    notes: negative.notes,
  });
}

/**
 * L. 214-137: buy-backs net of resales in the year, at most 10 % of the capital, 25 % when the price
 * is more than 10 % below the net asset value per share (tested at the as-of date), or the limit an
 * extraordinary meeting authorised.
 */
export function sicafBuyback(ctx: FundContext): RuleResult {
  const f = ctx.fund;
  const bought = fundValue(ctx, "sharesBoughtYtd", SICAF_BUYBACK);
  const shares = fundValue(ctx, "sharesIssued", SICAF_BUYBACK);
  // Blank resales count as none: the net figure is then never understated.
  const net = (bought ?? ZERO) - (f.sharesResoldYtd ?? ZERO);
  const base = fractionAt(SICAF.buyback, ctx.asOf);
  const discounted = fractionAt(SICAF.buybackDiscounted, ctx.asOf);
  const negative = belowZero(
    ctx,
    ["sharesBoughtYtd", "sharesResoldYtd", "sharePrice", "navPerShare"],
    SICAF_BUYBACK.article,
  );
  const countsBelowZero =
    negative.columns.has("sharesBoughtYtd") ||
    negative.columns.has("sharesResoldYtd");
  // A price or NAV below zero is no price: read as blank (-95 is no discount on 100).
  const priceRead =
    f.sharePrice !== undefined &&
    f.navPerShare !== undefined &&
    !negative.columns.has("sharePrice") &&
    !negative.columns.has("navPerShare");
  let threshold: Fraction = base;
  let priceKnown = true;
  if (f.buybackLimitPct !== undefined)
    threshold = { p: f.buybackLimitPct, q: new Dec(1) };
  else if (
    priceRead &&
    f.sharePrice !== undefined &&
    f.navPerShare !== undefined
  ) {
    // "inférieur de plus de 10 %": price < (1 − 10 %) × NAV, strictly.
    const floor = amountToDecimal(f.navPerShare).times(
      new Dec(1).minus(ratioAt(SICAF.discount, ctx.asOf)),
    );
    if (amountToDecimal(f.sharePrice).lt(floor)) threshold = discounted;
  } else priceKnown = false;
  const r = measure(ctx, {
    rule: SICAF_BUYBACK,
    threshold,
    numerator: net,
    denominator: shares,
    complete:
      bought !== undefined &&
      !countsBelowZero &&
      !f.invalid.has("sharesResoldYtd") &&
      !f.invalid.has("buybackLimitPct"),
    unit: "units",
    notes: [
      ...negative.notes,
      note("buyback-limit", {
        threshold: threshold.p.dividedBy(threshold.q).toString(),
        article: SICAF_BUYBACK.article,
      }),
      ...(priceKnown
        ? []
        : [note("buyback-price-unknown", { article: SICAF_BUYBACK.article })]),
    ],
  });
  // The law the rule applied: 10 %, or 25 % at a discount (the meeting's own limit is not the law's).
  const param =
    threshold === discounted ? SICAF.buybackDiscounted : SICAF.buyback;
  r.law = referenceOf(param, requireVersion(param, ctx.asOf), ctx.asOf);
  // Price or NAV blank: above 10 % but within 25 % the limit that applies is unknown.
  if (
    !priceKnown &&
    r.status === "breach" &&
    shares !== undefined &&
    amountToDecimal(net)
      .times(discounted.q)
      .lte(discounted.p.times(amountToDecimal(shares)))
  ) {
    r.status = "incomplete";
    r.partial = true;
  }
  return r;
}

export function evaluateSicaf(ctx: FundContext): RuleResult[] {
  return [sicafBuyback(ctx), sicafOwnShares(ctx)];
}

export const SICAF_RULES = [SICAF_BUYBACK, SICAF_OWN10];
