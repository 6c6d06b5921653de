// npm run bench [-- --json]: every benchmark of the product, with its targets, from one run.
import os from "node:os";
import { benchBatch } from "./batch";
import { benchBundle } from "./bundle";
import { benchEngine, benchMemory } from "./engine";
import { benchReconciliation } from "./reconciliation";
import { benchRecalc } from "./recalc";
import { benchSyncs } from "./syncs";

interface Target {
  name: string;
  value: number;
  target: number;
  unit: string;
  /** How value must compare with target. */
  op: "<" | ">=" | "=";
  met: boolean;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const log = (text = "") => {
    if (!json) console.log(text);
  };
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  log(`Fund Quota Monitor benchmarks — ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  log("Times are medians of repeated runs in this process; ratios compare figures measured in this same run.\n");

  const targets: Target[] = [];
  const below = (name: string, value: number, limit: number, unit: string) => targets.push({ name, value, target: limit, unit, op: "<", met: value < limit });
  const atLeast = (name: string, value: number, limit: number, unit: string) => targets.push({ name, value, target: limit, unit, op: ">=", met: value >= limit });

  // Memory first, before the other sections leave their own garbage behind.
  const memory = benchMemory(100_000);

  log("1–2. One FCPR fund, every rule: engine, SUMIFS sheet in HyperFormula, float64 floor");
  log("  positions | engine read + rules = total | SUMIFS build (recalc) | speed-up | float64 floor | rules ÷ floor | total ÷ floor");
  const engine = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const e = benchEngine(n);
    engine.push(e);
    log(`  ${String(n).padStart(9)} | ${e.engineReadMs} + ${e.engineRulesMs} = ${e.engineTotalMs} ms | ${e.sumifsBuildMs} ms (${e.sumifsRecalcMs} ms) | ×${e.speedupVsSumifs} | ${e.floorMs} ms | ×${e.ratioToFloor} | ×${e.ratioToFloorEndToEnd}`);
  }
  atLeast("engine ≥ 20× faster than the SUMIFS sheet at 10,000 positions (read + all rules vs build + calculate)", engine[1].speedupVsSumifs, 20, "×");
  atLeast("engine ≥ 20× faster than the SUMIFS sheet at 100,000 positions", engine[2].speedupVsSumifs, 20, "×");
  below("engine rules within 20× of the float64 floor at 100,000 positions, exact sums", engine[2].ratioToFloor, 20, "×");
  log(`  memory, 100,000 positions with every position explained: heap +${memory.heapMB} MB before collection, ${memory.retainedMB} MB held after (process RSS ${memory.rssMB} MB)\n`);
  below("100,000 positions, all rules of a fund: heap", memory.heapMB, 200, "MB");

  log("2b. The detailed check (every position explained, every rule reconciled) against the plain check, one FCPR fund");
  const detailed = [10_000, 100_000].map(benchReconciliation);
  for (const d of detailed)
    log(`  ${String(d.positions).padStart(9)} | plain ${d.plainMs} ms | detailed ${d.explainedMs} ms (×${d.explainedOverPlain}) | of which reconciliation ${d.reconcileMs} ms (×${d.reconcileOverPlain} the plain check)`);
  log("  The plain check computes no reconciliation; the detailed one is asked by --positions, the task pane and the report sheet.\n");
  below("reconciliation of every rule within 3× the plain check at 100,000 positions", detailed[1].reconcileOverPlain, 3, "×");

  log("3. Recalculation: 1,000 =QUOTA.* cells over a 10,000-row Holdings table (10 funds)");
  const recalc = benchRecalc();
  log(`  first calculation ${recalc.firstCalcMs} ms; after one edit ${recalc.recalcAfterEditMs} ms (${recalc.cachedPerCallMs} ms a cell)`);
  log(`  baseline without the model cache: ${recalc.uncachedPerCallMs} ms a cell → cache ×${recalc.cacheSpeedup}`);
  log(`  in HyperFormula, ${recalc.hyperformulaCells} cells: build ${recalc.hyperformulaBuildMs} ms, recalc ${recalc.hyperformulaRecalcMs} ms (includes the engine marshalling the ranges for every call)\n`);
  below("1,000 formula cells over 10,000 rows recalculate after an edit", recalc.recalcAfterEditMs, 1000, "ms");

  log("4. context.sync calls (stand-in context)");
  const syncs = await benchSyncs();
  for (const s of syncs) log(`  ${String(s.rows).padStart(7)} rows: read ${s.readSyncs}, highlight ${s.highlightSyncs} (${s.highlightedRanges} ranges)`);
  const constant = new Set(syncs.map((s) => `${s.readSyncs}/${s.highlightSyncs}`)).size === 1;
  targets.push({ name: "constant sync count (read + highlight) from 10 to 100,000 rows", value: syncs[2].readSyncs + syncs[2].highlightSyncs, target: syncs[0].readSyncs + syncs[0].highlightSyncs, unit: "syncs", op: "=", met: constant });
  log();

  log("5. Batch: fund-quota check over a folder of 200 generated workbooks (3 funds, 300 positions each)");
  const batch = await benchBatch();
  log(`  ${batch.seconds} s with ${batch.threads} worker threads: ${batch.workbooksPerSecond} workbooks a second, peak RSS ${batch.peakRssMB} MB\n`);

  log("6. Bundles (gzip)");
  const bundle = benchBundle();
  log(`  task pane ${bundle.taskpaneKB} KB, functions ${bundle.functionsKB} KB, together ${bundle.totalKB} KB\n`);
  below("task pane under 300 KB gzip (pane and functions bundles together)", bundle.totalKB, 300, "KB");

  for (const t of targets) log(`${t.met ? "MET    " : "NOT MET"}  ${t.name}: ${t.value} ${t.unit} (target ${t.op === ">=" ? "≥" : t.op} ${t.target} ${t.unit})`);
  if (json) console.log(JSON.stringify({ machine, engine, memory, detailed, recalc, syncs, batch, bundle, targets }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
