import type { RegisterSettings } from "../engine/registers/types";
import ExcelJS from "exceljs";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../engine/check";
import type { Report } from "../engine/result";
import { type Fingerprint, fingerprintTables } from "../evidence/fingerprint";
import {
  columnWidths,
  NUMBER_FORMATS,
  type PackSheet,
  packSheets,
} from "../evidence/pack-sheets";
import { buildHistory, type DatedReport } from "../evidence/history";
import { reportHtml } from "../evidence/report-html";
import type { Lang } from "../present/format";
import { writtenAt } from "../present/sheet";
import { readWorkbook } from "../workbook/read-workbook";
import type { WorkbookResult } from "./batch";
import { nodeSha256 } from "./node-hasher";
import { isReportWorkbook } from "./report-mark";
import { type FileWriter, writeFileAtomically } from "./safe-write";
import {
  findTables,
  loadWorkbook,
  UnreadableWorkbookError,
} from "./xlsx-tables";

/**
 * The evidence pack (dossier de preuve) `fund-quota check … --evidence DIR` writes: each input
 * workbook copied byte for byte, checked from that copy, its JSON report with every position,
 * a formatted xlsx report, and manifest.json listing every file with its SHA-256. The layout is
 * specified in docs/evidence.md; `fund-quota verify DIR` recomputes it.
 */

export const MANIFEST = "manifest.json";
export const PACK_KIND = "fund-quota-monitor evidence pack";
export const PACK_FORMAT = 1;

export interface PackInput {
  /** The copy in the pack, relative to the pack's folder (always with "/"). */
  file: string;
  /** The file's name where it was checked from. */
  source: string;
  sha256: string;
  bytes: number;
  fingerprint?: Fingerprint;
  /** The reports written for it, relative to the pack's folder. */
  reports?: { json: string; xlsx: string; html: string };
  /** Why it could not be checked (unreadable, a report of this product, tables missing). */
  error?: string;
  ownReport?: boolean;
  missingTables?: string[];
}

export interface PackFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  kind: typeof PACK_KIND;
  format: typeof PACK_FORMAT;
  product: { name: string; version: string };
  asOf: string;
  lang: Lang;
  /** ISO 8601 in UTC, and as Paris shows it. */
  generatedAt: string;
  generatedAtParis: string;
  canonical: string;
  inputs: PackInput[];
  /** Every file of the pack but this manifest. */
  files: PackFile[];
  /** The readings of the register texts the reports were checked with, when not the default. */
  registers?: RegisterSettings;
}

/** Why the pack cannot be written where asked. */
export type PackRefusal =
  | { kind: "not-empty"; dir: string }
  | { kind: "not-a-folder"; dir: string }
  | { kind: "no-folder"; dir: string; folder: string };

/** A pack goes into a new folder or an empty one: it never mixes with, or replaces, a user's files. */
export function packRefusal(dir: string): PackRefusal | undefined {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return { kind: "not-a-folder", dir };
    if (readdirSync(dir).length > 0) return { kind: "not-empty", dir };
    return undefined;
  }
  const folder = path.dirname(path.resolve(dir));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return { kind: "no-folder", dir, folder };
  return undefined;
}

/** The product's name and version, from its package.json. */
export function productVersion(): { name: string; version: string } {
  let dir = __dirname;
  while (path.dirname(dir) !== dir) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as {
        name: string;
        version: string;
      };
      return { name: pkg.name, version: pkg.version };
    }
    dir = path.dirname(dir);
  }
  return { name: "fund-quota-monitor", version: "unknown" };
}

export function sha256Of(data: Uint8Array): string {
  const h = nodeSha256();
  h.update(data);
  return h.hex();
}

/** Names in the pack that never collide: book.xlsx, book (2).xlsx… */
function uniqueName(name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++)
    candidate = `${stem} (${i})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export interface CheckedCopy {
  report?: Report;
  fingerprint?: Fingerprint;
  ownReport?: boolean;
  missingTables?: ("Funds" | "Holdings")[];
}

/** Checks a workbook file (the pack's copy) with every position, and fingerprints its tables. */
export async function checkCopy(
  file: string,
  asOf: string,
  registers?: RegisterSettings,
): Promise<CheckedCopy> {
  const workbook = await loadWorkbook(file);
  if (isReportWorkbook(workbook)) return { ownReport: true };
  const tables = findTables(workbook);
  const fingerprint = fingerprintTables(tables, {
    date1904: Boolean(workbook.properties.date1904),
    newHasher: nodeSha256,
  });
  const report = checkWorkbook(readWorkbook(tables), {
    asOf,
    positions: true,
    registers,
  });
  // As `check` says: a register workbook needs neither Funds nor Holdings (WORKBOOK-FORMAT-REGISTERS §1).
  const hasRegister = tables.Subscribers || tables.Offers || tables.Trades;
  const missing = hasRegister
    ? []
    : (["Funds", "Holdings"] as const).filter((t) => !tables[t]);
  return {
    report,
    fingerprint,
    ...(missing.length ? { missingTables: missing } : {}),
  };
}

/** The report without what only --positions asks for (each position, each reconciliation). */
export function withoutPositions(report: Report): Report {
  return {
    ...report,
    funds: report.funds.map((f) => {
      const fund = { ...f, rules: f.rules.map((r) => ({ ...r })) };
      delete fund.positions;
      for (const r of fund.rules) delete r.reconciliation;
      return fund;
    }),
  };
}

/** Writes the report's sheets: bold frozen header with filters, widths that fit, number formats. */
export async function packXlsx(
  sheets: PackSheet[],
  title: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fund Quota Monitor";
  wb.title = title;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    const widths = columnWidths(sheet);
    sheet.columns.forEach((col, i) => {
      const column = ws.getColumn(i + 1);
      column.width = widths[i];
      if (col.kind !== "text") column.numFmt = NUMBER_FORMATS[col.kind];
      else column.alignment = { wrapText: true, vertical: "top" };
    });
    ws.getRow(1).alignment = { vertical: "top", wrapText: false };
    if (sheet.columns.length)
      ws.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1 + sheet.rows.length, column: sheet.columns.length },
      };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface PackOptions {
  dir: string;
  files: string[];
  asOf: string;
  lang: Lang;
  now?: Date;
  writeFile?: FileWriter;
  /** Reports of earlier month-ends (earlier packs): report.html then charts each ratio over time. */
  history?: DatedReport[];
  /** Readings of the register texts (`--soit-soit`), as `check` applies them. */
  registers?: RegisterSettings;
}

export interface PackOutcome {
  manifest: Manifest;
  /** One result per input, in order, as `check` prints them. */
  results: WorkbookResult[];
}

/** Writes the pack (the caller has checked packRefusal). */
export async function writeEvidencePack(
  options: PackOptions,
): Promise<PackOutcome> {
  const { dir, asOf, lang } = options;
  const now = options.now ?? new Date();
  const product = productVersion();
  const generatedAtParis = writtenAt(now, lang);
  mkdirSync(path.join(dir, "input"), { recursive: true });
  const files: PackFile[] = [];
  const put = async (relative: string, data: Uint8Array) => {
    await writeFileAtomically(
      path.join(dir, ...relative.split("/")),
      data,
      options.writeFile,
    );
    files.push({ path: relative, sha256: sha256Of(data), bytes: data.length });
  };
  const taken = new Set<string>();
  const reportNames = new Set<string>();
  const inputs: PackInput[] = [];
  const results: WorkbookResult[] = [];
  for (const source of options.files) {
    const bytes = new Uint8Array(readFileSync(source));
    const name = uniqueName(path.basename(source), taken);
    const file = `input/${name}`;
    await put(file, bytes);
    const input: PackInput = {
      file,
      source: path.basename(source),
      sha256: sha256Of(bytes),
      bytes: bytes.length,
    };
    inputs.push(input);
    let checked: CheckedCopy;
    try {
      // Checked from the copy: the report is of exactly the bytes the pack holds.
      checked = await checkCopy(
        path.join(dir, "input", name),
        asOf,
        options.registers,
      );
    } catch (e) {
      input.error =
        e instanceof UnreadableWorkbookError
          ? e.message
          : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
      results.push({ file: source, error: input.error });
      continue;
    }
    if (checked.ownReport) input.ownReport = true;
    if (checked.missingTables) input.missingTables = checked.missingTables;
    results.push({
      file: source,
      ...(checked.report ? { report: checked.report } : {}),
      ...(checked.ownReport ? { ownReport: true } : {}),
      ...(checked.missingTables
        ? { missingTables: checked.missingTables }
        : {}),
    });
    if (!checked.report || !checked.fingerprint) continue;
    input.fingerprint = checked.fingerprint;
    const stem =
      options.files.length === 1
        ? "report"
        : uniqueName(`report-${name.replace(/\.xlsx$/i, "")}`, reportNames);
    input.reports = {
      json: `${stem}.json`,
      xlsx: `${stem}.xlsx`,
      html: `${stem}.html`,
    };
    await put(
      input.reports.json,
      new TextEncoder().encode(`${JSON.stringify(checked.report, null, 2)}\n`),
    );
    const facts = {
      asOf,
      generatedAt: generatedAtParis,
      productVersion: `${product.name} ${product.version}`,
      inputFile: file,
      fileSha256: input.sha256,
      fingerprint: checked.fingerprint.sha256,
    };
    const sheets = packSheets(checked.report, facts, lang);
    await put(
      input.reports.xlsx,
      await packXlsx(sheets, `${PACK_KIND} ${asOf}`),
    );
    const history = options.history?.length
      ? buildHistory([...options.history, { report: checked.report }])
      : undefined;
    await put(
      input.reports.html,
      new TextEncoder().encode(
        reportHtml(checked.report, facts, lang, history),
      ),
    );
  }
  const manifest: Manifest = {
    kind: PACK_KIND,
    format: PACK_FORMAT,
    product,
    asOf,
    lang,
    generatedAt: now.toISOString(),
    generatedAtParis,
    canonical: "FQM-CANONICAL-TABLES 1",
    inputs,
    files,
    ...(options.registers?.soitSoit === "both"
      ? { registers: options.registers }
      : {}),
  };
  await writeFileAtomically(
    path.join(dir, MANIFEST),
    new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    options.writeFile,
  );
  return { manifest, results };
}

/** The reports of a pack (one per input that was checked), for a history. */
export function packReports(dir: string): DatedReport[] {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, MANIFEST), "utf8"),
  ) as Manifest;
  if (manifest.kind !== PACK_KIND)
    throw new Error(`${dir}: ${MANIFEST} is not the manifest of a pack`);
  return manifest.inputs.flatMap((i) =>
    i.reports
      ? [
          {
            report: JSON.parse(
              readFileSync(
                path.join(dir, ...i.reports.json.split("/")),
                "utf8",
              ),
            ) as Report,
            source: `${path.basename(path.resolve(dir))}/${i.reports.json}`,
          },
        ]
      : [],
  );
}
