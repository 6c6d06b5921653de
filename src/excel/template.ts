import type { TableName } from "../engine/model";
import { TABLE_SPECS } from "../workbook/columns";
import { columnLetter } from "../workbook/read-table";

/* global Excel */

export type Language = "en" | "fr";
export const LISTS_SHEET = "Quota lists";
const VALIDATED_ROWS = 2000;
const BOOLEAN_VALUES = ["TRUE", "FALSE"];

/** Header labels of a table in the chosen language (French labels are the first of each column's list). */
export function templateHeaders(
  table: TableName,
  language: Language,
): string[] {
  return TABLE_SPECS[table].columns.map((c) =>
    language === "fr" && c.labels[0] ? c.labels[0] : c.name,
  );
}

/** The dropdown values of every enum and yes/no column, one column each on the add-in's own lists sheet. */
export function templateLists(): { key: string; values: string[] }[] {
  const lists: { key: string; values: string[] }[] = [
    { key: "boolean", values: BOOLEAN_VALUES },
  ];
  for (const spec of Object.values(TABLE_SPECS)) {
    for (const c of spec.columns)
      if (c.type === "enum" && !lists.some((l) => l.key === c.name))
        lists.push({ key: c.name, values: [...(c.enumValues ?? [])] });
  }
  return lists;
}

/**
 * Creates the Funds, Holdings and Holders tables with the contract's headers and dropdowns,
 * each on a new sheet. A table or sheet that already exists is left alone: the template never
 * writes over the user's data.
 */
export async function insertTemplate(
  context: Excel.RequestContext,
  language: Language,
): Promise<{ created: TableName[]; skipped: TableName[] }> {
  const names: TableName[] = ["Funds", "Holdings", "Holders"];
  const lookups = names.map((name) => ({
    name,
    table: context.workbook.tables.getItemOrNullObject(name),
    sheet: context.workbook.worksheets.getItemOrNullObject(name),
  }));
  const listsSheet =
    context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  await context.sync();

  const lists = templateLists();
  let listsTarget = listsSheet;
  if (listsSheet.isNullObject) {
    listsTarget = context.workbook.worksheets.add(LISTS_SHEET);
    lists.forEach((l, i) => {
      const col = columnLetter(i);
      listsTarget.getRange(`${col}1:${col}${l.values.length + 1}`).values = [
        [l.key],
        ...l.values.map((v) => [v]),
      ];
    });
    listsTarget.visibility = Excel.SheetVisibility.hidden;
  }
  const listRef = (key: string) => {
    const i = lists.findIndex((l) => l.key === key);
    const col = columnLetter(i);
    return `='${LISTS_SHEET}'!$${col}$2:$${col}$${lists[i].values.length + 1}`;
  };

  const created: TableName[] = [];
  const skipped: TableName[] = [];
  for (const { name, table, sheet } of lookups) {
    if (!table.isNullObject || !sheet.isNullObject) {
      skipped.push(name);
      continue;
    }
    const ws = context.workbook.worksheets.add(name);
    const headers = templateHeaders(name, language);
    const last = columnLetter(headers.length - 1);
    ws.getRange(`A1:${last}1`).values = [headers];
    const t = ws.tables.add(`A1:${last}2`, true);
    t.name = name;
    TABLE_SPECS[name].columns.forEach((c, i) => {
      const col = columnLetter(i);
      const cells = ws.getRange(`${col}2:${col}${VALIDATED_ROWS}`);
      if (c.type === "enum")
        cells.dataValidation.rule = {
          list: { inCellDropDown: true, source: listRef(c.name) },
        };
      if (c.type === "boolean")
        cells.dataValidation.rule = {
          list: { inCellDropDown: true, source: listRef("boolean") },
        };
      if (c.type === "percent")
        cells.numberFormat = Array.from({ length: VALIDATED_ROWS - 1 }, () => [
          "0.00%",
        ]);
      if (c.type === "money")
        cells.numberFormat = Array.from({ length: VALIDATED_ROWS - 1 }, () => [
          "#,##0.00",
        ]);
      if (c.type === "date")
        cells.numberFormat = Array.from({ length: VALIDATED_ROWS - 1 }, () => [
          "yyyy-mm-dd",
        ]);
    });
    ws.getRange(`A1:${last}1`).format.autofitColumns();
    created.push(name);
  }
  await context.sync();
  return { created, skipped };
}
