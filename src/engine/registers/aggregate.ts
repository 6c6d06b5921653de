import type { RuleResult } from "../result";
import { REGISTER_RULES, registerRule } from "../../law/registers";
import type { Tri } from "./logic";
import type { RowCheck } from "./types";
import {
  countRuleEnglish,
  infoRuleEnglish,
} from "../../present/registers-english";

/** One row (or one investor of an offer) on which a rule was evaluated. */
export interface Counted {
  row: number;
  id: string;
  met: Tri;
  /** The investor, for OFF-100K-INV. */
  key?: string;
}

/** Adds `item` to the list of `key`, creating it on first use. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** A row's check as counted: failed only when the row is certainly in scope and not allowed. */
function countedMet(compliant: Tri, scopeKnown: boolean, met: Tri): Tri {
  if (compliant === true) return true;
  if (!scopeKnown) return null;
  return compliant === null && met === false ? null : met;
}

/** The rows counted per rule, reported as count rules in the order of REGISTER_RULES. */
export class Tally {
  private readonly byRule = new Map<string, Counted[]>();

  /**
   * A row's checks (contract §4): only a row that is not allowed counts against a rule, and one
   * whose scope is unknown (it may be out of scope) counts as unknown, its failures not certain.
   * A row that may be allowed (a trade another route or a package may allow) is not « not
   * allowed »: its failed checks count as unknown.
   */
  addRow(
    row: { row: number; id: string },
    compliant: Tri,
    scopeKnown: boolean,
    checks: Pick<RowCheck, "rule" | "met" | "key">[],
  ): void {
    for (const { rule, met, key } of checks)
      appendTo(this.byRule, rule, {
        ...row,
        key,
        met: countedMet(compliant, scopeKnown, met),
      });
  }

  size(rule: string): number {
    return this.byRule.get(rule)?.length ?? 0;
  }

  rules(): RuleResult[] {
    return REGISTER_RULES.filter(({ id }) => this.size(id) > 0).map(({ id }) =>
      countRule(id, this.byRule.get(id)!),
    );
  }
}

/** A count of rows as a rule result, with the law version it applied. */
function countResult(
  id: string,
  head: Pick<RuleResult, "direction" | "operator" | "threshold">,
  counted: number,
  evaluated: number,
  status: RuleResult["status"],
  message: string,
): RuleResult {
  const law = registerRule(id);
  return {
    id,
    article: law.article,
    ...head,
    value: counted,
    numerator: String(counted),
    denominator: String(evaluated),
    unit: "count",
    status,
    headroom: null,
    message,
    ...(law.legacy ? { legacy: true } : {}),
    version: law.version,
  };
}

/**
 * A count rule of a register (contract §4): the number of rows failing the check against a
 * threshold of 0; breach above 0, incomplete (partial) when the check is unknown on a row.
 */
function countRule(id: string, rows: Counted[]): RuleResult {
  const failing = rows.filter((c) => c.met === false);
  const unknown = rows.filter((c) => c.met === null);
  const n = failing.length;
  const status = n > 0 ? "breach" : unknown.length ? "incomplete" : "pass";
  const message = countRuleEnglish(id, failing, unknown, rows.length);
  const head = { direction: "max", operator: "<=", threshold: 0 } as const;
  const result = countResult(id, head, n, rows.length, status, message);
  if (status === "incomplete" || (unknown.length && n > 0))
    result.partial = true;
  return result;
}

/** An `info` count (FCPRA-DEPO, OTC-PACKAGE): the rows to report, or allowed as packages. */
export function infoCountRule(
  id: string,
  rows: Counted[],
  evaluated: number,
): RuleResult {
  const head = { direction: "info", threshold: null } as const;
  const message = infoRuleEnglish(id, rows);
  return countResult(id, head, rows.length, evaluated, "info", message);
}
