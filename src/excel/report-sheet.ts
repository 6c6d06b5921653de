import { RULE_HEADERS } from "../engine/report-columns";
import type { Report } from "../engine/result";

export { RULE_HEADERS };
import { columnLetter } from "../workbook/read-table";

/* global Excel */

export const REPORT_SHEET = "Quota report";
const STAGING_SHEET = "Quota report (writing)";

export const POSITION_HEADERS = [
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
const TEXT = "@";

/** One number format per cell, as Office.js expects for a range of several cells. */
function formats(rows: number, row: string[]): string[][] {
  return Array.from({ length: rows }, () => row);
}

/** The report as the rows of the sheet: rules first, then every position's outcome. */
export function reportRows(report: Report): {
  rules: (string | number)[][];
  positions: (string | number)[][];
} {
  const rules: (string | number)[][] = [];
  const positions: (string | number)[][] = [];
  for (const f of report.funds) {
    for (const r of f.rules) {
      rules.push([
        f.fundId,
        f.fundName ?? "",
        f.fundType ?? "",
        r.id,
        r.article,
        r.value ?? "",
        r.threshold ?? "",
        r.status + (r.partial ? " (partial)" : ""),
        r.headroom === null ? "" : Number(r.headroom),
        r.message ?? "",
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
          "counted",
          c.article,
          `${c.amount} EUR${c.note ? `: ${c.note}` : ""}`,
        ]);
      for (const e of p.excluded)
        positions.push([
          ...base,
          e.rule,
          "excluded",
          e.article ?? "",
          e.reason,
        ]);
      if (!p.counted.length && !p.excluded.length)
        positions.push([
          ...base,
          "",
          p.unreadable?.length ? "unreadable" : "not concerned",
          "",
          p.unreadable?.join(", ") ?? "",
        ]);
    }
  }
  return { rules, positions };
}

/**
 * Writes the report on the add-in's own sheet. It is built on a staging sheet first and only
 * then takes the place of the previous report, so a failure halfway leaves that one intact.
 * A constant number of syncs, whatever the number of funds and positions.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  report: Report,
  generatedAt: string,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const leftover = sheets.getItemOrNullObject(STAGING_SHEET);
  await context.sync();
  if (!leftover.isNullObject) leftover.delete();

  const ws = sheets.add(STAGING_SHEET);
  const { rules, positions } = reportRows(report);
  ws.getRange("A1:A2").values = [
    [`Fund Quota Monitor — quota report as of ${report.asOf}`],
    [
      `Written ${generatedAt}. This sheet belongs to the add-in: "Write report" replaces it.`,
    ],
  ];
  ws.getRange("A1").format.font.bold = true;
  ws.getRange("A1").format.font.size = 14;

  const ruleTop = 4;
  const width = RULE_HEADERS.length;
  const ruleRange = ws.getRange(
    `A${ruleTop}:${columnLetter(width - 1)}${ruleTop + rules.length}`,
  );
  // Text columns are formatted as text before writing, so a value such as "=HYPERLINK(…)" stays text.
  for (const c of [0, 1, 2, 3, 4, 7, 9])
    ws.getRange(
      `${columnLetter(c)}${ruleTop}:${columnLetter(c)}${ruleTop + rules.length}`,
    ).numberFormat = formats(rules.length + 1, [TEXT]);
  ruleRange.values = [RULE_HEADERS, ...rules];
  if (rules.length) {
    ws.getRange(`F${ruleTop + 1}:G${ruleTop + rules.length}`).numberFormat =
      formats(rules.length, ["0.00%", "0.00%"]);
    ws.getRange(`I${ruleTop + 1}:I${ruleTop + rules.length}`).numberFormat =
      formats(rules.length, ["#,##0.00"]);
    const status = ws.getRange(`H${ruleTop + 1}:H${ruleTop + rules.length}`);
    for (const [text, fill, font] of [
      ["breach", "#FDE7E9", "#A4262C"],
      ["warning", "#FFF4CE", "#8A6100"],
      ["incomplete", "#F3E8FD", "#5C2E91"],
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
  const ruleTable = ws.tables.add(ruleRange, true);

  // Chart: each quota against its threshold, from a helper block on this sheet.
  const charted = rules.filter((r) => r[5] !== "" && r[6] !== "" && r[6] !== 0);
  const chartLeft = width + 1;
  if (charted.length) {
    const cols = `${columnLetter(chartLeft)}${ruleTop}:${columnLetter(chartLeft + 2)}${ruleTop + charted.length}`;
    const block = ws.getRange(cols);
    block.numberFormat = formats(charted.length + 1, [TEXT, "0.00%", "0.00%"]);
    block.values = [
      ["Fund · rule", "Value", "Threshold"],
      ...charted.map((r) => [`${r[0]} · ${r[3]}`, r[5], r[6]]),
    ];
    const chart = ws.charts.add(
      Excel.ChartType.barClustered,
      block,
      Excel.ChartSeriesBy.columns,
    );
    chart.title.text = "Quotas against their thresholds";
    chart.top = 10;
    chart.left = 980;
    chart.height = Math.max(240, 18 * charted.length + 80);
    chart.width = 520;
  }

  const posTop = ruleTop + rules.length + 3;
  ws.getRange(`A${posTop - 1}`).values = [["Positions"]];
  ws.getRange(`A${posTop - 1}`).format.font.bold = true;
  const posRange = ws.getRange(
    `A${posTop}:${columnLetter(POSITION_HEADERS.length - 1)}${posTop + positions.length}`,
  );
  for (const c of [0, 2, 3, 4, 6, 7, 8, 9])
    ws.getRange(
      `${columnLetter(c)}${posTop}:${columnLetter(c)}${posTop + positions.length}`,
    ).numberFormat = formats(positions.length + 1, [TEXT]);
  posRange.values = [POSITION_HEADERS, ...positions];
  if (positions.length)
    ws.getRange(`F${posTop + 1}:F${posTop + positions.length}`).numberFormat =
      formats(positions.length, ["#,##0.00"]);
  const posTable = ws.tables.add(posRange, true);
  ws.getRange(`A:${columnLetter(chartLeft + 2)}`).format.autofitColumns();
  await context.sync();

  // Only now does the new report take the place of the old one.
  const previous = sheets.getItemOrNullObject(REPORT_SHEET);
  await context.sync();
  if (!previous.isNullObject) previous.delete();
  ws.name = REPORT_SHEET;
  // Table names are unique in a workbook: named once the previous report is gone.
  ruleTable.name = "QuotaReportRules";
  posTable.name = "QuotaReportPositions";
  ws.activate();
  await context.sync();
}
