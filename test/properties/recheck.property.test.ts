import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook, explainPositions } from "../../src/engine/check";
import type { CellValue } from "../../src/workbook/grid";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellEdit } from "../../src/workbook/edits";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { anyCell, RUNS } from "./arbitraries";
import { rawTable as table } from "../helpers/raw-table";

/** Each run checks every step three times in full: fewer runs than the other properties. */
const RECHECK_RUNS = { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 2) };

const FUND_HEADERS = ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "totalAssets"];
const HOLDING_HEADERS = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "fairValue", "listingStatus", "investmentDate", "disposalDate", "lookThroughPct", "entityOecd", "ownershipPct", "fcpiEligible", "region"];
const FUNDS: CellValue[][] = [
  ["F1", "FCPR", "2022-01-01", "2022-12-31", "COST", 1_000_000, null],
  ["F2", "FIP", "2021-06-30", "2021-12-31", "COST", 500_000, null],
  ["f3 ", "SPPICAV", "2020-01-01", "2020-12-31", null, null, null],
  ["F4", "FPCI", "2023-01-01", "2023-12-31", "FAIR", 800_000, 900_000],
  ["F1", "FCPR", "2022-01-01", "2022-12-31", "COST", 2_000_000, null],
];
const ids = ["F1", "F2", "F3", "f1", "F4", "F9", "", null];
const classes = ["EQUITY", "CURRENT_ACCOUNT_ADVANCE", "OTHER_DEBT", "ENTITY_RIGHTS", "FUND_UNITS", "REAL_ESTATE", "CASH", "Actions", "bogus"];

/** A value for one column: mostly what accountants type there, sometimes anything at all. */
function cellFor(column: number): fc.Arbitrary<CellValue> {
  const name = HOLDING_HEADERS[column];
  const typical: fc.Arbitrary<CellValue> =
    name === "fundId" ? fc.constantFrom<CellValue>(...ids)
    : name === "assetClass" ? fc.constantFrom<CellValue>(...classes)
    : name === "costValue" || name === "fairValue" ? fc.oneof(fc.integer({ min: -1000, max: 400_000 }), fc.constantFrom<CellValue>(12.34, "1 234,56", null))
    : name === "listingStatus" ? fc.constantFrom<CellValue>("UNLISTED", "REGULATED", "MTF_SME", null)
    : name === "investmentDate" || name === "disposalDate" ? fc.constantFrom<CellValue>(44000, 45000, 46500, "31/12/2025", null)
    : name === "lookThroughPct" || name === "ownershipPct" ? fc.constantFrom<CellValue>(0.6, 0.05, "5 %", 1.5, null)
    : name === "entityOecd" || name === "fcpiEligible" ? fc.constantFrom<CellValue>(true, false, "oui", null)
    : fc.constantFrom<CellValue>("A", "B", null);
  return fc.oneof({ weight: 4, arbitrary: typical }, { weight: 1, arbitrary: anyCell });
}

const holdingRow = fc.tuple(...HOLDING_HEADERS.map((_, c) => cellFor(c)));
const edit = (rows: number): fc.Arbitrary<CellEdit> =>
  fc.integer({ min: 0, max: HOLDING_HEADERS.length - 1 }).chain((column) =>
    fc.record({
      table: fc.constant("Holdings" as const),
      row: fc.integer({ min: 2, max: rows + 1 }),
      column: fc.constant(column),
      value: cellFor(column),
    }),
  );
/** Now and then an edit elsewhere: a fund's paid-up subscriptions, which re-checks everything. */
const fundEdit: fc.Arbitrary<CellEdit> = fc.record({
  table: fc.constant("Funds" as const),
  row: fc.integer({ min: 2, max: FUNDS.length + 1 }),
  column: fc.constant(5),
  value: fc.constantFrom<CellValue>(900_000, null, "x"),
});


const full = (tables: CheckedWorkbook["tables"], asOf: string, positions: boolean) => checkWorkbook(readWorkbook(tables), { asOf, positions });

describe("re-checking after edits (property)", () => {
  it("gives the full check's report after every edit of any sequence, re-checking only the edited funds", () => {
    let partial = 0;
    fc.assert(
      fc.property(
        fc.array(holdingRow, { minLength: 1, maxLength: 15 }).chain((rows) =>
          fc.record({
            rows: fc.constant(rows),
            steps: fc.array(fc.oneof({ weight: 9, arbitrary: fc.array(edit(rows.length), { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fundEdit.map((e) => [e]) }), { minLength: 1, maxLength: 8 }),
            byDiff: fc.boolean(),
          }),
        ),
        ({ rows, steps, byDiff }) => {
          let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, FUNDS), Holdings: table("Holdings", HOLDING_HEADERS, rows) });
          // Reports on two dates, one explained, so that later versions inherit them.
          workbook.report("2025-12-31");
          workbook.report("2024-06-30", true);
          for (const edits of steps) {
            if (byDiff) {
              // The host only says that something changed: the new read is compared with the last.
              const edited = new CheckedWorkbook(workbook.tables).withEdits(edits).tables;
              const copy = JSON.parse(JSON.stringify(edited)) as CheckedWorkbook["tables"];
              workbook = workbook.withTables(copy);
            } else workbook = workbook.withEdits(edits);
            for (const [asOf, positions] of [["2025-12-31", false], ["2024-06-30", true], ["2025-12-31", true]] as const) {
              const expected = full(workbook.tables, asOf, positions);
              const got = workbook.report(asOf, positions);
              // The positions shown, explained on demand before the report is read in full, are the full check's.
              const asked = new Set([2, 4, 7]);
              const shown = positions ? got.funds.map((f) => explainPositions(f, asked)) : [];
              if (positions) expected.funds.forEach((f, i) => expect(shown[i]).toEqual((f.positions ?? []).filter((p) => asked.has(p.row))));
              expect(got).toEqual(expected);
              // Same keys in the same order: the JSON report is byte for byte the full check's.
              expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
            }
            if (workbook.fundsChecked < 3 * workbook.report("2025-12-31").funds.length) partial++;
          }
        },
      ),
      RECHECK_RUNS,
    );
    // The property above would hold for a re-check of everything too: make sure edits took the short way.
    expect(partial).toBeGreaterThan(RECHECK_RUNS.numRuns / 2);
  });

  it("gives the full check's report along long edit sequences whose versions are read in any order (rows and holdings shared between versions)", () => {
    // Edits share the previous version's rows and holdings and copy them only when read whole
    // (src/engine/patched-array.ts): here many versions are made before any is read whole, past
    // the count of slots at which the copy is made at once, and the older ones are read last.
    fc.assert(
      fc.property(
        fc.array(holdingRow, { minLength: 1, maxLength: 12 }).chain((rows) =>
          fc.record({
            rows: fc.constant(rows),
            steps: fc.array(fc.array(edit(rows.length), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 90 }),
            readAt: fc.array(fc.nat(), { maxLength: 4 }),
          }),
        ),
        ({ rows, steps, readAt }) => {
          let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, FUNDS), Holdings: table("Holdings", HOLDING_HEADERS, rows) });
          workbook.report("2025-12-31");
          const versions = [workbook];
          for (const edits of steps) {
            workbook = workbook.withEdits(edits);
            workbook.report("2025-12-31");
            versions.push(workbook);
          }
          // Each version's cells, as the edits made them one by one on copies of the rows.
          const cells = rows.map((r) => r.slice());
          const expectedCells = [cells.map((r) => r.slice())];
          for (const edits of steps) {
            for (const e of edits) {
              const row = cells[e.row - 2];
              while (row.length <= e.column) row.push(null);
              row[e.column] = e.value;
            }
            expectedCells.push(cells.map((r) => r.slice()));
          }
          const order = [...readAt.map((n) => n % versions.length), versions.length - 1, 0];
          for (const v of order) {
            const version = versions[v];
            expect(version.tables.Holdings!.rows.map((r) => r.cells)).toEqual(expectedCells[v]);
            const expected = full(version.tables, "2025-12-31", false);
            expect(version.report("2025-12-31")).toEqual(expected);
          }
        },
      ),
      RECHECK_RUNS,
    );
  });

  it("re-checks one fund of ten after an amount edited in that fund's row", () => {
    const funds: CellValue[][] = Array.from({ length: 10 }, (_, f) => [`F${f + 1}`, "FCPR", "2022-01-01", "2022-12-31", "COST", 1_000_000, null]);
    const rows: CellValue[][] = Array.from({ length: 200 }, (_, i) => [`F${(i % 10) + 1}`, `L${i}`, `I${i}`, "EQUITY", 10_000 + i, null, "UNLISTED", 45000, null, null, null, 0.1, null, null]);
    const first = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, funds), Holdings: table("Holdings", HOLDING_HEADERS, rows) });
    first.report("2025-12-31");
    const next = first.withEdits([{ table: "Holdings", row: 2 + 13, column: 4, value: 250_000 }]);
    expect(next.report("2025-12-31")).toEqual(full(next.tables, "2025-12-31", false));
    expect(next.fundsChecked).toBe(1);
    expect(next.report("2025-12-31").funds[3]).not.toBe(first.report("2025-12-31").funds[3]);
    expect(next.report("2025-12-31").funds[0]).toBe(first.report("2025-12-31").funds[0]);
    // A fundId edited moves the row to another fund: everything is checked again.
    const moved = next.withEdits([{ table: "Holdings", row: 2, column: 0, value: "F2" }]);
    expect(moved.report("2025-12-31")).toEqual(full(moved.tables, "2025-12-31", false));
    expect(moved.fundsChecked).toBe(10);
  });
});
