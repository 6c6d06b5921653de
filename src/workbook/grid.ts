import type { TableName } from "../engine/model";

/** An error value as a spreadsheet shows it (#N/A, #VALUE!…). */
export interface CellError {
  error: string;
}

/**
 * One cell as the Excel adapter and the xlsx reader both hand it over: a number, text,
 * a boolean, a date (xlsx), an error, or blank.
 */
export type CellValue =
  string | number | boolean | Date | CellError | null | undefined;

export interface RawRow {
  /** Worksheet row number as Excel displays it. */
  rowNumber: number;
  cells: CellValue[];
}

/** A table (ListObject) or a sheet, as a header row and data rows. */
export interface RawTable {
  name: TableName;
  source: "table" | "sheet";
  sheet: string;
  headerRowNumber: number;
  /** Zero-based worksheet column of the first header cell (0 is column A). */
  firstColumn: number;
  headers: CellValue[];
  rows: RawRow[];
  /** Date serials count from 1904 (Excel's 1904 date system) rather than 1900. */
  date1904?: boolean;
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    "error" in value
  );
}

const ERROR_TEXTS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** Office.js hands error cells over as their text; both forms mean the same. */
const LOOKS_LIKE_ERROR = /^\s*#/;

export function errorText(value: CellValue): string | undefined {
  if (typeof value === "string") {
    // Most text is not an error: look closer only at text that starts with "#".
    if (!LOOKS_LIKE_ERROR.test(value)) return undefined;
    const text = value.trim().toUpperCase();
    return ERROR_TEXTS.has(text) ? text : undefined;
  }
  if (isCellError(value)) return value.error;
  return undefined;
}

export function isBlank(value: CellValue): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "")
  );
}

/** Text for messages: what the user sees in the cell. */
export function displayValue(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? "invalid date"
      : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return String(value);
}
