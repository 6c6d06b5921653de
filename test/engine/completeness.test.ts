import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, rule, unlisted } from "../helpers/build";

// WORKBOOK-FORMAT §3: "A position whose assetClass is blank or unreadable may belong to any rule of
// its fund: every rule whose numerator or denominator it could enter reports incomplete (with the
// partial value), never pass."
describe("a position without a readable assetClass", () => {
  const blank = () => holding({ costValue: "10000" });
  const unreadable = () => holding({ costValue: "10000", invalid: ["assetClass"] });

  it("L. 214-28 II 1°: FCPR-CCA15 is incomplete, not pass, with its partial value", () => {
    const before = checkOne(fundOf("FCPR"), [unlisted("600000")]);
    expect(rule(before, "FCPR-CCA15").status).toBe("pass");
    for (const row of [blank(), unreadable()]) {
      const r = rule(checkOne(fundOf("FCPR"), [unlisted("600000"), row]), "FCPR-CCA15");
      expect(r.status).toBe("incomplete");
      expect(r.partial).toBe(true);
      expect(r.value).toBe(0);
      expect(r.message).toContain(`row ${row.row}`);
    }
  });

  it("L. 214-31 IV: FIP-REG25 is incomplete, not pass, with its partial value", () => {
    const fip = fundOf("FIP", { chosenRegions: ["Bretagne"] });
    const rows = [unlisted("200000", { fipEligible: true, region: "Bretagne" }), unlisted("100000", { region: "Normandie" })];
    expect(rule(checkOne(fip, rows), "FIP-REG25").status).toBe("pass");
    const r = checkOne(fip, [...rows, blank()]);
    expect(rule(r, "FIP-REG25").status).toBe("incomplete");
    expect(rule(r, "FIP-REG25").partial).toBe(true);
    expect(rule(r, "FIP-REG25").value).toBe(0.2);
    for (const id of ["FIP-Q70", "FIP-FRESH40", "FCPR-CCA15", "FCPR-B20", "FIP-L5Y"]) expect(rule(r, id).status, id).toBe("incomplete");
  });

  it("L. 214-160 II: FPCI-REC10 and FPCI-DIG20 are incomplete, not pass", () => {
    const r = checkOne(fundOf("FPCI"), [unlisted("600000"), blank()]);
    for (const id of ["FPCI-REC10", "FPCI-DIG20", "FPCI-CCA15"]) expect(rule(r, id).status, id).toBe("incomplete");
  });

  it("L. 214-28 XII: FCPR-LIQ5 is incomplete, not pass", () => {
    const r = checkOne(fundOf("FCPR", { liquidLabel: true }), [unlisted("600000"), holding({ assetClass: "LIQUID_INSTRUMENT", costValue: "100000" }), blank()]);
    expect(rule(r, "FCPR-LIQ5").status).toBe("incomplete");
  });

  it("L. 214-22 I: a feeder's FEED85 is incomplete, not pass, with a row of unknown class", () => {
    const feeder = fundOf("OPCVM_FEEDER", { basis: "FAIR", totalAssets: "1000000" });
    const master = holding({ assetClass: "FUND_UNITS", masterId: "M", fairValue: "900000" });
    expect(rule(checkOne(feeder, [master]), "OPCVM-FEED85").status).toBe("pass");
    expect(rule(checkOne(feeder, [master, holding({ fairValue: "1000" })]), "OPCVM-FEED85").status).toBe("incomplete");
  });

  it("L. 214-22 I: units whose masterId is unreadable may be the master's: FIA-FEED85 is incomplete, not info", () => {
    const fia = fundOf("FIA", { basis: "FAIR", totalAssets: "1000000" });
    const r = checkOne(fia, [holding({ assetClass: "FUND_UNITS", masterId: "M", fairValue: "500000" }), holding({ assetClass: "FUND_UNITS", fairValue: "450000", invalid: ["masterId"] })]);
    expect(rule(r, "FIA-FEED85").status).toBe("incomplete");
  });

  it("L. 214-30 I: an unreadable fcpiEligible is not a no: FCPI-Q70 is incomplete, not pass", () => {
    const fcpi = fundOf("FCPI", { quotaThreshold: "0.7" });
    const eligible = unlisted("750000", { fcpiEligible: true, acquisitionMode: "SUBSCRIPTION" });
    expect(rule(checkOne(fcpi, [eligible]), "FCPI-Q70").status).toBe("pass");
    const r = checkOne(fcpi, [eligible, unlisted("10000", { invalid: ["fcpiEligible"], acquisitionMode: "SUBSCRIPTION" })]);
    expect(rule(r, "FCPI-Q70").status).toBe("incomplete");
    expect(rule(r, "FCPI-FRESH40").status).toBe("incomplete");
  });

  it("L. 214-36 I: an OPCI position without opciCategory leaves every OPCI rule incomplete; a blank assetClass alone does not (OPCI positions are classified by opciCategory)", () => {
    const opci = fundOf("SPPICAV", { basis: "FAIR", totalAssets: "1000000", constitutionDate: "2015-01-01" });
    const re = holding({ opciCategory: 1, fairValue: "700000", assetClass: "REAL_ESTATE" });
    const liquid = holding({ opciCategory: 8, fairValue: "100000", assetClass: "CASH" });
    const withoutClass = checkOne(opci, [re, liquid, holding({ opciCategory: 8, fairValue: "1000" })]);
    expect(withoutClass.rules.map((r) => r.status)).toEqual(checkOne(opci, [re, liquid]).rules.map((r) => r.status));
    const withoutItem = checkOne(opci, [re, liquid, holding({ assetClass: "CASH", fairValue: "1000" })]);
    for (const r of withoutItem.rules) expect(["incomplete", "breach"], r.id).toContain(r.status);
  });

  it("an unreadable disposalDate leaves the rules incomplete: the position may or may not be held", () => {
    const r = checkOne(fundOf("FCPR"), [unlisted("600000"), holding({ assetClass: "CASH", costValue: "1000", invalid: ["disposalDate"] })]);
    for (const x of r.rules) expect(x.status, x.id).toBe("incomplete");
  });
});
