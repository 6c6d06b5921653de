import type { Status } from "../result";
import type { Tri } from "./logic";
import type { RowCheck } from "./types";

/**
 * A row's status from its three-valued result (contract §3.1). A row whose scope is unknown (its
 * date unreadable) passes when it complies either way, and is otherwise incomplete.
 */
export function statusOf(compliant: Tri, scopeKnown: boolean): Status {
  if (compliant === true) return "pass";
  if (compliant === null || !scopeKnown) return "incomplete";
  return "breach";
}

/** The English reason: the decisive check and its article. */
export function decisiveSentence(
  status: Status,
  c: Pick<RowCheck, "rule" | "article" | "met">,
): string {
  const where = `${c.rule} (${c.article})`;
  switch (status) {
    case "pass":
      return `Allowed under ${where}.`;
    case "breach":
      return `Not allowed: ${where} is not met.`;
    default:
      return c.met === null
        ? `Incomplete: ${where} cannot be decided from the register.`
        : `Incomplete: the row's date is unknown, so whether it is checked is unknown (${where}).`;
  }
}
