import { type Amount, formatAmount, scaleAmount } from "../engine/amount";
import { checkWorkbook, fundKey } from "../engine/check";
import type { IsoDate } from "../engine/dates";
import { Dec } from "../engine/decimal";
import type { Holding, WorkbookModel } from "../engine/model";
import type { FundReport, RuleResult, Status } from "../engine/result";
import { plainHolding } from "../workbook/read-columns";

/**
 * Pre-trade what-if (simulation avant opération): the fund's rules if it bought or sold a
 * position, and the largest amount it can buy (or sell) with every rule still met. Nothing of
 * the engine is copied: the trade is written into a copy of the workbook model (a new holding,
 * or holdings reduced) and the model is checked again by checkWorkbook.
 */

export type Side = "buy" | "sell";

/** The position traded: the Holdings columns of the contract (issuer, class, listing, date…). */
export type TradedPosition = Partial<
  Omit<Holding, "row" | "invalid" | "costValue" | "fairValue" | "fundId">
>;

export interface Trade {
  fundId: string;
  side: Side;
  position: TradedPosition;
}

export interface RuleState {
  value: number | null;
  status: Status;
  headroom: string | null;
}

export interface WhatIfRule {
  id: string;
  article: string;
  threshold: number | null;
  operator?: RuleResult["operator"];
  unit?: RuleResult["unit"];
  before: RuleState;
  after: RuleState;
}

export interface Largest {
  /** The largest amount (EUR, to the cent) with every rule met; null when none or no limit. */
  amount: string | null;
  /** No rule limits the trade (checked up to 10^15 EUR). */
  unbounded?: boolean;
  /** The rule that one more cent would break. */
  binding?: string;
  /** Rules already in breach or incomplete without the trade, that no amount of it cures. */
  blockedBy?: string[];
}

export interface WhatIf {
  fundId: string;
  asOf: IsoDate;
  side: Side;
  /** The amount simulated, at cost, and at fair value. */
  cost: string;
  fairValue: string;
  rules: WhatIfRule[];
  largest: Largest;
}

/** The line id of the position a purchase adds; its worksheet row is 0, which no real row has. */
export const WHATIF_LINE = "WHAT-IF";

/** A rule is met when it is neither in breach nor incomplete. */
const MET: ReadonlySet<Status> = new Set([
  "pass",
  "warning",
  "not-binding",
  "info",
]);

/** Only the fund traded: the same rows of Funds, Holdings and Holders, and every diagnostic. */
export function fundOnly(model: WorkbookModel, fundId: string): WorkbookModel {
  const key = fundKey(fundId);
  const mine = (id: string | undefined) =>
    id !== undefined && fundKey(id) === key;
  return {
    ...model,
    funds: model.funds.filter((f) => mine(f.fundId)),
    holdings: model.holdings.filter((h) => mine(h.fundId)),
    holders: model.holders.filter((h) => mine(h.fundId)),
  };
}

function sold(h: Holding, p: TradedPosition): boolean {
  if (p.lineId !== undefined && h.lineId !== p.lineId) return false;
  if (p.issuerId !== undefined && h.issuerId !== p.issuerId) return false;
  if (p.assetClass !== undefined && h.assetClass !== p.assetClass) return false;
  return p.lineId !== undefined || p.issuerId !== undefined;
}

/** The model after the trade; a sale larger than the holdings it names is refused. */
export function withTrade(
  model: WorkbookModel,
  trade: Trade,
  cost: Amount,
  fair: Amount,
): WorkbookModel {
  if (trade.side === "buy") {
    const holding: Holding = {
      entityOecd: false,
      fcpiEligible: false,
      fipEligible: false,
      encumbered: false,
      controlledParticipation: false,
      hedgeOnly: false,
      ...trade.position,
      lineId: trade.position.lineId ?? WHATIF_LINE,
      fundId: trade.fundId,
      costValue: cost,
      fairValue: fair,
      row: 0,
      invalid: new Set(),
    };
    return { ...model, holdings: [...model.holdings, holding] };
  }
  // A sale reduces the holdings it names, in row order, at cost; fair value in proportion.
  let left = cost;
  const holdings = model.holdings.map((h) => {
    if (
      left <= 0n ||
      !sold(h, trade.position) ||
      fundKey(h.fundId ?? "") !== fundKey(trade.fundId)
    )
      return h;
    const held = h.costValue ?? 0n;
    const take = held < left ? held : left;
    left -= take;
    const fairValue =
      h.fairValue !== undefined && held > 0n
        ? h.fairValue -
          scaleAmount(
            h.fairValue,
            new Dec(take.toString()).div(held.toString()),
          )
        : h.fairValue;
    // A holding read by columns keeps its fields on its prototype: copy them all.
    return { ...plainHolding(h), costValue: held - take, fairValue };
  });
  if (left > 0n) throw new RangeError("sale larger than the holdings named");
  return { ...model, holdings };
}

function fundOf(model: WorkbookModel, asOf: IsoDate): FundReport | undefined {
  return checkWorkbook(model, { asOf }).funds[0];
}

const stateOf = (r: RuleResult | undefined): RuleState =>
  r
    ? { value: r.value, status: r.status, headroom: r.headroom }
    : { value: null, status: "info", headroom: null };

/** 1 € in the model's millionths, and one cent. */
const EURO = 1_000_000n;
const CENT = 10_000n;
const LIMIT = 10n ** 15n * EURO;

/**
 * The fund's rules after the trade of `cost` (and `fair`, default the cost), and the largest
 * amount at cost, to the cent, that keeps every rule met. The search assumes what holds for
 * every rule of the law here: the amounts that keep a rule met form an interval from zero (a
 * position enters a numerator or a denominator in proportion to its amount); the result is
 * checked at the amount found and one cent above.
 */
export function whatIf(
  model: WorkbookModel,
  trade: Trade,
  cost: Amount,
  asOf: IsoDate,
  fair: Amount = cost,
): WhatIf {
  const base = fundOnly(model, trade.fundId);
  if (!base.funds.length) throw new RangeError(`no fund ${trade.fundId}`);
  const before = fundOf(base, asOf)!;
  const after = fundOf(withTrade(base, trade, cost, fair), asOf)!;
  const afterRules = new Map(after.rules.map((r) => [r.id, r]));
  return {
    fundId: before.fundId,
    asOf,
    side: trade.side,
    cost: formatAmount(cost),
    fairValue: formatAmount(fair),
    rules: before.rules.map((r) => ({
      id: r.id,
      article: r.article,
      threshold: r.threshold,
      ...(r.operator ? { operator: r.operator } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      before: stateOf(r),
      after: stateOf(afterRules.get(r.id)),
    })),
    largest: largestAmount(base, trade, asOf),
  };
}

/** The rules not met after trading `amount` (cost = fair value), or undefined if the sale is impossible. */
function unmet(
  base: WorkbookModel,
  trade: Trade,
  amount: Amount,
  asOf: IsoDate,
): string[] | undefined {
  let model: WorkbookModel;
  try {
    model = withTrade(base, trade, amount, amount);
  } catch {
    return undefined;
  }
  return fundOf(model, asOf)!
    .rules.filter((r) => !MET.has(r.status))
    .map((r) => r.id);
}

export function largestAmount(
  base: WorkbookModel,
  trade: Trade,
  asOf: IsoDate,
): Largest {
  // Rules not met by the smallest trade (already broken, or made incomplete by the position's
  // own missing data): unless one euro more cures them, no amount keeps every rule met.
  const atCent = unmet(base, trade, CENT, asOf) ?? [];
  if (atCent.length) {
    const atOne = unmet(base, trade, EURO, asOf);
    if (!atOne || atOne.length) return { amount: null, blockedBy: atCent };
  }
  const ok = (a: Amount) => {
    const u = unmet(base, trade, a, asOf);
    return u !== undefined && u.length === 0;
  };
  // Grow until a rule breaks (or the sale exceeds the holdings), then halve the gap to the cent.
  let lo = 0n;
  let hi = EURO;
  while (ok(hi)) {
    lo = hi;
    if (hi >= LIMIT) return { amount: null, unbounded: true };
    hi *= 2n;
  }
  lo = (lo / CENT) * CENT;
  while (hi - lo > CENT) {
    const mid = ((lo + hi) / 2n / CENT) * CENT;
    if (mid === lo) break;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  if (!ok(lo)) return { amount: null, blockedBy: atCent };
  const next = unmet(base, trade, lo + CENT, asOf);
  return {
    amount: formatAmount(lo),
    ...(next?.length ? { binding: next[0] } : {}),
  };
}
