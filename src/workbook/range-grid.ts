import type { TableName } from "../engine/model";
import { type CellValue, isBlank, type RawRow, type RawTable } from "./grid";

/**
 * A range of values with its header row (a table's [#All], a plain range, or what
 * Office.js returns for a table), as a RawTable. The header is the first non-empty row;
 * row numbers count from the range's top row, which is the worksheet row when the
 * range starts on row `topRow`.
 */
export function tableFromValues(
  name: TableName,
  values: readonly (readonly unknown[])[],
  topRow = 1,
  firstColumn = 0,
  sheet: string = name,
): RawTable {
  let header = 0;
  while (
    header < values.length &&
    values[header].every((c) => isBlank(c as CellValue))
  )
    header++;
  // Sized once: pushing 100,000 rows grows the array by copies, which is garbage to collect.
  const rows: RawRow[] = new Array(Math.max(0, values.length - header - 1));
  for (let i = header + 1; i < values.length; i++)
    rows[i - header - 1] = {
      rowNumber: topRow + i,
      cells: values[i] as CellValue[],
    };
  return {
    name,
    source: "table",
    sheet,
    headerRowNumber: topRow + header,
    firstColumn,
    headers: (values[header] ?? []) as CellValue[],
    rows,
  };
}
