import { describe, expect, it } from "vitest";
import type { RawTable } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

const HEADERS = ["fundId", "lineId", "assetClass", "costValue"];
const sheet = (
  rows: (string | number | null)[][],
  source: "sheet" | "table" = "sheet",
): RawTable => ({
  name: "Holdings",
  source,
  sheet: "Holdings",
  headerRowNumber: 1,
  firstColumn: 0,
  headers: HEADERS,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

describe("totals rows (contract §3)", () => {
  it("in a plain sheet, a row with a blank assetClass whose first text begins with Total, Totaux or Sous-total is not a holding, with a warning naming it", () => {
    const model = readWorkbook({
      Holdings: sheet([
        ["F1", "L1", "EQUITY", 100],
        [null, "Sous-total actions", null, 100],
        ["F1", "L2", "EQUITY", 50],
        ["  TOTAUX", null, "", 150],
        ["Total", null, "EQUITY", 1],
      ]),
    });
    expect(model.holdings.map((h) => h.row)).toEqual([2, 4, 6]);
    const warnings = model.diagnostics.filter((d) =>
      /totals row/.test(d.message),
    );
    expect(warnings.map((d) => [d.row, d.severity, d.value])).toEqual([
      [3, "warning", "Sous-total actions"],
      [5, "warning", "TOTAUX"],
    ]);
  });

  it("an Excel table's rows are all read: its totals row is never handed over (the adapter reads the body only)", () => {
    const model = readWorkbook({
      Holdings: sheet([["Total", "L1", null, 5]], "table"),
    });
    expect(model.holdings).toHaveLength(1);
  });
});

describe("size", () => {
  it("reads a workbook with 150,000 diagnostics without overflowing the call stack", () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [
      "F1",
      `L${i}`,
      "EQUITY",
      "not a number",
    ]);
    const model = readWorkbook({ Holdings: sheet(rows) });
    expect(model.holdings).toHaveLength(150_000);
    expect(
      model.diagnostics.filter((d) => d.column === "costValue").length,
    ).toBe(150_000);
  });
});
