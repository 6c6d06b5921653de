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
import {
  type Need,
  type NeedPurpose,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";

// L. 214-30 and L. 214-31 III A 2° b), in the same words: securities bought from other holders also count when, « au moment du
// rachat », the fund committed to subscribe « pour une valeur au moins équivalente au rachat »;
// « La réalisation de cette condition est appréciée sur la durée de vie du fonds ».

export type Commitment =
  | { kind: "none" }
  | { kind: "counts"; explain: Reason }
  | { kind: "refused"; why: Reason & { code: "secondary-commitment" } }
  | {
      kind: "unknown";
      column: string;
      table: "Funds" | "Holdings";
      why: Need;
    };

/**
 * The commitment of each secondary purchase of one company, in the fund's life. Fulfilment is
 * the fund's subscriptions in that company made on or after the purchase date and by the as-of
 * date (held or since disposed of); when several purchases share them, the latest purchase takes
 * from the subscriptions made after it first, so none is counted twice.
 */
export function commitments(
  ctx: FundContext,
  purchases: Position[],
  parameter: RatioParameter,
): Map<Position, Commitment> {
  const out = new Map<Position, Commitment>();
  const ratio = ratioAt(parameter, ctx.asOf);
  const ARTICLE = `${parameter.versions[0]!.article} III A 2° b)`;
  const unknown = (column: keyof typeof NEEDS): Commitment => ({
    kind: "unknown",
    table: column === "fundTermDate" ? "Funds" : "Holdings",
    column,
    why: { purpose: NEEDS[column], article: ARTICLE },
  });
  const issuer = purchases[0]?.holding.issuerId;
  const subscriptions = ctx.positions.filter(
    (p) =>
      issuer !== undefined &&
      p.holding.issuerId === issuer &&
      p.holding.acquisitionMode === "SUBSCRIPTION" &&
      p.holding.investmentDate !== undefined &&
      p.holding.investmentDate <= ctx.asOf,
  );
  let consumed = ZERO;
  const latestFirst = [...purchases].sort((a, b) =>
    (b.holding.investmentDate ?? "").localeCompare(
      a.holding.investmentDate ?? "",
    ),
  );
  for (const p of latestFirst) {
    const h = p.holding;
    if (h.invalid.has("subscriptionCommitment")) {
      out.set(p, unknown("subscriptionCommitment"));
      continue;
    }
    const commitment = h.subscriptionCommitment;
    if (commitment === undefined) {
      out.set(p, { kind: "none" });
      continue;
    }
    const cost = h.costValue;
    if (cost === undefined) {
      out.set(p, unknown("costValue"));
      continue;
    }
    // « au moins équivalente au rachat »: the commitment reaches the purchase's cost (≥).
    const required = amountFromDecimal(
      ratio.times(amountToDecimal(cost)).toDecimalPlaces(6, Dec.ROUND_CEIL),
    );
    if (commitment < required) {
      const [committed, bought] = [
        formatAmount(commitment),
        formatAmount(cost),
      ];
      out.set(
        p,
        refused({
          test: "below",
          commitment: committed,
          cost: bought,
          article: ARTICLE,
        }),
      );
      continue;
    }
    const since = h.investmentDate;
    let subscribed = ZERO;
    if (since !== undefined)
      for (const s of subscriptions)
        if (s.holding.investmentDate! >= since)
          subscribed += s.holding.costValue ?? ZERO;
    const allocated = minAmount(subscribed - consumed, required);
    consumed += allocated > ZERO ? allocated : ZERO;
    const fulfilled = allocated >= required;
    const term = ctx.fund.fundTermDate;
    const ended = term !== undefined && ctx.asOf > term;
    const explain = why("counted-secondary-commitment", {
      commitment: formatAmount(commitment),
      cost: formatAmount(cost),
      subscribed: formatAmount(allocated > ZERO ? allocated : ZERO),
      article: ARTICLE,
      ...(term === undefined ? {} : { termDate: term }),
    });
    if (fulfilled) out.set(p, { kind: "counts", explain });
    else if (ctx.fund.invalid.has("fundTermDate") || term === undefined)
      // Not yet fulfilled and the end of the fund's life unknown: it may have ended.
      out.set(p, unknown("fundTermDate"));
    else if (since === undefined && ended)
      out.set(p, unknown("investmentDate"));
    else if (!ended) out.set(p, { kind: "counts", explain });
    else {
      const subscribedSince = formatAmount(allocated > ZERO ? allocated : ZERO);
      const facts = {
        subscribed: subscribedSince,
        cost: formatAmount(cost),
        termDate: term,
      };
      out.set(p, refused({ test: "unfulfilled", ...facts, article: ARTICLE }));
    }
  }
  return out;
}

const refused = (facts: ReasonFacts["secondary-commitment"]): Commitment => ({
  kind: "refused",
  why: why("secondary-commitment", facts) as Reason & {
    code: "secondary-commitment";
  },
});

/** What each value a commitment needs decides, as the diagnostic says it. */
const NEEDS = {
  fundTermDate: "secondary-term",
  investmentDate: "secondary-date",
  costValue: "secondary-cost",
  subscriptionCommitment: "secondary-commitment",
} as const satisfies Record<string, NeedPurpose>;
