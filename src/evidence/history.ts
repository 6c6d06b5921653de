import type { Operator, Report, Status } from "../engine/result";
import { Dec } from "../engine/decimal";

/**
 * The history of the ratios over month-ends (historique des ratios): one point per as-of date,
 * fund and rule, from the reports of successive checks (evidence packs, or the pane's "Freeze
 * month-end"). A rule that went from passing to breach is flagged with the positions that moved
 * it: those whose amount counted in that rule changed between the two dates.
 */

export interface HistoryPoint {
  asOf: string;
  fundId: string;
  fundName?: string;
  rule: string;
  value: number | null;
  threshold: number | null;
  operator?: Operator;
  status: Status;
  numerator: string | null;
  denominator: string | null;
  /** The pack or sheet the point comes from. */
  source?: string;
}

/** A position whose amount counted in a rule changed from one month-end to the next. */
export interface Move {
  lineId: string;
  issuer?: string;
  /** Amount counted in the rule before and after ("0" when not counted). */
  before: string;
  after: string;
  /** after − before, exact. */
  change: string;
}

/** A rule that passed (or was to watch) at one month-end and is in breach at the next. */
export interface Transition {
  fundId: string;
  rule: string;
  from: { asOf: string; status: Status; value: number | null };
  to: { asOf: string; status: Status; value: number | null };
  /** The positions that moved it, largest change first. */
  moves: Move[];
}

export interface History {
  points: HistoryPoint[];
  transitions: Transition[];
}

export interface DatedReport {
  report: Report;
  source?: string;
}

/** Amount counted per position (lineId) in one rule of one fund. */
function countedIn(
  report: Report,
  fundId: string,
  rule: string,
): Map<string, { amount: string; issuer?: string }> {
  const out = new Map<string, { amount: string; issuer?: string }>();
  const fund = report.funds.find((f) => f.fundId === fundId);
  for (const p of fund?.positions ?? []) {
    let total = "0";
    for (const c of p.counted)
      if (c.rule === rule) total = new Dec(total).plus(c.amount).toFixed();
    const prev = out.get(p.lineId);
    out.set(p.lineId, {
      amount: prev ? new Dec(prev.amount).plus(total).toFixed() : total,
      issuer: p.issuerName ?? p.issuerId,
    });
  }
  return out;
}

function movesBetween(
  before: Report,
  after: Report,
  fundId: string,
  rule: string,
): Move[] {
  const a = countedIn(before, fundId, rule);
  const b = countedIn(after, fundId, rule);
  const moves: Move[] = [];
  for (const lineId of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(lineId)?.amount ?? "0";
    const y = b.get(lineId)?.amount ?? "0";
    const change = new Dec(y).minus(x);
    if (change.isZero()) continue;
    moves.push({
      lineId,
      issuer: b.get(lineId)?.issuer ?? a.get(lineId)?.issuer,
      before: new Dec(x).toFixed(),
      after: new Dec(y).toFixed(),
      change: change.toFixed(),
    });
  }
  return moves.sort(
    (m, n) =>
      Math.abs(Number(n.change)) - Math.abs(Number(m.change)) ||
      m.lineId.localeCompare(n.lineId),
  );
}

const PASSING: ReadonlySet<Status> = new Set(["pass", "warning"]);

/**
 * The history of these reports, oldest first. Reports of the same date (several workbooks of one
 * pack) are merged by fund; a fund given twice for one date keeps its later report.
 */
export function buildHistory(reports: DatedReport[]): History {
  const byDate = new Map<string, DatedReport>();
  for (const r of reports) {
    const prev = byDate.get(r.report.asOf);
    if (!prev) {
      byDate.set(r.report.asOf, r);
      continue;
    }
    const ids = new Set(r.report.funds.map((f) => f.fundId));
    byDate.set(r.report.asOf, {
      source: prev.source,
      report: {
        ...prev.report,
        funds: [
          ...prev.report.funds.filter((f) => !ids.has(f.fundId)),
          ...r.report.funds,
        ],
      },
    });
  }
  const dated = [...byDate.values()].sort((x, y) =>
    x.report.asOf.localeCompare(y.report.asOf),
  );
  const points: HistoryPoint[] = [];
  for (const { report, source } of dated)
    for (const f of report.funds)
      for (const r of f.rules)
        points.push({
          asOf: report.asOf,
          fundId: f.fundId,
          ...(f.fundName ? { fundName: f.fundName } : {}),
          rule: r.id,
          value: r.value,
          threshold: r.threshold,
          ...(r.operator ? { operator: r.operator } : {}),
          status: r.status,
          numerator: r.numerator,
          denominator: r.denominator,
          ...(source ? { source } : {}),
        });
  const transitions: Transition[] = [];
  for (let i = 1; i < dated.length; i++) {
    const before = dated[i - 1].report;
    const after = dated[i].report;
    for (const f of after.funds)
      for (const r of f.rules) {
        if (r.status !== "breach") continue;
        const was = before.funds
          .find((g) => g.fundId === f.fundId)
          ?.rules.find((x) => x.id === r.id);
        if (!was || !PASSING.has(was.status)) continue;
        transitions.push({
          fundId: f.fundId,
          rule: r.id,
          from: { asOf: before.asOf, status: was.status, value: was.value },
          to: { asOf: after.asOf, status: r.status, value: r.value },
          moves: movesBetween(before, after, f.fundId, r.id),
        });
      }
  }
  return { points, transitions };
}

/** The series of one fund's rules that have a threshold, for a chart: rule → points by date. */
export function seriesOf(
  history: History,
  fundId: string,
): Map<string, HistoryPoint[]> {
  const out = new Map<string, HistoryPoint[]>();
  for (const p of history.points) {
    if (p.fundId !== fundId || p.threshold === null) continue;
    const list = out.get(p.rule) ?? [];
    list.push(p);
    out.set(p.rule, list);
  }
  return out;
}
