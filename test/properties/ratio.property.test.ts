import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  centsFloorText,
  floorTimes,
  quotientNumber,
} from "../../src/engine/exact-fraction";
import { Dec } from "../../src/engine/decimal";
import {
  amountFromDecimal,
  amountToDecimal,
  formatCentsFloor,
} from "../../src/engine/amount";
import {
  decimalOutcome,
  integerOutcome,
  type RatioInput,
} from "../../src/engine/ratio";
import type { Direction, Operator } from "../../src/engine/result";
import { RUNS } from "./arbitraries";

/*
 * A rule's result is assembled in integers (ratio.ts integerOutcome) where decimal.js holds every
 * value exactly; it must be the decimal.js outcome to the byte: the ratio's double, the headroom's
 * cents and the status, on amounts near the limit, near 2^53 millionths and past it, and on
 * thresholds and margins of up to 20 decimals.
 */

const LIMIT = 2n ** 53n;

const amount = fc.oneof(
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  fc.bigInt({ min: LIMIT - 1000n, max: LIMIT + 1000n }),
  fc.bigInt({ min: -(LIMIT + 1000n), max: -(LIMIT - 1000n) }),
  fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }),
  fc.constantFrom(0n, 1n, -1n, 9999n, 10000n, -10000n, -10001n),
);
const positive = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 15n }),
  fc.bigInt({ min: LIMIT - 1000n, max: LIMIT + 1000n }),
  fc.bigInt({ min: 1n, max: 10n ** 45n }),
  fc.constantFrom(1n, 2n, 3n, 7n, 10000n, 2n ** 52n, LIMIT - 1n, LIMIT),
);
const fraction = fc.oneof(
  fc.constantFrom(
    "0",
    "0.05",
    "0.15",
    "0.2",
    "0.5",
    "0.02",
    "0.6",
    "1",
    "0.333333",
  ),
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 22n }),
      fc.integer({ min: 0, max: 24 }),
    )
    .map(([n, k]) =>
      new Dec(n.toString()).dividedBy(new Dec(10).pow(k)).toString(),
    ),
);
const direction = fc.constantFrom<Direction>(
  "min",
  "max",
  "cap",
  "info",
  "event",
);
const operator = fc.constantFrom<Operator | undefined>(
  undefined,
  ">=",
  ">",
  "<=",
  "<",
);

describe("ratio.ts: results in integers are decimal.js's", () => {
  it("the same ratio, headroom and status", () => {
    fc.assert(
      fc.property(
        amount,
        positive,
        fraction,
        fraction,
        direction,
        operator,
        fc.boolean(),
        fc.boolean(),
        (
          numerator,
          denominator,
          threshold,
          margin,
          dir,
          op,
          binding,
          complete,
        ) => {
          // Numerators that land on the limit and next to it, where the comparison is decided.
          const input = (n: bigint): RatioInput => ({
            rule: {
              id: "R",
              article: "A",
              direction: dir,
              operator: op,
              wording: "",
              title: { en: "", fr: "" },
            },
            threshold: new Dec(threshold),
            numerator: n,
            denominator,
            binding,
            complete,
            warningMargin: new Dec(margin),
          });
          const floorOf = (d: Dec) =>
            BigInt(d.toDecimalPlaces(0, Dec.ROUND_FLOOR).toFixed(0));
          const limit = new Dec(threshold).times(denominator.toString());
          const within = new Dec(margin).times(denominator.toString());
          // The limit, and the edges of its warning margin on either side.
          const edges = [limit, limit.plus(within), limit.minus(within)].map(
            floorOf,
          );
          for (const n of [
            numerator,
            ...edges.flatMap((e) => [e - 1n, e, e + 1n]),
          ]) {
            const i = input(n);
            const resolved = i.rule.operator ?? (dir === "min" ? ">=" : "<=");
            const exact = integerOutcome(i, resolved, n, denominator);
            if (exact)
              expect(exact).toEqual(
                decimalOutcome(i, resolved, n, denominator),
              );
          }
        },
      ),
      { ...RUNS, numRuns: RUNS.numRuns * 20 },
    );
  });

  it("the same double for num / den below 2^53", () => {
    fc.assert(
      fc.property(amount, positive, (n, d) => {
        const q = quotientNumber(n, d);
        if (q !== undefined)
          expect(q).toBe(
            amountToDecimal(n).dividedBy(amountToDecimal(d)).toNumber(),
          );
      }),
      { ...RUNS, numRuns: RUNS.numRuns * 20 },
    );
  });

  it("the same cap: fraction × amount rounded down to the millionth", () => {
    fc.assert(
      fc.property(amount, fraction, (x, f) => {
        const exact = floorTimes(x, new Dec(f));
        const decimal = amountFromDecimal(
          new Dec(f)
            .times(amountToDecimal(x))
            .toDecimalPlaces(6, Dec.ROUND_FLOOR),
        );
        if (exact !== undefined) expect(exact).toBe(decimal);
      }),
      { ...RUNS, numRuns: RUNS.numRuns * 20 },
    );
  });

  it("the same cents, rounded down", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 2, max: 30 }), (x, places) => {
        expect(centsFloorText(x, places)).toBe(
          formatCentsFloor(
            new Dec(x.toString()).dividedBy(new Dec(10).pow(places)),
          ),
        );
      }),
      { ...RUNS, numRuns: RUNS.numRuns * 20 },
    );
  });
});
