import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/fund-quota";
import type { BatchReport } from "../../src/cli/batch";
import { SAMPLE } from "../helpers/sample-sheets";
import { tempDir } from "../helpers/xlsx";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stdout, stderr };
}

function folder(copies: number, withBroken = false): string {
  const dir = tempDir();
  for (let i = 0; i < copies; i++) copyFileSync(SAMPLE, path.join(dir, `fund-admin-${i + 1}.xlsx`));
  if (withBroken) writeFileSync(path.join(dir, "broken.xlsx"), "not a workbook");
  writeFileSync(path.join(dir, "notes.txt"), "ignored");
  return dir;
}

describe("fund-quota check over several workbooks", () => {
  it("checks every .xlsx of a folder and prints one combined JSON report", async () => {
    const { code, stdout } = await run(["check", folder(3), "--json", "--as-of", "2025-12-31"]);
    const batch = JSON.parse(stdout) as BatchReport;
    expect(batch.workbooks.map((w) => path.basename(w.file))).toEqual(["fund-admin-1.xlsx", "fund-admin-2.xlsx", "fund-admin-3.xlsx"]);
    expect(batch.summary).toMatchObject({ workbooks: 3, unreadable: 0, funds: 66, breaches: 66 });
    expect(code).toBe(1);
  });

  it("reports an unreadable workbook in one line, checks the others, and exits 2", async () => {
    const { code, stdout, stderr } = await run(["check", folder(2, true), "--json", "--as-of", "2025-12-31"]);
    const batch = JSON.parse(stdout) as BatchReport;
    expect(batch.summary).toMatchObject({ workbooks: 3, unreadable: 1 });
    expect(batch.workbooks.find((w) => w.file.endsWith("broken.xlsx"))!.error).toMatch(/cannot be read as an \.xlsx workbook/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(code).toBe(2);
  });

  it("writes one row per workbook, fund and rule with --out", async () => {
    const out = path.join(tempDir(), "combined.xlsx");
    await run(["check", folder(2), "--out", out, "--as-of", "2025-12-31"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Quota report")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Workbook", "Fund", "Fund name", "Type", "Rule", "Article", "Value", "Threshold", "Status", "Headroom", "Unit", "Message", "As of"]);
    // 82 portfolio rules, 8 register rules of FCPR-IS2 and 2 rules of the sample's issuer.
    expect(ws.rowCount).toBe(1 + 2 * 92);
    expect(ws.getRow(2).getCell(5).value).toBe("FCPR-Q50");
    expect(ws.getRow(2).getCell(13).value).toEqual(new Date("2025-12-31T00:00:00Z"));
  });

  it("uses worker threads when compiled, with the same results in the same order", () => {
    const dir = folder(5);
    const bin = path.resolve(__dirname, "../../bin/fund-quota.js");
    const result = spawnSync(process.execPath, [bin, "check", dir, "--json", "--as-of", "2025-12-31"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    const batch = JSON.parse(result.stdout) as BatchReport;
    expect(batch.workbooks.map((w) => path.basename(w.file))).toEqual([1, 2, 3, 4, 5].map((i) => `fund-admin-${i}.xlsx`));
    expect(new Set(batch.workbooks.map((w) => JSON.stringify(w.report)))).toHaveProperty("size", 1);
  }, 60_000);

  it("in worker threads too, skips a report the command wrote into the folder, and ends with the verdict", () => {
    const dir = folder(4);
    const bin = path.resolve(__dirname, "../../bin/fund-quota.js");
    const env = { ...process.env, LC_ALL: "C" };
    const first = spawnSync(process.execPath, [bin, "check", dir, "--out", path.join(dir, "quota-report.xlsx"), "--as-of", "2025-12-31"], { encoding: "utf8", env });
    expect(first.status).toBe(1);
    const again = spawnSync(process.execPath, [bin, "check", dir, "--as-of", "2025-12-31"], { encoding: "utf8", env });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/quota-report\.xlsx is a report fund-quota wrote: not a fund workbook, not checked\./);
    expect(again.stdout.trimEnd().split("\n").pop()).toBe("64 funds and 4 issuers in breach (88 rules) as of 2025-12-31 (exit code 1).");
  }, 60_000);
});
