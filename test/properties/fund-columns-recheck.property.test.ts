import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AmountChange,
  FundColumns,
  INVALID,
  type MemoField,
  recordEdit,
} from "../../src/engine/fund-columns";
import type { Holding } from "../../src/engine/model";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";

// An edited fund's columns are patched from its previous version's (src/engine/fund-columns.ts):
// here, after any sequence of edits, with any columns and memos made before, they must be exactly
// the columns made anew from the same holdings (codes, values, amounts, unreadable rows), and a
// memo carried over must be what it works out again.

const HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "assetClass",
  "costValue",
  "fairValue",
  "listingStatus",
  "investmentDate",
  "disposalDate",
  "lookThroughPct",
  "entityOecd",
  "ownershipPct",
];
const CODED = [
  "issuerId",
  "assetClass",
  "listingStatus",
  "investmentDate",
  "disposalDate",
  "lookThroughPct",
  "entityOecd",
  "ownershipPct",
] as const;
const AMOUNTS = ["costValue", "fairValue", "marketCap"] as const;

const cell = (column: string): fc.Arbitrary<CellValue> =>
  column === "issuerId"
    ? fc.constantFrom<CellValue>("I1", "I2", "I3", null)
    : column === "assetClass"
      ? fc.constantFrom<CellValue>(
          "EQUITY",
          "OTHER_DEBT",
          "CASH",
          "bogus",
          null,
        )
      : column === "costValue" || column === "fairValue"
        ? fc.oneof(
            fc.integer({ min: -10, max: 1000 }),
            fc.constantFrom<CellValue>(1e21, "x", null),
          )
        : column === "listingStatus"
          ? fc.constantFrom<CellValue>("UNLISTED", "REGULATED", null)
          : column === "investmentDate" || column === "disposalDate"
            ? fc.constantFrom<CellValue>(44000, 46500, "x", null)
            : column === "lookThroughPct" || column === "ownershipPct"
              ? fc.constantFrom<CellValue>(0.6, 0.05, null)
              : column === "entityOecd"
                ? fc.constantFrom<CellValue>(true, false, "oui", "x", null)
                : fc.constant<CellValue>("F1");
const row = fc.tuple(...HEADERS.map(cell));

const read = (rows: CellValue[][]): Holding[] => {
  const table: RawTable = {
    name: "Holdings",
    source: "table",
    sheet: "Holdings",
    headerRowNumber: 1,
    firstColumn: 0,
    headers: HEADERS,
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
  };
  const funds: RawTable = {
    name: "Funds",
    source: "table",
    sheet: "Funds",
    headerRowNumber: 1,
    firstColumn: 0,
    headers: ["fundId", "fundType"],
    rows: [{ rowNumber: 2, cells: ["F1", "FCPR"] }],
  };
  return readWorkbook({ Funds: funds, Holdings: table }).holdings;
};

/** A memo that reads its fields row by row: carried over, it must equal what it works out again. */
const MEMOS: Record<string, readonly MemoField[]> = {
  classes: ["assetClass"],
  dates: ["investmentDate", "disposalDate"],
  invalid: [INVALID],
  both: ["assetClass", "listingStatus", INVALID],
};
const memoOf = (holdings: readonly Holding[], fields: readonly MemoField[]) =>
  holdings.map((h) =>
    fields
      .map((f) => (f === INVALID ? [...h.invalid].sort().join() : String(h[f])))
      .join("|"),
  );

/**
 * A summing memo: the cost in millionths by class, of the rows whose cost is a number; carried
 * over an edit of costs only, it is patched with the edited rows' differences.
 */
type ByClass = Record<string, bigint>;
const sumsOf = (columns: FundColumns): ByClass => {
  const sums: ByClass = {};
  const cost = columns.millionths("costValue");
  columns.holdings.forEach((h, k) => {
    if (cost[k] === cost[k])
      sums[String(h.assetClass)] =
        (sums[String(h.assetClass)] ?? 0n) + BigInt(cost[k]);
  });
  return sums;
};
const summed = (columns: FundColumns) =>
  columns.summing(
    "sums",
    ["assetClass"],
    "costValue",
    () => sumsOf(columns),
    (previous: ByClass, { slots, before, after }: AmountChange) => {
      const sums = { ...previous };
      // before[s] is slots[s]'s amount before the edit; a slot may be given twice.
      const seen = new Set<number>();
      for (let s = 0; s < slots.length; s++) {
        const k = slots[s];
        if (seen.has(k)) continue;
        seen.add(k);
        const cls = String(columns.holdings[k].assetClass);
        if (before[s] !== before[s] || after[k] !== after[k]) return undefined;
        sums[cls] += BigInt(after[k]) - BigInt(before[s]);
      }
      return sums;
    },
  );

function sameColumns(
  got: FundColumns,
  fresh: FundColumns,
  holdings: readonly Holding[],
): void {
  const n = holdings.length;
  for (const name of CODED) {
    const a = got.coded(name);
    const b = fresh.coded(name);
    expect([...a.codes.subarray(0, n)]).toEqual([...b.codes.subarray(0, n)]);
    expect(a.values.length).toBe(b.values.length);
    a.values.forEach((v, i) => expect(Object.is(v, b.values[i])).toBe(true));
    holdings.forEach((h, k) =>
      expect(Object.is(a.values[a.codes[k]], h[name])).toBe(true),
    );
  }
  for (const name of AMOUNTS) {
    expect([...got.millionths(name).subarray(0, n)]).toEqual([
      ...fresh.millionths(name).subarray(0, n),
    ]);
    // A number is the holding's own amount (a read's amounts are never written to); NaN says to
    // read the holding's field.
    const m = got.millionths(name);
    holdings.forEach((h, k) => {
      if (m[k] === m[k]) expect(BigInt(m[k])).toBe(h[name]);
    });
  }
  expect([...got.withInvalid()]).toEqual([...fresh.withInvalid()]);
  for (const [key, fields] of Object.entries(MEMOS))
    expect(got.memo(key, fields, () => memoOf(holdings, fields))).toEqual(
      memoOf(holdings, fields),
    );
  expect(summed(got)).toEqual(sumsOf(fresh));
}

describe("an edited fund's columns patched from the previous version's (property)", () => {
  it("are the columns made anew, after any edits, whatever the previous version had made", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.array(row, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.array(
          fc.record({
            slots: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
            // Each replacement: a holding of another read (an edited row), the read's own, or
            // the same row read again (the same fields, no longer of the read).
            from: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
            fromRead: fc.array(fc.constantFrom("own", "edited", "twin"), {
              minLength: 3,
              maxLength: 3,
            }),
            made: fc.subarray([
              ...CODED,
              ...AMOUNTS,
              INVALID,
              ...Object.keys(MEMOS),
              "sums",
            ]),
            checked: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (rows, editedRows, inOrder, steps) => {
          const own = read(rows);
          const edited = read(editedRows);
          const twin = read(rows);
          // The fund's list: the read's holdings in order (its columns are the read's), or not.
          let list: Holding[] = inOrder ? own.slice() : own.slice().reverse();
          let columns = FundColumns.of(list);
          let previousList = list;
          for (const step of steps) {
            // What the previous version made is what gets patched.
            for (const name of step.made)
              if (name === INVALID) columns.withInvalid();
              else if ((AMOUNTS as readonly string[]).includes(name))
                columns.millionths(name as (typeof AMOUNTS)[number]);
              else if (name in MEMOS)
                columns.memo(name, MEMOS[name], () =>
                  memoOf(columns.holdings, MEMOS[name]),
                );
              else if (name === "sums") summed(columns);
              else columns.coded(name as (typeof CODED)[number]);
            const next = list.slice();
            const slots = step.slots.map((s) => s % list.length);
            slots.forEach((k, s) => {
              const j = step.from[s];
              next[k] =
                step.fromRead[s] === "own"
                  ? own[j % own.length]
                  : step.fromRead[s] === "edited"
                    ? edited[j % edited.length]
                    : // The twin of the holding in the slot, when the slot holds one of the read's.
                      (twin[own.indexOf(list[k])] ?? twin[j % twin.length]);
            });
            recordEdit(next, list, slots);
            list = next;
            // A version not checked passes its edit on to the next.
            if (!step.checked) continue;
            const [before, beforeList] = [columns, previousList];
            columns = FundColumns.of(list);
            expect(FundColumns.of(list)).toBe(columns);
            sameColumns(columns, new FundColumns(list), list);
            // The previous version, asked again, still gives its own (its amounts may have been taken).
            sameColumns(before, new FundColumns(beforeList), beforeList);
            // Another edit of the previous version (a second branch) leaves this one's columns as they are.
            const sibling = beforeList.slice();
            sibling[0] = edited[0];
            recordEdit(sibling, beforeList, [0]);
            sameColumns(
              FundColumns.of(sibling),
              new FundColumns(sibling),
              sibling,
            );
            sameColumns(columns, new FundColumns(list), list);
            previousList = list;
          }
        },
      ),
      RUNS,
    );
  });

  it("works a summing memo out again when an edited row leaves the read with the same amount", () => {
    // The read holds an amount past 2^53, so its costs are read as fields (NaN in millionths);
    // the same row read again is not of the read, and its cost becomes a number. The cost is
    // the same, but its column is not: a memo kept because the field is the same (and not
    // because its column is) would keep a sum without that row's cost.
    const blank: CellValue[] = [null, null, null, null];
    const line = (lineId: string, cost: number): CellValue[] => [
      ...["F1", lineId, "I1", "EQUITY", cost, 1, "UNLISTED", 44000],
      ...blank,
    ];
    const rows = [line("L1", 1e21), line("L2", 10)];
    const own = read(rows);
    const again = read(rows);
    // A list an edit made (here one that changes nothing) keeps its columns for the next edit.
    const list = own.slice();
    recordEdit(list, own.slice(), [0]);
    const columns = FundColumns.of(list);
    expect(summed(columns)).toEqual(sumsOf(new FundColumns(list)));
    const next = list.slice();
    next[1] = again[1];
    recordEdit(next, list, [1]);
    const after = FundColumns.of(next);
    expect(summed(after)).toEqual(sumsOf(new FundColumns(next)));
    expect(summed(after)).toEqual({ EQUITY: 10_000_000n });
  });

  it("reads a list that cannot take the edit's slots (frozen) as any other", () => {
    // A read's list makes its holdings when first read (lazy-list.ts): every one read before it is frozen.
    const read1 = read([
      [
        "F1",
        "L1",
        "I1",
        "EQUITY",
        10,
        11,
        "UNLISTED",
        44000,
        null,
        null,
        null,
        null,
      ],
    ]);
    read1.forEach((h) => expect(h.lineId).toBe("L1"));
    const holdings = Object.freeze(read1);
    const columns = FundColumns.of(holdings);
    expect([...columns.millionths("costValue")]).toEqual([10_000_000]);
    expect(
      columns.coded("assetClass").values[columns.coded("assetClass").codes[0]],
    ).toBe("EQUITY");
  });
});
