import type { Amount } from "../amount";
import { formatAmount } from "../amount";
import type { Operator, Status } from "../result";
import { registerRule } from "../../law/registers";
import { type Tri, amountNumber, and, compare } from "./logic";
import type { CheckTest, Decisive, RowCheck } from "./types";
import {
  rowReasonEnglish,
  type RowFacts,
} from "../../present/registers-english";

/**
 * A row's status from its three-valued result (contract §3.1). A row whose scope is unknown (its
 * date unreadable) passes when it complies either way, and is otherwise incomplete.
 */
export function statusOf(compliant: Tri, scopeKnown: boolean): Status {
  if (compliant === true) return "pass";
  if (compliant === null || !scopeKnown) return "incomplete";
  return "breach";
}

/** A rule's check with its article first, and its tests when it has any. */
export function ruleCheck(
  rule: string,
  met: Tri,
  tests?: CheckTest[],
): RowCheck {
  const c: RowCheck = { rule, article: registerRule(rule).article, met };
  if (tests) c.tests = tests;
  return c;
}

/** A check met when all its tests are (each test stays in the report). */
export function allTests(rule: string, tests: CheckTest[]): RowCheck {
  return ruleCheck(rule, and(...tests.map((x) => x.met)), tests);
}

/** A check with its article last (the Trades register's key order). */
export function withArticle(c: Omit<RowCheck, "article">): RowCheck {
  return { ...c, article: registerRule(c.rule).article } as RowCheck;
}

/**
 * The fields of a comparison of an exact amount with a threshold, unknown when the amount is.
 * `exact` (the amount's exact decimal) is left out where the report never had it.
 */
export function amountFields(
  amount: Amount | null | undefined,
  operator: Operator,
  threshold: Amount,
  withExact = true,
): Omit<CheckTest, "name"> {
  const known = amount !== null && amount !== undefined;
  return {
    met: known ? compare(amount, operator, threshold) : null,
    operator,
    value: known ? amountNumber(amount) : null,
    threshold: amountNumber(threshold),
    unit: "EUR",
    ...(known && withExact ? { exact: formatAmount(amount) } : {}),
  };
}

/** A test of an exact amount against a threshold: one part of a compound check. */
export function amountTest(
  name: string,
  ...comparison: Parameters<typeof amountFields>
): CheckTest {
  return { name, ...amountFields(...comparison) };
}

/** Whether a read value is one of `allowed`; unknown when it could not be read. */
export function isOneOf<T>(value: T | undefined, allowed: readonly T[]): Tri {
  return value === undefined ? null : allowed.includes(value);
}

/**
 * The check that decides a row: for a pass the one that allows it, for a breach the first one
 * not met, otherwise the first unknown one (undefined when none is; the caller says what then).
 */
export function decisiveCheck(
  status: Status,
  ordered: RowCheck[],
  allowing: RowCheck | undefined,
): RowCheck | undefined {
  if (status === "pass") return allowing;
  return ordered.find((c) => c.met === (status === "breach" ? false : null));
}

/**
 * A row's status, its reason and its decisive check, in the report's key order. The reason is in
 * English, the decisive check and its article unless the caller says otherwise (src/present says it).
 */
export function decided(
  status: Status,
  c: RowCheck,
  reason?: string,
): { status: Status; reason: string; decisive: Decisive } {
  const { rule, article, met } = c;
  return {
    status,
    reason:
      reason ??
      rowReasonEnglish({ say: "decisive", status, rule, article, met }),
    decisive: { rule, article, met },
  };
}

/** Why a row is out of a rule's scope, as facts. */
export type OutOfScope = Extract<
  RowFacts,
  { say: "after-as-of" | "not-opted-in" | "regulated-market" }
>;

/** A row out of the rule's scope: `info`, its scope named by the reason's facts, no check. */
export function outOfScope<B extends object>(base: B, facts: OutOfScope) {
  return {
    ...base,
    status: "info" as const,
    scope: facts.say,
    reason: rowReasonEnglish(facts),
    checks: [] as RowCheck[],
  };
}
