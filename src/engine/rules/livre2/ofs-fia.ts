import { amountFromString, amountToDecimal } from "../../amount";
import { idKey } from "../../id-key";
import { fractionAt } from "../../../law/livre2/fraction";
import type { FundContext } from "../../fund-context";
import { settleRowsOfNoFund, unreadHoldingDate } from "../../measures";
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

/**
 * The exposures of L. 214-190-1 VI: « tirages d'un prêt octroyé » and « créances à naître de tirages
 * provenant de prêts » (loans granted: receivables, and advances in current account, which are
 * loans the fund grants), « instruments financier à terme », « garanties », « sous-participation en
 * risque ». Which positions carry a maximum loss is left open (LIVRE2 §6 Q14): an advance is not
 * left out, the reading that never overstates compliance.
 */
const EXPOSURES = new Set([
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "FINANCIAL_CONTRACT",
  "GUARANTEE",
  "SUB_PARTICIPATION",
]);

/**
 * L. 214-190-1 VI: maximum losses within the asset plus uncalled subscriptions, "évalué à tout
 * moment". The asset plus uncalled is the limit itself: at 0, any loss above 0 exceeds it. What was
 * not read can only add to the losses, unless an amount of the fund is below zero (an unread one
 * could be too) or a row may not be held.
 */
export function ofsLoss(ctx: FundContext): RuleResult {
  const f = ctx.fund;
  let lossBelowZero = false;
  const sum = sumWhere(
    ctx,
    OFS_LOSS,
    ({ holding: h }) => {
      // A row of unknown class may be an exposure (« may belong to any rule of its fund »): one
      // whose maximum loss is read below zero could lower the sum, so no breach stands on it; one
      // whose maximum loss is blank or unread is unknown, as an exposure's is (below zero only as
      // another amount of the fund is: belowZero).
      if (
        h.assetClass === undefined &&
        (h.maxLoss === undefined || h.maxLoss < ZERO)
      ) {
        if (h.maxLoss !== undefined) lossBelowZero = true;
        return { unknown: "assetClass" };
      }
      if (!EXPOSURES.has(h.assetClass ?? "")) return "out";
      // « Not when a row's holding dates are unread (it may be in the numerator and sold) ».
      const date = unreadHoldingDate(h);
      if (date !== undefined) return { unknown: date };
      if (h.maxLoss === undefined) return { unknown: "maxLoss" };
      if (h.maxLoss < ZERO) lossBelowZero = true;
      return "in";
    },
    (p) => p.holding.maxLoss,
  );
  // The sum is of maximum losses, not of fair values: a loan's unread fair value takes nothing from
  // it. An unread maximum loss could be below zero only as others of the fund are (belowZero).
  sum.mayLower = false;
  return ratio(ctx, OFS_LOSS, OFS_FIA.ofsLoss, sum, {
    base: {
      total:
        ctx.denominator === undefined
          ? undefined
          : ctx.denominator + (f.uncalledSubscriptions ?? ZERO),
      complete:
        ctx.denominatorComplete && !f.invalid.has("uncalledSubscriptions"),
    },
    partialIsLeast: !ctx.belowZero && !lossBelowZero,
    baseIsLimit: true,
  });
}

/**
 * A rule a fund takes by a yes/no column it could not read: the fund may be under it, so the rule
 * is reported and cannot claim a result (WORKBOOK-FORMAT.md §2: « the rules that needed that value
 * report incomplete »), whatever the figures say.
 */
function claimUnread(r: RuleResult, column: string, article: string) {
  r.status = "incomplete";
  r.partial = true;
  r.reasons = [...(r.reasons ?? []), note("claim-unread", { column, article })];
}

/**
 * L. 214-26-1, L. 214-190-1 IX: "à vingt investisseurs au plus": distinct holders with units. Ids
 * that differ only by case are counted as one investor; when they would take the count above 20
 * written apart, which they are is unknown: incomplete. A blank id or units can only add investors.
 */
export function twentyInvestors(
  ctx: FundContext,
  rule: L2Rule,
): RuleResult | undefined {
  const f = ctx.fund;
  const flagUnread = f.invalid.has("reservedTo20Investors");
  if (!f.reservedTo20Investors && !flagUnread) return undefined;
  const ids = new Set<string>();
  const asWritten = new Set<string>();
  let complete = ctx.holders.length > 0;
  for (const h of ctx.holders) {
    if (h.units === undefined || h.holderId === undefined) {
      complete = false;
      if (h.holderId === undefined)
        ctx.needHolder(h, "holderId", neededBy(rule, "investors"));
      continue;
    }
    if (h.units > ZERO) {
      ids.add(idKey(h.holderId));
      asWritten.add(h.holderId.trim());
    }
  }
  const threshold =
    rule === FIVG_20INV ? OFS_FIA.fivgInvestors : OFS_FIA.ofsInvestors;
  const limit = fractionAt(threshold, ctx.asOf);
  const apartBeyond = amountToDecimal(amountFromString(String(asWritten.size)))
    .times(limit.q)
    .gt(limit.p);
  const spelled = asWritten.size > ids.size && apartBeyond;
  const r = measure(ctx, {
    rule,
    threshold,
    numerator: amountFromString(String(ids.size)),
    denominator: null,
    absolute: "count",
    complete: complete && !spelled,
    partialIsLeast: true,
    notes: [
      ctx.holders.length
        ? note("investors", { count: ids.size, article: rule.article })
        : note("holders-missing"),
      ...(spelled
        ? [
            note("investors-case", {
              count: asWritten.size,
              article: rule.article,
            }),
          ]
        : []),
    ],
  });
  if (flagUnread) claimUnread(r, "reservedTo20Investors", rule.article);
  // A Holders row of no known fund may be one more of this fund's investors.
  settleRowsOfNoFund(ctx, r, "Holders");
  return r;
}

/** L. 214-24 VI: a self-managed AIF "dispose d'un capital initial d'au moins 300 000 €". */
export function selfManagedCapital(ctx: FundContext): RuleResult | undefined {
  const flagUnread = ctx.fund.invalid.has("selfManaged");
  if (!ctx.fund.selfManaged && !flagUnread) return undefined;
  const capital = fundValue(ctx, "initialCapital", FIA_CAP300K);
  const r = measure(ctx, {
    rule: FIA_CAP300K,
    threshold: OFS_FIA.selfManagedCapital,
    numerator: capital ?? ZERO,
    denominator: null,
    absolute: "EUR",
    complete: capital !== undefined,
  });
  if (flagUnread) claimUnread(r, "selfManaged", FIA_CAP300K.article);
  return r;
}

export { FIVG_20INV, OFS_20INV };
