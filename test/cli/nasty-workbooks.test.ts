import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/fund-quota";
import type { Report } from "../../src/engine/result";
import { addSheet, addTable, save, tempDir } from "../helpers/xlsx";

// Month-end workbooks are messy: each of these gives a clear message naming table, row and column
// (or, for a file that cannot be read, one line and exit code 2), and never a stack trace.
const FUNDS = ["fundId", "fundType", "firstYearEnd", "paidUpSubscriptions", "warningMargin"];
const F1 = ["F1", "FCPR", "2022-12-31", 1000000, 0];
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

async function run(file: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--json", "--as-of", "2025-12-31"], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stderr, report: stdout ? (JSON.parse(stdout) as Report) : undefined };
}

async function book(name: string, build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return save(wb, path.join(dir, name));
}

const allDiagnostics = (r: Report) => [...r.diagnostics, ...r.funds.flatMap((f) => f.diagnostics)];

describe("nasty workbooks", () => {
  it("merged header cells: the repeated header is reported and the first column read", async () => {
    const file = await book("merged.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, F1]);
      const ws = addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue", ""], ["F1", "EQUITY", 600000, 5]]);
      ws.mergeCells("C1:D1");
    });
    const { code, report } = await run(file);
    expect(code).toBe(0);
    expect(report!.funds[0].rules[0]).toMatchObject({ id: "FCPR-Q50", numerator: "600000.00" });
    expect(allDiagnostics(report!)).toContainEqual(expect.objectContaining({ table: "Holdings", column: "costValue", message: expect.stringMatching(/appears twice/) }));
  });

  it("a title above the headers: the message says on which row the headers are", async () => {
    const file = await book("title.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, F1]);
      addSheet(wb, "Holdings", 1, [["Portefeuille au 31/12/2025"], ["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 600000]]);
    });
    const { report } = await run(file);
    expect(allDiagnostics(report!)).toContainEqual(expect.objectContaining({ table: "Holdings", row: 1, column: "assetClass", message: expect.stringMatching(/headers seem to be on row 2/) }));
  });

  it("two tables on one sheet are both found", async () => {
    const file = await book("two-tables.xlsx", (wb) => {
      addTable(wb, "Data", "Funds", "A1", FUNDS, [F1]);
      addTable(wb, "Data", "Holdings", "H1", ["fundId", "assetClass", "costValue"], [["F1", "EQUITY", 500000]]);
    });
    const { code, report } = await run(file);
    expect(code).toBe(0);
    expect(report!.funds[0].rules[0]).toMatchObject({ numerator: "500000.00", status: "pass" });
  });

  it("a formula whose cached value is an error, and numbers stored as French and English text", async () => {
    const file = await book("formulas.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, F1]);
      addSheet(wb, "Holdings", 1, [
        ["fundId", "assetClass", "costValue"],
        ["F1", "EQUITY", "300 000,50"],
        ["F1", "EQUITY", "199,999.50"],
        ["F1", "EQUITY", { formula: "1/0", result: { error: "#DIV/0!" } }],
      ]);
    });
    const { report } = await run(file);
    const q50 = report!.funds[0].rules[0];
    expect(q50).toMatchObject({ numerator: "500000.00", status: "incomplete", partial: true });
    expect(allDiagnostics(report!)).toContainEqual(expect.objectContaining({ table: "Holdings", row: 4, column: "costValue", value: "#DIV/0!" }));
  });

  it("a fund missing from Funds and a duplicated fundId", async () => {
    const file = await book("funds.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, F1, F1]);
      addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 600000], ["F9", "EQUITY", 1]]);
    });
    const { report } = await run(file);
    expect(report!.diagnostics).toContainEqual(expect.objectContaining({ table: "Holdings", row: 3, column: "fundId", message: "Fund F9 is not in the Funds table; this position was not checked." }));
    expect(report!.funds[0].diagnostics).toContainEqual(expect.objectContaining({ table: "Funds", row: 3, column: "fundId", message: expect.stringMatching(/appears on rows 2, 3/) }));
    expect(report!.funds[0].rules.every((r) => r.status === "incomplete")).toBe(true);
  });

  it("negative amounts and amounts above 10^15 are read exactly, with a warning", async () => {
    const file = await book("amounts.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, ["F1", "FCPR", "2022-12-31", 5e15, 0]]);
      addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 3e15], ["F1", "EQUITY", -1000]]);
    });
    const { report } = await run(file);
    expect(report!.funds[0].rules[0]).toMatchObject({ numerator: "2999999999999000.00", denominator: "5000000000000000.00" });
    expect(allDiagnostics(report!)).toContainEqual(expect.objectContaining({ severity: "warning", row: 2, message: expect.stringMatching(/above 10\^15/) }));
    expect(allDiagnostics(report!)).toContainEqual(expect.objectContaining({ severity: "warning", row: 3, message: expect.stringMatching(/negative/) }));
  });

  it("an empty Holdings table checks every fund with no position, and says so", async () => {
    const file = await book("empty.xlsx", (wb) => {
      addTable(wb, "Funds", "Funds", "A1", FUNDS, [F1]);
      addTable(wb, "Holdings", "Holdings", "A1", ["fundId", "assetClass", "costValue"], [[null, null, null]]);
    });
    const { code, report } = await run(file);
    expect(code).toBe(1);
    expect(report!.diagnostics).toContainEqual(expect.objectContaining({ table: "Holdings", severity: "warning", message: expect.stringMatching(/no rows/) }));
  });

  it("100,000 positions are read and checked", async () => {
    const rows: (string | number)[][] = [["fundId", "lineId", "assetClass", "costValue"]];
    for (let i = 0; i < 100_000; i++) rows.push(["F1", `L${i}`, i % 3 ? "EQUITY" : "CASH", 10 + (i % 7)]);
    const file = await book("large.xlsx", (wb) => {
      addSheet(wb, "Funds", 1, [FUNDS, ["F1", "FCPR", "2022-12-31", 2000000, 0]]);
      addSheet(wb, "Holdings", 1, rows);
    });
    const { report } = await run(file);
    const expected = rows.slice(1).filter((r) => r[2] === "EQUITY").reduce((s, r) => s + (r[3] as number), 0);
    expect(report!.funds[0].rules[0].numerator).toBe(`${expected}.00`);
  }, 120_000);

  describe("files that cannot be read: one line, exit code 2, no stack trace", () => {
    const bin = path.resolve(__dirname, "../../bin/fund-quota.js");
    const cli = (file: string) => spawnSync(process.execPath, [bin, "check", file], { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
    const expectOneLine = (r: ReturnType<typeof cli>, pattern: RegExp) => {
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      // stdout holds only the summary line, which says what exit code 2 means.
      expect(r.stdout).toMatch(/^Unreadable: 1 of 1 workbook could not be read \(as of \d{4}-\d\d-\d\d\) \(exit code 2\)\.\n$/);
    };
    it("a file that is not an xlsx", () => {
      const file = path.join(dir, "notes.xlsx");
      writeFileSync(file, "plain text, not a workbook");
      expectOneLine(cli(file), /cannot be read as an \.xlsx workbook/);
    });
    it("a password-protected xlsx (an encrypted OLE container)", () => {
      const file = path.join(dir, "protected.xlsx");
      writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
      expectOneLine(cli(file), /password-protected or in the old \.xls format/);
    });
    it("a truncated xlsx", async () => {
      const whole = await book("whole.xlsx", (wb) => {
        addSheet(wb, "Funds", 1, [FUNDS, F1]);
        addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "costValue"], ["F1", "EQUITY", 1]]);
      });
      const bytes = readFileSync(whole);
      const file = path.join(dir, "truncated.xlsx");
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      expectOneLine(cli(file), /cannot be read as an \.xlsx workbook/);
    });
  });
});
