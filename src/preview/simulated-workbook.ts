import { breachRows, rowRuns } from "../engine/breach-rows";
import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import { REPORT_SHEET, reportRows } from "../excel/report-sheet";
import { templateHeaders } from "../excel/template";
import { SHEET_WORDS } from "../present/sheet";
import type {
  Language,
  PaneSettings,
  WorkbookOperations,
} from "../taskpane/operations";
import type { RawTable } from "../workbook/grid";
import { tableFromValues } from "../workbook/range-grid";

export type Cell = string | number | boolean;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A chart the simulated report sheet shows: each quota against its threshold. */
export interface ChartBar {
  label: string;
  value: number;
  threshold: number;
}

/**
 * An in-page workbook for the browser preview: the sample's sheets, the add-in's highlights
 * and report sheet, a selection, and edits that notify the pane as Excel's onChanged does.
 */
/** The tables the add-in reads (src/excel/read-tables.ts), each on the sheet of its name here. */
const TABLES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
  "Orders",
  "Subscribers",
  "Offers",
  "Trades",
];

export class SimulatedWorkbook {
  sheets: Sheet[];
  highlighted = new Set<number>();
  chart: ChartBar[] = [];
  selection?: { sheet: string; cell: string };
  activeSheet: string;
  private listeners = new Set<() => void>();
  private tableListeners = new Set<() => void>();
  private settings: PaneSettings = {};

  /** The sample's sheets, loaded when "Open the sample" is chosen (a lazy chunk in the preview). */
  private loadSample?: () => Promise<Sheet[]>;
  /** How many times the sample was opened: Excel opens it in a new window, the preview in place. */
  samplesOpened = 0;

  constructor(sheets: Sheet[], loadSample?: () => Promise<Sheet[]>) {
    this.sheets = sheets;
    this.loadSample = loadSample;
    this.activeSheet =
      sheets.find((s) => s.name === "Holdings")?.name ?? sheets[0]?.name ?? "";
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  activate(name: string): void {
    this.activeSheet = name;
    this.changed();
  }

  /** A user edit: the value lands in the cell and the tables' change handlers fire. */
  edit(sheetName: string, row: number, col: number, value: Cell): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    while (sheet.rows.length <= row) sheet.rows.push([]);
    sheet.rows[row][col] = value;
    this.changed();
    if ((TABLES as readonly string[]).includes(sheetName))
      for (const l of this.tableListeners) l();
  }

  operations(displayLanguage: string): WorkbookOperations {
    const names = TABLES;
    return {
      readTables: async () => {
        const tables: Partial<Record<TableName, RawTable>> = {};
        for (const name of names) {
          const sheet = this.sheet(name);
          // A snapshot, as the Excel host hands over fresh values each read: a read keeps the
          // grid's rows and reads them in place after (range-grid.ts), and edits change the sheet.
          if (sheet)
            tables[name] = tableFromValues(
              name,
              sheet.rows.map((r) => r.slice()),
              1,
              0,
              name,
            );
        }
        return tables;
      },
      highlightBreaches: async (report: Report) => {
        const rows = breachRows(report);
        this.highlighted = new Set(rows);
        this.changed();
        return rowRuns(rows).length;
      },
      clearHighlights: async () => {
        this.highlighted = new Set();
        this.changed();
      },
      writeReport: async (report: Report, language: Language = "en") => {
        const { rules, positions, diagnostics } = reportRows(report, language);
        const w = SHEET_WORDS[language];
        const rows: Cell[][] = [
          [w.title(report.asOf)],
          [],
          w.ruleHeaders,
          ...rules,
          [],
          [w.positionsTitle],
          w.positionHeaders,
          ...positions,
          // The reading problems, as the real report sheet writes them.
          ...(diagnostics.length
            ? [[], [w.diagnosticsTitle], w.diagnosticHeaders, ...diagnostics]
            : []),
        ];
        const existing = this.sheet(REPORT_SHEET);
        if (existing) existing.rows = rows;
        else this.sheets.push({ name: REPORT_SHEET, rows });
        this.chart = rules
          .filter(
            (r) =>
              typeof r[5] === "number" &&
              typeof r[6] === "number" &&
              r[6] !== 0,
          )
          .map((r) => ({
            label: `${r[0]} · ${r[3]}`,
            value: r[5] as number,
            threshold: r[6] as number,
          }));
        this.activeSheet = REPORT_SHEET;
        this.changed();
      },
      insertTemplate: async (language: Language) => {
        const created: TableName[] = [];
        const skipped: TableName[] = [];
        for (const name of names) {
          if (this.sheet(name)) skipped.push(name);
          else {
            this.sheets.push({ name, rows: [templateHeaders(name, language)] });
            created.push(name);
          }
        }
        this.changed();
        return { created, skipped };
      },
      openSample: async () => {
        if (!this.loadSample) throw new Error("No sample is available here.");
        const sheets = await this.loadSample();
        // Excel opens a new workbook; the preview shows it in place of the empty one, which has
        // nothing to lose (the pane offers the sample only when there is no Funds or Holdings table).
        this.sheets = sheets;
        this.activeSheet =
          sheets.find((s) => s.name === "Holdings")?.name ??
          sheets[0]?.name ??
          "";
        this.samplesOpened++;
        this.changed();
      },
      select: async (sheet: string, cell: string) => {
        this.selection = { sheet, cell };
        this.activeSheet = sheet;
        this.changed();
      },
      watchTables: async (onChange: () => void) => {
        this.tableListeners.add(onChange);
        return () => this.tableListeners.delete(onChange);
      },
      loadSettings: async () => this.settings,
      saveSettings: async (settings: PaneSettings) => {
        this.settings = settings;
      },
      displayLanguage: () => displayLanguage,
    };
  }
}
