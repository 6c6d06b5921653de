import { describe, expect, it } from "vitest";
import { checkOne, fundOf, holding, positionOf, rule, unlisted } from "../helpers/build";

// Golden tests for L. 214-160 (FPCI), which applies L. 214-28 with its own adaptations.
const fpci = (spec = {}) => fundOf("FPCI", spec);

describe("L. 214-160 II: the FPCI's 50 % quota of L. 214-28 I", () => {
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

describe("L. 214-160 II: receivables « dans la limite de 10 % » and digital assets « dans la limite de 20 % »", () => {
  it("L. 214-160 II: receivables of exactly 10 % pass, one cent more is a breach", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "RECEIVABLE", costValue: "100000" })]), "FPCI-REC10").status).toBe("pass");
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "RECEIVABLE", costValue: "100000.01" })]), "FPCI-REC10").status).toBe("breach");
  });
  it("L. 214-160 II: digital assets of exactly 20 % pass, one cent more is a breach", () => {
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "DIGITAL_ASSET", costValue: "200000" })]), "FPCI-DIG20").status).toBe("pass");
    expect(rule(checkOne(fpci(), [unlisted("500000"), holding({ assetClass: "DIGITAL_ASSET", costValue: "200000.01" })]), "FPCI-DIG20").status).toBe("breach");
  });
});
