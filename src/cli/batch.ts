import ExcelJS from "exceljs";
import type { RegisterSettings } from "../engine/registers/types";
import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { RULE_HEADERS } from "../present/report-columns";
import { type FileCheck, checkWorkbookFile } from "./check-file";
import { POSITIONS_SHEET, REPORT_SHEET, markAsReport } from "./report-mark";
import { type FileWriter, writeFileAtomically } from "./safe-write";
import { UnreadableWorkbookError } from "./xlsx-tables";

export interface WorkbookResult extends FileCheck {
  file: string;
  /** One line saying why the file could not be read. */
  error?: string;
}

export interface BatchReport {
  asOf: string;
  workbooks: WorkbookResult[];
  summary: {
    workbooks: number;
    unreadable: number;
    /** Reports this command wrote earlier, found among the workbooks and not checked. */
    ownReports: number;
    funds: number;
    rules: number;
    breaches: number;
    warnings: number;
    incomplete: number;
  };
}

/** The .xlsx files named, and those inside the folders named (Excel's ~$ lock files left out). */
export function collectWorkbooks(targets: string[]): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory())
      for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
    else if (/\.xlsx$/i.test(p) && !path.basename(p).startsWith("~$"))
      files.push(p);
  };
  for (const t of targets) {
    if (statSync(t).isDirectory()) walk(t);
    else files.push(t);
  }
  return files;
}

async function checkOne(
  file: string,
  asOf: string,
  positions: boolean,
  registers?: RegisterSettings,
): Promise<WorkbookResult> {
  try {
    return {
      file,
      ...(await checkWorkbookFile(file, asOf, positions, registers)),
    };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) return { file, error: e.message };
    return {
      file,
      error: `unexpected failure: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Checks many workbooks, one worker thread per core when running compiled; from sources (tests)
 * it runs them in turn in this thread. Results come back in the order of the files.
 */
export async function checkMany(
  files: string[],
  asOf: string,
  positions: boolean,
  onProgress?: (done: number) => void,
  threads = os.cpus().length,
  registers?: RegisterSettings,
): Promise<BatchReport> {
  const results: WorkbookResult[] = new Array(files.length);
  const worker = path.join(__dirname, "batch-worker.js");
  let done = 0;
  const finished = (i: number, r: WorkbookResult) => {
    results[i] = r;
    onProgress?.(++done);
  };
  if (threads <= 1 || files.length < 2 || !__filename.endsWith(".js")) {
    for (let i = 0; i < files.length; i++)
      finished(i, await checkOne(files[i], asOf, positions, registers));
  } else {
    let next = 0;
    const pool = Array.from(
      { length: Math.min(threads, files.length) },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(worker);
          const feed = () => {
            if (next >= files.length) {
              void w.terminate().then(() => resolve());
              return;
            }
            const i = next++;
            w.once("message", (r: WorkbookResult) => {
              finished(i, r);
              feed();
            });
            w.postMessage({ file: files[i], asOf, positions, registers });
          };
          w.once("error", reject);
          feed();
        }),
    );
    await Promise.all(pool);
  }
  return combine(asOf, results);
}

export function combine(
  asOf: string,
  workbooks: WorkbookResult[],
): BatchReport {
  const reports = workbooks.flatMap((w) => (w.report ? [w.report] : []));
  const sum = (k: "funds" | "rules" | "breaches" | "warnings" | "incomplete") =>
    reports.reduce((n, r) => n + r.summary[k], 0);
  return {
    asOf,
    workbooks,
    summary: {
      workbooks: workbooks.length,
      unreadable: workbooks.filter((w) => w.error).length,
      ownReports: workbooks.filter((w) => w.ownReport).length,
      funds: sum("funds"),
      rules: sum("rules"),
      breaches: sum("breaches"),
      warnings: sum("warnings"),
      incomplete: sum("incomplete"),
    },
  };
}

/** The report sheet's rule columns, after the workbook they come from, and the date tested. */
export const COMBINED_HEADERS = ["Workbook", ...RULE_HEADERS, "As of"];

/**
 * One row per workbook, fund and rule (and one per unreadable workbook), as an Excel table,
 * marked as this product's report and written through a temporary file (see safe-write).
 */
export async function writeCombinedXlsx(
  batch: BatchReport,
  out: string,
  writer?: FileWriter,
  options: { positions?: boolean } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  markAsReport(wb, batch.asOf);
  const ws = wb.addWorksheet(REPORT_SHEET);
  const rows: (string | number | Date | null)[][] = [];
  const asOf = new Date(`${batch.asOf}T00:00:00Z`);
  const wholeValues: number[] = [];
  for (const w of batch.workbooks) {
    const name = path.basename(w.file);
    if (w.error)
      rows.push([
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "unreadable",
        null,
        null,
        w.error,
        asOf,
      ]);
    // Register rules count rows (or euros for OFF-12M): not a percentage.
    const add = (
      holder: string,
      holderName: string | null,
      holderType: string | null,
      r: (typeof w.report & object)["funds"][number]["rules"][number],
    ) => {
      if (r.unit === "count" || r.unit === "EUR") wholeValues.push(rows.length);
      rows.push([
        name,
        holder,
        holderName,
        holderType,
        r.id,
        r.article,
        r.value,
        r.threshold,
        r.status,
        r.headroom === null ? null : Number(r.headroom),
        r.unit ?? "EUR",
        r.message ?? null,
        asOf,
      ]);
    };
    for (const f of w.report?.funds ?? [])
      for (const r of f.rules)
        add(f.fundId, f.fundName ?? null, f.fundType ?? null, r);
    // Issuers of the Offers register: the issuerId stands in place of the fund.
    for (const i of w.report?.issuers ?? [])
      for (const r of i.rules) add(i.issuerId, i.issuerName ?? null, null, r);
  }
  ws.addTable({
    name: "QuotaReport",
    ref: "A1",
    headerRow: true,
    columns: COMBINED_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: rows.length ? rows : [COMBINED_HEADERS.map(() => null)],
  });
  ws.getColumn(7).numFmt = "0.00%";
  ws.getColumn(8).numFmt = "0.00%";
  ws.getColumn(10).numFmt = "#,##0.00";
  ws.getColumn(COMBINED_HEADERS.length).numFmt = "dd/mm/yyyy";
  for (const i of wholeValues)
    for (const c of [7, 8]) ws.getCell(i + 2, c).numFmt = "#,##0.##";
  ws.views = [{ state: "frozen", ySplit: 1 }];
  if (options.positions) addPositionsSheet(wb, batch);
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  await writeFileAtomically(out, data, writer);
}

/** The positions sheet of --out with --positions: the columns of the pane's report sheet. */
export const COMBINED_POSITION_HEADERS = [
  "Workbook",
  "Fund",
  "Row",
  "Line",
  "Issuer",
  "Asset class",
  "Amount EUR",
  "Rule",
  "Outcome",
  "Article",
  "Detail",
];

/** One row per workbook, fund, position and rule it was counted in or excluded from (--positions). */
function addPositionsSheet(wb: ExcelJS.Workbook, batch: BatchReport): void {
  const ws = wb.addWorksheet(POSITIONS_SHEET);
  const rows: (string | number | null)[][] = [];
  for (const w of batch.workbooks)
    for (const f of w.report?.funds ?? [])
      for (const p of f.positions ?? []) {
        const base = [
          path.basename(w.file),
          f.fundId,
          p.row,
          p.lineId,
          p.issuerName ?? p.issuerId ?? null,
          p.assetClass ?? null,
          p.amount === null ? null : Number(p.amount),
        ];
        for (const c of p.counted)
          rows.push([...base, c.rule, "counted", c.article, c.note ?? null]);
        for (const e of p.excluded)
          rows.push([...base, e.rule, "excluded", e.article ?? null, e.reason]);
        if (!p.counted.length && !p.excluded.length)
          rows.push([
            ...base,
            null,
            p.unreadable?.length ? "unreadable" : "not concerned",
            null,
            p.unreadable?.join(", ") ?? null,
          ]);
      }
  ws.addTable({
    name: "QuotaPositions",
    ref: "A1",
    headerRow: true,
    columns: COMBINED_POSITION_HEADERS.map((name) => ({
      name,
      filterButton: true,
    })),
    rows: rows.length ? rows : [COMBINED_POSITION_HEADERS.map(() => null)],
  });
  ws.getColumn(7).numFmt = "#,##0.00";
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** A one-line progress bar for a terminal. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} workbooks`;
}
