import ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { addSheet, addTable, save, tempDir } from "../helpers/xlsx";

async function roundTrip(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = await save(wb, path.join(tempDir(), "book.xlsx"));
  return findTables(await loadWorkbook(file));
}

describe("WORKBOOK-FORMAT §1: tables are found as Excel tables, failing that as sheets", () => {
  it("prefers an Excel table named Holdings over a sheet named Holdings, wherever the table sits", async () => {
    const tables = await roundTrip((wb) => {
      addSheet(wb, "Holdings", 1, [["assetClass", "costValue"], ["CASH", 1]]);
      addTable(wb, "Portefeuille", "Holdings", "C5", ["assetClass", "costValue"], [["EQUITY", 10], ["EQUITY", 20]]);
    });
    expect(tables.Holdings).toMatchObject({ source: "table", sheet: "Portefeuille", headerRowNumber: 5, firstColumn: 2 });
    expect(tables.Holdings!.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[6, "EQUITY"], [7, "EQUITY"]]);
  });

  it("matches table and sheet names without regard to case", async () => {
    const tables = await roundTrip((wb) => {
      addTable(wb, "S", "funds", "A1", ["fundId", "fundType"], [["F", "FCPR"]]);
      addSheet(wb, "HOLDINGS", 1, [["assetClass"], ["CASH"]]);
    });
    expect(tables.Funds?.source).toBe("table");
    expect(tables.Holdings?.source).toBe("sheet");
  });

  it("takes a sheet's first non-empty row as its header, after leading blank rows", async () => {
    const tables = await roundTrip((wb) => {
      addSheet(wb, "Holdings", 4, [["assetClass", "costValue"], ["EQUITY", 5], [null, null], ["CASH", 7]]);
    });
    expect(tables.Holdings!.headerRowNumber).toBe(4);
    expect(tables.Holdings!.rows.map((r) => r.rowNumber)).toEqual([5, 6, 7]);
  });

  it("reads a formula's cached result, its cached error, and rich text", async () => {
    const tables = await roundTrip((wb) => {
      const sheet = addSheet(wb, "Holdings", 1, [["assetClass", "costValue"], ["EQUITY", { formula: "2*3", result: 6 }], ["EQUITY", { formula: "1/0", result: { error: "#DIV/0!" } }]]);
      sheet.getCell("A4").value = { richText: [{ text: "EQ" }, { text: "UITY" }] };
    });
    const cells = tables.Holdings!.rows.map((r) => r.cells);
    expect(cells[0][1]).toBe(6);
    expect(cells[1][1]).toEqual({ error: "#DIV/0!" });
    expect(cells[2][0]).toBe("EQUITY");
  });
});
