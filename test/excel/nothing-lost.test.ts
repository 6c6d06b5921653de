import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_SHEET } from "../../src/excel/report-sheet";
import { checkWorkbook } from "../../src/engine/check";
import {
  type Sheet,
  SimulatedWorkbook,
} from "../../src/preview/simulated-workbook";
import type { Holding } from "../../src/engine/model";
import { plainHolding } from "../../src/workbook/read-columns";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { sampleSheets } from "../helpers/sample-sheets";

describe("the add-in never touches what the user owns", () => {
  describe("every command of the pane, on the simulated workbook", () => {
    let sheets: Sheet[];
    beforeAll(async () => {
      sheets = Object.entries(await sampleSheets()).map(([name, rows]) => ({
        name,
        rows: rows.map((r) => r.map((c) => c ?? "")),
      }));
    });

    it("check, highlight, report (twice) and template leave the user's sheets exactly as they were", async () => {
      const workbook = new SimulatedWorkbook(structuredClone(sheets));
      const before = structuredClone(workbook.sheets);
      const ops = workbook.operations("en-US");
      const report = checkWorkbook(readWorkbook(await ops.readTables()), {
        asOf: "2025-12-31",
        positions: true,
      });
      await ops.highlightBreaches(report);
      await ops.writeReport(report);
      const first = structuredClone(workbook.sheet(REPORT_SHEET)!.rows);
      await ops.writeReport(report);
      expect(workbook.sheet(REPORT_SHEET)!.rows).toEqual(first); // re-running replaces it in place, identically
      expect(await ops.insertTemplate("fr")).toEqual({
        created: [],
        skipped: [
          "Funds",
          "Holdings",
          "Holders",
          "Orders",
          "Subscribers",
          "Offers",
          "Trades",
        ],
      });
      await ops.clearHighlights();
      expect(workbook.sheets.filter((s) => s.name !== REPORT_SHEET)).toEqual(
        before,
      );
      expect(
        workbook.sheets.filter((s) => s.name === REPORT_SHEET),
      ).toHaveLength(1);
    });

    it("an edit leaves a read made before it as it was (a read keeps the grid's rows and reads texts in place)", async () => {
      const workbook = new SimulatedWorkbook(structuredClone(sheets));
      const ops = workbook.operations("en-US");
      const model = readWorkbook(await ops.readTables());
      const plain = (h: object) => ({ ...plainHolding(h as Holding) });
      const before = model.holdings.map(plain);
      const rows = workbook.sheet("Holdings")!.rows;
      for (let r = 1; r < rows.length; r++)
        for (let c = 0; c < rows[r].length; c++)
          if (typeof rows[r][c] === "string")
            workbook.edit("Holdings", r, c, `edited ${r} ${c}`);
      expect(model.holdings.map(plain)).toEqual(before);
      // The edits are in the next read.
      const after = readWorkbook(await ops.readTables());
      expect(after.holdings.map(plain)).not.toEqual(before);
    });
  });
});
