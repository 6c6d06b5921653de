import type { CellValue, RawTable } from "../../src/workbook/grid";

/** A table as the readers receive it: headers on row 1, one data row per array from row 2. */
export const rawTable = (
  name: RawTable["name"],
  headers: string[],
  rows: CellValue[][],
): RawTable => ({
  name,
  source: "table",
  sheet: name,
  headerRowNumber: 1,
  firstColumn: 0,
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});
