import { checkFund } from "../engine/check";
import type {
  Diagnostic,
  Fund,
  Holder,
  Holding,
  WorkbookModel,
} from "../engine/model";
import type { FundReport } from "../engine/result";
import { tableFromValues } from "../workbook/range-grid";
import { readWorkbook } from "../workbook/read-workbook";

export type Grid = readonly (readonly unknown[])[];

/** A parsed workbook and the fund reports already computed from it, by fund and date. */
interface Entry {
  funds: Grid;
  holdings: Grid;
  holders: Grid;
  model: WorkbookModel;
  holdingsByFund: Map<string, Holding[]>;
  holdersByFund: Map<string, Holder[]>;
  diagnosticsByRow: Map<string, Diagnostic[]>;
  reports: Map<string, FundReport>;
}

const MAX_ENTRIES = 4;
const entries: Entry[] = [];

/**
 * Many formula cells read the same Funds and Holdings ranges. Each call may receive its own
 * copy of the values, so entries are matched by content, compared cell by cell (cheap next to
 * parsing), never by a sampled fingerprint that could miss an edit.
 */
export function modelFor(
  funds: Grid,
  holdings: Grid,
  holders: Grid = [],
): Entry {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (
      sameGrid(e.funds, funds) &&
      sameGrid(e.holders, holders) &&
      sameGrid(e.holdings, holdings)
    ) {
      if (i > 0) entries.unshift(...entries.splice(i, 1));
      return e;
    }
  }
  const model = readWorkbook({
    Funds: tableFromValues("Funds", funds),
    Holdings: tableFromValues("Holdings", holdings),
    Holders: holders.length ? tableFromValues("Holders", holders) : undefined,
  });
  // Keep copies: a host may reuse and refill the arrays it passed.
  const entry: Entry = {
    funds: copyGrid(funds),
    holdings: copyGrid(holdings),
    holders: copyGrid(holders),
    model,
    holdingsByFund: byFund(model, model.holdings),
    holdersByFund: byFund(model, model.holders),
    diagnosticsByRow: diagnosticsByRow(model),
    reports: new Map(),
  };
  if (entries.length) reuseUntouchedReports(entries[0], entry);
  entries.unshift(entry);
  if (entries.length > MAX_ENTRIES) entries.pop();
  return entry;
}

/**
 * After an edit to a few holdings, the funds those rows do not belong to have the same
 * report as before: carry them over instead of recomputing every fund.
 */
function reuseUntouchedReports(previous: Entry, next: Entry): void {
  if (
    previous.reports.size === 0 ||
    !sameGrid(previous.funds, next.funds) ||
    !sameGrid(previous.holders, next.holders)
  )
    return;
  const before = previous.holdings;
  const after = next.holdings;
  if (before.length !== after.length) return; // rows moved: every row number may differ
  const touched = new Set<string>();
  const fundOf = (entry: Entry, index: number) =>
    entry.model.holdings.find((h) => h.row === index + 1);
  for (let r = 0; r < after.length; r++) {
    if (sameGrid([before[r]], [after[r]])) continue;
    for (const [entry] of [[previous], [next]] as const) {
      const h = fundOf(entry, r);
      if (!h) continue;
      if (h.fundId === undefined || h.invalid.has("fundId")) return; // cannot tell which fund: recompute all
      touched.add(h.fundId);
    }
    if (r === 0 || touched.size > 8) return; // header changed, or too many funds to be worth it
  }
  for (const [key, report] of previous.reports) {
    if (!touched.has(report.fundId)) next.reports.set(key, report);
  }
}

/** The fund's report on a date, computed once per parsed workbook. */
export function fundReport(entry: Entry, fund: Fund, asOf: string): FundReport {
  const key = `${fund.fundId}\u0000${asOf}`;
  let report = entry.reports.get(key);
  if (!report) {
    const holdings = entry.holdingsByFund.get(fund.fundId) ?? [];
    const diagnostics = [
      ...(entry.diagnosticsByRow.get(`Funds:${fund.row}`) ?? []),
      ...holdings.flatMap(
        (h) => entry.diagnosticsByRow.get(`Holdings:${h.row}`) ?? [],
      ),
      ...(entry.holdersByFund.get(fund.fundId) ?? []).flatMap(
        (h) => entry.diagnosticsByRow.get(`Holders:${h.row}`) ?? [],
      ),
    ];
    const rows = entry.model.funds
      .filter((f) => f.fundId === fund.fundId)
      .map((f) => f.row);
    report = checkFund(
      fund,
      holdings,
      diagnostics,
      { asOf, positions: true },
      rows.length > 1 ? rows : undefined,
      entry.holdersByFund.get(fund.fundId) ?? [],
    );
    entry.reports.set(key, report);
  }
  return report;
}

export function clearModelCache(): void {
  entries.length = 0;
}

function copyGrid(grid: Grid): Grid {
  return grid.map((row) => row.slice());
}

function sameGrid(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const ra = a[r];
    const rb = b[r];
    if (ra.length !== rb.length) return false;
    for (let c = 0; c < ra.length; c++) {
      const x = ra[c];
      const y = rb[c];
      if (x !== y && !sameCell(x, y)) return false;
    }
  }
  return true;
}

function sameCell(x: unknown, y: unknown): boolean {
  if (x instanceof Date && y instanceof Date)
    return x.getTime() === y.getTime();
  // Blank cells arrive as "" or null depending on the host.
  return (
    (x === null || x === undefined || x === "") &&
    (y === null || y === undefined || y === "")
  );
}

function byFund<T extends { fundId?: string }>(
  model: WorkbookModel,
  rows: T[],
): Map<string, T[]> {
  const single = model.funds.length === 1 ? model.funds[0].fundId : undefined;
  const map = new Map<string, T[]>();
  for (const h of rows) {
    const id = h.fundId ?? single;
    if (id === undefined) continue;
    const list = map.get(id);
    if (list) list.push(h);
    else map.set(id, [h]);
  }
  return map;
}

function diagnosticsByRow(model: WorkbookModel): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of model.diagnostics) {
    const key = `${d.table}:${d.row}`;
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  }
  return map;
}
