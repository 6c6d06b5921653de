import { dateFromSerial, parseDate } from "../workbook/cells";
import { defaultAsOf } from "../engine/as-of";
import { isValidIsoDate } from "../engine/dates";
import type { Fund } from "../engine/model";
import type { FundReport, RuleResult } from "../engine/result";
import { familyFor, ruleById } from "../engine/rules/registry";
import { fundReport, type Grid, modelFor } from "./model-cache";

/** An error the worksheet shows as #VALUE! or #N/A, with its message. */
export class FormulaError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    message: string,
  ) {
    super(message);
  }
}

/** The spilled QUOTA.REPORT header. */
export const REPORT_HEADER = [
  "Rule",
  "Article",
  "Value",
  "Threshold",
  "Status",
  "Headroom EUR",
];
export const CHECK_HEADER = [
  "Fund",
  "Name",
  "Type",
  "Status",
  "Breaches",
  "Warnings",
  "Incomplete",
];

function text(value: unknown, what: string): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new FormulaError("#VALUE!", `${what} is missing`);
}

const blank = (value: unknown) =>
  value === undefined || value === null || value === "";

/** An as-of date from a date cell (serial), ISO or French text; blank means the last month-end before today. */
export function asOfDate(value: unknown): string {
  if (blank(value)) return defaultAsOf();
  const parsed =
    typeof value === "number"
      ? dateFromSerial(value)
      : typeof value === "string"
        ? parseDate(value)
        : undefined;
  if (!parsed?.ok || !isValidIsoDate(parsed.value))
    throw new FormulaError("#VALUE!", `asOf is not a date: ${String(value)}`);
  return parsed.value;
}

function range(value: unknown, name: string, optional = false): Grid {
  if (optional && blank(value)) return [];
  if (!Array.isArray(value) || !Array.isArray(value[0]))
    throw new FormulaError(
      "#VALUE!",
      `${name} must be a range with its header row, e.g. ${name[0].toUpperCase()}${name.slice(1)}[#All]`,
    );
  return value as Grid;
}

/** The parsed workbook behind the ranges, shared by every formula cell that passes the same values. */
function workbookOf(funds: unknown, holdings: unknown, holders: unknown) {
  return modelFor(
    range(funds, "funds"),
    range(holdings, "holdings"),
    range(holders, "holders", true),
  );
}

function findFund(funds: Fund[], fundId: string): Fund {
  const fund = funds.find((f) => f.fundId === fundId);
  if (!fund) throw new FormulaError("#N/A", `no fund ${fundId}`);
  return fund;
}

function reportFor(
  fundIdArg: unknown,
  funds: unknown,
  holdings: unknown,
  asOfArg: unknown,
  holders: unknown,
): FundReport {
  const fundId = text(fundIdArg, "fundId");
  const asOf = asOfDate(asOfArg);
  const entry = workbookOf(funds, holdings, holders);
  if (entry.model.funds.length === 0)
    throw new FormulaError(
      "#VALUE!",
      "the funds range has no fund (it needs fundId and fundType headers)",
    );
  return fundReport(entry, findFund(entry.model.funds, fundId), asOf);
}

function ruleResult(
  ruleArg: unknown,
  fundIdArg: unknown,
  funds: unknown,
  holdings: unknown,
  asOf: unknown,
  holders: unknown,
): { result: RuleResult; report: FundReport } {
  const id = text(ruleArg, "rule");
  const rule = ruleById(id);
  if (!rule) throw new FormulaError("#VALUE!", `unknown rule ${id}`);
  const report = reportFor(fundIdArg, funds, holdings, asOf, holders);
  const result = report.rules.find((r) => r.id === rule.id);
  if (!result) {
    const family = report.fundType ? familyFor(report.fundType) : undefined;
    const why = family?.rules.includes(rule)
      ? "it does not apply to this fund as the workbook describes it"
      : `it does not apply to ${report.fundType ?? "a fund without fundType"}`;
    throw new FormulaError("#N/A", `${rule.id} for ${report.fundId}: ${why}`);
  }
  return { result, report };
}

/** A number only when the rule could be computed in full: a partial ratio is never shown as if it were the ratio. */
function completeNumber(
  r: RuleResult,
  value: number | null,
  what: string,
): number {
  if (r.status === "incomplete")
    throw new FormulaError(
      "#N/A",
      `${r.id} is incomplete: a value it needs cannot be read${r.message ? ` (${r.message})` : ""}`,
    );
  if (value === null) throw new FormulaError("#N/A", `${r.id} has no ${what}`);
  return value;
}

export function quotaRatio(
  rule: unknown,
  fundId: unknown,
  funds: unknown,
  holdings: unknown,
  asOf?: unknown,
  holders?: unknown,
): number {
  const { result } = ruleResult(rule, fundId, funds, holdings, asOf, holders);
  return completeNumber(result, result.value, "ratio");
}

export function quotaStatus(
  rule: unknown,
  fundId: unknown,
  funds: unknown,
  holdings: unknown,
  asOf?: unknown,
  holders?: unknown,
): string {
  return ruleResult(rule, fundId, funds, holdings, asOf, holders).result.status;
}

export function quotaHeadroom(
  rule: unknown,
  fundId: unknown,
  funds: unknown,
  holdings: unknown,
  asOf?: unknown,
  holders?: unknown,
): number {
  const { result } = ruleResult(rule, fundId, funds, holdings, asOf, holders);
  return completeNumber(
    result,
    result.headroom === null ? null : Number(result.headroom),
    "headroom",
  );
}

/** Every rule of the fund as rows: rule, article, value, threshold, status, headroom. */
export function quotaReport(
  fundId: unknown,
  funds: unknown,
  holdings: unknown,
  asOf?: unknown,
  holders?: unknown,
): (string | number)[][] {
  const report = reportFor(fundId, funds, holdings, asOf, holders);
  const rows: (string | number)[][] = [REPORT_HEADER];
  for (const r of report.rules) {
    rows.push([
      r.id,
      r.article,
      r.value ?? "",
      r.threshold ?? "",
      r.status + (r.partial ? " (partial)" : ""),
      r.headroom === null ? "" : Number(r.headroom),
    ]);
  }
  return rows;
}

/** What one position contributes to a rule (EUR), or the reason it is excluded, with the article. */
export function quotaPosition(
  rule: unknown,
  fundId: unknown,
  funds: unknown,
  holdings: unknown,
  lineId: unknown,
  asOf?: unknown,
  holders?: unknown,
): number | string {
  const { result, report } = ruleResult(
    rule,
    fundId,
    funds,
    holdings,
    asOf,
    holders,
  );
  const line = text(lineId, "lineId");
  const position = report.positions?.find((p) => p.lineId === line);
  if (!position)
    throw new FormulaError(
      "#N/A",
      `no position ${line} in fund ${report.fundId}`,
    );
  const counted = position.counted.filter((c) => c.rule === result.id);
  if (counted.length)
    return counted.reduce((sum, c) => sum + Number(c.amount), 0);
  const excluded = position.excluded.find(
    (e) =>
      e.rule === result.id ||
      e.rule === "*" ||
      e.rule === `${result.id.split("-")[0]}-*`,
  );
  if (excluded)
    return `excluded${excluded.article ? ` (${excluded.article})` : ""}: ${excluded.reason}`;
  if (position.unreadable?.length)
    return `unreadable: ${position.unreadable.join(", ")}`;
  return `not concerned by ${result.id}`;
}

/** One row per fund with its worst status, for a dashboard. */
export function quotaCheck(
  funds: unknown,
  holdings: unknown,
  asOfArg?: unknown,
  holders?: unknown,
): (string | number)[][] {
  const asOf = asOfDate(asOfArg);
  const entry = workbookOf(funds, holdings, holders);
  const rows: (string | number)[][] = [CHECK_HEADER];
  const seen = new Set<string>();
  for (const fund of entry.model.funds) {
    if (seen.has(fund.fundId)) continue;
    seen.add(fund.fundId);
    const report = fundReport(entry, fund, asOf);
    const count = (s: string) =>
      report.rules.filter((r) => r.status === s).length;
    rows.push([
      fund.fundId,
      fund.fundName ?? "",
      fund.fundType ?? "",
      report.status,
      count("breach"),
      count("warning"),
      count("incomplete"),
    ]);
  }
  if (rows.length === 1)
    throw new FormulaError("#N/A", "no fund in the funds range");
  return rows;
}
