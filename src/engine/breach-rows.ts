import type { FundReport, Report, RuleResult } from "./result";

/**
 * The Holdings rows that drive a breach: for a maximum, the positions counted against it;
 * for a minimum, the positions the rule left out; for a closed list or a gate, the positions refused.
 */
export function breachRows(report: Report): number[] {
  const rows = new Set<number>();
  for (const fund of report.funds)
    for (const rule of fund.rules)
      if (rule.status === "breach")
        for (const row of rowsDriving(fund, rule)) rows.add(row);
  return [...rows].sort((a, b) => a - b);
}

export function rowsDriving(fund: FundReport, rule: RuleResult): number[] {
  // A breach of a gate or closed list alone: the positions it names, not every position measured.
  const failed = (rule.conditions ?? []).filter((c) => c.failed);
  if (failed.length && failed.every((c) => c.kind !== "limit"))
    return [
      ...new Set(failed.flatMap((c) => (c.positions ?? []).map((p) => p.row))),
    ].sort((a, b) => a - b);
  const rows: number[] = [];
  for (const p of fund.positions ?? []) {
    const refused = p.excluded.some((e) => e.rule === rule.id);
    const counted = p.counted.some((c) => c.rule === rule.id);
    if (refused || (rule.direction !== "min" && counted)) rows.push(p.row);
  }
  return rows;
}

/** Consecutive rows as [first, last] runs, so one formatting rule covers each run. */
export function rowRuns(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
