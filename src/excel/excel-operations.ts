import { reason, ReasonError } from "../engine/reasons";
import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type {
  Language,
  PaneSettings,
  WorkbookOperations,
} from "../taskpane/operations";
import { clearHighlights, highlightBreaches } from "./highlight";
import { type TableLocation } from "./read-tables";
import { writeReportSheet } from "./report-sheet";
import { freezeMonthEnd, historyRows } from "./history-sheet";
import { writtenAt } from "../present/sheet";
import { openSampleWorkbook } from "./open-sample";
import { insertTemplate } from "./template";
import { sharedWorkbookModel } from "./workbook-model";

/* global Excel, Office */

const SETTINGS_KEY = "fundQuotaMonitor.settings";

/**
 * Every batch waits for the user to leave cell-edit mode instead of failing
 * (Excel.RunOptions.delayForCellEdit; office-js-docs-pr, excel.runoptions).
 */
const WAIT_FOR_EDIT: Excel.RunOptions = { delayForCellEdit: true };

/**
 * A multi-sync write as one undo step where the host supports it (mergeUndoGroup, ExcelApi
 * 1.20; office-js-docs-pr, excel-add-ins-undo-capabilities). A host that cannot group some of
 * the calls answers UndoNotSupported: the write, idempotent, is then run without grouping.
 */
async function asOneUndoStep<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.20"))
    return Excel.run(WAIT_FOR_EDIT, batch);
  try {
    return await Excel.run({ ...WAIT_FOR_EDIT, mergeUndoGroup: true }, batch);
  } catch (e) {
    if ((e as { code?: string }).code !== "UndoNotSupported") throw e;
    return Excel.run(WAIT_FOR_EDIT, batch);
  }
}

/** The pane's operations in Excel, through Office.js. */
export function excelOperations(): WorkbookOperations {
  let locations: Partial<Record<TableName, TableLocation>> = {};
  const holdings = () => {
    const at = locations.Holdings;
    if (!at)
      throw new ReasonError(
        reason("table-missing", { table: "Holdings" }),
        "No Holdings table was found.",
      );
    return at;
  };
  return {
    // The tables come from the runtime's one workbook model, which the functions share.
    async readTables() {
      const model = sharedWorkbookModel();
      let snapshot = await model.settled();
      if (snapshot.status === "error" || !model.watchingChanges)
        snapshot = await model.refresh();
      if (snapshot.status !== "ready" || !snapshot.read)
        throw snapshot.failure instanceof Error
          ? snapshot.failure
          : new Error(snapshot.error ?? "The workbook could not be read.");
      locations = snapshot.read.locations;
      return snapshot.read.tables;
    },
    highlightBreaches: (report: Report) =>
      asOneUndoStep((context) =>
        highlightBreaches(context, report, holdings()),
      ),
    async clearHighlights() {
      await asOneUndoStep((context) => clearHighlights(context, holdings()));
    },
    writeReport: (report: Report, language: Language = "en") =>
      asOneUndoStep((context) =>
        writeReportSheet(
          context,
          report,
          writtenAt(new Date(), language),
          language,
        ),
      ),
    freezeMonthEnd: (report: Report, language: Language = "en") =>
      asOneUndoStep(async (context) => {
        await freezeMonthEnd(context, report, language);
        return historyRows(report, language).length;
      }),
    insertTemplate: (language: Language) =>
      Excel.run((context) => insertTemplate(context, language)),
    openSample: openSampleWorkbook,
    async select(sheet: string, cell: string) {
      await Excel.run(WAIT_FOR_EDIT, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
    // Called when the model sees a change to the tables (it watches them and re-reads them;
    // readTables then waits for that re-read).
    async watchTables(onChange: () => void) {
      const model = sharedWorkbookModel();
      await model.start();
      return model.onTablesChanged(onChange);
    },
    async loadSettings() {
      const stored = Office.context.document.settings.get(
        SETTINGS_KEY,
      ) as PaneSettings | null;
      return stored ?? {};
    },
    saveSettings(settings: PaneSettings) {
      Office.context.document.settings.set(SETTINGS_KEY, settings);
      return new Promise<void>((resolve, reject) =>
        Office.context.document.settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(result.error),
        ),
      );
    },
    displayLanguage: () => Office.context.displayLanguage ?? "en-US",
  };
}
