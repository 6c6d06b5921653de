import ExcelJS from "exceljs";
import path from "node:path";
import { SAMPLE } from "./sample-sheets";
import { addSheet, addTable, save, tempDir } from "./xlsx";

// The workbooks the command-line tests check (test/cli), written again here so that the
// worksheet functions are compared with `fund-quota check` on each of them, plus the sample.
const FUNDS = ["fundId", "fundType", "firstYearEnd", "paidUpSubscriptions", "warningMargin"];
const F1 = ["F1", "FCPR", "2022-12-31", 1000000, 0];
const FUND_HEADERS = ["fundId", "fundName", "fundType", "constitutionDate", "firstYearEnd", "paidUpSubscriptions", "warningMargin"];

const BUILDERS: Record<string, (wb: ExcelJS.Workbook) => void> = {
  "french.xlsx": (wb) => {
    addTable(wb, "Fonds", "Funds", "B3", FUND_HEADERS, [
      ["P1", "Pass Fund", "FCPR", new Date(Date.UTC(2022, 0, 10)), "31/12/2022", "2 000 000,00", "2 %"],
      ["B1", "Breach Fund", "FCPR", "2022-02-01", "2022-12-31", 1000000, 0],
    ]);
    addTable(wb, "Lignes", "Holdings", "A1", ["Code fonds", "Ligne", "Code émetteur", "Émetteur", "Type d'actif", "Coût d'acquisition", "Cotation", "Pourcentage de détention"], [
      ["P1", "P1-1", "I1", "Alpha SAS", "Actions", "1 200 000,10", "Non coté", "12 %"],
      ["P1", "P1-2", "I1", "Alpha SAS", "Avance en compte courant", { formula: "100000*2", result: 200000 }, null, null],
      ["P1", "P1-3", null, "Trésorerie", "Liquidités", "599 999,90", null, null],
      ["B1", "B1-1", "I2", "Beta SAS", "EQUITY", 400000.5, "UNLISTED", 0.3],
      ["B1", "B1-2", "I3", "Gamma SAS", "EQUITY", "abc", "UNLISTED", 0.3],
      ["B1", "B1-3", "I4", "Delta SAS", "CURRENT_ACCOUNT_ADVANCE", 10000, "UNLISTED", "4 %"],
    ]);
  },
  "sheets.xlsx": (wb) => {
    addSheet(wb, "Funds", 3, [FUND_HEADERS, ["F", "Fund", "FCPR", "2022-01-01", "2022-12-31", 100, 0]]);
    addSheet(wb, "Holdings", 2, [["fundId", "assetClass", "costValue"], ["F", "EQUITY", 60], [], ["F", "CASH", 40]]);
  },
  "merged.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, F1]);
    const ws = addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue", ""], ["F1", "EQUITY", 600000, 5]]);
    ws.mergeCells("C1:D1");
  },
  "title.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, F1]);
    addSheet(wb, "Holdings", 1, [["Portefeuille au 31/12/2025"], ["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 600000]]);
  },
  "two-tables.xlsx": (wb) => {
    addTable(wb, "Data", "Funds", "A1", FUNDS, [F1]);
    addTable(wb, "Data", "Holdings", "H1", ["fundId", "assetClass", "costValue"], [["F1", "EQUITY", 500000]]);
  },
  "formulas.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, F1]);
    addSheet(wb, "Holdings", 1, [
      ["fundId", "assetClass", "costValue"],
      ["F1", "EQUITY", "300 000,50"],
      ["F1", "EQUITY", "199,999.50"],
      ["F1", "EQUITY", { formula: "1/0", result: { error: "#DIV/0!" } }],
    ]);
  },
  "funds.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, F1, F1]);
    addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 600000], ["F9", "EQUITY", 1]]);
  },
  "amounts.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, ["F1", "FCPR", "2022-12-31", 5e15, 0]]);
    addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 3e15], ["F1", "EQUITY", -1000]]);
  },
  // The workbook on which the faces once disagreed (issue of one preparation): a fund id given
  // twice, a holding whose fundId is blank, and one whose fundId differs only by case.
  "divergent.xlsx": (wb) => {
    addSheet(wb, "Funds", 1, [FUNDS, F1, F1, ["F2", "FCPR", "2022-12-31", 1000000, 0]]);
    addSheet(wb, "Holdings", 1, [
      ["fundId", "assetClass", "costValue"],
      ["F1", "EQUITY", 600000],
      [null, "EQUITY", 300000],
      ["f2", "EQUITY", 400000],
      ["F2", "CASH", 600000],
    ]);
  },
  "empty.xlsx": (wb) => {
    addTable(wb, "Funds", "Funds", "A1", FUNDS, [F1]);
    addTable(wb, "Holdings", "Holdings", "A1", ["fundId", "assetClass", "costValue"], [[null, null, null]]);
  },
};

/** Every workbook the command line is tested on, as files: the sample first. */
export async function cliWorkbooks(): Promise<{ name: string; file: string }[]> {
  const dir = tempDir();
  const files = [{ name: "sample-funds.xlsx", file: SAMPLE }];
  for (const [name, build] of Object.entries(BUILDERS)) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    files.push({ name, file: await save(wb, path.join(dir, name)) });
  }
  return files;
}
