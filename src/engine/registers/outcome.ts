import type { Status } from "../result";
import type { Tri } from "./logic";
import type { RowCheck } from "./types";
import { rowReasonEnglish } from "../../present/registers-english";

/**
 * A row's status from its three-valued result (contract §3.1). A row whose scope is unknown (its
 * date unreadable) passes when it complies either way, and is otherwise incomplete.
 */
export function statusOf(compliant: Tri, scopeKnown: boolean): Status {
  if (compliant === true) return "pass";
  if (compliant === null || !scopeKnown) return "incomplete";
  return "breach";
}

/** The English reason: the decisive check and its article (src/present says it). */
export function decisiveSentence(
  status: Status,
  c: Pick<RowCheck, "rule" | "article" | "met">,
): string {
  const { rule, article, met } = c;
  return rowReasonEnglish({ say: "decisive", status, rule, article, met });
}
