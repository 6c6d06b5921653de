import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import type { RuleResult } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";
import {
  AS_OF,
  capOf,
  I_SECURITIES,
  SMALL_CAP_SECURITIES,
  UNLISTED_DEBT,
  addYears,
  euros,
  maxOf,
  millionths,
  minOf,
  smallCap as smallCapOf,
} from "./l214-28-plain";

// L. 214-30 and L. 214-31 read a second time, plainly, from RULES.md §1.2 and §1.3 and
// docs/workbook-format.md ("FCPI and FIP"): random FCPI and FIP workbooks, read through the reader
// every face uses, must give the numerators and statuses this reading gives. Not generated here:
// holding companies (IV), secondary purchases (III A 2°) and the per-region and holder caps, each
// with golden tests of its own.

/** III A 1°: « Les titres ou parts reçus », bonds still held as bonds excluded. */
const FRESH_CLASSES = new Set([
  "EQUITY",
  "EQUITY_ACCESS",
  "TITRE_PARTICIPATIF",
  "TITRE_ASSOCIATIF",
  "SARL_PARTS",
]);
/** « reçus en contrepartie de souscriptions au capital, … en remboursement d'obligations et … en contrepartie d'obligations converties ». */
const FRESH_MODES = new Set([
  "SUBSCRIPTION",
  "BOND_REDEEMED_IN_SHARES",
  "BOND_CONVERTED",
]);
const CLASSES = [
  ...I_SECURITIES,
  "SARL_PARTS",
  "OTHER_DEBT",
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "CASH",
];
/** The FIP's chosen regions; a row's region matches whatever its case. */
const CHOSEN = "Bretagne; Normandie";
const REGIONS = ["Bretagne", "BRETAGNE", "normandie", "Occitanie"];

interface Row {
  cents: number;
  assetClass: string;
  listing: "UNLISTED" | "REGULATED" | "MTF_OTHER" | "MTF_SME" | null;
  country: string;
  capMillions: number;
  listedOn: string | null;
  ownership: number;
  eligible: boolean;
  region: string;
  mode: string | null;
}

const row: fc.Arbitrary<Row> = fc.record({
  cents: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 500_000_000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2_500_000_000_00, 9_000_000_000_00),
    },
  ),
  assetClass: fc.constantFrom(...CLASSES),
  listing: fc.constantFrom(
    "UNLISTED",
    "UNLISTED",
    "REGULATED",
    "MTF_OTHER",
    "MTF_SME",
    null,
  ),
  country: fc.constantFrom("FR", "DE", "NO", "US"),
  capMillions: fc.constantFrom(20, 149, 150, 400),
  // 2020-12-31: the five years end on the test date itself, when the security still counts.
  listedOn: fc.constantFrom(
    null,
    null,
    "2019-03-01",
    "2020-12-31",
    "2023-05-10",
    "2026-06-30",
  ),
  ownership: fc.constantFrom(0, 0.0499, 0.05, 0.3),
  eligible: fc.boolean(),
  region: fc.constantFrom(...REGIONS),
  mode: fc.constantFrom(
    "SUBSCRIPTION",
    "BOND_REDEEMED_IN_SHARES",
    "BOND_CONVERTED",
    "CONVERTIBLE_HELD",
    "FOLLOW_ON",
  ),
});

const workbook = fc.record({
  fip: fc.boolean(),
  rows: fc.array(row, { minLength: 1, maxLength: 80 }),
  paidUp: fc.integer({ min: 1, max: 40_000_000 }),
  /** Constituted before 2014: the 60 % of the vintage (70 % from 2014). */
  vintage2013: fc.boolean(),
});

const HOLDING_HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "assetClass",
  "costValue",
  "listingStatus",
  "listingCountry",
  "listingDate",
  "marketCap",
  "investmentDate",
  "ownershipPct",
  "fcpiEligible",
  "fipEligible",
  "region",
  "acquisitionMode",
];
const FUND_HEADERS = [
  "fundId",
  "fundType",
  "constitutionDate",
  "firstYearEnd",
  "basis",
  "paidUpSubscriptions",
  "warningMargin",
  "chosenRegions",
];
const INVESTED = "2018-01-15";
const listed = (r: Row) => r.listing !== null && r.listing !== "UNLISTED";

function grids(
  fip: boolean,
  rows: Row[],
  paidUp: number,
  vintage2013: boolean,
) {
  const holdings = rows.map((r, k) => [
    "F",
    `L${k}`,
    `I${k}`,
    r.assetClass,
    r.cents / 100,
    r.listing,
    listed(r) ? r.country : null,
    listed(r) ? r.listedOn : null,
    listed(r) ? r.capMillions * 1_000_000 : null,
    INVESTED,
    r.ownership,
    r.eligible,
    r.eligible,
    r.region,
    r.mode,
  ]);
  // Inside the window of V on 31/12/2025 either way: constituted in 2013 (window to its fifth year) would be past it, so the 2013 fund's first year ends in 2021.
  const constituted = vintage2013 ? "2013-11-15" : "2022-01-15";
  const firstYearEnd = vintage2013 ? "2021-12-31" : "2022-12-31";
  const fund = [
    "F",
    fip ? "FIP" : "FCPI",
    constituted,
    firstYearEnd,
    "COST",
    paidUp,
    0,
    CHOSEN,
  ];
  return {
    Funds: tableFromValues("Funds", [FUND_HEADERS, fund]),
    Holdings: tableFromValues("Holdings", [HOLDING_HEADERS, ...holdings]),
  };
}

interface Expected {
  quota: bigint;
  fresh: bigint;
  listedInGrace: bigint;
  advances: bigint;
  bucket: bigint;
  base: bigint;
}

/** One FCPI or FIP, read from the text. */
function expected(fip: boolean, rows: Row[], paidUp: number): Expected {
  const base = euros(paidUp);
  const amount = (r: Row) => millionths(r.cents);
  const smallCap = (r: Row) => smallCapOf(r.country, r.capMillions);
  // I (FCPI): the issuer's flag; I 1° (FIP): its flag and a region among those the fund chose.
  const eligible = (r: Row) =>
    r.eligible &&
    (!fip || ["bretagne", "normandie"].includes(r.region.toLowerCase()));
  let direct = 0n;
  let bucket = 0n;
  let listedInGrace = 0n;
  let fresh = 0n;
  let freshInBucket = 0n;
  let advances = 0n;
  let qualifying = 0n;
  for (const r of rows) {
    const cls = r.assetClass;
    if (cls === "CURRENT_ACCOUNT_ADVANCE") {
      // L. 214-28 II 1°, which the 70 % takes over: held at least 5 %, of an eligible company.
      advances += amount(r);
      if (r.ownership >= 0.05 && eligible(r)) qualifying += amount(r);
      continue;
    }
    if (
      !I_SECURITIES.has(cls) &&
      cls !== "SARL_PARTS" &&
      !UNLISTED_DEBT.has(cls)
    )
      continue;
    if (!eligible(r)) continue;
    let where: "I" | "BUCKET" | undefined;
    if (cls === "SARL_PARTS" || (I_SECURITIES.has(cls) && !listed(r)))
      where = "I";
    else if (UNLISTED_DEBT.has(cls)) where = listed(r) ? undefined : "BUCKET";
    else if (r.listedOn !== null) {
      // II: admitted after the investment, five years from admission (still unlisted on the test date if later).
      if (r.listedOn > AS_OF) where = "I";
      else if (AS_OF <= addYears(r.listedOn, 5)) {
        where = "I";
        listedInGrace += amount(r);
      }
    } else if (r.listing === "MTF_SME" && I_SECURITIES.has(cls))
      where = "I"; // I 1° b)
    else if (SMALL_CAP_SECURITIES.has(cls) && smallCap(r)) where = "BUCKET";
    if (where === undefined) continue;
    if (where === "I") direct += amount(r);
    else bucket += amount(r);
    if (FRESH_CLASSES.has(cls) && r.mode !== null && FRESH_MODES.has(r.mode)) {
      fresh += amount(r);
      if (where === "BUCKET") freshInBucket += amount(r);
    }
  }
  const cap20 = capOf(base, 20n);
  const bucketCounted = minOf(bucket, cap20);
  const quota = direct + bucketCounted + minOf(qualifying, capOf(base, 15n));
  // The fresh capital in the 20 % counts only as far as the quota counts the bucket.
  fresh =
    fresh - freshInBucket + minOf(freshInBucket, maxOf(bucketCounted, 0n));
  return { quota, fresh, listedInGrace, advances, bucket, base };
}

const ruleOf = (rules: RuleResult[], id: string) =>
  rules.find((r) => r.id === id)!;

describe("FCPI-Q70, FCPI-FRESH40, FIP-Q70, FIP-FRESH40 · L. 214-30 I, II, III A 1° and L. 214-31 I read plainly, against the engine (property)", () => {
  it("L. 214-30 I and III A 1°, L. 214-31 I: the same numerators, and « pour 70 % au moins » and « au moins 40 % » compared as worded (≥)", () => {
    fc.assert(
      fc.property(workbook, ({ fip, rows, paidUp, vintage2013 }) => {
        const report = checkWorkbook(
          readWorkbook(grids(fip, rows, paidUp, vintage2013)),
          { asOf: AS_OF },
        );
        const fund = report.funds[0];
        const want = expected(fip, rows, paidUp);
        const p = fip ? "FIP" : "FCPI";
        const quota = ruleOf(fund.rules, `${p}-Q70`);
        const threshold = vintage2013 ? 60n : 70n;
        expect(quota.numerator).toBe(formatAmount(want.quota));
        expect(quota.denominator).toBe(formatAmount(want.base));
        expect(quota.threshold).toBe(Number(threshold) / 100);
        expect(quota.status).toBe(
          100n * want.quota >= threshold * want.base ? "pass" : "breach",
        );
        const fresh = ruleOf(fund.rules, `${p}-FRESH40`);
        expect(fresh.numerator).toBe(formatAmount(want.fresh));
        expect(fresh.status).toBe(
          10n * want.fresh >= 4n * want.base ? "pass" : "breach",
        );
        expect(ruleOf(fund.rules, `${p}-L5Y`).numerator).toBe(
          formatAmount(want.listedInGrace),
        );
        expect(ruleOf(fund.rules, "FCPR-CCA15").numerator).toBe(
          formatAmount(want.advances),
        );
        expect(ruleOf(fund.rules, "FCPR-B20").numerator).toBe(
          formatAmount(want.bucket),
        );
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 300) },
    );
  });
});
