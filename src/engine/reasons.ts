import type { IsoDate } from "./dates";
import type { Livre2ReasonFacts } from "./reasons-livre2";

/**
 * Why a rule, a position or a reading came out as it did, as a stable code and its facts.
 * Sentences are made from these at the edge (src/present), in each language; the engine's
 * English `message` and `reason` strings stay beside them for compatibility.
 *
 * Facts are plain data: amounts as exact decimal strings in euros (or units), dates as ISO
 * strings, percentages as exact decimal fractions ("0.04" for 4 %), articles as the law writes them.
 */
export interface ReasonFacts extends Livre2ReasonFacts {
  // Rule results
  /** The quota binds only inside its window (L. 214-28 V). */
  "quota-window": {
    from: IsoDate;
    until?: IsoDate;
    article: string;
    appliedBy?: string;
  };
  /** The base of the ratio (paid-up subscriptions, total assets) is not given. */
  "base-unknown": Record<string, never>;
  "base-not-positive": Record<string, never>;
  /** Amount of the III items above the 20 % limit, not counted in the quota. */
  "bucket-above-cap": {
    amount: string;
    threshold: string;
    article: string;
    /** Said by the limit's own rule (FCPR-B20): a limit on counting, not a breach. */
    limitRule?: true;
  };
  "receivables-above-limit": {
    amount: string;
    threshold: string;
    article: string;
  };
  /** Amount of the advances above the 15 % limit, not counted in the quota. */
  "advances-above-cap": {
    amount: string;
    threshold: string;
    article: string;
    /** Said by the limit's own rule (FPCI-CCA30): a limit on counting, not a breach. */
    limitRule?: true;
  };
  /** FPCI-CCA30: advances retained under the 30 % regime, measured apart from the 15 % limit. */
  "eltif-advances-apart": { amount: string; article: string };
  /** FPCI-CCA30: a flag of the 30 % regime is unreadable and the outcome depends on it. */
  "eltif-regime-unknown": {
    column: string;
    article: string;
    /** An SLP: no 15 % regime to fall back on. */
    slp?: true;
  };
  /** The base of the ratio depends on a blank or unreadable value. */
  "base-partial": Record<string, never>;
  /** Holdings rows that cannot be placed (class or dates unknown): they may belong to any rule. */
  "rows-unplaced": { rows: number[]; more: number; column: string };
  /** Holdings or Holders rows that no fund of the Funds table takes: they may belong to any fund. */
  "rows-without-fund": {
    rows: number[];
    more: number;
    table: "Holdings" | "Holders" | "Orders";
  };
  /** A held position's listingStatus cannot be read: the rule's status depends on whether it is admitted to trading. */
  "listing-unknown": { lines: string[]; article: string };
  "listing-date-unknown": { lines: string[]; article: string };
  /** FPCI in the 30 % regime: an advance's ownershipPct is blank or unreadable, and the rule's status depends on whether the fund holds a participation. */
  "eltif-advance-unknown": { lines: string[]; article: string };
  /** FCPR-LIQ5: the fund's liquidLabel cannot be read; it may claim the 5 % of XII. */
  "liquid-label-unknown": { article: string };
  /** A yes/no of the fund cannot be read (blank is « no »), and « yes » would change the status. */
  "fund-flag-unknown": { column: string; article: string };
  /** No position counts under the five years after admission to trading. */
  "no-grace-position": { article: string };
  /** Positions admitted to trading after purchase that still count. */
  "grace-positions": {
    count: number;
    firstEnd: IsoDate;
    article: string;
    quota?: string;
  };
  /** A position that breaks a gate or a closed list, with why. */
  "position-breaks": { lineId: string; row: number; cause: Reason };
  /** FIP: the largest region and the per-region limit. */
  "largest-region": { region: string; threshold: string; overseas?: boolean };
  /** An overseas-zone FIP: a region outside the zone, nearer its 25 % than the largest region is to its 50 %. */
  "region-nearest-limit": {
    region: string;
    threshold: string;
    overseas?: boolean;
  };
  "no-region-position": Record<string, never>;
  /** FIP holder caps. */
  "holders-missing": Record<string, never>;
  "largest-holder": { holder: string; publicLaw: boolean };
  "no-public-holder": Record<string, never>;
  "measured-in-units": Record<string, never>;
  /** OPCI leverage: the fund's borrowings plus look-through debts over the listed items. */
  "opci-leverage": { borrowings: string };
  /** Feeders: the master, or none. */
  "feeder-master": { master: string };
  "no-master": Record<string, never>;
  "master-share": { master: string; share?: string; cash: string };
  "feeder-aif": { master: string; threshold: string; article: string };
  "not-feeder-aif": { threshold: string; article: string };
  /** FCPI-HOLD75: the holding companies' securities counted in the quota. */
  "holding-counted": { amount: string; count: number; article: string };
  "no-holding": { article: string };

  // Position exclusions (the codes of ExclusionCode)
  "not-a-quota-asset": { assetClass: string; article: string };
  "listed-when-bought": { assetClass: string; article: string };
  "not-small-cap":
    | { test: "outside-eea"; country: string; article: string }
    | { test: "market-cap"; marketCap: string; limit: string; article: string };
  "listed-debt": { article: string };
  unclassified: { column: string; article?: string };
  "five-years-ended": {
    listingDate: IsoDate;
    graceEnd: IsoDate;
    article: string;
    bucketFull?: boolean;
  };
  "advance-gate": {
    issuer: string;
    ownership?: string;
    gate?: string;
    article: string;
  };
  "ownership-unknown": { article: string };
  "eltif-beneficiary-listed": {
    issuer: string;
    listingStatus: string;
    article: string;
  };
  "issuer-not-eligible":
    | { test: "advance"; issuer: string; article: string }
    | { test: "flag"; column: string; article: string; issuer?: string }
    | { test: "region"; region: string; article: string; issuer?: string };
  "eligibility-unknown": { column: string; article?: string };
  "entity-not-oecd": { article: string };
  "look-through-unknown": { article: string };
  "secondary-purchase": { secondary: string; fresh: string; article: string };
  /** III A 2° b): a secondary purchase whose subscription commitment does not make it count. */
  "secondary-commitment":
    | { test: "below"; commitment: string; cost: string; article: string }
    | {
        test: "unfulfilled";
        subscribed: string;
        cost: string;
        termDate: IsoDate;
        article: string;
      }
    | { test: "unknown"; column: string; article: string };
  /** L. 214-30 IV: a holding company whose securities the gate of IV 1. c), d) or V refuses. */
  "holding-gate":
    | { test: "stake"; stake: string; threshold: string; article: string }
    | { test: "subsidiaries"; article: string }
    | { test: "subsidiary-meets-i"; article: string };
  /** L. 214-30 IV 1.: only « titres de capital » of a holding company are made eligible. */
  "holding-not-capital": { assetClass: string; article: string };
  /** A value the holding-company gate needs is blank or unreadable. */
  "holding-unknown": { column: string; article: string };
  "not-controlled": { article: string };
  encumbered: { article: string };
  /** OPCI: a condition of L. 214-37 on the position (encumbered, controlled) could not be read. */
  "opci-condition-unknown": { column: string; article: string };
  /** Held by no rule of the fund's category. */
  /** A feeder's position outside the assets its article allows besides the master. */
  "not-allowed-asset": {
    test:
      | "hedging"
      | "sicav-only"
      | "second-master"
      | "no-master-id"
      | "not-listed"
      | "general-purpose";
    assetClass: string;
    article: string;
    unitsOf?: string;
    master?: string;
  };
  /** OPCI: a position outside the list of L. 214-36 I (2°, 3°: unlisted companies; 4°: traded shares). */
  "opci-outside-list": {
    item: number;
    test: "unlisted-only" | "traded-only";
    article: string;
  };
  /** OPCI: an advance to a company that is not one of its 2° or 3° companies, or held below 5 %. */
  "opci-advance-gate": {
    issuer: string;
    ownership?: string;
    gate?: string;
    article: string;
  };
  "outside-every-rule": { fundType: string; assetClass?: string };
  /** Not held on the as-of date. */
  disposed: { date: IsoDate };
  "not-yet-invested": { date: IsoDate };
  /** No amount on the fund's basis. */
  "not-measured": {
    column: string;
    blank: boolean;
    /** The column's header as the user wrote it. */
    header?: string;
  };
  /** No rule applies to the fund (its category is missing or unknown). */
  "no-rule-applies": Record<string, never>;

  // Contributions (why an amount is counted where it is)
  "counted-unlisted": { article: string };
  "counted-within-bucket": { threshold: string; article: string };
  "counted-advance": { issuer: string; ownership: string; article: string };
  "counted-entity-look-through": {
    share: string;
    amount: string;
    article: string;
  };
  "counted-liquid": { article: string };
  "counted-eligible": { article: string };
  /** L. 214-30 IV: a holding company's security; threshold for its L. 214-28 III part. */
  "counted-holding": { article: string; threshold?: string };
  /** III A 2° b): a secondary purchase counted under the subscription commitment. */
  "counted-secondary-commitment": {
    commitment: string;
    cost: string;
    subscribed: string;
    article: string;
    /** The end of the fund's life, when given. */
    termDate?: IsoDate;
  };
  "counted-beside-master": { article: string };
  "counted-master-units": { master: string };
  /** OPCI: the item of L. 214-36 I a position belongs to. */
  "counted-item": { item: number; article: string };
  "counted-leverage-base": { item: number; threshold: string; article: string };
  "counted-look-through-debt": { debt: string; share: string; article: string };
  "counted-region": { region: string; article: string };
  /** Fresh capital: the acquisitionMode as the workbook gives it. */
  "counted-fresh": { mode: string; article: string };
  "counted-grace": { listingDate: IsoDate; graceEnd: IsoDate; article: string };
  "counted-listed-in-bucket": {
    listingDate: IsoDate;
    threshold: string;
    article: string;
  };
  "measured-against-limit": { threshold: string; article: string };

  // Diagnostics of the reader (the header as the user wrote it)
  "column-twice": { column: string; first: string; header: string };
  "column-missing": {
    table: string;
    column: string;
    headersOnRow?: number;
    /** The column's French and English labels, so the message names it as the user would write it. */
    fr?: string;
    en?: string;
  };
  "totals-row": { label: string };
  "cell-error": { error: string; column: string; header: string };
  /** expected: the column's type (money, percent, date, text, boolean, enum, list, country, category). */
  "cell-unreadable": {
    value: string;
    expected: string;
    column: string;
    header: string;
    allowed?: string;
    /** An ambiguous number: its English and French readings. */
    readings?: [string, string];
  };
  "holdings-empty": Record<string, never>;
  "fund-row-without-id": Record<string, never>;
  "table-missing": { table: string };

  // Diagnostics of the engine
  "fund-id-duplicate": { fundId: string; rows: number[] };
  "fund-type-needed": Record<string, never>;
  "fund-type-without-rules": { fundType: string };
  "fund-id-needed": Record<string, never>;
  "fund-not-in-funds": {
    fundId: string;
    table: "Holdings" | "Holders" | "Orders";
  };
  /** A value a rule needs is missing or unreadable: the column, and what it decides (its purpose). */
  "value-needed": { column: string; header?: string } & Need;
  /** An entityDebt left blank counts as zero in the OPCI leverage. */
  "basis-cost-ignored": Record<string, never>;
  "amount-negative": { column: string; amount: string };
  "amount-implausible": { column: string; amount: string };
  "acquisition-mode-blank": { article: string; rule?: string };
  /** One flag of the 30 % regime of L. 214-160 II 1°, al. 2 is yes, the other is not: the 15 % regime applies. */
  "eltif-regime-not-met": { given: string; missing: string; article: string };
  "entity-debt-blank": {
    item: number;
    article: string;
    threshold: string;
    rule?: string;
  };
  /** A row's fundId matches a fund only once case and surrounding spaces are ignored (contract §3). */
  "fund-id-case": {
    table: "Holdings" | "Holders" | "Orders";
    row: number;
    /** The header of the fundId column as the user wrote it. */
    header: string;
    value: string;
    fundId: string;
    fundRow: number;
  };
  /** The first financial year ends on or before the fund's constitution. */
  "first-year-end-too-early": {
    firstYearEnd: IsoDate;
    constitutionDate: IsoDate;
  };
  /** The first financial year lasts more than 18 months (a reading check of Funds). */
  "first-year-too-long": { firstYearEnd: IsoDate; constitutionDate: IsoDate };
  // Failures of the add-in's requests to Excel, shown by the pane
  /** Rows of a table could not be read or written after every attempt. */
  "chunk-failed": {
    what: "read" | "write";
    table: string;
    firstRow: number;
    lastRow: number;
    error: string;
  };
  /** The host lacks the API set an action needs. */
  "api-unsupported": { api: string; version: string };
  /** The sample workbook could not be fetched from the add-in's site. */
  "sample-unavailable": { file: string; status: number };

  // Registers (WORKBOOK-FORMAT-REGISTERS): reading and assignment of their rows
  /** A per-row control column (warningGiven, requestForm…) is absent: its check is unknown. */
  "register-control-absent": { table: string; column: string; rule: string };
  /** The same key twice (offerId): the later row is not used. */
  "register-duplicate-id": {
    table: string;
    column: string;
    id: string;
    firstRow: number;
  };
  /** A Subscribers row names both a fund and an offer: it is not used. */
  "register-fund-and-offer": Record<string, never>;
  /** A register row names a fund that is not in Funds. */
  "register-fund-unknown": { table: string; fundId: string };
  /** A Subscribers row names an offer that is not in Offers. */
  "register-offer-unknown": { offerId: string };
  /** A register row names no fund and the workbook does not have exactly one. */
  "register-fund-needed": { table: string };
  /** An Offers row with no issuerId: its 12-month total cannot be computed. */
  "register-issuer-needed": Record<string, never>;
  /** Funds.legacyRules names a rule set the product does not know. */
  "legacy-rule-unknown": { value: string };
  /** A legal person marked insider: the exemption is for natural persons; assessed as worded. */
  "insider-legal-person": { investorType: string };
  /** An exchange rate of zero or below. */
  "fx-rate-not-positive": { column: string };
}

/**
 * What a needed value decides, as a key and the facts its sentence names (src/present says it).
 * Absent for a need no path explains (the generic sentence).
 */
export interface Need {
  purpose?: NeedPurpose;
  /** The fund's basis, for basis-amount. */
  basis?: "COST" | "FAIR";
  /** The article or paragraph the value is needed for. */
  article?: string;
  /** The rule that needs it, where the sentence names it. */
  rule?: string;
  /** A limit the sentence quotes (a fraction such as "0.25", or euros for small-cap). */
  threshold?: string;
  /** A date the sentence quotes (the vintage of a quota). */
  date?: IsoDate;
}

export const NEED_PURPOSES = [
  // The engine's own paths
  "basis-amount",
  "basis",
  "cost-base",
  "quota-window",
  "held",
  "classify",
  // L. 214-28 and the funds that apply it
  "paragraph",
  "small-cap-market",
  "small-cap-size",
  "look-through",
  "advance-ownership",
  "eltif-advance",
  "eltif-regime",
  // FCPI, FIP
  "chosen-regions",
  "vintage",
  "quota-asset",
  "holder-units",
  "holder-type",
  "region-cap",
  "holding-stake",
  "holding-subsidiaries",
  "holding-meets-i",
  "secondary-term",
  "secondary-date",
  "secondary-cost",
  "secondary-commitment",
  // Feeders, OPCI
  "master",
  "feeder-asset",
  "opci-start",
  "opci-item",
  "opci-borrowings",
  "opci-advance-issuer",
  // Other Livre II rules
  "rule",
  "rule-binds",
  "investors",
  "debt-maximum",
  "units-issued",
  // Registers
  "register-check",
] as const;
export type NeedPurpose = (typeof NEED_PURPOSES)[number];

export type ReasonCode = keyof ReasonFacts;

/** A code with its facts, as the JSON report carries them. */
export type Reason = {
  [C in ReasonCode]: { code: C; facts: ReasonFacts[C] };
}[ReasonCode];

/** An error whose message the faces render from its code and facts, in the user's language. */
export class ReasonError extends Error {
  constructor(
    readonly why: Reason,
    message: string,
  ) {
    super(message);
    this.name = "ReasonError";
  }
}

/** Builds a reason with the facts its code takes (checked at compile time). */
export function reason<C extends ReasonCode>(
  code: C,
  facts: ReasonFacts[C],
): { code: C; facts: ReasonFacts[C] } {
  return { code, facts };
}
