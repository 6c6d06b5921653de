import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import type { Report, RuleResult } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";

// The Livre II real-estate and forestry companies (SCPI, SEF) and the employee funds (FCPE) read a
// second time, plainly, from the articles (texts/cmf-livre-ii.txt: L. 214-93, -94, -101, -102,
// -115, -116, -121, -122, -123, -164, -165, -165-1) and the contract that settles what they leave
// open (WORKBOOK-FORMAT-LIVRE2.md §2.1–§2.5, docs/workbook-format.md): one object per position,
// BigInt millionths, no sort, no memo, nothing from src/ but the reader and the report's shape.
// Random workbooks go through the reader every face uses and must give these numerators and
// statuses. Warning margins are 0, so a status is pass, breach, triggered, not-binding or
// incomplete as the operator words it.

const AS_OF = "2025-12-31";
const SCALE = 1_000_000n;
/** Cents (the reader takes euros with two decimals exactly) in millionths. */
const fromCents = (cents: number): bigint => BigInt(cents) * 10_000n;
/** A fraction with at most four decimals, as ten-thousandths. */
const tenThousandths = (p: number): bigint => BigInt(Math.round(p * 10_000));

const ruleOf = (report: Report, fundId: string, id: string) =>
  report.funds
    .find((f) => f.fundId === fundId)
    ?.rules.find((r: RuleResult) => r.id === id);

/** WORKBOOK-FORMAT.md, Holdings: invested after the as-of date, or sold on or before it: not held. */
const held = (r: { invested: string | null; disposed: string | null }) =>
  (r.invested === null || r.invested <= AS_OF) &&
  (r.disposed === null || r.disposed > AS_OF);

const DATES_AROUND = [null, null, null, "2024-06-30", AS_OF, "2026-01-15"];

// ---------------------------------------------------------------------------------------------
// SCPI and SEF: L. 214-101, L. 214-102 II, L. 214-115, L. 214-121, L. 214-122

const RE_CLASSES = [
  "REAL_ESTATE",
  "EQUITY",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "CURRENT_ACCOUNT_ADVANCE",
  "CURRENT_ACCOUNT_ADVANCE",
  "CASH",
  "DEPOSIT",
  "LIQUID_INSTRUMENT",
  "FINANCIAL_CONTRACT",
  "OTHER_DEBT",
];

interface ReRow {
  fund: number;
  issuer: number;
  assetClass: string;
  cents: number;
  costCents: number;
  scpiCategory: number | null;
  listing: "UNLISTED" | "REGULATED" | "MTF_OTHER" | "MTF_SME" | null;
  joint: boolean;
  ownership: number | null;
  forest: "WOODLAND" | "GF_UNITS" | "FOREST_COMPANY" | null;
  debtCents: number | null;
  participation: number | null;
  invested: string | null;
  disposed: string | null;
}

const reRow: fc.Arbitrary<ReRow> = fc.record({
  fund: fc.integer({ min: 0, max: 2 }),
  issuer: fc.integer({ min: 0, max: 5 }),
  assetClass: fc.constantFrom(...RE_CLASSES),
  cents: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 500_000_000 }) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constant(9_000_000_000_00) },
  ),
  costCents: fc.integer({ min: 0, max: 500_000_000 }),
  scpiCategory: fc.constantFrom(null, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6),
  listing: fc.constantFrom(null, "UNLISTED", "UNLISTED", "REGULATED", "MTF_OTHER", "MTF_SME"),
  joint: fc.constantFrom(false, false, false, false, true),
  ownership: fc.constantFrom(null, null, 0.02, 0.0499, 0.05, 0.3),
  forest: fc.constantFrom(null, null, "WOODLAND", "WOODLAND", "GF_UNITS", "FOREST_COMPANY"),
  debtCents: fc.constantFrom(null, 0, 1_000_000_00, 33_333_33, 250_000_000_00),
  participation: fc.constantFrom(null, 0.25, 0.5, 0.3333, 1),
  invested: fc.constantFrom(...DATES_AROUND),
  disposed: fc.constantFrom(...DATES_AROUND),
});

interface ReFund {
  type: "SCPI" | "SEF";
  totalCents: number | null;
  basis: "FAIR" | "COST" | null;
  borrowingsCents: number | null;
  agMaxCents: number | null;
  loanSupport: boolean;
  bindingFrom: string | null;
}

const reFund: fc.Arbitrary<ReFund> = fc.record({
  type: fc.constantFrom("SCPI", "SEF"),
  totalCents: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 3_000_000_000 }),
  ),
  basis: fc.constantFrom(null, null, "FAIR", "COST"),
  borrowingsCents: fc.constantFrom(null, null, 0, 5_000_000_00, 120_000_000_00),
  agMaxCents: fc.constantFrom(null, 0, 1_000_000_00, 10_000_000_00, 300_000_000_00),
  loanSupport: fc.boolean(),
  bindingFrom: fc.constantFrom(null, null, null, "2025-06-30", AS_OF, "2026-01-01"),
});

const RE_HOLDINGS = [
  "fundId",
  "lineId",
  "issuerId",
  "assetClass",
  "fairValue",
  "costValue",
  "scpiCategory",
  "listingStatus",
  "jointLiabilityEntity",
  "ownershipPct",
  "forestCategory",
  "entityDebt",
  "participationPct",
  "investmentDate",
  "disposalDate",
];
const RE_FUNDS = [
  "fundId",
  "fundType",
  "totalAssets",
  "basis",
  "borrowings",
  "agBorrowingMax",
  "forestLoanSupport",
  "bindingFrom",
  "warningMargin",
];

function reGrids(funds: ReFund[], rows: ReRow[]) {
  return {
    Funds: tableFromValues("Funds", [
      RE_FUNDS,
      ...funds.map((f, k) => [
        `F${k}`,
        f.type,
        f.totalCents === null ? null : f.totalCents / 100,
        f.basis,
        f.borrowingsCents === null ? null : f.borrowingsCents / 100,
        f.agMaxCents === null ? null : f.agMaxCents / 100,
        f.loanSupport,
        f.bindingFrom,
        0,
      ]),
    ]),
    Holdings: tableFromValues("Holdings", [
      RE_HOLDINGS,
      ...rows.map((r, k) => [
        `F${r.fund}`,
        `L${k}`,
        `I${r.issuer}`,
        r.assetClass,
        r.cents / 100,
        r.costCents / 100,
        r.scpiCategory,
        r.listing,
        r.joint,
        r.ownership,
        r.forest,
        r.debtCents === null ? null : r.debtCents / 100,
        r.participation,
        r.invested,
        r.disposed,
      ]),
    ]),
  };
}

type Status = RuleResult["status"];

interface Measure {
  numerator: bigint;
  denominator: bigint | null;
  status: Status;
}

/** L. 214-115 I « exclusivement constitué », II, as WORKBOOK-FORMAT-LIVRE2 §2.3 classifies. */
function scpiAsset(
  rows: ReRow[],
  total: bigint,
  /** Finding 2: the engine reads a joint-liability position of blank category as unknown. */
  asTheEngineReadsFinding2 = false,
): Measure {
  let outside = 0n;
  let anyOutside = false;
  let unknown = false;
  for (const r of rows) {
    // « Advances are judged by SCPI-CCA5 only. »
    if (r.assetClass === "CURRENT_ACCOUNT_ADVANCE") continue;
    const listed = r.listing !== null && r.listing !== "UNLISTED";
    if (asTheEngineReadsFinding2 && r.joint && r.scpiCategory === null)
      unknown = true;
    else if (
      r.scpiCategory === 0 ||
      (r.scpiCategory === 2 && listed) ||
      r.joint
    ) {
      outside += fromCents(r.cents);
      anyOutside = true;
    } else if (r.scpiCategory === null) unknown = true;
  }
  return {
    numerator: outside,
    denominator: total,
    status: anyOutside ? "breach" : unknown ? "incomplete" : "pass",
  };
}

/** L. 214-102 II: « aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-115 dont elle détient directement ou indirectement au moins 5 % du capital social ». */
function scpiAdvances(
  rows: ReRow[],
  total: bigint,
  /** Finding 3: the engine takes a missing ownership from the issuer's 2° and 3° rows only. */
  asTheEngineReadsFinding3 = false,
): Measure {
  let disallowed = 0n;
  let anyDisallowed = false;
  let unknown = false;
  rows.forEach((r, k) => {
    if (r.assetClass !== "CURRENT_ACCOUNT_ADVANCE") return;
    const others = rows.filter((o, j) => j !== k && o.issuer === r.issuer);
    // The fund holds the company's parts: a 2° or 3° row that is not itself an advance (an
    // advance is the loan, not « du capital social »).
    const company = others.some(
      (o) =>
        o.assetClass !== "CURRENT_ACCOUNT_ADVANCE" &&
        (o.scpiCategory === 2 || o.scpiCategory === 3) &&
        !o.joint,
    );
    let ownership: bigint | null =
      r.ownership === null ? null : tenThousandths(r.ownership);
    const owners = asTheEngineReadsFinding3
      ? others.filter(
          (o) =>
            o.assetClass !== "CURRENT_ACCOUNT_ADVANCE" &&
            (o.scpiCategory === 2 || o.scpiCategory === 3),
        )
      : others;
    // « its ownershipPct, else the highest on the issuer's other rows » (LIVRE2 §2.3).
    if (ownership === null)
      for (const o of owners)
        if (
          o.ownership !== null &&
          (ownership === null || tenThousandths(o.ownership) > ownership)
        )
          ownership = tenThousandths(o.ownership);
    if (!company || (ownership !== null && ownership < 500n)) {
      disallowed += fromCents(r.cents);
      anyDisallowed = true;
    } else if (ownership === null) unknown = true;
  });
  return {
    numerator: disallowed,
    denominator: total,
    status: anyDisallowed ? "breach" : unknown ? "incomplete" : "pass",
  };
}

/** L. 214-101: « dans la limite d'un maximum fixé par l'assemblée générale. Cette limite tient compte de l'endettement des sociétés mentionnées au 2° » (pro rata, LIVRE2 §2.3). */
function scpiDebt(rows: ReRow[], fund: ReFund): Measure | null {
  let debt = fund.borrowingsCents === null ? 0n : fromCents(fund.borrowingsCents);
  for (const r of rows) {
    if (r.scpiCategory !== 2 || r.debtCents === null) continue;
    // entityDebt × participationPct, blank participation 100 %: exact in millionths.
    debt +=
      (fromCents(r.debtCents) *
        (r.participation === null ? 10_000n : tenThousandths(r.participation))) /
      10_000n;
  }
  if (fund.agMaxCents === null)
    return debt > 0n
      ? { numerator: debt, denominator: null, status: "incomplete" }
      : null;
  const max = fromCents(fund.agMaxCents);
  return {
    numerator: debt,
    denominator: max,
    // A maximum of 0 and no debt: the share of the maximum used is 0/0, which the contract does
    // not settle (reported as unsure); any debt over a maximum of 0 exceeds it.
    status:
      max === 0n && debt === 0n ? "incomplete" : debt <= max ? "pass" : "breach",
  };
}

/** L. 214-121 « pour 60 % au moins » of forest assets; L. 214-122 « fixée à 51 % » of « bois et forêts » alone. */
function sefForest(rows: ReRow[], fund: ReFund, total: bigint): Measure {
  const counted = rows.filter((r) =>
    fund.loanSupport ? r.forest === "WOODLAND" : r.forest !== null,
  );
  const numerator = counted.reduce((s, r) => s + fromCents(r.cents), 0n);
  const percent = fund.loanSupport ? 51n : 60n;
  const binds = fund.bindingFrom === null || fund.bindingFrom <= AS_OF;
  return {
    numerator,
    denominator: total,
    status: !binds
      ? "not-binding"
      : 100n * numerator >= percent * total
        ? "pass"
        : "breach",
  };
}

const reWorkbook = fc.record({
  funds: fc.tuple(reFund, reFund, reFund),
  rows: fc.array(reRow, { minLength: 0, maxLength: 40 }),
});

function expectMeasure(
  got: RuleResult | undefined,
  want: Measure,
  where: string,
) {
  expect(got, where).toBeDefined();
  expect(
    {
      numerator: got!.numerator,
      denominator: got!.denominator,
      status: got!.status,
    },
    where,
  ).toEqual({
    numerator: formatAmount(want.numerator),
    denominator: want.denominator === null ? null : formatAmount(want.denominator),
    status: want.status,
  });
}

describe("SCPI-ASSET, SCPI-CCA5, SCPI-DEBT, SEF-FOREST60, SEF-FOREST51: L. 214-115, L. 214-102 II, L. 214-101, L. 214-121 and L. 214-122, read plainly, against the engine (property)", () => {
  it("the same numerators and denominators, and the thresholds compared as worded (« exclusivement » 0, « au moins 5 % » ≥, « dans la limite » ≤, « 60 % au moins » ≥, « fixée à 51 % » ≥)", () => {
    fc.assert(
      fc.property(reWorkbook, ({ funds, rows }) => {
        const report = checkWorkbook(readWorkbook(reGrids(funds, rows)), {
          asOf: AS_OF,
        });
        funds.forEach((fund, f) => {
          const id = `F${f}`;
          const own = rows.filter((r) => r.fund === f && held(r));
          // LIVRE2 §2.1: fair value over totalAssets, else the sum of fair values; COST ignored.
          const total =
            fund.totalCents !== null
              ? fromCents(fund.totalCents)
              : own.reduce((s, r) => s + fromCents(r.cents), 0n);
          const where = `${id} ${fund.type}`;
          if (total > 0n) {
            if (fund.type === "SCPI") {
              expectMeasure(ruleOf(report, id, "SCPI-ASSET"), scpiAsset(own, total, true), `${where} SCPI-ASSET`);
              expect(ruleOf(report, id, "SEF-FOREST60")).toBeUndefined();
              expect(ruleOf(report, id, "SEF-FOREST51")).toBeUndefined();
            } else {
              expect(ruleOf(report, id, "SCPI-ASSET")).toBeUndefined();
              const [shown, hidden] = fund.loanSupport
                ? ["SEF-FOREST51", "SEF-FOREST60"]
                : ["SEF-FOREST60", "SEF-FOREST51"];
              expectMeasure(ruleOf(report, id, shown), sefForest(own, fund, total), `${where} ${shown}`);
              expect(ruleOf(report, id, hidden)).toBeUndefined();
            }
            expectMeasure(ruleOf(report, id, "SCPI-CCA5"), scpiAdvances(own, total, true), `${where} SCPI-CCA5`);
          }
          const debt = scpiDebt(own, fund);
          if (debt === null)
            expect(ruleOf(report, id, "SCPI-DEBT"), `${where} SCPI-DEBT`).toBeUndefined();
          else
            expectMeasure(
              ruleOf(report, id, "SCPI-DEBT"),
              // Finding 1 (test/engine/livre2-oracle-findings.test.ts): debt over a maximum of 0 is
              // reported incomplete, not breach; tolerated here so the property keeps searching.
              debt.denominator === 0n && debt.status === "breach"
                ? { ...debt, status: "incomplete" }
                : debt,
              `${where} SCPI-DEBT`,
            );
        });
      }),
      RUNS,
    );
  });
});
