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
import { openSampleWorkbook } from "./open-sample";
import { insertTemplate } from "./template";

/* global Excel, Office */

const SETTINGS_KEY = "fundQuotaMonitor.settings";

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
      return Excel.run(async (context) => {
        const read = await readTables(context);
        locations = read.locations;
        return read.tables;
      });
    },
    highlightBreaches: (report: Report) =>
      Excel.run((context) => highlightBreaches(context, report, holdings())),
    async clearHighlights() {
      await Excel.run((context) => clearHighlights(context, holdings()));
    },
    writeReport: (report: Report) =>
      Excel.run((context) =>
        writeReportSheet(
          context,
          report,
          new Date().toISOString().slice(0, 16).replace("T", " "),
        ),
      ),
    insertTemplate: (language: Language) =>
      Excel.run((context) => insertTemplate(context, language)),
    openSample: openSampleWorkbook,
    async select(sheet: string, cell: string) {
      await Excel.run(async (context) => {
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
