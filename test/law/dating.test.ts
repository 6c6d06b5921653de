import { describe, expect, it } from "vitest";
import {
  ALL_PARAMETERS,
  EU_EEA_MEMBERS,
  isEuEeaOn,
  L214_30,
  L214_31,
  lawOfRule,
  ratioAt,
  versionAt,
} from "../../src/law";
import {
  checkOne,
  fcpr,
  fundOf,
  holding,
  positionOf,
  rule,
} from "../helpers/build";

// The law as dated data (src/law): a parameter looked up the day before and the day of a change
// gives the old and the new value, through the law itself and through the rules that read it.

describe("dated parameters: every version covers its dates once", () => {
  it("versions are oldest first, with no gap and no overlap", () => {
    for (const p of [...ALL_PARAMETERS, ...EU_EEA_MEMBERS]) {
      p.versions.forEach((v, i) => {
        if (v.validFrom && v.validUntil)
          expect(v.validFrom <= v.validUntil, p.id).toBe(true);
        const next = p.versions[i + 1];
        if (!next) return;
        expect(
          v.validUntil,
          `${p.id} ends before its next version`,
        ).not.toBeNull();
        const dayAfter = new Date(`${v.validUntil}T00:00:00Z`);
        dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
        expect(
          next.validFrom,
          `${p.id}: the next version starts the day after`,
        ).toBe(dayAfter.toISOString().slice(0, 10));
      });
    }
  });

  it("every ratio is an exact decimal string, and every version names its article and wording", () => {
    for (const p of ALL_PARAMETERS)
      for (const v of p.versions) {
        if (typeof v.value === "string")
          expect(v.value, p.id).toMatch(/^\d+(\.\d+)?$/);
        expect(v.article, p.id).toMatch(/^L\. 214-\d+(-\d+)?$/);
        expect(v.wording.length, p.id).toBeGreaterThan(5);
      }
  });
});

describe("L. 214-28 III 1°: the EU/EEA list, dated (the United Kingdom left on 31 January 2020)", () => {
  it("GB is an EU State on 2020-01-31 and no longer on 2020-02-01", () => {
    expect(isEuEeaOn("GB", "2020-01-31")).toBe(true);
    expect(isEuEeaOn("GB", "2020-02-01")).toBe(false);
  });
  it("HR is a member from its accession on 2013-07-01, not the day before", () => {
    expect(isEuEeaOn("HR", "2013-06-30")).toBe(false);
    expect(isEuEeaOn("HR", "2013-07-01")).toBe(true);
  });
  it('EEA States outside the EU count; "EL" is Greece; a third State never counts', () => {
    expect(isEuEeaOn("NO", "2025-12-31")).toBe(true);
    expect(isEuEeaOn("EL", "2025-12-31")).toBe(true);
    expect(isEuEeaOn("US", "2025-12-31")).toBe(false);
    expect(isEuEeaOn("CH", "2025-12-31")).toBe(false);
  });

  // A small cap listed in London: in the 20 % of III while the UK is in the EU, out after.
  const london = () =>
    holding({
      assetClass: "EQUITY",
      costValue: "200000",
      listingStatus: "REGULATED",
      listingCountry: "GB",
      marketCap: "100000000",
      investmentDate: "2019-06-01",
      row: 60,
    });
  it("L. 214-28 III 1°: a position judged at 2020-01-31 sees a London market as an EU market", () => {
    const report = checkOne(fcpr(), [london()], "2020-01-31");
    expect(rule(report, "FCPR-B20").numerator).toBe("200000.00");
    expect(positionOf(report, 60).excluded).toEqual([]);
  });
  it("L. 214-28 III 1°: the same position judged at 2020-02-01 is outside the EU and the EEA", () => {
    const report = checkOne(fcpr(), [london()], "2020-02-01");
    expect(rule(report, "FCPR-B20").numerator).toBe("0.00");
    expect(positionOf(report, 60).excluded[0]).toMatchObject({
      code: "not-small-cap",
      article: "L. 214-28 III 1°",
    });
  });
});

describe("L. 214-30 I and L. 214-31 I: the quota's vintage keys on the constitution date, not the test date", () => {
  it("the parameter gives 60 % on 2013-12-31 and 70 % on 2014-01-01", () => {
    for (const p of [L214_30.quota, L214_31.quota]) {
      expect(p.keyedOn).toBe("constitution-date");
      expect(ratioAt(p, "2013-12-31").toString()).toBe("0.6");
      expect(ratioAt(p, "2014-01-01").toString()).toBe("0.7");
      expect(versionAt(p, "2013-12-31")).toMatchObject({
        validUntil: "2013-12-31",
        outsideReferenceTexts: true,
      });
      expect(versionAt(p, "2014-01-01")).toMatchObject({
        validFrom: "2014-01-01",
        validUntil: null,
        wording: "pour 70 % au moins",
      });
    }
  });

  const innov = (costValue: string) =>
    holding({
      assetClass: "EQUITY",
      costValue,
      fcpiEligible: true,
      acquisitionMode: "SUBSCRIPTION",
    });
  it("L. 214-30 I: a fund constituted on 2013-12-31, tested in 2025, applies and names the 60 % version", () => {
    const r = rule(
      checkOne(
        fundOf("FCPI", {
          constitutionDate: "2013-12-31",
          firstYearEnd: "2022-12-31",
        }),
        [innov("600000")],
      ),
      "FCPI-Q70",
    );
    expect(r).toMatchObject({ threshold: 0.6, status: "pass" });
    expect(r.law).toMatchObject({
      article: "L. 214-30 I",
      wording: "pour 60 % au moins",
      validFrom: null,
      validUntil: "2013-12-31",
      lookedUpAt: "2013-12-31",
    });
  });
  it("L. 214-30 I: a fund constituted on 2014-01-01 applies and names the 70 % version", () => {
    const r = rule(
      checkOne(
        fundOf("FCPI", {
          constitutionDate: "2014-01-01",
          firstYearEnd: "2022-12-31",
        }),
        [innov("600000")],
      ),
      "FCPI-Q70",
    );
    expect(r).toMatchObject({ threshold: 0.7, status: "breach" });
    expect(r.law).toMatchObject({
      article: "L. 214-30 I",
      wording: "pour 70 % au moins",
      validFrom: "2014-01-01",
      validUntil: null,
      lookedUpAt: "2014-01-01",
    });
  });
  it("L. 214-31 I: the FIP's quota names L. 214-31, by the same vintage", () => {
    expect(
      lawOfRule("FIP-Q70", {
        asOf: "2025-12-31",
        constitutionDate: "2013-06-30",
      }),
    ).toMatchObject({ article: "L. 214-31 I", validUntil: "2013-12-31" });
    expect(
      lawOfRule("FIP-Q70", {
        asOf: "2025-12-31",
        constitutionDate: "2014-01-01",
      }),
    ).toMatchObject({ article: "L. 214-31 I", validFrom: "2014-01-01" });
  });
});

describe("which parameter a rule applies", () => {
  it("the FPCI's main quota, under the FCPR's rule ID, names L. 214-160", () => {
    expect(
      lawOfRule("FCPR-Q50", { asOf: "2025-12-31", fundType: "FPCI" })?.article,
    ).toBe("L. 214-160 II");
    expect(
      lawOfRule("FCPR-Q50", { asOf: "2025-12-31", fundType: "FCPR" })?.article,
    ).toBe("L. 214-28 I");
  });
  it("a FIP with an overseas zone names the 50 % per collectivité of L. 214-31 IV", () => {
    expect(
      lawOfRule("FIP-REG25", { asOf: "2025-12-31", overseasZone: true })
        ?.wording,
    ).toBe("est portée à 50 %");
    expect(
      lawOfRule("FIP-REG25", { asOf: "2025-12-31", overseasZone: false })
        ?.wording,
    ).toBe("ne peut être constitué à plus de 25 %");
  });
  it("a rule the law does not know gets no law rather than a wrong one", () => {
    expect(lawOfRule("NO-SUCH-RULE", { asOf: "2025-12-31" })).toBeUndefined();
  });
});

describe("L. 214-30 I: a fund whose constitution date is unknown", () => {
  it("is incomplete and measured against the youngest vintage (70 %), even tested before 2014: a missing date never lowers the quota", () => {
    const innov = holding({
      assetClass: "EQUITY",
      costValue: "650000",
      fcpiEligible: true,
      acquisitionMode: "SUBSCRIPTION",
    });
    for (const asOf of ["2013-12-31", "2025-12-31"]) {
      const r = rule(
        checkOne(
          fundOf("FCPI", {
            constitutionDate: undefined,
            firstYearEnd: "2011-12-31",
          }),
          [innov],
          asOf,
        ),
        "FCPI-Q70",
      );
      expect(r, asOf).toMatchObject({ threshold: 0.7, status: "incomplete" });
      expect(r.law, asOf).toMatchObject({
        wording: "pour 70 % au moins",
        validFrom: "2014-01-01",
      });
    }
  });
});
