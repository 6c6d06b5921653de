import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Status } from "../../src/engine/result";
import { FAMILIES } from "../../src/engine/rules/registry";
import { RUNS } from "./arbitraries";
import { fund, HOLDER_RULES, holding, run, scenario } from "./poisoned-row";

// The contract: "an unreadable value makes its rule incomplete, never pass". Each run builds a random
// fund of a random type, adds one row with one unreadable (or blank where the rule needs it) value,
// and checks every rule that row could enter. The only statuses allowed are `incomplete` and
// `breach`: a breach named by the readable rows (a position outside a closed list, a gate failed)
// stands whatever the unknown value is, and hiding it behind `incomplete` would hide a certain
// breach. `pass`, `warning`, `not-binding` and `info` all claim a result the missing value could
// change, so none of them may appear.
const CLAIMING: Status[] = ["pass", "warning", "not-binding", "info"];

describe("an unreadable value never lets a rule pass (property)", () => {
  it("every rule the unreadable row could enter is incomplete or in breach, for every fund type", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, (s) => {
        const out = run(s);
        if (!out) return;
        const affected = out.report.rules.filter((r) => !HOLDER_RULES.has(r.id) && (!out.rules || out.rules.includes(r.id)));
        for (const r of affected) {
          seen.add(`${s.kind}:${r.id}`);
          expect(CLAIMING, `${r.id} (${s.fundType}, ${s.kind}) is ${r.status}: ${r.message ?? ""}`).not.toContain(r.status);
          if (r.status === "incomplete" && r.value !== null) expect(r.partial, r.id).toBe(true);
        }
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 1200) }
    );
    // Every family was reached with the blank class (a property that checks nothing proves nothing).
    for (const family of FAMILIES) for (const r of family.rules) if (!HOLDER_RULES.has(r.id)) expect([...seen], r.id).toContain(`class:${r.id}`);
    // And each other kind of unreadable value reached the rules it names.
    for (const kind of ["marketCap:FCPR-B20", "lookThrough:FCPR-Q50", "region:FIP-REG25", "acquisitionMode:FCPI-FRESH40", "entityDebt:OPCI-LEV40"]) expect([...seen]).toContain(kind);
  });
});

describe("a rule in breach never shows a positive headroom (property)", () => {
  it("over random funds of every type, every breach and every failed condition has a headroom of zero or less", () => {
    let breaches = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const holdings = [...s.rows, s.row].map((r, i) => holding(r, i + 2));
        const f = fund(s.fundType, false, s.constitution, s.liquidLabel, s.overseas);
        const report = checkWorkbook({ funds: [f], holdings, holders: [], diagnostics: [] }, { asOf: "2025-12-31" }).funds[0];
        for (const r of report.rules) {
          if (r.status === "breach") {
            breaches += 1;
            if (r.headroom !== null) expect(Number(r.headroom), `${r.id} ${r.headroom}`).toBeLessThanOrEqual(0);
          }
          for (const c of r.conditions ?? []) if (c.failed && c.headroom !== null) expect(Number(c.headroom), `${r.id}/${c.id}`).toBeLessThanOrEqual(0);
        }
      }),
      RUNS
    );
    expect(breaches).toBeGreaterThan(0);
  });
});
