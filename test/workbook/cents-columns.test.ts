import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import {
  COST_MILLIONTHS,
  type HoldingColumns,
  IN_COLUMNS,
  type InColumns,
  type MillionthsOf,
  NO_CENTS,
} from "../../src/engine/model";
import type { CellValue } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { plainHolding } from "../../src/workbook/read-columns";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "../properties/arbitraries";
import { fundsGrid, HOLDING_HEADERS } from "../../bench/data";

/*
 * A read keeps an amount column in cents (4 bytes a row) while every amount of it is a whole
 * number of cents within ±(2^31 − 1) cents, ±21 474 836,47 €; the first one that is not turns
 * the column into millionths. Either way each holding's amount, and every report, is the same.
 */

/** A Holdings row in the bench's columns (bench/data.ts HOLDING_HEADERS). */
const row = (fund: string, i: number, cost: CellValue, cls = "EQUITY") => [
  fund,
  `L${i}`,
  `I${i % 7}`,
  `Issuer ${i % 7}`,
  cls,
  cost,
  null,
  "UNLISTED",
  null,
  null,
  null,
  45000,
  0.1,
  cls === "ENTITY_RIGHTS" ? 0.6 : null,
  null,
];

function read(rows: CellValue[][]) {
  return readWorkbook({
    Funds: tableFromValues("Funds", fundsGrid(2)),
    Holdings: tableFromValues("Holdings", [HOLDING_HEADERS, ...rows]),
  });
}

const columnsOf = (model: ReturnType<typeof read>) =>
  (model.holdings[0] as unknown as InColumns)[IN_COLUMNS] as HoldingColumns;

describe("amount columns in cents", () => {
  it("keep whole cents up to ±21 474 836,47 € as cents, a blank as NO_CENTS", () => {
    const costs = [21_474_836.47, -21_474_836.47, 21_474_836, 0.01, 0, null];
    const model = read(costs.map((c, i) => row("F1", i, c)));
    const cents = columnsOf(model).cents("costValue");
    expect(cents).not.toBeNull();
    expect([...cents!.subarray(0, costs.length)]).toEqual([
      2_147_483_647,
      -2_147_483_647,
      2_147_483_600,
      1,
      0,
      NO_CENTS,
    ]);
    // The millionths, made when asked, and each holding's.
    expect([
      ...columnsOf(model).millionths("costValue")!.subarray(0, 6),
    ]).toEqual([
      21_474_836_470_000,
      -21_474_836_470_000,
      21_474_836_000_000,
      10_000,
      0,
      NaN,
    ]);
    expect(model.holdings.map((h) => h.costValue)).toEqual([
      21_474_836_470_000n,
      -21_474_836_470_000n,
      21_474_836_000_000n,
      10_000n,
      0n,
      undefined,
    ]);
  });

  for (const past of [
    21_474_836.48,
    -21_474_836.48,
    21_474_837,
    0.001,
    1 / 3,
    9e9,
    1e15,
  ]) {
    it(`turns into millionths at ${past}, each amount as the row reader reads it`, () => {
      const costs: CellValue[] = [12.34, null, past, -5, "1 234,56"];
      const model = read(costs.map((c, i) => row("F1", i, c)));
      expect(columnsOf(model).cents("costValue")).toBeNull();
      const rowByRow = read(
        costs.map((c, i) => row("F1", i, c)).concat([row("F2", 9, 1)]),
      );
      // A text cell read alone, and the amount past the cents, keep their values.
      expect(model.holdings.map(plainHolding).map((h) => h.costValue)).toEqual(
        rowByRow.holdings.slice(0, 5).map((h) => h.costValue),
      );
      expect(
        model.holdings.map((h) => (h as MillionthsOf)[COST_MILLIONTHS]),
      ).toEqual(
        rowByRow.holdings
          .slice(0, 5)
          .map((h) => (h as MillionthsOf)[COST_MILLIONTHS]),
      );
    });
  }

  it("L. 214-28 I: 500 lines of 21 474 836,47 € sum past 2^53 millionths exactly, as from millionths", () => {
    const rows = Array.from({ length: 500 }, (_, i) =>
      row("F1", i, 21_474_836.47),
    );
    const fromCents = checkWorkbook(read(rows), { asOf: "2025-12-31" });
    // One amount of a tenth of a cent turns the column into millionths: the same sum, plus it.
    const fromMillionths = checkWorkbook(
      read([...rows, row("F2", 500, 0.001)]),
      {
        asOf: "2025-12-31",
      },
    );
    const q50 = (r: typeof fromCents) =>
      r.funds
        .find((f) => f.fundId === "F1")!
        .rules.find((x) => x.id === "FCPR-Q50")!;
    expect(q50(fromCents)).toEqual(q50(fromMillionths));
    expect(q50(fromCents).numerator).toBe("10737418235.00");
  });
});

/** An amount cell: whole cents near and past the limit, integers, blanks, texts, and the odd one that needs millionths. */
const cost: fc.Arbitrary<CellValue> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: -2_147_483_647, max: 2_147_483_647 })
      .map((c) => c / 100),
  },
  { weight: 2, arbitrary: fc.integer({ min: -21_474_836, max: 21_474_836 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<CellValue>(
      null,
      "",
      "12,5",
      "n/a",
      21_474_836.47,
      -21_474_836.47,
      0,
      -0,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellValue>(
      21_474_836.48,
      0.001,
      9e9,
      1e15,
      21_474_837,
    ),
  },
);

describe("amount columns in cents (property)", () => {
  it("check a fund alone (its read's cents) to the report it gets beside another fund (its millionths gathered)", () => {
    const classes = [
      "EQUITY",
      "CURRENT_ACCOUNT_ADVANCE",
      "OTHER_DEBT",
      "ENTITY_RIGHTS",
      "FUND_UNITS",
    ];
    const rows = fc.array(fc.tuple(cost, fc.constantFrom(...classes)), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (list) => {
        const own = list.map(([c, cls], i) => row("F1", i, c, cls));
        const alone = checkWorkbook(read(own), {
          asOf: "2025-12-31",
          positions: true,
        });
        const beside = checkWorkbook(read([...own, row("F2", 999, 1)]), {
          asOf: "2025-12-31",
          positions: true,
        });
        const f1 = (r: typeof alone) => r.funds.find((f) => f.fundId === "F1");
        expect(f1(alone)).toEqual(f1(beside));
      }),
      RUNS,
    );
  });
});
