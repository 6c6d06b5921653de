import { FundContext } from "../fund-context";
import type { Holding } from "../model";
import { english } from "../../present/english";
import type { Reason } from "../reasons";
import type { RuleResult } from "../result";

/** Adds one sentence to a result's message (in English, from its code), and its code when the message is fully coded. */
export function addNote(r: RuleResult, reason: Reason): void {
  const text = english(reason);
  const coded = r.message === undefined || r.reasons !== undefined;
  r.message = r.message ? `${r.message} ${text}` : text;
  if (coded) r.reasons = [...(r.reasons ?? []), reason];
}

/**
 * An unreadable cell decides between two readings and the rules were measured under one: they
 * are measured again over `holdings` (the other reading), and a rule whose status differs depends
 * on the cell: `incomplete`, with `note`, never the better reading.
 */
export function measureAgain(
  ctx: FundContext,
  holdings: Holding[],
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
  note: Reason,
): void {
  const inner = new FundContext(
    ctx.fund,
    holdings,
    ctx.asOf,
    {
      defaultWithSubscriptions: "COST",
      explain: false,
      defaultWarningMargin: ctx.warningMargin,
    },
    ctx.holders,
  );
  const other = new Map(evaluate(inner).map((r) => [r.id, r.status]));
  for (const r of results) {
    const status = other.get(r.id);
    if (status === undefined || status === r.status) continue;
    r.status = "incomplete";
    r.partial = true;
    addNote(r, note);
  }
}
