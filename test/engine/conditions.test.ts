import { describe, expect, it } from "vitest";
import { rowsDriving } from "../../src/engine/breach-rows";
import type { RuleResult } from "../../src/engine/result";
import {
  checkOne,
  checkWith,
  fcpr,
  fundOf,
  holder,
  holding,
  rule,
  unlisted,
} from "../helpers/build";

// Golden tests for the rules that combine several conditions (a limit and a gate, a closed list):
// each condition is reported with its own status and headroom, and a rule in breach never shows a
// positive headroom (WORKBOOK-FORMAT §4). Texts from /work/shared/regulation/texts/cmf-livre-ii.txt.

const condition = (r: RuleResult, id: string) => {
  const c = r.conditions?.find((x) => x.id === id);
  if (!c)
    throw new Error(
      `no condition ${id} on ${r.id} (${(r.conditions ?? []).map((x) => x.id).join(", ")})`,
    );
  return c;
};
const advance = (costValue: string, ownershipPct: string, extra = {}) =>
  holding({
    assetClass: "CURRENT_ACCOUNT_ADVANCE",
    costValue,
    ownershipPct,
    ...extra,
  });

describe("FCPR-CCA15 · L. 214-28 II 1°: « Dans la limite de 15 %, les avances en compte courant … à des sociétés dans lesquelles le fonds détient au moins 5 % du capital »", () => {
  it("L. 214-28 II 1°: an advance to a company held 4.99 % breaks the gate while the 15 % limit holds; the headroom is minus that advance, never positive", () => {
    const r = rule(
      checkOne(fcpr(), [
        unlisted("500000", { issuerId: "A" }),
        advance("50000", "0.0499", {
          issuerId: "A",
          issuerName: "Acme SAS",
          lineId: "ADV-1",
          row: 70,
        }),
      ]),
      "FCPR-CCA15",
    );
    expect(r.status).toBe("breach");
    expect(r.headroom).toBe("-50000.00");
    expect(r.unit).toBe("EUR");
    expect(r.failedConditions).toEqual(["gate-5"]);
    expect(condition(r, "limit-15")).toMatchObject({
      kind: "limit",
      status: "pass",
      failed: false,
      value: 0.05,
      threshold: 0.15,
      headroom: "100000.00",
      unit: "EUR",
      article: "L. 214-28 II 1°",
    });
    const gate = condition(r, "gate-5");
    expect(gate).toMatchObject({
      kind: "gate",
      status: "breach",
      failed: true,
      threshold: 0.05,
      value: 0.0499,
      numerator: "50000.00",
      headroom: "-50000.00",
      unit: "EUR",
    });
    expect(gate.wording).toContain("au moins 5 % du capital");
    expect(gate.positions).toEqual([
      expect.objectContaining({
        row: 70,
        lineId: "ADV-1",
        issuerName: "Acme SAS",
        amount: "50000.00",
      }),
    ]);
  });

  it("L. 214-28 II 1°: an advance to a company held exactly 5 % passes « au moins 5 % »: both conditions pass", () => {
    const r = rule(
      checkOne(fcpr(), [
        unlisted("500000", { issuerId: "A" }),
        advance("50000", "0.05", { issuerId: "A" }),
      ]),
      "FCPR-CCA15",
    );
    expect(r).toMatchObject({
      status: "pass",
      headroom: "100000.00",
      failedConditions: [],
    });
    expect(condition(r, "gate-5")).toMatchObject({
      status: "pass",
      failed: false,
      value: 0.05,
      headroom: "0.00",
      positions: [],
    });
  });

  it("L. 214-28 II 1°: advances above 15 % with every company held 5 % or more: the limit fails alone, headroom minus the excess", () => {
    const r = rule(
      checkOne(fcpr(), [unlisted("500000"), advance("150000.01", "0.2")]),
      "FCPR-CCA15",
    );
    expect(r).toMatchObject({
      status: "breach",
      headroom: "-0.01",
      failedConditions: ["limit-15"],
    });
    expect(condition(r, "limit-15")).toMatchObject({
      status: "breach",
      headroom: "-0.01",
    });
    expect(condition(r, "gate-5")).toMatchObject({
      status: "pass",
      failed: false,
    });
  });

  it("L. 214-28 II 1°: both conditions fail: the rule shows the larger amount to cure", () => {
    const r = rule(
      checkOne(fcpr(), [
        unlisted("500000"),
        advance("160000", "0.2"),
        advance("30000", "0.01", { lineId: "ADV-LOW" }),
      ]),
      "FCPR-CCA15",
    );
    expect(r.failedConditions).toEqual(["limit-15", "gate-5"]);
    expect(condition(r, "limit-15").headroom).toBe("-40000.00");
    expect(condition(r, "gate-5").headroom).toBe("-30000.00");
    expect(r.headroom).toBe("-40000.00");
  });

  it("L. 214-30 I by L. 214-28 II 1° (FCPI): the same two conditions under FCPR-CCA15", () => {
    const fcpi = fundOf("FCPI", { constitutionDate: "2022-01-15" });
    const r = rule(
      checkOne(fcpi, [
        holding({
          assetClass: "EQUITY",
          costValue: "700000",
          fcpiEligible: true,
        }),
        advance("20000", "0.04", { fcpiEligible: true }),
      ]),
      "FCPR-CCA15",
    );
    expect(r).toMatchObject({
      status: "breach",
      headroom: "-20000.00",
      failedConditions: ["gate-5"],
    });
  });
});

describe("FPCI-CCA15 · L. 214-160 II 1°: advances « à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation »", () => {
  it("L. 214-160 II 1°: no participation breaks the gate; any participation, even 0.01 %, passes it", () => {
    const none = rule(
      checkOne(fundOf("FPCI"), [
        unlisted("500000"),
        advance("50000", "0", { lineId: "ADV-0" }),
      ]),
      "FPCI-CCA15",
    );
    expect(none).toMatchObject({
      status: "breach",
      headroom: "-50000.00",
      failedConditions: ["gate-participation"],
    });
    expect(condition(none, "gate-participation")).toMatchObject({
      article: "L. 214-160 II 1°",
      threshold: 0,
      value: 0,
      positions: [expect.objectContaining({ lineId: "ADV-0" })],
    });
    const some = rule(
      checkOne(fundOf("FPCI"), [
        unlisted("500000"),
        advance("50000", "0.0001"),
      ]),
      "FPCI-CCA15",
    );
    expect(some).toMatchObject({ status: "pass", failedConditions: [] });
  });
});

describe("OPCVM-FEED15 · L. 214-22 I: « jusqu'à 15 % de son actif » and only « 1° Des liquidités à titre accessoire ; 2° Des contrats financiers … uniquement à des fins de couverture ; 3° … lorsque cet OPCVM nourricier est une SICAV »", () => {
  const feeder = (spec = {}) =>
    fundOf("OPCVM_FEEDER", {
      basis: "FAIR",
      paidUpSubscriptions: null,
      ...spec,
    });
  const master = (fairValue: string) =>
    holding({ assetClass: "FUND_UNITS", masterId: "M1", fairValue });
  it("L. 214-22 I 2°: a swap not used for hedging only is outside the list: breach with headroom minus the swap, while 10 % stays within 15 %", () => {
    const r = rule(
      checkOne(feeder(), [
        master("900000"),
        holding({ assetClass: "CASH", fairValue: "90000" }),
        holding({
          assetClass: "FINANCIAL_CONTRACT",
          fairValue: "10000",
          lineId: "SWAP-1",
        }),
      ]),
      "OPCVM-FEED15",
    );
    expect(r).toMatchObject({
      status: "breach",
      headroom: "-10000.00",
      failedConditions: ["closed-list"],
    });
    expect(condition(r, "limit-15")).toMatchObject({
      status: "pass",
      value: 0.1,
      headroom: "50000.00",
    });
    expect(condition(r, "closed-list")).toMatchObject({
      kind: "closed-list",
      status: "breach",
      threshold: null,
      numerator: "10000.00",
      headroom: "-10000.00",
      positions: [
        expect.objectContaining({ lineId: "SWAP-1", amount: "10000.00" }),
      ],
    });
  });
  it("L. 214-22 I « jusqu'à 15 % »: a swap not for hedging breaks the list whatever else is read; the 15 % exceeded only with cash whose investmentDate cannot be read is incomplete, not a breach (it may not be held yet)", () => {
    const cash = holding({
      assetClass: "CASH",
      fairValue: "150000",
      lineId: "CASH-1",
    });
    cash.investmentDate = undefined;
    cash.invalid.add("investmentDate");
    const r = rule(
      checkOne(feeder(), [
        master("840000"),
        cash,
        holding({
          assetClass: "FINANCIAL_CONTRACT",
          fairValue: "10000",
          lineId: "SWAP-1",
        }),
      ]),
      "OPCVM-FEED15",
    );
    expect(r.status).toBe("breach");
    expect(condition(r, "closed-list")).toMatchObject({ status: "breach" });
    // 16 % with the cash, 1 % without it: the limit depends on the date.
    expect(condition(r, "limit-15")).toMatchObject({
      status: "incomplete",
      value: 0.16,
    });
  });
  it("L. 214-22 I 1°: cash only, exactly 15 %: both conditions pass", () => {
    const r = rule(
      checkOne(feeder(), [
        master("850000"),
        holding({ assetClass: "CASH", fairValue: "150000" }),
      ]),
      "OPCVM-FEED15",
    );
    expect(r).toMatchObject({
      status: "pass",
      headroom: "0.00",
      failedConditions: [],
    });
  });
  it("L. 214-24-57: a general-purpose feeder's closed list names what to cure", () => {
    const fivg = fundOf("FIVG_FEEDER", {
      basis: "FAIR",
      paidUpSubscriptions: null,
    });
    const r = rule(
      checkOne(fivg, [
        master("950000"),
        holding({ assetClass: "EQUITY", fairValue: "50000", lineId: "EQ-1" }),
      ]),
      "FIVG-FEED",
    );
    expect(r).toMatchObject({
      status: "breach",
      headroom: "-50000.00",
      failedConditions: ["closed-list"],
    });
    expect(condition(r, "closed-list").positions?.map((p) => p.lineId)).toEqual(
      ["EQ-1"],
    );
  });
});

describe("OPCI-ASSET, OPCI-CCA5 · L. 214-36 I « exclusivement constitué » and L. 214-42 « aux sociétés mentionnées aux 2° et 3° … dont il détient … au moins 5 % du capital social »", () => {
  const sppicav = (spec = {}) =>
    fundOf("SPPICAV", {
      basis: "FAIR",
      paidUpSubscriptions: null,
      constitutionDate: "2020-01-15",
      borrowings: "0",
      ...spec,
    });
  const item = (opciCategory: number, fairValue: string, extra = {}) =>
    holding({
      assetClass:
        opciCategory <= 3
          ? "REAL_ESTATE"
          : opciCategory === 10
            ? "CURRENT_ACCOUNT_ADVANCE"
            : "CASH",
      opciCategory,
      fairValue,
      ...extra,
    });
  it("L. 214-36 I: a 2° company admitted to trading breaks the closed list; headroom minus its amount", () => {
    const r = rule(
      checkOne(sppicav(), [
        item(1, "900000"),
        item(2, "50000", { listingStatus: "REGULATED", lineId: "SCI-9" }),
        item(9, "50000"),
      ]),
      "OPCI-ASSET",
    );
    expect(r).toMatchObject({
      status: "breach",
      headroom: "-50000.00",
      failedConditions: ["closed-list"],
    });
    expect(condition(r, "closed-list").positions).toEqual([
      expect.objectContaining({ lineId: "SCI-9", amount: "50000.00" }),
    ]);
  });
  it("L. 214-42: 5 % exactly passes the gate, 4.99 % breaks it; an advance to another company breaks the list of 2° and 3° companies", () => {
    const company = (own: string) =>
      item(3, "300000", { issuerId: "SCI", ownershipPct: own });
    const ok = rule(
      checkOne(sppicav(), [
        item(1, "600000"),
        company("0.05"),
        item(10, "50000", { issuerId: "SCI" }),
        item(9, "60000"),
      ]),
      "OPCI-CCA5",
    );
    expect(ok).toMatchObject({ status: "pass", failedConditions: [] });
    expect(condition(ok, "gate-5")).toMatchObject({
      status: "pass",
      value: 0.05,
    });
    const low = rule(
      checkOne(sppicav(), [
        item(1, "600000"),
        company("0.0499"),
        item(10, "50000", { issuerId: "SCI", lineId: "CCA-1" }),
        item(9, "60000"),
      ]),
      "OPCI-CCA5",
    );
    expect(low).toMatchObject({
      status: "breach",
      headroom: "-50000.00",
      failedConditions: ["gate-5"],
    });
    expect(condition(low, "gate-5")).toMatchObject({
      value: 0.0499,
      threshold: 0.05,
      positions: [expect.objectContaining({ lineId: "CCA-1" })],
    });
    const elsewhere = rule(
      checkOne(sppicav(), [
        item(1, "900000"),
        item(10, "40000", { issuerId: "ELSEWHERE" }),
        item(9, "60000"),
      ]),
      "OPCI-CCA5",
    );
    expect(elsewhere).toMatchObject({
      status: "breach",
      headroom: "-40000.00",
      failedConditions: ["companies-2-3"],
    });
  });
  it("L. 214-43: before three years the failed gate is reported, not binding", () => {
    const young = sppicav({ constitutionDate: "2024-01-15" });
    const r = rule(
      checkOne(young, [
        item(1, "900000"),
        item(10, "40000", { issuerId: "ELSEWHERE" }),
        item(9, "60000"),
      ]),
      "OPCI-CCA5",
    );
    expect(r.status).toBe("not-binding");
    expect(condition(r, "companies-2-3")).toMatchObject({
      failed: true,
      status: "not-binding",
      headroom: "-40000.00",
    });
  });
});

describe("Units: every amount says its unit", () => {
  it("L. 214-31 VI: FIP holder caps are measured in units of the fund, not EUR", () => {
    const fip = fundOf("FIP", {
      constitutionDate: "2022-01-15",
      chosenRegions: ["Bretagne"],
    });
    const report = checkWith(
      fip,
      [unlisted("100000")],
      [
        holder({ holderId: "H1", holderType: "NATURAL", units: "300" }),
        holder({ holderId: "H2", holderType: "NATURAL", units: "700" }),
      ],
    );
    for (const id of ["FIP-H20", "FIP-H10", "FIP-H30"])
      expect(rule(report, id).unit).toBe("units");
    expect(
      rule(report, "FIP-H20").groups?.every((g) => g.unit === "units"),
    ).toBe(true);
    expect(rule(report, "FIP-Q70").unit).toBe("EUR");
    expect(rule(report, "FIP-REG25").unit).toBe("EUR");
  });
});

describe("Rows to highlight", () => {
  it("L. 214-28 II 1°: a breach of the 5 % gate alone highlights the refused advance, not every advance", () => {
    const report = checkOne(fcpr(), [
      unlisted("500000", { issuerId: "A" }),
      advance("50000", "0.2", { issuerId: "A", row: 80 }),
      advance("10000", "0.03", { row: 81 }),
    ]);
    expect(rowsDriving(report, rule(report, "FCPR-CCA15"))).toEqual([81]);
  });
  it("L. 214-28 II 1°: when the 15 % limit fails too, every advance drives the breach", () => {
    const report = checkOne(fcpr(), [
      unlisted("500000"),
      advance("160000", "0.2", { row: 82 }),
      advance("10000", "0.03", { row: 83 }),
    ]);
    expect(rowsDriving(report, rule(report, "FCPR-CCA15"))).toEqual([82, 83]);
  });
});
