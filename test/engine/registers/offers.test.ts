import { describe, expect, it } from "vitest";
import { check, dec, eur } from "./build";

const issuer = (r: ReturnType<typeof check>, id = "ISS") =>
  r.issuers!.find((i) => i.issuerId === id)!;
const offer = (r: ReturnType<typeof check>, id: string) =>
  r.issuers!.flatMap((i) => i.offers).find((o) => o.offerId === id)!;
const checkOf = (
  o: { checks: { rule: string; met: boolean | null }[] },
  rule: string,
) => o.checks.find((c) => c.rule === rule)!;

describe("OFF-8M · D. 411-2-1 I: « inférieur à 8 000 000 euros ou à la contre-valeur de ce montant en devises »", () => {
  it("7 999 999,99 € passes; exactly 8 000 000 € is not below, a breach", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-10",
          offerAmount: eur("7999999.99"),
        },
        {
          offerId: "B",
          issuerId: "ISS2",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-10",
          offerAmount: eur("8000000"),
        },
      ],
    });
    expect(offer(r, "A").status).toBe("pass");
    expect(checkOf(offer(r, "A"), "OFF-8M").met).toBe(true);
    expect(offer(r, "B").status).toBe("breach");
    expect(checkOf(offer(r, "B"), "OFF-8M")).toMatchObject({
      met: false,
      operator: "<",
      threshold: 8000000,
      unit: "EUR",
    });
    expect(
      issuer(r, "ISS2").rules.find((x) => x.id === "OFF-8M"),
    ).toMatchObject({ status: "breach", value: 1, unit: "count" });
  });

  it("a foreign amount is converted to the millionth, never rounded to the cent: 8 680 239,99 USD at 1,08503 is 7 999 999,990784 €", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-10",
          offerAmount: eur("8680239.99"),
          currency: "USD",
          fxRate: dec("1.08503"),
        },
      ],
    });
    expect(offer(r, "A").amountEur).toBe("7999999.990784");
    expect(offer(r, "A").status).toBe("pass");
  });

  it("a foreign amount without its rate is unknown: incomplete, with a diagnostic naming the column", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-10",
          offerAmount: eur("100"),
          currency: "USD",
        },
      ],
    });
    expect(offer(r, "A").status).toBe("incomplete");
    expect(issuer(r).diagnostics.map((d) => d.column)).toContain("fxRate");
    expect(r.summary.incomplete).toBeGreaterThan(0);
  });
});

describe("OFF-100K-INV · D. 411-2-1 II: « d'au moins 100 000 euros … par investisseur et par offre distincte »", () => {
  const offers = [
    {
      offerId: "A",
      offerCase: "LARGE_TICKET" as const,
      offerDate: "2025-01-10",
    },
    {
      offerId: "B",
      offerCase: "LARGE_TICKET" as const,
      offerDate: "2025-02-10",
    },
  ];
  it("exactly 100 000 € passes, 99 999,99 € fails", () => {
    const r = check({
      offers,
      subscribers: [
        {
          offerId: "A",
          investorId: "I1",
          subscriptionDate: "2025-01-11",
          amount: eur("100000"),
        },
        {
          offerId: "B",
          investorId: "I1",
          subscriptionDate: "2025-02-11",
          amount: eur("99999.99"),
        },
      ],
    });
    expect(offer(r, "A").status).toBe("pass");
    expect(offer(r, "B").status).toBe("breach");
    expect(checkOf(offer(r, "B"), "OFF-100K-INV")).toMatchObject({
      key: "I1",
      met: false,
      operator: ">=",
      threshold: 100000,
    });
  });

  it("adds an investor's rows within one offer, never across offers", () => {
    const r = check({
      offers,
      subscribers: [
        {
          offerId: "A",
          investorId: "I1",
          subscriptionDate: "2025-01-11",
          amount: eur("60000"),
        },
        {
          offerId: "A",
          investorId: "I1",
          subscriptionDate: "2025-01-12",
          amount: eur("40000"),
        },
        {
          offerId: "B",
          investorId: "I2",
          subscriptionDate: "2025-02-11",
          amount: eur("60000"),
        },
        {
          offerId: "A",
          investorId: "I2",
          subscriptionDate: "2025-01-11",
          amount: eur("40000"),
        },
      ],
    });
    const a = offer(r, "A");
    expect(a.investors).toEqual([
      { investorId: "I1", rows: [2, 3], amountEur: "100000.00" },
      { investorId: "I2", rows: [5], amountEur: "40000.00" },
    ]);
    expect(a.status).toBe("breach");
    expect(offer(r, "B").status).toBe("breach");
    expect(issuer(r).rules.find((x) => x.id === "OFF-100K-INV")).toMatchObject({
      value: 2,
      denominator: "3",
      status: "breach",
    });
  });

  it("an offer with no Subscribers row is unknown", () => {
    const r = check({ offers: [offers[0]] });
    expect(offer(r, "A").status).toBe("incomplete");
  });
});

describe("OFF-100K-NOM · D. 411-2-1 III: « dont la valeur nominale s'élève au moins à 100 000 euros »", () => {
  it("exactly 100 000 € passes, 99 999,99 € fails", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "HIGH_NOMINAL",
          offerDate: "2025-01-10",
          nominalPerSecurity: eur("100000"),
        },
        {
          offerId: "B",
          offerCase: "HIGH_NOMINAL",
          offerDate: "2025-01-10",
          nominalPerSecurity: eur("99999.99"),
        },
      ],
    });
    expect(offer(r, "A").status).toBe("pass");
    expect(offer(r, "B").status).toBe("breach");
  });
});

describe("OFF-12M · D. 411-2-1 IV: « inférieur à 8 000 000 d'euros calculé sur une période de douze mois »", () => {
  it("offers made the same day run in the order of their offerId, whatever the rows' order: sorting the register names the same offer", () => {
    const same = (offerId: string, amount: string) => ({
      offerId,
      offerCase: "SMALL_OFFER" as const,
      offerDate: "2024-06-01",
      offerAmount: eur(amount),
    });
    const offers = [same("B", "4000000"), same("A", "5000000")];
    for (const list of [offers, [...offers].reverse()]) {
      const r = check({ offers: list }, "2024-12-31");
      expect([offer(r, "A").status, offer(r, "B").status]).toEqual(["pass", "breach"]);
    }
  });

  it("one issuer's offers whatever the case or spaces of its issuerId (ids match as fund ids do): « ISS » 5 M€ and « iss » 4 M€ are 9 M€ over twelve months, a breach", () => {
    const r = check(
      {
        offers: [
          { offerId: "A", issuerId: "ISS", offerCase: "SMALL_OFFER", offerDate: "2024-03-01", offerAmount: eur("5000000") },
          { offerId: "B", issuerId: " iss", offerCase: "SMALL_OFFER", offerDate: "2024-06-01", offerAmount: eur("4000000") },
        ],
      },
      "2024-12-31",
    );
    expect(r.issuers!.map((i) => i.issuerId)).toEqual(["ISS"]);
    expect(issuer(r, "ISS").rules.find((x) => x.id === "OFF-12M")).toMatchObject({ status: "breach", numerator: "9000000.00" });
    expect(offer(r, "B").status).toBe("breach");
  });

  it("running totals name the offer that brings the window to 8 000 000 €: a breach with headroom 0,00", () => {
    const r = check(
      {
        offers: [
          {
            offerId: "A1",
            offerCase: "SMALL_OFFER",
            offerDate: "2024-03-15",
            offerAmount: eur("3000000"),
          },
          {
            offerId: "A2",
            offerCase: "CROWDFUNDING",
            offerDate: "2024-06-01",
            offerAmount: eur("4000000"),
            securityType: "EQUITY",
            channel: "CIP_WEBSITE",
          },
          {
            offerId: "A3",
            offerCase: "SMALL_OFFER",
            offerDate: "2024-09-01",
            offerAmount: eur("1000000"),
          },
        ],
      },
      "2024-12-31",
    );
    expect(offer(r, "A1").status).toBe("pass");
    expect(offer(r, "A2").status).toBe("pass");
    expect(offer(r, "A3").status).toBe("breach");
    expect(checkOf(offer(r, "A3"), "OFF-8M").met).toBe(true);
    expect(checkOf(offer(r, "A3"), "OFF-12M")).toMatchObject({
      key: "2024-03-15",
      met: false,
      value: 8000000,
    });
    expect(offer(r, "A2").window).toBe("2024-03-15");
    const rule = issuer(r).rules.find((x) => x.id === "OFF-12M")!;
    expect(rule).toMatchObject({
      status: "breach",
      value: 8000000,
      numerator: "8000000.00",
      denominator: null,
      headroom: "0.00",
      operator: "<",
    });
    expect(rule.groups).toEqual([
      {
        key: "2024-03-15",
        from: "2024-03-15",
        until: "2025-03-15",
        offers: ["A1", "A2", "A3"],
        value: 8000000,
        numerator: "8000000.00",
        status: "breach",
        unit: "EUR",
      },
    ]);
    expect(rule.message).toContain("offer A3");
    expect(r.summary.breaches).toBeGreaterThan(0);
  });

  it("7 999 999,99 € over the window passes with 0,01 € of headroom", () => {
    const r = check({
      offers: [
        {
          offerId: "A1",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-15",
          offerAmount: eur("4000000"),
        },
        {
          offerId: "A2",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-02-15",
          offerAmount: eur("3999999.99"),
        },
      ],
    });
    expect(issuer(r).rules.find((x) => x.id === "OFF-12M")).toMatchObject({
      status: "pass",
      headroom: "0.01",
    });
  });

  it("the anniversary is in the window; the day after opens the next one (windows do not roll)", () => {
    const r = check({
      offers: [
        {
          offerId: "A1",
          offerCase: "SMALL_OFFER",
          offerDate: "2024-01-31",
          offerAmount: eur("5000000"),
        },
        {
          offerId: "A2",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-01-31",
          offerAmount: eur("3000000"),
        },
        {
          offerId: "A3",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-02-01",
          offerAmount: eur("7000000"),
        },
        {
          offerId: "A4",
          offerCase: "SMALL_OFFER",
          offerDate: "2025-06-01",
          offerAmount: eur("1000000"),
        },
      ],
    });
    expect(offer(r, "A2").window).toBe("2024-01-31");
    expect(offer(r, "A2").status).toBe("breach");
    expect(offer(r, "A3").window).toBe("2025-02-01");
    expect(offer(r, "A3").status).toBe("pass");
    expect(offer(r, "A4").status).toBe("breach");
    const groups = issuer(r).rules.find((x) => x.id === "OFF-12M")!.groups!;
    expect(groups.map((g) => [g.key, g.until, g.numerator])).toEqual([
      ["2024-01-31", "2025-01-31", "8000000.00"],
      ["2025-02-01", "2026-02-01", "8000000.00"],
    ]);
  });

  it("offers after the as-of date are not counted and are listed as info", () => {
    const r = check(
      {
        offers: [
          {
            offerId: "A1",
            offerCase: "SMALL_OFFER",
            offerDate: "2025-01-15",
            offerAmount: eur("7000000"),
          },
          {
            offerId: "A2",
            offerCase: "SMALL_OFFER",
            offerDate: "2025-07-15",
            offerAmount: eur("7000000"),
          },
        ],
      },
      "2025-06-30",
    );
    expect(offer(r, "A2")).toMatchObject({
      status: "info",
      scope: "after-as-of",
    });
    expect(issuer(r).status).toBe("pass");
  });
});

describe("OFF-12M with a counted offer that cannot be placed (date or case unknown; contract §3.1)", () => {
  const small = (
    offerId: string,
    offerDate: string | undefined,
    amount: string,
  ) => ({
    offerId,
    offerCase: "SMALL_OFFER" as const,
    offerDate,
    offerAmount: eur(amount),
  });

  it("a pass stands when even the undated offer in its window stays below 8 000 000 €", () => {
    const r = check({
      offers: [
        small("A", "2025-01-10", "5000000"),
        small("B", undefined, "2999999.99"),
      ],
    });
    expect(checkOf(offer(r, "A"), "OFF-12M").met).toBe(true);
    expect(offer(r, "A").status).toBe("pass");
    expect(issuer(r).rules.find((x) => x.id === "OFF-12M")!.status).toBe(
      "incomplete",
    );
  });

  it("an undated offer may move the windows: an earlier offer of the twelve months before counts, even when the undated amount is 0 €", () => {
    // X opens [2024-01-10, 2025-01-10] with Y; A opens the next window. Were B dated 2023-12-01,
    // B's window would end on 2024-12-01, Y would open one with A: 6 000 000 + 5 000 000 €.
    const r = check({
      offers: [
        small("X", "2024-01-10", "1000000"),
        small("Y", "2024-12-20", "6000000"),
        small("A", "2025-01-20", "5000000"),
        small("B", undefined, "0"),
      ],
    });
    expect(offer(r, "A").window).toBe("2025-01-20");
    expect(checkOf(offer(r, "A"), "OFF-12M").met).toBeNull();
    expect(offer(r, "A").status).toBe("incomplete");
    // X and Y stay below 8 000 000 € wherever B falls: they pass.
    expect([offer(r, "X").status, offer(r, "Y").status]).toEqual([
      "pass",
      "pass",
    ]);
  });

  it("an offer of unknown case dated after an offer, or more than twelve months before it, cannot enter its running total", () => {
    const r = check({
      offers: [
        small("A", "2025-01-10", "5000000"),
        { offerId: "U1", offerDate: "2025-02-01", offerAmount: eur("4000000") },
        { offerId: "U2", offerDate: "2023-12-01", offerAmount: eur("4000000") },
      ],
    });
    expect(checkOf(offer(r, "A"), "OFF-12M").met).toBe(true);
    expect(offer(r, "A").status).toBe("pass");
  });

  it("an offer of unknown case within the twelve months before an offer, of unknown amount, makes it unknown", () => {
    const r = check({
      offers: [
        small("A", "2025-01-10", "5000000"),
        { offerId: "U", offerDate: "2024-03-01" },
      ],
    });
    expect(checkOf(offer(r, "A"), "OFF-12M").met).toBeNull();
  });
});

describe("OFF-QI · L. 411-2 1°: « dont le nombre est inférieur à un seuil fixé par décret » (150, D. 411-4)", () => {
  it("149 persons acting for their own account pass; 150 fail; none needs no ownAccount; 10 not for their own account fail", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "QUALIFIED",
          offerDate: "2025-01-10",
          nonQualifiedOfferees: 149,
          ownAccount: true,
        },
        {
          offerId: "B",
          offerCase: "QUALIFIED",
          offerDate: "2025-01-10",
          nonQualifiedOfferees: 150,
          ownAccount: true,
        },
        {
          offerId: "C",
          offerCase: "QUALIFIED",
          offerDate: "2025-01-10",
          nonQualifiedOfferees: 0,
        },
        {
          offerId: "D",
          offerCase: "QUALIFIED",
          offerDate: "2025-01-10",
          nonQualifiedOfferees: 10,
        },
      ],
    });
    expect(["A", "B", "C", "D"].map((id) => offer(r, id).status)).toEqual([
      "pass",
      "breach",
      "pass",
      "breach",
    ]);
    const rule = issuer(r).rules.find((x) => x.id === "OFF-QI")!;
    expect(rule.legacy).toBeUndefined();
    expect(rule.version).toContain("D. 411-4");
  });
});

describe("OFF-CF, OFF-EXIST · L. 411-2 2° (historical wording) and 3°", () => {
  it("2°: unlisted equity or debt through an investment firm's or CIP's website; legacy rule; counts in the 12 months", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "CROWDFUNDING",
          offerDate: "2025-01-10",
          offerAmount: eur("1000"),
          securityType: "DEBT",
          channel: "INVESTMENT_FIRM_WEBSITE",
        },
        {
          offerId: "B",
          offerCase: "CROWDFUNDING",
          offerDate: "2025-01-11",
          offerAmount: eur("1000"),
          securityType: "EQUITY",
          channel: "CIP_WEBSITE",
          admittedToTrading: true,
        },
        {
          offerId: "C",
          offerCase: "CROWDFUNDING",
          offerDate: "2025-01-12",
          offerAmount: eur("1000"),
          securityType: "EQUITY",
          channel: "OTHER",
        },
      ],
    });
    expect(["A", "B", "C"].map((id) => offer(r, id).status)).toEqual([
      "pass",
      "breach",
      "breach",
    ]);
    expect(issuer(r).rules.find((x) => x.id === "OFF-CF")).toMatchObject({
      legacy: true,
      value: 2,
    });
    expect(
      issuer(r).rules.find((x) => x.id === "OFF-12M")!.groups![0].offers,
    ).toEqual(["A", "B", "C"]);
  });

  it("3°: equity or parts sociales offered to existing partners only", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "EXISTING_PARTNERS",
          offerDate: "2025-01-10",
          existingPartnersOnly: true,
          securityType: "PARTS_SOCIALES",
        },
        {
          offerId: "B",
          offerCase: "EXISTING_PARTNERS",
          offerDate: "2025-01-10",
          existingPartnersOnly: true,
          securityType: "DEBT",
        },
        {
          offerId: "C",
          offerCase: "EXISTING_PARTNERS",
          offerDate: "2025-01-10",
          securityType: "EQUITY",
        },
      ],
    });
    expect(["A", "B", "C"].map((id) => offer(r, id).status)).toEqual([
      "pass",
      "breach",
      "breach",
    ]);
  });
});

describe("reading: a repeated offerId is an error on the later row, which is not used", () => {
  it("names the row", () => {
    const r = check({
      offers: [
        {
          offerId: "A",
          offerCase: "HIGH_NOMINAL",
          offerDate: "2025-01-10",
          nominalPerSecurity: eur("100000"),
        },
        {
          offerId: "A",
          offerCase: "HIGH_NOMINAL",
          offerDate: "2025-01-10",
          nominalPerSecurity: eur("1"),
        },
      ],
    });
    expect(issuer(r).offers).toHaveLength(1);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        table: "Offers",
        row: 3,
        code: "register-duplicate-id",
      }),
    );
  });
});
