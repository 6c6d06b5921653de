import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { CellValue } from "../../src/workbook/grid";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellEdit } from "../../src/workbook/edits";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";
import { rawTable as table } from "../helpers/raw-table";

// After an edit of amounts only, the L. 214-28 sort of the edited fund is not run again over its
// rows: its sums by paragraph are the previous version's with the edited rows' differences
// (fcpr.ts, patchSort). Here, along edits mostly of amounts (sums past 2^53 in millionths,
// amounts past 2^53 themselves, blanks and unreadable cells, rows not held), now and then of
// what sorts a row (its class, status, listing, issuer, dates) with or without its amount, every
// version's report must be the full check's.

const RUNS_HERE = { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 2) };

const FUND_HEADERS = ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "totalAssets"];
const HOLDING_HEADERS = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "fairValue", "listingStatus", "listingCountry", "listingDate", "marketCap", "investmentDate", "disposalDate", "ownershipPct", "lookThroughPct", "entityOecd"];
const FUNDS: CellValue[][] = [
  ["F1", "FCPR", "2022-01-01", "2022-12-31", "COST", 20_000_000_000, null],
  ["F2", "FPCI", "2022-01-01", "2022-12-31", "FAIR", 5_000_000, null],
];
const column = (name: string) => HOLDING_HEADERS.indexOf(name);

/**
 * Amounts in euros: small, with cents, near 2^53 millionths (about 9.007e9 EUR) so that sums pass
 * it (odd millionths, as text: a sum past 2^53 in a number would lose them), past 2^53 themselves,
 * blank, unreadable.
 */
const amount: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1_000, max: 2_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(5_000_000_000, "4100000000.000001", 9_007_199_254.74, "0.000003", -4_600_000_000) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(1e21, 12.34, null, "x") },
);

function cellFor(name: string): fc.Arbitrary<CellValue> {
  switch (name) {
    case "fundId":
      return fc.constantFrom<CellValue>("F1", "F1", "F2");
    case "issuerId":
      return fc.constantFrom<CellValue>("I1", "I2", "I3", null);
    case "assetClass":
      return fc.constantFrom<CellValue>("EQUITY", "EQUITY", "OTHER_DEBT", "CURRENT_ACCOUNT_ADVANCE", "ENTITY_RIGHTS", "FUND_UNITS", null);
    case "costValue":
    case "fairValue":
      return amount;
    case "listingStatus":
      return fc.constantFrom<CellValue>("UNLISTED", "UNLISTED", "REGULATED", "MTF_SME", null);
    case "listingCountry":
      return fc.constantFrom<CellValue>("FR", "US", null);
    case "listingDate":
      return fc.constantFrom<CellValue>(44000, 45400, 46500, null);
    case "marketCap":
      return fc.constantFrom<CellValue>(90_000_000, 400_000_000, null);
    case "investmentDate":
      // 46500 is after the as-of date: the row is not held yet.
      return fc.constantFrom<CellValue>(44900, 45000, 45000, 46500, null);
    case "disposalDate":
      return fc.constantFrom<CellValue>(null, null, null, 45500);
    case "ownershipPct":
    case "lookThroughPct":
      return fc.constantFrom<CellValue>(0.6, 0.05, null);
    case "entityOecd":
      return fc.constantFrom<CellValue>(true, false, null);
    default:
      return fc.constant<CellValue>(null);
  }
}

const holdingRow = fc.tuple(...HOLDING_HEADERS.map(cellFor));
const AMOUNT_COLUMNS = ["costValue", "fairValue"];
const SORTING_COLUMNS = ["assetClass", "listingStatus", "listingCountry", "listingDate", "marketCap", "issuerId", "investmentDate", "disposalDate"];

const editOf = (rows: number, names: readonly string[]): fc.Arbitrary<CellEdit> =>
  fc.constantFrom(...names).chain((name) =>
    fc.record({
      table: fc.constant("Holdings" as const),
      row: fc.integer({ min: 2, max: rows + 1 }),
      column: fc.constant(column(name)),
      value: cellFor(name),
    }),
  );

/** Mostly one amount or two; now and then a row's amount with what sorts it (the same row), or what sorts it alone. */
const stepOf = (rows: number): fc.Arbitrary<CellEdit[]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(editOf(rows, AMOUNT_COLUMNS), { minLength: 1, maxLength: 2 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(editOf(rows, AMOUNT_COLUMNS), editOf(rows, SORTING_COLUMNS)).map(([a, b]) => [a, { ...b, row: a.row }]),
    },
    { weight: 1, arbitrary: editOf(rows, SORTING_COLUMNS).map((e) => [e]) },
  );


describe("an edit of amounts re-checked from the previous version's sums (property)", () => {
  it("gives the full check's report after every step, plain and with every position", () => {
    fc.assert(
      fc.property(
        fc.array(holdingRow, { minLength: 1, maxLength: 20 }).chain((rows) =>
          fc.record({ rows: fc.constant(rows), steps: fc.array(stepOf(rows.length), { minLength: 1, maxLength: 12 }) }),
        ),
        ({ rows, steps }) => {
          let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, FUNDS), Holdings: table("Holdings", HOLDING_HEADERS, rows) });
          workbook.report("2025-12-31");
          workbook.report("2025-12-31", true);
          for (const edits of steps) {
            workbook = workbook.withEdits(edits);
            for (const positions of [false, true]) {
              const expected = checkWorkbook(readWorkbook(workbook.tables), { asOf: "2025-12-31", positions });
              // Same keys in the same order: the JSON report is byte for byte the full check's.
              expect(JSON.stringify(workbook.report("2025-12-31", positions))).toBe(JSON.stringify(expected));
            }
          }
        },
      ),
      RUNS_HERE,
    );
  });

  it("keeps a sum that passes 2^53 in millionths after an edit exact, to the millionth", () => {
    // Half the paid-up subscriptions is 9,100,000,000.000001 EUR, an odd number of millionths
    // past 2^53: the quota holds exactly when the two positions make it to the millionth, and a
    // sum rounded as a number (…000, not …001) would read a breach.
    const funds: CellValue[][] = [["F1", "FCPR", "2022-01-01", "2022-12-31", "COST", "18200000000.000002", null]];
    const row = (cost: CellValue): CellValue[] => ["F1", null, "I1", "EQUITY", cost, null, "UNLISTED", null, null, null, 45000, null, 0.1, null, null];
    let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, funds), Holdings: table("Holdings", HOLDING_HEADERS, [row(5_000_000_000), row(1)]) });
    // A first edit: an edited fund keeps its columns and their memos for the next one.
    for (const value of [2, "4100000000.000001"]) {
      workbook.report("2025-12-31");
      workbook = workbook.withEdits([{ table: "Holdings", row: 3, column: column("costValue"), value }]);
    }
    const got = workbook.report("2025-12-31");
    expect(workbook.fundsChecked).toBe(1);
    expect(got).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf: "2025-12-31" }));
    const quota = got.funds[0].rules.find((r) => r.id === "FCPR-Q50")!;
    expect(quota.status).not.toBe("breach");
    expect(quota.numerator).toBe("9100000000.000001");
  });
});
