export {
  createExcelHost,
  DEFAULT_REQUIREMENT_SETS,
  ExcelHost,
  FLAG_DELAY_FOR_CELL_EDIT,
  MB,
  OOE,
} from "./host";
export type { HostOptions, RequestRecord, ScriptedFailure } from "./host";
export { holdingsRows, sampleGrids, workbookWithHoldings } from "./workbooks";
export type { HoldingsWorkbookOptions } from "./workbooks";
export {
  columnLetters,
  HostFault,
  HostSheet,
  HostTable,
  HostWorkbook,
  parseAddress,
  serialOf,
} from "./workbook";
export type { HostCell, Rect } from "./workbook";
