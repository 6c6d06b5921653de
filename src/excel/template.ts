import type { TableName } from "../engine/model";
import {
  type ColumnSpec,
  type ColumnType,
  frenchLabel,
  TABLE_SPECS,
} from "../workbook/columns";
import { columnLetter } from "../workbook/read-table";

/* global Excel */

export type Language = "en" | "fr";
export const LISTS_SHEET = "Quota lists";
const VALIDATED_ROWS = 2000;
const BOOLEAN_VALUES: Record<Language, string[]> = {
  en: ["TRUE", "FALSE"],
  fr: ["OUI", "NON"],
};

/** Where a value has several accepted French labels, the one the glossary uses. */
const GLOSSARY_LABELS: Record<string, Record<string, string>> = {
  basis: { COST: "Coût historique", FAIR: "Valeur de marché" },
};

/** Number formats by column type. Excel shows them with the user's own separators (1 234,50 in French). */
export const TEMPLATE_FORMATS: Record<
  Language,
  Partial<Record<ColumnType, string>>
> = {
  en: {
    money: "#,##0.00",
    percent: "0.00%",
    date: "yyyy-mm-dd",
    datetime: "yyyy-mm-dd hh:mm",
  },
  fr: {
    money: "#,##0.00",
    percent: "0.00%",
    date: "dd/mm/yyyy",
    datetime: "dd/mm/yyyy hh:mm",
  },
};

/** A dropdown value as the user reads it: the French label where there is one (never a code like REGULATED_MARKET). */
export function enumLabel(
  column: ColumnSpec,
  value: string,
  language: Language,
): string {
  if (language === "en") return value;
  const preferred = GLOSSARY_LABELS[column.name]?.[value];
  if (preferred) return preferred;
  return column.enumLabels?.[value]?.find((l) => /[a-zà-ÿ]/.test(l)) ?? value;
}

/** Header labels of a table in the chosen language (French labels are the first of each column's list). */
export function templateHeaders(
  table: TableName,
  language: Language,
): string[] {
  return TABLE_SPECS[table].columns.map((c) =>
    language === "fr" ? frenchLabel(c) : c.name,
  );
}

/** The dropdown values of every enum and yes/no column, one column each on the add-in's own lists sheet. */
export function templateLists(
  language: Language = "en",
): { key: string; values: string[] }[] {
  const lists: { key: string; values: string[] }[] = [
    { key: "boolean", values: BOOLEAN_VALUES[language] },
  ];
  for (const spec of Object.values(TABLE_SPECS)) {
    for (const c of spec.columns)
      if (c.type === "enum" && !lists.some((l) => l.key === c.name))
        lists.push({
          key: c.name,
          values: (c.enumValues ?? []).map((v) => enumLabel(c, v, language)),
        });
  }
  return lists;
}

/** The tables the template creates, in order: every table the product reads (Orders: WORKBOOK-FORMAT-LIVRE2 §1.4). */
export const TEMPLATE_TABLES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
  "Orders",
  "Subscribers",
  "Offers",
  "Trades",
];

/**
 * Creates the Funds, Holdings and Holders tables, the optional Orders register of SCPI and SEF
 * orders, and the Subscribers, Offers and Trades registers, with the contract's headers and dropdowns,
 * each on a new sheet. A table or sheet that already exists is left alone: the template never
 * writes over the user's data.
 */
export async function insertTemplate(
  context: Excel.RequestContext,
  language: Language,
): Promise<{ created: TableName[]; skipped: TableName[] }> {
  const lookups = TEMPLATE_TABLES.map((name) => ({
    name,
    table: context.workbook.tables.getItemOrNullObject(name),
    sheet: context.workbook.worksheets.getItemOrNullObject(name),
  }));
  const listsSheet =
    context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  await context.sync();

  const lists = templateLists(language);
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
      const numberFormat = TEMPLATE_FORMATS[language][c.type];
      if (numberFormat)
        cells.numberFormat = Array.from({ length: VALIDATED_ROWS - 1 }, () => [
          numberFormat,
        ]);
    });
    ws.getRange(`A1:${last}1`).format.autofitColumns();
    created.push(name);
  }
  await context.sync();
  return { created, skipped };
}
