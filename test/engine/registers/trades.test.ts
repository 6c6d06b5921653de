import { describe, expect, it } from "vitest";
import type { TradeRow } from "../../../src/engine/registers/types";
import { check, dec, eur } from "./build";

const opted = [{ legacyRules: ["516-2"] }];
const trade = (x: Partial<TradeRow>): Partial<TradeRow> => ({
  tradeDate: "2007-05-10",
  venue: "OFF_MARKET",
  requestForm: "WRITTEN",
  ...x,
});
const rows = (r: ReturnType<typeof check>) => r.funds[0].trades!;
const statuses = (r: ReturnType<typeof check>) => rows(r).map((t) => t.status);
const asOf = "2007-12-31";

describe("OTC-EQ · RG AMF 516-2 2° a): « dépasse … soit 5 % de la capitalisation boursière de l'émetteur, soit 7,5 millions d'euros »", () => {
  it("exactly 7 500 000 € does not exceed; 7 500 000,01 € does, even with the capitalisation blank", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "EQUITY",
            amountEur: eur("7500000"),
            issuerMarketCap: eur("1000000000"),
          }),
          trade({ instrumentType: "EQUITY", amountEur: eur("7500000.01") }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["breach", "pass"]);
    expect(rows(r)[1].allowedBy).toBe("OTC-EQ");
  });

  it("exactly 5 % of the capitalisation does not exceed; one cent more does (the « either » reading)", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "EQUITY",
            amountEur: eur("5000000"),
            issuerMarketCap: eur("100000000"),
          }),
          trade({
            instrumentType: "EQUITY",
            amountEur: eur("5000000.01"),
            issuerMarketCap: eur("100000000"),
          }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["breach", "pass"]);
    expect(rows(r)[0].checks.find((c) => c.rule === "OTC-EQ")).toMatchObject({
      threshold: 5000000,
      operator: ">",
    });
  });

  it("the « both » reading (RULES.md §5 Q22) needs each limb: 5 % alone is not enough", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "EQUITY",
            amountEur: eur("5000000.01"),
            issuerMarketCap: eur("100000000"),
          }),
          trade({
            instrumentType: "EQUITY",
            amountEur: eur("7500000.01"),
            issuerMarketCap: eur("100000000"),
          }),
        ],
      },
      asOf,
      { soitSoit: "both" },
    );
    expect(statuses(r)).toEqual(["breach", "pass"]);
  });

  it("a blank capitalisation when 7,5 M€ does not decide: incomplete, with a diagnostic naming the column", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({ instrumentType: "EQUITY", amountEur: eur("1000000") }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["incomplete"]);
    expect(r.funds[0].diagnostics).toContainEqual(
      expect.objectContaining({
        table: "Trades",
        row: 2,
        column: "issuerMarketCap",
      }),
    );
    expect(r.funds[0].rules.find((x) => x.id === "OTC-EQ")).toMatchObject({
      status: "incomplete",
      legacy: true,
    });
  });
});

describe("OTC-DEALER · RG AMF 516-2 2°, exception to a): « égal à ou dépasse 500 000 euros », « pas de plus de 1 % »", () => {
  const dealer = (x: Partial<TradeRow>) =>
    trade({
      instrumentType: "EQUITY",
      issuerMarketCap: eur("10000000000"),
      counterpartyDealsOnOwnAccount: true,
      agreedPrice: dec("101"),
      referenceVwap: dec("100"),
      agreedAt: "2007-05-10T10:00",
      vwapFrom: "2007-05-10T10:00",
      ...x,
    });
  it("exactly 500 000 € at exactly 1 % from the VWAP passes; 499 999,99 €, 1,01 %, a period before the agreement, or no own account fail", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          dealer({ amountEur: eur("500000") }),
          dealer({ amountEur: eur("499999.99") }),
          dealer({ amountEur: eur("500000"), agreedPrice: dec("101.01") }),
          dealer({ amountEur: eur("500000"), vwapFrom: "2007-05-10T09:59" }),
          dealer({
            amountEur: eur("500000"),
            counterpartyDealsOnOwnAccount: false,
          }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual([
      "pass",
      "breach",
      "breach",
      "breach",
      "breach",
    ]);
    expect(rows(r)[0].allowedBy).toBe("OTC-DEALER");
    const d = rows(r)[0].checks.find((c) => c.rule === "OTC-DEALER")!;
    expect(d.tests!.map((t) => [t.name, t.met])).toEqual([
      ["amount", true],
      ["priceDeviation", true],
      ["ownAccount", true],
      ["vwapWindow", true],
    ]);
    expect(r.funds[0].rules.find((x) => x.id === "OTC-EQ")).toMatchObject({
      value: 4,
      denominator: "5",
    });
  });
});

describe("OTC-DEBT, OTC-FUND-EQ, OTC-FUND-BOND · RG AMF 516-2 2° b) and c): « dépasse … 30 000 euros »", () => {
  it("debt: exactly 30 000 € fails, 30 000,01 € passes", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({ instrumentType: "DEBT", amountEur: eur("30000") }),
          trade({ instrumentType: "DEBT", amountEur: eur("30000.01") }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["breach", "pass"]);
  });

  it("fund units: « Obligations » above 30 000 €, « Actions » as a), any other classification is not allowed", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "FUND_UNITS",
            fundClassification: "BOND_FUND",
            amountEur: eur("30000.01"),
          }),
          trade({
            instrumentType: "FUND_UNITS",
            fundClassification: "EQUITY_FUND",
            amountEur: eur("7500000.01"),
          }),
          trade({
            instrumentType: "FUND_UNITS",
            fundClassification: "OTHER",
            amountEur: eur("90000000"),
          }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["pass", "pass", "breach"]);
    expect(rows(r)[1].allowedBy).toBe("OTC-FUND-EQ");
  });
});

describe("OTC-INSTR, OTC-REQ, OTC-PACKAGE · RG AMF 516-2 1°, 3° and last paragraph", () => {
  it("1°: an instrument other than equity, debt or fund units is not allowed", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({ instrumentType: "OTHER", amountEur: eur("90000000") }),
        ],
      },
      asOf,
    );
    expect(rows(r)[0]).toMatchObject({
      status: "breach",
      decisive: { rule: "OTC-INSTR" },
    });
  });

  it("3°: « par écrit et pour chaque transaction »; any means for exempt clients; a standing request for debt, at most one year", () => {
    const big = { instrumentType: "DEBT" as const, amountEur: eur("100000") };
    const r = check(
      {
        funds: opted,
        trades: [
          trade({ ...big, requestForm: "OTHER_MEANS" }),
          trade({
            ...big,
            requestForm: "OTHER_MEANS",
            clientCategory: "INVESTMENT_FIRM",
          }),
          trade({
            ...big,
            requestForm: "STANDING",
            clientCategory: "L531_2",
            standingFrom: "2006-05-10",
          }),
          trade({
            ...big,
            requestForm: "STANDING",
            clientCategory: "L531_2",
            standingFrom: "2006-05-09",
            standingUntil: "2008-01-01",
          }),
          trade({
            ...big,
            instrumentType: "EQUITY",
            amountEur: eur("8000000"),
            requestForm: "STANDING",
            clientCategory: "L531_2",
            standingFrom: "2007-01-01",
          }),
          trade({ ...big, requestForm: undefined }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual([
      "breach",
      "pass",
      "pass",
      "breach",
      "breach",
      "breach",
    ]);
  });

  it("3°: « la durée de la dérogation ne peut excéder un an »: an unreadable end leaves a trade within the year unknown, one after it still fails", () => {
    const standing = {
      instrumentType: "DEBT" as const,
      amountEur: eur("100000"),
      requestForm: "STANDING" as const,
      clientCategory: "L531_2" as const,
      invalid: new Set(["standingUntil"]),
    };
    const r = check(
      {
        funds: opted,
        trades: [
          trade({ ...standing, standingFrom: "2007-01-01" }),
          trade({ ...standing, standingFrom: "2006-05-09" }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["incomplete", "breach"]);
    const req = (i: number) =>
      rows(r)[i].checks.find((c) => c.rule === "OTC-REQ")!;
    expect(req(0).met).toBeNull();
    expect(
      req(0).tests!.find((x) => x.name === "standingPeriod")!.met,
    ).toBeNull();
    expect(req(1).met).toBe(false);
  });

  it("last paragraph: a declared package needs nothing else, not even 1°; it is listed alone and counted as info", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "OTHER",
            packageDeclared: true,
            requestForm: undefined,
          }),
        ],
      },
      asOf,
    );
    expect(rows(r)[0]).toMatchObject({
      status: "pass",
      allowedBy: "OTC-PACKAGE",
    });
    expect(rows(r)[0].checks.map((c) => c.rule)).toEqual(["OTC-PACKAGE"]);
    expect(r.funds[0].rules.find((x) => x.id === "OTC-PACKAGE")).toMatchObject({
      status: "info",
      value: 1,
    });
  });
});

describe("counts (contract §4: « For trades, only trades that are not allowed are counted »)", () => {
  it("a trade that may be a declared package is not « not allowed »: its failed 1° counts as unknown, not as a breach", () => {
    const r = check(
      {
        funds: opted,
        trades: [
          trade({
            instrumentType: "OTHER",
            packageDeclared: undefined,
            invalid: new Set(["packageDeclared"]),
          }),
        ],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["incomplete"]);
    expect(rows(r)[0].checks.find((c) => c.rule === "OTC-INSTR")!.met).toBe(
      false,
    );
    expect(r.funds[0].rules.find((x) => x.id === "OTC-INSTR")).toMatchObject({
      value: 0,
      status: "incomplete",
    });
    expect(r.funds[0].status).toBe("incomplete");
  });

  it("a trade not allowed is counted against each check it fails", () => {
    const r = check(
      {
        funds: opted,
        trades: [trade({ instrumentType: "DEBT", amountEur: eur("30000") })],
      },
      asOf,
    );
    expect(statuses(r)).toEqual(["breach"]);
    expect(r.funds[0].rules.find((x) => x.id === "OTC-DEBT")).toMatchObject({
      value: 1,
      status: "breach",
    });
  });
});

describe("scope and legacy opt-in (contract §3.8, §3.9)", () => {
  it("regulated-market rows and rows after the as-of date are info; a fund that does not opt in lists its rows as info and no OTC rule", () => {
    const r = check(
      {
        funds: [{ legacyRules: ["RG AMF 516-2"] }, { fundId: "F2" }],
        trades: [
          trade({
            fundId: "F1",
            venue: "REGULATED",
            instrumentType: "DEBT",
            amountEur: eur("1"),
          }),
          trade({
            fundId: "F1",
            tradeDate: "2008-01-02",
            instrumentType: "DEBT",
            amountEur: eur("1"),
          }),
          trade({ fundId: "F2", instrumentType: "DEBT", amountEur: eur("1") }),
        ],
      },
      asOf,
    );
    expect(r.funds[0].trades!.map((t) => t.scope)).toEqual([
      "regulated-market",
      "after-as-of",
    ]);
    expect(r.funds[1].trades![0]).toMatchObject({
      status: "info",
      scope: "not-opted-in",
    });
    expect(r.funds[1].rules).toEqual([]);
  });

  it("an unknown legacyRules value is a warning and is ignored", () => {
    const r = check(
      {
        funds: [{ legacyRules: ["412-999"] }],
        trades: [trade({ instrumentType: "DEBT", amountEur: eur("1") })],
      },
      asOf,
    );
    expect(r.funds[0].diagnostics).toContainEqual(
      expect.objectContaining({
        code: "legacy-rule-unknown",
        severity: "warning",
      }),
    );
    expect(rows(r)[0].status).toBe("info");
  });
});
