import { checkWorkbook } from "../engine/check";
import type { Report } from "../engine/result";
import { readWorkbook } from "../workbook/read-workbook";
import { findTables, loadWorkbook } from "./xlsx-tables";

/** Reads one workbook file and checks it. */
export async function checkFile(
  file: string,
  asOf: string,
  positions: boolean,
): Promise<Report> {
  const workbook = await loadWorkbook(file);
  return checkWorkbook(readWorkbook(findTables(workbook)), { asOf, positions });
}
