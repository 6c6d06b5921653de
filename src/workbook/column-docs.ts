import type { TableName } from "../engine/model";

/**
 * What the documentation says of each column of the specs (columns.ts): the rules that read it
 * ("*": every rule of the fund) and its use. Apart from the specs so that the add-in's bundle
 * does not carry them (3.6 KB gzip); a test fails when a column has no entry, and the column
 * tables of docs/workbook-format.md are generated from the specs and these
 * (`npm run docs:columns`).
 */
export interface ColumnUse {
  rules: readonly string[];
  usedFor: string;
}

const EVERY_RULE = ["*"] as const;
const FCPR_QUOTAS = ["FCPR-Q50", "FCPI-Q70", "FIP-Q70"];
const FIVE_YEARS = ["FCPR-L5Y", "FCPI-L5Y", "FIP-L5Y"];
const FRESH = ["FCPI-FRESH40", "FIP-FRESH40"];
const HOLDING = ["FCPI-Q70", "FCPI-FRESH40", "FCPI-HOLD75"];
const ADVANCES = ["FCPR-CCA15", "FPCI-CCA15", "FPCI-CCA30", "OPCI-CCA5"];
const OPCI = [
  "OPCI-ASSET",
  "OPCI-RE60",
  "OPCI-RE51",
  "OPCI-LIQ5",
  "OPCI-LEV40",
  "OPCI-CCA5",
];
const FEEDERS = ["OPCVM-FEED85", "OPCVM-FEED15", "FIVG-FEED", "FIA-FEED85"];
const HOLDER_CAPS = ["FIP-H20", "FIP-H10", "FIP-H30"];
const SEF_FOREST = ["SEF-FOREST60", "SEF-FOREST51"];
const RAISE = ["SCPI-RAISE15", "SEF-RAISE15"];
const SOLIDARITY = ["FCPE-SOL5", "FCPE-SOL10"];
const PER = ["FCPE-PER-UNL10", "FCPE-PER-EMP10", "FCPE-PER-AIF50"];
const PEA_PME = ["PEAPME-FUND75", "PEAPME-EQ23"];
const PEA_ISSUER = ["PEA-FUND75", ...PEA_PME];
const CPI = ["CPI-FUND80", "CPI-FRESH40"];
const TWENTY = ["FIVG-20INV", "OFS-20INV"];
/** The MIN rules with no period in the law, which a fund's `bindingFrom` defers. */
const BINDING_FROM = [
  ...SEF_FOREST,
  "FCPE-SOL5",
  "FCPE-FOREIGN",
  "PEA-FUND75",
  ...PEA_PME,
  ...CPI,
];

/** The register rules (src/law/registers.ts) that read each register's columns. */
const SUBSCRIBER_RULES = [
  "FCPRA-ELIG",
  "FCPRA-WARN",
  "FCPRA-ACK",
  "FCPRA-DEPO",
];
const OFFER_RULES = [
  "OFF-QI",
  "OFF-CF",
  "OFF-EXIST",
  "OFF-8M",
  "OFF-100K-INV",
  "OFF-100K-NOM",
  "OFF-12M",
];
const TRADE_AMOUNT_RULES = [
  "OTC-EQ",
  "OTC-DEBT",
  "OTC-FUND-EQ",
  "OTC-FUND-BOND",
];
const TRADE_RULES = [
  "OTC-INSTR",
  ...TRADE_AMOUNT_RULES,
  "OTC-DEALER",
  "OTC-REQ",
  "OTC-PACKAGE",
];

export const COLUMN_USES: {
  [T in TableName]?: Record<string, ColumnUse>;
} = {
  Funds: {
    fundId: {
      rules: EVERY_RULE,
      usedFor: "required; unique key (matched ignoring case)",
    },
    fundName: { rules: [], usedFor: "display" },
    fundType: {
      rules: EVERY_RULE,
      usedFor: "required; decides which rules apply",
    },
    constitutionDate: {
      rules: ["FCPI-Q70", "FIP-Q70", ...OPCI],
      usedFor:
        "FCPI/FIP threshold by vintage; OPCI (rules bind three years after creation); checks firstYearEnd",
    },
    firstYearEnd: {
      rules: [...FCPR_QUOTAS, "PEA-FUND75", "PEAPME-FUND75"],
      usedFor:
        "when the quota binds (L. 214-28 V); the PEA and PEA-PME commitments bind from the close of the 4th year",
    },
    basis: {
      rules: EVERY_RULE,
      usedFor:
        "default `COST` when paid-up subscriptions are given, else `FAIR`",
    },
    paidUpSubscriptions: { rules: EVERY_RULE, usedFor: "base on `COST`" },
    totalAssets: {
      rules: EVERY_RULE,
      usedFor: "base on `FAIR`; blank = sum of the fund's fair values",
    },
    quotaThreshold: {
      rules: ["FCPR-Q50", "FCPI-Q70", "FIP-Q70"],
      usedFor: "overrides the main quota threshold",
    },
    warningMargin: { rules: EVERY_RULE, usedFor: "default 2 points" },
    chosenRegions: { rules: ["FIP-Q70", "FIP-FRESH40"], usedFor: "FIP" },
    overseasZone: { rules: ["FIP-REG25"], usedFor: "FIP" },
    isSicav: { rules: ["OPCVM-FEED15"], usedFor: "OPCVM feeder" },
    borrowings: {
      rules: ["OPCI-LEV40", "SCPI-DEBT"],
      usedFor:
        "OPCI; SCPI, SEF: borrowings, debts assumed and deferred payments (L. 214-101)",
    },
    liquidLabel: {
      rules: ["FCPR-LIQ5"],
      usedFor:
        "FCPR, FCPI, FIP (L. 214-28 XII): the fund claims 5 % liquid instruments; unreadable: measured, a shortfall is incomplete",
    },
    bindingFrom: {
      rules: BINDING_FROM,
      usedFor:
        "first day the MIN rules without a statutory period bind; before it they are not binding",
    },
    forestLoanSupport: {
      rules: SEF_FOREST,
      usedFor:
        "SEF: subsidises or guarantees forestry loans (L. 214-122): 51 % of woodland instead of 60 %",
    },
    statutoryMaxCapital: {
      rules: RAISE,
      usedFor: "SCPI, SEF: maximum capital in the articles",
    },
    subscriptionOpeningDate: {
      rules: RAISE,
      usedFor:
        "SCPI, SEF: opening of the public subscription; blank = the 15 % raise is not reported",
    },
    publicSubscribedCapital: {
      rules: RAISE,
      usedFor: "SCPI, SEF: nominal capital subscribed by the public",
    },
    agBorrowingMax: {
      rules: ["SCPI-DEBT"],
      usedFor: "SCPI, SEF: the general meeting's maximum (L. 214-101)",
    },
    unitsIssued: {
      rules: ["SCPI-SELL10"],
      usedFor: "SCPI, SEF: units issued; blank = sum of `Holders.units`",
    },
    subscriptionPrice: {
      rules: ["SCPI-PRICE10"],
      usedFor: "SCPI, SEF: subscription price per unit",
    },
    reconstitutionValue: {
      rules: ["SCPI-PRICE10"],
      usedFor: "SCPI, SEF: reconstitution value per unit (L. 214-109)",
    },
    sharesIssued: {
      rules: ["SICAF-BUYBACK", "SICAF-OWN10"],
      usedFor: "SICAF: shares making up the capital",
    },
    ownSharesHeld: {
      rules: ["SICAF-OWN10"],
      usedFor: "SICAF: own shares held",
    },
    sharesBoughtYtd: {
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: own shares bought since the start of the year",
    },
    sharesResoldYtd: {
      rules: ["SICAF-BUYBACK"],
      usedFor:
        "SICAF: own shares resold since the start of the year; blank = none",
    },
    sharePrice: {
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: share price at the as-of date",
    },
    navPerShare: {
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: net asset value per share at the as-of date",
    },
    buybackLimitPct: {
      rules: ["SICAF-BUYBACK"],
      usedFor:
        "SICAF: limit authorised by an extraordinary meeting; replaces 10 %/25 %",
    },
    solidarityFund: {
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor: "FCPE: a fonds solidaire (L. 214-164 V)",
    },
    perEligible: {
      rules: PER,
      usedFor: "FCPE: can be held in a PER d'entreprise (L. 214-164 VII)",
    },
    foreignGroupPlan: {
      rules: ["FCPE-FOREIGN"],
      usedFor: "FCPE of a foreign group (L. 214-165-1)",
    },
    liquidityMechanism: {
      rules: ["FCPE-FOREIGN"],
      usedFor: "exemption of L. 214-165-1 IV 1°",
    },
    groupBuybackCommitment: {
      rules: ["FCPE-FOREIGN"],
      usedFor: "exemption of L. 214-165-1 IV 2°",
    },
    peaClaim: {
      rules: ["PEA-FUND75"],
      usedFor: "the fund claims PEA eligibility (L. 221-31 I 2°)",
    },
    peaPmeClaim: {
      rules: PEA_PME,
      usedFor: "the fund claims PEA-PME eligibility (L. 221-32-2 3)",
    },
    cpiClaim: {
      rules: CPI,
      usedFor:
        "the fund accepts compte PME innovation subscriptions (L. 221-32-5 IV A 3°)",
    },
    selfManaged: {
      rules: ["FIA-CAP300K"],
      usedFor: "self-managed AIF (L. 214-24 VI)",
    },
    initialCapital: {
      rules: ["FIA-CAP300K"],
      usedFor: "self-managed AIF: at least 300 000 €",
    },
    reservedTo20Investors: {
      rules: TWENTY,
      usedFor: "FIVG, OFS: reserved to twenty investors at most",
    },
    uncalledSubscriptions: {
      rules: ["OFS-LOSS"],
      usedFor: "OFS: added to total assets; blank = 0",
    },
    allege: {
      rules: SUBSCRIBER_RULES,
      usedFor:
        "its `Subscribers` rows are checked against RG AMF 412-113 (historical text)",
    },
    legacyRules: {
      rules: TRADE_RULES,
      usedFor:
        "`516-2` (or `RG AMF 516-2`): its `Trades` rows are checked against RG AMF 516-2 (historical text); any other value is a warning and ignored",
    },
    eltifLabel: {
      rules: ["FPCI-CCA30"],
      usedFor:
        "FPCI, SLP: authorised to use the « ELTIF » name (L. 214-160 II 1°, al. 2 b); with `infrastructureObject`, advances are retained in the quota up to 30 %; blank = no",
    },
    infrastructureObject: {
      rules: ["FPCI-CCA30"],
      usedFor:
        "FPCI, SLP: main object is financing infrastructure assets (L. 214-160 II 1°, al. 2 a); blank = no",
    },
    fundTermDate: {
      rules: ["FCPI-Q70", "FIP-Q70"],
      usedFor:
        "FCPI, FIP: end of the fund's life; after it, a secondary purchase counts under III A 2° b) only when the subscriptions made reach its value",
    },
  },
  Holdings: {
    fundId: {
      rules: EVERY_RULE,
      usedFor: "owning fund (may be blank when the workbook has one fund)",
    },
    lineId: { rules: [], usedFor: "blank = the worksheet row number" },
    issuerId: {
      rules: [...ADVANCES, ...FRESH, "SCPI-CCA5"],
      usedFor:
        "groups positions on one company; advances take their issuer's ownership",
    },
    issuerName: { rules: [], usedFor: "display" },
    assetClass: {
      rules: EVERY_RULE,
      usedFor: "required; `DIGITAL_ASSET` extends the contract for L. 214-160",
    },
    costValue: { rules: EVERY_RULE, usedFor: "basis `COST`" },
    fairValue: { rules: EVERY_RULE, usedFor: "basis `FAIR`" },
    listingStatus: {
      rules: [
        ...FCPR_QUOTAS,
        "FCPR-B20",
        ...FIVE_YEARS,
        "OPCI-ASSET",
        "FPCI-CCA30",
        "SCPI-ASSET",
        ...PEA_PME,
        // Through instrumentListing when it is blank.
        "FCPE-PER-UNL10",
        "FCPE-FOREIGN",
      ],
      usedFor:
        "blank = unlisted. For debt and receivables: the listing of the issuer's equity",
    },
    listingCountry: {
      rules: ["FCPR-B20"],
      usedFor: "L. 214-28 III 1° (EU/EEA market)",
    },
    listingDate: {
      rules: [...FCPR_QUOTAS, ...FIVE_YEARS],
      usedFor:
        'admission to trading; after `investmentDate` (or with no `investmentDate`) it means "listed after purchase" (L. 214-28 IV)',
    },
    marketCap: { rules: ["FCPR-B20"], usedFor: "L. 214-28 III 1° (< 150 M€)" },
    investmentDate: {
      rules: EVERY_RULE,
      usedFor: "a position invested after the as-of date is not yet held",
    },
    acquisitionMode: {
      rules: [...FRESH, ...CPI],
      usedFor: "FCPI/FIP 40 %; compte PME innovation 80 % and 40 %",
    },
    ownershipPct: {
      rules: [...ADVANCES, "SCPI-CCA5"],
      usedFor:
        "advances: 5 % gate (L. 214-28 II 1°, L. 214-102 II); a participation for the FPCI (in the company or its group for FPCI-CCA30)",
    },
    lookThroughPct: {
      rules: ["FCPR-Q50"],
      usedFor: "entity rights (L. 214-28 II 2°)",
    },
    entityOecd: {
      rules: ["FCPR-Q50"],
      usedFor: "entity rights (L. 214-28 II 2°)",
    },
    fcpiEligible: { rules: ["FCPI-Q70", "FCPI-FRESH40"], usedFor: "FCPI" },
    fipEligible: { rules: ["FIP-Q70", "FIP-FRESH40"], usedFor: "FIP" },
    region: { rules: ["FIP-Q70", "FIP-FRESH40", "FIP-REG25"], usedFor: "FIP" },
    opciCategory: { rules: OPCI, usedFor: "OPCI (item of L. 214-36 I)" },
    encumbered: { rules: ["OPCI-LIQ5"], usedFor: "OPCI liquidity" },
    participationPct: {
      rules: ["OPCI-LEV40", "OPCI-CCA5", "SCPI-DEBT"],
      usedFor: "OPCI and SCPI borrowing look-through",
    },
    entityDebt: {
      rules: ["OPCI-LEV40", "SCPI-DEBT"],
      usedFor: "OPCI and SCPI borrowing look-through",
    },
    controlledParticipation: { rules: ["OPCI-RE60"], usedFor: "FPI" },
    masterId: {
      rules: [...FEEDERS, "FIA-FEED85M", ...SOLIDARITY],
      usedFor: "feeders; a solidarity FCPE feeding one master",
    },
    hedgeOnly: { rules: ["OPCVM-FEED15"], usedFor: "OPCVM feeder" },
    disposalDate: {
      rules: EVERY_RULE,
      usedFor: "a position sold on or before the as-of date is not held",
    },
    forestCategory: {
      rules: SEF_FOREST,
      usedFor: "SEF: blank = not a forest asset",
    },
    scpiCategory: {
      rules: ["SCPI-ASSET", "SCPI-CCA5", "SCPI-DEBT"],
      usedFor: "SCPI, SEF: item 1 to 6 of L. 214-115 I; `0`: none of them",
    },
    jointLiabilityEntity: {
      rules: ["SCPI-ASSET", "SCPI-CCA5", "OPCI-UNLIM"],
      usedFor:
        "members answer « indéfiniment et solidairement » (L. 214-115 II, L. 214-36 II)",
    },
    solidarityEnterprise: {
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor: "FCPE: issuer approved under L. 3332-17-1 C. trav.",
    },
    entitySolidarityShare: {
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor:
        "FCPE: solidarity share of a held SCR's or FCPR's assets (40 % test)",
    },
    heldFundType: {
      rules: [...SOLIDARITY, "FCPE-PE30", "FCPE-PER-UNL10", "FCPE-PER-AIF50"],
      usedFor: "FCPE: type of the fund whose units these are",
    },
    employerGroup: {
      rules: ["FCPE-SCOPE", "FCPE-PER-EMP10", "FCPE-FOREIGN"],
      usedFor: "FCPE: issued by the employer or its group",
    },
    issuerCountry: {
      rules: PEA_ISSUER,
      usedFor: "PEA, PEA-PME: seat of the issuer",
    },
    corporateTax: {
      rules: PEA_ISSUER,
      usedFor: "PEA, PEA-PME: issuer subject to corporate tax; blank = not",
    },
    preferenceShares: {
      rules: ["PEA-FUND75", "PEAPME-EQ23"],
      usedFor: "PEA: preference shares, not counted",
    },
    issuerEmployees: {
      rules: PEA_PME,
      usedFor: "PEA-PME: persons employed (< 5 000)",
    },
    issuerTurnover: {
      rules: PEA_PME,
      usedFor: "PEA-PME: turnover (≤ 1.5 bn EUR)",
    },
    issuerBalanceSheet: {
      rules: PEA_PME,
      usedFor: "PEA-PME: balance-sheet total (≤ 2 bn EUR)",
    },
    issuerMarketCap: {
      rules: PEA_PME,
      usedFor:
        "PEA-PME: listed issuer's capitalisation at the as-of date (< 1 bn EUR)",
    },
    issuerMarketCapLow4y: {
      rules: PEA_PME,
      usedFor:
        "PEA-PME: lowest capitalisation at the close of the four previous years",
    },
    instrumentListing: {
      rules: ["FCPE-PER-UNL10", "FCPE-FOREIGN", "PEAPME-EQ23"],
      usedFor: "listing of the instrument itself; blank = `listingStatus`",
    },
    cpiEligible: {
      rules: CPI,
      usedFor: "CPI: the issuer meets L. 221-32-5 IV A 1°",
    },
    maxLoss: {
      rules: ["OFS-LOSS"],
      usedFor: "OFS: maximum loss or net commitment, net of hedges",
    },
    masterStrategy: {
      rules: ["FIA-FEED85M"],
      usedFor:
        "FIA: masters with the same text share a strategy (L. 214-24 IV 2°)",
    },
    holdingCompany: {
      rules: HOLDING,
      usedFor:
        "FCPI: the issuer is a holding company whose object is holding participations (L. 214-30 IV 1. b)); its securities count only through IV",
    },
    subsidiaryStakeMinPct: {
      rules: HOLDING,
      usedFor:
        "FCPI: the lowest share of capital the holding company holds in any of its participations; « au moins 75 % » (IV 1. c), V)",
    },
    subsidiariesEligible: {
      rules: HOLDING,
      usedFor:
        "FCPI: every participation meets the conditions of IV 1. c); blank = not given (the quota is incomplete)",
    },
    subsidiaryMeetsI: {
      rules: HOLDING,
      usedFor:
        "FCPI: at least one participation meets L. 214-30 I, II and III (IV 1. d)); blank = not given",
    },
    subscriptionCommitment: {
      rules: ["FCPI-Q70", "FIP-Q70"],
      usedFor:
        "FCPI, FIP: on a `SECONDARY_PURCHASE` row, the amount the fund committed to subscribe in the company (III A 2° b)); blank = no commitment",
    },
  },
  Holders: {
    fundId: {
      rules: HOLDER_CAPS,
      usedFor: "owning fund (may be blank when the workbook has one fund)",
    },
    holderId: { rules: HOLDER_CAPS, usedFor: "FIP holder caps" },
    holderType: { rules: HOLDER_CAPS, usedFor: "FIP holder caps" },
    units: { rules: HOLDER_CAPS, usedFor: "required; FIP holder caps" },
  },
  Subscribers: {
    fundId: {
      rules: SUBSCRIBER_RULES,
      usedFor: "the fund (blank when the workbook has one fund)",
    },
    offerId: { rules: ["OFF-100K-INV"], usedFor: "the offer" },
    subscriptionId: { rules: [], usedFor: "row key; default the row number" },
    investorId: {
      rules: ["FCPRA-ELIG"],
      usedFor: "required; stable per investor",
    },
    investorType: { rules: ["FCPRA-ELIG"], usedFor: "E7, insider exemption" },
    operation: { rules: ["FCPRA-ELIG"], usedFor: "first operation (§3.5)" },
    subscriptionDate: { rules: SUBSCRIBER_RULES, usedFor: "required" },
    amount: {
      rules: ["FCPRA-ELIG", "OFF-100K-INV"],
      usedFor: "required; E4–E6, E8, OFF-100K-INV",
    },
    currency: { rules: ["FCPRA-ELIG", "OFF-100K-INV"], usedFor: "blank = EUR" },
    fxRate: {
      rules: ["FCPRA-ELIG", "OFF-100K-INV"],
      usedFor: "units of the currency for one euro",
    },
    fxDate: { rules: [], usedFor: "shown, not checked" },
    units: { rules: [], usedFor: "information" },
    investorCategory: { rules: ["FCPRA-ELIG"], usedFor: "E1–E3" },
    financialSectorYears: { rules: ["FCPRA-ELIG"], usedFor: "E4" },
    assistsCompanies: { rules: ["FCPRA-ELIG"], usedFor: "E5 a)" },
    assistsManager: { rules: ["FCPRA-ELIG"], usedFor: "E5 b)" },
    privateEquityExperience: { rules: ["FCPRA-ELIG"], usedFor: "E5 c)" },
    depositsAndPortfolio: { rules: ["FCPRA-ELIG"], usedFor: "E6" },
    balanceSheetTotal: { rules: ["FCPRA-ELIG"], usedFor: "E7 a)" },
    turnover: { rules: ["FCPRA-ELIG"], usedFor: "E7 b)" },
    equity: { rules: ["FCPRA-ELIG"], usedFor: "E7 c)" },
    insider: {
      rules: ["FCPRA-ELIG"],
      usedFor: "exemption (I, last paragraph)",
    },
    warningGiven: { rules: ["FCPRA-WARN"], usedFor: "FCPRA-WARN (II)" },
    rulesDeliveredDate: { rules: ["FCPRA-ACK"], usedFor: "FCPRA-ACK (III)" },
    acknowledgementDate: { rules: ["FCPRA-ACK"], usedFor: "FCPRA-ACK (III)" },
  },
  Offers: {
    offerId: { rules: OFFER_RULES, usedFor: "the offer" },
    issuerId: {
      rules: ["OFF-12M"],
      usedFor: "required; 12-month totals per issuer",
    },
    issuerName: { rules: [], usedFor: "display" },
    offerCase: {
      rules: OFFER_RULES,
      usedFor: "required; the rule of the offer",
    },
    offerDate: { rules: ["OFF-12M"], usedFor: "required; OFF-12M" },
    offerAmount: { rules: ["OFF-8M", "OFF-12M"], usedFor: "OFF-8M, OFF-12M" },
    currency: { rules: ["OFF-8M", "OFF-12M"], usedFor: "blank = EUR" },
    fxRate: {
      rules: ["OFF-8M", "OFF-12M"],
      usedFor: "units of the currency for one euro",
    },
    fxDate: { rules: [], usedFor: "shown, not checked" },
    securityType: {
      rules: ["OFF-CF", "OFF-EXIST"],
      usedFor: "OFF-CF, OFF-EXIST",
    },
    admittedToTrading: { rules: ["OFF-CF"], usedFor: "OFF-CF" },
    channel: { rules: ["OFF-CF"], usedFor: "OFF-CF" },
    nonQualifiedOfferees: { rules: ["OFF-QI"], usedFor: "OFF-QI" },
    ownAccount: { rules: ["OFF-QI"], usedFor: "OFF-QI" },
    existingPartnersOnly: { rules: ["OFF-EXIST"], usedFor: "OFF-EXIST" },
    nominalPerSecurity: { rules: ["OFF-100K-NOM"], usedFor: "OFF-100K-NOM" },
  },
  Trades: {
    fundId: {
      rules: TRADE_RULES,
      usedFor: "the fund (blank when the workbook has one fund)",
    },
    tradeId: { rules: [], usedFor: "row key; default the row number" },
    tradeDate: { rules: TRADE_RULES, usedFor: "required" },
    instrumentType: {
      rules: ["OTC-INSTR", ...TRADE_AMOUNT_RULES],
      usedFor: "required; OTC-INSTR and the amount rule",
    },
    fundClassification: {
      rules: ["OTC-FUND-EQ", "OTC-FUND-BOND"],
      usedFor: "OTC-FUND-EQ, OTC-FUND-BOND",
    },
    venue: {
      rules: TRADE_RULES,
      usedFor: "required; only OFF_MARKET rows are checked",
    },
    amountEur: { rules: TRADE_AMOUNT_RULES, usedFor: "required; amount rules" },
    issuerMarketCap: {
      rules: ["OTC-EQ", "OTC-FUND-EQ"],
      usedFor: "OTC-EQ, OTC-FUND-EQ",
    },
    counterpartyDealsOnOwnAccount: {
      rules: ["OTC-DEALER"],
      usedFor: "OTC-DEALER",
    },
    agreedPrice: { rules: ["OTC-DEALER"], usedFor: "OTC-DEALER" },
    referenceVwap: { rules: ["OTC-DEALER"], usedFor: "OTC-DEALER" },
    agreedAt: { rules: ["OTC-DEALER"], usedFor: "OTC-DEALER" },
    vwapFrom: { rules: ["OTC-DEALER"], usedFor: "OTC-DEALER" },
    clientCategory: { rules: ["OTC-REQ"], usedFor: "OTC-REQ (blank = OTHER)" },
    requestForm: {
      rules: ["OTC-REQ"],
      usedFor: "OTC-REQ (blank = no request)",
    },
    standingFrom: { rules: ["OTC-REQ"], usedFor: "OTC-REQ, standing request" },
    standingUntil: { rules: ["OTC-REQ"], usedFor: "OTC-REQ, standing request" },
    packageDeclared: { rules: ["OTC-PACKAGE"], usedFor: "OTC-PACKAGE" },
  },
  Orders: {
    fundId: {
      rules: ["SCPI-SELL10"],
      usedFor: "the SCPI or SEF (may be blank when the workbook has one fund)",
    },
    orderId: {
      rules: ["SCPI-SELL10"],
      usedFor:
        "names the order in diagnostics; blank = the worksheet row number",
    },
    orderType: {
      rules: ["SCPI-SELL10"],
      usedFor: "sell orders and withdrawal requests are measured apart",
    },
    registeredDate: {
      rules: ["SCPI-SELL10"],
      usedFor:
        "inscription on the register (L. 214-93 I), or date of the withdrawal request",
    },
    units: {
      rules: ["SCPI-SELL10"],
      usedFor: "required; units still unsatisfied",
    },
  },
};

/** The rules that read a column and its use, as the documentation shows them. */
export function columnUse(
  table: TableName,
  column: string,
): ColumnUse | undefined {
  return COLUMN_USES[table]?.[column];
}
