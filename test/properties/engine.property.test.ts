import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import type { AssetClass, Fund, Holding, ListingStatus } from "../../src/engine/model";
import type { FundReport } from "../../src/engine/result";
import { eur } from "../helpers/build";
import { RUNS } from "./arbitraries";

// Invariances the law implies, checked on generated FCPR, FCPI and FPCI portfolios measured at
// cost over paid-up subscriptions. Amounts are in cents and percentages have two decimals, so every
// product the engine forms is exact at its millionth of a euro and equality can be asserted exactly.

interface Spec {
  assetClass: AssetClass;
  cents: number;
  listing: ListingStatus;
  country: string;
  marketCapM: number;
  listedAfter: boolean;
  ownership: number;
  lookThrough: number;
  issuer: number;
  eligible: boolean;
  secondary: boolean;
}

const CLASSES: AssetClass[] = ["EQUITY", "EQUITY_ACCESS", "TITRE_PARTICIPATIF", "SARL_PARTS", "CONVERTIBLE_BOND", "OTHER_DEBT", "RECEIVABLE", "CURRENT_ACCOUNT_ADVANCE", "ENTITY_RIGHTS", "FUND_UNITS", "CASH", "LIQUID_INSTRUMENT"];

const spec: fc.Arbitrary<Spec> = fc.record({
  assetClass: fc.constantFrom(...CLASSES),
  cents: fc.integer({ min: 1, max: 5_000_000_00 }),
  listing: fc.constantFrom<ListingStatus>("UNLISTED", "UNLISTED", "UNLISTED", "REGULATED", "MTF_SME"),
  country: fc.constantFrom("FR", "DE", "US"),
  marketCapM: fc.integer({ min: 10, max: 400 }),
  listedAfter: fc.boolean(),
  ownership: fc.integer({ min: 0, max: 100 }),
  lookThrough: fc.integer({ min: 0, max: 100 }),
  issuer: fc.integer({ min: 1, max: 6 }),
  eligible: fc.boolean(),
  secondary: fc.boolean(),
});

function holding(s: Spec, row: number, cents = s.cents): Holding {
  const listed = s.listing !== "UNLISTED";
  return {
    row,
    invalid: new Set(),
    fundId: "F",
    lineId: `L${row}`,
    issuerId: `I${s.issuer}`,
    assetClass: s.assetClass,
    costValue: eur((cents / 100).toFixed(2)),
    listingStatus: s.listing,
    listingCountry: listed ? s.country : undefined,
    marketCap: listed ? eur(s.marketCapM * 1_000_000) : undefined,
    listingDate: listed && s.listedAfter ? "2021-06-30" : undefined,
    investmentDate: listed && s.listedAfter ? "2020-01-15" : "2023-01-15",
    ownershipPct: new Dec(s.ownership).dividedBy(100),
    lookThroughPct: new Dec(s.lookThrough).dividedBy(100),
    acquisitionMode: s.secondary ? "SECONDARY_PURCHASE" : "SUBSCRIPTION",
    entityOecd: true,
    fcpiEligible: s.eligible,
    fipEligible: false,
    encumbered: false,
    controlledParticipation: false,
    hedgeOnly: false,
  };
}

function fund(fundType: Fund["fundType"], paidUpCents: number): Fund {
  return { row: 2, invalid: new Set(), fundId: "F", fundType, basis: "COST", constitutionDate: "2022-01-15", firstYearEnd: "2022-12-31", paidUpSubscriptions: eur((paidUpCents / 100).toFixed(2)), overseasZone: false, isSicav: false, liquidLabel: false };
}

const portfolio = fc.record({ fundType: fc.constantFrom<Fund["fundType"]>("FCPR", "FCPI", "FPCI"), specs: fc.array(spec, { minLength: 1, maxLength: 25 }), paidUp: fc.integer({ min: 1_000_000_00, max: 50_000_000_00 }) });

function check(fundType: Fund["fundType"], paidUpCents: number, holdings: Holding[]): FundReport {
  return checkWorkbook({ funds: [fund(fundType, paidUpCents)], holdings, holders: [], diagnostics: [] }, { asOf: "2025-12-31" }).funds[0];
}

const summary = (r: FundReport) => r.rules.map((x) => ({ id: x.id, value: x.value, status: x.status, numerator: x.numerator }));

describe("engine invariances (property)", () => {
  it("ratios and statuses do not change when every amount is multiplied by the same factor", () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 2, max: 1000 }), ({ fundType, specs, paidUp }, k) => {
        const base = check(fundType, paidUp, specs.map((s, i) => holding(s, i + 2)));
        const scaled = check(fundType, paidUp * k, specs.map((s, i) => holding(s, i + 2, s.cents * k)));
        expect(scaled.rules.map((r) => [r.id, r.value, r.status])).toEqual(base.rules.map((r) => [r.id, r.value, r.status]));
      }),
      RUNS
    );
  });

  it("adding a position no rule counts never raises a minimum quota's numerator", () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1, max: 9_000_000_00 }), fc.constantFrom<AssetClass>("CASH", "FUND_UNITS", "REAL_ESTATE"), ({ fundType, specs, paidUp }, cents, cls) => {
        const holdings = specs.map((s, i) => holding(s, i + 2));
        const base = check(fundType, paidUp, holdings);
        const more = check(fundType, paidUp, [...holdings, holding({ ...specs[0], assetClass: cls, listing: "UNLISTED" }, holdings.length + 2, cents)]);
        for (const r of base.rules.filter((x) => x.direction === "min")) {
          const after = more.rules.find((x) => x.id === r.id)!;
          expect(eur(after.numerator!) <= eur(r.numerator!), r.id).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("splitting a position into two of the same total changes nothing", () => {
    fc.assert(
      fc.property(portfolio, fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), ({ fundType, specs, paidUp }, pick, share) => {
        const holdings = specs.map((s, i) => holding(s, i + 2));
        const i = pick % specs.length;
        const first = Math.max(1, Math.min(specs[i].cents - 1, Math.round(specs[i].cents * share)));
        if (specs[i].cents < 2) return;
        const split = [...holdings.slice(0, i), holding(specs[i], i + 2, first), holding(specs[i], 1000 + i, specs[i].cents - first), ...holdings.slice(i + 1)];
        expect(summary(check(fundType, paidUp, split))).toEqual(summary(check(fundType, paidUp, holdings)));
      }),
      RUNS
    );
  });

  it("reordering the rows changes nothing", () => {
    fc.assert(
      fc.property(portfolio, fc.func(fc.integer()), ({ fundType, specs, paidUp }, order) => {
        const holdings = specs.map((s, i) => holding(s, i + 2));
        const shuffled = [...holdings].sort((a, b) => order(a.row) - order(b.row) || a.row - b.row);
        expect(summary(check(fundType, paidUp, shuffled))).toEqual(summary(check(fundType, paidUp, holdings)));
      }),
      RUNS
    );
  });

  it("numerators are exact decimal sums of the counted amounts", () => {
    fc.assert(
      fc.property(portfolio, ({ fundType, specs, paidUp }) => {
        const holdings = specs.map((s, i) => holding(s, i + 2));
        const report = checkWorkbook({ funds: [fund(fundType, paidUp)], holdings, holders: [], diagnostics: [] }, { asOf: "2025-12-31", positions: true }).funds[0];
        const advances = report.rules.find((r) => r.id.endsWith("CCA15"))!;
        const counted = (report.positions ?? []).flatMap((p) => p.counted.filter((c) => c.rule === advances.id)).reduce((s, c) => s + eur(c.amount), 0n);
        expect(advances.numerator).toBe(formatAmount(counted));
      }),
      RUNS
    );
  });
});
