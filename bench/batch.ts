// fund-quota check over a folder of generated workbooks, with worker threads on every core.
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fundsGrid, holdingsGrid } from "./data";
import { round } from "./timing";

async function generate(
  dir: string,
  count: number,
  positions: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const wb = new ExcelJS.Workbook();
    const add = (name: string, rows: unknown[][]) => {
      const ws = wb.addWorksheet(name);
      ws.addTable({
        name,
        ref: "A1",
        headerRow: true,
        columns: (rows[0] as string[]).map((n) => ({ name: n })),
        rows: rows.slice(1) as ExcelJS.CellValue[][],
      });
    };
    add("Funds", fundsGrid(3));
    add("Holdings", holdingsGrid(positions, 3, i + 1));
    await wb.xlsx.writeFile(
      path.join(dir, `administrator-${String(i + 1).padStart(3, "0")}.xlsx`),
    );
  }
}

export async function benchBatch(
  count = 200,
  positions = 300,
): Promise<{
  workbooks: number;
  positionsEach: number;
  seconds: number;
  workbooksPerSecond: number;
  peakRssMB: number;
  threads: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fund-quota-batch-"));
  await generate(dir, count, positions);
  const root = path.resolve(__dirname, "..");
  const script = `const {main}=require(${JSON.stringify(path.join(root, "dist/node/cli/fund-quota.js"))});const t=Date.now();main(["check",${JSON.stringify(dir)},"--json","--as-of","2025-12-31"],{stdout:()=>{},stderr:()=>{},isTty:false}).then(()=>{console.log(JSON.stringify({ms:Date.now()-t,rss:process.resourceUsage().maxRSS}))})`;
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  // The generated workbooks (5.5 MB) are not kept: each run made them again and left them behind.
  rmSync(dir, { recursive: true, force: true });
  const { ms, rss } = JSON.parse(
    child.stdout.trim().split("\n").pop() ?? "{}",
  ) as { ms: number; rss: number };
  return {
    workbooks: count,
    positionsEach: positions,
    seconds: round(ms / 1000, 2),
    workbooksPerSecond: round(count / (ms / 1000), 1),
    peakRssMB: round(rss / 1024),
    threads: os.cpus().length,
  };
}
