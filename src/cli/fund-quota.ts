import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultAsOf } from "../engine/as-of";
import { isValidIsoDate } from "../engine/dates";
import {
  type BatchReport,
  checkMany,
  collectWorkbooks,
  progressBar,
  writeCombinedXlsx,
} from "./batch";
import { formatText } from "./format-text";

export { checkFile } from "./check-file";

/** The project folder, whether this runs compiled (dist/node/cli) or from source (src/cli). */
function packageRoot(): string {
  let dir = __dirname;
  while (
    !existsSync(path.join(dir, "package.json")) &&
    path.dirname(dir) !== dir
  )
    dir = path.dirname(dir);
  return dir;
}

export const SAMPLE_WORKBOOK = path.join(
  packageRoot(),
  "examples",
  "sample-funds.xlsx",
);

const USAGE = `Usage: fund-quota check [FILE|FOLDER ...] [--json] [--positions] [--as-of YYYY-MM-DD] [--out report.xlsx]

Checks the investment quotas of every fund of .xlsx workbooks (Funds, Holdings, Holders tables).
Without FILE, checks the bundled sample workbook. A folder stands for every .xlsx inside it.

  --json        print the JSON report of the workbook contract (several workbooks: one combined report)
  --positions   include every position's outcome (counted where, or excluded and why)
  --as-of DATE  test date (default: the last month-end before today)
  --out FILE    also write one row per workbook, fund and rule to an .xlsx file

Exit code: 0 no breach, 1 at least one breach, 2 a file cannot be read.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        positions: { type: "boolean" },
        "as-of": { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.stderr(
      `fund-quota: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`,
    );
    return 2;
  }
  const [command, ...targets] = args.positionals;
  if (args.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command !== "check") {
    io.stderr(
      command === undefined
        ? `${USAGE}\n`
        : `fund-quota: unknown command "${command}".\n${USAGE}\n`,
    );
    return 2;
  }
  const asOf = args.values["as-of"] ?? defaultAsOf();
  if (!isValidIsoDate(asOf)) {
    io.stderr(
      `fund-quota: --as-of must be a date written YYYY-MM-DD, not "${asOf}".\n`,
    );
    return 2;
  }
  const named = targets.length ? targets : [SAMPLE_WORKBOOK];
  const missing = named.find((t) => !existsSync(t));
  if (missing) {
    io.stderr(`fund-quota: ${missing}: no such file or folder.\n`);
    return 2;
  }
  const files = collectWorkbooks(named);
  if (files.length === 0) {
    io.stderr(`fund-quota: no .xlsx workbook in ${named.join(", ")}.\n`);
    return 2;
  }
  const positions = Boolean(args.values.positions);
  const showProgress = io.isTty && files.length > 3;
  const batch = await checkMany(
    files,
    asOf,
    positions,
    showProgress
      ? (done) => io.stderr(progressBar(done, files.length))
      : undefined,
  );
  if (showProgress) io.stderr("\n");
  if (args.values.out) await writeCombinedXlsx(batch, args.values.out);
  const single = named.length === 1 && !statSync(named[0]).isDirectory();
  return output(batch, single, Boolean(args.values.json), positions, io);
}

/** One workbook prints its report as before; several print a combined one. */
function output(
  batch: BatchReport,
  single: boolean,
  json: boolean,
  positions: boolean,
  io: CliIo,
): number {
  const color = io.isTty && !process.env.NO_COLOR;
  for (const w of batch.workbooks)
    if (w.error) io.stderr(`fund-quota: ${w.error}\n`);
  if (single) {
    const [w] = batch.workbooks;
    if (!w.report) return 2;
    if (json) io.stdout(JSON.stringify(w.report, null, 2) + "\n");
    else
      io.stdout(
        formatText(w.report, path.basename(w.file), { color, positions }),
      );
    return w.report.summary.breaches > 0 ? 1 : 0;
  }
  if (json) io.stdout(JSON.stringify(batch, null, 2) + "\n");
  else {
    for (const w of batch.workbooks)
      if (w.report)
        io.stdout(
          formatText(w.report, path.basename(w.file), { color, positions }) +
            "\n",
        );
    const s = batch.summary;
    io.stdout(
      `${s.workbooks} workbook(s)${s.unreadable ? `, ${s.unreadable} unreadable` : ""}: ${s.funds} fund(s), ${s.rules} rule(s), ${s.breaches} breach(es), ${s.warnings} warning(s), ${s.incomplete} incomplete.\n`,
    );
  }
  if (batch.summary.unreadable) return 2;
  return batch.summary.breaches > 0 ? 1 : 0;
}
