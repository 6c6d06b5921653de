import { describe, expect, it } from "vitest";
import { Dec } from "../../src/engine/decimal";
import { checkOne, fcpr, fundOf, holding, rule } from "../helpers/build";

// Findings of test/properties/unread-completions.property.test.ts: a breach shown beside one
// unreadable (or blank) value that a value read in its place turns into a pass. WORKBOOK-FORMAT §3:
// every rule whose numerator or denominator such a row could enter is `incomplete`; a breach stands
// only when the readable rows decide it.

describe("FIVG-FEED · L. 214-24-57 I « investi en totalité en actions ou parts d'un seul FIA […] et, à titre accessoire, en liquidités »", () => {
  const fivg = fundOf("FIVG_FEEDER", { basis: "FAIR", paidUpSubscriptions: null });
  const master = holding({ assetClass: "FUND_UNITS", masterId: "M1", fairValue: "900000", row: 2 });
  const equity = (extra = {}) => holding({ assetClass: "EQUITY", fairValue: "100000", row: 3, ...extra });

  it("L. 214-24-57 I: shares held beside the master's units: a breach of the closed list", () => {
    expect(rule(checkOne(fivg, [master, equity()]), "FIVG-FEED")).toMatchObject({ status: "breach" });
  });

  it("L. 214-24-57 I: the same shares with their disposalDate unread (they may be sold): incomplete, not a breach", () => {
    const r = rule(checkOne(fivg, [master, equity({ disposalDate: undefined, invalid: ["disposalDate"] })]), "FIVG-FEED");
    expect(r).toMatchObject({ status: "incomplete", partial: true });
    expect(r.reasons?.map((x) => x.code)).toContain("rows-unplaced");
    // Its closed list too: the shares it refuses may be sold.
    expect(r.conditions?.find((c) => c.kind === "closed-list")?.status).toBe("incomplete");
    // Sold before the as-of date, they leave the master alone: a pass.
    expect(rule(checkOne(fivg, [master, equity({ disposalDate: "2024-06-30" })]), "FIVG-FEED").status).toBe("pass");
  });

  it("L. 214-24-57 I « d'un seul FIA »: units of two masters, one of them of unread amount: which is the master is unknown, incomplete", () => {
    const other = holding({ assetClass: "FUND_UNITS", masterId: "M2", fairValue: undefined, invalid: ["fairValue"], row: 3 });
    expect(rule(checkOne(fivg, [master, other]), "FIVG-FEED").status).toBe("incomplete");
    // Read, the larger is the master and the other a second master: a breach either way round.
    const read = holding({ assetClass: "FUND_UNITS", masterId: "M2", fairValue: "100000", row: 3 });
    expect(rule(checkOne(fivg, [master, read]), "FIVG-FEED").status).toBe("breach");
  });

  it("L. 214-24-57 I: the only units, of unread amount: no master is known, incomplete (read, they are the master's: a pass)", () => {
    const only = (fairValue?: string) => holding({ assetClass: "FUND_UNITS", masterId: "M1", fairValue, invalid: fairValue ? [] : ["fairValue"], row: 2 });
    expect(rule(checkOne(fivg, [only()]), "FIVG-FEED").status).toBe("incomplete");
    expect(rule(checkOne(fivg, [only("10000")]), "FIVG-FEED").status).toBe("pass");
  });
});

describe("FCPE-PER-UNL10 · L. 214-164 VII 1° « Jusqu'à 10 % de titres non admis aux négociations sur un marché réglementé »", () => {
  const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, perEligible: true });
  const unlisted = (extra = {}) => holding({ assetClass: "EQUITY", listingStatus: "UNLISTED", fairValue: "200000", row: 2, ...extra });
  const cash = holding({ assetClass: "CASH", fairValue: "800000", row: 3 });

  it("L. 214-164 VII 1°: 20 % of unlisted securities held: a breach", () => {
    expect(rule(checkOne(fcpe, [unlisted(), cash]), "FCPE-PER-UNL10")).toMatchObject({ status: "breach", value: 0.2 });
  });

  it("L. 214-164 VII 1°: the same securities with their disposalDate unread (they may be sold): incomplete, naming the row", () => {
    const r = rule(checkOne(fcpe, [unlisted({ disposalDate: undefined, invalid: ["disposalDate"] }), cash]), "FCPE-PER-UNL10");
    expect(r).toMatchObject({ status: "incomplete", partial: true });
    expect(r.reasons).toEqual([{ code: "rows-unplaced", facts: { rows: [2], more: 0, column: "assetClass" } }]);
  });
});

describe("FPCI-CCA15 · L. 214-160 II 1°, al. 2 « Ces avances en compte courant peuvent être consenties directement à une société appartenant au groupe dans lequel le fonds détient une participation »", () => {
  const eltif = fundOf("FPCI", { basis: "COST", paidUpSubscriptions: "1000000", totalAssets: "1000000", eltifLabel: true, infrastructureObject: true });
  const advance = (ownershipPct?: string) =>
    holding({ issuerId: "INFRA", assetClass: "CURRENT_ACCOUNT_ADVANCE", listingStatus: "UNLISTED", costValue: "200000", ownershipPct, row: 2 });

  it("L. 214-160 II 1°, al. 2: a participation held: the 30 % regime takes the advance, and the 15 % limit passes", () => {
    expect(rule(checkOne(eltif, [advance("0.1")]), "FPCI-CCA15").status).toBe("pass");
  });

  it("L. 214-160 II 1°, al. 2: no participation: the 15 % limit's gate refuses the advance, a breach", () => {
    expect(rule(checkOne(eltif, [advance("0")]), "FPCI-CCA15").status).toBe("breach");
  });

  it("L. 214-160 II 1°, al. 2: ownershipPct blank: which regime is the advance's is unknown, incomplete, naming the line", () => {
    const r = rule(checkOne(eltif, [advance(undefined)]), "FPCI-CCA15");
    expect(r.status).toBe("incomplete");
    expect(r.reasons?.find((x) => x.code === "eltif-advance-unknown")?.facts).toEqual({ lines: [expect.any(String)], article: "L. 214-160 II 1°, al. 2" });
  });
});

describe("SCPI-CCA5 · L. 214-102 II « aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-115 dont elle détient directement ou indirectement au moins 5 % du capital social »", () => {
  const scpi = fundOf("SCPI", { basis: "FAIR", paidUpSubscriptions: null, totalAssets: "1000" });
  const building = holding({ assetClass: "REAL_ESTATE", fairValue: "900", row: 2 });
  // An advance to a company the fund holds no share of: the gate of II refuses it.
  const advance = (extra = {}) => holding({ issuerId: "S", assetClass: "CURRENT_ACCOUNT_ADVANCE", fairValue: "100", row: 3, ...extra });

  it("L. 214-102 II: an advance to a company that is none of the fund's 2° and 3° companies: a breach", () => {
    expect(rule(checkOne(scpi, [building, advance()]), "SCPI-CCA5").status).toBe("breach");
  });

  it("L. 214-102 II: the same advance with its investmentDate unread (it may not be made yet): incomplete, the line still named", () => {
    const r = rule(checkOne(scpi, [building, advance({ investmentDate: undefined, invalid: ["investmentDate"] })]), "SCPI-CCA5");
    expect(r.status).toBe("incomplete");
    expect(r.reasons?.map((x) => x.code)).toEqual(expect.arrayContaining(["position-breaks", "rows-unplaced"]));
    // Made after the as-of date, the fund holds no advance: a pass.
    expect(rule(checkOne(scpi, [building, advance({ investmentDate: "2026-06-01" })]), "SCPI-CCA5").status).toBe("pass");
  });
});

describe("FCPE-SOL5 · L. 214-164 V a « Pour une part comprise entre 5 et 10 %, de parts ou titres émis par des entreprises solidaires agréées […] ou par des fonds communs de placements à risque »", () => {
  const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, solidarityFund: true });
  const cash = holding({ assetClass: "CASH", fairValue: "940000", row: 3 });

  it("L. 214-164 V a: 6 % in an approved solidarity enterprise's shares: within 5 to 10 %", () => {
    const shares = holding({ assetClass: "EQUITY", solidarityEnterprise: true, fairValue: "60000", row: 2 });
    expect(rule(checkOne(fcpe, [shares, cash]), "FCPE-SOL5").status).not.toBe("breach");
  });

  it("L. 214-164 V a « entreprises solidaires agréées »: the same shares with solidarityEnterprise unreadable (not blank, which is no): incomplete, not a breach", () => {
    const shares = holding({ assetClass: "EQUITY", solidarityEnterprise: undefined, invalid: ["solidarityEnterprise"], fairValue: "60000", row: 2 });
    expect(rule(checkOne(fcpe, [shares, cash]), "FCPE-SOL5").status).toBe("incomplete");
  });

  it("L. 214-164 V a « fonds communs de placements à risque »: units whose heldFundType is unreadable, 40 % solidarity: may be an FCPR's, incomplete", () => {
    const units = holding({ assetClass: "FUND_UNITS", heldFundType: undefined, invalid: ["heldFundType"], entitySolidarityShare: new Dec("0.4"), fairValue: "60000", row: 2 });
    expect(rule(checkOne(fcpe, [units, cash]), "FCPE-SOL5").status).toBe("incomplete");
  });
});

describe("FCPE-PER-UNL10 · L. 214-164 VII 1° « Jusqu'à 10 % de titres non admis aux négociations sur un marché réglementé, sans préjudice des dispositions du a du V »", () => {
  const cash = holding({ assetClass: "CASH", fairValue: "800000", row: 3 });

  it("L. 214-164 VII 1°: shares whose listingStatus is unreadable (20 %): on a regulated market they are out, otherwise beyond 10 %: incomplete", () => {
    const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, perEligible: true });
    const shares = (extra = {}) => holding({ assetClass: "EQUITY", fairValue: "200000", row: 2, ...extra });
    expect(rule(checkOne(fcpe, [shares({ listingStatus: "UNLISTED" }), cash]), "FCPE-PER-UNL10").status).toBe("breach");
    expect(rule(checkOne(fcpe, [shares({ listingStatus: "REGULATED" }), cash]), "FCPE-PER-UNL10").status).toBe("pass");
    expect(rule(checkOne(fcpe, [shares({ listingStatus: undefined, invalid: ["listingStatus"] }), cash]), "FCPE-PER-UNL10").status).toBe("incomplete");
  });

  it("L. 214-164 VII 1° « sans préjudice des dispositions du a du V »: unlisted shares whose solidarityEnterprise is unreadable may be counted by V a instead: incomplete", () => {
    const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, perEligible: true, solidarityFund: true });
    const shares = (extra = {}) => holding({ assetClass: "EQUITY", listingStatus: "UNLISTED", fairValue: "200000", row: 2, ...extra });
    expect(rule(checkOne(fcpe, [shares({ solidarityEnterprise: true }), cash]), "FCPE-PER-UNL10").status).toBe("pass");
    expect(rule(checkOne(fcpe, [shares({ solidarityEnterprise: false }), cash]), "FCPE-PER-UNL10").status).toBe("breach");
    expect(rule(checkOne(fcpe, [shares({ solidarityEnterprise: undefined, invalid: ["solidarityEnterprise"] }), cash]), "FCPE-PER-UNL10").status).toBe("incomplete");
  });
});

describe("FPCI-CCA15 · L. 214-160 II 1°, al. 2 « Les titres émis par la société bénéficiaire de l'avance […] ne sont pas admis à la négociation »", () => {
  const eltif = fundOf("FPCI", { basis: "COST", paidUpSubscriptions: "1000000", totalAssets: "1000000", eltifLabel: true, infrastructureObject: true });
  const advance = (extra = {}) => holding({ issuerId: "INFRA", assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "200000", ownershipPct: "0.1", row: 2, ...extra });

  it("L. 214-160 II 1°, al. 2: the beneficiary's listingStatus unreadable: unlisted, the 30 % regime takes the advance (15 % passes); listed, 20 % against 15 %: incomplete", () => {
    expect(rule(checkOne(eltif, [advance({ listingStatus: "UNLISTED" })]), "FPCI-CCA15").status).toBe("pass");
    expect(rule(checkOne(eltif, [advance({ listingStatus: "REGULATED" })]), "FPCI-CCA15").status).toBe("breach");
    const r = rule(checkOne(eltif, [advance({ listingStatus: undefined, invalid: ["listingStatus"] })]), "FPCI-CCA15");
    expect(r.status).toBe("incomplete");
    expect(r.reasons?.map((x) => x.code)).toContain("eltif-advance-unknown");
  });
});

describe("FIP-REG25 · L. 214-31 IV « Lorsque le fonds a choisi une zone géographique constituée d'un ou de plusieurs départements d'outre-mer […], cette limite[ ]est portée à 50 % et s'applique à chacune des collectivités de la zone géographique »", () => {
  const fip = (extra = {}) => fundOf("FIP", { basis: "COST", chosenRegions: ["Guadeloupe"], ...extra });
  const shares = holding({ assetClass: "EQUITY", listingStatus: "UNLISTED", region: "Guadeloupe", costValue: "400000", row: 2 });

  it("L. 214-31 IV: 40 % in one collectivité: a breach of 25 % outside the overseas zone, within its 50 % inside it", () => {
    expect(rule(checkOne(fip({ overseasZone: false }), [shares]), "FIP-REG25").status).toBe("breach");
    expect(rule(checkOne(fip({ overseasZone: true }), [shares]), "FIP-REG25").status).toBe("pass");
  });

  it("L. 214-31 IV: overseasZone unreadable (not blank, which is no): incomplete, naming the cell", () => {
    const r = rule(checkOne(fip({ overseasZone: false, invalid: new Set(["overseasZone"]) }), [shares]), "FIP-REG25");
    expect(r.status).toBe("incomplete");
    expect(r.reasons).toContainEqual({ code: "fund-flag-unknown", facts: { column: "overseasZone", article: "L. 214-31 IV" } });
  });
});

describe("FCPE-PER-UNL10 · L. 214-164 VII 1° « sans préjudice des dispositions du a du V », when the fund's solidarityFund cannot be read", () => {
  const shares = holding({ assetClass: "EQUITY", listingStatus: "UNLISTED", solidarityEnterprise: true, fairValue: "200000", row: 2 });
  const cash = holding({ assetClass: "CASH", fairValue: "800000", row: 3 });
  const fcpe = (extra = {}) => fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, perEligible: true, ...extra });

  it("L. 214-164 VII 1°: a solidarity fund's approved enterprise shares are V a's, not counted in the 10 %; another fund's are", () => {
    expect(rule(checkOne(fcpe({ solidarityFund: true }), [shares, cash]), "FCPE-PER-UNL10").status).toBe("pass");
    expect(rule(checkOne(fcpe({ solidarityFund: false }), [shares, cash]), "FCPE-PER-UNL10").status).toBe("breach");
  });

  it("L. 214-164 V, VII 1°: solidarityFund unreadable: incomplete, naming the cell", () => {
    const r = rule(checkOne(fcpe({ solidarityFund: false, invalid: new Set(["solidarityFund"]) }), [shares, cash]), "FCPE-PER-UNL10");
    expect(r.status).toBe("incomplete");
    expect(r.reasons).toContainEqual({ code: "fund-flag-unknown", facts: { column: "solidarityFund", article: "L. 214-164 V" } });
  });
});

describe("PEA-FUND75 · L. 221-31 I 2° « plus de 75 % de leurs actifs en titres mentionnés aux a et b du 1° », when the fund's peaClaim cannot be read", () => {
  // docs/workbook-format.md: a claim that cannot be read may be one: its rules are measured and
  // reported, never left out, as for liquidLabel (L. 214-28 XII).
  const opcvm = (extra = {}) => ({ ...fundOf("OPCVM", { basis: "FAIR", paidUpSubscriptions: null, totalAssets: "1000000" }), ...extra });
  const shares = (fairValue: string) => holding({ assetClass: "EQUITY", issuerCountry: "FR", corporateTax: true, fairValue, costValue: fairValue, row: 2 });
  const cash = (fairValue: string) => holding({ assetClass: "CASH", fairValue, costValue: fairValue, row: 3 });
  const unread = { peaClaim: false, invalid: new Set(["peaClaim"]) };

  it("L. 221-31 I 2°: not claimed, the rule is not reported; claimed, 60 % is a breach", () => {
    expect(checkOne(opcvm(), [shares("600000"), cash("400000")]).rules.map((r) => r.id)).not.toContain("PEA-FUND75");
    expect(rule(checkOne(opcvm({ peaClaim: true }), [shares("600000"), cash("400000")]), "PEA-FUND75").status).toBe("breach");
  });

  it("L. 221-31 I 2°: peaClaim unreadable and 80 % of eligible shares: measured, and met either way", () => {
    expect(rule(checkOne(opcvm(unread), [shares("800000"), cash("200000")]), "PEA-FUND75").status).toBe("pass");
  });

  it("L. 221-31 I 2°: peaClaim unreadable and 60 %: a breach only if the fund claims the PEA, incomplete, naming the cell", () => {
    const r = rule(checkOne(opcvm(unread), [shares("600000"), cash("400000")]), "PEA-FUND75");
    expect(r.status).toBe("incomplete");
    expect(r.reasons).toContainEqual({ code: "fund-flag-unknown", facts: { column: "peaClaim", article: "L. 221-31 I 2° a à c" } });
  });
});

describe("FCPE-SOL5 · L. 214-164 V « fonds solidaires », when the fund's solidarityFund cannot be read", () => {
  const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, solidarityFund: false, invalid: new Set(["solidarityFund"]) });

  it("L. 214-164 V a: solidarityFund unreadable and 2 % of solidarity securities: SOL5 measured, incomplete (a breach only for a solidarity fund)", () => {
    const r = rule(checkOne(fcpe, [holding({ assetClass: "EQUITY", solidarityEnterprise: true, fairValue: "20000", row: 2 }), holding({ assetClass: "CASH", fairValue: "980000", row: 3 })]), "FCPE-SOL5");
    expect(r.status).toBe("incomplete");
    expect(r.reasons).toContainEqual({ code: "fund-flag-unknown", facts: { column: "solidarityFund", article: "L. 214-164 V a" } });
  });
});

describe("FCPE-PER-UNL10 · L. 214-164 VII 1° « Jusqu'à 10 % »: a position it cannot place only adds", () => {
  it("L. 214-164 VII 1°: 20 % of unlisted securities read, beside securities of unreadable listing: a breach whatever their listing", () => {
    const fcpe = fundOf("FCPE", { basis: "FAIR", paidUpSubscriptions: null, perEligible: true });
    const r = rule(
      checkOne(fcpe, [
        holding({ assetClass: "EQUITY", listingStatus: "UNLISTED", fairValue: "200000", row: 2 }),
        holding({ assetClass: "EQUITY", listingStatus: undefined, invalid: ["listingStatus"], fairValue: "50000", row: 3 }),
        holding({ assetClass: "CASH", fairValue: "750000", row: 4 }),
      ]),
      "FCPE-PER-UNL10"
    );
    expect(r).toMatchObject({ status: "breach", partial: true });
  });
});

describe("FCPR-Q50 · L. 214-28 II 2° « droits représentatifs d'un placement financier dans une entité constituée dans un État membre de l'Organisation de coopération et de développement économiques »", () => {
  const equity = holding({ assetClass: "EQUITY", costValue: "400000", row: 2 });
  const rights = (entityOecd: boolean, invalid: string[] = []) =>
    holding({ assetClass: "ENTITY_RIGHTS", costValue: "200000", lookThroughPct: "1", entityOecd, invalid, row: 3 });

  it("L. 214-28 II 2°: rights in an entity of an OECD State count: 60 %, a pass; of another State they do not: 40 %, a breach", () => {
    expect(rule(checkOne(fcpr(), [equity, rights(true)]), "FCPR-Q50")).toMatchObject({ status: "pass", value: 0.6 });
    expect(rule(checkOne(fcpr(), [equity, rights(false)]), "FCPR-Q50")).toMatchObject({ status: "breach", value: 0.4 });
  });

  it("L. 214-28 II 2°: with entityOecd unreadable (not « no »), the rights may count: incomplete, 40 % partial, not a breach", () => {
    const r = rule(checkOne(fcpr(), [equity, rights(false, ["entityOecd"])]), "FCPR-Q50");
    expect(r).toMatchObject({ status: "incomplete", partial: true, value: 0.4 });
  });
});

describe("FCPR-CCA15 · L. 214-28 II 1° « dans la limite de 15 % », a condition beside a row of blank class", () => {
  const advance = (costValue: string, ownershipPct: string) =>
    holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "ACME", costValue, ownershipPct, row: 3 });

  it("L. 214-28 II 1°: an advance to a company held below 5 % breaks the gate whatever else is read; the 15 % met by the rows read is not known with a row of blank class (it may be an advance): incomplete, not met", () => {
    const blank = holding({ assetClass: undefined, costValue: "100000", row: 4 });
    const r = rule(checkOne(fcpr(), [holding({ assetClass: "EQUITY", issuerId: "ACME", costValue: "600000", ownershipPct: "0.01", row: 2 }), advance("100000", "0.01"), blank]), "FCPR-CCA15");
    expect(r.status).toBe("breach");
    expect(r.conditions?.find((c) => c.id === "gate-5")?.status).toBe("breach");
    // 10 % read; 20 % if the row is an advance.
    expect(r.conditions?.find((c) => c.id === "limit-15")?.status).toBe("incomplete");
  });
});
