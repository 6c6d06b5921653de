// Synthetic holdings for benchmarks: a realistic mix of FCPR asset classes, fixed seed.
export const HOLDING_HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "issuerName",
  "assetClass",
  "costValue",
  "fairValue",
  "listingStatus",
  "listingCountry",
  "listingDate",
  "marketCap",
  "investmentDate",
  "ownershipPct",
  "lookThroughPct",
  "entityOecd",
];
export const FUND_HEADERS = [
  "fundId",
  "fundName",
  "fundType",
  "constitutionDate",
  "firstYearEnd",
  "basis",
  "paidUpSubscriptions",
  "warningMargin",
];

export type Row = (string | number | boolean | null)[];

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Serial of 2023-03-15, an investment date inside every generated fund's life. */
const INVESTED = 45000;

export function fundsGrid(fundCount: number): Row[] {
  const rows: Row[] = [FUND_HEADERS];
  for (let f = 0; f < fundCount; f++)
    rows.push([
      `F${f + 1}`,
      `Fund ${f + 1}`,
      "FCPR",
      44562,
      44926,
      "COST",
      1_000_000_000,
      0.02,
    ]);
  return rows;
}

type Header = (typeof HOLDING_HEADERS)[number];
type Cell = Row[number];

/** A Holdings row from its named cells, in the headers' order; a cell not named is blank. */
const holdingRow = (cells: Partial<Record<Header, Cell>>): Row =>
  HOLDING_HEADERS.map((h) => cells[h] ?? null);

/** `count` positions spread over `fundCount` funds; amounts in cents, as accountants book them. */
export function holdingsGrid(count: number, fundCount = 1, seed = 7): Row[] {
  const rand = seeded(seed);
  const rows: Row[] = [HOLDING_HEADERS];
  for (let i = 0; i < count; i++) {
    const fundId = `F${(i % fundCount) + 1}`;
    const cost = Math.round(rand() * 500_000_00) / 100;
    const line = { fundId, lineId: `L${i}`, costValue: cost, fairValue: cost };
    const issuerId = `${fundId}-I${Math.floor(i / (3 * fundCount))}`;
    rows.push(holdingRow({ ...line, ...mixed(rand(), i, issuerId, cost) }));
  }
  return rows;
}

/** The cells of a position past its line and amounts, by where r falls in the FCPR mix. */
function mixed(r: number, i: number, issuerId: string, cost: number) {
  const ofIssuer = { issuerId, issuerName: `Issuer ${issuerId}` };
  const invested = { investmentDate: INVESTED };
  const unlisted = { ...invested, listingStatus: "UNLISTED" };
  if (r < 0.55)
    return {
      ...ofIssuer,
      ...unlisted,
      assetClass: "EQUITY",
      fairValue: Math.round(cost * 110) / 100,
      ownershipPct: 0.12,
    };
  if (r < 0.63)
    return {
      ...ofIssuer,
      ...unlisted,
      assetClass: "CURRENT_ACCOUNT_ADVANCE",
      ownershipPct: 0.1,
    };
  if (r < 0.7)
    return {
      ...ofIssuer,
      ...invested,
      assetClass: "EQUITY",
      listingStatus: "MTF_SME",
      listingCountry: "FR",
      marketCap: 90_000_000,
      ownershipPct: 0.05,
    };
  if (r < 0.75) return { ...ofIssuer, ...unlisted, assetClass: "OTHER_DEBT" };
  if (r < 0.8)
    return {
      ...unlisted,
      issuerId: `E${i}`,
      issuerName: `Entity ${i}`,
      assetClass: "ENTITY_RIGHTS",
      lookThroughPct: 0.6,
      entityOecd: true,
    };
  if (r < 0.84)
    return {
      ...ofIssuer,
      assetClass: "EQUITY",
      listingStatus: "REGULATED",
      listingCountry: "DE",
      listingDate: 45400,
      marketCap: 400_000_000,
      investmentDate: 44900,
      ownershipPct: 0.08,
    };
  return {
    ...invested,
    issuerName: `Money market ${i}`,
    assetClass: "FUND_UNITS",
  };
}
