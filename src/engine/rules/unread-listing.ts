import type { FundContext } from "../fund-context";
import { type Holding, IN_COLUMNS } from "../model";
import { reason as why } from "../reasons";
import type { RuleResult } from "../result";
import { measureAgain } from "./measure-again";

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
  // Only the rows with an unreadable cell are looked at (none, on most reads): making every
  // position of a fund read as columns would cost a large fund's check several times over.
  const unread = ctx.columns
    .withInvalid()
    .filter((i) => ctx.held[i] === 1)
    .map((i) => ctx.positionAt(i))
    .filter((p) => p.holding.invalid.has("listingStatus"));
  if (unread.length === 0) return;
  const rows = new Set(unread.map((p) => p.holding));
  // Each row as read, through the prototype whatever the read's form, and none of them one of the
  // read's columns (whose listingStatus is the one read); the unread ones admitted to trading.
  const asRead = (h: Holding): Holding =>
    Object.create(h, { [IN_COLUMNS]: { value: undefined } }) as Holding;
  const listed = (h: Holding): Holding =>
    Object.create(h, {
      [IN_COLUMNS]: { value: undefined },
      listingStatus: { value: "REGULATED", enumerable: true },
      invalid: {
        value: new Set([...h.invalid].filter((c) => c !== "listingStatus")),
        enumerable: true,
      },
    }) as Holding;
  const holdings = ctx.positions.map((p) =>
    rows.has(p.holding) ? listed(p.holding) : asRead(p.holding),
  );
  const lines = unread.map((p) => p.holding.lineId).sort();
  const note = why("listing-unknown", { lines, article: "L. 214-28 I" });
  measureAgain(ctx, holdings, results, evaluate, note);
}
