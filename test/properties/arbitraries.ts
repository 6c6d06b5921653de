import fc from "fast-check";
import type { CellValue } from "../../src/workbook/grid";
import { HOLDINGS_SPEC, FUNDS_SPEC } from "../../src/workbook/columns";

/** Property runs are bounded and seeded; fast-check prints the seed and path of any failure. */
export const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150), seed: Number(process.env.FC_SEED ?? 424242) };

const NASTY_TEXT = ["1,234", "1 234,56", "5 %", "25", "31/02/2025", "2025-12-31", "VRAI", "non", "x", "#N/A", "=1+1", "<img src=x onerror=alert(1)>", "", "   ", "EQUITY", "Actions", "FCPR", "1e308", "-0", "NaN", "∞", "１２３"];

/** Any cell a workbook can hold: text, numbers (huge, tiny, not finite), booleans, dates, errors, blanks. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(...NASTY_TEXT),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom<CellValue>(1e15, 1e21, -1e15, 5e-324, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constantFrom<CellValue>(null, undefined),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#VALUE!" }, { error: "#REF!" }),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: false })
);

/** Headers: the contract's names and labels, random text, blanks and duplicates. */
export function headerRow(spec: typeof HOLDINGS_SPEC | typeof FUNDS_SPEC): fc.Arbitrary<CellValue[]> {
  const known = spec.columns.flatMap((c) => [c.name, ...c.labels]);
  return fc.array(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 }), fc.constant(null)), { minLength: 1, maxLength: 14 });
}

export function grid(spec: typeof HOLDINGS_SPEC | typeof FUNDS_SPEC, maxRows: number): fc.Arbitrary<{ headers: CellValue[]; rows: CellValue[][] }> {
  return headerRow(spec).chain((headers) =>
    fc.record({
      headers: fc.constant(headers),
      rows: fc.array(fc.array(anyCell, { minLength: 0, maxLength: headers.length + 2 }), { maxLength: maxRows }),
    })
  );
}
