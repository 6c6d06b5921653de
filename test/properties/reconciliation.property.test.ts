import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eur } from "../helpers/build";
import { RUNS } from "./arbitraries";
import { cases, checkCase } from "./every-fund-type";

// For random funds of every type, each rule's reconciliation leads exactly from the fund's total
// holdings to the rule's numerator and denominator: the lines sum to the total, the lines and
// adjustments marked numerator (denominator) sum to the numerator (denominator), and every row is
// on one line. All sums are BigInt millionths, never floating point.

const sum = (amounts: string[]) => amounts.reduce((s, a) => s + eur(a), 0n);

describe("reconciliation (property)", () => {
  it("for random funds, each rule's reconciliation lines sum exactly to the total and lead exactly to numerator and denominator", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { report, holdings, holders } = checkCase(c, {
          reconciliation: true,
        });
        expect(report.rules.length).toBeGreaterThan(0);
        for (const r of report.rules) {
          const rec = r.reconciliation;
          expect(rec, r.id).toBeDefined();
          if (!rec) continue;
          // The FIP holder caps reconcile the Holders table; every other rule the holdings.
          const holderRule = ["FIP-H20", "FIP-H10", "FIP-H30"].includes(r.id);
          // The total is the fund's own rows, summed independently of the engine.
          const readable = holderRule
            ? holders.map((h) => h.units)
            : holdings.map((h) =>
                c.fund.basis === "COST" &&
                ![
                  "SPPICAV",
                  "FPI",
                  "OPCVM_FEEDER",
                  "FIVG_FEEDER",
                  "FIA",
                  // The other Livre II funds measured at fair value (WORKBOOK-FORMAT-LIVRE2 §2.1).
                  "SEF",
                  "SCPI",
                  "SICAF",
                  "FCPE",
                  "OPCVM",
                  "FIVG",
                  "OFS",
                ].includes(c.fund.fundType)
                  ? h.costValue
                  : h.fairValue,
              );
          const total = readable.reduce<bigint>((s, a) => s + (a ?? 0n), 0n);
          expect(eur(rec.total), r.id).toBe(total);
          expect(sum(rec.lines.map((l) => l.amount)), r.id).toBe(
            eur(rec.total),
          );
          expect(
            rec.lines.reduce((n, l) => n + l.count, 0),
            r.id,
          ).toBe(holderRule ? holders.length : holdings.length);
          const all = [...rec.lines, ...rec.adjustments];
          const num = sum(all.filter((l) => l.numerator).map((l) => l.amount));
          const den = sum(
            all.filter((l) => l.denominator).map((l) => l.amount),
          );
          expect(eur(rec.numerator), r.id).toBe(num);
          if (r.numerator !== null)
            expect(num, `${r.id} numerator`).toBe(eur(r.numerator));
          expect(
            rec.denominator === null ? null : eur(rec.denominator),
            `${r.id} denominator`,
          ).toBe(r.denominator === null ? null : den);
          expect(rec.unit).toBe(r.unit);
        }
      }),
      RUNS,
    );
  });

  it("a rule in breach never shows a positive headroom, and its failed conditions name the positions to cure", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { report } = checkCase(c, {});
        for (const r of report.rules) {
          if (r.status === "breach" && r.headroom !== null)
            expect(
              Number(r.headroom) <= 0,
              `${r.id} headroom ${r.headroom}`,
            ).toBe(true);
          for (const cond of r.conditions ?? []) {
            if (cond.failed && cond.headroom !== null)
              expect(Number(cond.headroom) <= 0, `${r.id}/${cond.id}`).toBe(
                true,
              );
            if (cond.failed && cond.kind !== "limit")
              expect(
                cond.positions?.length,
                `${r.id}/${cond.id}`,
              ).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("the plain check gives the same rules as the explained one, without the reconciliation", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const plain = checkCase(c, {}).report;
        const explained = checkCase(c, { positions: true }).report;
        expect(plain.rules.some((r) => r.reconciliation)).toBe(false);
        expect(plain.rules).toEqual(
          explained.rules.map((r) => {
            const copy = { ...r };
            delete copy.reconciliation;
            return copy;
          }),
        );
      }),
      RUNS,
    );
  });
});
