// context.sync calls to read the tables and to highlight breaches, counted on a stand-in
// context at 10, 10,000 and 100,000 rows: the count must not grow with the rows.
import { highlightBreaches } from "../src/excel/highlight";
import { readTables, type TableLocation } from "../src/excel/read-tables";
import { checkWorkbook } from "../src/engine/check";
import { readWorkbook } from "../src/workbook/read-workbook";
import { fundsGrid, holdingsGrid } from "./data";

type Values = unknown[][];

function counter() {
  const state = { syncs: 0 };
  return { state, sync: async () => void state.syncs++ };
}

function readContext(funds: Values, holdings: Values) {
  const c = counter();
  const range = (values: Values) => ({ values, rowIndex: 0, columnIndex: 0, rowCount: values.length, columnCount: values[0].length, isNullObject: false, load() {} });
  const table = (values: Values | undefined, sheet: string) => ({ isNullObject: values === undefined, load() {}, worksheet: { name: sheet, load() {} }, getRange: () => range(values ?? [[]]) });
  const tables: Record<string, unknown> = { Funds: table(funds, "Funds"), Holdings: table(holdings, "Holdings"), Holders: table(undefined, "") };
  const context = {
    workbook: {
      tables: { getItemOrNullObject: (n: string) => tables[n] },
      worksheets: { getItemOrNullObject: () => ({ isNullObject: true, load() {} }) },
    },
    sync: c.sync,
  };
  return { context: context as unknown as Excel.RequestContext, state: c.state };
}

function highlightContext() {
  const c = counter();
  const formats = { items: [] as unknown[], load() {}, add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) };
  const context = { workbook: { worksheets: { getItem: () => ({ getRange: () => ({ conditionalFormats: formats }) }) } }, sync: c.sync };
  return { context: context as unknown as Excel.RequestContext, state: c.state };
}

export async function benchSyncs(sizes = [10, 10_000, 100_000]): Promise<{ rows: number; readSyncs: number; highlightSyncs: number; highlightedRanges: number }[]> {
  (globalThis as unknown as { Excel: unknown }).Excel = { ConditionalFormatType: { custom: "Custom" } };
  const results = [];
  for (const rows of sizes) {
    const funds = fundsGrid(1);
    const holdings = holdingsGrid(rows, 1);
    const read = readContext(funds, holdings);
    const tables = await readTables(read.context);
    // A fund in breach of its advances limit, so many rows are highlighted.
    const report = checkWorkbook(readWorkbook(tables.tables), { asOf: "2025-12-31", positions: true });
    const at: TableLocation = tables.locations.Holdings!;
    const hl = highlightContext();
    const ranges = await highlightBreaches(hl.context, report, at);
    results.push({ rows, readSyncs: read.state.syncs, highlightSyncs: hl.state.syncs, highlightedRanges: ranges });
  }
  return results;
}
