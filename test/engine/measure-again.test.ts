import { describe, expect, it } from "vitest";
import { FundContext } from "../../src/engine/fund-context";
import { reason } from "../../src/engine/reasons";
import type {
  ConditionResult,
  RuleResult,
  Status,
} from "../../src/engine/result";
import { measureAgainWith } from "../../src/engine/rules/measure-again";
import { fcpr, unlisted } from "../helpers/build";

/*
 * An unreadable cell decides between readings (measure-again.ts): what differs between them is
 * not known. A rule's status that differs is `incomplete`; so is each of its conditions whose
 * status differs, whatever the rule's, so that no condition shows `pass` (or `breach`) that
 * another reading of the cell contradicts.
 */

const condition = (id: string, status: Status): ConditionResult =>
  ({
    id,
    kind: id.startsWith("gate") ? "gate" : "limit",
    article: "L. 214-28 II 1°",
    wording: id,
    title: { en: id, fr: id },
    status,
    failed: status === "breach",
    threshold: null,
    value: null,
    numerator: null,
    denominator: null,
    headroom: null,
  }) as ConditionResult;

const result = (status: Status, conditions: ConditionResult[]): RuleResult => ({
  id: "FCPR-CCA15",
  article: "L. 214-28 II 1°",
  direction: "max",
  threshold: 0.15,
  value: 0.2,
  numerator: "200000.00",
  denominator: "1000000.00",
  status,
  headroom: "-50000.00",
  conditions,
  failedConditions: conditions.filter((c) => c.failed).map((c) => c.id),
});

function settle(measured: RuleResult, other: RuleResult): RuleResult {
  const fund = fcpr({ fundId: "ETA", row: 2 });
  const ctx = new FundContext(
    fund,
    [unlisted("600000", { fundId: "ETA", row: 2 })],
    "2025-12-31",
    {},
  );
  const results = [measured];
  const note = reason("listing-unknown", {
    lines: ["L1"],
    article: "L. 214-28 I",
  });
  measureAgainWith(
    ctx,
    [{ fund, holdings: ctx.holdings }],
    results,
    () => [other],
    note,
  );
  return results[0];
}

describe("measureAgain: the conditions an unreadable cell decides", () => {
  it("L. 214-28 II 1°: in breach under both readings, through the limit under one and the gate under the other: the rule stays in breach, both conditions are incomplete", () => {
    const shared = [
      condition("limit-15", "breach"),
      condition("gate-5", "pass"),
    ];
    const measured = result("breach", shared);
    const settled = settle(
      measured,
      result("breach", [
        condition("limit-15", "pass"),
        condition("gate-5", "breach"),
      ]),
    );
    expect(settled.status).toBe("breach");
    expect(settled.conditions!.map((c) => [c.id, c.status, c.failed])).toEqual([
      ["limit-15", "incomplete", false],
      ["gate-5", "incomplete", false],
    ]);
    expect(settled.failedConditions).toEqual([]);
    // The conditions first measured are not written to (a kept result may share them).
    expect(shared.map((c) => c.status)).toEqual(["breach", "pass"]);
  });

  it("L. 214-28 II 1°: the limit met under both readings stays met; the gate met under one reading only is incomplete, and so is the rule whose status differs", () => {
    const settled = settle(
      result("pass", [
        condition("limit-15", "pass"),
        condition("gate-5", "pass"),
      ]),
      result("breach", [
        condition("limit-15", "pass"),
        condition("gate-5", "breach"),
      ]),
    );
    expect(settled.status).toBe("incomplete");
    expect(settled.conditions!.map((c) => c.status)).toEqual([
      "pass",
      "incomplete",
    ]);
    expect(settled.reasons?.map((r) => r.code)).toContain("listing-unknown");
  });

  it("conditions equal under every reading are left as measured", () => {
    const settled = settle(
      result("breach", [
        condition("limit-15", "breach"),
        condition("gate-5", "pass"),
      ]),
      result("breach", [
        condition("limit-15", "breach"),
        condition("gate-5", "pass"),
      ]),
    );
    expect(settled.conditions!.map((c) => c.status)).toEqual([
      "breach",
      "pass",
    ]);
    expect(settled.failedConditions).toEqual(["limit-15"]);
  });
});
