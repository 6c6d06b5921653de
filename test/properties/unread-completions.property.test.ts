import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import { ASSET_CLASSES, FOREST_CATEGORIES, type Fund, HELD_FUND_TYPES, type Holding, LISTING_STATUSES } from "../../src/engine/model";
import type { RuleResult, Status } from "../../src/engine/result";
import { eur } from "../helpers/build";
import { RUNS } from "./arbitraries";
import { clean, fund, FUND_TYPES, HOLDER_RULES, holding, isOpci, type Poison, poisoned, scenario, type Scenario } from "./poisoned-row";

// WORKBOOK-FORMAT §3: a rule whose numerator or denominator an unreadable row could enter is
// `incomplete`, unless the readable rows decide it. A breach shown beside such a row is such a
// decision: it must hold whatever the row's value is. Each run builds a random fund with one row of
// one unreadable (or blank) value, then the same fund with that value read, for every value of a
// list that crosses the law's lines (every class, a date before and after the test date, amounts
// below zero, zero and large, capitalisations either side of 150 M€…): where the row unread gives a
// breach, no value read may give a pass (or a warning, a rule not binding, an information). A
// value read that leaves the rule incomplete for another reason proves nothing and is skipped.

const AS_OF = "2025-12-31";
const PASSING: Status[] = ["pass", "warning", "not-binding", "info"];

/** The values the unreadable one could have been, each as a change to the row. */
function readValues(kind: Poison, fundType: string): Partial<Holding>[] {
  switch (kind) {
    case "class":
      return isOpci(fundType as never)
        ? [1, 2, 3, 4, 5, 6, 7, 8, 9].map((opciCategory) => ({ opciCategory }))
        : ASSET_CLASSES.map((assetClass) => ({ assetClass }));
    case "investmentDate":
      return [{ investmentDate: "2023-01-15" }, { investmentDate: "2026-06-01" }, { investmentDate: AS_OF }];
    case "disposalDate":
      return [{ disposalDate: undefined }, { disposalDate: "2024-06-30" }, { disposalDate: AS_OF }, { disposalDate: "2026-06-30" }];
    case "amount":
      return ["-100000", "0", "0.01", "25000", "10000000"].map((v) => ({ costValue: eur(v), fairValue: eur(v) }));
    case "eligibility":
      return [true, false].map((b) => ({ fcpiEligible: b, fipEligible: b }));
    case "ownership":
      return ["0", "0.04", "0.05", "0.2", "1"].map((x) => ({ ownershipPct: new Dec(x) }));
    case "masterId":
      return ["M1", "M2", "M3"].map((masterId) => ({ masterId }));
    case "marketCap":
      return [10_000_000, 149_999_999, 150_000_000, 150_000_001, 1_000_000_000].map((v) => ({ marketCap: eur(v) }));
    case "lookThrough":
      return ["0", "0.5", "1"].map((x) => ({ lookThroughPct: new Dec(x) }));
    case "region":
      return ["Bretagne", "Normandie", "Occitanie"].map((region) => ({ region }));
    case "acquisitionMode":
      return [{ acquisitionMode: "SUBSCRIPTION" }, { acquisitionMode: "SECONDARY_PURCHASE" }];
    case "entityDebt":
      return ["0", "100000", "10000000"].map((v) => ({ entityDebt: eur(v) }));
  }
}

interface Built {
  fund: Fund;
  rows: Holding[];
  bad: Holding;
  rules?: string[];
}

function build(s: Scenario): Built | undefined {
  const bad = poisoned(s.kind, s.fundType, s.row, 100, s.unreadable);
  if (!bad) return undefined;
  return {
    fund: fund(s.fundType, s.kind === "amount", s.constitution, s.liquidLabel, s.overseas, s.overseas),
    rows: s.rows.map((r, i) => holding(r, i + 2)),
    bad: bad.h,
    rules: bad.rules,
  };
}

/** A change as words for the failure's message (amounts are BigInts, shares Decs). */
const shown = (change: Partial<Holding>): string => JSON.stringify(change, (_, v: unknown) => (typeof v === "bigint" || v instanceof Dec ? String(v) : v));

const check = (b: Built, bad: Holding): RuleResult[] =>
  checkWorkbook({ funds: [b.fund], holdings: [...b.rows, bad], holders: [], diagnostics: [] }, { asOf: AS_OF }).funds[0].rules;

/**
 * Each breach shown with the value unread, against the same rule with each value read in its
 * place (`readings`: the value as words, and the rules then): none may pass.
 */
function expectBreachesHold(unread: RuleResult[], readings: Iterable<[string, RuleResult[]]>, where: string): void {
  for (const [value, rules] of readings) {
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const r of unread) {
      const other = byId.get(r.id);
      if (!other) continue;
      expect(PASSING, `${r.id} (${where}) is in breach unread (${r.message ?? ""}), ${other.status} with ${value}`).not.toContain(other.status);
    }
  }
}

/**
 * Each condition shown in breach beside the unread value, whatever its rule's status, is not met
 * under any value read in its place; each shown met is not in breach under any.
 */
function expectConditionsHold(unread: RuleResult[], readings: Iterable<[string, RuleResult[]]>, where: string): void {
  for (const [value, rules] of readings) {
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const r of unread)
      for (const c of r.conditions ?? []) {
        const o = byId.get(r.id)?.conditions?.find((x) => x.id === c.id);
        if (!o) continue;
        if (c.status === "breach") expect(PASSING, `${r.id} ${c.id} (${where}) is in breach unread (rule ${r.status}), ${o.status} with ${value}`).not.toContain(o.status);
        if (c.status === "pass") expect(o.status, `${r.id} ${c.id} (${where}) is met unread (rule ${r.status}), ${o.status} with ${value}`).not.toBe("breach");
      }
  }
}

describe("a breach beside an unreadable value holds for every value it could have (property)", () => {
  it("no value read in its place turns a breach shown into a pass, for every fund type and kind of unreadable value", () => {
    let breaches = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const b = build(s);
        if (!b) return;
        const all = check(b, b.bad).filter((r) => !HOLDER_RULES.has(r.id) && (!b.rules || b.rules.includes(r.id)));
        const unread = all.filter((r) => r.status === "breach");
        if (unread.length === 0 && !all.some((r) => r.conditions?.length)) return;
        breaches += unread.length;
        const readings = readValues(s.kind, s.fundType).map((change): [string, RuleResult[]] => [shown(change), check(b, { ...b.bad, ...change, invalid: new Set<string>() })]);
        const where = `${s.fundType}, ${s.kind} ${s.unreadable ? "unreadable" : "blank"}`;
        expectBreachesHold(unread, readings, where);
        expectConditionsHold(all, readings, where);
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 600) }
    );
    // A property that met no breach would prove nothing.
    expect(breaches).toBeGreaterThan(20);
  });
});

// The same for the columns of the other Livre II rules (WORKBOOK-FORMAT-LIVRE2 §1.3) and the
// listing columns: rows given random values in them, one row's cell of one column unreadable.
const FLAGS = ["jointLiabilityEntity", "solidarityEnterprise", "employerGroup", "corporateTax", "preferenceShares", "cpiEligible", "holdingCompany", "subsidiariesEligible", "subsidiaryMeetsI"] as const;
const REQUIRED_FLAGS = ["encumbered", "controlledParticipation", "hedgeOnly", "entityOecd"] as const;
const money = (values: number[]) => values.map((v) => eur(v));
const shares = ["0", "0.05", "0.1", "0.35", "0.5", "1"].map((x) => new Dec(x));
const L2_DOMAINS: Record<string, readonly unknown[]> = {
  listingStatus: LISTING_STATUSES,
  instrumentListing: LISTING_STATUSES,
  listingDate: ["2019-06-30", "2022-06-30", "2025-06-30"],
  heldFundType: HELD_FUND_TYPES,
  scpiCategory: [0, 1, 2, 3, 4, 5, 6],
  forestCategory: FOREST_CATEGORIES,
  issuerCountry: ["FR", "DE", "US"],
  issuerEmployees: money([10, 249, 250, 4_999, 5_000]),
  issuerTurnover: money([1_000_000, 50_000_000, 50_000_001, 1_500_000_000, 1_500_000_001]),
  issuerBalanceSheet: money([1_000_000, 43_000_000, 43_000_001, 2_000_000_000, 2_000_000_001]),
  issuerMarketCap: money([50_000_000, 150_000_000, 150_000_001, 1_000_000_000, 1_000_000_001]),
  issuerMarketCapLow4y: money([50_000_000, 150_000_000, 150_000_001, 1_000_000_000, 1_000_000_001]),
  maxLoss: money([-100, 0, 100, 1_000_000]),
  entitySolidarityShare: shares,
  participationPct: shares,
  subsidiaryStakeMinPct: shares,
  subscriptionCommitment: money([0, 1_000, 1_000_000]),
  ...Object.fromEntries(FLAGS.map((f) => [f, [true, false]])),
  ...Object.fromEntries(REQUIRED_FLAGS.map((f) => [f, [true, false]])),
};
const L2_COLUMNS = Object.keys(L2_DOMAINS);

/** A value of the column's domain, or (for a column that may be blank) none. */
const valueOf = (column: string) => {
  const domain = fc.constantFrom(...L2_DOMAINS[column]);
  return (REQUIRED_FLAGS as readonly string[]).includes(column) ? domain : fc.option(domain, { nil: undefined });
};
const livre2Row = fc.record({
  base: clean,
  values: fc.record(Object.fromEntries(L2_COLUMNS.map((c) => [c, valueOf(c)])) as Record<string, fc.Arbitrary<unknown>>),
});
type Livre2Row = typeof livre2Row extends fc.Arbitrary<infer T> ? T : never;

const holdingOf = (r: Livre2Row, row: number): Holding => Object.assign(holding(r.base, row), r.values);

const livre2Scenario = fc.record({
  fundType: fc.constantFrom(...FUND_TYPES),
  column: fc.constantFrom(...L2_COLUMNS),
  rows: fc.array(livre2Row, { maxLength: 8 }),
  row: livre2Row,
  constitution: fc.constantFrom("2015-03-01", "2021-06-30", "2024-02-01"),
  liquidLabel: fc.boolean(),
  overseas: fc.boolean(),
});

describe("a breach beside an unreadable Livre II or listing value holds for every value it could have (property)", () => {
  it("no value read in its place turns a breach shown into a pass, for every fund type and column", () => {
    let breaches = 0;
    fc.assert(
      fc.property(livre2Scenario, (s) => {
        const bad = holdingOf(s.row, 100);
        const required = (REQUIRED_FLAGS as readonly string[]).includes(s.column);
        Object.assign(bad, { [s.column]: required ? false : undefined });
        bad.invalid.add(s.column);
        const b: Built = { fund: fund(s.fundType, false, s.constitution, s.liquidLabel, s.overseas, s.overseas), rows: s.rows.map((r, i) => holdingOf(r, i + 2)), bad };
        const all = check(b, bad).filter((r) => !HOLDER_RULES.has(r.id));
        const unread = all.filter((r) => r.status === "breach");
        if (unread.length === 0 && !all.some((r) => r.conditions?.length)) return;
        breaches += unread.length;
        const readings = L2_DOMAINS[s.column].map((value): [string, RuleResult[]] => [shown({ [s.column]: value } as Partial<Holding>), check(b, { ...bad, [s.column]: value, invalid: new Set<string>() })]);
        expectBreachesHold(unread, readings, `${s.fundType}, ${s.column} unreadable`);
        expectConditionsHold(all, readings, `${s.fundType}, ${s.column} unreadable`);
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 600) }
    );
    expect(breaches).toBeGreaterThan(20);
  });
});

// The same for one cell of the Funds row: its facts decide bases, windows, regimes and claims.
const FUND_FLAGS = ["overseasZone", "isSicav", "liquidLabel"] as const;
const FUND_DOMAINS: Record<string, readonly unknown[]> = {
  paidUpSubscriptions: money([1, 500_000, 1_000_000, 10_000_000]),
  totalAssets: money([1, 500_000, 1_000_000, 10_000_000]),
  constitutionDate: ["2015-03-01", "2021-06-30", "2024-02-01", "2025-12-31"],
  firstYearEnd: ["2015-12-31", "2021-12-31", "2024-12-31", "2025-06-30"],
  bindingFrom: ["2020-01-01", "2025-12-31", "2026-06-30"],
  borrowings: money([0, 100_000, 1_000_000, 10_000_000]),
  agBorrowingMax: money([0, 100_000, 1_000_000, 10_000_000]),
  uncalledSubscriptions: money([0, 100_000, 1_000_000]),
  initialCapital: money([0, 100_000, 300_000, 1_000_000]),
  ...Object.fromEntries(
    ["forestLoanSupport", "solidarityFund", "perEligible", "foreignGroupPlan", "liquidityMechanism", "groupBuybackCommitment", "peaClaim", "peaPmeClaim", "cpiClaim", "selfManaged", "allege", "eltifLabel", "infrastructureObject"].map((f) => [f, [true, false]])
  ),
  ...Object.fromEntries(FUND_FLAGS.map((f) => [f, [true, false]])),
};
// The SCPI, SEF and SICAF figures, given random values on every fund so that their rules measure.
const FIGURES: Record<string, readonly unknown[]> = {
  statutoryMaxCapital: money([0, 100_000, 1_000_000, 10_000_000]),
  publicSubscribedCapital: money([0, 100_000, 1_000_000, 10_000_000]),
  unitsIssued: money([0, 100, 1_000, 100_000]),
  sharesIssued: money([0, 100, 1_000, 100_000]),
  ownSharesHeld: money([0, 10, 100, 1_000]),
  sharesBoughtYtd: money([0, 10, 100, 1_000]),
  sharesResoldYtd: money([0, 10, 100, 1_000]),
  subscriptionPrice: money([90, 100, 110, 120]),
  reconstitutionValue: money([90, 100, 110, 120]),
  sharePrice: money([90, 100, 110, 120]),
  navPerShare: money([90, 100, 110, 120]),
  buybackLimitPct: ["0.05", "0.1"].map((x) => new Dec(x)),
  subscriptionOpeningDate: ["2020-01-01", "2025-06-30", "2025-12-31"],
  fundTermDate: ["2025-06-30", "2026-06-30", "2030-12-31"],
  warningMargin: ["0", "0.02", "0.05"].map((x) => new Dec(x)),
  basis: ["COST", "FAIR"],
};
Object.assign(FUND_DOMAINS, FIGURES);
const FUND_COLUMNS = Object.keys(FUND_DOMAINS);
const figures = fc.record(Object.fromEntries(Object.entries(FIGURES).map(([c, d]) => [c, fc.option(fc.constantFrom(...d), { nil: undefined })])) as Record<string, fc.Arbitrary<unknown>>);

const fundScenario = fc.record({
  fundType: fc.constantFrom(...FUND_TYPES),
  column: fc.constantFrom(...FUND_COLUMNS),
  fair: fc.boolean(),
  figures,
  rows: fc.array(livre2Row, { minLength: 1, maxLength: 8 }),
  constitution: fc.constantFrom("2015-03-01", "2021-06-30", "2024-02-01"),
  liquidLabel: fc.boolean(),
  overseas: fc.boolean(),
});

describe("a breach beside an unreadable Funds cell holds for every value it could have (property)", () => {
  it("no value read in its place turns a breach shown into a pass, for every fund type and column of the Funds table", () => {
    let breaches = 0;
    fc.assert(
      fc.property(fundScenario, (s) => {
        const rows = s.rows.map((r, i) => holdingOf(r, i + 2));
        // The figures given, but not a basis left blank: the family's own default stands then.
        const given = Object.fromEntries(Object.entries(s.figures).filter(([, v]) => v !== undefined));
        const base: Fund = { ...fund(s.fundType, s.fair, s.constitution, s.liquidLabel, s.overseas, s.overseas), ...given };
        const bad: Fund = { ...base, [s.column]: (FUND_FLAGS as readonly string[]).includes(s.column) ? false : undefined, invalid: new Set([s.column]) };
        const checked = (f: Fund) => checkWorkbook({ funds: [f], holdings: rows, holders: [], diagnostics: [] }, { asOf: AS_OF }).funds[0].rules;
        const all = checked(bad);
        const unread = all.filter((r) => r.status === "breach");
        if (unread.length === 0 && !all.some((r) => r.conditions?.length)) return;
        breaches += unread.length;
        const readings = FUND_DOMAINS[s.column].map((value): [string, RuleResult[]] => [shown({ [s.column]: value } as Partial<Holding>), checked({ ...bad, [s.column]: value, invalid: new Set<string>() })]);
        expectBreachesHold(unread, readings, `${s.fundType}, Funds ${s.column} unreadable`);
        expectConditionsHold(all, readings, `${s.fundType}, Funds ${s.column} unreadable`);
      }),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 600) }
    );
    expect(breaches).toBeGreaterThan(20);
  });
});
