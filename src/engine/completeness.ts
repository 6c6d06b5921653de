import type { FundContext } from "./fund-context";
import type { FundType, Holding } from "./model";
import type { RuleResult, Status } from "./result";
import { FIP_H10, FIP_H20, FIP_H30 } from "./rules/fcpi-fip-definitions";
import { FUND_LEVEL_RULES } from "./rules/livre2/definitions";

/** Rules measured on the Holders table: no holding enters them. */
const HOLDER_RULES = new Set([FIP_H20.id, FIP_H10.id, FIP_H30.id]);

/** Statuses that claim a result; an unplaced position turns them into `incomplete`. A breach stays: more rows cannot cure it silently. */
const CLAIMS = new Set<Status>(["pass", "warning", "not-binding", "info"]);

/** The column that places a holding in its fund's rules: OPCI positions by item of L. 214-36 I, all others by asset class. */
export function classifyingColumn(
  fundType: FundType,
): "assetClass" | "opciCategory" {
  return fundType === "SPPICAV" || fundType === "FPI"
    ? "opciCategory"
    : "assetClass";
}

/**
 * Rows that may belong to any holdings rule of the fund: a held position whose class is blank or
 * unreadable, and any position whose holding dates are unreadable (held or not is then unknown).
 */
export function unplacedRows(ctx: FundContext, fundType: FundType): Holding[] {
  const column = classifyingColumn(fundType);
  const rows: Holding[] = [];
  for (const p of ctx.positions) {
    const h = p.holding;
    const datesUnknown =
      h.invalid.has("investmentDate") || h.invalid.has("disposalDate");
    if (datesUnknown || (p.held && h[column] === undefined)) rows.push(h);
  }
  return rows;
}

/**
 * Completeness by construction, in one place for every family: a row that could enter a rule's
 * numerator or denominator and cannot be placed makes that rule `incomplete` (its value stays,
 * marked partial), whatever each rule's own path did with the row; so does a base that could not be
 * established in full. No rule can then show `pass` because it skipped a row it could not read.
 */
export function applyUnplacedRows(
  ctx: FundContext,
  fundType: FundType,
  rules: RuleResult[],
): void {
  const rows = unplacedRows(ctx, fundType);
  const notes: string[] = [];
  // The base of every ratio "de l'actif": a rule whose own path forgot it still cannot pass on a partial base.
  if (!ctx.denominatorComplete)
    notes.push(
      "The base of the ratio is partial: a value it needs is blank or unreadable.",
    );
  const column = classifyingColumn(fundType);
  for (const h of rows) {
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
  if (rows.length) {
    const listed = rows
      .slice(0, 5)
      .map((h) => h.row)
      .join(", ");
    const more = rows.length > 5 ? ` and ${rows.length - 5} more` : "";
    notes.push(
      `Holdings row${rows.length > 1 ? "s" : ""} ${listed}${more} cannot be placed (${column} or holding dates unreadable or blank): the position may belong to this rule.`,
    );
  }
  if (!notes.length) return;
  const note = notes.join(" ");
  for (const r of rules) {
    if (HOLDER_RULES.has(r.id) || FUND_LEVEL_RULES.has(r.id)) continue;
    if (!CLAIMS.has(r.status)) continue;
    r.status = "incomplete";
    r.partial = true;
    r.message = r.message ? `${r.message} ${note}` : note;
    for (const c of r.conditions ?? [])
      if (CLAIMS.has(c.status)) c.status = "incomplete";
  }
}
