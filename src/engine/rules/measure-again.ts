import { failedIds } from "../conditions";
import { FundContext } from "../fund-context";
import { type Fund, type Holding, IN_COLUMNS } from "../model";
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

/** A row as read, through the prototype whatever the read's form, and none of the read's columns. */
export const asRead = (h: Holding): Holding =>
  Object.create(h, { [IN_COLUMNS]: { value: undefined } }) as Holding;

/**
 * A row read otherwise: `values` in place of its cells, and the columns `cleared` (those of
 * `values` unless given) no longer unreadable.
 */
export function readAs(
  h: Holding,
  values: Partial<Holding>,
  cleared: readonly string[] = Object.keys(values),
): Holding {
  const fields: PropertyDescriptorMap = {
    [IN_COLUMNS]: { value: undefined },
    invalid: {
      value: new Set([...h.invalid].filter((c) => !cleared.includes(c))),
      enumerable: true,
    },
  };
  for (const [column, value] of Object.entries(values))
    fields[column] = { value, enumerable: true };
  return Object.create(h, fields) as Holding;
}

/** The fund's holdings as read, those of `rows` read otherwise (`other`): one reading to measure again. */
export const reading = (
  ctx: FundContext,
  rows: ReadonlySet<Holding>,
  other: (h: Holding) => Holding,
): Holding[] =>
  ctx.positions.map((p) =>
    rows.has(p.holding) ? other(p.holding) : asRead(p.holding),
  );

/**
 * An unreadable cell decides between readings and the rules were measured under one: they are
 * measured again over each of `readings` (the holdings under another reading), and a rule whose
 * status differs under any of them depends on the cell: `incomplete`, with `note`, never the
 * better reading.
 */
export function measureAgain(
  ctx: FundContext,
  readings: Holding[][],
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
  note: Reason,
): void {
  const funds = readings.map((holdings) => ({ fund: ctx.fund, holdings }));
  measureAgainWith(ctx, funds, results, evaluate, note);
}

/** measureAgain over readings of the Funds row too: an unreadable fact of the fund decides between them. */
export function measureAgainWith(
  ctx: FundContext,
  readings: { fund: Fund; holdings: Holding[] }[],
  results: RuleResult[],
  evaluate: (inner: FundContext) => RuleResult[],
  note: Reason,
): void {
  const differs = new Set<string>();
  /** By rule, the conditions whose status differs under some reading. */
  const conditionsDiffer = new Map<string, Set<string>>();
  const primary = new Map(results.map((r) => [r.id, r]));
  for (const { fund, holdings } of readings) {
    const inner = new FundContext(
      fund,
      holdings,
      ctx.asOf,
      {
        defaultWithSubscriptions: "COST",
        explain: false,
        defaultWarningMargin: ctx.warningMargin,
      },
      ctx.holders,
    );
    for (const r of evaluate(inner)) {
      const measured = primary.get(r.id);
      if (measured === undefined) continue;
      if (measured.status !== r.status) differs.add(r.id);
      for (const c of r.conditions ?? []) {
        const status = measured.conditions?.find((m) => m.id === c.id)?.status;
        if (status === undefined || status === c.status) continue;
        let ids = conditionsDiffer.get(r.id);
        if (!ids) conditionsDiffer.set(r.id, (ids = new Set()));
        ids.add(c.id);
      }
    }
  }
  for (const r of results) {
    // A condition met under one reading and not under another is not known either, whatever the
    // rule's status (a rule in breach under every reading stays in breach).
    const ids = conditionsDiffer.get(r.id);
    if (ids !== undefined && r.conditions !== undefined) {
      // New objects: a result's conditions may be shared with a result kept for the next check.
      r.conditions = r.conditions.map((c) =>
        ids.has(c.id)
          ? Object.assign({}, c, {
              status: "incomplete" as const,
              failed: false,
            })
          : c,
      );
      r.failedConditions = failedIds(r.conditions);
    }
    if (!differs.has(r.id)) continue;
    r.status = "incomplete";
    r.partial = true;
    addNote(r, note);
  }
}
