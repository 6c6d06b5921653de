import { checkWorkbook } from "../engine/check";
import type { IsoDate } from "../engine/dates";
import type { Dec } from "../engine/decimal";
import type { TableName, WorkbookModel } from "../engine/model";
import type { FundReport, Report } from "../engine/result";
import type { RawTable } from "./grid";
import { readWorkbook } from "./read-workbook";

/** How many test dates keep their report; a formula sheet rarely uses more than a few. */
const REPORTS_KEPT = 12;
/** Reports that explain every position weigh about 1 KB a position (docs/performance.md): keep two. */
const EXPLAINED_REPORTS_KEPT = 2;

/**
 * One read of the workbook's tables and the reports checked from it, one per test date. It runs
 * exactly what `fund-quota check` runs (readWorkbook → checkWorkbook), so every face that answers
 * from it gives the command line's answer. Checking a second date re-uses the parsed model: the
 * tables are read once per version of the workbook, not once per date.
 */
export class CheckedWorkbook {
  readonly model: WorkbookModel;
  private readonly reports = new Map<string, Report>();
  private readonly explained = new Map<string, Report>();
  private readonly indexes = new WeakMap<Report, Map<string, FundReport>>();

  constructor(
    readonly tables: Partial<Record<TableName, RawTable>>,
    /** The workbook counts dates from 1904: a date cell passed to a function means another day. */
    readonly date1904 = false,
  ) {
    this.model = readWorkbook(tables);
  }

  /**
   * The report on a date; with positions, every position's outcome too (QUOTA.POSITION, the
   * pane); with a default warning margin, the pane's setting for funds that leave theirs blank.
   */
  report(asOf: IsoDate, positions = false, defaultWarningMargin?: Dec): Report {
    const cache = positions ? this.explained : this.reports;
    const key =
      defaultWarningMargin === undefined
        ? asOf
        : `${asOf}|${defaultWarningMargin.toString()}`;
    let report = cache.get(key);
    if (report) {
      // Most recently used last, so the oldest date is the one dropped.
      cache.delete(key);
    } else {
      report = checkWorkbook(this.model, {
        asOf,
        positions,
        defaultWarningMargin,
      });
    }
    cache.set(key, report);
    const kept = positions ? EXPLAINED_REPORTS_KEPT : REPORTS_KEPT;
    if (cache.size > kept) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return report;
  }

  /** The fund's part of the report on a date, found without scanning every fund. */
  fund(
    asOf: IsoDate,
    fundId: string,
    positions = false,
  ): FundReport | undefined {
    const report = this.report(asOf, positions);
    let index = this.indexes.get(report);
    if (!index) {
      index = new Map(report.funds.map((f) => [f.fundId, f]));
      this.indexes.set(report, index);
    }
    return index.get(fundId);
  }

  /** How many reports are kept, for tests and the bench. */
  get reportsKept(): number {
    return this.reports.size + this.explained.size;
  }
}
