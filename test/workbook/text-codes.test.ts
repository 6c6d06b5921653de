import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allKeys, keyed } from "../../src/engine/id-key";
import { TextCodes } from "../../src/workbook/text-codes";

/** The codes a Map of value → code gives, in order of first appearance. */
function byMap(values: readonly unknown[]): {
  codes: number[];
  distinct: unknown[];
} {
  const map = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const codes = values.map((v) => {
    let code = map.get(v);
    if (code === undefined) map.set(v, (code = distinct.push(v) - 1));
    return code;
  });
  return { codes, distinct };
}

const value = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 3 }),
  fc.constantFrom<unknown>(undefined, null, 0, -0, NaN, 1, true, "", "1"),
);

describe("codes of a column's values (TextCodes)", () => {
  it("gives every value the code a Map gives, and finds it again", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const t = new TextCodes();
        const { codes, distinct } = byMap(values);
        expect(values.map((v) => t.add(v))).toEqual(codes);
        expect(t.values).toEqual(distinct);
        values.forEach((v, j) => expect(t.codeOf(v)).toBe(codes[j]));
        expect(t.codeOf("never added \u0000")).toBeUndefined();
        expect(t.codeOf(2.5)).toBeUndefined();
      }),
    );
  });

  it("keeps its codes while its table grows past thousands of texts", () => {
    const t = new TextCodes();
    const texts = Array.from({ length: 50_000 }, (_, i) => `F1-I${i % 20_000}`);
    const { codes, distinct } = byMap(texts);
    expect(texts.map((v) => t.add(v))).toEqual(codes);
    expect(t.values).toEqual(distinct);
    // Equal texts that are other strings (not the same object) get the same code.
    expect(t.codeOf(["F1-I", 19_999].join(""))).toBe(19_999);
    expect(t.codeOf("F1-I20000")).toBeUndefined();
  });
});

describe("codes past what a slot of the table holds (TextCodes)", () => {
  it("gives the later texts the Map's codes, and finds every text again", () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 200 }),
        fc.nat(12),
        (values, room) => {
          // A table that codes `room` texts stands for one past 2 million: the rest go to the Map.
          const t = new TextCodes(0, room);
          const { codes, distinct } = byMap(values);
          expect(values.map((v) => t.add(v))).toEqual(codes);
          expect(t.values).toEqual(distinct);
          values.forEach((v, j) => expect(t.codeOf(v)).toBe(codes[j]));
          expect(t.codeOf("never added \u0000")).toBeUndefined();
        },
      ),
    );
  });
});

/** Value → code as a Map compares values (NaN is NaN, -0 is 0). */
const mapOf = (values: readonly unknown[]) =>
  new Map(byMap(values).distinct.map((v, code) => [v, code]));

describe("a later table taking an earlier one's slots (TextCodes)", () => {
  // Tables expecting thousands of texts share their slots: the newest takes the last one's, which
  // makes its own again from its texts when next asked. Each must still code as a Map does.
  it("leaves every table coding and finding as a Map, whichever was asked last", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            table: fc.nat(3),
            value: fc.oneof(
              value,
              fc.nat(6_000).map((i) => `I${i}`),
            ),
            lookUp: fc.boolean(),
          }),
          { maxLength: 400 },
        ),
        fc.nat(12),
        (steps, room) => {
          const tables: TextCodes[] = [];
          const seen: unknown[][] = [];
          for (const { table, value: v, lookUp } of steps) {
            // A new table (of the shared size) when this one was not made yet: it takes the slots.
            while (tables.length <= table) {
              tables.push(
                new TextCodes(5_000, tables.length === 3 ? room : undefined),
              );
              seen.push([]);
            }
            const t = tables[table];
            if (lookUp) expect(t.codeOf(v)).toBe(mapOf(seen[table]).get(v));
            else {
              seen[table].push(v);
              const { codes } = byMap(seen[table]);
              expect(t.add(v)).toBe(codes[codes.length - 1]);
            }
          }
          tables.forEach((t, k) => {
            const { distinct } = byMap(seen[k]);
            expect(t.values).toEqual(distinct);
            expect(keyed(t.values)).toBe(allKeys(seen[k]));
            const map = mapOf(seen[k]);
            for (const v of seen[k]) expect(t.codeOf(v)).toBe(map.get(v));
          });
        },
      ),
    );
  });

  it("makes its slots again when asked after a later read's table took them", () => {
    const first = new TextCodes(40_000);
    const texts = Array.from({ length: 30_000 }, (_, i) => `F1-I${i}`);
    texts.forEach((v) => first.add(v));
    const second = new TextCodes(40_000);
    expect(second.add("F1-I7")).toBe(0);
    // The first table's texts are found again, and a new one takes the next code.
    expect(first.codeOf(["F1-I", 29_999].join(""))).toBe(29_999);
    expect(first.add("a new issuer")).toBe(30_000);
    expect(first.codeOf("F1-I7")).toBe(7);
    expect(second.codeOf("F1-I7")).toBe(0);
    expect(second.codeOf("F1-I8")).toBeUndefined();
  });
});

describe("ids written as their keys (TextCodes)", () => {
  // Lowercase, spaces at the ends, letters past ASCII (é, ß, ı, ǅ), control characters.
  const id = fc.string({
    unit: fc.constantFrom(
      "A",
      "z",
      "a",
      "Z",
      " ",
      "\t",
      "é",
      "É",
      "ß",
      "ı",
      "ǅ",
      "\u0001",
      "-",
      "1",
    ),
    maxLength: 5,
  });

  it("marks its values keyed exactly when every text is written as its key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(id, fc.constant(null)), { maxLength: 30 }),
        (values) => {
          const t = new TextCodes();
          for (const v of values) t.add(v);
          expect(keyed(t.values)).toBe(allKeys(values));
        },
      ),
    );
  });
});
