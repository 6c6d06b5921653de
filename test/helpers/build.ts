import { amountFromString } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import type { Fund, Holder, Holding } from "../../src/engine/model";
import type { FundReport, RuleResult } from "../../src/engine/result";

type Money = string | number;

export interface FundSpec extends Omit<Partial<Fund>, "paidUpSubscriptions" | "totalAssets" | "quotaThreshold" | "warningMargin" | "borrowings"> {
  borrowings?: Money;
  /** null leaves the cell blank. */
  paidUpSubscriptions?: Money | null;
  totalAssets?: Money;
  quotaThreshold?: string;
  warningMargin?: string;
}

export interface HoldingSpec
  extends Omit<Partial<Holding>, "costValue" | "fairValue" | "marketCap" | "ownershipPct" | "lookThroughPct" | "invalid" | "entityDebt" | "participationPct"> {
  entityDebt?: Money;
  participationPct?: string;
  costValue?: Money;
  fairValue?: Money;
  marketCap?: Money;
  ownershipPct?: string;
  lookThroughPct?: string;
  invalid?: string[];
}

export const eur = (v: Money) => amountFromString(String(v));

/** An FCPR inside its quota window on 2025-12-31, measured at cost over 1,000,000 EUR, with no warning margin. */
export function fcpr(spec: FundSpec = {}): Fund {
  const { paidUpSubscriptions = "1000000", totalAssets, quotaThreshold, warningMargin = "0", borrowings, ...rest } = spec;
  return {
    fundId: "F1",
    fundType: "FCPR",
    constitutionDate: "2022-01-15",
    firstYearEnd: "2022-12-31",
    basis: "COST",
    overseasZone: false,
    isSicav: false,
    liquidLabel: false,
    row: 2,
    invalid: new Set(),
    ...rest,
    paidUpSubscriptions: paidUpSubscriptions === null ? undefined : eur(paidUpSubscriptions),
    totalAssets: totalAssets === undefined ? undefined : eur(totalAssets),
    borrowings: borrowings === undefined ? undefined : eur(borrowings),
    quotaThreshold: quotaThreshold === undefined ? undefined : new Dec(quotaThreshold),
    warningMargin: new Dec(warningMargin),
  };
}

let nextRow = 2;
export function holding(spec: HoldingSpec): Holding {
  const row = spec.row ?? nextRow++;
  const { costValue, fairValue, marketCap, ownershipPct, lookThroughPct, invalid, entityDebt, participationPct, ...rest } = spec;
  return {
    fundId: "F1",
    lineId: `L${row}`,
    entityOecd: false,
    fcpiEligible: false,
    fipEligible: false,
    encumbered: false,
    controlledParticipation: false,
    hedgeOnly: false,
    ...rest,
    row,
    invalid: new Set(invalid ?? []),
    costValue: costValue === undefined ? undefined : eur(costValue),
    fairValue: fairValue === undefined ? undefined : eur(fairValue),
    marketCap: marketCap === undefined ? undefined : eur(marketCap),
    ownershipPct: ownershipPct === undefined ? undefined : new Dec(ownershipPct),
    lookThroughPct: lookThroughPct === undefined ? undefined : new Dec(lookThroughPct),
    entityDebt: entityDebt === undefined ? undefined : eur(entityDebt),
    participationPct: participationPct === undefined ? undefined : new Dec(participationPct),
  };
}

export function checkOne(fund: Fund, holdings: Holding[], asOf = "2025-12-31"): FundReport {
  const report = checkWorkbook({ funds: [fund], holdings, holders: [], diagnostics: [] }, { asOf, positions: true });
  return report.funds[0];
}

export function rule(report: FundReport, id: string): RuleResult {
  const r = report.rules.find((x) => x.id === id);
  if (!r) throw new Error(`rule ${id} not in the report (${report.rules.map((x) => x.id).join(", ")})`);
  return r;
}

export function positionOf(report: FundReport, row: number) {
  const p = report.positions?.find((x) => x.row === row);
  if (!p) throw new Error(`no position at row ${row}`);
  return p;
}

/** Unlisted equity of a fresh issuer, at cost. */
export const unlisted = (costValue: Money, extra: HoldingSpec = {}) => holding({ assetClass: "EQUITY", costValue, ...extra });

/** A fund of any type, measured at cost over 1,000,000 EUR unless stated, with no warning margin. */
export function fundOf(fundType: Fund["fundType"], spec: FundSpec = {}): Fund {
  return fcpr({ fundType, ...spec });
}

export function holder(spec: Partial<Omit<Holder, "units">> & { units?: Money }): Holder {
  const { units, ...rest } = spec;
  return { row: nextRow++, invalid: new Set(), fundId: "F1", ...rest, units: units === undefined ? undefined : eur(units) };
}

export function checkWith(fund: Fund, holdings: Holding[], holders: Holder[], asOf = "2025-12-31"): FundReport {
  return checkWorkbook({ funds: [fund], holdings, holders, diagnostics: [] }, { asOf, positions: true }).funds[0];
}
