import type ExcelJS from "exceljs";
import { findTables, loadWorkbook } from "./xlsx-tables";

/** The keyword (a document property) that marks the reports `fund-quota` writes. */
export const REPORT_MARK = "fund-quota-monitor:report";

/** The sheet of the report `--out` writes. */
export const REPORT_SHEET = "Quota report";

/** The sheet of positions `--out` adds with `--positions`. */
export const POSITIONS_SHEET = "Quota positions";

export function markAsReport(workbook: ExcelJS.Workbook, asOf: string): void {
  workbook.creator = "Fund Quota Monitor";
  workbook.title = `Quota report as of ${asOf}`;
  workbook.keywords = REPORT_MARK;
}

/**
 * A report this product wrote: it carries the mark, holds only the report sheet, and no
 * Funds, Holdings or Holders table. A marked file the user has added sheets or tables to has
 * become their work, and is no longer ours to replace.
 */
export function isReportWorkbook(workbook: ExcelJS.Workbook): boolean {
  const keywords = (workbook.keywords ?? "").split(/[,;\s]+/);
  if (!keywords.includes(REPORT_MARK)) return false;
  if (
    workbook.worksheets.some(
      (s) => s.name !== REPORT_SHEET && s.name !== POSITIONS_SHEET,
    )
  )
    return false;
  return Object.keys(findTables(workbook)).length === 0;
}

/** Reads an existing file: a file that cannot be read as such a report is not ours. */
export async function isOwnReportFile(file: string): Promise<boolean> {
  try {
    return isReportWorkbook(await loadWorkbook(file));
  } catch {
    return false;
  }
}
