import type { FundContext } from "../fund-context";
import type { FundType, Holding } from "../model";
import { type Reason, reason } from "../reasons";
import { L2_GATES } from "../reasons-livre2";
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

/** The reasons of what the fund leaves unknown to its holdings rules (none when nothing is). */
export function uncertaintyReasons(ctx: FundContext): Reason[] {
  return uncertainty(ctx)?.reasons ?? [];
}

/**
 * A result measured on the fund's holdings cannot claim more than the fund lets it know: while a
 * row cannot be placed, a row may be the fund's without naming it, or the base is partial, a
 * claiming status becomes `incomplete`, the value stays (partial) and the message says why; so
 * does a breach that such a row could cure (breachMayBeCured). compare() applies it to every
 * result it builds; ownBase: the result is measured over the fund's own base (ctx.denominator).
 */
export function settle(
  ctx: FundContext,
  r: RuleResult,
  ownBase = false,
  /** Its sums count a row of unread holding dates as held (compare's measures over the columns). */
  heldCounted = false,
): void {
  const note = uncertainty(ctx);
  if (note === null) return;
  const unsure = rowsHeldUnknown(ctx);
  if (
    r.status === "breach" &&
    breachMayBeCured(ctx, r, ownBase, heldCounted, unsure)
  )
    claimNoMore(r, note, true, unsure);
  else if (r.status === "incomplete" && !r.reasons?.length && !r.message) {
    // Incomplete already, saying nothing of why (a base not known in full): the note says it.
    tell(r, note);
    claimNoMore(r, note, false, unsure);
  } else {
    claimNoMore(r, note, false, unsure);
    if (r.status === "breach")
      // A limit judged alone: no closed list nor gate of its own.
      settleLimits(
        r,
        maximumMayBeCured(ctx, ownBase, heldCounted, false, unsure),
      );
  }
}

/**
 * A breach that stands on another condition (a closed list's position the fund holds) leaves its
 * limits in breach to be judged alone: a maximum such a row could cure (`cured`) is `incomplete` too.
 */
function settleLimits(r: RuleResult, cured: boolean): void {
  if (!cured) return;
  for (const c of r.conditions ?? [])
    if (
      c.kind === "limit" &&
      c.status === "breach" &&
      (c.operator === "<=" || c.operator === "<")
    )
      c.status = "incomplete";
}

/**
 * Whether a row the product could not read, place or give a fund could cure the breach (WORKBOOK-
 * FORMAT §3: every rule whose numerator or denominator it could enter is `incomplete`). A minimum
 * the readable rows miss may be reached with it. A maximum's readable part only grows with it,
 * unless it is a row of unread holding dates counted as held (heldCounted: it may be sold), or a
 * row of no fund that may grow the base too (a base summed from the positions, or a rule's own),
 * lower the sum (an amount below zero or unread), or meet a gate the fund's positions fail. A
 * position outside a closed list stays outside it, whatever else is read, if the fund holds it:
 * not when its holding dates are unread (it may be sold, or not bought yet).
 */
function breachMayBeCured(
  ctx: FundContext,
  r: RuleResult,
  ownBase: boolean,
  heldCounted: boolean,
  unsure: ReadonlySet<number>,
): boolean {
  const failed = r.conditions?.filter((c) => c.status === "breach") ?? [];
  const held = (row: number) => !unsure.has(row);
  // A closed list's breach stands on a position the fund holds; on positions maybe not held, it
  // may be cured with the rest of the rule (below).
  let refusedMaybeHeld = false;
  for (const c of failed) {
    if (c.kind !== "closed-list") continue;
    if (!c.positions?.length || c.positions.some((p) => held(p.row)))
      return false;
    refusedMaybeHeld = true;
  }
  for (const x of r.reasons ?? []) {
    if (!outsideList(x)) continue;
    if (held(x.facts.row)) return false;
    refusedMaybeHeld = true;
  }
  if (r.direction === "min") return true;
  const gateFails = failed.some((c) => c.kind === "gate");
  return maximumMayBeCured(
    ctx,
    ownBase,
    heldCounted || refusedMaybeHeld,
    gateFails,
    unsure,
  );
}

/**
 * Whether such a row could bring a maximum exceeded by the rows read back within it: « not when a
 * row's holding dates are unread (it may be in the numerator and sold) », counted as held (or
 * refused by a closed list), such a row may be one the fund no longer holds (or does not hold
 * yet); a row of no fund may grow the base, lower the sum, or meet the gate that fails (`gateFails`).
 */
function maximumMayBeCured(
  ctx: FundContext,
  ownBase: boolean,
  heldCounted: boolean,
  gateFails: boolean,
  unsure: ReadonlySet<number>,
): boolean {
  if (heldCounted && unsure.size > 0) return true;
  const orphans = ctx.withoutFund;
  if (!orphans?.Holdings.length) return false;
  return (
    !ownBase || ctx.baseSummed || orphans.holdingsMayLower === true || gateFails
  );
}

/** The holding date of a row that cannot be read (held or not is then unknown), if one cannot. */
export const unreadHoldingDate = (
  h: Holding,
): "investmentDate" | "disposalDate" | undefined =>
  h.invalid.has("investmentDate")
    ? "investmentDate"
    : h.invalid.has("disposalDate")
      ? "disposalDate"
      : undefined;

/** The rows of the fund whose investment or disposal date is unread: held or not is unknown. */
function rowsHeldUnknown(ctx: FundContext): Set<number> {
  const rows = new Set<number>();
  for (const h of ctx.unplaced) if (unreadHoldingDate(h)) rows.add(h.row);
  return rows;
}

/** Whether a row of the fund may or may not be held: its investment or disposal date unread. */
export function heldUnknown(ctx: FundContext): boolean {
  return ctx.unplaced.some((h) => unreadHoldingDate(h) !== undefined);
}

/** A Livre II position a closed list or a prohibition refuses (a gate's refusal aside: a row may meet it). */
const outsideList = (
  x: Reason,
): x is Extract<Reason, { code: "position-breaks" }> =>
  x.code === "position-breaks" &&
  x.facts.cause.code === "l2-position" &&
  !L2_GATES.has(x.facts.cause.facts.key);

/**
 * A claiming status becomes `incomplete`, partial, saying why; a breach too when it may be cured.
 * Each condition alike, whatever its rule's status (a breach that stands on one condition says
 * nothing of another): a claim is no more; a breach that may be cured neither, but a closed
 * list's, which stands on a position the fund holds (not on one whose holding dates, `unsure`,
 * are unread: it may be sold).
 */
function claimNoMore(
  r: RuleResult,
  note: Note,
  breachToo = false,
  unsure: ReadonlySet<number> = NO_ROWS,
): void {
  const turned = (s: Status) => CLAIMS.has(s) || (breachToo && s === "breach");
  if (turned(r.status)) {
    r.status = "incomplete";
    r.partial = true;
    tell(r, note);
  }
  for (const c of r.conditions ?? [])
    if (c.status === "breach" && c.kind === "closed-list") {
      if (c.positions?.length && c.positions.every((p) => unsure.has(p.row)))
        c.status = "incomplete";
    } else if (turned(c.status)) c.status = "incomplete";
}

const NO_ROWS: ReadonlySet<number> = new Set();

/** The note's reasons and words added to the result's. */
function tell(r: RuleResult, note: Note): void {
  // Coded too when the message is (or there is none), so every language says why.
  if (r.reasons !== undefined || !r.message)
    r.reasons = [...(r.reasons ?? []), ...note.reasons];
  r.message = r.message ? `${r.message} ${note.text}` : note.text;
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
  // A share of units over the units of the fund's Holders rows: a row of no fund may be another
  // investor's, which grows the base and may cure the cap. A count of investors only grows.
  if (stray !== null)
    claimNoMore(
      r,
      { text: english(stray), reasons: [stray] },
      r.unit === "units",
    );
}

/** Says, once per row, which value of an unplaced row is needed: its holding dates, or its class. */
export function reportUnplacedRows(ctx: FundContext): void {
  const rows = unplacedRows(ctx);
  // Most funds have none: no iterator made, nor the column looked up.
  if (rows.length === 0) return;
  const column = classifyingColumn(ctx.fund.fundType);
  for (const h of rows) {
    const dates = unreadHoldingDate(h);
    if (dates) ctx.needHolding(h, dates, { purpose: "held" });
    else ctx.needHolding(h, column, { purpose: "classify" });
  }
}
