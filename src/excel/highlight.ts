import { rowsDriving } from "../engine/breach-rows";
import type { Report } from "../engine/result";
import { normalizeLabel } from "../workbook/cells";
import { type CellValue, isBlank } from "../workbook/grid";
import { columnLetter } from "../workbook/read-table";
import { HOLDINGS_SPEC, headerIndex } from "../workbook/columns";
import { findOwnSheets, freeSheetName, ROLE_KEY } from "./own-sheets";
import { readRows, type TableLocation } from "./read-tables";
import { writeRows } from "./write-rows";

/* global Excel */

/**
 * Highlights follow the data: ONE conditional format over the Holdings body whose formula looks
 * the row's lineId up in the breach list, a column of the add-in's own hidden sheet reached
 * through a defined name. Sorting or filtering moves the lineIds with their rows, so the
 * painted rows stay the breaching ones (a rule per row number would stay on the numbers).
 * A defined name is used because conditional-format formulas cannot always refer to another
 * sheet directly (office-js-docs-pr, excel-add-ins-conditional-formatting; support.microsoft.com
 * "Use a formula to apply conditional formatting").
 */
export const BREACH_NAME_PREFIX = "FundQuotaMonitor_Breaches";
export const BREACH_SHEET = "Quota monitor data";
export const BREACH_FILL = "#FDE7E9";
export const BREACH_FONT = "#A4262C";
/** Earlier versions marked their per-run formats with this formula; they are removed too. */
export const MARKER_FORMULA = '=N("fund-quota-monitor")=0';

export function breachFormula(
  lineIdColumn: number,
  firstBodyRow: number,
  name: string,
): string {
  return `=ISNUMBER(MATCH($${columnLetter(lineIdColumn)}${firstBodyRow},${name},0))`;
}

const isOurs = (formula: string) =>
  formula === MARKER_FORMULA || formula.includes(BREACH_NAME_PREFIX);

interface Shape {
  /** Zero-based worksheet row of the first body row, and the body's row count. */
  bodyRowIndex: number;
  bodyRows: number;
  /** Zero-based worksheet column of lineId, or -1. */
  lineIdColumn: number;
}

/** Finds the header row (the first non-empty row, as the reader does) and the lineId column. */
async function holdingsShape(
  context: Excel.RequestContext,
  at: TableLocation,
): Promise<Shape> {
  const head = await readRows(context, {
    ...at,
    rowCount: Math.min(20, at.rowCount),
  });
  let h = 0;
  while (h < head.length && head[h].every((c) => isBlank(c as CellValue))) h++;
  const byHeader = headerIndex(HOLDINGS_SPEC);
  const col = (head[h] ?? []).findIndex(
    (c) =>
      typeof c === "string" &&
      byHeader.get(normalizeLabel(c.trim()))?.name === "lineId",
  );
  return {
    bodyRowIndex: at.rowIndex + h + 1,
    bodyRows: Math.max(0, at.rowCount - h - 1),
    lineIdColumn: col < 0 ? -1 : at.columnIndex + col,
  };
}

function bodyAddress(at: TableLocation, s: Shape): string {
  const first = columnLetter(at.columnIndex);
  const last = columnLetter(at.columnIndex + at.columnCount - 1);
  return `${first}${s.bodyRowIndex + 1}:${last}${s.bodyRowIndex + s.bodyRows}`;
}

/** The add-in's conditional formats on the Holdings body; two syncs. */
async function ourFormats(
  context: Excel.RequestContext,
  at: TableLocation,
  s: Shape,
): Promise<{ format: Excel.ConditionalFormat; formula: string }[]> {
  if (s.bodyRows === 0) return [];
  const formats = context.workbook.worksheets
    .getItem(at.sheet)
    .getRange(bodyAddress(at, s)).conditionalFormats;
  formats.load("items/type");
  await context.sync();
  const custom = formats.items.filter(
    (f) => f.type === Excel.ConditionalFormatType.custom,
  );
  const rules = custom.map((f) => {
    f.custom.rule.load("formula");
    return f.custom.rule;
  });
  await context.sync();
  return custom
    .map((format, i) => ({ format, formula: rules[i].formula }))
    .filter((f) => isOurs(f.formula));
}

async function ourNames(
  context: Excel.RequestContext,
): Promise<Excel.NamedItem[]> {
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  return names.items.filter((n) => n.name.startsWith(BREACH_NAME_PREFIX));
}

/**
 * Paints the Holdings rows that drive a breach. The new list, name and rule are written before
 * the previous ones are removed, so a refused write leaves the previous highlight in place.
 * Returns the number of Holdings rows the rule paints.
 */
export async function highlightBreaches(
  context: Excel.RequestContext,
  report: Report,
  at: TableLocation,
): Promise<number> {
  const shape = await holdingsShape(context, at);
  if (shape.lineIdColumn < 0 || shape.bodyRows === 0) {
    await clearHighlights(context, at);
    return 0;
  }
  const lineIds = (
    await readRows(
      context,
      { ...at, rowIndex: shape.bodyRowIndex, rowCount: shape.bodyRows },
      { offset: shape.lineIdColumn - at.columnIndex, count: 1 },
    )
  ).map((r) => r[0]);

  // The lineIds of the positions that drive a breach, taken from the report (rows may have
  // moved since the check), written as the cells hold them: MATCH compares numbers with
  // numbers and text with text, ignoring case.
  const norm = (v: unknown) => String(v).trim().toLowerCase();
  const breaching = new Set<string>();
  for (const fund of report.funds)
    for (const rule of fund.rules) {
      if (rule.status !== "breach") continue;
      const rows = new Set(rowsDriving(fund, rule));
      for (const p of fund.positions ?? [])
        if (rows.has(p.row)) breaching.add(norm(p.lineId));
    }
  const keys = new Map<string, string | number>();
  let painted = 0;
  for (const cell of lineIds) {
    if (isBlank(cell as CellValue)) continue;
    const k = norm(cell);
    if (!breaching.has(k)) continue;
    painted++;
    if (!keys.has(k))
      keys.set(k, typeof cell === "number" ? cell : String(cell));
  }

  // The add-in's hidden sheet holds the lists; the new one goes in the column the current rule
  // does not use.
  const own = (await findOwnSheets(context)).find(
    (s) => s.role === "breach-list",
  );
  const sheetName = own?.name ?? (await freeSheetName(context, BREACH_SHEET));
  const previous = await ourNames(context);
  const generation =
    previous.reduce(
      (g, n) =>
        Math.max(g, Number(n.name.slice(BREACH_NAME_PREFIX.length + 1)) || 0),
      0,
    ) + 1;
  const column = generation % 2;
  if (!own) {
    const ws = context.workbook.worksheets.add(sheetName);
    ws.customProperties.add(ROLE_KEY, "breach-list");
    ws.visibility = Excel.SheetVisibility.hidden;
    await context.sync();
  }
  const ws = context.workbook.worksheets.getItem(sheetName);
  ws.getRange(`${columnLetter(column)}:${columnLetter(column)}`).clear(
    Excel.ClearApplyTo.contents,
  );
  await context.sync();
  const list = [...keys.values()].map((v) => [v]);
  await writeRows(context, ws, {
    label: BREACH_SHEET,
    rowIndex: 0,
    columnIndex: column,
    values: list,
    numberFormat: (r) => [typeof list[r][0] === "number" ? "General" : "@"],
  });

  const name = `${BREACH_NAME_PREFIX}_${generation}`;
  const letter = columnLetter(column);
  context.workbook.names.add(
    name,
    ws.getRange(`${letter}1:${letter}${Math.max(1, list.length)}`),
    "Fund Quota Monitor: lineIds of the Holdings rows that drive a breach.",
  );
  const cf = context.workbook.worksheets
    .getItem(at.sheet)
    .getRange(bodyAddress(at, shape))
    .conditionalFormats.add(Excel.ConditionalFormatType.custom);
  cf.custom.rule.formula = breachFormula(
    shape.lineIdColumn,
    shape.bodyRowIndex + 1,
    name,
  );
  cf.custom.format.fill.color = BREACH_FILL;
  cf.custom.format.font.color = BREACH_FONT;
  await context.sync();

  // Only now do the previous rules and names go.
  const newFormula = breachFormula(
    shape.lineIdColumn,
    shape.bodyRowIndex + 1,
    name,
  );
  for (const f of await ourFormats(context, at, shape))
    if (f.formula !== newFormula) f.format.delete();
  for (const n of previous) n.delete();
  if (previous.length)
    ws.getRange(
      `${columnLetter(1 - column)}:${columnLetter(1 - column)}`,
    ).clear(Excel.ClearApplyTo.contents);
  await context.sync();
  return painted;
}

/** Removes the add-in's conditional formats, names and lists; the user's are left alone. */
export async function clearHighlights(
  context: Excel.RequestContext,
  at: TableLocation,
): Promise<number> {
  const shape = await holdingsShape(context, at);
  const formats = await ourFormats(context, at, shape);
  formats.forEach((f) => f.format.delete());
  for (const n of await ourNames(context)) n.delete();
  const own = (await findOwnSheets(context)).find(
    (s) => s.role === "breach-list",
  );
  if (own)
    context.workbook.worksheets
      .getItem(own.name)
      .getRange("A:B")
      .clear(Excel.ClearApplyTo.contents);
  await context.sync();
  return formats.length;
}
