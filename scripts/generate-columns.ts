// The files derived from src/workbook/columns.ts: the column tables of docs/workbook-format.md
// and the holding record builder. `npm run generate:columns` writes them; a test fails when
// either differs from what the specs give.
import {
  categoryRange,
  type ColumnSpec,
  englishLabel,
  HOLDINGS_SPEC,
  TABLE_SPECS,
  type TableSpec,
} from "../src/workbook/columns";
import { columnUse } from "../src/workbook/column-docs";
import type { TableName } from "../src/engine/model";

export const HOLDING_RECORD_FILE = "src/workbook/holding-record.ts";
export const FORMAT_DOC = "docs/workbook-format.md";

/** Enums with more values than this list them under the table. */
const LONG_ENUM = 6;

const TYPE_WORDS: Record<ColumnSpec["type"], string> = {
  text: "text",
  money: "amount",
  percent: "percent",
  date: "date",
  boolean: "yes/no",
  enum: "one of the values",
  list: "list (`;` or `,`)",
  country: "ISO country code (`FR`, `DE`…)",
  // The range is the column's own (categoryRange): see typeCell.
  category: "category",
  number: "number",
  count: "whole number",
  currency: "currency (three letters, blank = EUR)",
  datetime: "date-time",
};

function enumValues(c: ColumnSpec): string {
  return (c.enumValues ?? [])
    .map((v) => {
      const labels = c.enumLabels?.[v];
      return labels?.length ? `\`${v}\` (${labels.join(", ")})` : `\`${v}\``;
    })
    .join(", ");
}

function typeCell(c: ColumnSpec): string {
  if (c.type === "category") {
    const [first, last] = categoryRange(c);
    return `${first} to ${last}`;
  }
  if (c.type !== "enum") return TYPE_WORDS[c.type];
  return (c.enumValues ?? []).length > LONG_ENUM ? "see below" : enumValues(c);
}

function rulesCell(table: TableName, c: ColumnSpec): string {
  const rules = columnUse(table, c.name)?.rules ?? [];
  if (rules.includes("*")) return "every rule";
  return rules.length ? rules.map((r) => `\`${r}\``).join(", ") : "—";
}

/** The generated block of one table: its columns, then the values of its long enums. */
export function columnTable(spec: TableSpec): string {
  const lines = [
    "| Column | English label | French labels accepted | Type | Rules that read it | Used for |",
    "|---|---|---|---|---|---|",
  ];
  for (const c of spec.columns) {
    const usedFor = columnUse(spec.name, c.name)?.usedFor ?? "";
    const required =
      spec.required.includes(c.name) && !/required/.test(usedFor);
    lines.push(
      `| \`${c.name}\` | ${englishLabel(c)} | ${c.labels.join(", ")} | ${typeCell(c)} | ${rulesCell(spec.name, c)} | ${required ? "required; " : ""}${usedFor} |`,
    );
  }
  for (const c of spec.columns)
    if (c.type === "enum" && (c.enumValues ?? []).length > LONG_ENUM)
      lines.push(
        "",
        `**\`${c.name}\` values** (English or French): ${enumValues(c)}.`,
      );
  return lines.join("\n");
}

const start = (table: string) =>
  `<!-- columns:${table} (generated from src/workbook/columns.ts: npm run generate:columns) -->`;
const end = (table: string) => `<!-- /columns:${table} -->`;

/** The document with each table's generated block replaced; a table without its markers is left as is. */
export function withColumnTables(doc: string): string {
  let out = doc;
  for (const spec of Object.values(TABLE_SPECS)) {
    const a = out.indexOf(start(spec.name));
    const b = out.indexOf(end(spec.name));
    if (a < 0 || b < a) continue;
    out = `${out.slice(0, a)}${start(spec.name)}\n${columnTable(spec)}\n${out.slice(b)}`;
  }
  return out;
}

/** The tables whose markers the document lacks. */
export function missingColumnTables(doc: string): string[] {
  return Object.values(TABLE_SPECS)
    .filter((s) => !doc.includes(start(s.name)) || !doc.includes(end(s.name)))
    .map((s) => s.name);
}

/** The source of holding-record.ts: one object literal in the order of HOLDINGS_SPEC. */
export function holdingRecordSource(): string {
  const fields = HOLDINGS_SPEC.columns.map((c, i) =>
    c.type === "boolean" && !c.blankUnknown
      ? `    ${c.name}: v[${i}] === true,`
      : `    ${c.name}: v[${i}] as Holding["${c.name}"],`,
  );
  return [
    "// Generated from HOLDINGS_SPEC (src/workbook/columns.ts) by `npm run generate:columns`:",
    "// do not edit. One object literal keeps every holding in one shape, which keeps reading",
    "// 100,000 rows fast; the typecheck holds its fields to the Holding type.",
    'import type { Holding } from "../engine/model";',
    'import type { ReadRow } from "./read-table";',
    "",
    "/** A holding from its row's values, in the order of HOLDINGS_SPEC; a yes/no column left blank or absent is no. */",
    "export function holdingFromValues(r: ReadRow): Holding {",
    "  const v = r.values;",
    "  return {",
    "    row: r.row,",
    "    invalid: r.invalid,",
    ...fields,
    "  };",
    "}",
    "",
  ].join("\n");
}
