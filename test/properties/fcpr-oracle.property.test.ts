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
  I_SECURITIES,
  SMALL_CAP_SECURITIES,
  UNLISTED_DEBT,
  addYears,
  capOf,
  euros,
  millionths,
  minOf,
  smallCap as smallCapOf,
} from "./l214-28-plain";

// L. 214-28 read a second time, plainly: one object per position, BigInt millionths, no sort, no
// column, no memo. The engine's FCPR path is a columnar one tuned for 100,000 rows (typed arrays,
// a counting sort, sums as numbers while they are safe integers, a BigInt past 2^53); this test
// reads random workbooks through the same reader as every face and asks both for the same
// numerators and the same status. The reading follows the text (../shared/regulation/RULES.md
// §1.1) and the contract's conventions (WORKBOOK-FORMAT.md §3), not the engine's code.

const CLASSES = [
  ...I_SECURITIES,
  "SARL_PARTS",
  "OTHER_DEBT",
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "CASH",
  "LIQUID_INSTRUMENT",
];

interface Row {
  fund: number;
  issuer: number;
  assetClass: string;
  /** Cost in cents: the reader takes euros with two decimals exactly. */
  cents: number;
  listing: "UNLISTED" | "REGULATED" | "MTF" | "MTF_SME" | null;
  country: string;
  capMillions: number;
  /** Admitted to trading after purchase (IV), on this date. */
  listedOn: string | null;
  ownership: number;
  lookThrough: number;
  oecd: boolean;
  /** The issuerId written in lowercase on this row: one company however written (contract §3). */
  lower: boolean;
}

const row: fc.Arbitrary<Row> = fc.record({
  fund: fc.integer({ min: 0, max: 2 }),
  issuer: fc.integer({ min: 0, max: 9 }),
  lower: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  assetClass: fc.constantFrom(...CLASSES),
  // Mostly amounts as booked; now and then one whose millionths pass 2^53 alone, or with a few others.
  cents: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 500_000_000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        2_500_000_000_00,
        9_000_000_000_00,
        12_345_678_901_234,
      ),
    },
  ),
  listing: fc.constantFrom(
    "UNLISTED",
    "UNLISTED",
    "REGULATED",
    "MTF",
    "MTF_SME",
    null,
  ),
  country: fc.constantFrom("FR", "DE", "NO", "US", "CH"),
  capMillions: fc.constantFrom(20, 90, 149, 150, 151, 400),
  // 2020-12-31: the five years end on the test date itself, when the security still counts (the
  // day of admission is not counted, as a délai "à compter de" is reckoned).
  listedOn: fc.constantFrom(
    null,
    null,
    "2019-03-01",
    "2020-12-31",
    "2021-06-30",
    "2024-02-15",
    "2026-06-30",
  ),
  ownership: fc.constantFrom(0, 0.02, 0.0499, 0.05, 0.1, 0.6),
  lookThrough: fc.constantFrom(0, 0.25, 0.6, 1),
  oecd: fc.boolean(),
});

const workbook = fc.record({
  // Now and then a larger table: hundreds of distinct issuers, sums summed over many rows.
  rows: fc.oneof(
    { weight: 9, arbitrary: fc.array(row, { minLength: 1, maxLength: 120 }) },
    {
      weight: 1,
      arbitrary: fc.array(row, { minLength: 300, maxLength: 1500 }),
    },
  ),
  /** Paid-up subscriptions of each fund, in euros. */
  paidUp: fc.tuple(
    ...[0, 1, 2].map(() => fc.integer({ min: 1, max: 60_000_000 })),
  ),
  /** Many distinct issuers (a code per issuer past the reader's small tables), or a few shared. */
  manyIssuers: fc.boolean(),
  /** The market, capitalisation and admission of an issuer's first row on all its rows, as a company has one: IV then often has whole issuers meeting III, whose order of admission decides which fit in the 20 %. */
  byIssuer: fc.boolean(),
  /** Most rows small caps admitted after purchase, a listing date per issuer: issuers compete for the 20 % in their order of admission. */
  admitted: fc.boolean(),
  /** Now and then 300 funds, past the reader's one-byte codes of fund ids, their rows interleaved. */
  manyFunds: fc.constantFrom(false, false, false, false, false, false, true),
  /** Which of the three funds (by fund number modulo 3) are FPCI: L. 214-28 as L. 214-160 adapts it. */
  fpci: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
});

/** The rows spread over 300 funds (three bases, by fund number modulo 3). */
const spreadOverFunds = (rows: Row[]): Row[] =>
  rows.map((r, k) => ({ ...r, fund: r.fund + 3 * (k % 100) }));

const ADMISSIONS = ["2023-05-10", "2021-06-30", "2024-02-15", "2022-09-01"];

/** Two issuers in three with equity admitted after purchase, on a date of their own: small caps, or (one issuer in three) each row its own capitalisation. */
function mostlyAdmitted(rows: Row[]): Row[] {
  return rows.map((r) =>
    r.issuer % 3 === 0
      ? r
      : {
          ...r,
          assetClass: "EQUITY",
          listing: "REGULATED",
          country: "FR",
          capMillions: r.issuer % 3 === 1 ? 90 : r.capMillions,
          listedOn: ADMISSIONS[r.issuer % ADMISSIONS.length],
        },
  );
}

/** The rows with an issuer's first row's market, capitalisation and admission on all its rows. */
function sameIssuerFacts(rows: Row[]): Row[] {
  const first = new Map<string, Row>();
  return rows.map((r) => {
    const key = `${r.fund}/${r.issuer}`;
    const f = first.get(key) ?? (first.set(key, r), r);
    return {
      ...r,
      listing: f.listing,
      country: f.country,
      capMillions: f.capMillions,
      listedOn: f.listedOn,
    };
  });
}

const HOLDING_HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "issuerName",
  "assetClass",
  "costValue",
  "listingStatus",
  "listingCountry",
  "listingDate",
  "marketCap",
  "investmentDate",
  "ownershipPct",
  "lookThroughPct",
  "entityOecd",
];
const FUND_HEADERS = [
  "fundId",
  "fundName",
  "fundType",
  "constitutionDate",
  "firstYearEnd",
  "basis",
  "paidUpSubscriptions",
  "warningMargin",
];
/** Bought before every listing date generated: a listed row with a listing date was admitted after purchase. */
const INVESTED = "2018-01-15";

/** The issuerId as the row writes it. */
const writtenIssuer = (r: Row, k: number, many: boolean) => {
  const id = many ? `I${k}-${r.issuer}` : `I${r.issuer}`;
  return r.lower ? id.toLowerCase() : id;
};
/** The company: ids match ignoring case and surrounding spaces (WORKBOOK-FORMAT §3). */
const issuerOf = (r: Row, k: number, many: boolean) =>
  writtenIssuer(r, k, many).trim().toUpperCase();
const listed = (r: Row) => r.listing !== null && r.listing !== "UNLISTED";

function grids(
  rows: Row[],
  paidUp: number[],
  fpci: boolean[],
  many: boolean,
  funds: number,
) {
  const holdings = rows.map((r, k) => [
    `F${r.fund}`,
    `L${k}`,
    writtenIssuer(r, k, many),
    null,
    r.assetClass,
    r.cents / 100,
    r.listing,
    listed(r) ? r.country : null,
    listed(r) ? r.listedOn : null,
    listed(r) ? r.capMillions * 1_000_000 : null,
    INVESTED,
    r.ownership,
    r.lookThrough,
    r.oecd,
  ]);
  // Constituted in 2022 with a first year ending that December: the quota binds on 31/12/2025 (V).
  const fundRows = Array.from({ length: funds }, (_, f) => [
    `F${f}`,
    `Fund ${f}`,
    fpci[f % 3] ? "FPCI" : "FCPR",
    "2022-01-15",
    "2022-12-31",
    "COST",
    paidUp[f % 3],
    0,
  ]);
  return {
    Funds: tableFromValues("Funds", [FUND_HEADERS, ...fundRows]),
    Holdings: tableFromValues("Holdings", [HOLDING_HEADERS, ...holdings]),
  };
}

interface Expected {
  q50: bigint;
  advances: bigint;
  bucket: bigint;
  listedInGrace: bigint;
  base: bigint;
}

/** One FCPR's measures, read from the text. */
function expected(
  rows: { r: Row; k: number }[],
  paidUpEuros: number,
  many: boolean,
  /** An FPCI (L. 214-160 II): a participation for an advance, entities of any State, receivables within 10 %. */
  fpci: boolean,
): Expected {
  const base = euros(paidUpEuros);
  const amount = (r: Row) => millionths(r.cents);
  const issuer = (x: { r: Row; k: number }) => issuerOf(x.r, x.k, many);
  const smallCap = (r: Row) => smallCapOf(r.country, r.capMillions);
  let direct = 0n;
  let bucket = 0n;
  let listedInGrace = 0n;
  let entities = 0n;
  let bucketReceivables = 0n;
  /** By issuer: some security counted in I (true), or securities and none counted (false). */
  const countedInI = new Map<string, boolean>();
  const note = (x: { r: Row; k: number }, counted: boolean) =>
    countedInI.set(issuer(x), (countedInI.get(issuer(x)) ?? false) || counted);
  const afterPurchase: { r: Row; k: number }[] = [];
  const advances: { r: Row; k: number }[] = [];
  for (const x of rows) {
    const { r } = x;
    const cls = r.assetClass;
    if (cls === "CURRENT_ACCOUNT_ADVANCE") advances.push(x);
    else if (cls === "ENTITY_RIGHTS") {
      // II 2°: an OECD entity (FPCI: any State), "qu'à concurrence du pourcentage d'investissement direct".
      if (r.oecd || fpci)
        entities +=
          (amount(r) * BigInt(Math.round(r.lookThrough * 100))) / 100n;
    } else if (cls === "SARL_PARTS" || (I_SECURITIES.has(cls) && !listed(r))) {
      direct += amount(r);
      note(x, true);
    } else if (UNLISTED_DEBT.has(cls) && !listed(r)) {
      bucket += amount(r);
      if (cls === "RECEIVABLE") bucketReceivables += amount(r);
      note(x, false);
    } else if (I_SECURITIES.has(cls) && r.listedOn !== null) {
      // IV: admitted after purchase; admitted after the test date, still unlisted on it.
      if (r.listedOn > AS_OF) {
        direct += amount(r);
        note(x, true);
      } else afterPurchase.push(x);
    } else {
      if (SMALL_CAP_SECURITIES.has(cls) && listed(r) && smallCap(r))
        bucket += amount(r);
      note(x, false);
    }
  }
  const cap20 = capOf(base, 20n);
  // IV, issuer by issuer in order of admission (then of first row): into the 20 % with no time
  // limit when all its securities meet III and the bucket stays within 20 % with them; else five years.
  const byIssuer = new Map<string, { r: Row; k: number }[]>();
  for (const x of afterPurchase)
    byIssuer.set(issuer(x), [...(byIssuer.get(issuer(x)) ?? []), x]);
  const order = [...byIssuer.values()].sort((a, b) => {
    const [la, lb] = [a, b].map((g) => g.map((x) => x.r.listedOn!).sort()[0]);
    // Admitted the same day: by issuer id, whatever the rows' order (docs/workbook-format.md, IV).
    const [ia, ib] = [issuer(a[0]), issuer(b[0])];
    return la < lb ? -1 : la > lb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  for (const group of order) {
    const sum = group.reduce((s, x) => s + amount(x.r), 0n);
    if (group.every((x) => smallCap(x.r)) && bucket + sum <= cap20) {
      bucket += sum;
      for (const x of group) note(x, false);
      continue;
    }
    for (const x of group) {
      const inGrace = AS_OF <= addYears(x.r.listedOn!, 5);
      if (inGrace) {
        direct += amount(x.r);
        listedInGrace += amount(x.r);
      }
      note(x, inGrace);
    }
  }
  // II 1°: advances to companies held at least 5 %, counted in the quota when the company meets
  // the conditions of I (an issuer with no security here: when the advance itself is unlisted).
  let allAdvances = 0n;
  let qualifying = 0n;
  for (const x of advances) {
    allAdvances += amount(x.r);
    // FPCI: « dans lesquelles le fonds détient une participation », any share above nothing.
    if (fpci ? x.r.ownership <= 0 : x.r.ownership < 0.05) continue;
    const counted = countedInI.get(issuer(x));
    if (counted === true || (counted === undefined && !listed(x.r)))
      qualifying += amount(x.r);
  }
  // FPCI: « peut détenir des créances, dans la limite de 10 % de son actif »: the receivables held
  // above it (measured on all of them) are taken from those the bucket counts.
  const receivables = rows
    .filter((x) => x.r.assetClass === "RECEIVABLE")
    .reduce((sum, x) => sum + amount(x.r), 0n);
  const above = fpci ? receivables - capOf(base, 10n) : 0n;
  const aboveLimit = above > 0n ? minOf(bucketReceivables, above) : 0n;
  const q50 =
    direct +
    minOf(bucket - (aboveLimit > 0n ? aboveLimit : 0n), cap20) +
    minOf(qualifying, capOf(base, 15n)) +
    entities;
  return { q50, advances: allAdvances, bucket, listedInGrace, base };
}

const ruleOf = (rules: RuleResult[], id: string) =>
  rules.find((r) => r.id === id)!;

describe("FCPR-Q50, FCPR-CCA15, FPCI-CCA15, FCPR-B20, FCPR-L5Y: L. 214-28 I, II 1°, II 2°, III and IV, and L. 214-160 II for the FPCI, read plainly, against the engine (property)", () => {
  it("L. 214-28 I to IV: the same numerators, and the 50 % compared as worded (« pour 50 % au moins »: ≥)", () => {
    fc.assert(
      fc.property(
        workbook,
        ({
          rows: generated,
          paidUp,
          manyIssuers,
          byIssuer,
          admitted,
          manyFunds,
          fpci,
        }) => {
          const facts = byIssuer ? sameIssuerFacts(generated) : generated;
          const placed = admitted ? mostlyAdmitted(facts) : facts;
          const rows = manyFunds ? spreadOverFunds(placed) : placed;
          const funds = manyFunds ? 300 : 3;
          const report = checkWorkbook(
            readWorkbook(grids(rows, paidUp, fpci, manyIssuers, funds)),
            { asOf: AS_OF },
          );
          const indexed = rows.map((r, k) => ({ r, k }));
          for (let f = 0; f < funds; f++) {
            const own = indexed.filter((x) => x.r.fund === f);
            if (own.length === 0) continue;
            const fund = report.funds.find((x) => x.fundId === `F${f}`)!;
            const want = expected(own, paidUp[f % 3], manyIssuers, fpci[f % 3]);
            const q50 = ruleOf(fund.rules, "FCPR-Q50");
            expect(q50.numerator).toBe(formatAmount(want.q50));
            expect(q50.denominator).toBe(formatAmount(want.base));
            expect(q50.status).toBe(
              2n * want.q50 >= want.base ? "pass" : "breach",
            );
            const advances = fpci[f % 3] ? "FPCI-CCA15" : "FCPR-CCA15";
            expect(ruleOf(fund.rules, advances).numerator).toBe(
              formatAmount(want.advances),
            );
            expect(ruleOf(fund.rules, "FCPR-B20").numerator).toBe(
              formatAmount(want.bucket),
            );
            expect(ruleOf(fund.rules, "FCPR-L5Y").numerator).toBe(
              formatAmount(want.listedInGrace),
            );
          }
        },
      ),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 300) },
    );
  });
});
