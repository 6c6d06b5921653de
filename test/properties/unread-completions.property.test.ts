import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import { ASSET_CLASSES, type Fund, type Holding } from "../../src/engine/model";
import type { RuleResult, Status } from "../../src/engine/result";
import { eur } from "../helpers/build";
import { RUNS } from "./arbitraries";
import { fund, HOLDER_RULES, holding, isOpci, type Poison, poisoned, scenario, type Scenario } from "./poisoned-row";

// WORKBOOK-FORMAT §3: a rule whose numerator or denominator an unreadable row could enter is
// `incomplete`, unless the readable rows decide it. A breach shown beside such a row is such a
// decision: it must hold whatever the row's value is. Each run builds a random fund with one row of
// one unreadable (or blank) value, then the same fund with that value read, for every value of a
// list that crosses the law's lines (every class, a date before and after the test date, amounts
// below zero, zero and large, capitalisations either side of 150 M€…): where the row unread gives a
// breach, no value read may give a pass (or a warning, a rule not binding, an information). A
// value read that leaves the rule incomplete for another reason proves nothing and is skipped.

const AS_OF = "2025-12-31";
const PASSING: Status[] = ["pass", "warning", "not-binding", "info"];

/** The values the unreadable one could have been, each as a change to the row. */
function readValues(kind: Poison, fundType: string): Partial<Holding>[] {
  switch (kind) {
    case "class":
      return isOpci(fundType as never)
        ? [1, 2, 3, 4, 5, 6, 7, 8, 9].map((opciCategory) => ({ opciCategory }))
        : ASSET_CLASSES.map((assetClass) => ({ assetClass }));
    case "investmentDate":
      return [{ investmentDate: "2023-01-15" }, { investmentDate: "2026-06-01" }, { investmentDate: AS_OF }];
    case "disposalDate":
      return [{ disposalDate: undefined }, { disposalDate: "2024-06-30" }, { disposalDate: AS_OF }, { disposalDate: "2026-06-30" }];
    case "amount":
      return ["-100000", "0", "0.01", "25000", "10000000"].map((v) => ({ costValue: eur(v), fairValue: eur(v) }));
    case "eligibility":
      return [true, false].map((b) => ({ fcpiEligible: b, fipEligible: b }));
    case "ownership":
      return ["0", "0.04", "0.05", "0.2", "1"].map((x) => ({ ownershipPct: new Dec(x) }));
    case "masterId":
      return ["M1", "M2", "M3"].map((masterId) => ({ masterId }));
    case "marketCap":
      return [10_000_000, 149_999_999, 150_000_000, 150_000_001, 1_000_000_000].map((v) => ({ marketCap: eur(v) }));
    case "lookThrough":
      return ["0", "0.5", "1"].map((x) => ({ lookThroughPct: new Dec(x) }));
    case "region":
      return ["Bretagne", "Normandie", "Occitanie"].map((region) => ({ region }));
    case "acquisitionMode":
      return [{ acquisitionMode: "SUBSCRIPTION" }, { acquisitionMode: "SECONDARY_PURCHASE" }];
    case "entityDebt":
      return ["0", "100000", "10000000"].map((v) => ({ entityDebt: eur(v) }));
  }
}

interface Built {
  fund: Fund;
  rows: Holding[];
  bad: Holding;
  rules?: string[];
}

function build(s: Scenario): Built | undefined {
  const bad = poisoned(s.kind, s.fundType, s.row, 100, s.unreadable);
  if (!bad) return undefined;
  return {
    fund: fund(s.fundType, s.kind === "amount", s.constitution, s.liquidLabel, s.overseas, s.overseas),
    rows: s.rows.map((r, i) => holding(r, i + 2)),
    bad: bad.h,
    rules: bad.rules,
  };
}

/** A change as words for the failure's message (amounts are BigInts, shares Decs). */
const shown = (change: Partial<Holding>): string => JSON.stringify(change, (_, v: unknown) => (typeof v === "bigint" || v instanceof Dec ? String(v) : v));

const check = (b: Built, bad: Holding): RuleResult[] =>
  checkWorkbook({ funds: [b.fund], holdings: [...b.rows, bad], holders: [], diagnostics: [] }, { asOf: AS_OF }).funds[0].rules;

describe("a breach beside an unreadable value holds for every value it could have (property)", () => {
  it("no value read in its place turns a breach shown into a pass, for every fund type and kind of unreadable value", () => {
    let breaches = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const b = build(s);
        if (!b) return;
        const unread = check(b, b.bad).filter((r) => r.status === "breach" && !HOLDER_RULES.has(r.id) && (!b.rules || b.rules.includes(r.id)));
        if (unread.length === 0) return;
        breaches += unread.length;
        for (const change of readValues(s.kind, s.fundType)) {
          const read = { ...b.bad, ...change, invalid: new Set<string>() };
          const byId = new Map(check(b, read).map((r) => [r.id, r]));
          for (const r of unread) {
            const other = byId.get(r.id);
            if (!other) continue;
            expect(
              PASSING,
              `${r.id} (${s.fundType}, ${s.kind} ${s.unreadable ? "unreadable" : "blank"}) is in breach unread (${r.message ?? ""}), ${other.status} with ${shown(change)}`
            ).not.toContain(other.status);
          }
        }
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 600) }
    );
    // A property that met no breach would prove nothing.
    expect(breaches).toBeGreaterThan(50);
  });
});
