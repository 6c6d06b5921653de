import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { amountFromDecimal, amountFromNumber, amountToDecimal, ExactSum, formatAmount, scaleAmount, scaleMillionths } from "../../src/engine/amount";
import { Dec } from "../../src/engine/decimal";
import { decimalFromCellNumber } from "../../src/workbook/cells";
import { FundContext } from "../../src/engine/fund-context";
import { Tally } from "../../src/engine/measures";
import { fundOf } from "../helpers/build";

describe("exact amounts from numeric cells", () => {
  it("take the 15 significant digits Excel shows", () => {
    expect(formatAmount(amountFromNumber(0.1 + 0.2))).toBe("0.30");
    expect(formatAmount(amountFromNumber(1234567.89))).toBe("1234567.89");
    expect(formatAmount(amountFromNumber(-0.000001))).toBe("-0.000001");
    expect(formatAmount(amountFromNumber(1e21))).toBe("1000000000000000000000.00");
    expect(formatAmount(amountFromNumber(1.5e-7))).toBe("0.00");
    expect(formatAmount(amountFromNumber(2.5e-6))).toBe("0.000002");
    expect(formatAmount(amountFromNumber(3.5e-6))).toBe("0.000004");
  });

  it("agree with the Decimal reading on any finite number (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e18, max: 1e18 }), (n) => {
        expect(amountFromNumber(n)).toBe(amountFromDecimal(decimalFromCellNumber(n)));
      }),
      { numRuns: 2000, seed: 20251231 }
    );
  });
  it("agree with the Decimal reading on amounts in cents, the fast path (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), (k) => {
        const n = k / 100;
        expect(amountFromNumber(n)).toBe(amountFromDecimal(decimalFromCellNumber(n)));
      }),
      { numRuns: 5000, seed: 20251231 }
    );
  });
});

describe("ExactSum", () => {
  it("equals the BigInt sum, whatever the sizes and signs of the amounts", () => {
    const amounts = fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom(2n ** 52n, -(2n ** 52n), 2n ** 53n - 1n, 0n)), { maxLength: 200 });
    fc.assert(
      fc.property(amounts, (list) => {
        const sum = new ExactSum();
        for (const a of list) sum.add(a);
        expect(sum.value()).toBe(list.reduce((s, a) => s + a, 0n));
      }),
      { numRuns: 300, seed: 424242 }
    );
  });
});

describe("an amount times a share (look-through, participation)", () => {
  it("is the decimal product rounded half-even to the millionth, for any amount and share (property)", () => {
    const share = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Dec(n).div(1_000_000)),
      fc.constantFrom("0.6", "0.5", "0.125", "1", "0", "0.333333333333333333333333", "0.0000005", "1e-30").map((t) => new Dec(t)),
      fc.double({ min: 0, max: 1, noNaN: true }).map((x) => new Dec(x.toPrecision(15))),
    );
    const amount = fc.oneof(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom(1n, -1n, 5n, -5n, 15n, 25n));
    fc.assert(
      fc.property(amount, share, (a, f) => {
        expect(scaleAmount(a, f)).toBe(amountFromDecimal(amountToDecimal(a).times(f)));
      }),
      { numRuns: 2000 },
    );
  });

  it("in a number (scaleMillionths) is scaleAmount's result, or NaN where the product could pass 2^53 (property)", () => {
    const share = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => new Dec(n).div(1_000_000)),
      fc.constantFrom("0.6", "0.5", "0.1", "0.125", "1", "0", "0.333333333333333333333333", "12.5").map((t) => new Dec(t)),
    );
    const millionths = fc.oneof(
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      fc.constantFrom(5, -5, 15, 25, -25, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
      fc.double({ min: -(2 ** 53), max: 2 ** 53, noNaN: true }).map(Math.trunc),
    );
    fc.assert(
      fc.property(millionths, share, (x, f) => {
        const scaled = scaleMillionths(x, f);
        if (scaled === scaled) expect(BigInt(scaled)).toBe(scaleAmount(BigInt(x), f));
      }),
      { numRuns: 3000 },
    );
    expect(scaleMillionths(25, new Dec("0.1"))).toBe(2); // 2.5, half-even
    expect(scaleMillionths(-35, new Dec("0.1"))).toBe(-4);
    expect(scaleMillionths(Number.MAX_SAFE_INTEGER, new Dec("0.6"))).toBeNaN();
  });
});

describe("Tally (a rule's running sum)", () => {
  it("equals the BigInt sum across 2^52 and 2^53, whatever the sizes and signs (property)", () => {
    const amounts = fc.array(
      fc.oneof(
        fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(2n ** 52n, -(2n ** 52n), 2n ** 52n - 1n, 2n ** 53n - 1n, 2n ** 53n + 1n, 0n),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(amounts, (list) => {
        const tally = new Tally(new FundContext(fundOf("FCPR"), [], "2025-12-31", { explain: false }));
        let expected = 0n;
        for (const a of list) {
          tally.plus(a);
          expected += a;
          // Read in the middle too: reading the total must not disturb the sum.
          if (a % 7n === 0n) expect(tally.total).toBe(expected);
        }
        expect(tally.total).toBe(expected);
      }),
      { numRuns: 300, seed: 525252 },
    );
  });
});
