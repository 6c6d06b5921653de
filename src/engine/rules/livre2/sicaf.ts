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

/** L. 214-137: not "plus de 10 % du total de ses propres actions". */
export function sicafOwnShares(ctx: FundContext): RuleResult {
  const own = fundValue(ctx, "ownSharesHeld", SICAF_OWN10);
  const shares = fundValue(ctx, "sharesIssued", SICAF_OWN10);
  return measure(ctx, {
    rule: SICAF_OWN10,
    threshold: SICAF.ownShares,
    numerator: own ?? ZERO,
    denominator: shares,
    complete: own !== undefined,
    unit: "units",
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
  let threshold: Fraction = base;
  let priceKnown = true;
  if (f.buybackLimitPct !== undefined)
    threshold = { p: f.buybackLimitPct, q: new Dec(1) };
  else if (f.sharePrice !== undefined && f.navPerShare !== undefined) {
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
      !f.invalid.has("sharesResoldYtd") &&
      !f.invalid.has("buybackLimitPct"),
    unit: "units",
    notes: [
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
