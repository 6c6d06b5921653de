import fc from "fast-check";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import type {
  AssetClass,
  Fund,
  FundType,
  Holder,
  Holding,
  ListingStatus,
} from "../../src/engine/model";
import { FUND_TYPES } from "../../src/engine/model";
import type { FundReport } from "../../src/engine/result";
import { eur } from "../helpers/build";

// Random funds of every type of the contract with their holdings and holders: each column a rule
// reads, blank or unreadable now and then (reconciliation and row-order properties).

// Every fund type of the contract, in its order.
const TYPES: FundType[] = [...FUND_TYPES];
const CLASSES: AssetClass[] = [
  "EQUITY",
  "EQUITY_ACCESS",
  "TITRE_PARTICIPATIF",
  "SARL_PARTS",
  "CONVERTIBLE_BOND",
  "OTHER_DEBT",
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "ENTITY_RIGHTS",
  "FUND_UNITS",
  "CASH",
  "LIQUID_INSTRUMENT",
  "REAL_ESTATE",
  "FINANCIAL_CONTRACT",
  "OPERATING_PROPERTY",
  "DIGITAL_ASSET",
];

export const row = fc.record({
  assetClass: fc.option(fc.constantFrom(...CLASSES), { freq: 12 }),
  cents: fc.integer({ min: -1_000_00, max: 3_000_000_00 }),
  unreadable: fc.integer({ min: 0, max: 14 }),
  listing: fc.constantFrom<ListingStatus>(
    "UNLISTED",
    "UNLISTED",
    "REGULATED",
    "MTF_SME",
  ),
  country: fc.constantFrom("FR", "US"),
  marketCapM: fc.integer({ min: 10, max: 300 }),
  listedAfter: fc.boolean(),
  ownership: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 5 }),
  lookThrough: fc.integer({ min: 0, max: 100 }),
  issuer: fc.integer({ min: 1, max: 5 }),
  flag: fc.boolean(),
  secondary: fc.boolean(),
  region: fc.constantFrom("Bretagne", "Normandie", "Pays de la Loire"),
  master: fc.constantFrom("M1", "M1", "M2", undefined),
  opciCategory: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 8 }),
  entityDebtCents: fc.option(fc.integer({ min: 0, max: 500_000_00 })),
  disposed: fc.integer({ min: 0, max: 9 }),
  // L. 214-30 IV (FCPI-HOLD75) and III A 2° b).
  parent: fc.integer({ min: 0, max: 3 }),
  stake: fc.option(fc.integer({ min: 70, max: 80 }), { freq: 6 }),
  commitmentCents: fc.option(fc.integer({ min: 0, max: 5_000_000_00 })),
});
export type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

export function holding(s: Row, r: number): Holding {
  const listed = s.listing !== "UNLISTED";
  const amount = eur((s.cents / 100).toFixed(2));
  const unreadable = s.unreadable === 0;
  return {
    row: r,
    invalid: new Set(unreadable ? ["costValue", "fairValue"] : []),
    fundId: "F",
    lineId: `L${r}`,
    issuerId: `I${s.issuer}`,
    assetClass: s.assetClass ?? undefined,
    costValue: unreadable ? undefined : amount,
    fairValue: unreadable ? undefined : amount,
    listingStatus: s.listing,
    listingCountry: listed ? s.country : undefined,
    marketCap: listed ? eur(s.marketCapM * 1_000_000) : undefined,
    listingDate: listed && s.listedAfter ? "2021-06-30" : undefined,
    investmentDate: listed && s.listedAfter ? "2020-01-15" : "2023-01-15",
    disposalDate: s.disposed === 0 ? "2024-06-30" : undefined,
    ownershipPct:
      s.ownership === null ? undefined : new Dec(s.ownership).dividedBy(100),
    participationPct:
      s.ownership === null ? undefined : new Dec(s.ownership).dividedBy(100),
    lookThroughPct: new Dec(s.lookThrough).dividedBy(100),
    acquisitionMode: s.secondary ? "SECONDARY_PURCHASE" : "SUBSCRIPTION",
    entityOecd: s.flag,
    fcpiEligible: s.flag,
    fipEligible: s.flag,
    region: s.region,
    masterId: s.assetClass === "FUND_UNITS" ? s.master : undefined,
    opciCategory: s.opciCategory ?? undefined,
    entityDebt:
      s.entityDebtCents === null
        ? undefined
        : eur((s.entityDebtCents / 100).toFixed(2)),
    encumbered: !s.flag,
    controlledParticipation: s.flag,
    hedgeOnly: s.flag,
    holdingCompany: s.parent === 0,
    subsidiaryStakeMinPct:
      s.stake === null ? undefined : new Dec(s.stake).dividedBy(100),
    subsidiariesEligible: s.flag,
    subsidiaryMeetsI: s.parent === 0 ? true : undefined,
    subscriptionCommitment:
      s.commitmentCents === null
        ? undefined
        : eur((s.commitmentCents / 100).toFixed(2)),
  };
}

export const fundSpec = fc.record({
  fundType: fc.constantFrom(...TYPES),
  basis: fc.constantFrom<"COST" | "FAIR">("COST", "FAIR"),
  paidUpCents: fc.integer({ min: 1_000_000_00, max: 40_000_000_00 }),
  totalAssetsCents: fc.option(
    fc.integer({ min: 1_000_000_00, max: 40_000_000_00 }),
  ),
  borrowingsCents: fc.integer({ min: 0, max: 3_000_000_00 }),
  flag: fc.boolean(),
});

export const holderRow = fc.record({
  id: fc.integer({ min: 1, max: 6 }),
  publicLaw: fc.boolean(),
  units: fc.option(fc.integer({ min: 1, max: 100_000 }), { freq: 8 }),
});

export function fund(
  s: typeof fundSpec extends fc.Arbitrary<infer T> ? T : never,
): Fund {
  return {
    row: 2,
    invalid: new Set(),
    fundId: "F",
    fundType: s.fundType,
    basis: s.basis,
    constitutionDate: "2020-01-15",
    firstYearEnd: "2021-12-31",
    paidUpSubscriptions: eur((s.paidUpCents / 100).toFixed(2)),
    totalAssets:
      s.totalAssetsCents === null
        ? undefined
        : eur((s.totalAssetsCents / 100).toFixed(2)),
    borrowings: eur((s.borrowingsCents / 100).toFixed(2)),
    chosenRegions: ["Bretagne", "Normandie"],
    overseasZone: false,
    isSicav: s.flag,
    liquidLabel: s.flag,
    // Livre II claims, so that every type has rules (OPCVM, FPS, SCR have none but by claim).
    peaClaim: true,
    peaPmeClaim: s.flag,
    cpiClaim: true,
    solidarityFund: s.flag,
    perEligible: s.flag,
    foreignGroupPlan: s.flag,
    // FPCI, SLP: the ELTIF infrastructure regime (FPCI-CCA30) on every other fund.
    eltifLabel: s.flag,
    infrastructureObject: s.flag,
    selfManaged: s.flag,
    initialCapital: eur(300_000),
    agBorrowingMax: eur(1_000_000),
    sharesIssued: eur(1_000),
    ownSharesHeld: eur(10),
    sharesBoughtYtd: eur(20),
    fundTermDate: s.flag ? "2024-12-31" : undefined,
  };
}

export const cases = fc.record({
  fund: fundSpec,
  rows: fc.array(row, { minLength: 0, maxLength: 30 }),
  holders: fc.array(holderRow, { maxLength: 8 }),
});

export function checkCase(
  c: typeof cases extends fc.Arbitrary<infer T> ? T : never,
  options: { positions?: boolean; reconciliation?: boolean },
  /** The order the rows are handed over in (each keeps its worksheet row): as generated unless given. */
  order: <T>(rows: T[]) => T[] = (rows) => rows,
): { report: FundReport; holdings: Holding[]; holders: Holder[] } {
  const holdings = c.rows.map((s, i) => holding(s, i + 2));
  const holders: Holder[] = c.holders.map((h, i) => ({
    row: i + 2,
    invalid: new Set(h.units === null ? ["units"] : []),
    fundId: "F",
    holderId: `H${h.id}`,
    holderType: h.publicLaw ? "PUBLIC_LAW_LEGAL" : "NATURAL",
    units: h.units === null ? undefined : eur(h.units),
  }));
  const report = checkWorkbook(
    {
      funds: [fund(c.fund)],
      holdings: order(holdings),
      holders: order(holders),
      diagnostics: [],
    },
    { asOf: "2025-12-31", ...options },
  ).funds[0];
  return { report, holdings, holders };
}
