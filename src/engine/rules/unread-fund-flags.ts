import type { FundContext } from "../fund-context";
import type { Fund } from "../model";
import { reason } from "../reasons";
import type { RuleResult } from "../result";
import { addNote, asRead, measureAgainWith } from "./measure-again";

// The yes/no cells of the Funds row that cannot be read (blank is « no », and so they are read):
// those that decide a regime are measured both ways, those that bring rules in bring them.

/**
 * Yes/no cells of the Funds row that decide a regime and cannot be read: the rules are measured again with each at yes, and a rule whose status differs depends on the
 * cell: `incomplete` (fund-flag-unknown), never the better reading. `flags`: each column and the
 * article whose regime it claims.
 */
export function settleUnreadFundFlags(
  ctx: FundContext,
  flags: Readonly<Partial<Record<keyof Fund, string>>>,
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
): void {
  const f = ctx.fund;
  for (const [column, article] of Object.entries(flags)) {
    if (!f.invalid.has(column) || f[column as keyof Fund] === true) continue;
    const invalid = new Set([...f.invalid].filter((c) => c !== column));
    const holdings = ctx.positions.map((p) => asRead(p.holding));
    const fund = { ...f, [column]: true, invalid };
    const note = reason("fund-flag-unknown", { column, article: article! });
    measureAgainWith(ctx, [{ fund, holdings }], results, evaluate, note);
  }
}

/** A yes/no of the Funds row that brings rules in: yes, or unreadable (it may be yes). */
export const claims = (f: Fund, column: keyof Fund): boolean =>
  f[column] === true || f.invalid.has(column);

/**
 * The rules a yes/no of the Funds row brings in, measured because the cell cannot be read (it
 * may be yes: never left out): met, they stand (whether the fund claims the regime or not, it
 * meets it); in breach, the breach holds only if the fund claims it: `incomplete`.
 */
export function settleUnreadClaims(
  f: Fund,
  results: readonly RuleResult[],
  rulesOf: Readonly<Partial<Record<keyof Fund, readonly string[]>>>,
): void {
  for (const [column, ids] of Object.entries(rulesOf)) {
    if (f[column as keyof Fund] === true || !f.invalid.has(column)) continue;
    for (const r of results) {
      if (!ids!.includes(r.id) || r.status !== "breach") continue;
      r.status = "incomplete";
      r.partial = true;
      addNote(r, reason("fund-flag-unknown", { column, article: r.article }));
    }
  }
}
