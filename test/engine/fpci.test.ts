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

// L. 214-160 II 1°, second paragraph: « L'actif d'un fonds professionnel de capital investissement ou
// d'une société de libre partenariat peut également comprendre des avances en compte courant, qui ne
// sont retenues dans le quota d'investissement mentionné au I de l'article L. 214-28 qu'à concurrence
// de 30 % du total de l'actif, dès lors que les conditions suivantes sont vérifiées : a) L'objet
// principal du fonds est de financer directement ou indirectement des actifs d'infrastructure […] ;
// b) Le fonds a reçu l'autorisation d'utiliser la dénomination " ELTIF " […]. Ces avances en compte
// courant peuvent être consenties directement à une société appartenant au groupe dans lequel le fonds
// détient une participation. Les titres émis par la société bénéficiaire de l'avance en compte courant
// d'associé ne sont pas admis à la négociation sur un marché réglementé ou sur un système
// multilatéral de négociation ».
describe("FPCI-CCA30 — L. 214-160 II 1°, al. 2: advances of an ELTIF infrastructure FPCI retained « qu'à concurrence de 30 % du total de l'actif »", () => {
  const eltif = (spec = {}) => fpci({ eltifLabel: true, infrastructureObject: true, ...spec });
  const advance = (costValue: string, extra = {}) =>
    holding({ assetClass: "CURRENT_ACCOUNT_ADVANCE", issuerId: "A", issuerName: "Réseau Chaleur SAS", costValue, ...extra });
  const infra = () => unlisted("200000", { issuerId: "A", ownershipPct: "0.1" });

  it("L. 214-160 II 1°, al. 2: advances of exactly 30 % are all retained in the quota, and not measured against 15 %", () => {
    const report = checkOne(eltif(), [infra(), advance("300000", { row: 40 })]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "500000.00" });
    expect(rule(report, "FPCI-CCA30")).toMatchObject({
      status: "pass",
      direction: "cap",
      operator: "<=",
      threshold: 0.3,
      value: 0.3,
      numerator: "300000.00",
      article: "L. 214-160 II 1°, al. 2",
    });
    expect(rule(report, "FPCI-CCA30").law?.article).toBe("L. 214-160 II 1°, al. 2");
    expect(rule(report, "FPCI-CCA30").law?.wording).toContain("qu'à concurrence de 30 % du total de l'actif");
    const cca15 = rule(report, "FPCI-CCA15");
    expect(cca15).toMatchObject({ status: "pass", numerator: "0.00" });
    expect(cca15.reasons?.map((r) => r.code)).toContain("eltif-advances-apart");
    expect(positionOf(report, 40).counted.map((c) => c.rule)).toEqual(["FPCI-CCA30", "FCPR-Q50"]);
  });

  it("L. 214-160 II 1°, al. 2: one cent above 30 % is not retained in the quota (a limit on counting, not a breach)", () => {
    const report = checkOne(eltif(), [unlisted("199999.99", { issuerId: "A", ownershipPct: "0.1" }), advance("300000.01")]);
    const q50 = rule(report, "FCPR-Q50");
    expect(q50).toMatchObject({ status: "breach", numerator: "499999.99" });
    expect(q50.message).toContain("0.01 EUR of advances above the 30 % limit of L. 214-160 II 1°, al. 2 not counted.");
    expect(q50.reasons).toContainEqual({ code: "advances-above-cap", facts: { amount: "0.01", threshold: "0.3", article: "L. 214-160 II 1°, al. 2" } });
    const cca30 = rule(report, "FPCI-CCA30");
    expect(cca30).toMatchObject({ status: "info", numerator: "300000.01" });
    expect(cca30.reasons?.[0]).toMatchObject({ code: "advances-above-cap", facts: { amount: "0.01" } });
  });

  it("L. 214-160 II 1°, al. 2: the quota's reconciliation retains the advances as the quota does, the part above 30 % on an above-cap line", () => {
    const report = checkOne(eltif(), [infra(), advance("350000")]);
    const q50 = rule(report, "FCPR-Q50");
    expect(q50.numerator).toBe("500000.00");
    expect(q50.reconciliation?.numerator).toBe("500000.00");
    expect(q50.reconciliation?.lines).toContainEqual(expect.objectContaining({ reason: "above-cap", article: "L. 214-160 II 1°, al. 2", amount: "50000.00" }));
    expect(rule(report, "FPCI-CCA30").reconciliation?.numerator).toBe("350000.00");
  });

  it("L. 214-160 II 1°: the same fund without the « ELTIF » name keeps the 15 % regime: 30 % of advances breach FPCI-CCA15 and count only up to 15 %", () => {
    const report = checkOne(fpci(), [infra(), advance("300000")]);
    expect(report.rules.map((r) => r.id)).not.toContain("FPCI-CCA30");
    expect(rule(report, "FPCI-CCA15").status).toBe("breach");
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "breach", numerator: "350000.00" });
  });

  it("L. 214-160 II 1°, al. 2 a): the « ELTIF » name with a blank infrastructure object is the 15 % regime, with a warning naming the blank column", () => {
    const report = checkOne(fpci({ eltifLabel: true, infrastructureObject: false }), [infra(), advance("300000")]);
    expect(report.rules.map((r) => r.id)).not.toContain("FPCI-CCA30");
    expect(rule(report, "FPCI-CCA15").status).toBe("breach");
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "warning", table: "Funds", column: "infrastructureObject", code: "eltif-regime-not-met" }),
    );
  });

  it("L. 214-160 II 1°, al. 2: an advance to a company whose securities are on an MTF does not qualify; it is measured against the 15 % of II 1°", () => {
    const report = checkOne(eltif(), [infra(), advance("200000", { row: 41, issuerId: "B", issuerName: "Cotée SA", listingStatus: "MTF_SME", ownershipPct: "0.1" })]);
    expect(rule(report, "FPCI-CCA30").numerator).toBe("0.00");
    expect(rule(report, "FPCI-CCA15")).toMatchObject({ status: "breach", numerator: "200000.00" });
    expect(positionOf(report, 41).excluded.map((e) => e.code)).toContain("eltif-beneficiary-listed");
  });

  it("L. 214-160 II 1°, al. 2: an advance to a company of the group in which the fund holds a participation qualifies (ownershipPct on the advance's row)", () => {
    const report = checkOne(eltif(), [unlisted("300000"), advance("200000", { issuerId: "G2", ownershipPct: "0.25" })]);
    expect(rule(report, "FPCI-CCA30").numerator).toBe("200000.00");
    expect(rule(report, "FCPR-Q50").numerator).toBe("500000.00");
  });

  it("L. 214-160 II 1°, al. 2: an advance whose participation is unknown leaves both regimes unknown: FPCI-CCA30, FPCI-CCA15 and the quota are incomplete", () => {
    const report = checkOne(eltif(), [unlisted("500000"), advance("100000", { issuerId: "Z", ownershipPct: undefined })]);
    for (const id of ["FPCI-CCA30", "FPCI-CCA15", "FCPR-Q50"]) expect(rule(report, id).status, id).toBe("incomplete");
  });

  it("L. 214-160 II 1°, al. 2: an unreadable eltifLabel applies the 15 % regime, and the rules whose status the 30 % regime would change are incomplete", () => {
    const report = checkOne(fpci({ infrastructureObject: true, invalid: new Set(["eltifLabel"]) }), [infra(), advance("300000")]);
    expect(report.rules.map((r) => r.id)).not.toContain("FPCI-CCA30");
    const q50 = rule(report, "FCPR-Q50");
    expect(q50).toMatchObject({ status: "incomplete", numerator: "350000.00", partial: true });
    expect(q50.reasons?.map((r) => r.code)).toContain("eltif-regime-unknown");
    expect(rule(report, "FPCI-CCA15").status).toBe("incomplete");
    // Unaffected rules keep their status.
    expect(rule(report, "FPCI-REC10").status).toBe("pass");
  });

  it("L. 214-160 II 1°, al. 2: an unreadable flag that changes nothing leaves the 15 % results as they are", () => {
    const report = checkOne(fpci({ infrastructureObject: true, invalid: new Set(["eltifLabel"]) }), [unlisted("450000", { issuerId: "A", ownershipPct: "0.1" }), advance("100000")]);
    expect(rule(report, "FCPR-Q50")).toMatchObject({ status: "pass", numerator: "550000.00" });
    expect(rule(report, "FPCI-CCA15").status).toBe("pass");
  });

  it("L. 214-160 II 1°, al. 2: an ELTIF infrastructure SLP reports FPCI-CCA30 on its advances; an SLP without the flags does not", () => {
    const slp = (spec = {}) => fundOf("SLP", spec);
    const report = checkOne(slp({ eltifLabel: true, infrastructureObject: true }), [infra(), advance("350000")]);
    expect(rule(report, "FPCI-CCA30")).toMatchObject({ status: "info", numerator: "350000.00" });
    expect(rule(report, "FPCI-CCA30").reasons?.[0]).toMatchObject({ code: "advances-above-cap", facts: { amount: "50000.00" } });
    expect(checkOne(slp({ eltifLabel: true, infrastructureObject: true }), [infra(), advance("300000")]).rules.find((r) => r.id === "FPCI-CCA30")?.status).toBe("pass");
    expect(checkOne(slp(), [infra(), advance("300000")]).rules.map((r) => r.id)).not.toContain("FPCI-CCA30");
    expect(checkOne(slp({ eltifLabel: true, invalid: new Set(["infrastructureObject"]) }), [infra(), advance("100000")]).rules.find((r) => r.id === "FPCI-CCA30")?.status).toBe("incomplete");
  });
});
