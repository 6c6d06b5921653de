// Builds examples/sample-funds.xlsx from examples/sample-source.json.
// Positions are drawn with a fixed seed, so the workbook is identical on every run.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = JSON.parse(readFileSync(path.join(root, "examples/sample-source.json"), "utf8"));
const out = process.argv[2] ?? path.join(root, "examples/sample-funds.xlsx");

/** mulberry32: a tiny deterministic generator, enough for sample data. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = seeded(20251231);
const between = ([lo, hi]) => lo + (hi - lo) * rand();
const pick = (list) => list[Math.floor(rand() * list.length)];

const PREFIX = ["Alsace", "Armor", "Azur", "Bocage", "Calanque", "Cévennes", "Dauphiné", "Estuaire", "Garonne", "Jura", "Loire", "Lumière", "Morvan", "Océane", "Provence", "Quercy", "Rhône", "Sologne", "Vercors", "Vosges", "Atlantique", "Meuse", "Tarn", "Somme"];
const SUFFIX = ["Biotech", "Robotique", "Énergies", "Logiciels", "Médical", "Agritech", "Matériaux", "Mobilité", "Data", "Optique", "Cosmétiques", "Aéro", "Hydrogène", "Textiles", "Santé", "Cyber"];
const FORM = ["SAS", "SA", "SAS", "SARL", "SAS"];
const usedNames = new Set();
function issuerName(assetClass) {
  for (;;) {
    const form = assetClass === "SARL_PARTS" ? "SARL" : pick(FORM.filter((f) => f !== "SARL"));
    const name = `${pick(PREFIX)} ${pick(SUFFIX)} ${form}`;
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

/** Splits a total (EUR) into n amounts with cents that add up exactly, working in cents. */
function split(total, n) {
  const cents = Math.round(total * 100);
  const weights = Array.from({ length: n }, () => 0.4 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((cents * w) / sum));
  parts[n - 1] += cents - parts.reduce((a, b) => a + b, 0);
  return parts.map((c) => c / 100);
}

const addDays = (iso, days) => new Date(Date.parse(iso) + days * 86400000).toISOString().slice(0, 10);
const date = (iso) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const round2 = (x) => Math.round(x * 100) / 100;

let issuerSeq = 0;
const holdings = [];
for (const fund of source.funds) {
  let line = 0;
  const equityIssuers = [];
  for (const block of fund.blocks) {
    const amounts = split(block.total, block.count);
    amounts.forEach((cost, i) => {
      line += 1;
      // Every investment is made before the close of the sample's reference year (2025-12-31).
      const span = Math.max(20, Math.min(700, (Date.parse("2025-12-15") - Date.parse(fund.constitutionDate)) / 86400000 - 15));
      const investmentDate = addDays(fund.constitutionDate, 15 + Math.floor(rand() * span));
      let issuerId;
      let name;
      let ownershipPct = block.ownershipPct ?? (block.ownership ? round2(between(block.ownership) * 100) / 100 : null);
      if (block.advanceOnEquity) {
        const target = equityIssuers[i % equityIssuers.length];
        issuerId = target.issuerId;
        name = target.name;
        ownershipPct = null; // advances take the ownership of their issuer
      } else if (block.secondaryOfBlock !== undefined) {
        // Bought from other holders, in companies the fund already subscribed to.
        const target = equityIssuers[(i * 3) % equityIssuers.length];
        issuerId = target.issuerId;
        name = target.name;
      } else if (block.names) {
        issuerId = null;
        name = block.names[i % block.names.length];
      } else {
        issuerSeq += 1;
        issuerId = `ISS-${String(issuerSeq).padStart(4, "0")}`;
        name = issuerName(block.assetClass);
        if (block.assetClass === "EQUITY" && (block.listingStatus ?? block.fields?.listingStatus ?? "UNLISTED") === "UNLISTED") equityIssuers.push({ issuerId, name });
      }
      const listedAfter = block.listedAfter ? block.listedAfter[i % block.listedAfter.length] : null;
      const listingDate = listedAfter ?? (block.boughtListed ? addDays("2016-01-01", Math.floor(rand() * 2000)) : null);
      const invested = listedAfter ? addDays(listedAfter, -400 - Math.floor(rand() * 300)) : investmentDate;
      const uplift = block.fairUplift ? between(block.fairUplift) : ["CASH", "DEPOSIT", "FUND_UNITS", "LIQUID_INSTRUMENT", "CURRENT_ACCOUNT_ADVANCE", "FINANCIAL_CONTRACT", "RECEIVABLE"].includes(block.assetClass) ? 1 : between([0.7, 1.6]);
      holdings.push({
        fundId: fund.fundId,
        lineId: `${fund.fundId}-${String(line).padStart(3, "0")}`,
        issuerId,
        issuerName: name,
        assetClass: block.assetClass,
        costValue: cost,
        fairValue: round2(cost * uplift),
        listingStatus: block.listingStatus ?? "UNLISTED",
        listingCountry: block.listingCountry ?? null,
        listingDate: date(listingDate),
        marketCap: block.marketCap ? Math.round(between(block.marketCap) / 1000) * 1000 : null,
        investmentDate: date(invested),
        ownershipPct,
        lookThroughPct: block.lookThrough ? round2(between(block.lookThrough)) : null,
        entityOecd: block.entityOecd ?? null,
        participationPct: block.participation ? round2(between(block.participation)) : null,
        entityDebt: block.entityDebt ? Math.round(between(block.entityDebt) / 1000) * 1000 : null,
        ...(block.fields ?? {}),
      });
    });
  }
}

const FUND_COLUMNS = [
  "fundId", "fundName", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "totalAssets", "quotaThreshold", "warningMargin", "liquidLabel", "chosenRegions", "overseasZone", "isSicav", "borrowings",
  // The other Livre II funds (docs/workbook-format.md).
  "agBorrowingMax", "unitsIssued", "subscriptionPrice", "reconstitutionValue", "sharesIssued", "ownSharesHeld", "sharesBoughtYtd", "sharesResoldYtd", "sharePrice", "navPerShare",
  "solidarityFund", "peaClaim", "peaPmeClaim", "cpiClaim", "selfManaged", "initialCapital", "reservedTo20Investors", "uncalledSubscriptions",
  // The registers (WORKBOOK-FORMAT-REGISTERS).
  "allege", "legacyRules",
];
const HOLDING_COLUMNS = [
  "fundId", "lineId", "issuerId", "issuerName", "assetClass", "costValue", "fairValue", "listingStatus", "listingCountry", "listingDate", "marketCap",
  "investmentDate", "acquisitionMode", "ownershipPct", "lookThroughPct", "entityOecd", "fcpiEligible", "fipEligible", "region",
  "opciCategory", "encumbered", "participationPct", "entityDebt", "controlledParticipation", "masterId", "hedgeOnly",
  "forestCategory", "scpiCategory", "solidarityEnterprise", "entitySolidarityShare", "heldFundType", "issuerCountry", "corporateTax", "cpiEligible", "maxLoss",
];
const ORDER_COLUMNS = ["fundId", "orderId", "orderType", "registeredDate", "units"];
const HOLDER_COLUMNS = ["fundId", "holderId", "holderType", "units"];
const FORMATS = {
  constitutionDate: "dd/mm/yyyy", firstYearEnd: "dd/mm/yyyy", listingDate: "dd/mm/yyyy", investmentDate: "dd/mm/yyyy",
  paidUpSubscriptions: "#,##0.00", totalAssets: "#,##0.00", borrowings: "#,##0.00", agBorrowingMax: "#,##0.00", initialCapital: "#,##0.00", uncalledSubscriptions: "#,##0.00", maxLoss: "#,##0", registeredDate: "dd/mm/yyyy", entityDebt: "#,##0", participationPct: "0.00%", costValue: "#,##0.00", fairValue: "#,##0.00", marketCap: "#,##0",
  subscriptionDate: "dd/mm/yyyy", rulesDeliveredDate: "dd/mm/yyyy", acknowledgementDate: "dd/mm/yyyy", tradeDate: "dd/mm/yyyy", offerDate: "dd/mm/yyyy",
  amount: "#,##0.00", amountEur: "#,##0.00", offerAmount: "#,##0.00", issuerMarketCap: "#,##0", depositsAndPortfolio: "#,##0",
  quotaThreshold: "0.00%", warningMargin: "0.00%", ownershipPct: "0.00%", lookThroughPct: "0.00%",
};

function addTable(workbook, name, columns, records) {
  const sheet = workbook.addWorksheet(name);
  sheet.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((c) => ({ name: c, filterButton: true })),
    rows: records.map((r) => columns.map((c) => (c in r && r[c] !== undefined ? (c.endsWith("Date") || c === "firstYearEnd" ? (typeof r[c] === "string" ? date(r[c]) : r[c]) : r[c]) : null))),
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, c.length + 4);
    if (FORMATS[c]) column.numFmt = FORMATS[c];
  });
  const wide = columns.indexOf(name === "Funds" ? "fundName" : "issuerName");
  if (wide >= 0) sheet.getColumn(wide + 1).width = 30;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

const workbook = new ExcelJS.Workbook();
workbook.creator = "Fund Quota Monitor";
workbook.created = new Date("2025-12-31T00:00:00Z");
workbook.modified = workbook.created;
addTable(workbook, "Funds", FUND_COLUMNS, source.funds);
addTable(workbook, "Holdings", HOLDING_COLUMNS, holdings);
const holders = source.funds.flatMap((f) => (f.holders ?? []).map(([holderId, holderType, units]) => ({ fundId: f.fundId, holderId, holderType, units })));
addTable(workbook, "Holders", HOLDER_COLUMNS, holders);
// The SCPI's pending orders (the optional Orders register of L. 214-93).
const orders = source.funds.flatMap((f) => (f.orders ?? []).map(([orderId, orderType, registeredDate, units]) => ({ fundId: f.fundId, orderId, orderType, registeredDate, units })));
addTable(workbook, "Orders", ORDER_COLUMNS, orders);
// The registers (WORKBOOK-FORMAT-REGISTERS): small, with one failing row each.
const registers = source.registers ?? {};
for (const name of ["Subscribers", "Trades", "Offers"]) {
  const r = registers[name];
  if (!r) continue;
  addTable(workbook, name, r.columns, r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))));
}
await workbook.xlsx.writeFile(out);
console.log(`${out}: ${source.funds.length} funds, ${holdings.length} positions, ${holders.length} holders`);
