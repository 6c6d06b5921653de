import { describe, expect, it } from "vitest";
import {
  NEED_PURPOSES,
  type Reason,
  type ReasonCode,
  type ReasonFacts,
} from "../../src/engine/reasons";
import { L2_NOTES, L2_POSITIONS } from "../../src/engine/reasons-livre2";
import { REASON_CODES, explain, renderReason } from "../../src/present/reasons";

/**
 * Facts for every reason code, every variant of its facts. The record is typed over ReasonCode:
 * a code added to the engine without an entry here fails the typecheck, and a code without its
 * sentences in src/present fails there.
 */
const SAMPLES: { [C in ReasonCode]: ReasonFacts[C][] } = {
  "quota-window": [
    { from: "2027-12-31", until: "2030-12-31", article: "L. 214-28 V" },
    {
      from: "2024-06-30",
      until: "2027-06-30",
      article: "L. 214-28 V",
      appliedBy: "L. 214-30",
    },
    { from: "2022-06-03", article: "L. 214-43" },
  ],
  "base-unknown": [{}],
  "base-not-positive": [{}],
  "bucket-above-cap": [
    { amount: "1234567.89", threshold: "0.2", article: "L. 214-28 III" },
    {
      amount: "1234567.89",
      threshold: "0.2",
      article: "L. 214-28 III",
      limitRule: true,
    },
  ],
  "receivables-above-limit": [
    { amount: "1234567.89", threshold: "0.1", article: "L. 214-160 II" },
  ],
  "advances-above-cap": [
    { amount: "1000.00", threshold: "0.15", article: "L. 214-28 II 1°" },
    {
      amount: "50.00",
      threshold: "0.3",
      article: "L. 214-160 II 1°, al. 2",
      limitRule: true,
    },
  ],
  "eltif-advances-apart": [
    { amount: "250000.00", article: "L. 214-160 II 1°, al. 2" },
  ],
  "eltif-regime-unknown": [
    { column: "eltifLabel", article: "L. 214-160 II 1°, al. 2" },
    {
      column: "infrastructureObject",
      article: "L. 214-160 II 1°, al. 2",
      slp: true,
    },
  ],
  "base-partial": [{}],
  "rows-unplaced": [
    { rows: [12], more: 0, column: "assetClass" },
    { rows: [3, 4, 5, 6, 7], more: 2, column: "opciCategory" },
  ],
  "rows-without-fund": [
    { rows: [12], more: 0, table: "Holdings" },
    { rows: [3, 4, 5, 6, 7], more: 2, table: "Holders" },
    { rows: [9], more: 0, table: "Orders" },
  ],
  "listing-unknown": [{ lines: ["L7", "L9"], article: "L. 214-28 I" }],
  "eltif-advance-unknown": [
    { lines: ["CCA-3"], article: "L. 214-160 II 1°, al. 2" },
  ],
  "listing-date-unknown": [{ lines: ["L7"], article: "L. 214-28 IV" }],
  "liquid-label-unknown": [{ article: "L. 214-28 XII" }],
  "fund-flag-unknown": [
    { column: "overseasZone", article: "L. 214-31 IV" },
    { column: "solidarityFund", article: "L. 214-164 V" },
  ],
  "no-grace-position": [{ article: "L. 214-28 IV" }],
  "grace-positions": [
    { count: 1, firstEnd: "2026-04-12", article: "L. 214-28 IV" },
    { count: 3, firstEnd: "2026-04-12", article: "L. 214-30 II", quota: "0.7" },
  ],
  "position-breaks": [
    {
      lineId: "FCPR-IS2-017",
      row: 49,
      cause: {
        code: "advance-gate",
        facts: {
          issuer: "Rhône Cosmétiques SAS",
          ownership: "0.04",
          gate: "0.05",
          article: "L. 214-28 II 1°",
        },
      },
    },
  ],
  "largest-region": [
    { region: "Bretagne", threshold: "0.25" },
    { region: "La Réunion", threshold: "0.5", overseas: true },
  ],
  "region-nearest-limit": [
    { region: "Bretagne", threshold: "0.25", overseas: false },
    { region: "Mayotte", threshold: "0.5", overseas: true },
  ],
  "no-region-position": [{}],
  "holders-missing": [{}],
  "largest-holder": [
    { holder: "HLD-001", publicLaw: false },
    { holder: "HLD-002", publicLaw: true },
  ],
  "no-public-holder": [{}],
  "measured-in-units": [{}],
  "opci-leverage": [{ borrowings: "52000000.00" }],
  "feeder-master": [{ master: "MASTER-AE" }],
  "no-master": [{}],
  "master-share": [
    { master: "MASTER-G", share: "0.97", cash: "300000.00" },
    { master: "MASTER-G", cash: "0.00" },
  ],
  "feeder-aif": [
    { master: "MASTER-PAT", threshold: "0.85", article: "L. 214-24 IV 1°" },
  ],
  "not-feeder-aif": [{ threshold: "0.85", article: "L. 214-24 IV 1°" }],
  "holding-counted": [
    { amount: "1234567.89", count: 2, article: "L. 214-30 IV" },
    { amount: "500000", count: 1, article: "L. 214-30 IV" },
  ],
  "no-holding": [{ article: "L. 214-30 IV" }],
  "not-a-quota-asset": [{ assetClass: "CASH", article: "L. 214-28 I à IV" }],
  "listed-when-bought": [{ assetClass: "BOND", article: "L. 214-28 III 1°" }],
  "not-small-cap": [
    { test: "outside-eea", country: "US", article: "L. 214-28 III 1°" },
    {
      test: "market-cap",
      marketCap: "200000000.00",
      limit: "150000000.00",
      article: "L. 214-28 III 1°",
    },
  ],
  "listed-debt": [{ article: "L. 214-28 III 2°" }],
  unclassified: [
    { column: "assetClass" },
    { column: "opciCategory", article: "L. 214-36 I" },
  ],
  "five-years-ended": [
    {
      listingDate: "2019-03-01",
      graceEnd: "2024-03-01",
      article: "L. 214-28 IV",
    },
    {
      listingDate: "2019-03-01",
      graceEnd: "2024-03-01",
      article: "L. 214-28 IV",
      bucketFull: true,
    },
  ],
  "advance-gate": [
    {
      issuer: "Rhône Cosmétiques SAS",
      ownership: "0.04",
      gate: "0.05",
      article: "L. 214-28 II 1°",
    },
    {
      issuer: "Loire SAS",
      ownership: "0",
      gate: "0",
      article: "L. 214-160 II 1°",
    },
    { issuer: "Loire SAS", article: "L. 214-28 II 1°" },
  ],
  "ownership-unknown": [{ article: "L. 214-28 II 1°" }],
  "eltif-beneficiary-listed": [
    {
      issuer: "Réseau Chaleur SA",
      listingStatus: "MTF_SME",
      article: "L. 214-160 II 1°, al. 2",
    },
  ],
  "issuer-not-eligible": [
    { test: "advance", issuer: "Loire SAS", article: "L. 214-28 II 1°" },
    { test: "flag", column: "fcpiEligible", article: "L. 214-30 I" },
    {
      test: "region",
      region: "Alsace",
      article: "L. 214-31 I 1°",
      issuer: "Loire SAS",
    },
  ],
  "eligibility-unknown": [{ column: "region", article: "L. 214-31 I" }],
  "entity-not-oecd": [{ article: "L. 214-28 II 2°" }],
  "look-through-unknown": [{ article: "L. 214-28 II 2°" }],
  "secondary-purchase": [
    {
      secondary: "1500000.00",
      fresh: "900000.00",
      article: "L. 214-30 III A 2° a)",
    },
  ],
  "secondary-commitment": [
    {
      test: "below",
      commitment: "99999.99",
      cost: "100000.00",
      article: "L. 214-30 III A 2° b)",
    },
    {
      test: "unfulfilled",
      subscribed: "40000.00",
      cost: "100000.00",
      termDate: "2026-06-30",
      article: "L. 214-30 III A 2° b)",
    },
    {
      test: "unknown",
      column: "fundTermDate",
      article: "L. 214-30 III A 2° b)",
    },
  ],
  "holding-gate": [
    {
      test: "stake",
      stake: "0.7499",
      threshold: "0.75",
      article: "L. 214-30 IV 1. c), V",
    },
    { test: "subsidiaries", article: "L. 214-30 IV 1. c)" },
    { test: "subsidiary-meets-i", article: "L. 214-30 IV 1. d)" },
  ],
  "holding-not-capital": [
    { assetClass: "OTHER_DEBT", article: "L. 214-30 IV 1." },
  ],
  "holding-unknown": [
    { column: "subsidiaryStakeMinPct", article: "L. 214-30 IV 1." },
  ],
  "not-controlled": [{ article: "L. 214-37 1°" }],
  encumbered: [{ article: "L. 214-37 2°" }],
  "opci-condition-unknown": [
    { column: "encumbered", article: "L. 214-37 2°" },
    { column: "controlledParticipation", article: "L. 214-37 1°" },
  ],
  "not-allowed-asset": [
    {
      test: "hedging",
      assetClass: "FINANCIAL_CONTRACT",
      article: "L. 214-22 I 2°",
    },
    {
      test: "sicav-only",
      assetClass: "OPERATING_PROPERTY",
      article: "L. 214-22 I 3°",
    },
    {
      test: "second-master",
      assetClass: "FUND_UNITS",
      unitsOf: "M2",
      master: "M1",
      article: "L. 214-22 I",
    },
    { test: "no-master-id", assetClass: "FUND_UNITS", article: "L. 214-22 I" },
    { test: "not-listed", assetClass: "EQUITY", article: "L. 214-22 I" },
    { test: "general-purpose", assetClass: "EQUITY", article: "L. 214-24-57" },
  ],
  "opci-outside-list": [
    { item: 2, test: "unlisted-only", article: "L. 214-36 I" },
    { item: 4, test: "traded-only", article: "L. 214-36 I" },
  ],
  "opci-advance-gate": [
    { issuer: "SCI Lyon", article: "L. 214-42" },
    {
      issuer: "SCI Lyon",
      ownership: "0.03",
      gate: "0.05",
      article: "L. 214-42",
    },
  ],
  "outside-every-rule": [
    { fundType: "SPPICAV", assetClass: "FUND_UNITS" },
    { fundType: "FCPR" },
  ],
  disposed: [{ date: "2025-06-30" }],
  "not-yet-invested": [{ date: "2026-01-15" }],
  "not-measured": [
    { column: "costValue", blank: true },
    { column: "fairValue", blank: false },
    { column: "costValue", blank: false, header: "Prix de revient" },
  ],
  "no-rule-applies": [{}],
  "counted-unlisted": [{ article: "L. 214-28 I" }],
  "counted-within-bucket": [{ threshold: "0.2", article: "L. 214-28 III" }],
  "counted-advance": [
    { issuer: "Loire SAS", ownership: "0.12", article: "L. 214-28 II 1°" },
  ],
  "counted-entity-look-through": [
    { share: "0.6", amount: "1000000.00", article: "L. 214-28 II 2°" },
  ],
  "counted-liquid": [{ article: "L. 214-28 XII" }],
  "counted-eligible": [{ article: "L. 214-30 I" }],
  "counted-holding": [
    { article: "L. 214-30 IV 1." },
    { article: "L. 214-30 IV 1.", threshold: "0.2" },
  ],
  "counted-secondary-commitment": [
    {
      commitment: "100000.00",
      cost: "100000.00",
      subscribed: "0.00",
      article: "L. 214-30 III A 2° b)",
    },
    {
      commitment: "150000.00",
      cost: "100000.00",
      subscribed: "60000.00",
      article: "L. 214-30 III A 2° b)",
      termDate: "2031-12-31",
    },
  ],
  "counted-region": [{ region: "Normandie", article: "L. 214-31 IV" }],
  "counted-beside-master": [{ article: "L. 214-22 I 1° à 3°" }],
  "counted-master-units": [{ master: "MASTER-AE" }],
  "counted-item": [{ item: 2, article: "L. 214-36 I 2°" }],
  "counted-leverage-base": [
    { item: 1, threshold: "0.4", article: "L. 214-39" },
  ],
  "counted-look-through-debt": [
    { debt: "12000000.00", share: "0.35", article: "L. 214-39" },
  ],
  "counted-fresh": [
    { mode: "SUBSCRIPTION", article: "L. 214-30 III A 1°" },
    { mode: "BOND_CONVERTED", article: "L. 214-31 III A 1°" },
  ],
  "counted-grace": [
    {
      listingDate: "2021-04-12",
      graceEnd: "2026-04-12",
      article: "L. 214-28 IV",
    },
  ],
  "counted-listed-in-bucket": [
    { listingDate: "2021-04-12", threshold: "0.2", article: "L. 214-28 IV" },
  ],
  "measured-against-limit": [{ threshold: "0.15", article: "L. 214-28 II 1°" }],
  "column-twice": [
    {
      column: "costValue",
      first: "Coût d'acquisition",
      header: "Prix de revient",
    },
  ],
  "column-missing": [
    { table: "Holdings", column: "costValue" },
    { table: "Holdings", column: "costValue", headersOnRow: 3 },
    {
      table: "Holdings",
      column: "assetClass",
      fr: "Type d'actif",
      en: "Asset class",
    },
  ],
  "totals-row": [{ label: "Total" }],
  "cell-error": [
    { error: "#DIV/0!", column: "costValue", header: "Coût d'acquisition" },
  ],
  "cell-unreadable": [
    {
      value: "abc",
      expected: "money",
      column: "costValue",
      header: "Coût d'acquisition",
    },
    {
      value: "1,234",
      expected: "money",
      column: "costValue",
      header: "Coût d'acquisition",
      readings: ["1234", "1.234"],
    },
    {
      value: "120 %",
      expected: "percent",
      column: "ownershipPct",
      header: "Détention",
    },
    {
      value: "32/13/2025",
      expected: "date",
      column: "investmentDate",
      header: "Date d'investissement",
    },
    {
      value: "XYZ",
      expected: "enum",
      column: "assetClass",
      header: "Classe d'actif",
      allowed: "EQUITY, CASH",
    },
  ],
  "holdings-empty": [{}],
  "fund-row-without-id": [{}],
  "table-missing": [{ table: "Funds" }],
  "fund-id-duplicate": [{ fundId: "FCPR-1", rows: [2, 5] }],
  "fund-type-needed": [{}],
  "fund-type-without-rules": [{ fundType: "SCPI" }],
  "fund-id-needed": [{}],
  "fund-not-in-funds": [
    { fundId: "FCPR-9", table: "Holdings" },
    { fundId: "", table: "Holders" },
  ],
  "value-needed": [
    { column: "costValue" },
    { column: "costValue", header: "Coût d'acquisition" },
    {
      column: "fairValue",
      header: "Valorisation",
      purpose: "basis-amount",
      basis: "FAIR",
    },
    { column: "basis", purpose: "basis" },
    {
      column: "paidUpSubscriptions",
      header: "Montant libéré des souscriptions",
      purpose: "cost-base",
    },
    { column: "firstYearEnd", purpose: "quota-window" },
    // Every purpose, with every fact a sentence may name (the user's header in French).
    ...NEED_PURPOSES.map((purpose) => ({
      column: "ownershipPct",
      header: "Détention du capital",
      purpose,
      basis: "COST" as const,
      article: "L. 214-28 II 1°",
      rule: "SCPI-DEBT",
      threshold: "0.05",
      date: "2014-01-01",
    })),
    {
      column: "marketCap",
      purpose: "small-cap-size",
      article: "L. 214-28 III 1°",
      threshold: "150000000.00",
    },
    {
      column: "ownershipPct",
      purpose: "advance-ownership",
      article: "L. 214-160 II 1°",
      threshold: "0",
    },
    {
      column: "publicSubscribedCapital",
      purpose: "rule",
      rule: "SCPI-RAISE15",
    },
  ],
  "basis-cost-ignored": [{}],
  "amount-negative": [{ column: "costValue", amount: "-1500.00" }],
  "amount-implausible": [
    { column: "costValue", amount: "2000000000000000.00" },
  ],
  "acquisition-mode-blank": [
    { article: "L. 214-30 III A 1°" },
    { article: "L. 221-32-2-2", rule: "CPI-FRESH40" },
  ],
  "eltif-regime-not-met": [
    {
      given: "eltifLabel",
      missing: "infrastructureObject",
      article: "L. 214-160 II 1°, al. 2",
    },
  ],
  "entity-debt-blank": [
    { item: 5, threshold: "0.4", article: "L. 214-39" },
    { item: 2, threshold: "1", article: "L. 214-115 II", rule: "SCPI-DEBT" },
  ],
  "fund-id-case": [
    {
      table: "Holdings",
      row: 3,
      header: "Code fonds",
      value: "eta",
      fundId: "ETA",
      fundRow: 2,
    },
  ],
  "first-year-end-too-early": [
    { firstYearEnd: "2024-01-01", constitutionDate: "2024-06-30" },
  ],
  "chunk-failed": [
    {
      what: "read",
      table: "Holdings",
      firstRow: 2,
      lastRow: 5001,
      error: "RequestPayloadSizeLimitExceeded",
    },
    {
      what: "write",
      table: "QuotaReportRules",
      firstRow: 4,
      lastRow: 40,
      error: "GeneralException",
    },
  ],
  "api-unsupported": [{ api: "ExcelApi", version: "1.8" }],
  "sample-unavailable": [{ file: "sample-funds.xlsx", status: 404 }],
  "first-year-too-long": [
    { firstYearEnd: "2026-12-31", constitutionDate: "2024-06-30" },
  ],
  "l2-note": L2_NOTES.map((key) => ({
    key,
    article: "L. 214-93 II",
    amount: "1234.5",
    count: 2,
    share: "0.1",
    threshold: "0.25",
    date: "2026-06-30",
    column: "issuerCountry",
    name: "MASTER-1",
  })),
  "l2-position": [
    ...L2_POSITIONS.map((key) => ({
      key,
      article: "L. 214-115 I",
      issuer: "SCI-1",
    })),
    {
      key: "scpi-advance-gate" as const,
      article: "L. 214-102 II",
      issuer: "SCI-1",
      ownership: "0.04",
    },
  ],
  "l2-counted": [{ article: "L. 214-121" }],
  "register-control-absent": [
    { table: "Subscribers", column: "warningGiven", rule: "FCPRA-WARN" },
  ],
  "register-duplicate-id": [
    { table: "Offers", column: "offerId", id: "A1", firstRow: 2 },
  ],
  "register-fund-and-offer": [{}],
  "register-fund-unknown": [{ table: "Trades", fundId: "ZZ" }],
  "register-offer-unknown": [{ offerId: "A9" }],
  "register-fund-needed": [{ table: "Subscribers" }],
  "register-issuer-needed": [{}],
  "legacy-rule-unknown": [{ value: "412-999" }],
  "insider-legal-person": [
    { investorType: "LEGAL" },
    { investorType: "PUBLIC_LAW_LEGAL" },
  ],
  "fx-rate-not-positive": [{ column: "fxRate" }],
};

const all = (): Reason[] =>
  (Object.entries(SAMPLES) as [ReasonCode, object[]][]).flatMap(
    ([code, list]) => list.map((facts) => ({ code, facts }) as Reason),
  );

/** Words that a French sentence must not contain (they are English, never French). */
const ENGLISH =
  /\b(the|of|is|are|and|not|to|with|which|counted|excluded|holds|below|above|limit|needed|units|company|fund|advance|debt|region|master|holder|rule|row|blank|unreadable|missing|cannot|within|between|Largest|Borrowings)\b/;

describe("every reason code is rendered in both languages", () => {
  it("the samples cover exactly the codes the presenter knows", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REASON_CODES].sort());
  });

  for (const r of all())
    it(`${r.code} ${JSON.stringify(r.facts)}`, () => {
      const en = renderReason(r, "en");
      const fr = renderReason(r, "fr");
      for (const text of [en, fr]) {
        expect(text.trim().length).toBeGreaterThan(3);
        expect(text).not.toMatch(/undefined|NaN|\[object|\$\{/);
      }
      expect(fr).not.toBe(en);
      // French: no English word, French typography before the colon, no ISO date, no "EUR".
      // Column names and workbook codes are the user's own words: left out of the check.
      const words = fr.replace(
        /«[^»]*»|\([a-z]+[A-Z]\w*\)|[A-Z][A-Z_]+|MASTER-\w+|HLD-\d+|FCPR-[\w-]+/g,
        "",
      );
      expect(words).not.toMatch(ENGLISH);
      expect(fr).not.toMatch(/\S:/);
      expect(fr).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(fr).not.toMatch(/EUR\b/);
    });

  it("amounts, dates and percentages in French formats", () => {
    const fr = (r: Reason) => renderReason(r, "fr");
    expect(
      fr({
        code: "bucket-above-cap",
        facts: {
          amount: "1234567.89",
          threshold: "0.2",
          article: "L. 214-28 III",
        },
      }),
    ).toContain("1\u202f234\u202f567,89\u00a0€");
    expect(fr({ code: "disposed", facts: { date: "2025-12-31" } })).toContain(
      "31/12/2025",
    );
    // Asset classes by their French label, as the French template's dropdown shows them.
    expect(
      fr({
        code: "not-a-quota-asset",
        facts: { assetClass: "CASH", article: "L. 214-28 I" },
      }),
    ).toContain("«\u00a0Liquidités\u00a0»");
    expect(
      fr({
        code: "outside-every-rule",
        facts: { fundType: "SPPICAV", assetClass: "FUND_UNITS" },
      }),
    ).toContain("«\u00a0Parts de fonds\u00a0»");
    expect(
      fr({
        code: "counted-advance",
        facts: { issuer: "X", ownership: "0.473", article: "L. 214-28 II 1°" },
      }),
    ).toContain("47,3\u00a0%");
    expect(
      fr({
        code: "grace-positions",
        facts: { count: 2, firstEnd: "2026-04-12", article: "IV" },
      }),
    ).toMatch(/^2 positions admises .* sont retenues/);
  });

  it("an item without a known code keeps its English text", () => {
    expect(
      explain({ code: "some-future-code", facts: {} }, "English text.", "fr"),
    ).toBe("English text.");
    expect(explain({}, "No code.", "fr")).toBe("No code.");
  });
});
