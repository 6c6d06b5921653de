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

/**
 * One Holdings row, in the headers' order, past its fund, line, issuer and cost: an array literal
 * (no object per row), so the grid is as dense as Office.js hands it over and the floor walks it so.
 */
const holdingRow = (
  fund: string,
  i: number,
  issuer: string | null,
  name: string,
  cls: string,
  cost: number,
  fair: number,
  listing: string | null,
  country: string | null,
  listingDate: number | null,
  cap: number | null,
  invested: number,
  ownership: number | null,
  lookThrough: number | null = null,
  oecd: boolean | null = null,
): Row => [
  fund,
  `L${i}`,
  issuer,
  name,
  cls,
  cost,
  fair,
  listing,
  country,
  listingDate,
  cap,
  invested,
  ownership,
  lookThrough,
  oecd,
];

/** `count` positions spread over `fundCount` funds; amounts in cents, as accountants book them. */
export function holdingsGrid(count: number, fundCount = 1, seed = 7): Row[] {
  const rand = seeded(seed);
  const rows: Row[] = [HOLDING_HEADERS];
  for (let i = 0; i < count; i++) {
    const fund = `F${(i % fundCount) + 1}`;
    const cost = Math.round(rand() * 500_000_00) / 100;
    const issuer = `${fund}-I${Math.floor(i / (3 * fundCount))}`;
    rows.push(mixedRow(rand(), fund, i, issuer, cost));
  }
  return rows;
}

/** A position of the FCPR mix, by where r falls in it: one row of the mix per line, as a table. */
// prettier-ignore
function mixedRow(r: number, fund: string, i: number, issuer: string, cost: number): Row {
  const named = `Issuer ${issuer}`;
  if (r < 0.55) return holdingRow(fund, i, issuer, named, "EQUITY", cost, Math.round(cost * 110) / 100, "UNLISTED", null, null, null, INVESTED, 0.12);
  if (r < 0.63) return holdingRow(fund, i, issuer, named, "CURRENT_ACCOUNT_ADVANCE", cost, cost, "UNLISTED", null, null, null, INVESTED, 0.1);
  if (r < 0.7) return holdingRow(fund, i, issuer, named, "EQUITY", cost, cost, "MTF_SME", "FR", null, 90_000_000, INVESTED, 0.05);
  if (r < 0.75) return holdingRow(fund, i, issuer, named, "OTHER_DEBT", cost, cost, "UNLISTED", null, null, null, INVESTED, null);
  if (r < 0.8) return holdingRow(fund, i, `E${i}`, `Entity ${i}`, "ENTITY_RIGHTS", cost, cost, "UNLISTED", null, null, null, INVESTED, null, 0.6, true);
  if (r < 0.84) return holdingRow(fund, i, issuer, named, "EQUITY", cost, cost, "REGULATED", "DE", 45400, 400_000_000, 44900, 0.08);
  return holdingRow(fund, i, null, `Money market ${i}`, "FUND_UNITS", cost, cost, null, null, null, null, INVESTED, null);
}
