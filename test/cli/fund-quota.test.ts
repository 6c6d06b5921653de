import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/fund-quota";
import type { Report } from "../../src/engine/result";
import { addSheet, addTable, save, tempDir } from "../helpers/xlsx";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stdout, stderr };
}

const FUND_HEADERS = ["fundId", "fundName", "fundType", "constitutionDate", "firstYearEnd", "paidUpSubscriptions", "warningMargin"];

/** A workbook as an accountant might type it: tables away from A1, French headers, French text numbers. */
async function frenchWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
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
  return save(wb, path.join(dir, "french.xlsx"));
}

describe("fund-quota check", () => {
  it("prints the contract's JSON report for a workbook written in French, exact to the cent, and exits 1 on a breach", async () => {
    const file = await frenchWorkbook(tempDir());
    const { code, stdout } = await run(["check", file, "--json", "--as-of", "2025-12-31"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.asOf).toBe("2025-12-31");
    const pass = report.funds.find((f) => f.fundId === "P1")!;
    expect(pass.basis).toBe("COST");
    expect(pass.rules[0]).toMatchObject({ id: "FCPR-Q50", article: "L. 214-28 I", direction: "min", threshold: 0.5, numerator: "1400000.10", denominator: "2000000.00", status: "pass" });
    expect(pass.rules[0].value).toBeCloseTo(0.70000005, 9);
    const breach = report.funds.find((f) => f.fundId === "B1")!;
    expect(breach.rules.find((r) => r.id === "FCPR-CCA15")!.status).toBe("breach");
    const q50 = breach.rules.find((r) => r.id === "FCPR-Q50")!;
    expect(q50).toMatchObject({ status: "incomplete", partial: true, numerator: "400000.50" });
    expect(breach.diagnostics).toContainEqual(expect.objectContaining({ table: "Holdings", row: 6, column: "costValue", value: "abc", severity: "error" }));
  });

  it("lists every position's outcome with --positions", async () => {
    const file = await frenchWorkbook(tempDir());
    const { stdout } = await run(["check", file, "--json", "--positions", "--as-of", "2025-12-31"]);
    const report = JSON.parse(stdout) as Report;
    const positions = report.funds.find((f) => f.fundId === "B1")!.positions!;
    expect(positions.map((p) => p.row)).toEqual([5, 6, 7]);
    expect(positions[2].excluded[0].reason).toMatch(/holds 4 % of Delta SAS/);
  });

  it("exits 0 when no rule is in breach, and prints a table per fund", async () => {
    const wb = new ExcelJS.Workbook();
    // Sheets without Excel tables: the header is the first non-empty row.
    addSheet(wb, "Funds", 3, [FUND_HEADERS, ["F", "Fund", "FCPR", "2022-01-01", "2022-12-31", 100, 0]]);
    addSheet(wb, "Holdings", 2, [["fundId", "assetClass", "costValue"], ["F", "EQUITY", 60], [], ["F", "CASH", 40]]);
    const file = await save(wb, path.join(tempDir(), "sheets.xlsx"));
    const { code, stdout } = await run(["check", file, "--as-of", "2025-12-31"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/FCPR-Q50 +L\. 214-28 I +60\.00 % +≥ 50 % +pass +10\.00/);
    expect(stdout).toMatch(/1 fund\(s\), 4 rule\(s\): 0 breach\(es\)/);
  });

  it("checks the bundled sample workbook when no file is given", async () => {
    const { code, stdout } = await run(["check", "--json", "--as-of", "2025-12-31"]);
    const report = JSON.parse(stdout) as Report;
    expect(report.funds.map((f) => [f.fundId, f.status])).toEqual([
      ["FCPR-CC1", "pass"],
      ["FCPR-IS2", "breach"],
      ["FCPR-RA3", "warning"],
      ["FCPR-NV4", "pass"],
      ["FCPR-IM5", "pass"],
      ["FCPI-DT6", "breach"],
      ["FIP-GO7", "breach"],
      ["FPCI-PE8", "breach"],
      ["OPCI-PA9", "breach"],
      ["OPCI-LG10", "pass"],
      ["FEED-AE11", "breach"],
      ["FIA-MF12", "info"],
      // The other Livre II funds: one breach each (WORKBOOK-FORMAT-LIVRE2).
      ["SEF-FO13", "breach"],
      ["SCPI-RE14", "breach"],
      ["SICAF-CI15", "breach"],
      ["FCPE-ES16", "breach"],
      ["OPCVM-PM17", "breach"],
      ["FIVG-RI18", "breach"],
      ["OFS-DP19", "breach"],
      ["FPS-PP20", "breach"],
      ["SLP-CI21", "breach"],
      ["SCR-IN22", "breach"],
    ]);
    expect(report.funds[3].rules[0].status).toBe("not-binding");
    expect(report.funds[4].basis).toBe("FAIR");
    expect(code).toBe(1);
  });

  it("exits 2 with one line and no stack trace on a file that is not a workbook", () => {
    const dir = tempDir();
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, "this is not a zip file");
    const bin = path.resolve(__dirname, "../../bin/fund-quota.js");
    const result = spawnSync(process.execPath, [bin, "check", file], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot be read as an \.xlsx workbook/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a bad --as-of or a missing file", async () => {
    expect((await run(["check", "--as-of", "31/12/2025"])).code).toBe(2);
    expect((await run(["check", "/nonexistent/file.xlsx"])).stderr).toMatch(/no such file/);
  });
});
