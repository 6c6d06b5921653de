import { describe, expect, it } from "vitest";
import { Dec } from "../../src/engine/decimal";
import { checkOne, eur, fundOf, holding, type HoldingSpec, positionOf, rule } from "../helpers/build";

// Golden tests for L. 214-30 IV and V (FCPI-HOLD75) and III A 2° b), from texts/cmf-livre-ii.txt.
// Funds are measured at cost over 1,000,000 EUR, inside the window of L. 214-28 V on 2025-12-31.
const fcpi = (spec = {}) => fundOf("FCPI", { constitutionDate: "2022-01-15", ...spec });
const innov = (costValue: string, extra: HoldingSpec = {}) =>
  holding({ assetClass: "EQUITY", costValue, fcpiEligible: true, acquisitionMode: "SUBSCRIPTION", ...extra });
/** A holding company's unlisted shares, each gate condition met unless stated. */
const parent = (costValue: string, stake: string | undefined, extra: HoldingSpec = {}) =>
  innov(costValue, {
    issuerId: "HOLD",
    holdingCompany: true,
    subsidiaryStakeMinPct: stake === undefined ? undefined : new Dec(stake),
    subsidiariesEligible: true,
    subsidiaryMeetsI: true,
    ...extra,
  });
/** A holding company's shares on a regulated EU market, a small cap (L. 214-28 III 1°). */
const listedParent = (costValue: string, extra: HoldingSpec = {}) =>
  parent(costValue, "0.8", { listingStatus: "REGULATED", listingCountry: "FR", marketCap: "90000000", investmentDate: "2023-01-10", ...extra });

describe("FCPI-HOLD75 — L. 214-30 IV 1. c): « au moins 75 % du capital » of each subsidiary", () => {
  it("L. 214-30 IV 1. c): a holding company holding exactly 75 % of its least-held subsidiary counts in FCPI-Q70", () => {
    const report = checkOne(fcpi(), [innov("400000"), parent("300000", "0.75", { row: 50 })]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "pass", numerator: "700000.00" });
    expect(rule(report, "FCPI-HOLD75")).toMatchObject({ status: "info", numerator: "300000.00", value: 0.3 });
    expect(positionOf(report, 50).counted[0]).toMatchObject({ rule: "FCPI-Q70", explain: { code: "counted-holding" } });
  });

  it("L. 214-30 IV 1. c), V: at 74.99 % it does not count (a disposal below 75 % ends the counting), and says why", () => {
    const report = checkOne(fcpi(), [innov("400000"), parent("300000", "0.7499", { row: 51 })]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "breach", numerator: "400000.00" });
    expect(positionOf(report, 51).excluded[0]).toMatchObject({ rule: "FCPI-Q70", code: "holding-gate", facts: { test: "stake", stake: "0.7499", threshold: "0.75" } });
    const hold = rule(report, "FCPI-HOLD75");
    expect(hold).toMatchObject({ status: "info", numerator: "0.00" });
    const gate = hold.conditions!.find((c) => c.id === "gate-75")!;
    expect(gate).toMatchObject({ kind: "gate", failed: true, status: "not-binding", threshold: 0.75, value: 0.7499, numerator: "300000.00" });
    expect(gate.positions![0]).toMatchObject({ row: 51, code: "holding-gate" });
  });

  it("L. 214-30 IV 1. c): not every subsidiary meeting the conditions of c) refuses the holding company", () => {
    const report = checkOne(fcpi(), [innov("700000"), parent("100000", "0.9", { subsidiariesEligible: false, row: 52 })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 52).excluded[0].facts).toMatchObject({ test: "subsidiaries" });
  });

  it("L. 214-30 IV 1. c): a blank or unreadable stake on a holding company's row makes FCPI-Q70 incomplete, never pass", () => {
    const blank = checkOne(fcpi(), [innov("700000"), parent("100000", undefined, { row: 53 })]);
    expect(rule(blank, "FCPI-Q70").status).toBe("incomplete");
    expect(rule(blank, "FCPI-HOLD75").status).toBe("incomplete");
    expect(positionOf(blank, 53).excluded[0]).toMatchObject({ code: "holding-unknown", facts: { column: "subsidiaryStakeMinPct" } });
    expect(blank.diagnostics.some((d) => d.row === 53 && d.column === "subsidiaryStakeMinPct")).toBe(true);
    const unreadable = checkOne(fcpi(), [innov("700000"), parent("100000", undefined, { invalid: ["subsidiaryStakeMinPct"] })]);
    expect(rule(unreadable, "FCPI-Q70").status).toBe("incomplete");
  });

  it("L. 214-30 IV 1. c): a blank subsidiariesEligible is not a « no »: the quota is incomplete", () => {
    const report = checkOne(fcpi(), [innov("700000"), parent("100000", "0.8", { subsidiariesEligible: undefined })]);
    expect(rule(report, "FCPI-Q70").status).toBe("incomplete");
  });

  it("L. 214-30 IV 1.: a workbook without holding companies is unchanged, and FCPI-HOLD75 says none counts", () => {
    const report = checkOne(fcpi(), [innov("700000")]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "pass", numerator: "700000.00" });
    expect(rule(report, "FCPI-HOLD75")).toMatchObject({ status: "info", numerator: "0.00", reasons: [{ code: "no-holding" }] });
  });
});

describe("FCPI-HOLD75 — L. 214-30 IV 1. d): « au minimum, une participation » meeting I, II and III", () => {
  it("L. 214-30 IV 1. d): with no subsidiary meeting I, II and III the holding company does not count", () => {
    const report = checkOne(fcpi(), [innov("700000"), parent("100000", "1", { subsidiaryMeetsI: false, row: 54 })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 54).excluded[0].facts).toMatchObject({ test: "subsidiary-meets-i" });
  });
  it("L. 214-30 IV 1. d): blank, the quota is incomplete", () => {
    expect(rule(checkOne(fcpi(), [innov("700000"), parent("100000", "1", { subsidiaryMeetsI: undefined })]), "FCPI-Q70").status).toBe("incomplete");
  });
  it("L. 214-30 IV 1. a): the holding company itself must meet I (fcpiEligible)", () => {
    const report = checkOne(fcpi(), [innov("700000"), parent("100000", "1", { fcpiEligible: false, row: 55 })]);
    expect(positionOf(report, 55).excluded[0].code).toBe("issuer-not-eligible");
  });
});

describe("FCPI-HOLD75 — L. 214-30 IV 1.: « Les titres de capital », the III ones « dans la limite de 20 % de l'actif du fond »", () => {
  it("L. 214-30 IV 1.: listed securities of holding companies at exactly 20 % of the assets all count", () => {
    const report = checkOne(fcpi(), [innov("500000"), listedParent("200000")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    const cap = rule(report, "FCPI-HOLD75").conditions!.find((c) => c.id === "cap-20")!;
    expect(cap).toMatchObject({ kind: "limit", status: "pass", value: 0.2, threshold: 0.2, failed: false });
    expect(rule(report, "FCPI-HOLD75").numerator).toBe("200000.00");
  });

  it("L. 214-30 IV 1.: one cent above 20 % is not counted (a limit on counting, not a breach), with the amount", () => {
    const report = checkOne(fcpi(), [innov("500000"), listedParent("200000.01")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    const hold = rule(report, "FCPI-HOLD75");
    expect(hold).toMatchObject({ status: "info", numerator: "200000.00" });
    expect(hold.conditions!.find((c) => c.id === "cap-20")).toMatchObject({ status: "info", numerator: "200000.01" });
    expect(hold.reasons).toContainEqual({ code: "bucket-above-cap", facts: { amount: "0.01", threshold: "0.2", article: "L. 214-30 IV 1." } });
    expect(rule(report, "FCPI-Q70").reasons).toContainEqual({ code: "bucket-above-cap", facts: { amount: "0.01", threshold: "0.2", article: "L. 214-30 IV 1." } });
  });

  it("L. 214-30 IV 1. and L. 214-28 III: with other III items, all count together within the 20 % of L. 214-28 III", () => {
    const smallCap = innov("100000", { issuerId: "SC", listingStatus: "REGULATED", listingCountry: "FR", marketCap: "80000000", investmentDate: "2023-01-10" });
    const report = checkOne(fcpi(), [innov("500000"), listedParent("150000"), smallCap]);
    // 150,000 + 100,000 of III items: the 20 % of L. 214-28 III (200,000) counts.
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(rule(report, "FCPR-B20")).toMatchObject({ status: "info", numerator: "250000.00" });
  });

  it("L. 214-30 IV 1.: a holding company's bonds are not « titres de capital »", () => {
    const report = checkOne(fcpi(), [innov("700000"), parent("100000", "1", { assetClass: "OTHER_DEBT", row: 56 })]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 56).excluded[0]).toMatchObject({ code: "holding-not-capital" });
  });
});

describe("FCPI-Q70 — L. 214-30 III A 2° b): secondary shares with a commitment to subscribe « pour une valeur au moins équivalente au rachat »", () => {
  // The fresh capital of X (100,000) is below the purchase (300,000): a) fails, b) decides.
  const fresh = (date = "2023-01-10", cost = "100000") => innov(cost, { issuerId: "X", investmentDate: date });
  const bought = (commitment: string | undefined, extra: HoldingSpec = {}) =>
    innov("300000", {
      issuerId: "X",
      acquisitionMode: "SECONDARY_PURCHASE",
      investmentDate: "2023-01-10",
      subscriptionCommitment: commitment === undefined ? undefined : eur(commitment),
      row: 60,
      ...extra,
    });
  const others = () => innov("300000", { issuerId: "Y" });

  it("L. 214-30 III A 2° b): a commitment equal to the purchase counts while the fund's life runs", () => {
    const report = checkOne(fcpi({ fundTermDate: "2032-12-31" }), [others(), fresh(), bought("300000")]);
    expect(rule(report, "FCPI-Q70")).toMatchObject({ status: "pass", numerator: "700000.00" });
    expect(positionOf(report, 60).counted[0]).toMatchObject({ explain: { code: "counted-secondary-commitment", facts: { commitment: "300000.00", cost: "300000.00", subscribed: "100000.00" } } });
  });

  it("L. 214-30 III A 2° b): one cent below the purchase does not count", () => {
    const report = checkOne(fcpi({ fundTermDate: "2032-12-31" }), [others(), fresh(), bought("299999.99")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("400000.00");
    expect(positionOf(report, 60).excluded[0]).toMatchObject({ code: "secondary-commitment", facts: { test: "below", commitment: "299999.99" } });
  });

  it("L. 214-30 III A 2° b): without a commitment the purchase is refused by a) as before", () => {
    const report = checkOne(fcpi(), [others(), fresh(), bought(undefined)]);
    expect(positionOf(report, 60).excluded[0]).toMatchObject({ code: "secondary-purchase", article: "L. 214-30 III A 2° a)" });
  });

  it("L. 214-30 III A 2° b): « appréciée sur la durée de vie du fonds »: after the fund's life, subscriptions equal to the purchase count", () => {
    const report = checkOne(fcpi({ fundTermDate: "2025-06-30" }), [others(), fresh("2023-01-10", "100000"), fresh("2024-05-01", "200000"), bought("300000")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("900000.00");
  });

  it("L. 214-30 III A 2° b): after the fund's life, one cent short of the purchase does not count", () => {
    const report = checkOne(fcpi({ fundTermDate: "2025-06-30" }), [others(), fresh("2023-01-10", "100000"), fresh("2024-05-01", "199999.99"), bought("300000")]);
    expect(rule(report, "FCPI-Q70").numerator).toBe("599999.99");
    expect(positionOf(report, 60).excluded[0]).toMatchObject({ code: "secondary-commitment", facts: { test: "unfulfilled", subscribed: "299999.99", termDate: "2025-06-30" } });
  });

  it("L. 214-30 III A 2° b): two purchases made the same day share the subscriptions in the order of their lineId, whatever the rows' order", () => {
    // After the fund's life, 300,000 subscribed fulfils one purchase, not both: P-1 (300,000) takes first.
    const purchase = (lineId: string, cost: string, row: number) =>
      innov(cost, { issuerId: "X", acquisitionMode: "SECONDARY_PURCHASE", investmentDate: "2023-01-10", subscriptionCommitment: eur(cost), lineId, row });
    const rows = (order: [string, string][]) => [others(), fresh("2023-01-10", "100000"), fresh("2024-05-01", "200000"), ...order.map(([id, cost], k) => purchase(id, cost, 60 + k))];
    for (const order of [[["P-1", "300000"], ["P-2", "250000"]], [["P-2", "250000"], ["P-1", "300000"]]] as [string, string][][]) {
      const report = checkOne(fcpi({ fundTermDate: "2025-06-30" }), rows(order));
      expect(rule(report, "FCPI-Q70").numerator).toBe("900000.00");
    }
  });

  it("L. 214-30 III A 2° b): subscriptions made before the purchase do not fulfil it", () => {
    const report = checkOne(fcpi({ fundTermDate: "2025-06-30" }), [others(), fresh("2022-06-01", "300000"), bought("300000")]);
    expect(positionOf(report, 60).excluded[0].facts).toMatchObject({ test: "unfulfilled", subscribed: "0.00" });
  });

  it("L. 214-30 III A 2° b): an unfulfilled commitment with no fundTermDate, or an unreadable commitment, is incomplete", () => {
    const noTerm = checkOne(fcpi(), [others(), fresh(), bought("300000")]);
    expect(rule(noTerm, "FCPI-Q70").status).toBe("incomplete");
    expect(positionOf(noTerm, 60).excluded[0].facts).toMatchObject({ test: "unknown", column: "fundTermDate" });
    const unreadable = checkOne(fcpi({ fundTermDate: "2032-12-31" }), [others(), fresh(), bought(undefined, { invalid: ["subscriptionCommitment"] })]);
    expect(rule(unreadable, "FCPI-Q70").status).toBe("incomplete");
  });
});

describe("FCPI-HOLD75 — L. 214-30 IV 1. (reconciliation): the holdings lead exactly to the numerators, the excess over 20 % shown apart", () => {
  const sum = (lines: { amount: string; numerator: boolean }[]) =>
    lines.filter((l) => l.numerator).reduce((s, l) => s + eur(l.amount), 0n);
  it("L. 214-30 IV 1. and L. 214-28 III: the holding company's excess and the bucket's excess are above-cap lines", () => {
    const smallCap = innov("150000", { issuerId: "SC", listingStatus: "REGULATED", listingCountry: "FR", marketCap: "80000000", investmentDate: "2023-01-10" });
    const report = checkOne(fcpi(), [innov("400000"), listedParent("250000"), smallCap]);
    const quota = rule(report, "FCPI-Q70");
    // 250,000 capped to 200,000 by IV 1.; with the 150,000 of III items, 350,000 capped to 200,000 by L. 214-28 III.
    expect(quota.numerator).toBe("600000.00");
    const rec = quota.reconciliation!;
    expect(sum([...rec.lines, ...rec.adjustments])).toBe(eur(quota.numerator!));
    expect(rec.lines.filter((l) => l.reason === "above-cap").reduce((s, l) => s + eur(l.amount), 0n)).toBe(eur("200000"));
    const fresh = rule(report, "FCPI-FRESH40");
    expect(sum([...fresh.reconciliation!.lines, ...fresh.reconciliation!.adjustments])).toBe(eur(fresh.numerator!));
    const b20 = rule(report, "FCPR-B20");
    expect(b20.numerator).toBe("350000.00");
    expect(b20.reconciliation!.numerator).toBe("350000.00");
    expect(sum([...b20.reconciliation!.lines, ...b20.reconciliation!.adjustments])).toBe(eur("350000"));
    const hold = rule(report, "FCPI-HOLD75");
    expect(hold.numerator).toBe("200000.00");
    expect(hold.reconciliation!.numerator).toBe("200000.00");
  });
});

describe("FIP-Q70 — L. 214-31 III A 2° b): the same commitment « pour une valeur au moins équivalente au rachat », « appréciée sur la durée de vie du fonds »", () => {
  const fip = (spec = {}) => fundOf("FIP", { constitutionDate: "2022-01-15", chosenRegions: ["Bretagne"], ...spec });
  const local = (costValue: string, extra: HoldingSpec = {}) =>
    holding({ assetClass: "EQUITY", costValue, fipEligible: true, region: "Bretagne", acquisitionMode: "SUBSCRIPTION", issuerId: "X", investmentDate: "2023-01-10", ...extra });
  const bought = (commitment: string) => local("300000", { acquisitionMode: "SECONDARY_PURCHASE", subscriptionCommitment: eur(commitment), row: 70 });
  const others = () => local("300000", { issuerId: "Y" });

  it("L. 214-31 III A 2° b): a commitment equal to the purchase counts while the fund's life runs, citing L. 214-31", () => {
    const report = checkOne(fip({ fundTermDate: "2032-12-31" }), [others(), local("100000"), bought("300000")]);
    expect(rule(report, "FIP-Q70").numerator).toBe("700000.00");
    expect(positionOf(report, 70).counted[0]).toMatchObject({ explain: { code: "counted-secondary-commitment", facts: { article: "L. 214-31 III A 2° b)" } } });
  });

  it("L. 214-31 III A 2° b): one cent below the purchase does not count", () => {
    const report = checkOne(fip({ fundTermDate: "2032-12-31" }), [others(), local("100000"), bought("299999.99")]);
    expect(rule(report, "FIP-Q70").numerator).toBe("400000.00");
    expect(positionOf(report, 70).excluded[0]).toMatchObject({ code: "secondary-commitment", facts: { test: "below", article: "L. 214-31 III A 2° b)" } });
  });
});
