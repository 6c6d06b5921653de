import type { FundContext, Position } from "../fund-context";
import type { Need, Reason } from "../reasons";
import type { ExclusionCode } from "../result";
import type { Tally } from "./tally";

/**
 * A test a position must pass to enter a selection (an issuer's eligibility, a gate): met, failed
 * with the facts of the law's reason, or undecided for want of a value, which is never a "no".
 */
export type Verdict<F> =
  | { ok: true }
  | { ok: false; facts: F }
  | { ok: "unknown"; column: string; why: Need };

/**
 * An undecided test: the position is left out of `rule` saying which value is missing, and every
 * measure it could have entered turns partial, the first one recording the need.
 */
export function undecided(
  ctx: FundContext,
  p: Position,
  rule: string,
  { column, why }: { column: string; why: Need },
  cause: Reason & { code: ExclusionCode },
  partial: Tally[],
): false {
  partial[0]!.unknown(p.holding, column, why);
  for (const t of partial.slice(1)) t.unknown();
  return ctx.leaveOut(p, rule, cause);
}
