// The cost of the detailed report and of its reconciliation, against the plain check, on one FCPR
// fund of N positions, measured in the same process.
import {
  checkWorkbook,
  familyFor,
  FundContext,
  readWorkbook,
  reconcileRules,
  tableFromValues,
} from "./product";
import { fundsGrid, holdingsGrid } from "./data";
import { round, timeMedian } from "./timing";

export interface ReconciliationBench {
  positions: number;
  plainMs: number;
  explainedMs: number;
  reconcileMs: number;
  /** The detailed check (outcomes and reconciliation) over the plain one. */
  explainedOverPlain: number;
  /** The reconciliation alone over the plain check. */
  reconcileOverPlain: number;
}

export function benchReconciliation(positions: number): ReconciliationBench {
  const model = readWorkbook({
    Funds: tableFromValues("Funds", fundsGrid(1)),
    Holdings: tableFromValues("Holdings", holdingsGrid(positions, 1)),
  });
  const asOf = "2025-12-31";
  const runs = positions >= 100_000 ? 5 : 9;
  const plainMs = timeMedian(() => checkWorkbook(model, { asOf }), runs);
  // Explanations are computed when read: every position's outcome and every rule's reconciliation are read here.
  const explainedMs = timeMedian(() => {
    for (const f of checkWorkbook(model, { asOf, positions: true }).funds) {
      if (!f.positions?.length) console.log("no position");
      for (const r of f.rules)
        if (r.reconciliation === undefined) console.log("no reconciliation");
    }
  }, runs);
  // The reconciliation alone, over a fund already evaluated in explained mode.
  const fund = model.funds[0];
  const family = familyFor(fund.fundType!)!;
  const ctx = new FundContext(fund, model.holdings, asOf, {
    ...family.basis,
    explain: true,
  });
  const rules = family.evaluate(ctx).rules;
  let lines = 0;
  const reconcileMs = timeMedian(() => {
    // Every rule at once, as the detailed check asks: the positions' shapes are worked out in each run.
    for (const r of reconcileRules(ctx, rules)) lines += r.lines.length;
  }, runs);
  if (lines === 0) console.log("no reconciliation line");
  return {
    positions,
    plainMs: round(plainMs),
    explainedMs: round(explainedMs),
    reconcileMs: round(reconcileMs),
    explainedOverPlain: round(explainedMs / plainMs, 1),
    reconcileOverPlain: round(reconcileMs / plainMs, 1),
  };
}
