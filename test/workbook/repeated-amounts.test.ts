import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Holding } from "../../src/engine/model";
import type { CellValue } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { plainHolding } from "../../src/workbook/read-columns";
import { readWorkbook } from "../../src/workbook/read-workbook";

// The reader codes marketCap (one amount per company, repeated on its rows) rather than storing 8
// bytes a row (read-columns.ts, REPEATED_AMOUNTS). L. 214-28 III 1° (« capitalisation boursière
// inférieure à 150 millions d'euros ») must read the same amount however many distinct ones the
// column holds: codes of one byte, of two, and past the codes (plain values).

const FUNDS = [
  ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions"],
  ["F1", "FCPR", "2022-01-15", "2022-12-31", "COST", 10_000_000],
];
const HEADERS = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "listingStatus", "listingCountry", "marketCap", "investmentDate"];

/** n listed small and large caps around the limit, each company its own capitalisation when `distinct`. */
function workbook(n: number, distinct: number) {
  const rows: CellValue[][] = [HEADERS];
  for (let k = 0; k < n; k++) {
    // From 149 999 000 € in steps of 1,01 €: the first 990 companies are below 150 M€, the others not.
    const cap = 149_999_000 + (k % distinct) * 1.01;
    rows.push(["F1", `L${k}`, `I${k % distinct}`, "EQUITY", 10 + (k % 7), "MTF_SME", "FR", cap, "2023-03-15"]);
  }
  rows.push(["F1", "U", "U", "EQUITY", 9_000_000, "UNLISTED", null, null, "2023-03-15"]);
  return { Funds: tableFromValues("Funds", FUNDS), Holdings: tableFromValues("Holdings", rows) };
}

describe("L. 214-28 III 1°: market capitalisations read by code give the report of the same holdings as plain values", () => {
  for (const [n, distinct] of [
    [600, 3],
    [2_000, 1_500],
    [70_000, 70_000],
  ]) {
    it(`${n} listed rows, ${distinct} distinct capitalisations`, () => {
      const model = readWorkbook(workbook(n, distinct));
      const plain = { ...model, holdings: model.holdings.map((h) => plainHolding(h) as Holding) };
      const options = { asOf: "2025-12-31" } as const;
      const [coded, asValues] = [checkWorkbook(model, options), checkWorkbook(plain, options)];
      expect(coded).toEqual(asValues);
      const b20 = coded.funds[0].rules.find((r) => r.id === "FCPR-B20")!;
      // The rows below 150 M€ are small caps of III 1°: the 20 % takes them.
      expect(BigInt(b20.numerator!.replace(".", ""))).toBeGreaterThan(0n);
    });
  }

  it("capitalisations past 2^53 millionths (9 007 199 254,74 €): a large cap is not a small cap, read without its holding made", () => {
    const rows: CellValue[][] = [HEADERS];
    for (let k = 0; k < 50; k++)
      rows.push(["F1", `L${k}`, `I${k % 5}`, "EQUITY", 100, "REGULATED", "FR", k % 2 ? 120_000_000_000 : 100_000_000, "2023-03-15"]);
    const read = () => readWorkbook({ Funds: tableFromValues("Funds", FUNDS), Holdings: tableFromValues("Holdings", rows) });
    const model = read();
    const coded = checkWorkbook(model, { asOf: "2025-12-31" });
    // No holding object was made to read them (a read's list makes its holdings when first read).
    expect(Object.keys(model.holdings)).toHaveLength(0);
    const copy = read();
    const plain = { ...copy, holdings: copy.holdings.map((h) => plainHolding(h) as Holding) };
    expect(coded).toEqual(checkWorkbook(plain, { asOf: "2025-12-31" }));
    // The 25 rows at 100 M€ are small caps of III 1° (2 500 €); those at 120 Md€ are not.
    expect(coded.funds[0].rules.find((r) => r.id === "FCPR-B20")!.numerator).toBe("2500.00");
  });
});
