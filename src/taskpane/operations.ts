import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type { RawTable } from "../workbook/grid";

export type Language = "en" | "fr";

/** What the accountant sets once and that travels with the workbook. */
export interface PaneSettings {
  /** Test date; blank means the last month-end before today. */
  asOf?: string;
  /** Warning margin for funds that leave theirs blank, as a fraction. */
  warningMargin?: number;
  language?: Language;
}

/**
 * Everything the pane asks of the workbook. The Excel implementation uses Office.js; the
 * browser preview and the component tests pass their own, so the pane runs without Office.
 */
export interface WorkbookOperations {
  readTables(): Promise<Partial<Record<TableName, RawTable>>>;
  highlightBreaches(report: Report): Promise<number>;
  clearHighlights(): Promise<void>;
  /** Writes the report sheet in the pane's language. */
  writeReport(report: Report, language?: Language): Promise<void>;
  /**
   * Freeze month-end: appends the report's ratios to the QuotaHistory table of the add-in's
   * history sheet and redraws each fund's chart; returns the number of ratios added. Absent
   * where the host cannot keep a history (the browser preview).
   */
  freezeMonthEnd?(report: Report, language?: Language): Promise<number>;
  insertTemplate(
    language: Language,
  ): Promise<{ created: TableName[]; skipped: TableName[] }>;
  /**
   * Opens the sample workbook (examples/sample-funds.xlsx) in a new workbook; the current one
   * is left as it is. In Excel this needs ExcelApi 1.8 (Excel.createWorkbook).
   */
  openSample(): Promise<void>;
  /** Selects a cell (e.g. "D14") of a sheet: a diagnostic's cell, or a position's row. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back (debounced by the caller) when Funds, Holdings or Holders change; returns how to stop. */
  watchTables(onChange: () => void): Promise<() => void>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  displayLanguage(): string;
}
