import type { Diagnostic, FundType, Basis, AssetClass } from "./model";
import type { IsoDate } from "./dates";

export const STATUSES = [
  "pass",
  "warning",
  "breach",
  "not-binding",
  "incomplete",
  "info",
] as const;
export type Status = (typeof STATUSES)[number];

/** min: the ratio must reach the threshold; max: must not exceed it; cap: amounts above it are not counted; info: reported only. */
export type Direction = "min" | "max" | "cap" | "info";

/** How the threshold compares, as the article words it ("au moins" ≥, "dans la limite de" ≤, "inférieure à" <). */
export type Operator = ">=" | ">" | "<=" | "<";

export interface RuleDefinition {
  id: string;
  article: string;
  direction: Direction;
  operator?: Operator;
  /** The article's own words for the threshold, quoted from the reference text. */
  wording: string;
  title: { en: string; fr: string };
  fundTypes: readonly FundType[];
}

export interface GroupResult {
  key: string;
  value: number | null;
  numerator: string;
  status: Status;
}

export interface RuleResult {
  id: string;
  article: string;
  direction: Direction;
  /** How value compares with threshold, as the article words it. */
  operator?: Operator;
  threshold: number | null;
  value: number | null;
  numerator: string | null;
  denominator: string | null;
  status: Status;
  /** EUR above a minimum (or below a maximum); negative: the shortfall to cure. */
  headroom: string | null;
  /** The value was computed from the readable positions only. */
  partial?: boolean;
  message?: string;
  groups?: GroupResult[];
}

export interface Contribution {
  rule: string;
  amount: string;
  article: string;
  note?: string;
}

export interface Exclusion {
  rule: string;
  reason: string;
  article?: string;
}

export interface PositionOutcome {
  row: number;
  lineId: string;
  issuerId?: string;
  issuerName?: string;
  assetClass?: AssetClass;
  /** The position's amount on the fund's basis (cost or fair value). */
  amount: string | null;
  counted: Contribution[];
  excluded: Exclusion[];
  /** Columns that could not be read or were missing where a rule needed them. */
  unreadable?: string[];
  /** Last day a security admitted to trading after purchase still counts (L. 214-28 IV). */
  graceEndsOn?: IsoDate;
}

export interface QuotaWindow {
  /** First day the main quota binds: closing of the second financial year. */
  from: IsoDate;
  /** Last day it binds: closing of the fifth financial year; absent when the rule binds from then on. */
  until?: IsoDate;
  article: string;
}

export interface FundReport {
  fundId: string;
  fundName?: string;
  fundType?: FundType;
  basis?: Basis;
  /** Worst status over the fund's rules. */
  status: Status;
  quotaWindow?: QuotaWindow;
  rules: RuleResult[];
  diagnostics: Diagnostic[];
  positions?: PositionOutcome[];
}

export interface ReportSummary {
  funds: number;
  rules: number;
  breaches: number;
  warnings: number;
  incomplete: number;
  diagnostics: number;
}

export interface Report {
  asOf: IsoDate;
  funds: FundReport[];
  /** Diagnostics that belong to no known fund (a holding of a fund missing from Funds, a header problem). */
  diagnostics: Diagnostic[];
  summary: ReportSummary;
}

const SEVERITY_ORDER: Record<Status, number> = {
  breach: 5,
  incomplete: 4,
  warning: 3,
  pass: 2,
  "not-binding": 1,
  info: 0,
};

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = "info";
  for (const s of statuses)
    if (SEVERITY_ORDER[s] > SEVERITY_ORDER[worst]) worst = s;
  return worst;
}
