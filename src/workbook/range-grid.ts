import type { TableName } from "../engine/model";
import { setUnmadeArray } from "../engine/patched-array";
import { type CellValue, isBlank, type RawRow, type RawTable } from "./grid";

/**
 * The grid a table was made from by tableFromValues: data row i is values[first + i], on
 * worksheet row rowNumberOfFirst + i.
 */
export interface GridRows {
  values: readonly (readonly unknown[])[];
  first: number;
  count: number;
  rowNumberOfFirst: number;
}

/** The grid of each table whose rows have not been asked for yet (so it has no row objects). */
const unmadeRows = new WeakMap<RawTable, GridRows>();

/**
 * The grid behind a table made by tableFromValues, while its rows have never been read or set:
 * the Holdings reader reads the cells there, and 100,000 row objects are never made (making
 * them, and the collector moving them, was about a fifth of reading the bench's 100,000 rows).
 * Undefined for any other table, a copy of one, or one whose rows were handed out.
 */
export function gridOf(table: RawTable): GridRows | undefined {
  return unmadeRows.get(table);
}

/**
 * Data row i's cells and worksheet row, and the number of data rows, read from the table's grid
 * while it has one (gridOf), so that comparing two reads cell by cell makes no row objects.
 */
export function cellsAt(table: RawTable, i: number): CellValue[] {
  const grid = unmadeRows.get(table);
  return grid
    ? (grid.values[grid.first + i] as CellValue[])
    : table.rows[i].cells;
}

export function rowNumberAt(table: RawTable, i: number): number {
  const grid = unmadeRows.get(table);
  return grid ? grid.rowNumberOfFirst + i : table.rows[i].rowNumber;
}

export function rowCount(table: RawTable): number {
  return unmadeRows.get(table)?.count ?? table.rows.length;
}

/**
 * A range of values with its header row (a table's [#All], a plain range, or what
 * Office.js returns for a table), as a RawTable. The header is the first non-empty row;
 * row numbers count from the range's top row, which is the worksheet row when the
 * range starts on row `topRow`. Its rows are made when first read (a copy by spread
 * makes them too): until then they are only the grid, which the Holdings reader reads as is.
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
  const grid: GridRows = {
    values,
    first: header + 1,
    count: Math.max(0, values.length - header - 1),
    rowNumberOfFirst: topRow + header + 1,
  };
  const table = {
    name,
    source: "table",
    sheet,
    headerRowNumber: topRow + header,
    firstColumn,
    headers: (values[header] ?? []) as CellValue[],
  } as RawTable;
  // Once read or set, rows is a plain property of the table read or set (a copy that took this
  // accessor along makes the same rows), and the grid is no longer read in their place.
  let made: RawRow[] | undefined;
  const settle = (owner: RawTable, rows: RawRow[]): RawRow[] => {
    unmadeRows.delete(table);
    setUnmadeArray(table, "rows", undefined);
    Object.defineProperty(owner, "rows", {
      value: rows,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return rows;
  };
  Object.defineProperty(table, "rows", {
    get(this: RawTable) {
      return settle(this, (made ??= rowsOf(grid)));
    },
    set(this: RawTable, rows: RawRow[]) {
      settle(this, rows);
    },
    enumerable: true,
    configurable: true,
  });
  unmadeRows.set(table, grid);
  // An edit's copy of the table reads its other rows from the grid (patched-array.ts): the first
  // edit of a new read makes no 100,000 row objects.
  setUnmadeArray(table, "rows", {
    length: grid.count,
    at: (i) =>
      made?.[i] ?? {
        rowNumber: grid.rowNumberOfFirst + i,
        cells: grid.values[grid.first + i] as CellValue[],
      },
    whole: () => table.rows,
  });
  return table;
}

function rowsOf(grid: GridRows): RawRow[] {
  // Sized once: pushing 100,000 rows grows the array by copies, which is garbage to collect.
  const rows: RawRow[] = new Array(grid.count);
  for (let i = 0; i < grid.count; i++)
    rows[i] = {
      rowNumber: grid.rowNumberOfFirst + i,
      cells: grid.values[grid.first + i] as CellValue[],
    };
  return rows;
}
