import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { checkWorkbook } from "../../src/engine/check";
import type { TableName } from "../../src/engine/model";
import { enumLabel, LISTS_SHEET, TEMPLATE_FORMATS, templateHeaders, templateLists, type Language } from "../../src/excel/template";
import { parseBoolean } from "../../src/workbook/cells";
import { type ColumnSpec, enumIndex, TABLE_SPECS } from "../../src/workbook/columns";
import { normalizeLabel } from "../../src/workbook/cells";
import { columnLetter } from "../../src/workbook/read-table";
import { readWorkbook } from "../../src/workbook/read-workbook";

// The empty template the pane inserts (src/excel/template.ts: its headers, dropdown lists and
// number formats), rebuilt as an .xlsx with exceljs and read back by the command line's reader.
const dir = mkdtempSync(path.join(tmpdir(), "template-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES: TableName[] = ["Funds", "Holdings", "Holders"];

/** A value a user would type or pick in a column of the template. */
function sampleValue(table: TableName, c: ColumnSpec, language: Language): ExcelJS.CellValue {
  const list = (key: string) => templateLists(language).find((l) => l.key === key)!.values;
  switch (c.type) {
    case "enum":
      // The first value of the dropdown, except the fund type: an FCPR, which the holdings suit.
      return c.name === "fundType" ? enumLabel(c, "FCPR", language) : c.name === "assetClass" ? enumLabel(c, "EQUITY", language) : list(c.name)[0];
    case "boolean":
      return list("boolean")[1];
    case "money":
      return c.name === "paidUpSubscriptions" || c.name === "totalAssets" ? 10_000_000 : 600_000;
    case "percent":
      return c.name === "warningMargin" ? 0.02 : 0.1;
    case "date":
      return c.name === "firstYearEnd" ? new Date(Date.UTC(2023, 11, 31)) : c.name === "disposalDate" || c.name === "listingDate" ? null : new Date(Date.UTC(2023, 0, 16));
    case "country":
      return "FR";
    case "text":
      return c.name === "fundId" ? "F1" : c.name === "masterId" || c.name === "region" ? null : `${c.name} 1`;
    default:
      return null;
  }
}

async function buildTemplate(language: Language, filled: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const lists = templateLists(language);
  const listsSheet = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
  lists.forEach((l, i) => [l.key, ...l.values].forEach((v, r) => (listsSheet.getCell(r + 1, i + 1).value = v)));
  for (const name of TABLES) {
    const ws = wb.addWorksheet(name);
    const columns = TABLE_SPECS[name].columns;
    const headers = templateHeaders(name, language);
    const row = columns.map((c) => (filled && name !== "Holders" ? sampleValue(name, c, language) : null));
    ws.addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows: [row] });
    columns.forEach((c, i) => {
      const cell = ws.getCell(2, i + 1);
      const format = TEMPLATE_FORMATS[language][c.type];
      if (format) cell.numFmt = format;
      const key = c.type === "boolean" ? "boolean" : c.type === "enum" ? c.name : undefined;
      if (key) {
        const at = lists.findIndex((l) => l.key === key);
        const col = columnLetter(at);
        cell.dataValidation = { type: "list", allowBlank: true, formulae: [`'${LISTS_SHEET}'!$${col}$2:$${col}$${lists[at].values.length + 1}`] };
      }
    });
  }
  const file = path.join(dir, `template-${language}-${filled ? "filled" : "empty"}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function readBack(file: string) {
  const tables = findTables(await loadWorkbook(file));
  const model = readWorkbook(tables);
  const report = checkWorkbook(model, { asOf: "2025-12-31", positions: true });
  // The report carries the reader's diagnostics and the engine's.
  return { tables, model, diagnostics: [...report.diagnostics, ...report.funds.flatMap((f) => f.diagnostics)], report };
}

describe("the empty template round-trips through the command line's reader", () => {
  for (const language of ["fr", "en"] as const) {
    it(`finds the three tables of the ${language} template, with no diagnostic on its headers, formats or lists`, async () => {
      const { tables, diagnostics, report } = await readBack(await buildTemplate(language, false));
      expect(Object.keys(tables).sort()).toEqual(["Funds", "Holders", "Holdings"]);
      // The one thing the reader says of an empty template is that it is empty.
      expect(diagnostics.map((d) => `${d.severity} ${d.table}: ${d.message}`)).toEqual(["warning Holdings: The Holdings table has no rows: every fund is checked with no position."]);
      expect(report.funds).toEqual([]);
    });

    it(`reads a fund and a position typed into the ${language} template, dropdown values and formats included, with no diagnostic`, async () => {
      const { model, diagnostics, report } = await readBack(await buildTemplate(language, true));
      expect(diagnostics).toEqual([]);
      expect(model.funds).toHaveLength(1);
      expect(model.funds[0]).toMatchObject({ fundId: "F1", fundType: "FCPR", basis: "COST", firstYearEnd: "2023-12-31", overseasZone: false });
      expect(model.holdings[0]).toMatchObject({ assetClass: "EQUITY", listingStatus: "UNLISTED", acquisitionMode: "SUBSCRIPTION" });
      expect(report.funds[0].rules.length).toBeGreaterThan(0);
    });

    it(`offers in every ${language} dropdown only values the reader accepts, one for each value of the contract`, () => {
      for (const spec of Object.values(TABLE_SPECS))
        for (const c of spec.columns.filter((x) => x.type === "enum")) {
          const values = templateLists(language).find((l) => l.key === c.name)!.values;
          expect(values.map((v) => enumIndex(c).get(normalizeLabel(v)))).toEqual([...(c.enumValues ?? [])]);
        }
      expect(templateLists(language)[0].values.map((v) => parseBoolean(v))).toEqual([
        { ok: true, value: true },
        { ok: true, value: false },
      ]);
    });
  }

  it("speaks the accountant's French in the dropdowns: no code where a French word exists", () => {
    const values = templateLists("fr").flatMap((l) => l.values);
    expect(values).toContain("Coût historique");
    expect(values).toContain("Valeur de marché");
    expect(values).toContain("Marché réglementé");
    expect(values).toContain("Avance en compte courant");
    expect(values).not.toContain("COST");
    expect(values).not.toContain("REGULATED_MARKET");
    expect(TEMPLATE_FORMATS.fr.date).toBe("dd/mm/yyyy");
  });
});
