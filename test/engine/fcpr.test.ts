import { describe, expect, it } from "vitest";
import { checkOne, fcpr, holding, positionOf, rule, unlisted } from "../helpers/build";

// Golden tests for L. 214-28 (texts/cmf-livre-ii.txt). Each test names the paragraph it checks;
// unless stated, the fund is measured at cost over 1,000,000 EUR of paid-up subscriptions,
// inside its quota window on 2025-12-31, with no warning margin.

describe("FCPR-Q50 · L. 214-28 I: « pour 50 % au moins » of unlisted securities", () => {
  it("L. 214-28 I: exactly 50 % of unlisted equity passes « au moins »", () => {
    const r = rule(checkOne(fcpr(), [unlisted("500000")]), "FCPR-Q50");
    expect(r.status).toBe("pass");
    expect(r.value).toBe(0.5);
    expect(r.numerator).toBe("500000.00");
    expect(r.denominator).toBe("1000000.00");
    expect(r.headroom).toBe("0.00");
  });

  it("L. 214-28 I: one cent below 50 % is a breach, with the shortfall in EUR", () => {
    const r = rule(checkOne(fcpr(), [unlisted("499999.99")]), "FCPR-Q50");
    expect(r.status).toBe("breach");
    expect(r.headroom).toBe("-0.01");
  });

  it("L. 214-28 I: titres participatifs, titres associatifs and securities giving access to capital count when not admitted to trading", () => {
    const report = checkOne(fcpr(), [
      holding({ assetClass: "TITRE_PARTICIPATIF", costValue: "100000", row: 10 }),
      holding({ assetClass: "TITRE_ASSOCIATIF", costValue: "100000", row: 11 }),
      holding({ assetClass: "EQUITY_ACCESS", costValue: "100000", row: 12 }),
      holding({ assetClass: "CONVERTIBLE_BOND", costValue: "100000", row: 13 }),
      holding({ assetClass: "MANDATORY_REDEEMABLE_BOND", costValue: "100000", row: 14 }),
    ]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(positionOf(report, 13).counted[0]).toMatchObject({ rule: "FCPR-Q50", article: "L. 214-28 I" });
  });

  it("L. 214-28 I: parts de SARL count « par dérogation », whatever the listing field says", () => {
    const report = checkOne(fcpr(), [holding({ assetClass: "SARL_PARTS", costValue: "600000", listingStatus: "REGULATED" })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", value: 0.6 });
  });

  it("L. 214-28 I: securities admitted to trading when bought are not I securities", () => {
    const report = checkOne(fcpr(), [
      unlisted("400000"),
      holding({ assetClass: "EQUITY", costValue: "300000", listingStatus: "REGULATED", listingCountry: "US", marketCap: "50000000", investmentDate: "2023-05-01", row: 40 }),
    ]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "breach", value: 0.4 });
    expect(positionOf(report, 40).excluded[0].reason).toMatch(/outside the EU and the EEA/);
  });

  it("L. 214-28 I: cash, deposits and fund units are not quota assets, and each says why", () => {
    const report = checkOne(fcpr(), [unlisted("500000"), holding({ assetClass: "CASH", costValue: "300000", row: 50 }), holding({ assetClass: "FUND_UNITS", costValue: "200000", row: 51 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(positionOf(report, 50).excluded[0]).toMatchObject({ rule: "FCPR-Q50", article: "L. 214-28 I" });
    expect(positionOf(report, 51).excluded[0].reason).toMatch(/FUND_UNITS is not among the assets/);
  });

  it("L. 214-28 I: the fund's quotaThreshold overrides 50 %", () => {
    const r = rule(checkOne(fcpr({ quotaThreshold: "0.6" }), [unlisted("550000")]), "FCPR-Q50");
    expect(r).toMatchObject({ status: "breach", threshold: 0.6, headroom: "-50000.00" });
  });

  it("L. 214-28 I: a passing quota within the warning margin is a warning, at the margin it passes", () => {
    expect(rule(checkOne(fcpr({ warningMargin: "0.02" }), [unlisted("519999.99")]), "FCPR-Q50").status).toBe("warning");
    expect(rule(checkOne(fcpr({ warningMargin: "0.02" }), [unlisted("520000")]), "FCPR-Q50").status).toBe("pass");
  });

  it("L. 214-28 I: amounts are summed exactly (0.10 + 0.20 is 0.30, not 0.30000000000000004)", () => {
    const report = checkOne(fcpr({ paidUpSubscriptions: "0.60" }), [unlisted("0.10"), unlisted("0.20")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ numerator: "0.30", value: 0.5, status: "pass" });
  });

  it("L. 214-28 I: a ratio and a headroom are exact to the cent on the contract's example", () => {
    const r = rule(checkOne(fcpr({ paidUpSubscriptions: "10000000" }), [unlisted("5312000")]), "FCPR-Q50");
    expect(r).toMatchObject({ value: 0.5312, numerator: "5312000.00", denominator: "10000000.00", headroom: "312000.00" });
  });
});

describe("FCPR-CCA15 · L. 214-28 II 1°: current-account advances « dans la limite de 15 % », to companies held « au moins 5 % »", () => {
  it("L. 214-28 II 1°: an advance to a company held exactly 5 % passes the gate and counts toward the quota", () => {
    const report = checkOne(fcpr(), [unlisted("450000", { issuerId: "A" }), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", costValue: "50000", ownershipPct: "0.05", row: 60 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "500000.00" });
    expect(rule(report, "FCPR-CCA15").status).toBe("pass");
    expect(positionOf(report, 60).counted.map((c) => c.rule)).toEqual(["FCPR-CCA15", "FCPR-Q50"]);
  });

  it("L. 214-28 II 1°: an advance to a company held 4.99 % is excluded from the quota and breaches FCPR-CCA15, naming the position", () => {
    const report = checkOne(fcpr(), [unlisted("500000", { issuerId: "A" }), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", issuerName: "Acme SAS", lineId: "ADV-1", costValue: "50000", ownershipPct: "0.0499", row: 61 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    const cca = rule(report, "FCPR-CCA15");
    expect(cca.status).toBe("breach");
    expect(cca.message).toContain("ADV-1");
    expect(positionOf(report, 61).excluded[0]).toMatchObject({
      rule: "FCPR-Q50",
      article: "L. 214-28 II 1°",
      reason: "advance excluded: the fund holds 4.99 % of Acme SAS, L. 214-28 II 1° requires at least 5 %.",
    });
  });

  it("L. 214-28 II 1°: an advance takes the fund's ownership from its issuer's other rows", () => {
    const report = checkOne(fcpr(), [unlisted("450000", { issuerId: "A", ownershipPct: "0.12" }), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", costValue: "50000", row: 62 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(positionOf(report, 62).counted[1].note).toContain("12 %");
  });

  it("L. 214-28 II 1°: an advance to a company that does not meet the conditions of I is allowed but not counted", () => {
    const report = checkOne(fcpr(), [
      holding({ assetClass: "EQUITY", issuerId: "L", costValue: "100000", listingStatus: "REGULATED", listingCountry: "FR", marketCap: "900000000", investmentDate: "2023-01-01", ownershipPct: "0.1" }),
      holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "L", costValue: "50000", row: 63 }),
    ]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("0.00");
    expect(rule(report, "FCPR-CCA15")).toMatchObject({ status: "pass", numerator: "50000.00" });
    expect(positionOf(report, 63).excluded[0].reason).toMatch(/do not count in the quota of I/);
  });

  it("L. 214-28 II 1° « qui remplissent les conditions pour être retenues dans le quota »: an advance to l (its issuerId written in lowercase) is an advance to L, whose listed shares do not count in I: not counted (a false pass when read as another company)", () => {
    const listedShares = holding({ assetClass: "EQUITY", issuerId: "L", costValue: "100000", listingStatus: "REGULATED", listingCountry: "FR", marketCap: "900000000", investmentDate: "2023-01-01", ownershipPct: "0.1" });
    const advance = holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: " l", costValue: "100000", ownershipPct: "0.1", row: 65 });
    const report = checkOne(fcpr(), [unlisted("450000", { issuerId: "U" }), listedShares, advance]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "breach", numerator: "450000.00" });
    expect(positionOf(report, 65).excluded[0].reason).toMatch(/do not count in the quota of I/);
  });

  it("L. 214-28 II 1°: an advance takes the fund's ownership from its issuer's other rows, the issuerId matched ignoring case", () => {
    const report = checkOne(fcpr(), [unlisted("450000", { issuerId: "Acme", ownershipPct: "0.12" }), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "ACME", costValue: "50000", row: 66 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "500000.00" });
  });

  it("L. 214-28 II 1°: advances of exactly 15 % pass « dans la limite de 15 % »; one cent more is a breach", () => {
    const adv = (v: string) => holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: v, ownershipPct: "0.2" });
    expect(rule(checkOne(fcpr(), [unlisted("500000"), adv("150000")]), "FCPR-CCA15")).toMatchObject({ status: "pass", value: 0.15, headroom: "0.00" });
    expect(rule(checkOne(fcpr(), [unlisted("500000"), adv("150000.01")]), "FCPR-CCA15")).toMatchObject({ status: "breach", headroom: "-0.01" });
  });

  it("L. 214-28 II 1°: advances above 15 % count toward the quota only up to 15 %", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "250000", ownershipPct: "0.3" })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ numerator: "450000.00", status: "breach" });
  });

  it("L. 214-28 II 1°: an advance whose ownership is unknown makes both rules incomplete", () => {
    const report = checkOne(fcpr(), [unlisted("600000"), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "50000", row: 64 })]);
    expect(rule(report, "FCPR-CCA15").status).toBe("incomplete");
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "incomplete", partial: true, value: 0.6 });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ table: "Holdings", row: 64, column: "ownershipPct" }));
  });
});

describe("FCPR-Q50 · L. 214-28 II 2°: entity rights « qu'à concurrence du pourcentage d'investissement direct »", () => {
  it("L. 214-28 II 2°: rights in an OECD entity count at the entity's look-through percentage", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), holding({ assetClass: "ENTITY_RIGHTS", costValue: "320000", entityOecd: true, lookThroughPct: "0.625", row: 70 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ numerator: "500000.00", status: "pass" });
    expect(positionOf(report, 70).counted[0]).toMatchObject({ amount: "200000.00", article: "L. 214-28 II 2°" });
  });

  it("L. 214-28 II 2°: rights in an entity not constituted in an OECD member state do not count", () => {
    const report = checkOne(fcpr(), [unlisted("500000"), holding({ assetClass: "ENTITY_RIGHTS", costValue: "320000", entityOecd: false, lookThroughPct: "1", row: 71 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(positionOf(report, 71).excluded[0].article).toBe("L. 214-28 II 2°");
  });

  it("L. 214-28 II 2°: without the look-through percentage the quota is incomplete, with a partial value", () => {
    const report = checkOne(fcpr(), [unlisted("500000"), holding({ assetClass: "ENTITY_RIGHTS", costValue: "320000", entityOecd: true, row: 72 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "incomplete", partial: true, value: 0.5 });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ row: 72, column: "lookThroughPct", severity: "error" }));
  });
});

describe("FCPR-B20 · L. 214-28 III: listed small caps and debt « dans la limite de 20 % de l'actif du fonds »", () => {
  const smallCap = (costValue: string, marketCap = "100000000", extra = {}) =>
    holding({ assetClass: "EQUITY", costValue, listingStatus: "MTF_SME", listingCountry: "FR", marketCap, investmentDate: "2023-03-01", ...extra });

  it("L. 214-28 III: listed securities count only within 20 % of the asset; exactly 20 % counts in full", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), smallCap("200000")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ numerator: "500000.00", status: "pass" });
    expect(rule(report, "FCPR-B20")).toMatchObject({ status: "pass", value: 0.2, headroom: "0.00" });
  });

  it("L. 214-28 III: above 20 % the excess is not counted, and the cap is not a breach", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), smallCap("250000")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ numerator: "500000.00", status: "pass" });
    const b20 = rule(report, "FCPR-B20");
    expect(b20).toMatchObject({ status: "info", value: 0.25, headroom: "-50000.00" });
    expect(b20.message).toMatch(/50 000 EUR above the 20 % limit/);
  });

  it("L. 214-28 III 1°: a capitalisation of exactly 150 M€ is not « inférieure à 150 millions d'euros »", () => {
    const report = checkOne(fcpr(), [unlisted("400000"), smallCap("100000", "150000000", { row: 80 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("400000.00");
    expect(positionOf(report, 80).excluded[0]).toMatchObject({ article: "L. 214-28 III 1°" });
    expect(positionOf(report, 80).excluded[0].reason).toMatch(/not below 150 million euros/);
  });

  it("L. 214-28 III 1°: a capitalisation of 149,999,999.99 EUR is below 150 million euros and counts", () => {
    const report = checkOne(fcpr(), [unlisted("400000"), smallCap("100000", "149999999.99")]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
  });

  it("L. 214-28 III 1°: a market outside the EU and the EEA does not qualify; Norway (EEA) does", () => {
    expect(rule(checkOne(fcpr(), [unlisted("400000"), smallCap("100000", "1000000", { listingCountry: "CH" })]), "FCPR-Q50").numerator).toBe("400000.00");
    expect(rule(checkOne(fcpr(), [unlisted("400000"), smallCap("100000", "1000000", { listingCountry: "NO" })]), "FCPR-Q50").numerator).toBe("500000.00");
  });

  it("L. 214-28 III 1°: without the market capitalisation the quota is incomplete", () => {
    const report = checkOne(fcpr(), [unlisted("600000"), holding({ assetClass: "EQUITY", costValue: "100000", listingStatus: "REGULATED", listingCountry: "FR", investmentDate: "2023-03-01", row: 81 })]);
    expect(rule(report, "FCPR-Q50").status).toBe("incomplete");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ row: 81, column: "marketCap" }));
  });

  it("L. 214-28 III 2°: debt and receivables of unlisted companies join the 20 % bucket; debt of a listed company does not", () => {
    const report = checkOne(fcpr(), [
      unlisted("400000"),
      holding({ assetClass: "OTHER_DEBT", costValue: "60000" }),
      holding({ assetClass: "RECEIVABLE", costValue: "40000" }),
      holding({ assetClass: "OTHER_DEBT", costValue: "70000", listingStatus: "REGULATED", row: 82 }),
    ]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(rule(report, "FCPR-B20").numerator).toBe("100000.00");
    expect(positionOf(report, 82).excluded[0].article).toBe("L. 214-28 III 2°");
  });
});

describe("FCPR-L5Y · L. 214-28 IV: securities admitted after purchase count « pendant une durée de cinq ans à compter de leur admission »", () => {
  const listedLater = (extra = {}) =>
    holding({ assetClass: "EQUITY", issuerId: "BIG", costValue: "200000", listingStatus: "REGULATED", listingCountry: "FR", marketCap: "400000000", investmentDate: "2019-06-01", listingDate: "2020-12-31", row: 90, ...extra });

  it("L. 214-28 IV: a security admitted on 2020-12-31 still counts on 2025-12-31, the fifth anniversary", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), listedLater()], "2025-12-31");
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(positionOf(report, 90).graceEndsOn).toBe("2025-12-31");
    expect(rule(report, "FCPR-L5Y")).toMatchObject({ status: "info", numerator: "200000.00" });
  });

  it("L. 214-28 IV: the day after the five years, it leaves the quota and says why", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), listedLater()], "2026-01-01");
    expect(rule(report, "FCPR-Q50").numerator).toBe("300000.00");
    expect(positionOf(report, 90).excluded[0]).toMatchObject({ rule: "FCPR-Q50", article: "L. 214-28 IV" });
  });

  it("L. 214-28 IV: securities meeting III at admission stay, with no time limit, while the 20 % limit holds with them", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), listedLater({ marketCap: "120000000" })], "2030-06-30");
    expect(rule(report, "FCPR-B20").numerator).toBe("200000.00");
    expect(positionOf(report, 90).counted[0]).toMatchObject({ rule: "FCPR-B20", article: "L. 214-28 IV" });
    expect(positionOf(report, 90).graceEndsOn).toBeUndefined();
  });

  it("L. 214-28 IV: when the 20 % limit cannot take them, they count for five years only", () => {
    const report = checkOne(fcpr(), [unlisted("300000"), holding({ assetClass: "OTHER_DEBT", costValue: "150000" }), listedLater({ marketCap: "120000000" })], "2025-06-30");
    expect(rule(report, "FCPR-B20").numerator).toBe("150000.00");
    expect(positionOf(report, 90).counted[0]).toMatchObject({ rule: "FCPR-Q50", article: "L. 214-28 IV" });
    expect(rule(report, "FCPR-Q50").numerator).toBe("650000.00");
  });

  it("L. 214-28 IV: two companies admitted the same day take the 20 % by issuerId, whatever the rows' order: sorting the table never changes the quota", () => {
    // Both met III at admission; the 20 % (200 000 €) takes one of them, and the other's five years have ended.
    const company = (issuerId: string, costValue: string, row: number) =>
      listedLater({ issuerId, lineId: issuerId, costValue, marketCap: "90000000", listingDate: "2019-03-01", investmentDate: "2018-01-15", row });
    for (const rows of [
      [company("ISS-A", "150000", 2), company("ISS-B", "100000", 3)],
      [company("ISS-B", "100000", 2), company("ISS-A", "150000", 3)],
    ]) {
      const report = checkOne(fcpr(), [unlisted("400000", { row: 4 }), ...rows], "2025-12-31");
      expect(rule(report, "FCPR-B20").numerator).toBe("150000.00");
      expect(rule(report, "FCPR-Q50").numerator).toBe("550000.00");
    }
  });

  it("L. 214-28 IV « dans la limite de 20 % »: one company whose issuerId is written ACME and acme is one company (ids match ignoring case, contract §3): it does not fit in the 20 % whole, so no part of it does once its five years have ended (49 %, breach, not a pass)", () => {
    const part = (issuerId: string, costValue: string, row: number) =>
      listedLater({ issuerId, lineId: `ACME-${row}`, costValue, marketCap: "90000000", listingDate: "2019-03-01", investmentDate: "2018-01-15", row });
    const debt = holding({ assetClass: "OTHER_DEBT", issuerId: "D", costValue: "100000", row: 4 });
    const asOne = checkOne(fcpr(), [unlisted("390000", { row: 3 }), debt, part("ACME", "90000", 5), part("ACME", "60000", 6)], "2025-12-31");
    expect(rule(asOne, "FCPR-Q50")).toMatchObject({ status: "breach", numerator: "490000.00" });
    for (const spelled of [["ACME", " acme"], ["acme", "ACME"]]) {
      const report = checkOne(fcpr(), [unlisted("390000", { row: 3 }), debt, part(spelled[0], "90000", 5), part(spelled[1], "60000", 6)], "2025-12-31");
      expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "breach", numerator: "490000.00" });
      expect(rule(report, "FCPR-B20").numerator).toBe("100000.00");
    }
  });

  it("L. 214-28 IV: a listed small cap whose listingDate cannot be read: admitted when bought it fills the 20 % (54 %), admitted the day after its purchase its five years have ended and it does not fit in the 20 % left (49 %): incomplete, not pass", () => {
    const smallCap = listedLater({ issuerId: "SC", lineId: "SC", costValue: "100000", marketCap: "80000000", investmentDate: "2015-01-10", listingDate: undefined, invalid: ["listingDate"], row: 91 });
    const debt = holding({ assetClass: "OTHER_DEBT", issuerId: "D", costValue: "150000", row: 92 });
    const report = checkOne(fcpr(), [unlisted("340000", { row: 93 }), debt, smallCap], "2025-12-31");
    const q50 = rule(report, "FCPR-Q50");
    expect(q50.status).toBe("incomplete");
    expect(q50.reasons?.map((r) => r.code)).toContain("listing-date-unknown");
    // The same row read (a blank date: admitted when bought) passes: the rule depends on the cell.
    const blank = listedLater({ issuerId: "SC", lineId: "SC", costValue: "100000", marketCap: "80000000", investmentDate: "2015-01-10", listingDate: undefined, row: 91 });
    expect(rule(checkOne(fcpr(), [unlisted("340000", { row: 93 }), debt, blank], "2025-12-31"), "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "540000.00" });
  });

  it("L. 214-28 IV: a security admitted after the as-of date was still unlisted on that date", () => {
    const report = checkOne(fcpr(), [listedLater({ listingDate: "2026-03-01" })], "2025-12-31");
    expect(positionOf(report, 90).counted[0]).toMatchObject({ rule: "FCPR-Q50", article: "L. 214-28 I" });
  });
});

describe("FCPR-Q50 · L. 214-28 V: « au plus tard lors de l'inventaire de clôture de l'exercice suivant … et jusqu'à la clôture du cinquième exercice »", () => {
  // First year ends 2022-12-31: year 2 closes 2023-12-31, year 5 closes 2026-12-31.
  const fund = fcpr({ constitutionDate: "2022-01-15", firstYearEnd: "2022-12-31" });
  const status = (asOf: string) => rule(checkOne(fund, [unlisted("100000", { investmentDate: "2022-06-01" })], asOf), "FCPR-Q50").status;

  it("L. 214-28 V: the day before the close of the second financial year the quota does not bind", () => {
    expect(status("2023-12-30")).toBe("not-binding");
  });
  it("L. 214-28 V: on the close of the second financial year (first day of the window) it binds", () => {
    expect(status("2023-12-31")).toBe("breach");
  });
  it("L. 214-28 V: on the close of the fifth financial year (last day of the window) it binds", () => {
    expect(status("2026-12-31")).toBe("breach");
  });
  it("L. 214-28 V: the day after the close of the fifth financial year it no longer binds", () => {
    expect(status("2027-01-01")).toBe("not-binding");
  });
  it("L. 214-28 V: a first financial year of 18 months moves the whole window", () => {
    const report = checkOne(fcpr({ constitutionDate: "2022-01-15", firstYearEnd: "2023-06-30" }), [unlisted("100000")], "2024-01-31");
    expect(report.quotaWindow).toEqual({ from: "2024-06-30", until: "2027-06-30", article: "L. 214-28 V" });
    expect(rule(report, "FCPR-Q50").status).toBe("not-binding");
  });
  it("L. 214-28 V: limits bind at all times: advances are a breach even before the window", () => {
    const report = checkOne(fund, [holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "200000", ownershipPct: "0.3" })], "2022-06-30");
    expect(rule(report, "FCPR-CCA15").status).toBe("breach");
    expect(rule(report, "FCPR-Q50").status).toBe("not-binding");
  });
  it("L. 214-28 V: without firstYearEnd the window is unknown and the quota is incomplete", () => {
    const report = checkOne(fcpr({ firstYearEnd: undefined }), [unlisted("600000")]);
    expect(rule(report, "FCPR-Q50").status).toBe("incomplete");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ table: "Funds", column: "firstYearEnd" }));
  });
});

describe("FCPR-LIQ5 · L. 214-28 XII: « au moins 5 % d'instruments financiers liquides » when the fund claims it", () => {
  it("L. 214-28 XII: the rule applies only to a fund that claims the liquid label", () => {
    expect(checkOne(fcpr(), [unlisted("600000")]).rules.map((r) => r.id)).not.toContain("FCPR-LIQ5");
  });
  it("L. 214-28 XII: exactly 5 % passes, one cent less is a breach", () => {
    const liquid = (v: string) => holding({ assetClass: "LIQUID_INSTRUMENT", costValue: v });
    expect(rule(checkOne(fcpr({ liquidLabel: true }), [unlisted("600000"), liquid("50000")]), "FCPR-LIQ5").status).toBe("pass");
    expect(rule(checkOne(fcpr({ liquidLabel: true }), [unlisted("600000"), liquid("49999.99")]), "FCPR-LIQ5").status).toBe("breach");
  });
});

describe("Bases of measurement (WORKBOOK-FORMAT §3)", () => {
  it("COST: positions at cost over paid-up subscriptions", () => {
    const r = rule(checkOne(fcpr({ paidUpSubscriptions: "800000" }), [unlisted("400000", { fairValue: "900000" })]), "FCPR-Q50");
    expect(r).toMatchObject({ value: 0.5, denominator: "800000.00" });
  });
  it("FAIR: positions at fair value over total assets", () => {
    const report = checkOne(fcpr({ basis: "FAIR", totalAssets: "2000000" }), [unlisted("400000", { fairValue: "900000" })]);
    expect(report.basis).toBe("FAIR");
    expect(rule(report, "FCPR-Q50")).toMatchObject({ value: 0.45, denominator: "2000000.00" });
  });
  it("FAIR with blank total assets: the sum of the fund's fair values", () => {
    const report = checkOne(fcpr({ basis: "FAIR", paidUpSubscriptions: null }), [unlisted("1", { fairValue: "600000" }), holding({ assetClass: "CASH", fairValue: "400000" })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ value: 0.6, denominator: "1000000.00" });
  });
  it("blank basis: COST when paid-up subscriptions are given, FAIR otherwise", () => {
    expect(checkOne(fcpr({ basis: undefined }), [unlisted("1")]).basis).toBe("COST");
    expect(checkOne(fcpr({ basis: undefined, paidUpSubscriptions: null }), [unlisted("1", { fairValue: "1" })]).basis).toBe("FAIR");
  });
  it("COST without paid-up subscriptions: every ratio is incomplete and the Funds row says why", () => {
    const report = checkOne(fcpr({ paidUpSubscriptions: null }), [unlisted("1")]);
    expect(report.rules.every((r) => r.status === "incomplete")).toBe(true);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ table: "Funds", column: "paidUpSubscriptions" }));
  });
});

describe("Positions on the as-of date", () => {
  it("a position disposed of on or before the as-of date is excluded with its date", () => {
    const report = checkOne(fcpr(), [unlisted("600000"), unlisted("300000", { disposalDate: "2025-12-31", row: 95 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("600000.00");
    expect(positionOf(report, 95).excluded[0].reason).toMatch(/disposed of on 2025-12-31/);
  });
  it("an unreadable amount on a quota position makes the quota incomplete but leaves other rules computed", () => {
    const report = checkOne(fcpr(), [unlisted("600000"), holding({ assetClass: "EQUITY", invalid: ["costValue"], row: 96 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "incomplete", partial: true });
    expect(rule(report, "FCPR-CCA15").status).toBe("pass");
  });
});
