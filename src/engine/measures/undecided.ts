import type { FundContext, Position } from "../fund-context";
import type { Need, Reason } from "../reasons";
import type { ExclusionCode } from "../result";
import type { Tally } from "./tally";

/**
 * A test a position must pass that a blank or unreadable value leaves undecided, which is never a
 * "no": the position is left out of `rule` saying which value is missing (`cause`), and every
 * measure it could have entered turns partial, the first one recording what the value decides.
 */
export function undecided(
  ctx: FundContext,
  p: Position,
  rule: string,
  cause: Reason & { code: ExclusionCode; facts: { column: string } },
  need: Need,
  partial: Tally[],
): false {
  partial[0]!.unknown(p.holding, cause.facts.column, need);
  for (const t of partial.slice(1)) t.unknown();
  return ctx.leaveOut(p, rule, cause);
}
