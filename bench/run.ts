// npm run bench [-- --json]: every benchmark of the product, with its targets, from one run.
import os from "node:os";
import { benchRecalc } from "./recalc";

interface Target {
  name: string;
  value: number;
  target: number;
  unit: string;
  met: boolean;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const log = (text: string) => {
    if (!json) console.log(text);
  };
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  log(`Fund Quota Monitor benchmarks — ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);

  const targets: Target[] = [];
  const target = (name: string, value: number, limit: number, unit: string, lowerIsBetter = true) =>
    targets.push({ name, value, target: limit, unit, met: lowerIsBetter ? value < limit : value >= limit });

  log("Recalculation: 1,000 =QUOTA.* cells over a 10,000-row Holdings table (10 funds)");
  const recalc = benchRecalc();
  log(`  first calculation            ${recalc.firstCalcMs} ms`);
  log(`  recalculation after one edit ${recalc.recalcAfterEditMs} ms  (${recalc.cachedPerCallMs} ms a cell)`);
  log(`  baseline, no model cache     ${recalc.uncachedPerCallMs} ms a cell  → cache ×${recalc.cacheSpeedup}`);
  log(`  in HyperFormula, ${recalc.hyperformulaCells} cells: build ${recalc.hyperformulaBuildMs} ms, recalc after an edit ${recalc.hyperformulaRecalcMs} ms (includes the engine marshalling the ranges for every call)\n`);
  target("1,000 formula cells over 10,000 rows recalculate after an edit", recalc.recalcAfterEditMs, 1000, "ms");

  for (const t of targets) log(`${t.met ? "MET    " : "NOT MET"}  ${t.name}: ${t.value} ${t.unit} (target < ${t.target} ${t.unit})`);
  if (json) console.log(JSON.stringify({ machine, recalc, targets }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
