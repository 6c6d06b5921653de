import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, rule } from "../helpers/build";

// Golden tests for L. 214-22 (OPCVM feeder), L. 214-24-57 (FIVG feeder) and L. 214-24 IV (feeder AIF).
const feeder = (fundType: "OPCVM_FEEDER" | "FIVG_FEEDER" | "FIA", spec = {}) => fundOf(fundType, { basis: "FAIR", paidUpSubscriptions: null, ...spec });
const master = (fairValue: string, masterId = "M1", extra = {}) => holding({ assetClass: "FUND_UNITS", masterId, fairValue, ...extra });
const asset = (assetClass: Parameters<typeof holding>[0]["assetClass"], fairValue: string, extra = {}) => holding({ assetClass, fairValue, ...extra });

describe("OPCVM-FEED85 · L. 214-22 I: « au moins 85 % de son actif est investi en actions ou parts d'un même OPCVM »", () => {
  it("L. 214-22 I: exactly 85 % in one master passes; 84.99 % is a breach", () => {
    expect(rule(checkOne(feeder("OPCVM_FEEDER"), [master("850000"), asset("CASH", "150000")]), "OPCVM-FEED85")).toMatchObject({ status: "pass", value: 0.85 });
    expect(rule(checkOne(feeder("OPCVM_FEEDER"), [master("849999.99"), asset("CASH", "150000.01")]), "OPCVM-FEED85").status).toBe("breach");
  });
  it("L. 214-22 I: units of two masters do not add up: the largest is the master", () => {
    expect(rule(checkOne(feeder("OPCVM_FEEDER"), [master("600000"), master("300000", "M2"), asset("CASH", "100000")]), "OPCVM-FEED85")).toMatchObject({ status: "breach", value: 0.6 });
  });
  it("L. 214-22 I: two masters of equal units: the same one is the master in whichever order the rows come (the first by id), so sorting the table names the same lines", () => {
    const rows = () => [master("450000", "M2", { lineId: "U-M2", row: 2 }), master("450000", "M1", { lineId: "U-M1", row: 3 }), asset("CASH", "100000", { row: 4 })];
    for (const holdings of [rows(), rows().reverse()]) {
      const report = checkOne(feeder("OPCVM_FEEDER"), holdings);
      expect(rule(report, "OPCVM-FEED85").reasons?.[0]).toMatchObject({ facts: { master: "M1" } });
      const list = rule(report, "OPCVM-FEED15").conditions?.find((c) => c.id === "closed-list");
      expect(list?.positions?.map((p) => p.lineId)).toEqual(["U-M2"]);
    }
  });
});

describe("OPCVM-FEED85 · L. 214-22 I « un même OPCVM »: a master named by ids that differ only in case or spaces (contract §3: ids match ignoring case and surrounding spaces)", () => {
  it("L. 214-22 I: « M1 » and « m1 » are one master: 85 % together, no second master beside it", () => {
    const report = checkOne(feeder("OPCVM_FEEDER"), [master("500000", "M1"), master("350000", "m1 ", { lineId: "U-m1" }), asset("CASH", "150000")]);
    expect(rule(report, "OPCVM-FEED85")).toMatchObject({ status: "pass", value: 0.85 });
    expect(rule(report, "OPCVM-FEED85").reasons?.[0]).toMatchObject({ facts: { master: "M1" } });
    expect(rule(report, "OPCVM-FEED15")).toMatchObject({ status: "pass", value: 0.15 });
  });
});

describe("OPCVM-FEED15 · L. 214-22 I 1° to 3°: « jusqu'à 15 % » in accessory cash, hedging contracts and a SICAV's premises only", () => {
  it("L. 214-22 I 1° and 2°: cash and hedging-only contracts up to exactly 15 % pass", () => {
    const r = rule(checkOne(feeder("OPCVM_FEEDER"), [master("850000"), asset("CASH", "100000"), asset("FINANCIAL_CONTRACT", "50000", { hedgeOnly: true })]), "OPCVM-FEED15");
    expect(r).toMatchObject({ status: "pass", value: 0.15 });
  });
  it("L. 214-22 I 2°: a financial contract not used for hedging only is a breach naming the line", () => {
    const r = rule(checkOne(feeder("OPCVM_FEEDER"), [master("900000"), asset("CASH", "90000"), asset("FINANCIAL_CONTRACT", "10000", { lineId: "SWAP-1" })]), "OPCVM-FEED15");
    expect(r.status).toBe("breach");
    expect(r.message).toMatch(/SWAP-1.*uniquement à des fins de couverture/);
  });
  it("L. 214-22 I 3°: operating property is allowed to a SICAV only", () => {
    const holdings = () => [master("900000"), asset("OPERATING_PROPERTY", "100000")];
    expect(rule(checkOne(feeder("OPCVM_FEEDER", { isSicav: true }), holdings()), "OPCVM-FEED15").status).toBe("pass");
    expect(rule(checkOne(feeder("OPCVM_FEEDER", { isSicav: false }), holdings()), "OPCVM-FEED15").status).toBe("breach");
  });
  it("L. 214-22 I: units of a second master are not among the allowed assets", () => {
    const r = rule(checkOne(feeder("OPCVM_FEEDER"), [master("900000"), master("20000", "M2", { lineId: "OTHER" })]), "OPCVM-FEED15");
    expect(r.status).toBe("breach");
    expect(r.message).toMatch(/OTHER.*second master/);
  });
});

describe("FIVG-FEED · L. 214-24-57: « investi en totalité » in one master and, « à titre accessoire », cash", () => {
  it("L. 214-24-57: a master and cash pass", () => {
    expect(rule(checkOne(feeder("FIVG_FEEDER"), [master("980000"), asset("CASH", "20000")]), "FIVG-FEED").status).toBe("pass");
  });
  it("L. 214-24-57: any other asset is a breach", () => {
    expect(rule(checkOne(feeder("FIVG_FEEDER"), [master("980000"), asset("EQUITY", "20000")]), "FIVG-FEED").status).toBe("breach");
  });
});

describe("FIA-FEED85 · L. 214-24 IV 1°: a FIA « investi à hauteur d'au moins 85 % » in one master is a feeder AIF (classification)", () => {
  it("L. 214-24 IV 1°: exactly 85 % classifies it as a feeder; it is never a breach", () => {
    const yes = rule(checkOne(feeder("FIA"), [master("850000"), asset("EQUITY", "150000")]), "FIA-FEED85");
    expect(yes).toMatchObject({ status: "info" });
    expect(yes.message).toMatch(/^Feeder AIF/);
    const no = rule(checkOne(feeder("FIA"), [master("849999.99"), asset("EQUITY", "150000.01")]), "FIA-FEED85");
    expect(no).toMatchObject({ status: "info" });
    expect(no.message).toMatch(/^Not a feeder AIF/);
  });
});
