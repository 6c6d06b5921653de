import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, positionOf, rule } from "../helpers/build";

// Golden tests for L. 214-36, -37, -39, -42 and -43 (OPCI). Measured at fair value over the sum of
// the positions (total assets blank), created 2020-01-15 so every rule binds on 2025-12-31.
const sppicav = (spec = {}) => fundOf("SPPICAV", { basis: "FAIR", paidUpSubscriptions: null, constitutionDate: "2020-01-15", borrowings: "0", ...spec });
const fpi = (spec = {}) => sppicav({ fundType: "FPI", ...spec });
const item = (opciCategory: number, fairValue: string, extra = {}) =>
  holding({ assetClass: opciCategory <= 3 ? "REAL_ESTATE" : opciCategory === 10 ? "CURRENT_ACCOUNT_ADVANCE" : opciCategory >= 8 ? "CASH" : "FUND_UNITS", opciCategory, fairValue, ...extra });

describe("OPCI-RE60, OPCI-RE51 · L. 214-37 1°: « à hauteur de 60 % au moins d'actifs immobiliers »", () => {
  it("L. 214-37 1° (SPPICAV): items 1° to 5° count; exactly 60 % passes", () => {
    const report = checkOne(sppicav(), [item(1, "300000"), item(4, "300000", { listingStatus: "REGULATED" }), item(7, "350000"), item(9, "50000")]);
    expect(rule(report, "OPCI-RE60")).toMatchObject({ status: "pass", value: 0.6 });
  });
  it("L. 214-37 1° (SPPICAV): items 1° to 3° and 5° must reach « au minimum 51 % »; listed 4° shares do not count there", () => {
    const report = checkOne(sppicav(), [item(1, "509999.99"), item(4, "100000", { listingStatus: "REGULATED" }), item(7, "340000.01"), item(9, "50000")]);
    expect(rule(report, "OPCI-RE51")).toMatchObject({ status: "breach" });
    expect(rule(report, "OPCI-RE60")).toMatchObject({ status: "pass" });
  });
  it("L. 214-37 1° (FPI): 5° units count only as a controlled participation, and 3° companies not at all", () => {
    const report = checkOne(fpi(), [item(1, "400000"), item(5, "150000", { controlledParticipation: true }), item(5, "100000", { row: 80 }), item(3, "300000"), item(9, "50000")]);
    expect(rule(report, "OPCI-RE60")).toMatchObject({ numerator: "550000.00", status: "breach" });
    expect(positionOf(report, 80).excluded[0].reason).toMatch(/controlled participation/);
    expect(report.rules.map((r) => r.id)).not.toContain("OPCI-RE51");
  });
});

describe("OPCI-LIQ5 · L. 214-37 2°: « 5 % au moins » of items 8° and 9°, « libres de toutes sûretés »", () => {
  it("L. 214-37 2°: exactly 5 % of unencumbered deposits and cash passes", () => {
    expect(rule(checkOne(sppicav(), [item(1, "950000"), item(8, "30000"), item(9, "20000")]), "OPCI-LIQ5")).toMatchObject({ status: "pass", value: 0.05 });
  });
  it("L. 214-37 2°: encumbered cash does not count; item 7° is not liquidity", () => {
    const report = checkOne(sppicav(), [item(1, "900000"), item(9, "50000", { encumbered: true }), item(7, "50000")]);
    expect(rule(report, "OPCI-LIQ5")).toMatchObject({ status: "breach", numerator: "0.00" });
  });
});

describe("OPCI-LEV40 · L. 214-39: borrowings « dans la limite de 40 % de la valeur des actifs immobiliers mentionnés aux 1° à 3° et au 5° »", () => {
  it("L. 214-39: own borrowings plus the debts of 2°, 3° and 5° holdings at the participation held, over items 1° to 3° and 5°", () => {
    // 200,000 + 500,000 × 40 % + 100,000 × 100 % (participation blank) = 500,000 over 1,250,000 = 40 %.
    const report = checkOne(sppicav({ borrowings: "200000" }), [
      item(1, "700000"),
      item(2, "300000", { entityDebt: "500000", participationPct: "0.4" }),
      item(3, "250000", { entityDebt: "100000" }),
      item(4, "100000", { listingStatus: "REGULATED", entityDebt: "999999" }),
      item(9, "70000"),
    ]);
    expect(rule(report, "OPCI-LEV40")).toMatchObject({ status: "pass", value: 0.4, numerator: "500000.00", denominator: "1250000.00" });
  });
  it("L. 214-39: one cent above 40 % is a breach", () => {
    const report = checkOne(sppicav({ borrowings: "400000.01" }), [item(1, "1000000"), item(9, "60000")]);
    expect(rule(report, "OPCI-LEV40").status).toBe("breach");
  });
  it("L. 214-39 (convention): a blank entityDebt on a 2° holding warns and counts as zero; blank borrowings make the rule incomplete", () => {
    const report = checkOne(sppicav({ borrowings: undefined }), [item(1, "700000"), item(2, "300000", { row: 90 }), item(9, "60000")]);
    expect(rule(report, "OPCI-LEV40").status).toBe("incomplete");
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", row: 90, column: "entityDebt" }));
  });
});

describe("OPCI-ASSET, OPCI-CCA5 · L. 214-36 I and L. 214-42: the closed list of assets and advances to companies held « au moins 5 % »", () => {
  it("L. 214-36 I: a 2° company admitted to trading is outside the list, a breach naming the line", () => {
    const report = checkOne(sppicav(), [item(1, "900000"), item(2, "50000", { listingStatus: "REGULATED", lineId: "SCI-9" }), item(9, "50000")]);
    const r = rule(report, "OPCI-ASSET");
    expect(r.status).toBe("breach");
    expect(r.message).toContain("SCI-9");
  });
  it("L. 214-36 I: a portfolio within the list passes", () => {
    expect(rule(checkOne(sppicav(), [item(1, "900000"), item(9, "100000")]), "OPCI-ASSET").status).toBe("pass");
  });
  it("L. 214-42: an advance to a 3° company held exactly 5 % passes; 4.99 % is a breach", () => {
    const company = (own: string) => item(3, "300000", { issuerId: "SCI", ownershipPct: own });
    expect(rule(checkOne(sppicav(), [item(1, "600000"), company("0.05"), item(10, "50000", { issuerId: "SCI" }), item(9, "60000")]), "OPCI-CCA5").status).toBe("pass");
    expect(rule(checkOne(sppicav(), [item(1, "600000"), company("0.0499"), item(10, "50000", { issuerId: "SCI" }), item(9, "60000")]), "OPCI-CCA5").status).toBe("breach");
  });
  it("L. 214-42: an advance to sci is an advance to the 3° company SCI held 5 % (ids match ignoring case and spaces, contract §3): pass, not a breach", () => {
    const report = checkOne(sppicav(), [item(1, "600000"), item(3, "300000", { issuerId: "SCI", ownershipPct: "0.05" }), item(10, "50000", { issuerId: " sci" }), item(9, "60000")]);
    expect(rule(report, "OPCI-CCA5").status).toBe("pass");
  });
  it("L. 214-42: an advance to a company that is not one of the fund's 2° or 3° companies is a breach", () => {
    expect(rule(checkOne(sppicav(), [item(1, "900000"), item(10, "50000", { issuerId: "ELSEWHERE" }), item(9, "60000")]), "OPCI-CCA5").status).toBe("breach");
  });
});

describe("L. 214-43: the rules bind « au plus tard trois ans après la date de création »", () => {
  const fund = sppicav({ constitutionDate: "2023-03-15" });
  const status = (asOf: string) => rule(checkOne(fund, [item(1, "100000"), item(7, "900000")], asOf), "OPCI-RE60").status;
  it("L. 214-43: the day before the third anniversary of creation, not binding", () => {
    expect(status("2026-03-14")).toBe("not-binding");
  });
  it("L. 214-43: on the third anniversary, binding", () => {
    expect(status("2026-03-15")).toBe("breach");
  });
});
