import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOLDINGS_SPEC } from "../../src/workbook/columns";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { IN_COLUMNS, type HoldingColumns, type InColumns } from "../../src/engine/model";
import { toHolding } from "../../src/workbook/read-workbook";
import { readTable } from "../../src/workbook/read-table";
import { readHoldingsColumns } from "../../src/workbook/read-columns";
import { tableFromValues } from "../../src/workbook/range-grid";
import { TextCodes } from "../../src/workbook/text-codes";
import { RUNS } from "./arbitraries";

/**
 * The columns rules group rows by (fundId, issuerId) are coded in the read's row pass, however
 * many distinct texts they hold. Their codes must give, row for row, the value the row reader
 * gives (what a Map over the rows' values would code), with each value once in the dictionary.
 */
const GROUPED = ["fundId", "issuerId"] as const;
const HEADERS: CellValue[] = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "ownershipPct"];

/** The read's coded column, checked against the row reader's values. */
function expectCodesOf(raw: RawTable): void {
  const byRows = readTable(raw, HOLDINGS_SPEC).rows.map(toHolding);
  const read = readHoldingsColumns(raw);
  expect(read.holdings.length).toBe(byRows.length);
  if (byRows.length === 0) return;
  const columns = (read.holdings[0] as InColumns)[IN_COLUMNS] as HoldingColumns;
  for (const name of GROUPED) {
    const coded = columns.coded(name)!;
    // A Map of the values in row order: the reference.
    const reference = new Map<unknown, number>();
    byRows.forEach((h) => reference.has(h[name]) || reference.set(h[name], reference.size));
    const { codes, values } = coded;
    expect(new Set(values).size).toBe(values.length);
    // At most the blank besides the rows' values (a coded column's code 0 stands for blank).
    expect(values.length).toBeLessThanOrEqual(reference.size + 1);
    // Codes wide enough for the values (a code cut to a byte would name another value).
    expect(values.length <= 256 || !(codes instanceof Uint8Array)).toBe(true);
    expect(values.length <= 65536 || codes instanceof Uint32Array).toBe(true);
    byRows.forEach((h, j) => {
      expect(values[codes[j]], `${name} of row ${j}`).toBe(h[name]);
      expect(coded.codeOf(h[name])).toBe(codes[j]);
    });
    expect(coded.codeOf("never in the column \u0000")).toBeUndefined();
  }
}

/** Texts of an id column: clean ids (many or few distinct), repeats, padded, blank, errors and non-texts. */
const idCell = (distinct: number): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat(distinct).map((i) => `I${i}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<CellValue>(null, undefined, "", "  ", " I1 ", "I1 ", "\tI2", "#N/A", "#ref", { error: "#VALUE!" }, 12, 0, true, "É1", "I1"),
    },
  );

/** Rows of the grid: ids, and some rows that are read alone (an unreadable amount, a blank class: a totals row on a sheet). */
const rowsOf = (distinct: number, maxRows: number) =>
  fc.array(
    fc.tuple(idCell(4), fc.nat(3), idCell(distinct), fc.constantFrom<CellValue>("EQUITY", "OTHER_DEBT", null), fc.constantFrom<CellValue>(100.25, 7, "abc", null, { error: "#N/A" }), fc.constantFrom<CellValue>(0.1, null)),
    { maxLength: maxRows },
  ).map((rows) =>
    rows.map(([fund, line, issuer, cls, cost, share], i): CellValue[] => [fund, line === 0 ? null : `L${i}`, issuer, cls, cost, share]),
  );

describe("ids coded in the read's row pass (property)", () => {
  it("give each row the row reader's value, each value once, on a grid and on rows, as a table or a sheet", () => {
    fc.assert(
      fc.property(fc.constantFrom(3, 40, 2000), fc.boolean(), fc.boolean(), (distinct, sheet, onGrid) => {
        return fc.assert(
          fc.property(rowsOf(distinct, 400), (rows) => {
            const source = sheet ? "sheet" : "table";
            const raw: RawTable = onGrid
              ? Object.assign(tableFromValues("Holdings", [HEADERS, ...rows], 1), { source })
              : { name: "Holdings", source, sheet: "Holdings", headerRowNumber: 1, firstColumn: 0, headers: HEADERS, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) };
            expectCodesOf(raw);
          }),
          { numRuns: 20, seed: RUNS.seed },
        );
      }),
      { numRuns: 12, seed: RUNS.seed },
    );
  });

  it("widens its codes past 256 and 65,536 distinct ids, when the first rows repeat and later ones do not", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 70_000; i++) {
      // The first rows repeat a few ids (the table is sized for few); then each row has its own.
      const issuer = i < 300 ? `I${i % 3}` : i % 101 === 0 ? (i % 202 ? null : ` P${i} `) : `I${i}`;
      rows.push([`F${i % 2}`, `L${i}`, issuer, i % 1009 === 0 ? null : "EQUITY", i % 997 === 0 ? "abc" : i + 0.5, 0.1]);
    }
    for (const source of ["table", "sheet"] as const) {
      const raw = tableFromValues("Holdings", [HEADERS, ...rows], 1);
      raw.source = source;
      expectCodesOf(raw);
    }
  });

  it("tells apart ids of the same hash", () => {
    // FNV-1a gives "I7914" and "I161100" (and the next two pairs) the same 32-bit hash.
    const ids = ["I7914", "I161100", "I7915", "I161101", "I7914", "I7916", "I161102", "I161100"];
    const rows = ids.map((id, i): CellValue[] => ["F1", `L${i}`, id, "EQUITY", i, null]);
    expectCodesOf(tableFromValues("Holdings", [HEADERS, ...rows], 1));
    const t = new TextCodes();
    expect(ids.map((id) => t.add(id))).toEqual([0, 1, 2, 3, 0, 4, 5, 1]);
  });

  it("codes one id per row from the start when the first rows already have many", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 3000; i++) rows.push(["F1", `L${i}`, i % 50 === 0 ? "" : `E${i}`, "EQUITY", i, null]);
    expectCodesOf(tableFromValues("Holdings", [HEADERS, ...rows], 1));
  });
});

describe("a text column read in place, coded when a rule asks", () => {
  it("gives each row the row reader's value (issuer names, line ids: not grouped, read in place from the grid)", () => {
    const headers: CellValue[] = ["fundId", "lineId", "issuerId", "issuerName", "assetClass", "costValue"];
    const rows: CellValue[][] = [];
    for (let i = 0; i < 3000; i++)
      rows.push(["F1", i % 41 === 0 ? null : `L${i}`, `I${i % 50}`, i % 13 === 0 ? [" N1 ", "", "#N/A", 7, null][i % 5] : `Name ${i % 900}`, "EQUITY", i]);
    const raw = tableFromValues("Holdings", [headers, ...rows], 1);
    const byRows = readTable(tableFromValues("Holdings", [headers, ...rows], 1), HOLDINGS_SPEC).rows.map(toHolding);
    const read = readHoldingsColumns(raw);
    const columns = (read.holdings[0] as InColumns)[IN_COLUMNS] as HoldingColumns;
    for (const name of ["issuerName", "lineId"] as const) {
      const { codes, values, codeOf } = columns.coded(name)!;
      expect(new Set(values).size).toBe(values.length);
      byRows.forEach((h, j) => {
        expect(values[codes[j]]).toBe(h[name]);
        expect(codeOf(h[name])).toBe(codes[j]);
      });
    }
  });
});

describe("a table of codes sized for the texts expected (TextCodes)", () => {
  it("gives the codes a Map gives, whatever the size expected, values asked between adds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(600).map((i) => `T${i}`), fc.constantFrom<unknown>(undefined, null, 0, -0, NaN, "", " ")), { maxLength: 2000 }),
        fc.constantFrom(0, 1, 10, 300, 5000, 100_000),
        fc.nat(2000),
        (values, expected, askAt) => {
          const t = new TextCodes(expected);
          // A Map's keys make -0 into 0: the values as first added are kept apart.
          const map = new Map<unknown, number>();
          const first: unknown[] = [];
          values.forEach((v, j) => {
            if (!map.has(v)) map.set(v, first.push(v) - 1);
            expect(t.add(v)).toBe(map.get(v));
            expect(t.size).toBe(map.size);
            // The values asked (cut to their number) while adding, then more added.
            if (j === askAt) expect(t.values).toEqual(first);
          });
          expect(t.values).toEqual(first);
          first.forEach((v, code) => {
            expect(t.codeOf(v)).toBe(code);
            expect(t.at(code)).toBe(v);
          });
          expect(t.codeOf("T601")).toBeUndefined();
        },
      ),
      RUNS,
    );
  });
});
