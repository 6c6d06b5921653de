import {
  checkInput,
  finishReport,
  finishReportAfter,
  type CheckOptions,
  type PreparedWorkbook,
  prepareWorkbook,
} from "../engine/check";
import type { IsoDate } from "../engine/dates";
import { MemoKey } from "../engine/memo-key";
import type { Dec } from "../engine/decimal";
import type { TableName, WorkbookModel } from "../engine/model";
import { updatePrepared } from "../engine/recheck";
import type { FundReport, Report } from "../engine/result";
import {
  applyEdits,
  type CellEdit,
  changedHoldingsRows,
  rereadHoldingsRows,
} from "./edits";
import type { RawTable } from "./grid";
import { readWorkbookParts, type WorkbookReading } from "./read-workbook";

/** How many test dates keep their report; a formula sheet rarely uses more than a few. */
const REPORTS_KEPT = 12;
/** Reports that explain every position weigh about 1 KB a position (docs/performance.md): keep two. */
const EXPLAINED_REPORTS_KEPT = 2;

/** A report of the previous version of the workbook, and the funds (by index) it no longer gives right. */
interface Inherited {
  report: Report;
  stale: Set<number>;
}

type Tables = Partial<Record<TableName, RawTable>>;

/** The cache key of a report with every position's outcome (report() below). */
const isExplained = (key: string) => key.startsWith("P|");

/** For a report whose funds the register check amended, the funds' reports before it. */
const portfolioFunds = new WeakMap<Report, FundReport[]>();

/**
 * One read of the workbook's tables and the reports checked from it, one per test date. It runs
 * exactly what `fund-quota check` runs (readWorkbook → checkWorkbook), so every face that answers
 * from it gives the command line's answer. Checking a second date re-uses the parsed model: the
 * tables are read once per version of the workbook, not once per date.
 *
 * After an edit to a few Holdings cells (withEdits, or withTables given a new read), the next
 * version re-reads only the edited rows and re-checks only the funds they belong to; every other
 * fund's report is taken from this version's, so the result is the full check's.
 */
export class CheckedWorkbook {
  readonly model: WorkbookModel;
  private readonly reading: WorkbookReading;
  private readonly prepared: PreparedWorkbook;
  private readonly reports = new Map<string, Report>();
  private readonly explained = new Map<string, Report>();
  private readonly inherited: Map<string, Inherited>;
  /** By report, its funds by id (fund()); made when first asked, not with each edit's version. */
  private indexes?: WeakMap<Report, Map<string, FundReport>>;
  /** How many funds the reports of this version checked, for tests and the bench. */
  fundsChecked = 0;

  constructor(
    readonly tables: Tables,
    /** The workbook counts dates from 1904: a date cell passed to a function means another day. */
    readonly date1904 = false,
    derived?: {
      reading: WorkbookReading;
      prepared: PreparedWorkbook;
      inherited: Map<string, Inherited>;
    },
  ) {
    this.reading = derived?.reading ?? readWorkbookParts(tables);
    this.model = this.reading.model;
    this.prepared = derived?.prepared ?? prepareWorkbook(this.model);
    this.inherited = derived?.inherited ?? new Map<string, Inherited>();
  }

  /**
   * The next version of the workbook after edits to cells of the tables. Edits to Holdings
   * values re-check only the funds of the edited rows; anything else reads and checks anew.
   */
  withEdits(edits: readonly CellEdit[]): CheckedWorkbook {
    const applied = applyEdits(this.tables, edits);
    if (!applied) return this.fresh(editedTables(this.tables, edits));
    return this.next(applied.tables, applied.holdingsRows);
  }

  /**
   * The next version from a new read of the tables: the rows whose cells differ are the edits.
   * A read's rows are never changed in place (each read from Excel or a file gives new rows),
   * so the two reads can be compared.
   */
  withTables(tables: Tables, date1904 = false): CheckedWorkbook {
    const rows =
      date1904 === this.date1904
        ? changedHoldingsRows(this.tables, tables)
        : undefined;
    if (!rows) return new CheckedWorkbook(tables, date1904);
    return this.next(tables, rows);
  }

  private fresh(tables: Tables): CheckedWorkbook {
    return new CheckedWorkbook(tables, this.date1904);
  }

  private next(tables: Tables, holdingsRows: number[]): CheckedWorkbook {
    const reread = rereadHoldingsRows(this.reading, tables, holdingsRows);
    const update =
      reread &&
      updatePrepared(this.prepared, reread.reading.model, reread.changed);
    if (!reread || !update) return this.fresh(tables);
    return new CheckedWorkbook(tables, this.date1904, {
      reading: reread.reading,
      prepared: update.prepared,
      inherited: this.inheritedAfter(update.affected),
    });
  }

  /**
   * The reports the next version inherits, each with the funds (by index) it no longer gives
   * right: this version's, and those it inherited and did not ask for again.
   */
  private inheritedAfter(affected: readonly number[]): Map<string, Inherited> {
    const inherited = new Map<string, Inherited>();
    // forEach, not destructured entries: an iterator per entry in code not yet compiled (an
    // edit's first hundred versions).
    this.inherited.forEach((entry, key) =>
      inherited.set(key, {
        report: entry.report,
        stale: staleAfter(entry.stale, affected),
      }),
    );
    carryReports(inherited, this.reports, affected);
    carryReports(inherited, this.explained, affected);
    // As many as the caches keep, the most recent: dates not asked again are not carried forever.
    let explained = 0;
    for (const key of inherited.keys()) if (isExplained(key)) explained++;
    let plain = inherited.size - explained;
    if (explained <= EXPLAINED_REPORTS_KEPT && plain <= REPORTS_KEPT)
      return inherited;
    for (const key of inherited.keys())
      if (
        isExplained(key)
          ? explained-- > EXPLAINED_REPORTS_KEPT
          : plain-- > REPORTS_KEPT
      )
        inherited.delete(key);
    return inherited;
  }

  /**
   * The report on a date; with positions, every position's outcome too (QUOTA.POSITION, the
   * pane); with a default warning margin, the pane's setting for funds that leave theirs blank.
   */
  report(asOf: IsoDate, positions = false, defaultWarningMargin?: Dec): Report {
    const cache = positions ? this.explained : this.reports;
    // A sheet asks one date again and again (an edit, then its report): the key is kept.
    const key = (positions ? EXPLAINED_KEY : REPORT_KEY).of(
      asOf,
      defaultWarningMargin,
    );
    let report = cache.get(key);
    if (report) {
      // Most recently used last, so the oldest date is the one dropped.
      cache.delete(key);
    } else {
      report = this.check(key, { asOf, positions, defaultWarningMargin });
    }
    cache.set(key, report);
    const kept = positions ? EXPLAINED_REPORTS_KEPT : REPORTS_KEPT;
    if (cache.size > kept) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return report;
  }

  private check(key: string, options: CheckOptions): Report {
    const { inputs } = this.prepared;
    const base = this.inherited.get(key);
    this.inherited.delete(key);
    // The funds' own reports, before the register check added to copies of them.
    const baseFunds =
      base && (portfolioFunds.get(base.report) ?? base.report.funds);
    let funds: FundReport[];
    const stale = base ? staleInOrder(base.stale) : NO_FUNDS;
    if (baseFunds && baseFunds.length === inputs.length) {
      // The previous report's funds but for the stale ones (one after an edit), checked again in
      // index order: no pass over every fund.
      funds = baseFunds.slice();
      for (let k = 0; k < stale.length; k++) {
        this.fundsChecked++;
        funds[stale[k]] = checkInput(inputs[stale[k]], options);
      }
    } else {
      funds = [];
      for (let i = 0; i < inputs.length; i++) {
        this.fundsChecked++;
        funds.push(checkInput(inputs[i], options));
      }
    }
    const report = base
      ? finishReportAfter(this.prepared, funds, options, base.report, stale)
      : finishReport(this.prepared, funds, options);
    if (report.funds !== funds) portfolioFunds.set(report, funds);
    return report;
  }

  /** The fund's part of the report on a date, found without scanning every fund. */
  fund(
    asOf: IsoDate,
    fundId: string,
    positions = false,
  ): FundReport | undefined {
    const report = this.report(asOf, positions);
    this.indexes ??= new WeakMap();
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

const byIndex = (a: number, b: number) => a - b;

/** A report's cache key, by kind (isExplained): its date and default warning margin. */
const REPORT_KEY = new MemoKey("R");
const EXPLAINED_KEY = new MemoKey("P");

const NO_FUNDS: readonly number[] = [];

/** The stale funds' indexes in order; one, most often, read without an iterator. */
function staleInOrder(stale: ReadonlySet<number>): readonly number[] {
  if (stale.size === 0) return NO_FUNDS;
  const list: number[] = [];
  stale.forEach((i) => list.push(i));
  return list.length > 1 ? list.sort(byIndex) : list;
}

/** A cache's reports added to the inherited ones, most recent last, each stale at the affected funds. */
function carryReports(
  inherited: Map<string, Inherited>,
  cache: ReadonlyMap<string, Report>,
  affected: readonly number[],
): void {
  cache.forEach((report, key) => {
    inherited.delete(key);
    inherited.set(key, { report, stale: staleAfter(undefined, affected) });
  });
}

/** The funds (by index) a report no longer gives right after an edit: those it did not, and the affected. */
function staleAfter(
  before: ReadonlySet<number> | undefined,
  affected: readonly number[],
): Set<number> {
  const stale = new Set(before);
  for (let k = 0; k < affected.length; k++) stale.add(affected[k]);
  return stale;
}

/** The tables with the edits applied, for a full read (edits outside Holdings' data rows). */
function editedTables(tables: Tables, edits: readonly CellEdit[]): Tables {
  const out: Tables = { ...tables };
  for (const e of edits) {
    const raw = out[e.table];
    if (!raw || e.column < 0) continue;
    const rows = raw.rows.map((r) =>
      r.rowNumber === e.row ? { ...r, cells: r.cells.slice() } : r,
    );
    for (const r of rows)
      if (r.rowNumber === e.row) {
        while (r.cells.length <= e.column) r.cells.push(null);
        r.cells[e.column] = e.value;
      }
    out[e.table] = { ...raw, rows };
  }
  return out;
}
