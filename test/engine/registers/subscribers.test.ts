import { describe, expect, it } from "vitest";
import type { SubscriptionRow } from "../../../src/engine/registers/types";
import { check, dec, eur } from "./build";

const ok = {
  warningGiven: true,
  rulesDeliveredDate: "2025-01-01",
  acknowledgementDate: "2025-01-10",
};
const allege = [{ allege: true }];
const sub = (x: Partial<SubscriptionRow>): Partial<SubscriptionRow> => ({
  investorId: "I1",
  subscriptionDate: "2025-01-10",
  ...ok,
  ...x,
});
const rows = (r: ReturnType<typeof check>) => r.funds[0].subscriptions!;
const met = (
  o: { checks: { rule: string; met: boolean | null }[] },
  rule: string,
) => o.checks.find((c) => c.rule === rule)!.met;

describe("E1, E2, E3, FCPRA-ELIG · RG AMF 412-113 I 1° to 3°: « investisseurs mentionnés au premier alinéa de l'article L. 214-38 », « A l'Etat », « aux banques centrales »", () => {
  it("an investor of L. 214-38, the State or a central bank is eligible whatever the amount; another investor needs a case of 4° to 8°", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("1"),
          investorCategory: "L214_38_INVESTOR",
        }),
        sub({ investorId: "B", amount: eur("1"), investorCategory: "STATE" }),
        sub({
          investorId: "C",
          amount: eur("1"),
          investorCategory: "SUPRANATIONAL",
        }),
        sub({ investorId: "D", amount: eur("1") }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual([
      "pass",
      "pass",
      "pass",
      "breach",
    ]);
    expect(rows(r).map((s) => s.eligibleUnder)).toEqual([
      ["E1"],
      ["E2"],
      ["E3"],
      [],
    ]);
    expect(rows(r)[0].decisive).toMatchObject({ rule: "E1", met: true });
    expect(r.funds[0].rules.find((x) => x.id === "FCPRA-ELIG")).toMatchObject({
      value: 1,
      denominator: "4",
      status: "breach",
    });
  });

  it("an unreadable category leaves 1° to 3° unknown: a small subscription is incomplete, decided by E1", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("1"),
          invalid: new Set(["investorCategory"]),
        }),
        sub({
          investorId: "B",
          amount: eur("500000"),
          invalid: new Set(["investorCategory"]),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["incomplete", "pass"]);
    expect(met(rows(r)[0], "E2")).toBeNull();
    expect(rows(r)[0].decisive).toMatchObject({ rule: "E1", met: null });
    expect(rows(r)[1].eligibleUnder).toEqual(["E8"]);
  });
});

describe("E4 · RG AMF 412-113 I 4°: « souscription initiale est d'au moins de 30 000 euros » and « pendant au moins un an »", () => {
  it("exactly 30 000 € and one year passes; 29 999,99 € or 0,9 year fails", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("30000"),
          financialSectorYears: dec("1"),
        }),
        sub({
          investorId: "B",
          amount: eur("29999.99"),
          financialSectorYears: dec("5"),
        }),
        sub({
          investorId: "C",
          amount: eur("30000"),
          financialSectorYears: dec("0.9"),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach", "breach"]);
    expect(rows(r)[0].eligibleUnder).toEqual(["E4"]);
    expect(
      rows(r)[1].checks.find((c) => c.rule === "E4")!.tests![0],
    ).toMatchObject({
      name: "initialSubscription",
      met: false,
      operator: ">=",
      threshold: 30000,
    });
  });
});

describe("E5 · RG AMF 412-113 I 5°: 30 000 € and one of a), b), c)", () => {
  it("needs one of the three alternatives; a blank one is not evidenced", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({ investorId: "A", amount: eur("30000"), assistsManager: true }),
        sub({ investorId: "B", amount: eur("30000") }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach"]);
    expect(rows(r)[0].eligibleUnder).toEqual(["E5"]);
  });
});

describe("E6 · RG AMF 412-113 I 6°: « supérieure ou égale à 1 000 000 euros »", () => {
  it("exactly 1 000 000 € passes, 999 999,99 € fails", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("30000"),
          depositsAndPortfolio: eur("1000000"),
        }),
        sub({
          investorId: "B",
          amount: eur("30000"),
          depositsAndPortfolio: eur("999999.99"),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach"]);
  });
});

describe("E7 · RG AMF 412-113 I 7°: « deux des trois critères », each « supérieur à »", () => {
  it("strictly above: 20 000 000 € of balance sheet is not a criterion; two of three pass; never a natural person", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          investorType: "LEGAL",
          amount: eur("1000"),
          balanceSheetTotal: eur("20000000.01"),
          equity: eur("2000000.01"),
        }),
        sub({
          investorId: "B",
          investorType: "LEGAL",
          amount: eur("1000"),
          balanceSheetTotal: eur("20000000"),
          equity: eur("2000000.01"),
        }),
        sub({
          investorId: "C",
          investorType: "NATURAL",
          amount: eur("1000"),
          balanceSheetTotal: eur("30000000"),
          turnover: eur("50000000"),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach", "breach"]);
    expect(rows(r)[0].eligibleUnder).toEqual(["E7"]);
  });

  it("« aux sociétés »: a blank investor type does not show a company, so two of the three criteria alone are not eligibility (contract: blank evidence is not evidenced)", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("1000"),
          balanceSheetTotal: eur("30000000"),
          turnover: eur("50000000"),
          equity: eur("3000000"),
        }),
      ],
    });
    expect(rows(r)[0].status).toBe("breach");
    expect(rows(r)[0].eligibleUnder).toEqual([]);
    expect(met(rows(r)[0], "E7")).toBe(false);
  });
});

describe("E8 · RG AMF 412-113 I 8°: « supérieure ou égale à 500 000 euros »", () => {
  it("exactly 500 000 € passes, 499 999,99 € fails", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({ investorId: "A", amount: eur("500000") }),
        sub({ investorId: "B", amount: eur("499999.99") }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach"]);
    expect(rows(r)[0].eligibleUnder).toEqual(["E8"]);
  });
});

describe("RG AMF 412-113 I: the « souscription initiale » is the first operation, never cumulative holdings (contract §3.5)", () => {
  it("20 000 € then 15 000 € fails on both rows; 30 000 € then 5 000 € passes on both", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          subscriptionDate: "2025-01-10",
          amount: eur("20000"),
          financialSectorYears: dec("3"),
        }),
        sub({
          investorId: "A",
          subscriptionDate: "2025-03-10",
          amount: eur("15000"),
          financialSectorYears: dec("3"),
        }),
        sub({
          investorId: "B",
          subscriptionDate: "2025-01-10",
          amount: eur("30000"),
          financialSectorYears: dec("3"),
        }),
        sub({
          investorId: "B",
          subscriptionDate: "2025-03-10",
          amount: eur("5000"),
          financialSectorYears: dec("3"),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual([
      "breach",
      "breach",
      "pass",
      "pass",
    ]);
    expect(rows(r)[3].initialSubscription).toEqual({
      amountEur: "30000.00",
      date: "2025-01-10",
      rows: [4],
    });
  });

  it("several forms the same first day add up; an acquisition's price stands in", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          operation: "ACQUISITION",
          amount: eur("400000"),
        }),
        sub({ investorId: "A", amount: eur("100000") }),
      ],
    });
    expect(rows(r)[0].initialSubscription?.amountEur).toBe("500000.00");
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "pass"]);
  });
});

describe("INSIDER · RG AMF 412-113 I, last paragraph: « Les seuils mentionnés au I ne sont pas applicables » to insiders", () => {
  it("a natural-person insider is eligible whatever the amount; a legal person marked insider is assessed as worded, with a warning", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          investorType: "NATURAL",
          insider: true,
          amount: eur("1000"),
        }),
        sub({
          investorId: "B",
          investorType: "LEGAL",
          insider: true,
          amount: eur("1000"),
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach"]);
    expect(rows(r)[0].eligibleUnder).toEqual(["INSIDER"]);
    expect(r.funds[0].diagnostics).toContainEqual(
      expect.objectContaining({ code: "insider-legal-person", row: 3 }),
    );
  });

  it("II and III still bind an insider", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({ insider: true, amount: eur("1000"), warningGiven: false }),
      ],
    });
    expect(rows(r)[0].status).toBe("breach");
    expect(rows(r)[0].decisive?.rule).toBe("FCPRA-WARN");
  });
});

describe("FCPRA-WARN, FCPRA-ACK, FCPRA-DEPO · RG AMF 412-113 II, III and IV: the warning, the rules « préalablement », the acknowledgement « lors de la souscription », the failures the depositary reports", () => {
  it("same day passes, the day after fails; a blank date is not evidenced", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({
          investorId: "A",
          amount: eur("500000"),
          rulesDeliveredDate: "2025-01-10",
          acknowledgementDate: "2025-01-10",
        }),
        sub({
          investorId: "B",
          amount: eur("500000"),
          acknowledgementDate: "2025-01-11",
        }),
        sub({
          investorId: "C",
          amount: eur("500000"),
          rulesDeliveredDate: undefined,
        }),
      ],
    });
    expect(rows(r).map((s) => s.status)).toEqual(["pass", "breach", "breach"]);
    expect(met(rows(r)[1], "FCPRA-ACK")).toBe(false);
    expect(r.funds[0].rules.find((x) => x.id === "FCPRA-ACK")).toMatchObject({
      value: 2,
      denominator: "3",
      status: "breach",
      legacy: true,
    });
    expect(r.funds[0].rules.find((x) => x.id === "FCPRA-DEPO")).toMatchObject({
      status: "info",
      value: 2,
    });
  });

  it("an absent warningGiven column makes FCPRA-WARN unknown, with one warning on the header row", () => {
    const r = check({
      funds: allege,
      subscribers: [
        sub({ investorId: "A", amount: eur("500000") }),
        sub({ investorId: "B", amount: eur("600000") }),
      ],
      without: { Subscribers: ["warningGiven"] },
    });
    expect(rows(r).map((s) => s.status)).toEqual(["incomplete", "incomplete"]);
    const warnings = [...r.diagnostics, ...r.funds[0].diagnostics].filter(
      (d) => d.code === "register-control-absent",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ row: 1, column: "warningGiven" });
    expect(r.funds[0].rules.find((x) => x.id === "FCPRA-WARN")).toMatchObject({
      status: "incomplete",
      partial: true,
    });
  });
});

describe("legacy opt-in (contract §3.9)", () => {
  it("a fund not marked allege has its rows read and listed as info; no FCPRA rule is listed", () => {
    const r = check({ funds: [{}], subscribers: [sub({ amount: eur("1") })] });
    expect(rows(r)[0]).toMatchObject({ status: "info", scope: "not-opted-in" });
    expect(r.funds[0].rules.filter((x) => x.id.startsWith("FCPRA"))).toEqual(
      [],
    );
  });

  it("a row dated after the as-of date is info", () => {
    const r = check({
      funds: allege,
      subscribers: [sub({ amount: eur("1"), subscriptionDate: "2026-02-01" })],
    });
    expect(rows(r)[0]).toMatchObject({ status: "info", scope: "after-as-of" });
  });
});
