import type { FundContext, Position } from "../fund-context";
import { type IsoDate, isoFromParts } from "../dates";
import type { Holding } from "../model";
import { reason as why } from "../reasons";
import type { RuleResult } from "../result";
import { measureAgain, readAs, reading } from "./measure-again";

/**
 * A `listingStatus` that cannot be read (a blank one is « unlisted »): the position may be admitted
 * to trading, and L. 214-28 I counts only securities « qui ne sont pas admis aux négociations »
 * (III 2° the debt of such companies, II 1° the advances to them; L. 214-30 I and L. 214-31 I take
 * them over). The rules were measured with the reader's « unlisted »; they are measured again
 * with those positions admitted to a regulated market, and a rule whose status differs depends on
 * the cell: `incomplete`, never the better reading.
 */
export function settleUnreadListing(
  ctx: FundContext,
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
): void {
  const invalid = heldWithInvalid(ctx);
  if (invalid.length === 0) return;
  const unread = invalid.filter((p) => p.holding.invalid.has("listingStatus"));
  settleUnreadListingDate(ctx, invalid, results, evaluate);
  if (unread.length === 0) return;
  const rows = new Set(unread.map((p) => p.holding));
  // The unread ones admitted to trading.
  const listed = (h: Holding) => readAs(h, { listingStatus: "REGULATED" });
  const holdings = reading(ctx, rows, listed);
  const lines = unread.map((p) => p.holding.lineId).sort();
  const note = why("listing-unknown", { lines, article: "L. 214-28 I" });
  measureAgain(ctx, [holdings], results, evaluate, note);
}

/** The held positions with an unreadable cell, looked for among those rows only. */
function heldWithInvalid(ctx: FundContext): Position[] {
  // None, on most reads: making every position of a fund read as columns would cost a large
  // fund's check several times over.
  return ctx.columns
    .withInvalid()
    .filter((i) => ctx.held[i] === 1)
    .map((i) => ctx.positionAt(i));
}

/**
 * A listed security whose `listingDate` cannot be read (a blank one is « admitted when bought »):
 * admitted after the investment, it counts under IV for five years from its admission and may
 * then join the 20 % of III, or leave the quota. The rules are measured again with the
 * admission on the day after the investment (the earliest: its five years most likely ended) and
 * on the as-of date (the latest): a rule whose status differs depends on the cell, `incomplete`.
 */
function settleUnreadListingDate(
  ctx: FundContext,
  invalid: Position[],
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
): void {
  const unread = invalid.filter((p) => {
    const { listingStatus: s, invalid: cells } = p.holding;
    return cells.has("listingDate") && s !== undefined && s !== "UNLISTED";
  });
  if (unread.length === 0) return;
  const rows = new Set(unread.map((p) => p.holding));
  const admitted = (h: Holding, when: "earliest" | "latest"): Holding =>
    readAs(h, {
      listingDate:
        when === "latest"
          ? ctx.asOf
          : h.investmentDate === undefined
            ? "1900-01-01"
            : dayAfter(h.investmentDate),
    });
  const lines = unread.map((p) => p.holding.lineId).sort();
  const note = why("listing-date-unknown", { lines, article: "L. 214-28 IV" });
  const readings = (["earliest", "latest"] as const).map((when) =>
    reading(ctx, rows, (h) => admitted(h, when)),
  );
  measureAgain(ctx, readings, results, evaluate, note);
}

function dayAfter(date: IsoDate): IsoDate {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return isoFromParts(
    next.getUTCFullYear(),
    next.getUTCMonth() + 1,
    next.getUTCDate(),
  );
}
