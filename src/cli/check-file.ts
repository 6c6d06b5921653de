import { checkWorkbook } from "../engine/check";
import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type { RegisterSettings } from "../engine/registers/types";
import { readWorkbook } from "../workbook/read-workbook";
import { isReportWorkbook } from "./report-mark";
import { findTables, loadWorkbook } from "./xlsx-tables";

/** What checking one file gives: its report, or why it holds nothing to check. */
export interface FileCheck {
  report?: Report;
  /** Funds or Holdings could not be found: nothing, or not everything, could be checked. */
  missingTables?: TableName[];
  /** The file is a report this command wrote (e.g. last month's, in the same folder): not checked. */
  ownReport?: boolean;
}

/** Reads one workbook file and checks it. */
export async function checkWorkbookFile(
  file: string,
  asOf: string,
  positions: boolean,
  registers?: RegisterSettings,
): Promise<FileCheck> {
  const workbook = await loadWorkbook(file);
  if (isReportWorkbook(workbook)) return { ownReport: true };
  const tables = findTables(workbook);
  // A register workbook needs neither Funds nor Holdings (WORKBOOK-FORMAT-REGISTERS §1).
  const hasRegister = tables.Subscribers || tables.Offers || tables.Trades;
  const missing = hasRegister
    ? []
    : (["Funds", "Holdings"] as const).filter((t) => !tables[t]);
  const report = checkWorkbook(readWorkbook(tables), {
    asOf,
    positions,
    registers,
  });
  return missing.length ? { report, missingTables: missing } : { report };
}

/** Reads one workbook file and checks it (its report only). */
export async function checkFile(
  file: string,
  asOf: string,
  positions: boolean,
): Promise<Report> {
  const workbook = await loadWorkbook(file);
  return checkWorkbook(readWorkbook(findTables(workbook)), { asOf, positions });
}
