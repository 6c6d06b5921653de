import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

// Minimal workbooks where the plain reading of the register texts (test/properties/
// registers-oracle.property.test.ts) and the engine disagreed, with the law's answer as expected.

describe("OFF-QI · L. 411-2 1°: « un cercle restreint d'investisseurs agissant pour compte propre ou […] des investisseurs qualifiés »", () => {
  // Contract §3.2: « nonQualifiedOfferees < 150 and ownAccount; 0 needs no ownAccount »; §2: a blank
  // value a check needs makes the check unknown; §3.1: « a row is incomplete only when the unreadable
  // value could change its outcome ». A blank count may be 0 (qualified investors only), when the
  // offer is allowed whatever ownAccount says: the check is unknown, not failed.
  it("a blank nonQualifiedOfferees beside ownAccount false is unknown (incomplete), not a breach", () => {
    const report = checkWorkbook(
      readWorkbook({
        Offers: tableFromValues("Offers", [
          [
            "offerId",
            "issuerId",
            "offerCase",
            "offerDate",
            "nonQualifiedOfferees",
            "ownAccount",
          ],
          ["A", "ISS", "QUALIFIED", "2025-01-10", null, false],
        ]),
      }),
      { asOf: "2025-12-31" },
    );
    const issuer = report.issuers![0];
    const offer = issuer.offers[0];
    expect(offer.checks.find((c) => c.rule === "OFF-QI")!.met).toBeNull();
    expect(offer.status).toBe("incomplete");
    expect(issuer.rules.find((r) => r.id === "OFF-QI")).toMatchObject({
      value: 0,
      status: "incomplete",
    });
    expect(issuer.status).toBe("incomplete");
  });
});

describe("OTC-* counts · RG AMF 516-2 2° a) and exception, contract §4: « For trades, only trades that are not allowed are counted »", () => {
  const funds = tableFromValues("Funds", [
    ["fundId", "fundType", "legacyRules"],
    ["F1", "FCPR", "516-2"],
  ]);
  const HEADERS = [
    "tradeId",
    "fundId",
    "tradeDate",
    "instrumentType",
    "venue",
    "amountEur",
    "issuerMarketCap",
    "counterpartyDealsOnOwnAccount",
    "agreedPrice",
    "referenceVwap",
    "agreedAt",
    "vwapFrom",
    "requestForm",
  ];
  const run = (row: unknown[]) =>
    checkWorkbook(
      readWorkbook({
        Funds: funds,
        Trades: tableFromValues("Trades", [HEADERS, row]),
      }),
      { asOf: "2007-12-31" },
    ).funds[0];

  // 30 000 € of equity, capitalisation blank: « dépasse … soit 5 % de la capitalisation boursière »
  // is met if the capitalisation is below 600 000 €, so the trade may be allowed: it is incomplete
  // (the engine agrees), and an incomplete trade is not « not allowed ». The fund is incomplete, not
  // in breach (exit code 3, not 1).
  it("an equity trade whose OTC-EQ is unknown is not counted in OTC-DEALER: the fund is incomplete", () => {
    const fund = run([
      "T1",
      "F1",
      "2007-05-10",
      "EQUITY",
      "OFF_MARKET",
      30000,
      null,
      true,
      101,
      100,
      "2007-05-10 10:00",
      "2007-05-10 10:00",
      "WRITTEN",
    ]);
    expect(fund.trades![0].status).toBe("incomplete");
    expect(fund.rules.find((r) => r.id === "OTC-DEALER")).toMatchObject({
      value: 0,
    });
    expect(fund.rules.some((r) => r.status === "breach")).toBe(false);
    expect(fund.status).toBe("incomplete");
  });

  // 7 500 000 € does not « dépasse » 7,5 M€ nor 5 % of 200 M€, but the dealer exception may allow it:
  // own account, ≥ 500 000 €, period from the agreement; the VWAP is blank, so the 1 % test is
  // unknown and the trade is incomplete (the engine agrees). OTC-EQ failing on it is no breach.
  it("an equity trade the dealer exception may allow is not counted in OTC-EQ: the fund is incomplete", () => {
    const fund = run([
      "T1",
      "F1",
      "2007-05-10",
      "EQUITY",
      "OFF_MARKET",
      7500000,
      200000000,
      true,
      101,
      null,
      "2007-05-10 10:00",
      "2007-05-10 10:00",
      "WRITTEN",
    ]);
    expect(fund.trades![0].status).toBe("incomplete");
    expect(fund.rules.find((r) => r.id === "OTC-EQ")).toMatchObject({
      value: 0,
    });
    expect(fund.status).toBe("incomplete");
  });
});

describe("OFF-12M · D. 411-2-1 IV: « calculés sur une période de douze mois qui suit la date de la première offre »", () => {
  // Contract §3.4: every SMALL_OFFER and CROWDFUNDING offer of the issuer is counted, « whatever their
  // own checks say »; §3.1: a row is incomplete when an unreadable value could change its outcome, and
  // an unreadable value never makes a pass. B's date is blank: were it 2024-06-01, B would open the
  // window and A's running total would be 4 000 000 + 5 000 000 = 9 000 000 €, not « inférieur à
  // 8 000 000 d'euros ». A's OFF-12M is unknown, not met.
  it("an offer whose window may hold a counted offer of unknown date is incomplete, not a pass", () => {
    const report = checkWorkbook(
      readWorkbook({
        Offers: tableFromValues("Offers", [
          ["offerId", "issuerId", "offerCase", "offerDate", "offerAmount"],
          ["A", "ISS", "SMALL_OFFER", "2025-01-10", 5000000],
          ["B", "ISS", "SMALL_OFFER", null, 4000000],
        ]),
      }),
      { asOf: "2025-12-31" },
    );
    const a = report.issuers![0].offers.find((o) => o.offerId === "A")!;
    expect(a.checks.find((c) => c.rule === "OFF-12M")!.met).toBeNull();
    expect(a.status).toBe("incomplete");
  });
});
