import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type { WorkbookResult } from "./batch";

/**
 * What a run of `fund-quota check` found, as its exit code says it:
 * clear 0, breach 1, unreadable 2, unchecked 3.
 */
export type Verdict = "clear" | "breach" | "unreadable" | "unchecked";

export const EXIT_CODES: Record<Verdict, number> = {
  clear: 0,
  breach: 1,
  unreadable: 2,
  unchecked: 3,
};

/** The counts the verdict and the summary line are made of, over one or several workbooks. */
export interface Tally {
  workbooks: number;
  unreadable: number;
  /** Reports this command wrote, found among the files and not checked. */
  ownReports: number;
  funds: number;
  rules: number;
  fundsInBreach: number;
  /** Issuers of the Offers register. */
  issuers?: number;
  issuersInBreach?: number;
  breaches: number;
  warnings: number;
  /** Rules that could not be computed. */
  incomplete: number;
  /** Workbooks in which a table could not be found, by table. */
  missingTables: Partial<Record<TableName, number>>;
  /** Workbooks that were read and hold no fund at all. */
  noFund: number;
  /** Funds none of whose rules could run (fund type missing or unknown). */
  fundsWithoutRules: number;
  /** Holdings (or holders) whose fund is not in the Funds table: never checked. */
  unknownFundRows: number;
  /** Other values that could not be read (diagnostics of severity error). */
  readingErrors: number;
}

export function emptyTally(): Tally {
  return {
    workbooks: 0,
    unreadable: 0,
    ownReports: 0,
    funds: 0,
    rules: 0,
    fundsInBreach: 0,
    breaches: 0,
    warnings: 0,
    incomplete: 0,
    missingTables: {},
    noFund: 0,
    fundsWithoutRules: 0,
    unknownFundRows: 0,
    readingErrors: 0,
  };
}

function addReport(
  t: Tally,
  report: Report,
  missingTables: readonly TableName[] = [],
): void {
  t.funds += report.funds.length;
  const issuers = report.issuers ?? [];
  t.issuers = (t.issuers ?? 0) + issuers.length;
  for (const i of issuers) {
    if (i.rules.some((r) => r.status === "breach"))
      t.issuersInBreach = (t.issuersInBreach ?? 0) + 1;
    t.readingErrors += i.diagnostics.filter(
      (d) => d.severity === "error",
    ).length;
  }
  t.rules += report.summary.rules;
  t.breaches += report.summary.breaches;
  t.warnings += report.summary.warnings;
  t.incomplete += report.summary.incomplete;
  for (const name of missingTables)
    t.missingTables[name] = (t.missingTables[name] ?? 0) + 1;
  if (
    report.funds.length === 0 &&
    issuers.length === 0 &&
    !missingTables.includes("Funds")
  )
    t.noFund++;
  for (const fund of report.funds) {
    if (fund.rules.some((r) => r.status === "breach")) t.fundsInBreach++;
    if (fund.rules.length === 0) t.fundsWithoutRules++;
    t.readingErrors += fund.diagnostics.filter(
      (d) => d.severity === "error",
    ).length;
  }
  for (const d of report.diagnostics) {
    if (d.severity !== "error") continue;
    // The workbook-level diagnostic on a table that is missing altogether is counted above.
    if (d.row === 0 && missingTables.includes(d.table)) continue;
    if (
      d.column === "fundId" &&
      (d.table === "Holdings" || d.table === "Holders")
    )
      t.unknownFundRows++;
    else t.readingErrors++;
  }
}

export function tallyOf(workbooks: readonly WorkbookResult[]): Tally {
  const t = emptyTally();
  for (const w of workbooks) {
    t.workbooks++;
    if (w.error) t.unreadable++;
    else if (w.ownReport) t.ownReports++;
    else if (w.report) addReport(t, w.report, w.missingTables);
  }
  return t;
}

/** Something could not be checked: then "no breach" is not "compliant". */
export function somethingUnchecked(t: Tally): boolean {
  return (
    t.incomplete > 0 ||
    t.funds + (t.issuers ?? 0) === 0 ||
    t.noFund > 0 ||
    Object.values(t.missingTables).some((n) => n > 0) ||
    t.fundsWithoutRules > 0 ||
    t.unknownFundRows > 0 ||
    t.readingErrors > 0
  );
}

/** A file that cannot be read outranks a breach, a breach outranks what could not be checked. */
export function verdictOf(t: Tally): Verdict {
  if (t.unreadable > 0) return "unreadable";
  if (t.breaches > 0) return "breach";
  if (somethingUnchecked(t)) return "unchecked";
  return "clear";
}
