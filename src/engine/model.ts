import type { Reason } from "./reasons";
import type { Amount } from "./amount";
import type { IsoDate } from "./dates";
import type { Dec } from "./decimal";
import type { Registers } from "./registers/types";

export const FUND_TYPES = [
  "FCPR",
  "FCPI",
  "FIP",
  "FPCI",
  "SPPICAV",
  "FPI",
  "OPCVM_FEEDER",
  "FIVG_FEEDER",
  "FIA",
  // The other Livre II funds (WORKBOOK-FORMAT-LIVRE2 §1.1).
  "SEF",
  "SCPI",
  "SICAF",
  "FCPE",
  "OPCVM",
  "FIVG",
  "OFS",
  "FPS",
  "SLP",
  "SCR",
] as const;
export type FundType = (typeof FUND_TYPES)[number];

export const BASES = ["COST", "FAIR"] as const;
export type Basis = (typeof BASES)[number];

export const ASSET_CLASSES = [
  "EQUITY",
  "EQUITY_ACCESS",
  "TITRE_PARTICIPATIF",
  "TITRE_ASSOCIATIF",
  "SARL_PARTS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
  "OTHER_DEBT",
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "DEPOSIT",
  "CASH",
  "LIQUID_INSTRUMENT",
  "FINANCIAL_CONTRACT",
  "DIGITAL_ASSET",
  "REAL_ESTATE",
  "OPERATING_PROPERTY",
  /** A guarantee given (OFS, L. 214-190-1 VI). */
  "GUARANTEE",
  /** A risk sub-participation (OFS, L. 214-190-1 VI). */
  "SUB_PARTICIPATION",
] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export const LISTING_STATUSES = [
  "UNLISTED",
  "REGULATED",
  "MTF_SME",
  "MTF_OTHER",
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const ACQUISITION_MODES = [
  "SUBSCRIPTION",
  "BOND_REDEEMED_IN_SHARES",
  "BOND_CONVERTED",
  "CONVERTIBLE_HELD",
  "SECONDARY_PURCHASE",
  "FOLLOW_ON",
] as const;
export type AcquisitionMode = (typeof ACQUISITION_MODES)[number];

export const HOLDER_TYPES = ["NATURAL", "LEGAL", "PUBLIC_LAW_LEGAL"] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];

export const FOREST_CATEGORIES = [
  "WOODLAND",
  "GF_UNITS",
  "FOREST_COMPANY",
] as const;
export type ForestCategory = (typeof FOREST_CATEGORIES)[number];

/** What a fund or company whose units a position is, for the FCPE and PEA rules. */
export const HELD_FUND_TYPES = [
  "OPCVM",
  "FIVG",
  "FOFA",
  "FCPR",
  "FCPI",
  "FIP",
  "FPCI",
  "SLP",
  "SCR",
  "SPPICAV",
  "FPI",
  "OPPCI",
  "SCPI",
  "SEF",
  "GFI",
  "FPVG",
  "FPS",
  "OFS",
  "ELTIF",
  "OTHER",
] as const;
export type HeldFundType = (typeof HELD_FUND_TYPES)[number];

export const ORDER_TYPES = ["SELL", "WITHDRAWAL"] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export type TableName =
  | "Funds"
  | "Holdings"
  | "Holders"
  | "Orders"
  | "Subscribers"
  | "Offers"
  | "Trades";

/**
 * Every record remembers its worksheet row and which of its columns could not be read,
 * so a rule that needs one of them reports `incomplete` instead of guessing.
 */
interface SourceRow {
  row: number;
  invalid: Set<string>;
}

export interface Fund extends SourceRow {
  fundId: string;
  fundName?: string;
  fundType?: FundType;
  constitutionDate?: IsoDate;
  firstYearEnd?: IsoDate;
  basis?: Basis;
  paidUpSubscriptions?: Amount;
  totalAssets?: Amount;
  quotaThreshold?: Dec;
  warningMargin?: Dec;
  chosenRegions?: string[];
  overseasZone: boolean;
  isSicav: boolean;
  borrowings?: Amount;
  liquidLabel: boolean;
  // WORKBOOK-FORMAT-LIVRE2 §1.2: all optional.
  bindingFrom?: IsoDate;
  forestLoanSupport?: boolean;
  statutoryMaxCapital?: Amount;
  subscriptionOpeningDate?: IsoDate;
  publicSubscribedCapital?: Amount;
  agBorrowingMax?: Amount;
  /** Numbers of units or shares are held exactly, as amounts. */
  unitsIssued?: Amount;
  subscriptionPrice?: Amount;
  reconstitutionValue?: Amount;
  sharesIssued?: Amount;
  ownSharesHeld?: Amount;
  sharesBoughtYtd?: Amount;
  sharesResoldYtd?: Amount;
  sharePrice?: Amount;
  navPerShare?: Amount;
  buybackLimitPct?: Dec;
  solidarityFund?: boolean;
  perEligible?: boolean;
  foreignGroupPlan?: boolean;
  liquidityMechanism?: boolean;
  groupBuybackCommitment?: boolean;
  peaClaim?: boolean;
  peaPmeClaim?: boolean;
  cpiClaim?: boolean;
  selfManaged?: boolean;
  initialCapital?: Amount;
  reservedTo20Investors?: boolean;
  uncalledSubscriptions?: Amount;
  /** An FCPR under the allégé procedure: its Subscribers rows are checked against RG AMF 412-113. */
  allege?: boolean;
  /** Historical rule sets the fund opts into (today only "516-2"). */
  legacyRules?: string[];
  /** L. 214-160 II 1°, al. 2: the « ELTIF » name and an infrastructure main object (FPCI-CCA30). */
  eltifLabel?: boolean;
  infrastructureObject?: boolean;
  /** The end of the fund's life: III A 2° b) is « appréciée sur la durée de vie du fonds ». */
  fundTermDate?: IsoDate;
}

/**
 * A holding read by columns may also give its cost and fair value as integer millionths in a plain
 * number, read from the column without making a BigInt (the engine's hot path sums them with
 * ExactSum, src/engine/amount.ts). The value, when a number and not NaN, is a safe integer
 * (|x| ≤ 2^53 − 1) equal to the field's BigInt; NaN or absent means: read the field itself (blank,
 * an amount kept as a BigInt, or a holding built otherwise).
 */
export const COST_MILLIONTHS: unique symbol = Symbol("costValue in millionths");
export const FAIR_MILLIONTHS: unique symbol = Symbol("fairValue in millionths");

/** A slot of a column of cents (HoldingColumns.cents) whose amount is not there: blank, or read otherwise. */
export const NO_CENTS = -0x80000000;
/** One cent in the engine's millionths. */
export const MILLIONTHS_PER_CENT = 10_000;

/**
 * A slot of a column of cents in millionths (NaN for NO_CENTS): exact, |cents| < 2^31. The loops
 * that call it for every row read it through a local copy (`inMillionths`): an imported binding is
 * a getter at each use in the modules the tests load (Vite's), a load of the exports in tsc's
 * CommonJS.
 */
export function centsToMillionths(cents: number): number {
  return cents === NO_CENTS ? NaN : cents * MILLIONTHS_PER_CENT;
}

/** The optional fast read of a holding's basis amounts (above); not a column of the contract. */
export interface MillionthsOf {
  readonly [COST_MILLIONTHS]?: number;
  readonly [FAIR_MILLIONTHS]?: number;
}

/**
 * A holding read by columns also says where its values are: the typed columns of its read, shared
 * by every holding of it, and its index in them (src/workbook/read-columns.ts). A rule that reads
 * a column for 100,000 holdings reads these arrays (src/engine/fund-columns.ts), not 100,000 getters.
 */
export const IN_COLUMNS: unique symbol = Symbol("columns of the read");

/** A column's codes, one per holding: bytes while it has at most 256 distinct values. */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/** The columns a read shares, by column name; each answer is what the holdings' fields give. */
export interface HoldingColumns {
  /** Each holding's code, and the value each code stands for; null for an amount column. */
  coded(name: string): {
    codes: CodeArray;
    values: readonly unknown[];
    /** The code of a value (as the field gives it), if some holding of the read has it. */
    codeOf(value: unknown): number | undefined;
  } | null;
  /** An amount column in millionths (NaN: blank); null when it holds BigInts past 2^53. */
  millionths(name: string): Float64Array | null;
  /**
   * The same column in cents (NO_CENTS: blank) while every amount of it is a whole number of
   * cents within ±(2^31 − 1), as most costs are: half the memory of its millionths, which are
   * then made only if some reader asks for them; null otherwise.
   */
  cents(name: string): Int32Array | null;
  /**
   * Each holding's index in the columns (-1: a holding not of this read); null when the holdings
   * are the read's own, in order (index k is holding k: the columns are read as they are).
   */
  indicesOf(holdings: readonly Holding[]): Int32Array | null;
  /** The worksheet row of the holding at index j (its field `row`). */
  rowAt(j: number): number;
  /** The unreadable columns of the holding at index j (empty for most). */
  invalidAt(j: number): Set<string>;
  /** Some holding of the read has an unreadable cell. */
  readonly anyInvalid: boolean;
}

/**
 * A read's own list of holdings and its columns: a check of the whole read finds them without
 * making a holding to ask it (src/workbook/lazy-list.ts).
 */
export const COLUMNS_OF_LIST = new WeakMap<
  readonly Holding[],
  HoldingColumns
>();

/**
 * The read of a list of holdings: the read's own list says it; any other, its first holding that
 * has one (an edited row has none).
 */
export function readOf(
  holdings: readonly Holding[],
): HoldingColumns | undefined {
  const own = COLUMNS_OF_LIST.get(holdings);
  if (own) return own;
  for (let k = 0; k < holdings.length; k++) {
    const read = (holdings[k] as InColumns)[IN_COLUMNS];
    if (read) return read;
  }
  return undefined;
}

/** The optional columnar read of a holding (above). */
export interface InColumns {
  readonly [IN_COLUMNS]?: HoldingColumns;
}

export interface Holding extends SourceRow {
  fundId?: string;
  lineId: string;
  issuerId?: string;
  issuerName?: string;
  assetClass?: AssetClass;
  costValue?: Amount;
  fairValue?: Amount;
  listingStatus?: ListingStatus;
  listingCountry?: string;
  listingDate?: IsoDate;
  marketCap?: Amount;
  investmentDate?: IsoDate;
  acquisitionMode?: AcquisitionMode;
  ownershipPct?: Dec;
  lookThroughPct?: Dec;
  entityOecd: boolean;
  fcpiEligible: boolean;
  fipEligible: boolean;
  region?: string;
  opciCategory?: number;
  encumbered: boolean;
  participationPct?: Dec;
  entityDebt?: Amount;
  controlledParticipation: boolean;
  masterId?: string;
  hedgeOnly: boolean;
  disposalDate?: IsoDate;
  // WORKBOOK-FORMAT-LIVRE2 §1.3: all optional.
  forestCategory?: ForestCategory;
  scpiCategory?: number;
  jointLiabilityEntity?: boolean;
  solidarityEnterprise?: boolean;
  entitySolidarityShare?: Dec;
  heldFundType?: HeldFundType;
  employerGroup?: boolean;
  issuerCountry?: string;
  corporateTax?: boolean;
  preferenceShares?: boolean;
  issuerEmployees?: Amount;
  issuerTurnover?: Amount;
  issuerBalanceSheet?: Amount;
  issuerMarketCap?: Amount;
  issuerMarketCapLow4y?: Amount;
  instrumentListing?: ListingStatus;
  cpiEligible?: boolean;
  maxLoss?: Amount;
  /** The investment strategy of the master whose units these are (L. 214-24 IV 2°). */
  masterStrategy?: string;
  /** L. 214-30 IV: the issuer is a holding company (société mère); blank = no. */
  holdingCompany?: boolean;
  /** IV 1. c): the lowest share of capital it holds in any of its participations. */
  subsidiaryStakeMinPct?: Dec;
  /** IV 1. c): every participation meets the listed conditions; undefined when not given. */
  subsidiariesEligible?: boolean;
  /** IV 1. d): at least one participation meets I, II and III; undefined when not given. */
  subsidiaryMeetsI?: boolean;
  /** III A 2° b): on a secondary purchase, the amount the fund committed to subscribe. */
  subscriptionCommitment?: Amount;
}

/** A pending sell order or withdrawal request of an SCPI or SEF (WORKBOOK-FORMAT-LIVRE2 §1.4). */
export interface Order extends SourceRow {
  fundId?: string;
  orderId?: string;
  orderType?: OrderType;
  registeredDate?: IsoDate;
  units?: Amount;
}

export interface Holder extends SourceRow {
  fundId?: string;
  holderId?: string;
  holderType?: HolderType;
  units?: Amount;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  table: TableName;
  /** Worksheet row number as Excel displays it. */
  row: number;
  /** Canonical column name of the contract. */
  column?: string;
  /** The header text as found in the workbook, when it differs from the canonical name. */
  header?: string;
  value?: string;
  message: string;
  /** The message as a code and its facts; absent where none is given yet. */
  code?: Reason["code"];
  facts?: Reason["facts"];
  /** Worksheet and cell address (e.g. D14), so a user can go to the cell. */
  sheet?: string;
  cell?: string;
}

/** Where a table's columns were found, so the engine's diagnostics can name the user's own header and cell. */
export interface TableSource {
  sheet?: string;
  /** The header text as found in the workbook, by canonical column. */
  headers: Record<string, string>;
  /** Worksheet column letter, by canonical column. */
  letters: Record<string, string>;
}

/** What the reader hands to the engine: records plus everything it could not read. */
export interface WorkbookModel {
  funds: Fund[];
  holdings: Holding[];
  holders: Holder[];
  /** Pending orders of SCPI and SEF; undefined when the workbook has no Orders table. */
  orders?: Order[];
  diagnostics: Diagnostic[];
  /** Filled by the workbook reader; absent for models built in code. */
  sources?: Partial<Record<TableName, TableSource>>;
  /** The register tables (WORKBOOK-FORMAT-REGISTERS), when the workbook has them. */
  registers?: Registers;
  /** Holdings is absent beside a register table: the portfolio rules are not run. */
  holdingsAbsent?: boolean;
}
