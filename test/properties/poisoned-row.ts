// A random fund of a random type with one row whose one value is unreadable (or blank where a
// rule needs it): shared by the properties of unreadable values (unreadable.property.test.ts,
// unread-completions.property.test.ts).
import fc from "fast-check";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import { ASSET_CLASSES, type AssetClass, type Fund, type FundType, type Holding, type ListingStatus } from "../../src/engine/model";
import type { FundReport } from "../../src/engine/result";
import { FAMILIES } from "../../src/engine/rules/registry";
import { FUND_LEVEL_RULES } from "../../src/engine/rules/livre2";
import { eur } from "../helpers/build";

export const FUND_TYPES: FundType[] = FAMILIES.flatMap((f) => [...f.fundTypes]);
// Holder caps and the Livre II rules measured on a fund's own figures, orders or holders: no holding enters them.
export const HOLDER_RULES = new Set(["FIP-H20", "FIP-H10", "FIP-H30", ...FUND_LEVEL_RULES]);
export const isOpci = (t: FundType) => t === "SPPICAV" || t === "FPI";

export interface Clean {
  assetClass: AssetClass;
  cents: number;
  listing: ListingStatus;
  country: string;
  marketCapM: number;
  ownership: number;
  issuer: number;
  eligible: boolean;
  fresh: boolean;
  region: string;
  category: number;
  master: string;
}

export const clean: fc.Arbitrary<Clean> = fc.record({
  assetClass: fc.constantFrom(...ASSET_CLASSES),
  cents: fc.integer({ min: 1, max: 400_000_00 }),
  listing: fc.constantFrom<ListingStatus>("UNLISTED", "UNLISTED", "REGULATED", "MTF_SME"),
  country: fc.constantFrom("FR", "DE", "US"),
  marketCapM: fc.integer({ min: 10, max: 400 }),
  ownership: fc.integer({ min: 0, max: 100 }),
  issuer: fc.integer({ min: 1, max: 5 }),
  eligible: fc.boolean(),
  fresh: fc.boolean(),
  region: fc.constantFrom("Bretagne", "Normandie", "Occitanie"),
  category: fc.integer({ min: 1, max: 9 }),
  master: fc.constantFrom("M1", "M1", "M2"),
});

export function holding(s: Clean, row: number): Holding {
  const listed = s.listing !== "UNLISTED";
  const amount = eur((s.cents / 100).toFixed(2));
  return {
    row,
    invalid: new Set(),
    fundId: "F",
    lineId: `L${row}`,
    issuerId: `I${s.issuer}`,
    assetClass: s.assetClass,
    costValue: amount,
    fairValue: amount,
    listingStatus: s.listing,
    listingCountry: listed ? s.country : undefined,
    marketCap: listed ? eur(s.marketCapM * 1_000_000) : undefined,
    investmentDate: "2023-01-15",
    acquisitionMode: s.fresh ? "SUBSCRIPTION" : "SECONDARY_PURCHASE",
    ownershipPct: new Dec(s.ownership).dividedBy(100),
    lookThroughPct: new Dec(1),
    entityOecd: true,
    fcpiEligible: s.eligible,
    fipEligible: s.eligible,
    region: s.region,
    opciCategory: s.category,
    encumbered: false,
    participationPct: new Dec(1),
    entityDebt: eur(0),
    controlledParticipation: true,
    masterId: s.assetClass === "FUND_UNITS" ? s.master : undefined,
    hedgeOnly: s.assetClass === "FINANCIAL_CONTRACT",
  };
}

/** How the poisoned row is unreadable, and which rules it could enter (undefined: every holdings rule). */
export type Poison =
  | "class"
  | "investmentDate"
  | "disposalDate"
  | "amount"
  | "eligibility"
  | "ownership"
  | "masterId"
  | "marketCap"
  | "lookThrough"
  | "region"
  | "acquisitionMode"
  | "entityDebt";

export function poisoned(kind: Poison, fundType: FundType, s: Clean, row: number, unreadable: boolean): { h: Holding; rules?: string[] } | undefined {
  const h = holding(s, row);
  const mark = (column: string) => {
    if (unreadable) h.invalid.add(column);
  };
  switch (kind) {
    case "class":
      if (isOpci(fundType)) {
        h.opciCategory = undefined;
        mark("opciCategory");
      } else {
        h.assetClass = undefined;
        mark("assetClass");
      }
      return { h };
    case "investmentDate":
    case "disposalDate":
      h[kind] = undefined;
      h.invalid.add(kind);
      return { h };
    case "amount":
      h.costValue = undefined;
      h.fairValue = undefined;
      h.invalid.add("costValue").add("fairValue");
      return { h };
    case "eligibility":
      if (fundType !== "FCPI" && fundType !== "FIP") return undefined;
      Object.assign(h, { assetClass: "EQUITY", listingStatus: "UNLISTED", listingCountry: undefined, marketCap: undefined, acquisitionMode: "SUBSCRIPTION" });
      if (fundType === "FCPI") h.fcpiEligible = false;
      else h.fipEligible = false;
      h.invalid.add(fundType === "FCPI" ? "fcpiEligible" : "fipEligible");
      return { h, rules: [`${fundType}-Q70`, `${fundType}-FRESH40`] };
    case "ownership":
      if (!["FCPR", "FCPI", "FIP", "FPCI"].includes(fundType)) return undefined;
      Object.assign(h, { assetClass: "CURRENT_ACCOUNT_ADVANCE", listingStatus: "UNLISTED", issuerId: "ADV-ISSUER", ownershipPct: undefined });
      mark("ownershipPct");
      return { h, rules: [fundType === "FPCI" ? "FPCI-CCA15" : "FCPR-CCA15"] };
    case "masterId":
      if (!["OPCVM_FEEDER", "FIVG_FEEDER", "FIA"].includes(fundType)) return undefined;
      Object.assign(h, { assetClass: "FUND_UNITS", masterId: undefined });
      h.invalid.add("masterId");
      return { h, rules: ["OPCVM-FEED85", "FIVG-FEED", "FIA-FEED85"] };
    // A listed small cap whose capitalisation is unknown: in the 20 % of III 1° or out of the quota.
    case "marketCap": {
      if (!["FCPR", "FCPI", "FIP", "FPCI"].includes(fundType)) return undefined;
      Object.assign(h, { assetClass: "EQUITY", listingStatus: "REGULATED", listingCountry: "FR", listingDate: undefined, marketCap: undefined, acquisitionMode: "SUBSCRIPTION", fcpiEligible: true, fipEligible: true, region: "Bretagne" });
      mark("marketCap");
      const quota = fundType === "FCPI" || fundType === "FIP" ? `${fundType}-Q70` : "FCPR-Q50";
      return { h, rules: [quota, "FCPR-B20"] };
    }
    // Entity rights whose look-through share is unknown (L. 214-28 II 2°, L. 214-160 II 2°).
    case "lookThrough":
      if (fundType !== "FCPR" && fundType !== "FPCI") return undefined;
      Object.assign(h, { assetClass: "ENTITY_RIGHTS", entityOecd: true, lookThroughPct: undefined });
      mark("lookThroughPct");
      return { h, rules: ["FCPR-Q50"] };
    // An FIP holding whose region is unknown: it may make any region the largest.
    case "region":
      if (fundType !== "FIP") return undefined;
      Object.assign(h, { assetClass: "EQUITY", listingStatus: "UNLISTED", region: undefined });
      mark("region");
      return { h, rules: ["FIP-REG25"] };
    // Fresh capital or not: the 40 % of III A 1° cannot tell.
    case "acquisitionMode":
      if (fundType !== "FCPI" && fundType !== "FIP") return undefined;
      Object.assign(h, { assetClass: "EQUITY", listingStatus: "UNLISTED", acquisitionMode: undefined, fcpiEligible: true, fipEligible: true, region: "Bretagne" });
      h.invalid.add("acquisitionMode");
      return { h, rules: [`${fundType}-FRESH40`] };
    // The debt of an item 2° company, counted by look-through in the 40 % of L. 214-39.
    case "entityDebt":
      if (!isOpci(fundType)) return undefined;
      Object.assign(h, { opciCategory: 2, listingStatus: "UNLISTED", entityDebt: undefined });
      h.invalid.add("entityDebt");
      return { h, rules: ["OPCI-LEV40"] };
  }
}

export function fund(fundType: FundType, fair: boolean, constitution: string, liquidLabel: boolean, overseas: boolean, livre2 = false): Fund {
  return {
    row: 2,
    invalid: new Set(),
    fundId: "F",
    fundType,
    basis: fair ? "FAIR" : "COST",
    constitutionDate: constitution,
    firstYearEnd: constitution.slice(0, 4) + "-12-31",
    paidUpSubscriptions: eur(1_000_000),
    // Blank when the row's amount is unreadable: the base is then the sum of the holdings.
    totalAssets: fair ? undefined : eur(1_000_000),
    warningMargin: new Dec("0.02"),
    chosenRegions: ["Bretagne", "Normandie"],
    overseasZone: overseas,
    isSicav: false,
    liquidLabel,
    // Every Livre II rule reported, so the poisoned row reaches it; forestLoanSupport alternates SEF 60 % / 51 %.
    peaClaim: true,
    peaPmeClaim: true,
    cpiClaim: true,
    solidarityFund: true,
    perEligible: true,
    foreignGroupPlan: true,
    forestLoanSupport: livre2,
    // FPCI and SLP: the ELTIF infrastructure regime (FPCI-CCA30) on the same alternation.
    eltifLabel: livre2,
    infrastructureObject: livre2,
    agBorrowingMax: eur(1_000_000),
  };
}

export const scenario = fc.record({
  fundType: fc.constantFrom(...FUND_TYPES),
  kind: fc.constantFrom<Poison>(
    "class",
    "class",
    "investmentDate",
    "disposalDate",
    "amount",
    "eligibility",
    "ownership",
    "masterId",
    "marketCap",
    "lookThrough",
    "region",
    "acquisitionMode",
    "entityDebt"
  ),
  unreadable: fc.boolean(),
  rows: fc.array(clean, { maxLength: 12 }),
  row: clean,
  constitution: fc.constantFrom("2015-03-01", "2021-06-30", "2024-02-01"),
  liquidLabel: fc.boolean(),
  overseas: fc.boolean(),
});

export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

export function run(s: Scenario): { report: FundReport; rules?: string[] } | undefined {
  const bad = poisoned(s.kind, s.fundType, s.row, 100, s.unreadable);
  if (!bad) return undefined;
  const holdings = [...s.rows.map((r, i) => holding(r, i + 2)), bad.h];
  const f = fund(s.fundType, s.kind === "amount", s.constitution, s.liquidLabel, s.overseas, s.overseas);
  const report = checkWorkbook({ funds: [f], holdings, holders: [], diagnostics: [] }, { asOf: "2025-12-31" }).funds[0];
  return { report, rules: bad.rules };
}

