import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultAsOf } from "../engine/as-of";
import { isValidIsoDate } from "../engine/dates";
import {
  type BatchReport,
  checkMany,
  collectWorkbooks,
  combine,
  progressBar,
  writeCombinedXlsx,
} from "./batch";
import { formatText } from "./format-text";
import { packRefusal, withoutPositions, writeEvidencePack } from "./evidence";
import { EVIDENCE_MESSAGES, EVIDENCE_USAGE } from "./evidence-messages";
import { verifyCommand } from "./verify";
import { historyCommand } from "./history";
import { whatIfCommand } from "./whatif";
import { packReports } from "./evidence";
import {
  type Lang,
  MESSAGES,
  USAGE,
  langFromEnv,
  parseLang,
  refusalMessage,
  summaryLine,
  writeFailureReason,
} from "./messages";
import { EXIT_CODES, tallyOf, verdictOf } from "./outcome";
import { isOwnReportFile } from "./report-mark";
import { type FileWriter, refusalToWrite, sameFile } from "./safe-write";

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

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** The environment the language is taken from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Writes the report's temporary file; replaced in tests to fail midway. */
  writeFile?: FileWriter;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args;
  const envLang = langFromEnv(io.env ?? process.env);
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        positions: { type: "boolean" },
        "as-of": { type: "string" },
        out: { type: "string" },
        evidence: { type: "string" },
        history: { type: "string", multiple: true },
        // fund-quota whatif
        fund: { type: "string" },
        buy: { type: "string" },
        sell: { type: "string" },
        "asset-class": { type: "string" },
        issuer: { type: "string" },
        line: { type: "string" },
        listing: { type: "string" },
        date: { type: "string" },
        "fair-value": { type: "string" },
        ownership: { type: "string" },
        force: { type: "boolean" },
        lang: { type: "string" },
        "soit-soit": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.stderr(
      `fund-quota: ${e instanceof Error ? e.message : String(e)}\n${USAGE[envLang]}\n`,
    );
    return 2;
  }
  let lang: Lang = envLang;
  if (args.values.lang !== undefined) {
    const chosen = parseLang(args.values.lang);
    if (!chosen) {
      io.stderr(`fund-quota: ${MESSAGES[envLang].badLang(args.values.lang)}\n`);
      return 2;
    }
    lang = chosen;
  }
  const say = MESSAGES[lang];
  const fail = (line: string) => {
    io.stderr(`fund-quota${lang === "fr" ? "\u00a0" : ""}: ${line}\n`);
    return 2;
  };
  const [command, ...targets] = args.positionals;
  if (args.values.help) {
    io.stdout(`${USAGE[lang]}\n\n${EVIDENCE_USAGE[lang]}\n`);
    return 0;
  }
  if (command === "verify") return verifyCommand(targets, lang, io, fail);
  if (command === "whatif") {
    const whatIfAsOf = args.values["as-of"] ?? defaultAsOf();
    if (!isValidIsoDate(whatIfAsOf)) return fail(say.badAsOf(whatIfAsOf));
    return whatIfCommand(targets, args.values, whatIfAsOf, lang, io, fail);
  }
  if (command === "history")
    return historyCommand(
      targets,
      { out: args.values.out, json: Boolean(args.values.json), lang },
      io,
      fail,
    );
  if (command !== "check") {
    if (command === undefined) {
      io.stderr(`${USAGE[lang]}\n`);
      return 2;
    }
    return fail(`${say.unknownCommand(command)}\n${USAGE[lang]}`);
  }
  const asOf = args.values["as-of"] ?? defaultAsOf();
  if (!isValidIsoDate(asOf)) return fail(say.badAsOf(asOf));
  const named = targets.length ? targets : [SAMPLE_WORKBOOK];
  const missing = named.find((t) => !existsSync(t));
  if (missing) return fail(say.missing(missing));
  const out = args.values.out;
  const force = Boolean(args.values.force);
  let files = collectWorkbooks(named);
  // The report being replaced, found in a folder being checked, is not one of the workbooks.
  if (out !== undefined) files = await withoutOwnReportAt(out, files, named);
  if (files.length === 0) return fail(say.noWorkbook(named.join(", ")));
  // Refuse before the long part: a refused --out costs the user no waiting.
  if (out !== undefined) {
    const refusal = await refusalToWrite(
      out,
      [...named, ...files],
      force,
      isOwnReportFile,
    );
    if (refusal) return fail(refusalMessage(refusal, lang));
  }
  // RG AMF 516-2 2° a) and c), "soit … soit" (RULES.md §5 Q22): either limb (default) or both.
  const soitSoit = args.values["soit-soit"] ?? "either";
  if (soitSoit !== "either" && soitSoit !== "both")
    return fail(say.badSoitSoit(soitSoit));
  const evidence = args.values.evidence;
  if (evidence !== undefined) {
    const refusal = packRefusal(evidence);
    if (refusal) return fail(EVIDENCE_MESSAGES[lang].refused(refusal));
  }
  const positions = Boolean(args.values.positions);
  const showProgress = io.isTty && files.length > 3 && evidence === undefined;
  let batch: BatchReport;
  if (evidence !== undefined) {
    // The pack checks each workbook from its own copy; the output shows those same reports.
    let history;
    try {
      history = (args.values.history ?? []).flatMap((p) => packReports(p));
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    const pack = await writeEvidencePack({
      dir: evidence,
      files,
      asOf,
      lang,
      writeFile: io.writeFile,
      history,
      registers: { soitSoit },
    });
    batch = combine(
      asOf,
      pack.results.map((w) =>
        w.report && !positions
          ? { ...w, report: withoutPositions(w.report) }
          : w,
      ),
    );
    io.stderr(
      `${EVIDENCE_MESSAGES[lang].written(evidence, pack.manifest.files.length)}\n`,
    );
  } else
    batch = await checkMany(
      files,
      asOf,
      positions,
      showProgress
        ? (done) => io.stderr(progressBar(done, files.length))
        : undefined,
      undefined,
      { soitSoit },
    );
  if (showProgress) io.stderr("\n");
  if (out !== undefined) {
    // Checked again: the file may have appeared or changed while the workbooks were read.
    const refusal = await refusalToWrite(
      out,
      [...named, ...files],
      force,
      isOwnReportFile,
    );
    if (refusal) return fail(refusalMessage(refusal, lang));
    try {
      await writeCombinedXlsx(batch, out, io.writeFile, { positions });
    } catch (e) {
      return fail(say.writeFailed(out, writeFailureReason(e, lang)));
    }
  }
  const single = named.length === 1 && !statSync(named[0]).isDirectory();
  return output(batch, single, Boolean(args.values.json), positions, lang, io);
}

async function withoutOwnReportAt(
  out: string,
  files: string[],
  named: string[],
): Promise<string[]> {
  const kept: string[] = [];
  for (const f of files) {
    const foundInFolder = !named.some((n) => sameFile(n, f));
    if (foundInFolder && sameFile(f, out) && (await isOwnReportFile(f)))
      continue;
    kept.push(f);
  }
  return kept;
}

/** One workbook prints its report as before; several print a combined one. Both end with the verdict. */
function output(
  batch: BatchReport,
  single: boolean,
  json: boolean,
  positions: boolean,
  lang: Lang,
  io: CliIo,
): number {
  const color = io.isTty && !process.env.NO_COLOR;
  const say = MESSAGES[lang];
  const prefix = `fund-quota${lang === "fr" ? "\u00a0" : ""}: `;
  for (const w of batch.workbooks) {
    if (w.error) io.stderr(`${prefix}${w.error}\n`);
    if (w.ownReport) io.stderr(`${prefix}${say.ownReport(w.file)}\n`);
  }
  const tally = tallyOf(batch.workbooks);
  const code = EXIT_CODES[verdictOf(tally)];
  if (json) {
    const doc = single ? batch.workbooks[0].report : batch;
    if (doc) io.stdout(JSON.stringify(doc, null, 2) + "\n");
    return code;
  }
  const reports = batch.workbooks.flatMap((w) => (w.report ? [w] : []));
  io.stdout(
    reports
      .map((w) =>
        formatText(w.report!, path.basename(w.file), {
          color,
          positions,
          lang,
        }),
      )
      .join("\n"),
  );
  if (!single) {
    const s = batch.summary;
    io.stdout(
      `\n${s.workbooks} workbook(s)${s.unreadable ? `, ${s.unreadable} unreadable` : ""}: ${s.funds} fund(s), ${s.rules} rule(s), ${s.breaches} breach(es), ${s.warnings} warning(s), ${s.incomplete} incomplete.\n`,
    );
  }
  io.stdout(`${summaryLine(tally, batch.asOf, lang)}\n`);
  return code;
}
