import { compareText } from "../compare-text";
import { idKey } from "../id-key";
import {
  amountFromDecimal,
  amountToDecimal,
  formatAmount,
  minAmount,
  ZERO,
} from "../amount";
import { Dec } from "../decimal";
import { type RatioParameter, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import type { Holding } from "../model";
import { type NeedPurpose, type Reason, reason as why } from "../reasons";

// L. 214-30 and L. 214-31 III A 2°, in the same words. a): securities bought from other holders
// count only when « leur valeur est inférieure à la valeur des titres ou parts de cette société
// mentionnés au 1° … détenus par le fonds » (strictly below), issuer by issuer. b): they also
// count when, « au moment du rachat », the fund committed to subscribe « pour une valeur au moins
// équivalente au rachat »; « La réalisation de cette condition est appréciée sur la durée de vie du fonds ».

/** What b) says of a purchase: counted, or refused (an unknown value is a refusal that names it). */
export type Counted = Reason & { code: "counted-secondary-commitment" };
export type Refused = Reason & { code: "secondary-commitment" };

/**
 * b): the commitment of each secondary purchase of one company, in the fund's life (none: a)
 * decides). Fulfilment is the fund's subscriptions in that company made on or after the purchase
 * date and by the as-of date (held or since disposed of); when several purchases share them, the
 * latest purchase takes from the subscriptions made after it first, so none is counted twice.
 */
export function commitments(
  ctx: FundContext,
  purchases: Position[],
  parameter: RatioParameter,
  article: string,
): Map<Position, Counted | Refused> {
  const ratio = ratioAt(parameter, ctx.asOf);
  const refusal = (facts: Refused["facts"]) =>
    why("secondary-commitment", facts) as Refused;
  const unknown = (column: keyof typeof NEEDS) =>
    refusal({ test: "unknown", column, article });
  // The company's rows whatever the case or spaces of its id (as fund ids match, contract §3).
  const id = purchases[0]?.holding.issuerId;
  const issuer = id === undefined ? undefined : idKey(id);
  const subscriptions = ctx.positions.filter(
    (p) =>
      issuer !== undefined &&
      p.holding.issuerId !== undefined &&
      idKey(p.holding.issuerId) === issuer &&
      p.holding.acquisitionMode === "SUBSCRIPTION" &&
      p.holding.investmentDate !== undefined &&
      p.holding.investmentDate <= ctx.asOf,
  );
  const term = ctx.fund.fundTermDate;
  const ended = term !== undefined && ctx.asOf > term;
  let consumed = ZERO;
  const decide = (h: Holding): Counted | Refused | undefined => {
    if (h.invalid.has("subscriptionCommitment"))
      return unknown("subscriptionCommitment");
    const { subscriptionCommitment: commitment, costValue: cost } = h;
    if (commitment === undefined) return undefined;
    if (cost === undefined) return unknown("costValue");
    // « au moins équivalente au rachat »: the commitment reaches the purchase's cost (≥).
    const required = amountFromDecimal(
      ratio.times(amountToDecimal(cost)).toDecimalPlaces(6, Dec.ROUND_CEIL),
    );
    const [committed, bought] = [commitment, cost].map(formatAmount);
    const amounts = { commitment: committed!, cost: bought! };
    if (commitment < required)
      return refusal({ test: "below", ...amounts, article });
    const since = h.investmentDate;
    let subscribed = ZERO;
    if (since !== undefined)
      for (const s of subscriptions)
        if (s.holding.investmentDate! >= since)
          subscribed += s.holding.costValue ?? ZERO;
    const allocated = minAmount(subscribed - consumed, required);
    const taken = formatAmount(allocated > ZERO ? allocated : ZERO);
    if (allocated > ZERO) consumed += allocated;
    const explain = why("counted-secondary-commitment", {
      ...amounts,
      subscribed: taken,
      article,
      ...(term === undefined ? {} : { termDate: term }),
    }) as Counted;
    if (allocated >= required) return explain;
    // Not yet fulfilled and the end of the fund's life unknown: it may have ended.
    if (ctx.fund.invalid.has("fundTermDate") || term === undefined)
      return unknown("fundTermDate");
    if (since === undefined && ended) return unknown("investmentDate");
    if (!ended) return explain;
    const facts = { subscribed: taken, cost: bought!, termDate: term };
    return refusal({ test: "unfulfilled", ...facts, article });
  };
  const out = new Map<Position, Counted | Refused>();
  // Bought the same day: by lineId, then row, not in the rows' order, so that sorting the table
  // never moves a subscription from one purchase to another.
  const latestFirst = [...purchases].sort(
    (a, b) =>
      compareText(b.holding.investmentDate, a.holding.investmentDate) ||
      compareText(a.holding.lineId, b.holding.lineId) ||
      a.holding.row - b.holding.row,
  );
  for (const p of latestFirst) {
    const c = decide(p.holding);
    if (c) out.set(p, c);
  }
  return out;
}

/** What each value a commitment needs decides, as the diagnostic says it. */
export const NEEDS = {
  fundTermDate: "secondary-term",
  investmentDate: "secondary-date",
  costValue: "secondary-cost",
  subscriptionCommitment: "secondary-commitment",
} as const satisfies Record<string, NeedPurpose>;
