import { describe, expect, it } from "vitest";
import { checkOne, checkWith, fundOf, holder, holding, positionOf, rule } from "../helpers/build";

// Golden tests for L. 214-30 (FCPI) and L. 214-31 (FIP), from texts/cmf-livre-ii.txt. Funds are
// measured at cost over 1,000,000 EUR, inside the window of L. 214-28 V on 2025-12-31, no warning margin.
const fcpi = (spec = {}) => fundOf("FCPI", { constitutionDate: "2022-01-15", ...spec });
const fip = (spec = {}) => fundOf("FIP", { constitutionDate: "2022-01-15", chosenRegions: ["Bretagne", "Pays de la Loire"], ...spec });
const innov = (costValue: string, extra = {}) => holding({ assetClass: "EQUITY", costValue, fcpiEligible: true, acquisitionMode: "SUBSCRIPTION", ...extra });
const local = (costValue: string, extra = {}) => holding({ assetClass: "EQUITY", costValue, fipEligible: true, region: "Bretagne", acquisitionMode: "SUBSCRIPTION", ...extra });

describe("FCPI-Q70 · L. 214-30 I: « pour 70 % au moins » of eligible securities, SARL parts and advances", () => {
  it("L. 214-30 I: exactly 70 % passes « au moins », one cent less is a breach", () => {
    expect(rule(checkOne(fcpi(), [innov("700000")]), "FCPI-Q70")).toMatchObject({ status: "pass", value: 0.7, threshold: 0.7 });
    expect(rule(checkOne(fcpi(), [innov("699999.99")]), "FCPI-Q70")).toMatchObject({ status: "breach", headroom: "-0.01" });
  });

  it("L. 214-30 I: a company not meeting the conditions of I does not count, and says why", () => {
    const report = checkOne(fcpi(), [innov("700000"), innov("100000", { fcpiEligible: false, row: 30 })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 30).excluded[0]).toMatchObject({ rule: "FCPI-Q70", article: "L. 214-30 I" });
  });

  it("L. 214-30 I (vintage): a fund constituted on 2013-12-31 keeps 60 %; one constituted on 2014-01-01 has 70 %", () => {
    expect(rule(checkOne(fcpi({ constitutionDate: "2013-12-31", firstYearEnd: "2022-12-31" }), [innov("600000")]), "FCPI-Q70")).toMatchObject({ threshold: 0.6, status: "pass" });
    expect(rule(checkOne(fcpi({ constitutionDate: "2014-01-01", firstYearEnd: "2022-12-31" }), [innov("600000")]), "FCPI-Q70")).toMatchObject({ threshold: 0.7, status: "breach" });
  });

  it("L. 214-30 I: quotaThreshold overrides the 70 %", () => {
    expect(rule(checkOne(fcpi({ quotaThreshold: "0.75" }), [innov("720000")]), "FCPI-Q70")).toMatchObject({ threshold: 0.75, status: "breach" });
  });

  it("L. 214-30 I by L. 214-28 II 1°: an advance counts only to a company held at least 5 %, and the 15 % limit applies", () => {
    const report = checkOne(fcpi(), [
      innov("650000", { issuerId: "A", ownershipPct: "0.3" }),
      holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", costValue: "50000", fcpiEligible: true }),
      holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "B", costValue: "20000", fcpiEligible: true, ownershipPct: "0.04", row: 31 }),
    ]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(rule(report, "FCPR-CCA15").status).toBe("breach");
    expect(positionOf(report, 31).excluded[0].reason).toMatch(/holds 4 % .* requires at least 5 %/);
  });

  it("L. 214-30 I by L. 214-28 III: listed small caps of eligible companies count within 20 % of the asset", () => {
    // A regulated market: an SME growth market is I 1° b) (see below).
    const smallCap = holding({ assetClass: "EQUITY", costValue: "250000", fcpiEligible: true, listingStatus: "REGULATED", listingCountry: "FR", marketCap: "80000000", investmentDate: "2023-01-10", acquisitionMode: "SUBSCRIPTION" });
    const report = checkOne(fcpi(), [innov("500000"), smallCap]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(rule(report, "FCPR-B20")).toMatchObject({ status: "info", numerator: "250000.00" });
  });
});

describe("FCPI-L5Y · L. 214-30 II: admitted after the initial investment, counted « pendant une durée de cinq ans à compter de leur admission »", () => {
  const later = innov("200000", { listingStatus: "REGULATED", listingCountry: "FR", marketCap: "500000000", investmentDate: "2019-03-01", listingDate: "2020-06-30", row: 40 });
  it("L. 214-30 II: counted on the fifth anniversary of admission", () => {
    const report = checkOne(fcpi(), [innov("500000"), later], "2025-06-30");
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(rule(report, "FCPI-L5Y")).toMatchObject({ status: "info", numerator: "200000.00" });
    expect(positionOf(report, 40).graceEndsOn).toBe("2025-06-30");
  });
  it("L. 214-30 II: no longer counted the day after", () => {
    const report = checkOne(fcpi(), [innov("500000"), later], "2025-07-01");
    expect(rule(report, "FCPI-Q70").numerator).toBe("500000.00");
    expect(positionOf(report, 40).excluded[0].article).toBe("L. 214-30 II");
  });
});

describe("FCPI-FRESH40 · L. 214-30 III A 1°: fresh capital « au moins 40 % de l'actif du fonds »", () => {
  it("L. 214-30 III A 1°: subscriptions, bonds redeemed in shares and converted bonds count; exactly 40 % passes", () => {
    const report = checkOne(fcpi(), [
      innov("200000"),
      innov("100000", { acquisitionMode: "BOND_REDEEMED_IN_SHARES" }),
      innov("100000", { acquisitionMode: "BOND_CONVERTED" }),
      innov("300000", { acquisitionMode: "FOLLOW_ON" }),
    ]);
    expect(rule(report, "FCPI-FRESH40")).toMatchObject({ status: "pass", value: 0.4 });
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
  });
  it("L. 214-30 III A 1°: unconverted convertible bonds and advances count in the 70 % but not in the 40 %", () => {
    const report = checkOne(fcpi(), [
      innov("399999.99"),
      holding({ assetClass: "CONVERTIBLE_BOND", costValue: "200000", fcpiEligible: true, acquisitionMode: "CONVERTIBLE_HELD" }),
      holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "100000.01", fcpiEligible: true, ownershipPct: "0.2" }),
    ]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "pass", numerator: "700000.00" });
    expect(rule(report, "FCPI-FRESH40")).toMatchObject({ status: "breach", numerator: "399999.99" });
  });
  it("L. 214-30 III A 1°: a blank acquisitionMode is not fresh capital and warns on the row", () => {
    const report = checkOne(fcpi(), [innov("700000", { acquisitionMode: undefined, row: 50 })]);
    expect(rule(report, "FCPI-FRESH40").numerator).toBe("0.00");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", row: 50, column: "acquisitionMode" }));
  });
  it("L. 214-30 III A 1°: the 40 % binds in the same window as the 70 %", () => {
    expect(rule(checkOne(fcpi(), [innov("100000")], "2023-12-30"), "FCPI-FRESH40").status).toBe("not-binding");
  });
});

describe("FCPI-Q70 · L. 214-30 III A 2° a): secondary shares count only while « leur valeur est inférieure à la valeur des titres … mentionnés au 1° »", () => {
  it("L. 214-30 III A 2° a): a secondary purchase below the fresh capital held in the same company counts", () => {
    const report = checkOne(fcpi(), [innov("400000", { issuerId: "X" }), innov("300000", { issuerId: "X", acquisitionMode: "SECONDARY_PURCHASE" })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
  });
  it("L. 214-30 III A 2° a): a secondary purchase equal to the fresh capital is not « inférieure » and does not count", () => {
    const report = checkOne(fcpi(), [innov("350000", { issuerId: "X" }), innov("350000", { issuerId: "X", acquisitionMode: "SECONDARY_PURCHASE", row: 60 })]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ numerator: "350000.00", status: "breach" });
    expect(positionOf(report, 60).excluded[0]).toMatchObject({ article: "L. 214-30 III A 2° a)" });
  });
});

describe("FCPI-Q70 · L. 214-30 III A 2° a): « de cette société »: one company's rows whatever the case or spaces of its issuerId (ids match as fund ids do)", () => {
  it("L. 214-30 III A 2° a): purchases of « X » and « x » (200 000 each) are one company's 400 000, not below its 350 000 of fresh capital: neither counts, a breach (was a pass at 700 000)", () => {
    const report = checkOne(fcpi(), [
      innov("350000", { issuerId: "X" }),
      innov("150000", { issuerId: "Y" }),
      innov("200000", { issuerId: "X", acquisitionMode: "SECONDARY_PURCHASE", row: 61 }),
      innov("200000", { issuerId: "x ", acquisitionMode: "SECONDARY_PURCHASE", row: 62 }),
    ]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ numerator: "500000.00", status: "breach" });
    expect(positionOf(report, 62).excluded[0]).toMatchObject({ article: "L. 214-30 III A 2° a)" });
  });
});

describe("FIP-Q70, FIP-FRESH40 · L. 214-31 I: the FIP's 70 % in companies of the regions it chose", () => {
  it("L. 214-31 I: exactly 70 % of eligible companies of the chosen regions passes", () => {
    expect(rule(checkOne(fip(), [local("250000"), local("250000", { region: "pays de la loire" }), local("200000", { region: "BRETAGNE" })]), "FIP-Q70")).toMatchObject({ status: "pass", value: 0.7 });
  });
  it("L. 214-31 I 1°: a company of a region the fund did not choose does not count", () => {
    const report = checkOne(fip(), [local("700000"), local("100000", { region: "Normandie", row: 70 })]);
    expect(rule(report, "FIP-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 70).excluded[0].reason).toMatch(/Normandie\) is not among the regions/);
  });
  it("L. 214-31 I 1°: without chosen regions the quota is incomplete", () => {
    expect(rule(checkOne(fip({ chosenRegions: undefined }), [local("700000")]), "FIP-Q70").status).toBe("incomplete");
  });
  it("L. 214-31 III A 1°: the FIP's fresh capital, at least 40 %", () => {
    expect(rule(checkOne(fip(), [local("400000"), local("300000", { acquisitionMode: "SECONDARY_PURCHASE", issuerId: "S" })]), "FIP-FRESH40")).toMatchObject({ status: "pass", value: 0.4 });
  });
});

describe("FIP-L5Y · L. 214-31 II: admitted after the initial investment, counted « pendant une durée de cinq ans à compter de leur admission »", () => {
  const later = local("200000", { listingStatus: "REGULATED", listingCountry: "FR", marketCap: "500000000", investmentDate: "2019-03-01", listingDate: "2020-06-30", row: 41 });
  it("L. 214-31 II: counted on the fifth anniversary of admission, not the day after", () => {
    const on = checkOne(fip(), [local("500000"), later], "2025-06-30");
    expect(rule(on, "FIP-Q70").numerator).toBe("700000.00");
    expect(rule(on, "FIP-L5Y")).toMatchObject({ status: "info", numerator: "200000.00" });
    const after = checkOne(fip(), [local("500000"), later], "2025-07-01");
    expect(rule(after, "FIP-Q70").numerator).toBe("500000.00");
    expect(rule(after, "FIP-L5Y").numerator).toBe("0.00");
    expect(positionOf(after, 41).excluded[0].article).toBe("L. 214-31 II");
  });
});

describe("FIP-REG25 · L. 214-31 IV: « ne peut être constitué à plus de 25 % » of companies of one region", () => {
  it("L. 214-31 IV: exactly 25 % in one region passes; every region is reported in groups", () => {
    const r = rule(checkOne(fip(), [local("250000"), local("200000", { region: "Pays de la Loire" }), holding({ assetClass: "EQUITY", costValue: "100000", region: "Normandie" })]), "FIP-REG25");
    expect(r).toMatchObject({ status: "pass", value: 0.25, numerator: "250000.00" });
    expect(r.groups!.map((g) => [g.key, g.value, g.status])).toEqual([
      ["Bretagne", 0.25, "pass"],
      ["Pays de la Loire", 0.2, "pass"],
      ["Normandie", 0.1, "pass"],
    ]);
  });
  it("L. 214-31 IV: a region written several ways is named as the fund chose it, else by its first spelling in code-point order, whatever the order of the rows", () => {
    const rows = () => [local("100000", { region: "BRETAGNE", row: 2 }), local("100000", { region: "Bretagne", row: 3 }), local("50000", { region: "normandie", row: 4 }), local("50000", { region: "Normandie", row: 5 })];
    for (const holdings of [rows(), rows().reverse()]) {
      const r = rule(checkOne(fip(), holdings), "FIP-REG25");
      expect(r.groups!.map((g) => [g.key, g.numerator])).toEqual([
        ["Bretagne", "200000.00"],
        ["Normandie", "100000.00"],
      ]);
    }
  });
  it("L. 214-31 IV: two regions of equal weight are named and listed in one order whatever the order of the rows (sorting the table changes nothing)", () => {
    const rows = () => [local("250000", { region: "Normandie", row: 2 }), local("250000", { region: "Bretagne", row: 3 })];
    for (const holdings of [rows(), rows().reverse()]) {
      const r = rule(checkOne(fip(), holdings), "FIP-REG25");
      expect(r.reasons?.[0]).toMatchObject({ code: "largest-region", facts: { region: "Bretagne" } });
      expect(r.groups!.map((g) => g.key)).toEqual(["Bretagne", "Normandie"]);
    }
  });
  it("L. 214-31 IV: one cent above 25 % is a breach, counting companies eligible or not, advances included", () => {
    const r = rule(checkOne(fip(), [local("200000"), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "50000.01", region: "Bretagne", ownershipPct: "0.1" })]), "FIP-REG25");
    expect(r).toMatchObject({ status: "breach", headroom: "-0.01" });
  });
  it("L. 214-31 IV: for an overseas zone the limit is 50 % for each collectivité", () => {
    const zone = fip({ chosenRegions: ["La Réunion", "Mayotte"], overseasZone: true });
    expect(rule(checkOne(zone, [local("500000", { region: "La Réunion" })]), "FIP-REG25")).toMatchObject({ status: "pass", threshold: 0.5 });
    expect(rule(checkOne(zone, [local("500000.01", { region: "La Réunion" })]), "FIP-REG25").status).toBe("breach");
  });
});

describe("FIP-H20, FIP-H10, FIP-H30 · L. 214-31 VI: units « ne peuvent pas être détenues » above 20 %, 10 % and 30 %", () => {
  const base = [local("700000")];
  it("L. 214-31 VI 1°: two investors at exactly 20 % each pass", () => {
    const report = checkWith(fip(), base, [
      holder({ holderId: "H1", holderType: "NATURAL", units: "200" }),
      holder({ holderId: "H2", holderType: "LEGAL", units: "200" }),
      holder({ holderId: "H3", holderType: "NATURAL", units: "150" }),
      holder({ holderId: "H4", holderType: "NATURAL", units: "150" }),
      holder({ holderId: "H5", holderType: "NATURAL", units: "150" }),
      holder({ holderId: "H6", holderType: "NATURAL", units: "150" }),
    ]);
    expect(rule(report, "FIP-H20")).toMatchObject({ status: "pass", value: 0.2, denominator: "1000.00" });
  });
  it("L. 214-31 VI 1°: two investors of equal units are named and listed in one order whatever the order of the Holders rows", () => {
    const holders = () => [
      holder({ holderId: "H2", holderType: "NATURAL", units: "300", row: 2 }),
      holder({ holderId: "H1", holderType: "NATURAL", units: "300", row: 3 }),
      holder({ holderId: "H3", holderType: "NATURAL", units: "400", row: 4 }),
    ];
    const seen = [holders(), holders().reverse()].map((list) => {
      const r = rule(checkWith(fip(), base, list), "FIP-H20");
      return [r.reasons, r.groups?.map((g) => g.key)];
    });
    expect(seen[1]).toEqual(seen[0]);
  });
  it("L. 214-31 VI 1°: one investor's rows add up, and above 20 % is a breach", () => {
    const others = Array.from({ length: 4 }, (_, i) => holder({ holderId: `H${i + 2}`, holderType: "NATURAL", units: "197.5" }));
    const report = checkWith(fip(), base, [holder({ holderId: "H1", holderType: "NATURAL", units: "150" }), holder({ holderId: "H1", holderType: "NATURAL", units: "60" }), ...others]);
    expect(rule(report, "FIP-H20")).toMatchObject({ status: "breach", value: 0.21, numerator: "210.00" });
  });
  it("L. 214-31 VI 1° « par un même investisseur »: rows whose holderId differs only in case or spaces are one investor (contract §3), so 15 % and 6 % are 21 %, a breach", () => {
    const others = Array.from({ length: 4 }, (_, i) => holder({ holderId: `H${i + 2}`, holderType: "NATURAL", units: "197.5" }));
    const report = checkWith(fip(), base, [holder({ holderId: "h1", holderType: "NATURAL", units: "150" }), holder({ holderId: " H1 ", holderType: "NATURAL", units: "60" }), ...others]);
    expect(rule(report, "FIP-H20")).toMatchObject({ status: "breach", value: 0.21, numerator: "210.00" });
    expect(rule(report, "FIP-H20").groups?.[0].key).toBe("H1");
  });
  it("L. 214-31 VI 2° and 3°: one public-law legal person at most 10 %, all of them together at most 30 %", () => {
    const holders = [
      holder({ holderId: "Region", holderType: "PUBLIC_LAW_LEGAL", units: "100" }),
      holder({ holderId: "Dept", holderType: "PUBLIC_LAW_LEGAL", units: "100" }),
      holder({ holderId: "City", holderType: "PUBLIC_LAW_LEGAL", units: "100.01" }),
      ...Array.from({ length: 5 }, (_, i) => holder({ holderId: `P${i}`, holderType: "NATURAL", units: i === 0 ? "99.99" : "150" })),
    ];
    const report = checkWith(fip(), base, holders);
    expect(rule(report, "FIP-H10")).toMatchObject({ status: "breach" });
    expect(rule(report, "FIP-H30")).toMatchObject({ status: "breach", numerator: "300.01" });
  });
  it("L. 214-31 VI: without a Holders table the caps are incomplete, not passed", () => {
    expect(rule(checkOne(fip(), base), "FIP-H20").status).toBe("incomplete");
  });
});

// L. 214-30 I 1° b): « Ne pas avoir de titres admis aux négociations sur un marché réglementé ou un
// système multilatéral de négociation … sauf si ce marché est un système multilatéral de négociation où
// la majorité des instruments admis à la négociation sont émis par des petites et moyennes entreprises ».
// Contract §3: such issuers count in the 70 % quota as I assets, and in the 40 % fresh capital when
// their acquisition mode qualifies; a fresh-capital numerator never exceeds the quota's.
describe("FCPI-Q70 · L. 214-30 I 1° b): issuers listed on an SME growth market at the initial investment", () => {
  const onSmeMarket = (costValue: string, extra = {}) =>
    holding({ assetClass: "EQUITY", costValue, fcpiEligible: true, fipEligible: true, region: "Bretagne", listingStatus: "MTF_SME", listingCountry: "FR", marketCap: "400000000", investmentDate: "2023-01-10", acquisitionMode: "SUBSCRIPTION", ...extra });

  it("L. 214-30 I 1° b): counted in full in FCPI-Q70 as an I asset (no 20 % bucket, no 150 M€ test), and in FCPI-FRESH40", () => {
    const report = checkOne(fcpi(), [innov("400000"), onSmeMarket("300000", { row: 960 })]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "pass", numerator: "700000.00" });
    expect(rule(report, "FCPI-FRESH40").numerator).toBe("700000.00");
    expect(rule(report, "FCPR-B20").numerator).toBe("0.00");
    expect(positionOf(report, 960).counted[0]).toMatchObject({ rule: "FCPI-Q70", article: "L. 214-30 I 1° b)" });
  });

  it("L. 214-30 I 1° b): the other side: an MTF that is not an SME growth market is not I; its small cap goes to the 20 % bucket", () => {
    const report = checkOne(fcpi(), [innov("400000"), onSmeMarket("300000", { listingStatus: "MTF_OTHER", marketCap: "80000000" })]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "breach", numerator: "600000.00" });
    expect(rule(report, "FCPR-B20").numerator).toBe("300000.00");
  });

  it("L. 214-30 III A 1°: bought from other holders, it counts in the 70 % but not in the fresh 40 %", () => {
    const report = checkOne(fcpi(), [innov("400000", { issuerId: "X" }), onSmeMarket("100000", { issuerId: "Y", acquisitionMode: "SUBSCRIPTION" }), onSmeMarket("50000", { issuerId: "Y", acquisitionMode: "SECONDARY_PURCHASE" })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("550000.00");
    expect(rule(report, "FCPI-FRESH40").numerator).toBe("500000.00");
  });

  it("L. 214-31 I (by L. 214-30 I 1° b)): the FIP counts it in FIP-Q70 the same way", () => {
    const report = checkOne(fundOf("FIP", { chosenRegions: ["Bretagne"] }), [innov("400000", { fipEligible: true, region: "Bretagne" }), onSmeMarket("300000")]);
    expect(rule(report, "FIP-Q70").numerator).toBe("700000.00");
  });
});

describe("FCPI-FRESH40 · L. 214-30 III A 1°: the fresh-capital numerator never exceeds the quota's", () => {
  const regulatedSmallCap = (costValue: string) =>
    holding({ assetClass: "EQUITY", costValue, fcpiEligible: true, listingStatus: "REGULATED", listingCountry: "FR", marketCap: "80000000", investmentDate: "2023-01-10", acquisitionMode: "SUBSCRIPTION" });

  it("L. 214-28 III: fresh capital in the bucket of exactly 20 % all counts", () => {
    const report = checkOne(fcpi(), [innov("200000", { acquisitionMode: "SECONDARY_PURCHASE", issuerId: "S" }), regulatedSmallCap("200000")]);
    expect(rule(report, "FCPI-FRESH40").numerator).toBe("200000.00");
  });

  it("L. 214-28 III: fresh capital in the bucket above 20 % counts only as the quota counts it (was counted in full, 30 %, and passed 40 % with the rest)", () => {
    const report = checkOne(fcpi(), [innov("100000"), regulatedSmallCap("300000")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("300000.00");
    expect(rule(report, "FCPI-FRESH40")).toMatchObject({ numerator: "300000.00", status: "breach" });
    for (const id of ["FCPI-Q70", "FCPI-FRESH40"]) {
      const r = rule(report, id);
      expect(BigInt(r.numerator!.replace(".", "")) <= BigInt(rule(report, "FCPI-Q70").numerator!.replace(".", "")), id).toBe(true);
    }
  });
});
