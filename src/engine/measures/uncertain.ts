import type { FundContext } from "../fund-context";
import type { FundType, Holding } from "../model";
import { type Reason, reason } from "../reasons";
import type { RuleResult, Status } from "../result";
import { english } from "../../present/english";

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

type Note = { text: string; reasons: Reason[] };

/**
 * What the fund leaves unknown to every rule measured on its holdings: a base that could not be
 * established in full, and rows that cannot be placed (such a row may enter any rule). Null when
 * nothing is unknown.
 */
function uncertainty(ctx: FundContext): Note | null {
  // Kept on the context, not in a WeakMap keyed by it: one write per check, each edit's too.
  let note = ctx.uncertainty as Note | null | undefined;
  if (note !== undefined) return note;
  const notes: Reason[] = [];
  if (!ctx.denominatorComplete) notes.push(reason("base-partial", {}));
  const rows = unplacedRows(ctx);
  if (rows.length) {
    const listed = rows.slice(0, 5).map((h) => h.row);
    const column = classifyingColumn(ctx.fund.fundType);
    const more = Math.max(rows.length - 5, 0);
    notes.push(reason("rows-unplaced", { rows: listed, more, column }));
  }
  const stray = withoutFund(ctx, "Holdings");
  if (stray) notes.push(stray);
  note = notes.length
    ? { text: notes.map(english).join(" "), reasons: notes }
    : null;
  ctx.uncertainty = note;
  return note;
}

/**
 * A result measured on the fund's holdings cannot claim more than the fund lets it know: while a
 * row cannot be placed or the base is partial, a claiming status becomes `incomplete`, the value
 * stays (partial) and the message says why. compare() applies it to every result it builds.
 */
export function settle(ctx: FundContext, r: RuleResult): void {
  const note = uncertainty(ctx);
  if (note !== null) claimNoMore(r, note);
}

/** A claiming status (and each claiming condition) becomes `incomplete`, partial, saying why. */
function claimNoMore(r: RuleResult, note: Note): void {
  if (!CLAIMS.has(r.status)) return;
  r.status = "incomplete";
  r.partial = true;
  // Coded too when the message is (or there is none), so every language says why.
  if (r.reasons !== undefined || !r.message)
    r.reasons = [...(r.reasons ?? []), ...note.reasons];
  r.message = r.message ? `${r.message} ${note.text}` : note.text;
  for (const c of r.conditions ?? [])
    if (CLAIMS.has(c.status)) c.status = "incomplete";
}

/** The reason naming the table's rows that no fund takes (the first five, and how many more); null when none. */
function withoutFund(
  ctx: FundContext,
  table: "Holdings" | "Holders" | "Orders",
): Reason | null {
  const rows = ctx.withoutFund?.[table];
  if (!rows?.length) return null;
  return reason("rows-without-fund", {
    rows: rows.slice(0, 5),
    more: Math.max(rows.length - 5, 0),
    table,
  });
}

/**
 * A result measured on the Holders (or Orders) table cannot claim more than that table lets it
 * know: while a row of it names no fund, it may be one of this fund's investors (or orders).
 */
export function settleRowsOfNoFund(
  ctx: FundContext,
  r: RuleResult,
  table: "Holders" | "Orders",
): void {
  const stray = withoutFund(ctx, table);
  if (stray !== null)
    claimNoMore(r, { text: english(stray), reasons: [stray] });
}

/** Says, once per row, which value of an unplaced row is needed: its holding dates, or its class. */
export function reportUnplacedRows(ctx: FundContext): void {
  const rows = unplacedRows(ctx);
  // Most funds have none: no iterator made, nor the column looked up.
  if (rows.length === 0) return;
  const column = classifyingColumn(ctx.fund.fundType);
  for (const h of rows) {
    const dates = h.invalid.has("investmentDate")
      ? "investmentDate"
      : h.invalid.has("disposalDate")
        ? "disposalDate"
        : undefined;
    if (dates) ctx.needHolding(h, dates, { purpose: "held" });
    else ctx.needHolding(h, column, { purpose: "classify" });
  }
}
