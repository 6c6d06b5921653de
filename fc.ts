// Read + the FIRST check of each new read (what a user pays), median of 7, after 2 warm-ups.
import { checkWorkbook } from "./src/engine/check";
import { tableFromValues } from "./src/workbook/range-grid";
import { readWorkbook } from "./src/workbook/read-workbook";
import { fundsGrid, holdingsGrid } from "./bench/data";
const n = Number(process.env.N ?? 100000);
const funds = fundsGrid(1), holdings = holdingsGrid(n, 1);
const reads: number[] = [], firsts: number[] = [], seconds: number[] = [];
for (let i = 0; i < 9; i++) {
  if (process.env.GC) (globalThis as any).gc?.(); let t = performance.now();
  const model = readWorkbook({ Funds: tableFromValues("Funds", funds), Holdings: tableFromValues("Holdings", holdings) });
  const r = performance.now() - t; t = performance.now();
  checkWorkbook(model, { asOf: "2025-12-31" });
  const f = performance.now() - t; t = performance.now();
  checkWorkbook(model, { asOf: "2025-12-31" });
  const s = performance.now() - t;
  if (i >= 2) { reads.push(r); firsts.push(f); seconds.push(s); }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1].toFixed(1);
console.log(`read ${med(reads)} first check ${med(firsts)} second check ${med(seconds)}`);
