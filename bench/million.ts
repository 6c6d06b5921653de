// 1,000,000 positions in one workbook, read and checked in a Node process limited to a 2 GB heap.
// Run as its own process (npm run bench starts it), so the limit applies to this check alone.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { checkWorkbook, readWorkbook, tableFromValues } from "./product";
import { fundsGrid, holdingsGrid } from "./data";
import { round } from "./timing";

export interface MillionResult {
  positions: number;
  funds: number;
  heapLimitMB: number;
  /** Whether the check ended (false: out of memory, or another failure, in the limited process). */
  completed: boolean;
  readMs?: number;
  rulesMs?: number;
  totalMs?: number;
  /** Heap used at the end of the check, the grid still held (it is the workbook's). */
  heapUsedMB?: number;
  error?: string;
}

const HEAP_LIMIT_MB = 2048;

function run(positions: number, fundCount: number): MillionResult {
  const funds = fundsGrid(fundCount);
  const holdings = holdingsGrid(positions, fundCount);
  const t0 = performance.now();
  const model = readWorkbook({
    Funds: tableFromValues("Funds", funds),
    Holdings: tableFromValues("Holdings", holdings),
  });
  const t1 = performance.now();
  const report = checkWorkbook(model, { asOf: "2025-12-31" });
  const t2 = performance.now();
  if (report.funds.length !== fundCount)
    throw new Error("a fund is missing from the report");
  return {
    positions,
    funds: fundCount,
    heapLimitMB: HEAP_LIMIT_MB,
    completed: true,
    readMs: round(t1 - t0),
    rulesMs: round(t2 - t1),
    totalMs: round(t2 - t0),
    heapUsedMB: round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

/** Starts this file in a child process with --max-old-space-size=2048 and returns what it measured. */
export function benchMillion(
  positions = 1_000_000,
  fundCount = 10,
): MillionResult {
  try {
    const out = execFileSync(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_LIMIT_MB}`,
        "--import",
        "tsx",
        __filename,
        String(positions),
        String(fundCount),
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(out.trim().split("\n").pop()!) as MillionResult;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      positions,
      funds: fundCount,
      heapLimitMB: HEAP_LIMIT_MB,
      completed: false,
      error: message.slice(0, 300),
    };
  }
}

if (require.main === module) {
  console.log(
    JSON.stringify(
      run(Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 10)),
    ),
  );
}
