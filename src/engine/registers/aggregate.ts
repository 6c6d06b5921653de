import type { RuleResult } from "../result";
import { registerRule } from "../../law/registers";
import type { Tri } from "./logic";

/** One row (or one investor of an offer) on which a rule was evaluated. */
export interface Counted {
  row: number;
  id: string;
  met: Tri;
  /** The investor, for OFF-100K-INV. */
  key?: string;
}

const NOUN = {
  subscription: ["subscription", "subscriptions"],
  trade: ["trade", "trades"],
  offer: ["offer", "offers"],
} as const;

function named(list: Counted[]): string {
  const shown = list
    .slice(0, 10)
    .map(
      (c) =>
        `${c.id}${c.key !== undefined ? ` / ${c.key}` : ""} (row ${c.row})`,
    );
  return (
    shown.join(", ") +
    (list.length > 10 ? `, and ${list.length - 10} more` : "")
  );
}

function lawFields(id: string): Pick<RuleResult, "legacy" | "version"> {
  const law = registerRule(id);
  return law.legacy
    ? { legacy: true, version: law.version }
    : { version: law.version };
}

/**
 * A count rule of a register (contract §4): the number of rows failing the check against a
 * threshold of 0; breach above 0, incomplete (partial) when the check is unknown on a row.
 */
export function countRule(
  id: string,
  rows: Counted[],
  noun: keyof typeof NOUN,
): RuleResult {
  const law = registerRule(id);
  const failing = rows.filter((c) => c.met === false);
  const unknown = rows.filter((c) => c.met === null);
  const n = failing.length;
  const [one, many] = NOUN[noun];
  const status = n > 0 ? "breach" : unknown.length ? "incomplete" : "pass";
  const message =
    n > 0
      ? `${n} ${n === 1 ? one : many} not meeting ${id}: ${named(failing)}.`
      : unknown.length
        ? `${id} is unknown on ${unknown.length} ${unknown.length === 1 ? one : many}: ${named(unknown)}.`
        : `${rows.length} ${rows.length === 1 ? one : many} checked, none failing.`;
  const result: RuleResult = {
    id,
    article: law.article,
    direction: "max",
    operator: "<=",
    threshold: 0,
    value: n,
    numerator: String(n),
    denominator: String(rows.length),
    unit: "count",
    status,
    headroom: null,
    message,
    ...lawFields(id),
  };
  if (status === "incomplete" || (unknown.length && n > 0))
    result.partial = true;
  return result;
}

/** An `info` count (FCPRA-DEPO, OTC-PACKAGE): the rows to report, or allowed as packages. */
export function infoCountRule(
  id: string,
  rows: Counted[],
  evaluated: number,
  noun: keyof typeof NOUN,
): RuleResult {
  const law = registerRule(id);
  const [one, many] = NOUN[noun];
  const n = rows.length;
  return {
    id,
    article: law.article,
    direction: "info",
    threshold: null,
    value: n,
    numerator: String(n),
    denominator: String(evaluated),
    unit: "count",
    status: "info",
    headroom: null,
    message:
      id === "FCPRA-DEPO"
        ? n
          ? `${n} ${n === 1 ? one : many} to report to the AMF (failures of I, II or III): ${named(rows)}.`
          : `No failure of I, II or III to report to the AMF.`
        : n
          ? `${n} ${n === 1 ? one : many} allowed as an element of a wider agreement: ${named(rows)}.`
          : `No ${one} declared as an element of a wider agreement.`,
    ...lawFields(id),
  };
}
