import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FundReport, RuleResult } from "../../src/engine/result";
import { RUNS } from "./arbitraries";
import { cases, checkCase } from "./every-fund-type";

// Sorting a table in Excel moves its rows, not what they hold: for random funds of every type,
// handing the same rows (each with its own worksheet row) over in another order gives the same
// report. Which group a rule names on a tie (the master, the region, the holder) and the order of
// a reconciliation's lines must not depend on it. Only the lists that follow the worksheet's
// rows (the positions a message names one after another) may come in another order: they are
// compared as sets here, since a real read always hands the rows over in the worksheet's order.

/** Rows a reason lists (« lignes 2, 3 ») come in the worksheet's order: compared as a set. */
const rowsAsSet = (key: string, value: unknown) =>
  key === "rows" && Array.isArray(value)
    ? [...(value as number[])].sort((a, b) => a - b)
    : value;

const sorted = <T>(list: readonly T[] | undefined) =>
  list?.map((x) => JSON.stringify(x, rowsAsSet)).sort();

/** A rule's result with its row-ordered lists as sets (the message renders the reasons). */
function unordered(r: RuleResult) {
  const { message: _message, reasons, conditions, ...rest } = r;
  return {
    ...rest,
    reasons: sorted(reasons),
    conditions: conditions?.map((c) => ({
      ...c,
      positions: sorted(c.positions),
    })),
  };
}

const unorderedReport = (r: FundReport) => ({
  ...r,
  rules: r.rules.map(unordered),
  positions: r.positions && [...r.positions].sort((a, b) => a.row - b.row),
});

/** What sorting a table may not change: every figure and status, the groups and the reconciliation (rows named in messages move with the rows). */
const figures = (r: FundReport) =>
  r.rules.map((x) => ({
    id: x.id,
    status: x.status,
    value: x.value,
    numerator: x.numerator,
    denominator: x.denominator,
    headroom: x.headroom,
    partial: x.partial,
    groups: x.groups,
    failedConditions: x.failedConditions,
    conditions: x.conditions?.map(({ positions: _p, ...c }) => c),
    reconciliation: x.reconciliation,
  }));

describe("row order (property)", () => {
  it("sorting the Holdings and Holders tables (the same rows at other worksheet rows) changes no figure, status, group or reconciliation, for funds of every type", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 1_000_000 }), (c, shift) => {
        const options = { reconciliation: true };
        const rotate = <T>(rows: T[]) => {
          const k = rows.length === 0 ? 0 : shift % rows.length;
          return [...rows.slice(k), ...rows.slice(0, k)];
        };
        const given = figures(checkCase(c, options).report);
        const reversed = {
          ...c,
          rows: [...c.rows].reverse(),
          holders: [...c.holders].reverse(),
        };
        const rotated = {
          ...c,
          rows: rotate(c.rows),
          holders: rotate(c.holders),
        };
        expect(figures(checkCase(reversed, options).report)).toEqual(given);
        expect(figures(checkCase(rotated, options).report)).toEqual(given);
      }),
      RUNS,
    );
  });

  it("the order of the Holdings and Holders rows changes no figure, status, named group or reconciliation line, for funds of every type", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 1_000_000 }), (c, shift) => {
        const options = { positions: true, reconciliation: true };
        const given = unorderedReport(checkCase(c, options).report);
        const reverse = <T>(rows: T[]) => [...rows].reverse();
        const rotate = <T>(rows: T[]) => {
          const k = rows.length === 0 ? 0 : shift % rows.length;
          return [...rows.slice(k), ...rows.slice(0, k)];
        };
        expect(unorderedReport(checkCase(c, options, reverse).report)).toEqual(
          given,
        );
        expect(unorderedReport(checkCase(c, options, rotate).report)).toEqual(
          given,
        );
      }),
      RUNS,
    );
  });
});
