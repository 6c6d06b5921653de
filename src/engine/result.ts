import type { Diagnostic, FundType, Basis, AssetClass } from "./model";
import type { IsoDate } from "./dates";
import type { LawReference } from "../law/parameter";
import type { Reason, ReasonFacts } from "./reasons";
import type {
  IssuerReport,
  SubscriptionOutcome,
  TradeOutcome,
} from "./registers/types";

export const STATUSES = [
  "pass",
  "warning",
  "breach",
  "not-binding",
  "incomplete",
  "info",
  /** An event rule (direction "event") whose trigger is reached: an obligation arises, not a breach. */
  "triggered",
] as const;
export type Status = (typeof STATUSES)[number];

/** min: the ratio must reach the threshold; max: must not exceed it; cap: amounts above it are not counted; info: reported only. */
export type Direction = "min" | "max" | "cap" | "info" | "event";

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
}

/**
 * The unit of an amount: euros, units of the fund (the FIP holder caps), a fraction shown as a
 * percentage, or a number of positions.
 */
export type Unit = "EUR" | "units" | "%" | "count";

/** Text in the product's two languages. */
export interface LocalText {
  en: string;
  fr: string;
}

export interface GroupResult {
  key: string;
  value: number | null;
  numerator: string;
  status: Status;
  /** Unit of numerator. */
  unit?: Unit;
  /** OFF-12M: the window's first and last days and the offers it counts. */
  from?: IsoDate;
  until?: IsoDate;
  offers?: string[];
}

/** limit: a ratio against a threshold; gate: a test each position must pass; closed-list: only the assets the article lists. */
export type ConditionKind = "limit" | "gate" | "closed-list";

/** A position that breaks a gate or a closed list: what must be cured. */
export interface ConditionPosition {
  row: number;
  lineId: string;
  issuerId?: string;
  issuerName?: string;
  /** Amount on the fund's basis, in the condition's unit; null when unreadable. */
  amount: string | null;
  reason: string;
  /** The reason as a code and its facts. */
  code?: Reason["code"];
  facts?: Reason["facts"];
}

/** One condition of a rule that has several (a limit and a gate; a closed list). */
export interface ConditionResult {
  /** Stable within the rule: "limit-15", "gate-5", "gate-participation", "closed-list", "companies-2-3". */
  id: string;
  kind: ConditionKind;
  article: string;
  /** The article's own words for this condition. */
  wording: string;
  title: LocalText;
  status: Status;
  /** True when the condition is not met (its status is then breach, or not-binding outside the period). */
  failed: boolean;
  operator?: Operator;
  /** limit: a fraction of the asset; gate: the smallest share of capital; closed-list: null. */
  threshold: number | null;
  /** limit: the ratio; gate: the lowest share of capital found; closed-list: null. */
  value: number | null;
  /** limit: the amount measured; gate and closed-list: the amount of the positions that break it. */
  numerator: string | null;
  denominator: string | null;
  /** Never positive when failed: minus the amount to cure. */
  headroom: string | null;
  unit: Unit;
  /** gate and closed-list: the positions that break it. */
  positions?: ConditionPosition[];
}

/** Why an amount of the fund's holdings is where it is on the way to a rule's numerator and denominator. */
export type ReconciliationReason =
  /** Counted in the numerator. */
  | "counted"
  /** Counted up to a cap (the 20 % bucket, the 15 % advances). */
  | "counted-within-cap"
  /** The part above that cap, not counted. */
  | "above-cap"
  /** The part of entity rights that the look-through does not count. */
  | "look-through-remainder"
  /** A position the rule examined and excluded (the article says why). */
  | "excluded"
  /** A position outside the closed list or failing the gate: in the numerator of the breach, to cure. */
  | "breaks-condition"
  /** A position the closed list allows: not in the numerator. */
  | "allowed"
  /** In the base of the ratio only (the OPCI's real-estate assets for its 40 % borrowing limit). */
  | "in-denominator"
  /** A position of another region than the largest one (FIP 25 % per region). */
  | "other-region"
  /** A position the rule does not look at. */
  | "outside-rule"
  /** Disposed of before the as-of date, or bought after it. */
  | "not-held"
  /** Amount unreadable or missing: in no sum. */
  | "unreadable"
  /** From the holdings to paid-up subscriptions (basis COST). */
  | "paid-up-bridge"
  /** From the holdings to the total assets given in Funds (basis FAIR). */
  | "total-assets-bridge"
  /** The OPCI's own borrowings and debts (L. 214-39). */
  | "borrowings"
  /** Borrowings of held companies and funds, by look-through (L. 214-39). */
  | "look-through-debt"
  /** FIP holder caps: the largest holder, the public-law holders, the others. */
  | "largest-holder"
  | "public-law-holders"
  | "other-holders"
  /** Livre II rules measured on figures other than the holdings' own amounts (a fund's facts, maximum losses, a look-through quota). */
  | "measured-apart"
  | "rule-numerator"
  | "rule-denominator";

export interface ReconciliationLine {
  reason: ReconciliationReason;
  /** For an excluded line: why, as the positions' exclusion code. */
  code?: ExclusionCode;
  label: LocalText;
  article?: string;
  /** Exact decimal string, in the reconciliation's unit. */
  amount: string;
  /** Rows of Holdings (Holders for holder caps) on this line; a row split over several lines counts on its first. */
  count: number;
  /** The line enters the rule's numerator. */
  numerator: boolean;
  /** The line enters the rule's denominator. */
  denominator: boolean;
}

/**
 * From the fund's total holdings to a rule's numerator and denominator. Exactly:
 * Σ lines.amount = total; Σ amount of the lines and adjustments marked numerator = numerator;
 * the same for denominator.
 */
export interface Reconciliation {
  unit: Unit;
  /** Every row of the fund's Holdings (Holders for holder caps), held or not, at its readable amount. */
  total: string;
  lines: ReconciliationLine[];
  /** Amounts that are not holdings: the bridge to paid-up subscriptions or total assets, borrowings. */
  adjustments: ReconciliationLine[];
  numerator: string;
  denominator: string | null;
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
  /** Amount (in unit) above a minimum or below a maximum; negative: the shortfall to cure. Never positive in breach. */
  headroom: string | null;
  /** The value was computed from the readable positions only. */
  partial?: boolean;
  message?: string;
  /** The message as codes and facts, one per sentence; absent when a part of it has no code. */
  reasons?: Reason[];
  groups?: GroupResult[];
  /** Unit of numerator, denominator and headroom (EUR; units for the FIP holder caps). */
  unit?: Unit;
  /** Each condition of a rule that has several, with its own status and headroom. */
  conditions?: ConditionResult[];
  /** Ids of the conditions not met. */
  failedConditions?: string[];
  /** From the fund's holdings to numerator and denominator; in the detailed report only. */
  reconciliation?: Reconciliation;
  /** The version of the law the rule applied: article, wording, validity dates (src/law). */
  law?: LawReference;
  /** The rule's own binding period, when it has one (a deadline, the 4th-year close, bindingFrom). */
  window?: RuleWindow;
  /** A register rule of a historical text, run because the workbook opts in (WORKBOOK-FORMAT-REGISTERS §3.9). */
  legacy?: true;
  /** The catalogue's version note of a register rule. */
  version?: string;
}

/** When a rule binds, when that period is its own (WORKBOOK-FORMAT-LIVRE2 §4). */
export interface RuleWindow {
  from: IsoDate;
  until?: IsoDate;
  article: string;
}

export interface Contribution {
  rule: string;
  amount: string;
  article: string;
  note?: string;
  /** What the amount is when it is not the position's own amount (look-through debt of L. 214-39). */
  code?: "look-through-debt";
  /** The note as a code and its facts. */
  explain?: Reason;
}

/** Why a rule left a position out, as a stable code (the reason text gives the facts). */
export type ExclusionCode =
  | "not-a-quota-asset"
  | "listed-when-bought"
  | "not-small-cap"
  | "listed-debt"
  | "unclassified"
  | "five-years-ended"
  | "advance-gate"
  | "ownership-unknown"
  | "issuer-not-eligible"
  | "eligibility-unknown"
  | "entity-not-oecd"
  | "look-through-unknown"
  | "secondary-purchase"
  /** III A 2° b): the subscription commitment does not make the purchase count. */
  | "secondary-commitment"
  /** L. 214-30 IV: holding company refused by the gate, a security IV does not name, a gate value unknown. */
  | "holding-gate"
  | "holding-not-capital"
  | "holding-unknown"
  | "not-controlled"
  | "encumbered"
  /** OPCI: whether the position meets a condition of L. 214-37 is unread. */
  | "opci-condition-unknown"
  /** A feeder's position outside the assets its article allows besides the master. */
  | "not-allowed-asset"
  /** OPCI: outside the list of L. 214-36 I, or an advance L. 214-42 does not allow. */
  | "opci-outside-list"
  | "opci-advance-gate"
  /** FPCI-CCA30: an advance to a company whose securities are admitted to trading (L. 214-160 II 1°, al. 2). */
  | "eltif-beneficiary-listed"
  /** Counted by no rule of the fund's category (rule "*"). */
  | "outside-every-rule"
  /** Not held on the as-of date (rule "*"). */
  | "disposed"
  | "not-yet-invested"
  /** No amount on the fund's basis (rule "*"). */
  | "not-measured"
  /** No rule applies to the fund (rule "*"). */
  | "no-rule-applies";

export interface Exclusion {
  rule: string;
  reason: string;
  article?: string;
  /** Stable reason code. */
  code?: ExclusionCode;
  /** The facts of the code (see src/engine/reasons.ts). */
  facts?: ReasonFacts[ExclusionCode];
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
  /** The fund's Subscribers rows (RG AMF 412-113), each with its outcome. */
  subscriptions?: SubscriptionOutcome[];
  /** The fund's Trades rows (RG AMF 516-2), each with its outcome. */
  trades?: TradeOutcome[];
}

export interface ReportSummary {
  funds: number;
  rules: number;
  breaches: number;
  warnings: number;
  incomplete: number;
  diagnostics: number;
  /** Event rules whose trigger is reached (optional for reports built before events existed). */
  triggered?: number;
  /** Issuers of the Offers register (their rules are counted in rules, breaches, incomplete). */
  issuers?: number;
}

export interface Report {
  asOf: IsoDate;
  funds: FundReport[];
  /** Diagnostics that belong to no known fund (a holding of a fund missing from Funds, a header problem). */
  diagnostics: Diagnostic[];
  summary: ReportSummary;
  /** The issuers of the Offers register (L. 411-2, D. 411-2-1), after the funds. */
  issuers?: IssuerReport[];
}

const SEVERITY_ORDER: Record<Status, number> = {
  breach: 6,
  triggered: 5,
  incomplete: 4,
  warning: 3,
  pass: 2,
  "not-binding": 1,
  info: 0,
};

/** The worst status of the rules, in one loop (no array of their statuses: each re-check runs it). */
export function worstStatus(rules: readonly { status: Status }[]): Status {
  let worst: Status = "info";
  for (let k = 0; k < rules.length; k++) {
    const s = rules[k].status;
    if (SEVERITY_ORDER[s] > SEVERITY_ORDER[worst]) worst = s;
  }
  return worst;
}
