import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactSum } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import { FundContext } from "../../src/engine/fund-context";
import { Tally } from "../../src/engine/measures";
import {
  COST_MILLIONTHS,
  FAIR_MILLIONTHS,
  type MillionthsOf,
  type WorkbookModel,
} from "../../src/engine/model";
import type { CellValue } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { plainHolding } from "../../src/workbook/read-columns";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";

/*
 * The rules sum a holding's basis amount as integer millionths in a plain number when the reader
 * gives it so (model.ts COST_MILLIONTHS), and as a BigInt otherwise. Both must give the same
 * report to the millionth: on amounts near and past 2^53 millionths (9,007,199,254.740991 EUR),
 * one at a time and in sums, the number path is compared with the BigInt path.
 */

const LIMIT = 2 ** 53;

/** Safe integers of millionths, many near ±2^53, and the BigInts past it. */
const millionths = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: LIMIT - 1e6, max: LIMIT - 1 }),
  fc.integer({ min: -(LIMIT - 1), max: -(LIMIT - 1e6) }),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    LIMIT - 1,
    -(LIMIT - 1),
    2 ** 52,
    -(2 ** 52),
    2 ** 52 + 1,
  ),
  fc.double({ min: -(LIMIT - 1), max: LIMIT - 1, noNaN: true }).map(Math.trunc),
);
const bigs = fc.oneof(
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.constantFrom(2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, 2n ** 64n),
);

describe("ExactSum: integer millionths as numbers (property)", () => {
  it("equals the BigInt sum of the same amounts, near and past 2^53, mixed with BigInts", () => {
    const items = fc.array(
      fc.oneof(
        millionths.map((x) => ({ x })),
        bigs.map((b) => ({ b })),
        millionths.map((x) => ({ a: BigInt(x) })),
      ),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(items, (list) => {
        const sum = new ExactSum();
        let expected = 0n;
        for (const item of list) {
          if ("x" in item) {
            expect(Number.isSafeInteger(item.x)).toBe(true);
            sum.addMillionths(item.x);
            expected += BigInt(item.x);
          } else if ("b" in item) {
            sum.addBig(item.b);
            expected += item.b;
          } else {
            sum.add(item.a);
            expected += item.a;
          }
        }
        expect(sum.value()).toBe(expected);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("a long run of the largest safe integers, all of one sign then alternating, carries exactly", () => {
    const sum = new ExactSum();
    let expected = 0n;
    for (let k = 0; k < 1000; k++) {
      const x = k % 3 === 2 ? -(LIMIT - 1) : LIMIT - 1 - k;
      sum.addMillionths(x);
      expected += BigInt(x);
      if (k % 97 === 0) expect(sum.value()).toBe(expected);
    }
    expect(sum.value()).toBe(expected);
  });
});

const HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "assetClass",
  "costValue",
  "fairValue",
  "listingStatus",
  "listingCountry",
  "listingDate",
  "marketCap",
  "investmentDate",
  "ownershipPct",
  "lookThroughPct",
  "entityOecd",
];
const FUNDS = [
  [
    "fundId",
    "fundName",
    "fundType",
    "constitutionDate",
    "firstYearEnd",
    "basis",
    "paidUpSubscriptions",
  ],
  ["F1", "Coût", "FCPR", 44562, 44926, "COST", 50_000_000_000],
  // Fair value without total assets: the base is the sum of the positions (FundContext's own sum).
  ["F2", "Juste valeur", "FCPR", 44562, 44926, "FAIR", null],
  ["F3", "FCPI", "FCPI", 44562, 44926, "COST", 20_000_000_000],
];

/** An amount cell in euros that a column keeps as a number: cents and integers up to 2^53 millionths, negative, blank or text. */
const euros: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((k) => k / 100),
  fc
    .integer({ min: 899_999_999_000, max: 900_719_925_474 })
    .map((k) => k / 100),
  fc.integer({ min: 9_000_000_000, max: 9_007_199_254 }),
  fc.constantFrom<CellValue>(
    // The largest safe number of millionths as typed; the cell holds its nearest double.
    Number("9007199254.740991"),
    9_007_199_254.74,
    -9_000_000_000,
    0,
    -0,
    0.000001,
    1.5e-7,
    null,
    "",
    "1 234,56",
    "n/a",
  ),
);
/** Any of those, and amounts past 2^53 millionths, which turn their whole column into BigInts. */
const anyEuros: fc.Arbitrary<CellValue> = fc.oneof(
  euros,
  fc.constantFrom<CellValue>(9_007_199_255, 12_345_678_901.25, -1e12, 1e15),
);

const row = (
  fund: string,
  i: number,
  euros: fc.Arbitrary<CellValue>,
): fc.Arbitrary<CellValue[]> =>
  fc
    .tuple(
      fc.constantFrom(
        "EQUITY",
        "CURRENT_ACCOUNT_ADVANCE",
        "OTHER_DEBT",
        "ENTITY_RIGHTS",
        "FUND_UNITS",
        "RECEIVABLE",
      ),
      fc.constantFrom("UNLISTED", "MTF_SME", "REGULATED"),
      euros,
      euros,
      fc.constantFrom(44900, 45000, 46500),
    )
    .map(([cls, listing, cost, fair, invested]) => [
      fund,
      `L${i}`,
      `I${i % 5}`,
      cls,
      cost,
      fair,
      listing,
      "FR",
      listing === "UNLISTED" ? null : 45400,
      90_000_000,
      invested,
      0.1,
      cls === "ENTITY_RIGHTS" ? 0.6 : null,
      true,
    ]);

const holdingsGrid = fc
  .tuple(
    fc.array(fc.constantFrom("F1", "F2", "F3"), {
      minLength: 1,
      maxLength: 40,
    }),
    fc.boolean(),
  )
  .chain(([funds, past]) =>
    fc.tuple(...funds.map((f, i) => row(f, i, past ? anyEuros : euros))),
  )
  .map((rows) => [HEADERS, ...rows]);

describe("the rules' sums in millionths as numbers (property)", () => {
  it("each amount a holding gives as a number is a safe integer equal to its BigInt", () => {
    fc.assert(
      fc.property(holdingsGrid, (grid) => {
        const model = readWorkbook({
          Funds: tableFromValues("Funds", FUNDS),
          Holdings: tableFromValues("Holdings", grid),
        });
        for (const h of model.holdings) {
          for (const [symbol, field] of [
            [COST_MILLIONTHS, h.costValue],
            [FAIR_MILLIONTHS, h.fairValue],
          ] as const) {
            const x = (h as MillionthsOf)[symbol]!;
            expect(typeof x).toBe("number");
            if (x === x) {
              expect(Number.isSafeInteger(x)).toBe(true);
              expect(field).toBe(BigInt(x));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("a tally of any positions equals the BigInt sum of their amounts", () => {
    // Both paths are taken across the runs: amounts as numbers, and as BigInts.
    let asNumbers = 0;
    let asBigInts = 0;
    fc.assert(
      fc.property(holdingsGrid, (grid) => {
        const model = readWorkbook({
          Funds: tableFromValues("Funds", FUNDS),
          Holdings: tableFromValues("Holdings", grid),
        });
        for (const fund of model.funds) {
          const mine = model.holdings.filter((h) => h.fundId === fund.fundId);
          const ctx = new FundContext(fund, mine, "2025-12-31", {
            explain: false,
          });
          const tally = new Tally(ctx);
          let expected = 0n;
          let complete = true;
          for (const p of ctx.positions) {
            tally.take(p);
            if (p.millionths === p.millionths) asNumbers++;
            else if (p.amount !== undefined) asBigInts++;
            if (p.amount === undefined) complete = false;
            else expected += p.amount;
          }
          expect(tally.total).toBe(expected);
          expect(tally.complete).toBe(complete);
        }
      }),
      RUNS,
    );
    expect(asNumbers).toBeGreaterThan(100);
    expect(asBigInts).toBeGreaterThan(100);
  });

  it("the report, plain and detailed, is the one the BigInt path gives (holdings copied as plain records)", () => {
    fc.assert(
      fc.property(
        holdingsGrid,
        fc.constantFrom("2025-12-31", "2023-01-01", "2030-06-30"),
        (grid, asOf) => {
          const model = readWorkbook({
            Funds: tableFromValues("Funds", FUNDS),
            Holdings: tableFromValues("Holdings", grid),
          });
          // A plain record gives no millionths: every amount is read as a BigInt.
          const plain: WorkbookModel = {
            ...model,
            holdings: model.holdings.map(plainHolding),
          };
          expect(
            (plain.holdings[0] as MillionthsOf)[COST_MILLIONTHS],
          ).toBeUndefined();
          for (const positions of [false, true])
            expect(
              JSON.stringify(checkWorkbook(model, { asOf, positions })),
            ).toBe(JSON.stringify(checkWorkbook(plain, { asOf, positions })));
        },
      ),
      { ...RUNS, numRuns: Math.min(RUNS.numRuns, 60) },
    );
  });
});
