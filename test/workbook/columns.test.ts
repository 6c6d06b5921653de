import { describe, expect, it } from "vitest";
import { columnTable } from "../../scripts/generate-columns";
import { tableFromValues } from "../../src/workbook/range-grid";
import { columnUse } from "../../src/workbook/column-docs";
import { readWorkbook } from "../../src/workbook/read-workbook";
import type { Amount } from "../../src/engine/amount";
import type { IsoDate } from "../../src/engine/dates";
import type { Dec } from "../../src/engine/decimal";
import type { Fund, Holder, Holding } from "../../src/engine/model";
import { ALL_RULES } from "../../src/engine/rules/registry";
import { REGISTER_RULES } from "../../src/law/registers";
import { normalizeLabel } from "../../src/workbook/cells";
import {
  type ColumnType,
  FUNDS_SPEC,
  HOLDERS_SPEC,
  HOLDINGS_SPEC,
  headerIndex,
  TABLE_SPECS,
} from "../../src/workbook/columns";

/*
 * Compile-time: the model's record types and the column specs agree. A column added to a spec
 * without its field in src/engine/model.ts (or the reverse), or a field whose type is not what
 * the column's type reads, fails `npm run typecheck`.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Columns<S> = S extends { columns: readonly (infer C)[] } ? C : never;
type Fields<R> = Exclude<keyof R, "row" | "invalid">;
/** What the reader gives for a column of each type. */
interface ReadAs {
  text: string;
  money: Amount;
  percent: Dec;
  date: IsoDate;
  boolean: boolean;
  enum: string;
  list: string[];
  country: string;
  category: number;
  number: Dec;
  count: number;
  currency: string;
  datetime: string;
}
type TypesAgree<S, R> = {
  [C in Columns<S> as C extends { name: infer N extends string } ? N : never]: C extends {
    name: infer N extends keyof R;
    type: infer T extends ColumnType;
  }
    ? NonNullable<R[N]> extends ReadAs[T]
      ? true
      : false
    : false;
};
type AllTrue<T> = T[keyof T] extends true ? true : false;

const fundNames: Equal<Columns<typeof FUNDS_SPEC>["name"], Fields<Fund>> = true;
const holdingNames: Equal<Columns<typeof HOLDINGS_SPEC>["name"], Fields<Holding>> = true;
const holderNames: Equal<Columns<typeof HOLDERS_SPEC>["name"], Fields<Holder>> = true;
const fundTypes: AllTrue<TypesAgree<typeof FUNDS_SPEC, Fund>> = true;
const holdingTypes: AllTrue<TypesAgree<typeof HOLDINGS_SPEC, Holding>> = true;
const holderTypes: AllTrue<TypesAgree<typeof HOLDERS_SPEC, Holder>> = true;

describe("one description of the columns", () => {
  it("the model's types agree with the specs (checked by the typecheck)", () => {
    expect([fundNames, holdingNames, holderNames, fundTypes, holdingTypes, holderTypes]).toEqual([true, true, true, true, true, true]);
  });

  for (const spec of Object.values(TABLE_SPECS))
    it(`every ${spec.name} column has its English label, its French label, the rules that read it and its use`, () => {
      for (const c of spec.columns) {
        expect(c.en, `${spec.name}.${c.name}: add it to COLUMN_ENGLISH`).toBeTruthy();
        expect(c.labels.length, `${spec.name}.${c.name}: a French label`).toBeGreaterThan(0);
        expect(columnUse(spec.name, c.name)?.rules, `${spec.name}.${c.name}: rules (column-docs.ts)`).toBeDefined();
        expect(columnUse(spec.name, c.name)?.usedFor, `${spec.name}.${c.name}: use (column-docs.ts)`).toBeTruthy();
      }
    });

  it("a column the Subscribers and Offers registers share (currency, fxRate) shows each register's own rules", () => {
    // One spec object serves both tables: its rules are the table's, not the last table's.
    const line = (table: "Subscribers" | "Offers", column: string) =>
      columnTable(TABLE_SPECS[table]).split("\n").find((l) => l.startsWith(`| \`${column}\``))!;
    for (const column of ["currency", "fxRate"]) {
      expect(line("Subscribers", column)).toContain("`FCPRA-ELIG`, `OFF-100K-INV`");
      expect(line("Offers", column)).toContain("`OFF-8M`, `OFF-12M`");
    }
  });

  it("the rules a column names exist", () => {
    const ids = new Set([...ALL_RULES, ...REGISTER_RULES].map((r) => r.id));
    for (const spec of Object.values(TABLE_SPECS))
      for (const c of spec.columns)
        for (const r of columnUse(spec.name, c.name)?.rules ?? []) if (r !== "*") expect(ids, `${spec.name}.${c.name}`).toContain(r);
  });

  it("no header of a table can mean two columns", () => {
    for (const spec of Object.values(TABLE_SPECS)) {
      const seen = new Map<string, string>();
      for (const c of spec.columns)
        for (const label of [c.name, ...c.labels, c.en ?? c.name]) {
          const key = normalizeLabel(label);
          expect(seen.get(key) ?? c.name, `${spec.name}: ${label}`).toBe(c.name);
          seen.set(key, c.name);
        }
    }
  });

  it("the reader accepts each column by its name, its English label and every French label", () => {
    for (const spec of Object.values(TABLE_SPECS)) {
      const index = headerIndex(spec);
      for (const c of spec.columns)
        for (const label of [c.name, c.en ?? c.name, ...c.labels]) expect(index.get(normalizeLabel(label))?.name, label).toBe(c.name);
    }
  });
});

describe("category columns: the range the reader accepts is the one the docs show", () => {
  const read = (column: string, values: unknown[]) =>
    readWorkbook({
      Funds: tableFromValues("Funds", [["fundId", "fundType"], ["S", "SCPI"]]),
      Holdings: tableFromValues("Holdings", [["fundId", "assetClass", "fairValue", column], ...values.map((v) => ["S", "REAL_ESTATE", 1, v])]),
    });

  it("scpiCategory: 0 to 6 (WORKBOOK-FORMAT-LIVRE2 §1.3, « 0 (Aucune) »); 7 is unreadable", () => {
    const m = read("scpiCategory", [0, 6, 7]);
    expect(m.holdings.map((h) => h.scpiCategory)).toEqual([0, 6, undefined]);
    expect(m.diagnostics.filter((d) => d.column === "scpiCategory").map((d) => d.row)).toEqual([4]);
    expect(columnTable(HOLDINGS_SPEC)).toContain("| `scpiCategory` | SCPI category | Catégorie SCPI | 0 to 6 |");
  });

  it("opciCategory: 1 to 10 (the items of L. 214-36 I); 0 and 11 are unreadable", () => {
    const m = read("opciCategory", [1, 10, 0, 11]);
    expect(m.holdings.map((h) => h.opciCategory)).toEqual([1, 10, undefined, undefined]);
    expect(columnTable(HOLDINGS_SPEC)).toContain("| `opciCategory` | OPCI category | Catégorie OPCI | 1 to 10 |");
  });
});
