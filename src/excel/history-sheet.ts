import type { Report } from "../engine/result";
import type { Lang } from "../present/format";
import { statusLabel } from "../present/report";
import {
  findOwnSheets,
  freeSheetName,
  ROLE_KEY,
  STATE_KEY,
} from "./own-sheets";
import { writeRows } from "./write-rows";

/* global Excel */

/**
 * "Freeze month-end" (Figer la fin de mois): the report's ratios are appended to the
 * `QuotaHistory` table on the add-in's own history sheet (found by its role property, never by
 * name), and each fund gets a native Excel line chart of its ratios against their thresholds
 * over the month-ends. Freezing a month again replaces that month's rows. The new sheet is
 * built whole on a hidden staging sheet and only then takes the old one's place, so a failure
 * leaves the previous history as it was.
 */

export const HISTORY_TABLE = "QuotaHistory";
const STAGING_TABLE = "QuotaHistory_writing";
export const HISTORY_ROLE = "history";
const STAGING_ROLE = "history-staging";

const WORDS = {
  en: {
    sheet: "Quota history",
    headers: ["As of", "Fund", "Rule", "Value", "Threshold", "Status"],
    chart: (fund: string) => `${fund} — ratios against their thresholds`,
    threshold: (rule: string) => `${rule} threshold`,
  },
  fr: {
    sheet: "Historique des ratios",
    headers: ["Date d'arrêté", "Fonds", "Règle", "Ratio", "Seuil", "Statut"],
    chart: (fund: string) => `${fund} — ratios au regard de leur seuil`,
    threshold: (rule: string) => `Seuil ${rule}`,
  },
} as const;

/** One row of the QuotaHistory table: ISO date, fund, rule, value, threshold, status word. */
export type HistoryRow = [
  string,
  string,
  string,
  number | "",
  number | "",
  string,
];

/** The rows a report adds to the history: every rule that has a value and a threshold. */
export function historyRows(report: Report, lang: Lang): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const f of report.funds)
    for (const r of f.rules)
      if (r.threshold !== null)
        rows.push([
          report.asOf,
          f.fundId,
          r.id,
          r.value ?? "",
          r.threshold,
          statusLabel(r.status, lang),
        ]);
  return rows;
}

/** The history's rows with this month's replaced, sorted by date, fund and rule. */
export function mergeHistory(
  old: HistoryRow[],
  added: HistoryRow[],
): HistoryRow[] {
  const dates = new Set(added.map((r) => r[0]));
  return [...old.filter((r) => !dates.has(r[0])), ...added].sort(
    (a, b) =>
      a[0].localeCompare(b[0]) ||
      a[1].localeCompare(b[1]) ||
      a[2].localeCompare(b[2]),
  );
}

/** One fund's chart data: dates down, each rule's value and threshold across. */
export function chartBlock(
  rows: HistoryRow[],
  fundId: string,
  lang: Lang,
): (string | number)[][] {
  const mine = rows.filter((r) => r[1] === fundId);
  const rules = [...new Set(mine.map((r) => r[2]))];
  const dates = [...new Set(mine.map((r) => r[0]))].sort();
  const header: (string | number)[] = [WORDS[lang].headers[0]];
  for (const rule of rules) header.push(rule, WORDS[lang].threshold(rule));
  const block: (string | number)[][] = [header];
  for (const d of dates) {
    const line: (string | number)[] = [d];
    for (const rule of rules) {
      const r = mine.find((x) => x[0] === d && x[2] === rule);
      line.push(r?.[3] ?? "", r?.[4] ?? "");
    }
    block.push(line);
  }
  return block;
}

async function readHistory(
  context: Excel.RequestContext,
): Promise<HistoryRow[]> {
  const table = context.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
  await context.sync();
  if (table.isNullObject) return [];
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();
  return (body.values as unknown[][])
    .filter((r) => r.some((c) => c !== "" && c !== null))
    .map((r) => [
      String(r[0]),
      String(r[1]),
      String(r[2]),
      typeof r[3] === "number" ? r[3] : "",
      typeof r[4] === "number" ? r[4] : "",
      String(r[5] ?? ""),
    ]);
}

/** Appends the report to the history and redraws each fund's chart; returns the rows now held. */
export async function freezeMonthEnd(
  context: Excel.RequestContext,
  report: Report,
  lang: Lang = "en",
): Promise<HistoryRow[]> {
  await removeStaging(context, lang);
  const rows = mergeHistory(
    await readHistory(context),
    historyRows(report, lang),
  );
  try {
    await build(context, rows, lang);
    await promote(context, lang);
  } catch (e) {
    try {
      await removeStaging(context);
    } catch {
      // The next freeze removes it first.
    }
    throw e;
  }
  return rows;
}

/**
 * What an interrupted freeze left: a complete staging sheet whose previous history is already
 * gone is promoted (it holds the whole history); any other staging sheet is removed.
 */
async function removeStaging(
  context: Excel.RequestContext,
  lang: Lang = "en",
): Promise<void> {
  const own = await findOwnSheets(context);
  const staging = own.filter((s) => (s.role as string) === STAGING_ROLE);
  if (!staging.length) return;
  const history = own.some((s) => (s.role as string) === HISTORY_ROLE);
  if (!history && staging.some((s) => s.state === "complete")) {
    await promote(context, lang);
    return;
  }
  for (const s of staging) context.workbook.worksheets.getItem(s.name).delete();
  await context.sync();
}

async function build(
  context: Excel.RequestContext,
  rows: HistoryRow[],
  lang: Lang,
): Promise<void> {
  const w = WORDS[lang];
  const ws = context.workbook.worksheets.add(
    await freeSheetName(context, `${w.sheet} (writing)`),
  );
  ws.customProperties.add(ROLE_KEY, STAGING_ROLE);
  ws.visibility = Excel.SheetVisibility.hidden;
  const headers = [...w.headers];
  await writeRows(context, ws, {
    label: "the quota history",
    rowIndex: 0,
    columnIndex: 0,
    values: [headers, ...rows],
    numberFormat: (r) =>
      r === 0 ? headers.map(() => "@") : ["@", "@", "@", "0.00%", "0.00%", "@"],
  });
  const table = ws.tables.add(
    ws.getRangeByIndexes(0, 0, rows.length + 1, headers.length),
    true,
  );
  table.name = STAGING_TABLE;
  await context.sync();
  // Each fund's chart data to the right of the table, one block under the other.
  const funds = [...new Set(rows.map((r) => r[1]))].sort();
  const left = headers.length + 1;
  let top = 0;
  for (const [i, fund] of funds.entries()) {
    const block = chartBlock(rows, fund, lang);
    await writeRows(context, ws, {
      label: `the chart data of ${fund}`,
      rowIndex: top,
      columnIndex: left,
      values: block,
      numberFormat: (r) =>
        r === 0
          ? block[0].map(() => "@")
          : ["@", ...block[0].slice(1).map(() => "0.00%")],
    });
    const chart = ws.charts.add(
      Excel.ChartType.line,
      ws.getRangeByIndexes(top, left, block.length, block[0].length),
      Excel.ChartSeriesBy.columns,
    );
    chart.title.text = w.chart(fund);
    chart.top = 10 + i * 260;
    chart.left = 900;
    chart.width = 520;
    chart.height = 240;
    top += block.length + 2;
  }
  ws.customProperties.add(STATE_KEY, "complete");
  await context.sync();
}

async function promote(
  context: Excel.RequestContext,
  lang: Lang,
): Promise<void> {
  const own = await findOwnSheets(context);
  const staging = own.find((s) => (s.role as string) === STAGING_ROLE);
  if (!staging) return;
  const previous = own.filter((s) => (s.role as string) === HISTORY_ROLE);
  const sheets = context.workbook.worksheets;
  for (const p of previous) sheets.getItem(p.name).delete();
  await context.sync();
  const name = await freeSheetName(
    context,
    previous[0]?.name ?? WORDS[lang].sheet,
  );
  const ws = sheets.getItem(staging.name);
  ws.name = name;
  ws.visibility = Excel.SheetVisibility.visible;
  ws.tables.getItem(STAGING_TABLE).name = HISTORY_TABLE;
  ws.customProperties.add(ROLE_KEY, HISTORY_ROLE);
  ws.customProperties.getItem(STATE_KEY).delete();
  await context.sync();
}
