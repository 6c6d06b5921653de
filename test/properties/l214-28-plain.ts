// L. 214-28 as its text and the contract word it (../shared/regulation/RULES.md §1.1,
// WORKBOOK-FORMAT.md §3), written plainly for the properties that read it a second time against
// the engine (fcpr-oracle, fcpi-fip-oracle): class lists, the III 1° test, amounts in BigInt
// millionths. Nothing here comes from src/.

export const AS_OF = "2025-12-31";

/** I: "titres associatifs, titres participatifs ou titres de capital … ou donnant accès au capital" (contract §3: convertible bonds and bonds redeemable in shares give access to capital). */
export const I_SECURITIES = new Set([
  "TITRE_ASSOCIATIF",
  "TITRE_PARTICIPATIF",
  "EQUITY",
  "EQUITY_ACCESS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
]);
/** III 1°: "titres de capital, ou donnant accès au capital" only. */
export const SMALL_CAP_SECURITIES = new Set([
  "EQUITY",
  "EQUITY_ACCESS",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
]);
/** III 2°: "titres de créance … ou des créances sur ces entités" (contract §3). */
export const UNLISTED_DEBT = new Set(["OTHER_DEBT", "RECEIVABLE"]);

/** EU and EEA States among the countries the properties generate (Norway: EEA only); the others are outside. */
const EEA = new Set(["FR", "DE", "NO"]);
const SCALE = 1_000_000n;
/** III 1°: "inférieure à 150 millions d'euros", strictly below. */
const SMALL_CAP_LIMIT = 150_000_000n * SCALE;

/** III 1°: an EU or EEA market and a capitalisation below 150 M€. */
export const smallCap = (country: string, capMillions: number): boolean =>
  EEA.has(country) &&
  BigInt(capMillions) * 1_000_000n * SCALE < SMALL_CAP_LIMIT;

/** Cents (as the reader takes euros with two decimals) in millionths. */
export const millionths = (cents: number): bigint => BigInt(cents) * 10_000n;
/** Whole euros in millionths. */
export const euros = (units: number): bigint => BigInt(units) * SCALE;

/** percent % of the base, rounded down to the millionth: a limit is never overstated. */
export const capOf = (base: bigint, percent: bigint): bigint =>
  (base * percent) / 100n;
export const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const maxOf = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The same day `years` later (the properties use no 29 February). */
export const addYears = (iso: string, years: number): string =>
  `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
