import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { CellValue } from "../../src/workbook/grid";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellEdit } from "../../src/workbook/edits";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";
import { rawTable as table } from "../helpers/raw-table";

// After an edit of amounts of rows that IV, II 1° and II 2° do not read (fcpr.ts, carryPasses), a
// plain check of the edited fund takes those passes' sums and the rules they alone decide (II 1°,
// III, IV) from the previous version. Here, along edits mostly of amounts (of any row: the
// passes' own rows, and rows that fill the bucket IV reads), now and then of what the passes read
// (shares of capital, look-through, OECD, names, issuers, what sorts a row), with reports asked
// after some steps only, every report must be the full check's, on two dates.

const RUNS_HERE = { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 2) };

const FUND_HEADERS = ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "totalAssets"];
const HOLDING_HEADERS = ["fundId", "lineId", "issuerId", "issuerName", "assetClass", "costValue", "fairValue", "listingStatus", "listingCountry", "listingDate", "marketCap", "investmentDate", "disposalDate", "ownershipPct", "lookThroughPct", "entityOecd"];
const FUNDS: CellValue[][] = [
  // A small base: the bucket passes 20 % and the advances 15 % now and then.
  ["F1", "FCPR", "2022-01-01", "2022-12-31", "COST", 10_000_000, null],
  ["F2", "FPCI", "2022-01-01", "2022-12-31", "COST", 8_000_000, null],
  ["F3", "FCPR", "2022-01-01", "2022-12-31", "FAIR", null, 12_000_000],
  // Fair value without total assets: the base is the positions' sum, which every amount moves.
  ["F4", "FCPR", "2022-01-01", "2022-12-31", "FAIR", null, null],
];
const DATES = ["2025-12-31", "2027-06-30"];
const column = (name: string) => HOLDING_HEADERS.indexOf(name);

const amount: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(-5_000, 12.34, "4100000000.000001", 1e21, null, "x") },
);

function cellFor(name: string): fc.Arbitrary<CellValue> {
  switch (name) {
    case "fundId":
      // Mostly one fund: its rows are edited again and again (a row's first edit makes its columns anew).
      return fc.constantFrom<CellValue>("F1", "F1", "F1", "F1", "F2", "F3", "F4");
    case "lineId":
      return fc.constantFrom<CellValue>("L1", "L2", null);
    case "issuerId":
      return fc.constantFrom<CellValue>("I1", "I2", "I3", null);
    case "issuerName":
      return fc.constantFrom<CellValue>("Alpha", "Beta", null);
    case "assetClass":
      return fc.constantFrom<CellValue>("EQUITY", "EQUITY", "OTHER_DEBT", "CURRENT_ACCOUNT_ADVANCE", "CURRENT_ACCOUNT_ADVANCE", "ENTITY_RIGHTS", "ENTITY_RIGHTS", "RECEIVABLE", "FUND_UNITS", null);
    case "costValue":
    case "fairValue":
      return amount;
    case "listingStatus":
      return fc.constantFrom<CellValue>("UNLISTED", "UNLISTED", "REGULATED", "MTF_SME", null);
    case "listingCountry":
      return fc.constantFrom<CellValue>("FR", "US", null);
    case "listingDate":
      // After the investment (IV's five years), before it, or none.
      return fc.constantFrom<CellValue>(45200, 44000, 46500, null, null);
    case "marketCap":
      return fc.constantFrom<CellValue>(90_000_000, 400_000_000, null);
    case "investmentDate":
      return fc.constantFrom<CellValue>(44900, 45000, 45000, 46700, null);
    case "disposalDate":
      return fc.constantFrom<CellValue>(null, null, null, 45500);
    // Mostly readable: passes that file a diagnostic are not kept.
    case "ownershipPct":
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom<CellValue>(0.6, 0.05, 0.01) }, { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "x") });
    case "lookThroughPct":
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom<CellValue>(0.6, 0.05) }, { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "x") });
    case "entityOecd":
      return fc.constantFrom<CellValue>(true, false, null);
    default:
      return fc.constant<CellValue>(null);
  }
}

const holdingRow = fc.tuple(...HOLDING_HEADERS.map(cellFor));
const AMOUNT_COLUMNS = ["costValue", "fairValue"];
const READ_BY_PASSES = ["ownershipPct", "lookThroughPct", "entityOecd", "issuerName", "lineId", "issuerId", "assetClass", "listingStatus", "listingDate", "marketCap", "investmentDate"];

const editOf = (rows: number, names: readonly string[]): fc.Arbitrary<CellEdit> =>
  fc.constantFrom(...names).chain((name) =>
    fc.record({
      table: fc.constant("Holdings" as const),
      // Mostly the first rows: a row edited again keeps its columns (its first edit makes them anew).
      row: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 2, max: Math.min(rows, 3) + 1 }) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: rows + 1 }) }),
      column: fc.constant(column(name)),
      value: cellFor(name),
    }),
  );

/** Edits, and whether the reports are asked after them (else the next step's edits pile on). */
const stepOf = (rows: number) =>
  fc.record({
    edits: fc.oneof(
      { weight: 7, arbitrary: fc.array(editOf(rows, AMOUNT_COLUMNS), { minLength: 1, maxLength: 2 }) },
      { weight: 3, arbitrary: editOf(rows, READ_BY_PASSES).map((e) => [e]) },
    ),
    asked: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });

describe("an edit of amounts re-checked with the passes after the L. 214-28 sort kept (property)", () => {
  it("gives the full check's report after every step asked, on two dates, plain and now and then with every position", () => {
    fc.assert(
      fc.property(
        fc.array(holdingRow, { minLength: 3, maxLength: 10 }).chain((rows) =>
          fc.record({ rows: fc.constant(rows), steps: fc.array(stepOf(rows.length), { minLength: 1, maxLength: 20 }) }),
        ),
        ({ rows, steps }) => {
          let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, FUNDS), Holdings: table("Holdings", HOLDING_HEADERS, rows) });
          for (const asOf of DATES) workbook.report(asOf);
          steps.forEach(({ edits, asked }, s) => {
            workbook = workbook.withEdits(edits);
            if (!asked && s < steps.length - 1) return;
            for (const asOf of DATES) {
              const positions = s % 5 === 4;
              const expected = checkWorkbook(readWorkbook(workbook.tables), { asOf, positions });
              // Same keys in the same order: the JSON report is byte for byte the full check's.
              expect(JSON.stringify(workbook.report(asOf, positions))).toBe(JSON.stringify(expected));
            }
          });
        },
      ),
      RUNS_HERE,
    );
  });

  // Each field the passes read, edited on a row already edited (whose columns are kept), then an
  // amount of a row of I: the passes must see the field's new value.
  const row = (cls: string, issuer: CellValue, name: CellValue, line: CellValue, ownership: CellValue, extra: Partial<Record<string, CellValue>> = {}) =>
    HOLDING_HEADERS.map((h) => ({ fundId: "F1", lineId: line, issuerId: issuer, issuerName: name, assetClass: cls, costValue: 1000, listingStatus: "UNLISTED", investmentDate: 45000, ownershipPct: ownership, ...extra })[h] ?? null);
  const rows = () => [
    row("EQUITY", "I1", "Alpha", "L0", 0.6),
    row("CURRENT_ACCOUNT_ADVANCE", "I1", "Alpha", "L1", null),
    row("ENTITY_RIGHTS", "I2", null, "L2", null, { lookThroughPct: 0.6, entityOecd: true }),
    row("CURRENT_ACCOUNT_ADVANCE", null, null, "L3", 0.01),
    row("CURRENT_ACCOUNT_ADVANCE", "I4", "Delta", "L4", 0.01),
    row("EQUITY", "I5", null, "L5", 0.2, { listingStatus: "MTF_SME", listingDate: 45200, listingCountry: "FR", marketCap: 90_000_000 }),
    row("EQUITY", "I6", null, "L6", null),
  ];
  it.each([
    ["the share of capital of an advance's issuer", 2, "ownershipPct", 0.01],
    ["an advance's share of capital", 3, "ownershipPct", 0.01],
    ["whether an entity is of the OECD", 4, "entityOecd", false],
    ["an entity's look-through", 4, "lookThroughPct", 0.05],
    ["the line of a refused advance without issuer", 5, "lineId", "L9"],
    ["the name of a refused advance's issuer", 6, "issuerName", "Echo"],
    ["the issuer of an advance", 3, "issuerId", "I6"],
    ["the listing date of a security listed after purchase", 7, "listingDate", 45300],
    ["the market capitalisation of a security listed after purchase", 7, "marketCap", 400_000_000],
  ] as const)("sees a new value of %s", (_, rowNumber, name, value) => {
    let workbook = new CheckedWorkbook({ Funds: table("Funds", FUND_HEADERS, FUNDS), Holdings: table("Holdings", HOLDING_HEADERS, rows()) });
    const steps: CellEdit[][] = [
      [2, 3, 4, 5, 6, 7].map((r) => ({ table: "Holdings", row: r, column: column("costValue"), value: 2000 })),
      [{ table: "Holdings", row: 2, column: column("costValue"), value: 3000 }],
      [{ table: "Holdings", row: rowNumber, column: column(name), value }],
      [{ table: "Holdings", row: 2, column: column("costValue"), value: 4000 }],
    ];
    for (const edits of steps) {
      workbook = workbook.withEdits(edits);
      const expected = checkWorkbook(readWorkbook(workbook.tables), { asOf: DATES[0] });
      expect(JSON.stringify(workbook.report(DATES[0]))).toBe(JSON.stringify(expected));
    }
  });

  it("sees the receivables an FPCI holds beyond its 10 % move what III counts, with the bucket unchanged", () => {
    // Base 8,000,000: receivables beyond 800,000 are taken from the bucket's 3,000,000 (above its
    // 1,600,000), and a listed receivable (not in the bucket) moves them.
    const fpci = (cls: string, cost: number, listing: string) => row(cls, "I1", null, "L1", 0.6, { fundId: "F2", costValue: cost, listingStatus: listing });
    let workbook = new CheckedWorkbook({
      Funds: table("Funds", FUND_HEADERS, FUNDS),
      Holdings: table("Holdings", HOLDING_HEADERS, [fpci("EQUITY", 1000, "UNLISTED"), fpci("RECEIVABLE", 1_000_000, "UNLISTED"), fpci("OTHER_DEBT", 2_000_000, "UNLISTED"), fpci("RECEIVABLE", 0, "REGULATED"), fpci("EQUITY", 5, "UNLISTED")]),
    });
    const steps: CellEdit[][] = [
      [2, 5].map((r) => ({ table: "Holdings", row: r, column: column("costValue"), value: 2000 })),
      [{ table: "Holdings", row: 2, column: column("costValue"), value: 3000 }],
      [{ table: "Holdings", row: 5, column: column("costValue"), value: 500_000 }],
    ];
    for (const edits of steps) {
      workbook = workbook.withEdits(edits);
      const expected = checkWorkbook(readWorkbook(workbook.tables), { asOf: DATES[0] });
      expect(JSON.stringify(workbook.report(DATES[0]))).toBe(JSON.stringify(expected));
    }
  });
});
