import { breachRows, rowRuns } from "../engine/breach-rows";
import type { Report } from "../engine/result";
import { columnLetter } from "../workbook/read-table";
import type { TableLocation } from "./read-tables";

/* global Excel */

/**
 * The add-in's conditional formats carry this formula, which is always true: it is how the
 * add-in finds its own rules again and never touches the user's.
 */
export const MARKER_FORMULA = '=N("fund-quota-monitor")=0';
export const BREACH_FILL = "#FDE7E9";
export const BREACH_FONT = "#A4262C";

function tableRange(
  context: Excel.RequestContext,
  at: TableLocation,
): Excel.Range {
  const first = columnLetter(at.columnIndex);
  const last = columnLetter(at.columnIndex + at.columnCount - 1);
  return context.workbook.worksheets
    .getItem(at.sheet)
    .getRange(`${first}${at.rowIndex + 1}:${last}${at.rowIndex + at.rowCount}`);
}

/** Removes the add-in's own conditional formats from the Holdings range; three syncs, whatever the rows. */
export async function clearHighlights(
  context: Excel.RequestContext,
  at: TableLocation,
): Promise<number> {
  const formats = tableRange(context, at).conditionalFormats;
  formats.load("items/type");
  await context.sync();
  const custom = formats.items
    .filter((f) => f.type === Excel.ConditionalFormatType.custom)
    .map((f) => f.custom.rule);
  custom.forEach((rule) => rule.load("formula"));
  await context.sync();
  let removed = 0;
  formats.items
    .filter((f) => f.type === Excel.ConditionalFormatType.custom)
    .forEach((f, i) => {
      if (custom[i].formula === MARKER_FORMULA) {
        f.delete();
        removed++;
      }
    });
  await context.sync();
  return removed;
}

/** Highlights the Holdings rows that drive a breach with conditional formats, replacing the previous ones. */
export async function highlightBreaches(
  context: Excel.RequestContext,
  report: Report,
  at: TableLocation,
): Promise<number> {
  await clearHighlights(context, at);
  const sheet = context.workbook.worksheets.getItem(at.sheet);
  const first = columnLetter(at.columnIndex);
  const last = columnLetter(at.columnIndex + at.columnCount - 1);
  const runs = rowRuns(
    breachRows(report).filter(
      (r) => r > at.rowIndex + 1 && r <= at.rowIndex + at.rowCount,
    ),
  );
  for (const [from, to] of runs) {
    const cf = sheet
      .getRange(`${first}${from}:${last}${to}`)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = MARKER_FORMULA;
    cf.custom.format.fill.color = BREACH_FILL;
    cf.custom.format.font.color = BREACH_FONT;
  }
  await context.sync();
  return runs.length;
}
