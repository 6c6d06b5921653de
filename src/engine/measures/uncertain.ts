import type { FundContext } from "../fund-context";
import type { FundType, Holding } from "../model";
import type { RuleResult, Status } from "../result";

/** Statuses that claim a result; an unplaced position turns them into `incomplete`. A breach stays: more rows cannot cure it silently. */
const CLAIMS = new Set<Status>(["pass", "warning", "not-binding", "info"]);

/** The column that places a holding in its fund's rules: OPCI positions by item of L. 214-36 I, all others by asset class. */
export function classifyingColumn(
  fundType: FundType | undefined,
): "assetClass" | "opciCategory" {
  return fundType === "SPPICAV" || fundType === "FPI"
    ? "opciCategory"
    : "assetClass";
}

/**
 * Rows that may belong to any holdings rule of the fund: a held position whose class is blank or
 * unreadable, and any position whose holding dates are unreadable (held or not is then unknown).
 * Found by FundContext as it builds the positions.
 */
function unplacedRows(ctx: FundContext): Holding[] {
  return ctx.unplaced;
}

const NOTES = new WeakMap<FundContext, string | null>();

/**
 * What the fund leaves unknown to every rule measured on its holdings: a base that could not be
 * established in full, and rows that cannot be placed (such a row may enter any rule). Null when
 * nothing is unknown.
 */
function uncertainty(ctx: FundContext): string | null {
  let note = NOTES.get(ctx);
  if (note !== undefined) return note;
  const notes: string[] = [];
  if (!ctx.denominatorComplete)
    notes.push(
      "The base of the ratio is partial: a value it needs is blank or unreadable.",
    );
  const rows = unplacedRows(ctx);
  if (rows.length) {
    const listed = rows
      .slice(0, 5)
      .map((h) => h.row)
      .join(", ");
    const more = rows.length > 5 ? ` and ${rows.length - 5} more` : "";
    notes.push(
      `Holdings row${rows.length > 1 ? "s" : ""} ${listed}${more} cannot be placed (${classifyingColumn(ctx.fund.fundType)} or holding dates unreadable or blank): the position may belong to this rule.`,
    );
  }
  note = notes.length ? notes.join(" ") : null;
  NOTES.set(ctx, note);
  return note;
}

/**
 * A result measured on the fund's holdings cannot claim more than the fund lets it know: while a
 * row cannot be placed or the base is partial, a claiming status becomes `incomplete`, the value
 * stays (partial) and the message says why. compare() applies it to every result it builds.
 */
export function settle(ctx: FundContext, r: RuleResult): void {
  const note = uncertainty(ctx);
  if (note === null || !CLAIMS.has(r.status)) return;
  r.status = "incomplete";
  r.partial = true;
  r.message = r.message ? `${r.message} ${note}` : note;
  for (const c of r.conditions ?? [])
    if (CLAIMS.has(c.status)) c.status = "incomplete";
}

/** Says, once per row, which value of an unplaced row is needed: its holding dates, or its class. */
export function reportUnplacedRows(ctx: FundContext): void {
  const column = classifyingColumn(ctx.fund.fundType);
  for (const h of unplacedRows(ctx)) {
    const dates = h.invalid.has("investmentDate")
      ? "investmentDate"
      : h.invalid.has("disposalDate")
        ? "disposalDate"
        : undefined;
    if (dates)
      ctx.needHolding(
        h,
        dates,
        `${dates} is needed to know whether the position is held on the as-of date.`,
      );
    else
      ctx.needHolding(
        h,
        column,
        `${column} is needed to know which rules the position enters.`,
      );
  }
}
