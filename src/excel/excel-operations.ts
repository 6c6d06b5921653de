import type { TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type {
  Language,
  PaneSettings,
  WorkbookOperations,
} from "../taskpane/operations";
import { clearHighlights, highlightBreaches } from "./highlight";
import { readTables, type TableLocation } from "./read-tables";
import { writeReportSheet } from "./report-sheet";
import { insertTemplate } from "./template";

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
    if (!at) throw new Error("No Holdings table was found.");
    return at;
  };
  return {
    async readTables() {
      return Excel.run(WAIT_FOR_EDIT, async (context) => {
        const read = await readTables(context);
        locations = read.locations;
        return read.tables;
      });
    },
    highlightBreaches: (report: Report) =>
      asOneUndoStep((context) =>
        highlightBreaches(context, report, holdings()),
      ),
    async clearHighlights() {
      await asOneUndoStep((context) => clearHighlights(context, holdings()));
    },
    writeReport: (report: Report) =>
      asOneUndoStep((context) =>
        writeReportSheet(
          context,
          report,
          new Date().toISOString().slice(0, 16).replace("T", " "),
        ),
      ),
    insertTemplate: (language: Language) =>
      Excel.run((context) => insertTemplate(context, language)),
    async select(sheet: string, cell: string) {
      await Excel.run(WAIT_FOR_EDIT, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
    async watchTables(onChange: () => void) {
      return Excel.run(async (context) => {
        const handlers: OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>[] =
          [];
        const tables = (["Funds", "Holdings", "Holders"] as const).map((n) =>
          context.workbook.tables.getItemOrNullObject(n),
        );
        await context.sync();
        for (const t of tables)
          if (!t.isNullObject)
            handlers.push(t.onChanged.add(async () => onChange()));
        await context.sync();
        // Handlers are removed through the context that added them.
        return () => {
          if (!handlers.length) return;
          void Excel.run(handlers[0].context, async (ctx) => {
            for (const h of handlers) h.remove();
            await ctx.sync();
          });
        };
      });
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
