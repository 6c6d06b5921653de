import {
  RECONCILIATION_HEADERS,
  RULE_HEADERS,
  reconciliationRows,
} from "../present/report-columns";
import type { Report } from "../engine/result";
import { euros, type Lang } from "../present/format";
import {
  contributionNote,
  diagnosticColumn,
  diagnosticExplanation,
  exclusionText,
  ruleExplanation,
  severityLabel,
  statusLabel,
} from "../present/report";
import type { Diagnostic } from "../engine/model";
import { SHEET_WORDS, unitCell } from "../present/sheet";
import { columnLetter } from "../workbook/read-table";
import {
  findOwnSheets,
  freeSheetName,
  type OwnSheet,
  ROLE_KEY,
  STATE_KEY,
} from "./own-sheets";
import { writeRows } from "./write-rows";

export { RULE_HEADERS };

/* global Excel */

export const REPORT_SHEET = "Quota report";
const STAGING_SHEET = "Quota report (writing)";
export const RULES_TABLE = "QuotaReportRules";
export const POSITIONS_TABLE = "QuotaReportPositions";
export const RECONCILIATION_TABLE = "QuotaReportReconciliation";
export const DIAGNOSTICS_TABLE = "QuotaReportDiagnostics";
/** While being built the report's tables carry these names, unique in the workbook. */
const STAGING_RULES_TABLE = "QuotaReportRules_writing";
const STAGING_POSITIONS_TABLE = "QuotaReportPositions_writing";
const STAGING_RECONCILIATION_TABLE = "QuotaReportReconciliation_writing";
const STAGING_DIAGNOSTICS_TABLE = "QuotaReportDiagnostics_writing";

/** The English headers of the positions table (the pane writes its own language's). */
export const POSITION_HEADERS = SHEET_WORDS.en.positionHeaders;
const TEXT = "@";
const RULE_FORMATS = [
  TEXT,
  TEXT,
  TEXT,
  TEXT,
  TEXT,
  "0.00%",
  "0.00%",
  TEXT,
  "#,##0.00",
  TEXT,
  TEXT,
];
// Fund, rule, article, line, reason code, line article: text; amount, count; three text flags.
const RECONCILIATION_FORMATS = [
  TEXT,
  TEXT,
  TEXT,
  TEXT,
  TEXT,
  TEXT,
  "#,##0.00",
  "0",
  TEXT,
  TEXT,
  TEXT,
];
// Fund, table: text; row: a number; column, value, cell, severity, detail: text.
const DIAGNOSTIC_FORMATS = [TEXT, TEXT, "0", TEXT, TEXT, TEXT, TEXT, TEXT];
const POSITION_FORMATS = [
  TEXT,
  "0",
  TEXT,
  TEXT,
  TEXT,
  "#,##0.00",
  TEXT,
  TEXT,
  TEXT,
  TEXT,
];

/** A reading problem as a row of the sheet: the column as the user wrote its header, the cell, why. */
function diagnosticRow(
  d: Diagnostic,
  fundId: string,
  lang: Lang,
): (string | number)[] {
  return [
    fundId,
    d.table,
    d.row || "",
    diagnosticColumn(d) ?? "",
    d.value ?? "",
    d.cell ?? "",
    severityLabel(d.severity, lang),
    diagnosticExplanation(d, lang),
  ];
}

/**
 * The report as the rows of the sheet: rules first, then every position's outcome, then the
 * reading problems; columns are named by the user's own headers, as the command line names them.
 */
export function reportRows(
  report: Report,
  lang: Lang = "en",
): {
  rules: (string | number)[][];
  positions: (string | number)[][];
  diagnostics: (string | number)[][];
} {
  const w = SHEET_WORDS[lang];
  const rules: (string | number)[][] = [];
  const positions: (string | number)[][] = [];
  const diagnostics: (string | number)[][] = report.diagnostics.map((d) =>
    diagnosticRow(d, "", lang),
  );
  for (const f of report.funds) {
    // The user's header of each unreadable Holdings cell, from the reader's diagnostic on it.
    const headers = new Map<string, string>();
    for (const d of f.diagnostics) {
      diagnostics.push(diagnosticRow(d, f.fundId, lang));
      if (d.table === "Holdings" && d.column && d.header)
        headers.set(`${d.row}:${d.column}`, d.header);
    }
    for (const r of f.rules) {
      rules.push([
        f.fundId,
        f.fundName ?? "",
        f.fundType ?? "",
        r.id,
        r.article,
        r.value ?? "",
        r.threshold ?? "",
        statusLabel(r.status, lang) + (r.partial ? w.partial : ""),
        r.headroom === null ? "" : Number(r.headroom),
        unitCell(r.unit, lang),
        ruleExplanation(r, lang) ?? "",
      ]);
    }
    for (const p of f.positions ?? []) {
      const base = [
        f.fundId,
        p.row,
        p.lineId,
        p.issuerName ?? p.issuerId ?? "",
        p.assetClass ?? "",
        p.amount === null ? "" : Number(p.amount),
      ];
      for (const c of p.counted)
        positions.push([
          ...base,
          c.rule,
          w.counted,
          c.article,
          contributionDetail(c, lang),
        ]);
      for (const e of p.excluded)
        positions.push([
          ...base,
          e.rule,
          w.excluded,
          e.article ?? "",
          exclusionText(e, lang),
        ]);
      if (!p.counted.length && !p.excluded.length)
        positions.push([
          ...base,
          "",
          p.unreadable?.length ? w.unreadable : w.notConcerned,
          "",
          (p.unreadable ?? [])
            .map((c) => headers.get(`${p.row}:${c}`) ?? c)
            .join(", "),
        ]);
    }
  }
  return { rules, positions, diagnostics };
}

/** A counted position's detail: the amount counted and why, in the sheet's language. */
function contributionDetail(
  c: { amount: string; note?: string } & Parameters<typeof contributionNote>[0],
  lang: Lang,
): string {
  const note = contributionNote(c, lang);
  if (lang === "en") return `${c.amount} EUR${note ? `: ${note}` : ""}`;
  return `${euros(c.amount, "fr")}${note ? `\u00a0: ${note}` : ""}`;
}

/**
 * Writes the report on the add-in's own sheet, found by its role property (not its name: the
 * user may rename it). The new report is built on a hidden staging sheet, in chunks, and only
 * once complete takes the place of the previous one, keeping its name. If anything fails, the
 * staging sheet is removed (or, if the previous report is already gone, promoted), so the
 * workbook holds either the previous report or the new one, complete, and no debris. Running
 * it twice gives the same workbook.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  report: Report,
  generatedAt: string,
  lang: Lang = "en",
): Promise<void> {
  await recover(context);
  try {
    await build(context, report, generatedAt, lang);
    await promote(context);
  } catch (e) {
    try {
      await recover(context);
    } catch {
      // The next run recovers: it starts with recover().
    }
    throw e;
  }
}

/** Finishes or removes what an interrupted run left. */
async function recover(context: Excel.RequestContext): Promise<void> {
  const own = await findOwnSheets(context);
  const staging = own.filter((s) => s.role === "report-staging");
  if (!staging.length) return;
  const reports = own.filter((s) => s.role === "report");
  const complete = staging.find((s) => s.state === "complete");
  if (!reports.length && complete) {
    await promote(context);
    return;
  }
  for (const s of staging) context.workbook.worksheets.getItem(s.name).delete();
  await context.sync();
}

async function build(
  context: Excel.RequestContext,
  report: Report,
  generatedAt: string,
  lang: Lang,
): Promise<void> {
  const w = SHEET_WORDS[lang];
  const name = await freeSheetName(context, STAGING_SHEET);
  const ws = context.workbook.worksheets.add(name);
  ws.customProperties.add(ROLE_KEY, "report-staging");
  ws.customProperties.add(STATE_KEY, "writing");
  ws.visibility = Excel.SheetVisibility.hidden;
  const { rules, positions, diagnostics } = reportRows(report, lang);
  ws.getRange("A1:A2").values = [
    [w.title(report.asOf)],
    [w.written(generatedAt)],
  ];
  ws.getRange("A1").format.font.bold = true;
  ws.getRange("A1").format.font.size = 14;
  await context.sync();

  const ruleTop = 3; // zero-based row of the rules' header
  const ruleHeaders = w.ruleHeaders;
  const width = ruleHeaders.length;
  // Text columns are formatted as text before writing, so a value such as "=HYPERLINK(…)" stays text.
  await writeRows(context, ws, {
    label: RULES_TABLE,
    rowIndex: ruleTop,
    columnIndex: 0,
    values: [ruleHeaders, ...rules],
    numberFormat: (r) => (r === 0 ? ruleHeaders.map(() => TEXT) : RULE_FORMATS),
  });
  const ruleRange = ws.getRangeByIndexes(ruleTop, 0, rules.length + 1, width);
  const ruleTable = ws.tables.add(ruleRange, true);
  ruleTable.name = STAGING_RULES_TABLE;
  if (rules.length) {
    const status = ws.getRangeByIndexes(ruleTop + 1, 7, rules.length, 1);
    for (const [text, fill, font] of [
      [statusLabel("breach", lang), "#FDE7E9", "#A4262C"],
      [statusLabel("warning", lang), "#FFF4CE", "#8A6100"],
      [statusLabel("incomplete", lang), "#F3E8FD", "#5C2E91"],
    ]) {
      const cf = status.conditionalFormats.add(
        Excel.ConditionalFormatType.containsText,
      );
      cf.textComparison.format.fill.color = fill;
      cf.textComparison.format.font.color = font;
      cf.textComparison.rule = {
        operator: Excel.ConditionalTextOperator.contains,
        text,
      };
    }
  }
  await context.sync();

  // Chart: each quota against its threshold, from a helper block on this sheet.
  const charted = rules.filter((r) => r[5] !== "" && r[6] !== "" && r[6] !== 0);
  const chartLeft = width + 1;
  if (charted.length) {
    await writeRows(context, ws, {
      label: REPORT_SHEET,
      rowIndex: ruleTop,
      columnIndex: chartLeft,
      values: [
        [...w.chartHeaders],
        ...charted.map((r) => [`${r[0]} · ${r[3]}`, r[5], r[6]]),
      ],
      numberFormat: [TEXT, "0.00%", "0.00%"],
    });
    const chart = ws.charts.add(
      Excel.ChartType.barClustered,
      ws.getRangeByIndexes(ruleTop, chartLeft, charted.length + 1, 3),
      Excel.ChartSeriesBy.columns,
    );
    chart.title.text = w.chartTitle;
    chart.top = 10;
    chart.left = 980;
    chart.height = Math.max(240, 18 * charted.length + 80);
    chart.width = 520;
  }

  const posTop = ruleTop + rules.length + 3;
  ws.getRangeByIndexes(posTop - 1, 0, 1, 1).values = [[w.positionsTitle]];
  ws.getRangeByIndexes(posTop - 1, 0, 1, 1).format.font.bold = true;
  await context.sync();
  await writeRows(context, ws, {
    label: POSITIONS_TABLE,
    rowIndex: posTop,
    columnIndex: 0,
    values: [w.positionHeaders, ...positions],
    numberFormat: (r) =>
      r === 0 ? w.positionHeaders.map(() => TEXT) : POSITION_FORMATS,
  });
  const posTable = ws.tables.add(
    ws.getRangeByIndexes(
      posTop,
      0,
      positions.length + 1,
      w.positionHeaders.length,
    ),
    true,
  );
  posTable.name = STAGING_POSITIONS_TABLE;
  await context.sync();

  // How each rule's numerator and denominator are reached from the fund's holdings: what a
  // depositary asks to see. Only a detailed check carries it.
  const reconciliation = reconciliationRows(report, lang);
  const recTop = posTop + positions.length + 3;
  if (reconciliation.length) {
    const headers = RECONCILIATION_HEADERS[lang];
    ws.getRangeByIndexes(recTop - 1, 0, 1, 1).values = [
      [w.reconciliationTitle],
    ];
    ws.getRangeByIndexes(recTop - 1, 0, 1, 1).format.font.bold = true;
    await context.sync();
    await writeRows(context, ws, {
      label: RECONCILIATION_TABLE,
      rowIndex: recTop,
      columnIndex: 0,
      values: [headers, ...reconciliation.map((r) => r.map((c) => c ?? ""))],
      numberFormat: (r) =>
        r === 0 ? headers.map(() => TEXT) : RECONCILIATION_FORMATS,
    });
    const recTable = ws.tables.add(
      ws.getRangeByIndexes(
        recTop,
        0,
        reconciliation.length + 1,
        headers.length,
      ),
      true,
    );
    recTable.name = STAGING_RECONCILIATION_TABLE;
  }

  // The reading problems, each naming the column by the user's own header and its cell.
  if (diagnostics.length) {
    const diagTop = reconciliation.length
      ? recTop + reconciliation.length + 3
      : recTop;
    const headers = w.diagnosticHeaders;
    ws.getRangeByIndexes(diagTop - 1, 0, 1, 1).values = [[w.diagnosticsTitle]];
    ws.getRangeByIndexes(diagTop - 1, 0, 1, 1).format.font.bold = true;
    await context.sync();
    await writeRows(context, ws, {
      label: DIAGNOSTICS_TABLE,
      rowIndex: diagTop,
      columnIndex: 0,
      values: [headers, ...diagnostics],
      numberFormat: (r) =>
        r === 0 ? headers.map(() => TEXT) : DIAGNOSTIC_FORMATS,
    });
    const diagTable = ws.tables.add(
      ws.getRangeByIndexes(diagTop, 0, diagnostics.length + 1, headers.length),
      true,
    );
    diagTable.name = STAGING_DIAGNOSTICS_TABLE;
  }
  ws.getRange(`A:${columnLetter(chartLeft + 2)}`).format.autofitColumns();
  ws.customProperties.add(STATE_KEY, "complete");
  await context.sync();
}

/**
 * The complete staging report takes the previous report's place and name, in one request:
 * delete the previous, then name the sheet and its tables, show it and mark it as the report.
 * Each step checks what is already done, so running it again after a fault finishes the job.
 */
async function promote(context: Excel.RequestContext): Promise<void> {
  const own = await findOwnSheets(context);
  const staging = own.find(
    (s) => s.role === "report-staging" && s.state === "complete",
  );
  if (!staging) return;
  const previous: OwnSheet[] = own.filter((s) => s.role === "report");
  const wished = previous[0]?.name ?? REPORT_SHEET;
  const sheets = context.workbook.worksheets;
  for (const p of previous) sheets.getItem(p.name).delete();
  await context.sync();
  const name =
    staging.name === wished ? wished : await freeSheetName(context, wished);
  const tables = sheets.getItem(staging.name).tables;
  tables.load("items/name");
  await context.sync();
  const ws = sheets.getItem(staging.name);
  ws.name = name;
  ws.visibility = Excel.SheetVisibility.visible;
  for (const t of tables.items) {
    if (t.name === STAGING_RULES_TABLE) t.name = RULES_TABLE;
    if (t.name === STAGING_POSITIONS_TABLE) t.name = POSITIONS_TABLE;
    if (t.name === STAGING_RECONCILIATION_TABLE) t.name = RECONCILIATION_TABLE;
    if (t.name === STAGING_DIAGNOSTICS_TABLE) t.name = DIAGNOSTICS_TABLE;
  }
  ws.customProperties.add(ROLE_KEY, "report");
  ws.customProperties.getItem(STATE_KEY).delete();
  ws.activate();
  await context.sync();
}
