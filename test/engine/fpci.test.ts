import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, positionOf, rule, unlisted } from "../helpers/build";

// Golden tests for L. 214-160 (FPCI), which applies L. 214-28 with its own adaptations.
const fpci = (spec = {}) => fundOf("FPCI", spec);

describe("FCPR-Q50 (FPCI) · L. 214-160 II: the FPCI's 50 % quota of L. 214-28 I", () => {
  it("L. 214-160 II (L. 214-28 I): exactly 50 % of unlisted securities passes", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000")]), "FCPR-Q50")).toMatchObject({ status: "pass", article: "L. 214-28 I, L. 214-160 II" });
  });

  it("L. 214-160 II 1°: an advance to a company the fund holds « une participation » in counts, with no 5 % minimum", () => {
    const report = checkOne(fpci(), [unlisted("450000", { issuerId: "A", ownershipPct: "0.01" }), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", costValue: "50000", row: 20 })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
    expect(rule(report, "FPCI-CCA15").status).toBe("pass");
  });

  it("L. 214-160 II 1°: an advance to a company it holds no participation in breaches FPCI-CCA15", () => {
    const report = checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerName: "Zeta SAS", costValue: "50000", ownershipPct: "0", row: 21 })]);
    expect(rule(report, "FPCI-CCA15").status).toBe("breach");
    expect(positionOf(report, 21).excluded[0].reason).toBe("advance excluded: the fund holds no participation in Zeta SAS, which L. 214-160 II 1° requires.");
  });

  it("L. 214-160 II 1°: advances of exactly 15 % pass « dans la limite de 15 % »", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", costValue: "150000", ownershipPct: "0.02" })]), "FPCI-CCA15")).toMatchObject({ status: "pass", value: 0.15 });
  });

  it("L. 214-160 II 2°: entity rights of any State count at the look-through percentage", () => {
    const report = checkOne(fpci(), [unlisted("400000"), holding({ assetClass: "ENTITY_RIGHTS", costValue: "200000", entityOecd: false, lookThroughPct: "0.5" })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
  });
});

describe("FPCI-REC10, FPCI-DIG20 · L. 214-160 II: receivables « dans la limite de 10 % » and digital assets « dans la limite de 20 % »", () => {
  it("L. 214-160 II: receivables of exactly 10 % pass, one cent more is a breach", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "RECEIVABLE", costValue: "100000" })]), "FPCI-REC10").status).toBe("pass");
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "RECEIVABLE", costValue: "100000.01" })]), "FPCI-REC10").status).toBe("breach");
  });
  it("L. 214-160 II: digital assets of exactly 20 % pass, one cent more is a breach", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "DIGITAL_ASSET", costValue: "200000" })]), "FPCI-DIG20").status).toBe("pass");
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "DIGITAL_ASSET", costValue: "200000.01" })]), "FPCI-DIG20").status).toBe("breach");
  });
});

// L. 214-160 II: "Le fonds professionnel de capital investissement peut détenir des créances, dans la
// limite de 10 % de son actif." Contract §3: amounts held beyond a holding limit of the law count in
// the quota only up to that limit; the limit rule (FPCI-REC10) reports the breach.
describe("FPCI-REC10 · L. 214-160 II: receivables above « la limite de 10 % de son actif » count in the quota only up to it", () => {
  const receivable = (costValue: string, extra = {}) => holding({ assetClass: "RECEIVABLE", costValue, ...extra });

  it("L. 214-160 II: receivables of exactly 10 % all count toward the quota (III 2° bucket); FPCI-REC10 passes", () => {
    const report = checkOne(fpci(), [unlisted("400000"), receivable("100000")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "500000.00" });
    expect(rule(report, "FPCI-REC10").status).toBe("pass");
  });

  it("L. 214-160 II: one cent above 10 % is not counted in the quota, and FPCI-REC10 is in breach", () => {
    const report = checkOne(fpci(), [unlisted("400000"), receivable("100000.01")]);
    const q50 = rule(report, "FCPR-Q50");
    expect(q50.numerator).toBe("500000.00");
    expect(q50.status).toBe("pass");
    expect(q50.message).toContain("0.01 EUR of receivables held above the 10 % limit of L. 214-160 II not counted");
    expect(rule(report, "FPCI-REC10").status).toBe("breach");
  });

  it("L. 214-160 II: receivables of 15 % count as 10 %: a quota that all of them would reach is in breach", () => {
    // Before this convention the quota counted 150,000 of receivables and passed at 50.00 %.
    const report = checkOne(fpci(), [unlisted("350000"), receivable("150000")]);
    const q50 = rule(report, "FCPR-Q50");
    expect(q50).toMatchObject({ status: "breach", numerator: "450000.00", headroom: "-50000.00" });
    expect(rule(report, "FPCI-REC10").status).toBe("breach");
    // The B20 bucket still measures what the fund holds, and says nothing is above its own 20 %.
    expect(rule(report, "FCPR-B20")).toMatchObject({ numerator: "150000.00", status: "pass" });
    expect(rule(report, "FCPR-B20").message).toBeUndefined();
  });

  it("L. 214-160 II: the excess is measured on every receivable held, listed debtors included, and taken from those the quota counts", () => {
    // 60,000 on an unlisted company (III 2°) and 60,000 on a listed one (outside the quota): 20,000 above 10 %.
    const report = checkOne(fpci(), [unlisted("400000"), receivable("60000"), receivable("60000", { listingStatus: "REGULATED" })]);
    expect(rule(report, "FCPR-Q50").numerator).toBe("440000.00");
  });

  it("the FCPR keeps counting receivables of unlisted companies in its 20 % bucket: the 10 % limit is the FPCI's", () => {
    const report = checkOne(fundOf("FCPR"), [unlisted("350000"), receivable("150000")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "500000.00" });
  });
});
