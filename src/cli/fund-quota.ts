import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkWorkbook } from "../engine/check";
import { isValidIsoDate, todayIso } from "../engine/dates";
import type { Report } from "../engine/result";
import { readWorkbook } from "../workbook/read-workbook";
import { formatText } from "./format-text";
import {
  findTables,
  loadWorkbook,
  UnreadableWorkbookError,
} from "./xlsx-tables";

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

const USAGE = `Usage: fund-quota check [FILE] [--json] [--positions] [--as-of YYYY-MM-DD]

Checks the investment quotas of every fund of an .xlsx workbook (Funds, Holdings, Holders tables).
Without FILE, checks the bundled sample workbook.

  --json        print the JSON report of the workbook contract
  --positions   include every position's outcome (counted where, or excluded and why)
  --as-of DATE  test date (default: today)

Exit code: 0 no breach, 1 at least one breach, 2 the file cannot be read.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
}

/** Reads one workbook file and checks it. */
export async function checkFile(
  file: string,
  asOf: string,
  positions: boolean,
): Promise<Report> {
  const workbook = await loadWorkbook(file);
  return checkWorkbook(readWorkbook(findTables(workbook)), { asOf, positions });
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
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.stderr(
      `fund-quota: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`,
    );
    return 2;
  }
  const [command, file, ...rest] = args.positionals;
  if (args.values.help || command === undefined) {
    (command === undefined && !args.values.help ? io.stderr : io.stdout)(
      `${USAGE}\n`,
    );
    return command === undefined && !args.values.help ? 2 : 0;
  }
  if (command !== "check" || rest.length) {
    io.stderr(
      `fund-quota: unknown command or extra argument "${command !== "check" ? command : rest[0]}".\n${USAGE}\n`,
    );
    return 2;
  }
  const asOf = args.values["as-of"] ?? todayIso();
  if (!isValidIsoDate(asOf)) {
    io.stderr(
      `fund-quota: --as-of must be a date written YYYY-MM-DD, not "${asOf}".\n`,
    );
    return 2;
  }
  const target = file ?? SAMPLE_WORKBOOK;
  if (!existsSync(target)) {
    io.stderr(`fund-quota: ${target}: no such file.\n`);
    return 2;
  }
  let report: Report;
  try {
    report = await checkFile(target, asOf, Boolean(args.values.positions));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      io.stderr(`fund-quota: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.values.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else
    io.stdout(
      formatText(report, path.basename(target), {
        color: io.isTty && !process.env.NO_COLOR,
        positions: Boolean(args.values.positions),
      }),
    );
  return report.summary.breaches > 0 ? 1 : 0;
}
