import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import type { RuleResult } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";
import { AS_OF, euros, millionths } from "./l214-28-plain";

// L. 214-31 IV (FIP-REG25) and VI (FIP-H20, FIP-H10, FIP-H30) read a second time, plainly, from
// RULES.md §1.3 and the contract (WORKBOOK-FORMAT.md §3, docs/workbook-format.md "FCPI and FIP"):
// one object per position or holder, BigInt millionths, regions matched whatever their case or
// accents, no sort but the order the contract gives to the report's groups (largest first, a tie in
// code-point order). Random FIP workbooks with a Holders table are read by the reader every face
// uses and must give the numerators, the groups, the headroom and the statuses this reading gives.
//
// Readings taken from the contract: « titres financiers » of companies are securities and debt
// securities (EQUITY to OTHER_DEBT), not receivables, entity rights or fund units; every company
// with a region counts, eligible or not; caps on units, one holder's rows added by holderId, one
// holder of one kind. An overseas-zone fund is given companies of its zone only here: a region
// outside the zone, blank holder ids and the order of tied regions are findings, in
// test/engine/feeders-oracle-findings.test.ts.

/** IV: « titres financiers, parts de société à responsabilité limitée et avances en compte courant ». */
const REGION_CLASSES = new Set([
  "EQUITY",
  "EQUITY_ACCESS",
  "TITRE_PARTICIPATIF",
  "TITRE_ASSOCIATIF",
  "CONVERTIBLE_BOND",
  "MANDATORY_REDEEMABLE_BOND",
  "OTHER_DEBT",
  "SARL_PARTS",
  "CURRENT_ACCOUNT_ADVANCE",
]);
/** Not « titres financiers … de sociétés »: a receivable, rights in an entity, units of a fund, cash. */
const CLASSES = [
  ...REGION_CLASSES,
  "RECEIVABLE",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "CASH",
];

/** A region written several ways is one region (docs/workbook-format.md: « whatever their case or accents »). */
const METROPOLE = {
  chosen: ["Bretagne; Normandie", "bretagne, île-de-france", "ILE-DE-FRANCE"],
  regions: [
    "Bretagne",
    "BRETAGNE",
    "bretagne",
    "Île-de-France",
    "Ile-de-France",
    "ÎLE-DE-FRANCE",
    "Normandie",
    "Occitanie",
    "occitanie",
  ],
};
/** IV, second sentence: an overseas zone, 50 % « à chacune des collectivités de la zone géographique ». */
const OVERSEAS = {
  chosen: [
    "La Réunion; Mayotte; Guadeloupe",
    "la reunion, mayotte, GUADELOUPE",
  ],
  regions: [
    "La Réunion",
    "LA REUNION",
    "la réunion",
    "Mayotte",
    "MAYOTTE",
    "Guadeloupe",
  ],
};

interface Row {
  fund: number;
  assetClass: string;
  cost: number;
  fair: number;
  /** An index into the fund's list of spellings; null: no region given. */
  region: number | null;
  eligible: boolean;
  held: boolean;
}
const cents = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 100_000_000 }) },
  // Round amounts: regions of equal weight, a region exactly on 25 % or 50 % of a round base.
  {
    weight: 4,
    arbitrary: fc.constantFrom(0, 25_000_000, 50_000_000, 10_000_000),
  },
);
const row: fc.Arbitrary<Row> = fc.record({
  fund: fc.integer({ min: 0, max: 1 }),
  assetClass: fc.constantFrom(...CLASSES),
  cost: cents,
  fair: cents,
  region: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 8 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  eligible: fc.boolean(),
  held: fc.oneof(
    { weight: 6, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});

const HOLDER_IDS = ["H1", "H2", "H10", "H9", "Ha", "HA"];
const HOLDER_TYPES = ["NATURAL", "LEGAL", "PUBLIC_LAW_LEGAL"] as const;
interface HolderRow {
  fund: number;
  holder: number;
  /** Units in thousandths of a unit. */
  thousandths: number;
}
const holderRow: fc.Arbitrary<HolderRow> = fc.record({
  fund: fc.integer({ min: 0, max: 1 }),
  holder: fc.integer({ min: 0, max: HOLDER_IDS.length - 1 }),
  thousandths: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
    // Round holdings: investors of equal units, a holder exactly on 10 %, 20 % or 30 %.
    { weight: 3, arbitrary: fc.constantFrom(0, 100_000, 200_000, 300_000) },
  ),
});

const fundFacts = fc.record({
  overseas: fc.boolean(),
  chosen: fc.integer({ min: 0, max: 2 }),
  basis: fc.constantFrom("COST", "FAIR"),
  paidUp: fc.integer({ min: 1, max: 10_000_000 }),
  /** FAIR: total assets given in Funds, or blank (the sum of the fair values). */
  totalAssets: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { freq: 2 }),
});

const workbook = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  holders: fc.array(holderRow, { maxLength: 16 }),
  /** Each holder id's type: one person is of one kind. */
  types: fc.tuple(...HOLDER_IDS.map(() => fc.constantFrom(...HOLDER_TYPES))),
  funds: fc.tuple(fundFacts, fundFacts),
  /** Now and then fund F0 on an edge: one region exactly on its limit, holders exactly on 10 %, 20 %, 30 %. */
  edge: fc.option(
    fc.record({
      /** The region's companies: m euros over 4 m paid up (2 m for an overseas zone). */
      m: fc.integer({ min: 1, max: 10_000_000 }),
      /** Cents added to that region: 0 puts it exactly on the limit. */
      delta: fc.constantFrom(-1, 0, 0, 1),
      /** Thousandths of a unit added to H1's 200 units of 1 000: 0 keeps every holder on a round share. */
      unitsDelta: fc.constantFrom(-1, 0, 0, 1),
    }),
    { freq: 3 },
  ),
});
interface Edge {
  m: number;
  delta: number;
  unitsDelta: number;
}

/** F0 on an edge: its rows and holders replaced by a few exactly on the limits of IV and VI. */
function onEdge(
  rows: Row[],
  holders: HolderRow[],
  funds: FundFacts[],
  edge: Edge | null,
) {
  if (edge === null) return { rows, holders, funds };
  const f0 = funds[0];
  const region: Row = {
    fund: 0,
    assetClass: "EQUITY",
    cost: edge.m * 100 + edge.delta,
    fair: 0,
    region: 0,
    eligible: true,
    held: true,
  };
  // H1 200, H2 200, H10 100, H9 100, Ha 200, HA 200 (one investor, 400): a tenth, a fifth, two fifths of 1 000.
  const scaffold = [200, 200, 100, 100, 200, 200].map(
    (units, holder): HolderRow => ({
      fund: 0,
      holder,
      thousandths: units * 1000 + (holder === 0 ? edge.unitsDelta : 0),
    }),
  );
  return {
    rows: [...rows.filter((r) => r.fund !== 0), region],
    holders: [...holders.filter((h) => h.fund !== 0), ...scaffold],
    funds: [
      { ...f0, basis: "COST", paidUp: edge.m * (f0.overseas ? 2 : 4) },
      funds[1],
    ],
  };
}
type FundFacts = {
  overseas: boolean;
  chosen: number;
  basis: string;
  paidUp: number;
  totalAssets: number | null;
};

const zoneOf = (f: FundFacts) => (f.overseas ? OVERSEAS : METROPOLE);
const chosenOf = (f: FundFacts) => {
  const zone = zoneOf(f);
  return zone.chosen[f.chosen % zone.chosen.length];
};
const regionOf = (f: FundFacts, r: Row) => {
  if (r.region === null) return null;
  const zone = zoneOf(f);
  return zone.regions[r.region % zone.regions.length];
};

const HOLDING_HEADERS = [
  "fundId",
  "lineId",
  "assetClass",
  "costValue",
  "fairValue",
  "region",
  "fipEligible",
  "ownershipPct",
  "acquisitionMode",
  "investmentDate",
];
const FUND_HEADERS = [
  "fundId",
  "fundType",
  "constitutionDate",
  "firstYearEnd",
  "basis",
  "paidUpSubscriptions",
  "totalAssets",
  "chosenRegions",
  "overseasZone",
  "warningMargin",
];

function grids(
  rows: Row[],
  holders: HolderRow[],
  types: readonly string[],
  funds: FundFacts[],
) {
  const holdings = rows.map((r, k) => [
    `F${r.fund}`,
    `L${k}`,
    r.assetClass,
    r.cost / 100,
    r.fair / 100,
    regionOf(funds[r.fund], r),
    r.eligible,
    0.3,
    "SUBSCRIPTION",
    // Bought after the test date: not yet held.
    r.held ? "2023-03-01" : "2026-03-01",
  ]);
  const fundRows = funds.map((f, n) => [
    `F${n}`,
    "FIP",
    "2022-01-15",
    "2022-12-31",
    f.basis,
    f.basis === "COST" ? f.paidUp : null,
    f.basis === "FAIR" ? f.totalAssets : null,
    chosenOf(f),
    f.overseas,
    0,
  ]);
  const holderRows = holders.map((h) => [
    `F${h.fund}`,
    HOLDER_IDS[h.holder],
    types[h.holder],
    h.thousandths / 1000,
  ]);
  return {
    Funds: tableFromValues("Funds", [FUND_HEADERS, ...fundRows]),
    Holdings: tableFromValues("Holdings", [HOLDING_HEADERS, ...holdings]),
    Holders: tableFromValues("Holders", [
      ["fundId", "holderId", "holderType", "units"],
      ...holderRows,
    ]),
  };
}

/** One region whatever its case or accents. */
const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
/** numerator / denominator millionths, rounded down to the cent (a cushion never overstated). */
const floorCents = (numerator: bigint, denominator: bigint): string => {
  const scale = denominator * 10_000n;
  let cents = numerator / scale;
  if (numerator % scale !== 0n && numerator < 0n) cents -= 1n;
  return formatAmount(cents * 10_000n);
};
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Group {
  key: string;
  amount: bigint;
}

/** IV for one FIP: each region's companies over the fund's base; the groups largest first. */
function regions(own: Row[], fund: FundFacts) {
  const held = own.filter((r) => r.held);
  const amountOf = (r: Row) =>
    millionths(fund.basis === "COST" ? r.cost : r.fair);
  const base =
    fund.basis === "COST"
      ? euros(fund.paidUp)
      : fund.totalAssets !== null
        ? euros(fund.totalAssets)
        : held.reduce((s, r) => s + millionths(r.fair), 0n);
  const chosen = chosenOf(fund)
    .split(/[;,]/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const byRegion = new Map<string, { amount: bigint; spellings: string[] }>();
  let regionMissing = false;
  for (const r of held) {
    if (!REGION_CLASSES.has(r.assetClass)) continue;
    const region = regionOf(fund, r);
    if (region === null) {
      regionMissing = true;
      continue;
    }
    const g = byRegion.get(fold(region)) ?? { amount: 0n, spellings: [] };
    g.amount += amountOf(r);
    g.spellings.push(region);
    byRegion.set(fold(region), g);
  }
  const groups: Group[] = [];
  for (const [folded, g] of byRegion) {
    // Named as the fund's chosenRegions writes it, else by its first spelling in code-point order.
    const named = chosen.find((c) => fold(c) === folded);
    groups.push({
      key: named ?? [...g.spellings].sort(codePoint)[0],
      amount: g.amount,
    });
  }
  groups.sort((a, b) =>
    a.amount !== b.amount
      ? a.amount > b.amount
        ? -1
        : 1
      : codePoint(a.key, b.key),
  );
  return { base, groups, regionMissing };
}

interface Holding {
  id: string;
  units: bigint;
}
/** VI for one FIP: each investor's units added up; the investors largest first. */
function holdersOf(own: HolderRow[], types: readonly string[]) {
  const byHolder = new Map<
    string,
    { id: string; units: bigint; publicLaw: boolean }
  >();
  let total = 0n;
  for (const h of own) {
    const units = BigInt(h.thousandths) * 1000n;
    total += units;
    // Ids match as fund ids do (contract §3): ignoring case, so « Ha » and « HA » are one
    // investor, public-law if any of its rows says so, named by its first spelling in code-point order.
    const id = HOLDER_IDS[h.holder];
    const key = id.toUpperCase();
    const x = byHolder.get(key) ?? { id, units: 0n, publicLaw: false };
    x.units += units;
    x.publicLaw ||= types[h.holder] === "PUBLIC_LAW_LEGAL";
    if (id < x.id) x.id = id;
    byHolder.set(key, x);
  }
  const all: (Holding & { publicLaw: boolean })[] = [...byHolder.values()];
  all.sort((a, b) =>
    a.units !== b.units
      ? a.units > b.units
        ? -1
        : 1
      : codePoint(a.id.toUpperCase(), b.id.toUpperCase()),
  );
  const publicLaw = all.filter((h) => h.publicLaw);
  return {
    total,
    all,
    publicLaw,
    publicLawTotal: publicLaw.reduce((s, h) => s + h.units, 0n),
  };
}

const ruleOf = (rules: RuleResult[], id: string) => {
  const found = rules.find((r) => r.id === id);
  expect(found, id).toBeDefined();
  return found!;
};
/** « ne peut être constitué à plus de » / « ne peuvent pas être détenues à plus de »: above the limit (>) is the breach. */
const above = (amount: bigint, percent: bigint, base: bigint) =>
  100n * amount > percent * base;

describe("FIP-REG25 · L. 214-31 IV and FIP-H20, FIP-H10, FIP-H30 · L. 214-31 VI: the FIP's region and holder caps read plainly, against the engine (property)", () => {
  it("L. 214-31 IV « ne peut être constitué à plus de 25 % » (50 % per collectivité of an overseas zone) and VI « à plus de 20 % », « 10 % », « 30 % »: at most the limit passes (≤)", () => {
    fc.assert(
      fc.property(
        workbook,
        ({ rows: r0, holders: h0, types, funds: f0, edge }) => {
          const { rows, holders, funds } = onEdge(r0, h0, f0, edge);
          const report = checkWorkbook(
            readWorkbook(grids(rows, holders, types, funds)),
            {
              asOf: AS_OF,
            },
          );
          for (let f = 0; f < 2; f++) {
            const fund = report.funds.find((x) => x.fundId === `F${f}`)!;
            const facts = funds[f];
            const own = rows.filter((r) => r.fund === f);
            // IV
            const { base, groups, regionMissing } = regions(own, facts);
            const reg = ruleOf(fund.rules, "FIP-REG25");
            if (base > 0n) {
              const limit = facts.overseas ? 50n : 25n;
              expect(reg.threshold).toBe(Number(limit) / 100);
              expect(reg.denominator).toBe(formatAmount(base));
              // Every region, largest first. Two regions of equal weight come « by region in
              // code-point order »; the engine orders them case and accents folded (« alpha » before
              // « Zeta »): a finding, in test/engine/feeders-oracle-findings.test.ts; here the order
              // is checked up to such ties.
              const seen = (reg.groups ?? []).map((g) => [
                g.key,
                g.numerator,
                g.status,
              ]);
              const byKey = (list: (string | undefined)[][]) =>
                [...list].sort((a, b) => codePoint(String(a[0]), String(b[0])));
              expect(byKey(seen)).toEqual(
                byKey(
                  groups.map((g) => [
                    g.key,
                    formatAmount(g.amount),
                    // While a position has no region, it may be any region's: none passes.
                    above(g.amount, limit, base)
                      ? "breach"
                      : regionMissing
                        ? "incomplete"
                        : "pass",
                  ]),
                ),
              );
              expect(seen.map((g) => g[1])).toEqual(
                groups.map((g) => formatAmount(g.amount)),
              );
              if (groups.length > 0) {
                expect(reg.numerator).toBe(formatAmount(groups[0].amount));
                // The room left under the limit by the largest region, or minus its excess.
                expect(reg.headroom).toBe(
                  floorCents(limit * base - 100n * groups[0].amount, 100n),
                );
              }
              const breach = groups.some((g) => above(g.amount, limit, base));
              // A position of those classes without a region: incomplete, unless the others already
              // break the cap (« A maximum already in breach stays in breach »).
              expect(reg.status).toBe(
                breach ? "breach" : regionMissing ? "incomplete" : "pass",
              );
            }
            // VI
            const mine = holders.filter((h) => h.fund === f);
            const h20 = ruleOf(fund.rules, "FIP-H20");
            const h10 = ruleOf(fund.rules, "FIP-H10");
            const h30 = ruleOf(fund.rules, "FIP-H30");
            if (mine.length === 0) {
              for (const r of [h20, h10, h30])
                expect(r.status).toBe("incomplete");
              continue;
            }
            const want = holdersOf(mine, types);
            if (want.total <= 0n) continue; // no units: a ratio of nothing
            const largest = want.all[0];
            expect(h20.numerator).toBe(formatAmount(largest.units));
            expect(h20.denominator).toBe(formatAmount(want.total));
            expect((h20.groups ?? []).map((g) => [g.key, g.numerator])).toEqual(
              want.all.map((h) => [h.id, formatAmount(h.units)]),
            );
            expect(h20.status).toBe(
              above(largest.units, 20n, want.total) ? "breach" : "pass",
            );
            expect(h20.headroom).toBe(
              floorCents(20n * want.total - 100n * largest.units, 100n),
            );
            const largestPublic = want.publicLaw[0]?.units ?? 0n;
            expect(h10.numerator).toBe(formatAmount(largestPublic));
            expect((h10.groups ?? []).map((g) => [g.key, g.numerator])).toEqual(
              want.publicLaw.map((h) => [h.id, formatAmount(h.units)]),
            );
            expect(h10.status).toBe(
              above(largestPublic, 10n, want.total) ? "breach" : "pass",
            );
            expect(h10.headroom).toBe(
              floorCents(10n * want.total - 100n * largestPublic, 100n),
            );
            expect(h30.numerator).toBe(formatAmount(want.publicLawTotal));
            expect(h30.status).toBe(
              above(want.publicLawTotal, 30n, want.total) ? "breach" : "pass",
            );
            expect(h30.headroom).toBe(
              floorCents(30n * want.total - 100n * want.publicLawTotal, 100n),
            );
          }
        },
      ),
      { ...RUNS, numRuns: Math.max(RUNS.numRuns, 300) },
    );
  });
});
