import { defaultAsOf } from "../engine/as-of";
import { isValidIsoDate, type IsoDate } from "../engine/dates";
import type { FundReport, RuleResult } from "../engine/result";
import { familyFor, ruleById } from "../engine/rules/registry";
import { parseDate, parseText } from "../workbook/cells";
import { errorText } from "../workbook/grid";
import type { CheckedWorkbook } from "../workbook/checked-workbook";
import { exclusionText, ruleExplanation } from "../present/report";
import {
  CHECK_HEADERS,
  type Language,
  MESSAGES,
  REPORT_HEADERS,
  showDate,
  statusWord,
  unitWord,
} from "./texts";

/**
 * The worksheet functions' answers, read from the one checked workbook the pane and the command
 * line also use. Nothing here assigns rows to funds or computes a rule: every value is looked up
 * in the engine's report. Arguments are small (rule, fund, line, date) and are validated first,
 * so a bad argument shows its message at once, before the workbook is even read.
 */

/** An error the worksheet shows as #VALUE! or #N/A, with its message. */
export class FormulaError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    message: string,
  ) {
    super(message);
  }
}

export type Answer<T> = (workbook: CheckedWorkbook) => T;
type Cell = string | number;

/** The test date an argument stands for; blank (0 on desktop, null on the web) is the last month-end. */
export interface AsOf {
  /** The date in the 1900 date system, Excel's default. */
  date: IsoDate;
  defaulted: boolean;
  /** The date cell's serial, when the date came from one: its date depends on the workbook's date system. */
  serial?: number;
}

/** 1 January 1904 is serial 0 in the 1904 date system and 1462 in the 1900 one. */
const DAYS_1900_TO_1904 = 1462;

/** The test date in the workbook's own date system. */
export function asOfIn(
  asOf: AsOf,
  workbook: CheckedWorkbook,
  language: Language = "en",
): IsoDate {
  // A blank as-of is resolved at each answer, so a workbook left open over a month-end moves on.
  if (asOf.defaulted) return defaultAsOf();
  if (asOf.serial === undefined || !workbook.date1904) return asOf.date;
  const parsed = parseDate(asOf.serial + DAYS_1900_TO_1904);
  if (!parsed.ok)
    throw new FormulaError(
      "#VALUE!",
      MESSAGES[language].notDate(String(asOf.serial)),
    );
  return parsed.value;
}

/** How a host hands over an error value: CustomFunctions.Error ({ code }), an Office.js text, or the reader's { error }. */
function errorCode(value: unknown): string | undefined {
  if (typeof value === "string") return errorText(value);
  if (typeof value !== "object" || value === null || value instanceof Date)
    return undefined;
  const v = value as { code?: unknown; error?: unknown };
  if (typeof v.code === "string") return v.code;
  if (typeof v.error === "string") return v.error;
  if (value instanceof Error) return "#VALUE!";
  return undefined;
}

/** A single value: a one-cell range arrives as [[value]] from some hosts. */
function single(value: unknown, arg: string, language: Language): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)
      return single(value[0][0], arg, language);
    throw new FormulaError("#VALUE!", MESSAGES[language].oneValue(arg));
  }
  const code = errorCode(value);
  if (code)
    throw new FormulaError("#VALUE!", MESSAGES[language].errorValue(arg, code));
  return value;
}

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "");

/** A text argument (rule, fundId, lineId), read as the workbook reader reads an identifier. */
function textArg(value: unknown, arg: string, language: Language): string {
  const v = single(value, arg, language);
  if (isBlank(v))
    throw new FormulaError("#VALUE!", MESSAGES[language].missing(arg));
  if (typeof v === "boolean" || v instanceof Date || typeof v === "object")
    throw new FormulaError(
      "#VALUE!",
      MESSAGES[language].notText(arg, String(v)),
    );
  const parsed = parseText(v as string | number);
  if (!parsed.ok || parsed.value === "")
    throw new FormulaError("#VALUE!", MESSAGES[language].missing(arg));
  return parsed.value;
}

/**
 * The as-of argument under both marshallings: a reference to a blank cell arrives as 0 on
 * desktop Excel and as null on the web (office-js #4702, #5262); an omitted argument as
 * undefined. Serial 0 is no date (Excel shows it as 00/01/1900), so 0 safely means blank.
 */
export function asOfArg(value: unknown, language: Language = "en"): AsOf {
  const v = single(value, "asOf", language);
  if (isBlank(v) || v === 0) return { date: defaultAsOf(), defaulted: true };
  if (typeof v === "boolean")
    throw new FormulaError("#VALUE!", MESSAGES[language].notDate(String(v)));
  const parsed =
    typeof v === "number" || typeof v === "string" || v instanceof Date
      ? parseDate(v)
      : undefined;
  if (!parsed?.ok || !isValidIsoDate(parsed.value))
    throw new FormulaError("#VALUE!", MESSAGES[language].notDate(String(v)));
  return {
    date: parsed.value,
    defaulted: false,
    serial: typeof v === "number" ? v : undefined,
  };
}

interface FundArgs {
  fundId: string;
  /** The fundId argument was 0: on desktop, the way a blank cell arrives. */
  maybeBlank: boolean;
  asOf: AsOf;
}

function fundArgs(
  fundId: unknown,
  asOf: unknown,
  language: Language,
): FundArgs {
  const id = textArg(fundId, "fundId", language);
  return {
    fundId: id,
    maybeBlank: single(fundId, "fundId", language) === 0,
    asOf: asOfArg(asOf, language),
  };
}

function findFund(
  workbook: CheckedWorkbook,
  args: FundArgs,
  language: Language,
  positions = false,
): FundReport {
  const date = asOfIn(args.asOf, workbook, language);
  const report = workbook.report(date, positions);
  if (report.funds.length === 0)
    throw new FormulaError("#VALUE!", MESSAGES[language].noFunds);
  const fund = workbook.fund(date, args.fundId, positions);
  if (!fund)
    throw new FormulaError(
      "#N/A",
      args.maybeBlank
        ? MESSAGES[language].noFundBlank
        : MESSAGES[language].noFund(args.fundId),
    );
  return fund;
}

function ruleArg(rule: unknown, language: Language): string {
  const id = textArg(rule, "rule", language);
  const definition = ruleById(id);
  if (!definition)
    throw new FormulaError("#VALUE!", MESSAGES[language].unknownRule(id));
  return definition.id;
}

function ruleResult(
  fund: FundReport,
  ruleId: string,
  language: Language,
): RuleResult {
  const result = fund.rules.find((r) => r.id === ruleId);
  if (result) return result;
  const family = fund.fundType ? familyFor(fund.fundType) : undefined;
  throw new FormulaError(
    "#N/A",
    family?.rules.some((r) => r.id === ruleId)
      ? MESSAGES[language].notForThisFund(ruleId, fund.fundId)
      : MESSAGES[language].notForType(ruleId, fund.fundId, fund.fundType),
  );
}

/** A number only when the rule could be computed in full: a partial ratio is never shown as if it were the ratio. */
function completeNumber(
  r: RuleResult,
  value: number | null,
  what: "ratio" | "headroom",
  language: Language,
): number {
  if (r.status === "incomplete")
    throw new FormulaError(
      "#N/A",
      MESSAGES[language].incomplete(r.id, ruleExplanation(r, language)),
    );
  if (value === null)
    throw new FormulaError("#N/A", MESSAGES[language].noValue(r.id, what));
  return value;
}

function ruleAnswer<T>(
  rule: unknown,
  fundId: unknown,
  asOf: unknown,
  language: Language,
  pick: (result: RuleResult) => T,
): Answer<T> {
  const ruleId = ruleArg(rule, language);
  const args = fundArgs(fundId, asOf, language);
  return (workbook) =>
    pick(ruleResult(findFund(workbook, args, language), ruleId, language));
}

export function ratioAnswer(
  rule: unknown,
  fundId: unknown,
  asOf?: unknown,
  language: Language = "en",
): Answer<number> {
  return ruleAnswer(rule, fundId, asOf, language, (r) =>
    completeNumber(r, r.value, "ratio", language),
  );
}

export function statusAnswer(
  rule: unknown,
  fundId: unknown,
  asOf?: unknown,
  language: Language = "en",
): Answer<string> {
  return ruleAnswer(rule, fundId, asOf, language, (r) =>
    statusWord(r.status, language),
  );
}

export function headroomAnswer(
  rule: unknown,
  fundId: unknown,
  asOf?: unknown,
  language: Language = "en",
): Answer<number> {
  return ruleAnswer(rule, fundId, asOf, language, (r) =>
    completeNumber(
      r,
      r.headroom === null ? null : Number(r.headroom),
      "headroom",
      language,
    ),
  );
}

/** Every rule of the fund under a header row; the last column shows the test date, also when it was left blank. */
export function reportAnswer(
  fundId: unknown,
  asOf?: unknown,
  language: Language = "en",
): Answer<Cell[][]> {
  const args = fundArgs(fundId, asOf, language);
  return (workbook) => {
    const fund = findFund(workbook, args, language);
    const date = showDate(asOfIn(args.asOf, workbook, language), language);
    const rows: Cell[][] = [REPORT_HEADERS[language]];
    for (const r of fund.rules) {
      rows.push([
        r.id,
        r.article,
        r.value ?? "",
        r.threshold ?? "",
        statusWord(r.status, language) +
          (r.partial ? MESSAGES[language].partial : ""),
        r.headroom === null ? "" : Number(r.headroom),
        unitWord(r.unit ?? "EUR", language),
        date,
      ]);
    }
    return rows;
  };
}

/** What one position contributes to a rule (EUR), or the reason it is excluded, with the article. */
export function positionAnswer(
  rule: unknown,
  fundId: unknown,
  lineId: unknown,
  asOf?: unknown,
  language: Language = "en",
): Answer<Cell> {
  const ruleId = ruleArg(rule, language);
  const args = fundArgs(fundId, asOf, language);
  const line = textArg(lineId, "lineId", language);
  const lineMaybeBlank = single(lineId, "lineId", language) === 0;
  const m = MESSAGES[language];
  return (workbook) => {
    const fund = findFund(workbook, args, language, true);
    ruleResult(fund, ruleId, language);
    const position = fund.positions?.find((p) => p.lineId === line);
    if (!position)
      throw new FormulaError(
        "#N/A",
        lineMaybeBlank ? m.noPositionBlank : m.noPosition(line, fund.fundId),
      );
    const counted = position.counted.filter((c) => c.rule === ruleId);
    if (counted.length)
      return counted.reduce((sum, c) => sum + Number(c.amount), 0);
    const excluded = position.excluded.find(
      (e) =>
        e.rule === ruleId ||
        e.rule === "*" ||
        e.rule === `${ruleId.split("-")[0]}-*`,
    );
    if (excluded)
      return m.excluded(excluded.article, exclusionText(excluded, language));
    // The unreadable columns as the user wrote their headers.
    const headers = workbook.model.sources?.Holdings?.headers ?? {};
    if (position.unreadable?.length)
      return m.unreadable(
        position.unreadable.map((c) => headers[c] ?? c).join(", "),
      );
    return m.notConcerned(ruleId);
  };
}

/** One row per fund with its worst status and counts, for a dashboard. */
export function checkAnswer(
  asOf?: unknown,
  language: Language = "en",
): Answer<Cell[][]> {
  const date = asOfArg(asOf, language);
  return (workbook) => {
    const asOf = asOfIn(date, workbook, language);
    const report = workbook.report(asOf);
    if (report.funds.length === 0)
      throw new FormulaError("#N/A", MESSAGES[language].noFunds);
    const shown = showDate(asOf, language);
    const rows: Cell[][] = [CHECK_HEADERS[language]];
    for (const fund of report.funds) {
      const count = (s: string) =>
        fund.rules.filter((r) => r.status === s).length;
      rows.push([
        fund.fundId,
        fund.fundName ?? "",
        fund.fundType ?? "",
        statusWord(fund.status, language),
        count("breach"),
        count("warning"),
        count("incomplete"),
        shown,
      ]);
    }
    return rows;
  };
}
