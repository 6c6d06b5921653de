import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { addMonths, addYears } from "../../src/engine/dates";
import type { CellValue } from "../../src/workbook/grid";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";
import { rawTable as table } from "../helpers/raw-table";

// A fund's quota window is worked out once per fund and date (quota-window.ts) and taken again by
// every later check of the same fund: another date, the same date again, each edit's re-check.
// Here, funds of every kind of first year (blank, before the constitution, too long, ordinary)
// are checked on dates in any order, and again after edits of their holdings: each fund's window
// and first-year warnings must be what L. 214-28 V says of its own dates (years 2 to 5), and every
// report the full check's.

const FUND_HEADERS = ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions"];
const HOLDING_HEADERS = ["fundId", "lineId", "assetClass", "costValue", "listingStatus", "investmentDate"];

const date = fc.constantFrom<CellValue>("2021-03-01", "2021-12-31", "2022-06-30", "2022-12-31", "2023-09-30", null);
const fundRow = (i: number) =>
  fc.tuple(fc.constantFrom<CellValue>("FCPR", "FCPI", "FIP", "FPCI"), date, date).map(
    ([type, constitution, firstYearEnd]): CellValue[] => [`F${i}`, type, constitution, firstYearEnd, "COST", 10_000_000],
  );
const holdingRow = (funds: number) =>
  fc.tuple(fc.integer({ min: 1, max: funds }), fc.constantFrom<CellValue>("EQUITY", "OTHER_DEBT", null), fc.integer({ min: 0, max: 3_000_000 })).map(
    ([f, cls, cost]): CellValue[] => [`F${f}`, null, cls, cost, "UNLISTED", "2022-03-01"],
  );
const asOf = fc.constantFrom("2022-12-31", "2024-06-30", "2026-12-31", "2028-12-31");

const workbook = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    funds: fc.tuple(...Array.from({ length: n }, (_, i) => fundRow(i + 1))),
    holdings: fc.array(holdingRow(n), { minLength: 1, maxLength: 8 }),
    dates: fc.array(asOf, { minLength: 1, maxLength: 5 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3_000_000 })), { maxLength: 4 }),
  }),
);

const tablesOf = (funds: CellValue[][], holdings: CellValue[][]) => ({
  Funds: table("Funds", FUND_HEADERS, funds),
  Holdings: table("Holdings", HOLDING_HEADERS, holdings),
});

describe("quota window taken again", () => {
  it("is each fund's own on every date, in any order and after edits, as the full check's", () => {
    fc.assert(
      fc.property(workbook, ({ funds, holdings, dates, edits }) => {
        let wb = new CheckedWorkbook(tablesOf(funds, holdings));
        const rows = holdings.map((r) => r.slice());
        const step = (d: string) => {
          const report = wb.report(d);
          const fresh = checkWorkbook(readWorkbook(tablesOf(funds, rows)), { asOf: d });
          expect(JSON.stringify(report)).toBe(JSON.stringify(fresh));
          for (const f of report.funds) {
            const [, , constitution, firstYearEnd] = funds.find((r) => r[0] === f.fundId)!;
            const window = f.quotaWindow;
            if (typeof firstYearEnd !== "string") {
              expect(window).toBeUndefined();
              continue;
            }
            expect(window?.from).toBe(addYears(firstYearEnd, 1));
            expect(window?.until).toBe(addYears(firstYearEnd, 4));
            const codes = f.diagnostics.map((x) => x.code);
            const early = typeof constitution === "string" && firstYearEnd <= constitution;
            const long = typeof constitution === "string" && !early && firstYearEnd > addMonths(constitution, 18);
            expect(codes.includes("first-year-end-too-early")).toBe(early);
            expect(codes.includes("first-year-too-long")).toBe(long);
          }
        };
        for (const d of dates) step(d);
        for (const [row, cost] of edits) {
          const r = row % rows.length;
          rows[r] = rows[r].slice();
          rows[r][3] = cost;
          wb = wb.withEdits([{ table: "Holdings", row: r + 2, column: 3, value: cost }]);
          step(dates[row % dates.length]);
        }
      }),
      RUNS,
    );
  });
});
