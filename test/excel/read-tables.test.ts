import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { readTables } from "../../src/excel/read-tables";
import { holdingsGrid, fundsGrid } from "../../bench/data";
import { readWorkbook } from "../../src/workbook/read-workbook";

type Values = unknown[][];

/** A workbook with Funds and Holdings as Excel tables (Holdings starting at B3) and no Holders. */
function mockWorkbook(funds: Values, holdings: Values) {
  const table = (values: Values, rowIndex: number, columnIndex: number, sheet: string) => ({
    isNullObject: false,
    name: "t",
    worksheet: { name: sheet },
    range: { values, rowIndex, columnIndex, rowCount: values.length, columnCount: values[0].length },
    getRange() {
      return this.range;
    },
  });
  const missing = { isNullObject: true, name: "" };
  const data = {
    context: {
      workbook: {
        tables: {
          Funds: table(funds, 0, 0, "Funds"),
          Holdings: table(holdings, 2, 1, "Positions"),
          Holders: missing,
          getItemOrNullObject(name: string) {
            return (this as unknown as Record<string, unknown>)[name];
          },
        },
        worksheets: {
          Funds: { isNullObject: false, name: "Funds" },
          Holdings: { isNullObject: true, name: "" },
          Holders: { isNullObject: true, name: "" },
          getItemOrNullObject(name: string) {
            return (this as unknown as Record<string, unknown>)[name];
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: Excel.RequestContext & { sync(): Promise<void> } };
  return countingSyncs(mock.context, [mock.context.workbook.tables, mock.context.workbook.worksheets] as unknown as Record<string, { load(p: string): void }>[]);
}

/**
 * In Office.js isNullObject is readable after any sync; the mock wants it loaded, so it is loaded
 * once here, before the counting starts.
 */
async function preload(collections: Record<string, { load(p: string): void }>[]) {
  for (const c of collections) for (const name of ["Funds", "Holdings", "Holders"]) c[name].load("isNullObject");
}

function countingSyncs(context: Excel.RequestContext & { sync(): Promise<void> }, collections: Record<string, { load(p: string): void }>[]) {
  void preload(collections);
  let syncs = 0;
  const sync = context.sync.bind(context);
  (context as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await sync();
  };
  return { context: context as Excel.RequestContext, syncs: () => syncs };
}

describe("reading the tables through Office.js", () => {
  it("reads Funds and Holdings with worksheet row numbers, wherever the table sits", async () => {
    const { context } = mockWorkbook(fundsGrid(2), holdingsGrid(10, 2));
    const read = await readTables(context);
    expect(read.locations.Holdings).toMatchObject({ sheet: "Positions", source: "table", rowIndex: 2, columnIndex: 1, rowCount: 11 });
    expect(read.tables.Holdings!.headerRowNumber).toBe(3);
    expect(read.tables.Holdings!.rows[0].rowNumber).toBe(4);
    const model = readWorkbook(read.tables);
    expect(model.holdings).toHaveLength(10);
    expect(model.funds.map((f) => f.fundId)).toEqual(["F1", "F2"]);
    expect(read.tables.Holders).toBeUndefined();
  });

  it("costs the same number of context.sync calls for 10 rows as for 10,000 and 100,000", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000, 100_000]) {
      const { context, syncs } = mockWorkbook(fundsGrid(1), holdingsGrid(rows, 1));
      const read = await readTables(context);
      expect(read.tables.Holdings!.rows).toHaveLength(rows);
      counts.push(syncs());
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});
