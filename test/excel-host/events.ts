// Workbook events for the strict host: the user edits a table, Excel raises the events the add-in
// registered. Registration runs through Microsoft's client (GenericEventHandlers: a
// `_Register…Event` method and a trace marker per handler, in the next sync); the host delivers
// an event the way Excel does, as a RichApi message of the event category, which the client
// routes to the handlers registered for that event type and target.
// - The event payloads (tableId, worksheetId, address, changeType, source; tableName on a deletion):
//   office-js-docs-pr / office-js-docs-reference, Excel.TableChangedEventArgs (ExcelApi 1.7),
//   Excel.TableAddedEventArgs and TableDeletedEventArgs (ExcelApi 1.9), Excel.WorksheetChangedEventArgs.
// - The message routing and event type numbers are the client's own (excel-web-16.00.debug.js:
//   GenericEventRegistration._handleRichApiMessage, category 65536; workbook.tables onChanged 101,
//   onAdded 102, onDeleted 103, workbook.worksheets onChanged 10 and onCalculated 16, all on
//   target "Workbook"). Excel.WorksheetCalculatedEventArgs: worksheetId, address (ExcelApi 1.8, 1.11).
//   OfficeExtension._testSetRichApiMessageReadyImpl and _testTriggerRichApiMessageEvent are the
//   client's own test seams for exactly this; the first replaces Office.context.document.addHandlerAsync,
//   which this host does not emulate.
import type { ExcelHost } from "./host";
import { columnLetters, type HostCell } from "./workbook";

export const EVENT_TYPE = {
  worksheetChanged: 10,
  worksheetCalculated: 16,
  tableChanged: 101,
  tableAdded: 102,
  tableDeleted: 103,
} as const;

const EVENT_CATEGORY = 65536;

interface ClientTestSeams {
  _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(message: unknown): void;
}

export interface HostEvents {
  /** Raises one event as Excel would, to whatever handlers the add-in registered. */
  raise(type: number, payload: Record<string, unknown>): void;
  /**
   * The user types `value` in a table's body cell (0-based body row, column by header): the cell
   * changes, then Excel raises TableChanged and WorksheetChanged for it.
   */
  editTableCell(
    table: string,
    bodyRow: number,
    header: string,
    value: HostCell,
  ): void;
  /**
   * A table cell's formula takes a new value because a precedent on another sheet changed: the
   * cell changes and Excel raises WorksheetCalculated for the table's sheet, no change event.
   */
  recalculateTableCell(
    table: string,
    bodyRow: number,
    header: string,
    value: HostCell,
  ): void;
}

export function enableEvents(host: ExcelHost): HostEvents {
  const seams = host.client.OfficeExtension as unknown as ClientTestSeams;
  seams._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  const raise = (type: number, payload: Record<string, unknown>) =>
    seams._testTriggerRichApiMessageEvent({
      entries: [
        {
          messageCategory: EVENT_CATEGORY,
          messageType: type,
          targetId: "Workbook",
          message: JSON.stringify(payload),
        },
      ],
    });
  return {
    raise,
    editTableCell(name, bodyRow, header, value) {
      const table = host.workbook.table(name);
      const r = table.r0 + 1 + bodyRow;
      const c = table.c0 + table.columnIndex(header);
      table.sheet.setCell(r, c, value);
      const address = `${columnLetters(c)}${r + 1}`;
      const common = {
        worksheetId: table.sheet.id,
        address,
        changeType: "RangeEdited",
        source: "Local",
      };
      raise(EVENT_TYPE.tableChanged, { ...common, tableId: table.id });
      raise(EVENT_TYPE.worksheetChanged, common);
    },
    recalculateTableCell(name, bodyRow, header, value) {
      const table = host.workbook.table(name);
      const r = table.r0 + 1 + bodyRow;
      const c = table.c0 + table.columnIndex(header);
      table.sheet.setCell(r, c, value);
      raise(EVENT_TYPE.worksheetCalculated, {
        worksheetId: table.sheet.id,
        address: `${columnLetters(c)}${r + 1}`,
        source: "Local",
      });
    },
  };
}
