import { beforeAll, describe, expect, it } from "vitest";
import { checkFile } from "../../src/cli/fund-quota";
import type { Report } from "../../src/engine/result";
import { clearModelCache } from "../../src/functions/model-cache";
import { quotaWorkbook } from "../helpers/hyperformula-quota";
import { rangeRef, SAMPLE, sampleSheets } from "../helpers/sample-sheets";

// Real formulas in a real spreadsheet engine, over sheets built from the sample workbook.
let sheets: Record<string, (string | number | boolean | null)[][]>;
let cli: Report;
let FUNDS: string;
let HOLDINGS: string;
let HOLDERS: string;

beforeAll(async () => {
  sheets = await sampleSheets();
  cli = await checkFile(SAMPLE, "2025-12-31", false);
  FUNDS = rangeRef("Funds", sheets.Funds);
  HOLDINGS = rangeRef("Holdings", sheets.Holdings);
  HOLDERS = rangeRef("Holders", sheets.Holders);
});

describe("=QUOTA.* formulas evaluated by a spreadsheet engine", () => {
  it("compute the same values as fund-quota check on the same workbook", () => {
    clearModelCache();
    const formulas: string[][] = [];
    const expected: unknown[][] = [];
    for (const fund of cli.funds) {
      for (const rule of fund.rules) {
        const args = `"${rule.id}","${fund.fundId}",${FUNDS},${HOLDINGS},"2025-12-31",${HOLDERS}`;
        formulas.push([`=QUOTA.STATUS(${args})`, `=QUOTA.RATIO(${args})`, `=QUOTA.HEADROOM(${args})`]);
        expected.push([rule.status, rule.value, rule.headroom === null ? null : Number(rule.headroom)]);
      }
    }
    const hf = quotaWorkbook({ ...sheets, Sheet1: formulas });
    const sheet = hf.getSheetId("Sheet1")!;
    expected.forEach((row, r) => {
      expect(hf.getCellValue({ sheet, row: r, col: 0 })).toBe(row[0]);
      if (row[1] !== null) expect(hf.getCellValue({ sheet, row: r, col: 1 })).toBeCloseTo(row[1] as number, 12);
      if (row[2] !== null) expect(hf.getCellValue({ sheet, row: r, col: 2 })).toBe(row[2]);
    });
    hf.destroy();
  });

  it("recalculate to the new exact value when a holding is edited", () => {
    const q50 = `=QUOTA.RATIO("FCPR-Q50","FCPR-RA3",${FUNDS},${HOLDINGS},"2025-12-31")`;
    const status = `=QUOTA.STATUS("FCPR-Q50","FCPR-RA3",${FUNDS},${HOLDINGS},"2025-12-31")`;
    const hf = quotaWorkbook({ ...sheets, Sheet1: [[q50, status]] });
    const sheet = hf.getSheetId("Sheet1")!;
    const before = hf.getCellValue({ sheet, row: 0, col: 0 }) as number;
    const fund = cli.funds.find((f) => f.fundId === "FCPR-RA3")!;
    expect(before).toBeCloseTo(fund.rules[0].value!, 12);
    expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe("warning");

    // Write down the first unlisted equity line of the fund by 1,000,000.00 EUR at cost.
    const holdings = hf.getSheetId("Holdings")!;
    const header = sheets.Holdings[0];
    const row = sheets.Holdings.findIndex((r) => r[header.indexOf("fundId")] === "FCPR-RA3" && r[header.indexOf("assetClass")] === "EQUITY");
    const col = header.indexOf("costValue");
    const cost = sheets.Holdings[row][col] as number;
    hf.setCellContents({ sheet: holdings, row, col }, [[cost - 1000000]]);

    // Paid-up subscriptions are 18,000,000.00: the ratio falls by exactly 1/18.
    expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toBeCloseTo(before - 1 / 18, 12);
    expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe("breach");
    hf.destroy();
  });

  it("show #VALUE! and #N/A with their messages", () => {
    const hf = quotaWorkbook({ ...sheets, Sheet1: [[`=QUOTA.RATIO("FCPR-Q55","FCPR-CC1",${FUNDS},${HOLDINGS})`, `=QUOTA.RATIO("FCPR-Q50","F9",${FUNDS},${HOLDINGS})`]] });
    const sheet = hf.getSheetId("Sheet1")!;
    expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toMatchObject({ value: "#VALUE!", message: "unknown rule FCPR-Q55" });
    expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toMatchObject({ value: "#N/A", message: "no fund F9" });
    hf.destroy();
  });

  it("explain a position by its lineId", () => {
    const hf = quotaWorkbook({ ...sheets, Sheet1: [[`=QUOTA.POSITION("FCPR-Q50","FCPR-IS2",${FUNDS},${HOLDINGS},"FCPR-IS2-017","2025-12-31")`]] });
    const sheet = hf.getSheetId("Sheet1")!;
    expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toMatch(/^excluded \(L\. 214-28 II 1°\): advance excluded: the fund holds 4 %/);
    hf.destroy();
  });
});
