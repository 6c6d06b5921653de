// Workbook-level events for the strict host: what the workbook model registers
// (workbook.tables.onChanged / onAdded / onDeleted, workbook.worksheets.onChanged / onCalculated)
// and Excel raises for the whole workbook. host.userEdits raises the per-table and per-sheet
// events; these are the collection events, whose target is the workbook. They reach the handlers
// through the same seam (host.client.deliver: a RichApi message of the event category that the
// client routes by event type and target).
// - The event payloads (tableId, worksheetId, address, changeType, source; tableName on a deletion):
//   office-js-docs-reference, Excel.TableChangedEventArgs (ExcelApi 1.7), Excel.TableAddedEventArgs
//   and TableDeletedEventArgs (ExcelApi 1.9), Excel.WorksheetChangedEventArgs and
//   Excel.WorksheetCalculatedEventArgs (worksheetId, address: ExcelApi 1.8, 1.11).
// - The routing and the event type numbers are the client's own (excel-web-16.00.debug.js:
//   GenericEventRegistration._handleRichApiMessage, category 65536; workbook.tables onChanged 101,
//   onAdded 102, onDeleted 103, workbook.worksheets onChanged 10 and onCalculated 16, all on
//   target "Workbook", as the client registers them).
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
  const raise = (type: number, payload: Record<string, unknown>) =>
    host.client.deliver({
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
