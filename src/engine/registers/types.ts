import type { Amount } from "../amount";
import type { IsoDate } from "../dates";
import type { Dec } from "../decimal";
import type { Diagnostic, HolderType } from "../model";
import type { Operator, RuleResult, Status } from "../result";

/** The register tables' enums (WORKBOOK-FORMAT-REGISTERS §1). */
export const OPERATIONS = ["SUBSCRIPTION", "ACQUISITION"] as const;
export const INVESTOR_CATEGORIES = [
  "L214_38_INVESTOR",
  "STATE",
  "SUPRANATIONAL",
] as const;
export const OFFER_CASES = [
  "QUALIFIED",
  "CROWDFUNDING",
  "EXISTING_PARTNERS",
  "SMALL_OFFER",
  "LARGE_TICKET",
  "HIGH_NOMINAL",
] as const;
export const SECURITY_TYPES = [
  "EQUITY",
  "DEBT",
  "PARTS_SOCIALES",
  "OTHER",
] as const;
export const CHANNELS = [
  "INVESTMENT_FIRM_WEBSITE",
  "CIP_WEBSITE",
  "OTHER",
] as const;
export const INSTRUMENT_TYPES = [
  "EQUITY",
  "DEBT",
  "FUND_UNITS",
  "OTHER",
] as const;
export const FUND_CLASSIFICATIONS = [
  "EQUITY_FUND",
  "BOND_FUND",
  "OTHER",
] as const;
export const VENUES = ["REGULATED", "OFF_MARKET"] as const;
export const CLIENT_CATEGORIES = [
  "INVESTMENT_FIRM",
  "MARKET_MEMBER",
  "L531_2",
  "OTHER",
] as const;
export const REQUEST_FORMS = ["WRITTEN", "OTHER_MEANS", "STANDING"] as const;

export type Operation = (typeof OPERATIONS)[number];
export type InvestorCategory = (typeof INVESTOR_CATEGORIES)[number];
export type OfferCase = (typeof OFFER_CASES)[number];
export type SecurityType = (typeof SECURITY_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];
export type FundClassification = (typeof FUND_CLASSIFICATIONS)[number];
export type Venue = (typeof VENUES)[number];
export type ClientCategory = (typeof CLIENT_CATEGORIES)[number];
export type RequestForm = (typeof REQUEST_FORMS)[number];

/** A row of a register: its worksheet row and the columns that could not be read. */
export interface RegisterRow {
  row: number;
  invalid: Set<string>;
}

export interface SubscriptionRow extends RegisterRow {
  fundId?: string;
  offerId?: string;
  subscriptionId: string;
  investorId?: string;
  investorType?: HolderType;
  operation?: Operation;
  subscriptionDate?: IsoDate;
  amount?: Amount;
  currency?: string;
  fxRate?: Dec;
  fxDate?: IsoDate;
  units?: Dec;
  investorCategory?: InvestorCategory;
  financialSectorYears?: Dec;
  assistsCompanies?: boolean;
  assistsManager?: boolean;
  privateEquityExperience?: boolean;
  depositsAndPortfolio?: Amount;
  balanceSheetTotal?: Amount;
  turnover?: Amount;
  equity?: Amount;
  insider?: boolean;
  warningGiven?: boolean;
  rulesDeliveredDate?: IsoDate;
  acknowledgementDate?: IsoDate;
}

export interface OfferRow extends RegisterRow {
  offerId?: string;
  issuerId?: string;
  issuerName?: string;
  offerCase?: OfferCase;
  offerDate?: IsoDate;
  offerAmount?: Amount;
  currency?: string;
  fxRate?: Dec;
  fxDate?: IsoDate;
  securityType?: SecurityType;
  admittedToTrading?: boolean;
  channel?: Channel;
  nonQualifiedOfferees?: number;
  ownAccount?: boolean;
  existingPartnersOnly?: boolean;
  nominalPerSecurity?: Amount;
}

export interface TradeRow extends RegisterRow {
  fundId?: string;
  tradeId: string;
  tradeDate?: IsoDate;
  instrumentType?: InstrumentType;
  fundClassification?: FundClassification;
  venue?: Venue;
  amountEur?: Amount;
  issuerMarketCap?: Amount;
  counterpartyDealsOnOwnAccount?: boolean;
  agreedPrice?: Dec;
  referenceVwap?: Dec;
  /** Date-times as "YYYY-MM-DDTHH:MM": they compare as strings. */
  agreedAt?: string;
  vwapFrom?: string;
  clientCategory?: ClientCategory;
  requestForm?: RequestForm;
  standingFrom?: IsoDate;
  standingUntil?: IsoDate;
  packageDeclared?: boolean;
}

/** A register as read: its rows, the columns its header holds, where the header is. */
export interface RegisterTable<R> {
  rows: R[];
  /** Canonical names of the columns found; an absent evidence column counts as blank. */
  columns: ReadonlySet<string>;
  headerRow: number;
  sheet?: string;
}

export interface Registers {
  subscribers?: RegisterTable<SubscriptionRow>;
  offers?: RegisterTable<OfferRow>;
  trades?: RegisterTable<TradeRow>;
}

/** The 516-2 2° a) and c) "soit … soit" (RULES.md §5 Q22): either limb suffices, or both are needed. */
export type SoitSoitReading = "either" | "both";

export interface RegisterSettings {
  /** Default "either": amount > min(5 % × cap, 7.5 M€), the contract's reading. */
  soitSoit?: SoitSoitReading;
}

/** The unit of a compared number in a row check. */
export type CheckUnit = "EUR" | "count" | "years" | "fraction";

/** A check's or a test's result, with the numbers it compared when it compared any. */
interface Compared {
  met: boolean | null;
  operator?: Operator;
  value?: number | null;
  threshold?: number;
  unit?: CheckUnit;
  /** The exact decimal of value, for amounts. */
  exact?: string;
}

/** One part of a compound check (the tests of E4–E8, OTC-DEALER, OFF-CF). */
export interface CheckTest extends Compared {
  name: string;
}

/** One check of a row: met true, false, or null (unknown). */
export interface RowCheck extends Compared {
  rule: string;
  article: string;
  /** The investor for OFF-100K-INV, the window for OFF-12M. */
  key?: string;
  tests?: CheckTest[];
}

/** What decides a row: the check and its article (the reason's code for src/present). */
export interface Decisive {
  rule: string;
  article: string;
  met: boolean | null;
  /** A sub-test that decided the check, when the check is compound. */
  test?: string;
}

interface RowOutcomeBase {
  row: number;
  status: Status;
  /** The decisive check and its article, in English. */
  reason: string;
  decisive?: Decisive;
  /** Why the row is out of scope (status info). */
  scope?: "after-as-of" | "not-opted-in" | "regulated-market";
  checks: RowCheck[];
}

export interface InitialSubscription {
  amountEur: string | null;
  date: IsoDate | null;
  rows: number[];
}

export interface SubscriptionOutcome extends RowOutcomeBase {
  subscriptionId: string;
  investorId?: string;
  amountEur: string | null;
  eligibleUnder: string[];
  initialSubscription: InitialSubscription | null;
}

export interface TradeOutcome extends RowOutcomeBase {
  tradeId: string;
  tradeDate?: IsoDate;
  instrumentType?: InstrumentType;
  amountEur: string | null;
  allowedBy: string | null;
}

export interface OfferInvestor {
  investorId: string;
  rows: number[];
  amountEur: string | null;
}

export interface OfferOutcome extends RowOutcomeBase {
  offerId: string;
  offerCase?: OfferCase;
  offerDate?: IsoDate;
  amountEur: string | null;
  window: string | null;
  investors: OfferInvestor[];
}

export interface IssuerReport {
  issuerId: string;
  issuerName?: string;
  status: Status;
  rules: RuleResult[];
  offers: OfferOutcome[];
  diagnostics: Diagnostic[];
}
