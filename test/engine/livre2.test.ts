import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import type { Fund, Holder, Holding, Order } from "../../src/engine/model";
import type { FundReport } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { eur, fundOf, holder, holding, rule } from "../helpers/build";

// Golden tests for WORKBOOK-FORMAT-LIVRE2 §3, from the texts of texts/cmf-livre-ii.txt, each
// naming its paragraph, with both sides of every threshold.
const fair = (fundType: Fund["fundType"], extra: Partial<Fund> = {}): Fund => ({ ...fundOf(fundType, { basis: "FAIR", paidUpSubscriptions: null, totalAssets: "1000000" }), ...extra });
const pos = (assetClass: Holding["assetClass"], fairValue: string, extra: Partial<Holding> = {}) => ({ ...holding({ assetClass, fairValue, costValue: fairValue }), ...extra });
const run = (fund: Fund, holdings: Holding[], holders: Holder[] = [], orders?: Order[], asOf = "2025-12-31"): FundReport =>
  checkWorkbook({ funds: [fund], holdings, holders, orders, diagnostics: [] }, { asOf, positions: true }).funds[0];
const dec = (s: string) => new Dec(s);

describe("SEF-FOREST60, SEF-FOREST51, SEF-RAISE15 · SEF, L. 214-121 « pour 60 % au moins de bois ou forêts » and L. 214-122 « fixée à 51 % »", () => {
  it("L. 214-121: exactly 60 % passes, 59.99 % is a breach; GF units count", () => {
    expect(rule(run(fair("SEF"), [pos("REAL_ESTATE", "400000", { forestCategory: "WOODLAND" }), pos("ENTITY_RIGHTS", "200000", { forestCategory: "GF_UNITS" }), pos("CASH", "400000")]), "SEF-FOREST60")).toMatchObject({ status: "pass", value: 0.6 });
    expect(rule(run(fair("SEF"), [pos("REAL_ESTATE", "599999.99", { forestCategory: "WOODLAND" }), pos("CASH", "400000.01")]), "SEF-FOREST60").status).toBe("breach");
  });
  it("L. 214-122: with forestry-loan support 51 % of woodland only; GF units do not count", () => {
    const f = fair("SEF", { forestLoanSupport: true });
    expect(rule(run(f, [pos("REAL_ESTATE", "510000", { forestCategory: "WOODLAND" }), pos("CASH", "490000")]), "SEF-FOREST51").status).toBe("pass");
    expect(rule(run(f, [pos("REAL_ESTATE", "500000", { forestCategory: "WOODLAND" }), pos("ENTITY_RIGHTS", "100000", { forestCategory: "GF_UNITS" }), pos("CASH", "400000")]), "SEF-FOREST51").status).toBe("breach");
  });
  it("L. 214-123: 15 % of the maximum capital within two years: below it, not binding before the deadline, a breach from the deadline day", () => {
    const f = fair("SEF", { subscriptionOpeningDate: "2024-01-15", statutoryMaxCapital: eur(10_000_000), publicSubscribedCapital: eur(1_499_999) });
    expect(rule(run(f, [], [], undefined, "2026-01-14"), "SEF-RAISE15").status).toBe("not-binding");
    expect(rule(run(f, [], [], undefined, "2026-01-15"), "SEF-RAISE15")).toMatchObject({ status: "breach", window: { from: "2026-01-15" } });
    expect(rule(run({ ...f, publicSubscribedCapital: eur(1_500_000) }, [], [], undefined, "2026-01-15"), "SEF-RAISE15").status).toBe("pass");
  });
});

describe("SCPI-ASSET, SCPI-CCA5, SCPI-DEBT, SCPI-RAISE15 · SCPI, L. 214-115, L. 214-102 II, L. 214-101, L. 214-116", () => {
  it("L. 214-115 I: « exclusivement constitué »: category 0 is a breach naming the line; a listed 2° company and a joint-liability entity too", () => {
    const ok = run(fair("SCPI"), [pos("REAL_ESTATE", "900000", { scpiCategory: 1 }), pos("CASH", "100000", { scpiCategory: 6 })]);
    expect(rule(ok, "SCPI-ASSET").status).toBe("pass");
    const bad = run(fair("SCPI"), [pos("REAL_ESTATE", "900000", { scpiCategory: 1 }), pos("EQUITY", "50000", { scpiCategory: 0, lineId: "X1" }), pos("EQUITY", "50000", { scpiCategory: 2, listingStatus: "REGULATED" })]);
    expect(rule(bad, "SCPI-ASSET")).toMatchObject({ status: "breach", value: 0.1 });
    expect(JSON.stringify(rule(bad, "SCPI-ASSET").reasons)).toContain("X1");
    expect(rule(run(fair("SCPI"), [pos("EQUITY", "50000", { scpiCategory: 3, jointLiabilityEntity: true })]), "SCPI-ASSET").status).toBe("breach");
  });
  it("L. 214-115: a blank scpiCategory is incomplete, never pass", () => {
    expect(rule(run(fair("SCPI"), [pos("REAL_ESTATE", "900000")]), "SCPI-ASSET").status).toBe("incomplete");
  });
  it("L. 214-102 II: « au moins 5 % du capital social »: an advance to a 2° company held exactly 5 % passes, 4.99 % is a breach", () => {
    const hold = (own: string) => [pos("EQUITY", "100000", { scpiCategory: 2, issuerId: "S", ownershipPct: dec(own) }), pos("CURRENT_ACCOUNT_ADVANCE", "10000", { issuerId: "S" })];
    expect(rule(run(fair("SCPI"), hold("0.05")), "SCPI-CCA5").status).toBe("pass");
    expect(rule(run(fair("SCPI"), hold("0.0499")), "SCPI-CCA5").status).toBe("breach");
    expect(rule(run(fair("SCPI"), [pos("CURRENT_ACCOUNT_ADVANCE", "10000", { issuerId: "T" })]), "SCPI-CCA5").status).toBe("breach");
  });
  it("L. 214-102 II: an advance to s is an advance to the 2° company S held 5 % (ids match ignoring case and spaces, contract §3): pass, not a breach", () => {
    const rows = [pos("EQUITY", "100000", { scpiCategory: 2, issuerId: "S", ownershipPct: dec("0.05") }), pos("CURRENT_ACCOUNT_ADVANCE", "10000", { issuerId: "s " })];
    expect(rule(run(fair("SCPI"), rows), "SCPI-CCA5").status).toBe("pass");
  });
  it("L. 214-101: debt with the 2° companies' debts pro rata, against the general meeting's maximum; exactly the maximum passes", () => {
    const f = fair("SCPI", { borrowings: eur(400_000), agBorrowingMax: eur(500_000) });
    expect(rule(run(f, [pos("EQUITY", "100000", { scpiCategory: 2, entityDebt: eur(200_000), participationPct: dec("0.5") })]), "SCPI-DEBT")).toMatchObject({ status: "pass", value: 1, numerator: "500000.00" });
    expect(rule(run(f, [pos("EQUITY", "100000", { scpiCategory: 2, entityDebt: eur(200_002), participationPct: dec("0.5") })]), "SCPI-DEBT").status).toBe("breach");
    expect(rule(run(fair("SCPI", { borrowings: eur(1) }), []), "SCPI-DEBT").status).toBe("incomplete");
  });
  it("L. 214-101 « au prorata de sa participation »: a 2° company's debts of 200 000 whose participationPct is unreadable put the debt between 400 000 and 600 000 against 500 000: incomplete, not breach", () => {
    const f = fair("SCPI", { borrowings: eur(400_000), agBorrowingMax: eur(500_000) });
    const unread = pos("EQUITY", "100000", { scpiCategory: 2, entityDebt: eur(200_000), invalid: new Set(["participationPct"]) });
    expect(rule(run(f, [unread]), "SCPI-DEBT")).toMatchObject({ status: "incomplete", numerator: "400000.00" });
    // Beyond the maximum on what is read: a breach whatever the share.
    const over = fair("SCPI", { borrowings: eur(500_001), agBorrowingMax: eur(500_000) });
    expect(rule(run(over, [unread]), "SCPI-DEBT").status).toBe("breach");
  });
  it("L. 214-116: within one year for an SCPI", () => {
    const f = fair("SCPI", { subscriptionOpeningDate: "2025-01-31", statutoryMaxCapital: eur(1_000_000), publicSubscribedCapital: eur(100_000) });
    expect(rule(run(f, [], [], undefined, "2026-01-30"), "SCPI-RAISE15").status).toBe("not-binding");
    expect(rule(run(f, [], [], undefined, "2026-01-31"), "SCPI-RAISE15").status).toBe("breach");
  });
});

describe("SCPI-SELL10, SCPI-PRICE10 · SCPI events: L. 214-93 II and L. 214-94 (status « triggered »)", () => {
  const order = (orderType: Order["orderType"], registeredDate: string, units: number, row = 2): Order => ({ row, invalid: new Set(), fundId: "F1", orderType, registeredDate, units: eur(units) });
  const f = () => fair("SCPI", { unitsIssued: eur(1000) });
  it("L. 214-93 II: « depuis plus de douze mois »: an order registered exactly twelve months before does not count; « au moins 10 % » triggers at exactly 10 %", () => {
    expect(rule(run(f(), [], [], [order("SELL", "2024-12-31", 100)]), "SCPI-SELL10")).toMatchObject({ status: "pass", value: 0 });
    const t = rule(run(f(), [], [], [order("SELL", "2024-12-30", 100)]), "SCPI-SELL10");
    expect(t).toMatchObject({ status: "triggered", value: 0.1, direction: "event" });
    expect(t.groups?.map((g) => g.key)).toEqual(["SELL", "WITHDRAWAL"]);
    expect(rule(run(f(), [], [], [order("WITHDRAWAL", "2024-01-01", 99)]), "SCPI-SELL10").status).not.toBe("triggered");
  });
  it("L. 214-93: without an Orders table the rule is not reported; a triggered event is not a breach", () => {
    expect(run(f(), []).rules.some((r) => r.id === "SCPI-SELL10")).toBe(false);
    const report = checkWorkbook({ funds: [f()], holdings: [pos("REAL_ESTATE", "1000000", { scpiCategory: 1 })], holders: [], orders: [order("SELL", "2023-01-01", 500)], diagnostics: [] }, { asOf: "2025-12-31" });
    expect(report.funds[0].status).toBe("triggered");
    expect(report.summary).toMatchObject({ breaches: 0, triggered: 1 });
  });
  it("L. 214-94: « supérieur à 10 % »: exactly 10 % does not trigger, 10.01 % does", () => {
    expect(rule(run(fair("SCPI", { subscriptionPrice: eur(110), reconstitutionValue: eur(100) }), []), "SCPI-PRICE10").status).not.toBe("triggered");
    expect(rule(run(fair("SCPI", { subscriptionPrice: eur("110.01"), reconstitutionValue: eur(100) }), []), "SCPI-PRICE10").status).toBe("triggered");
    expect(rule(run(fair("SCPI", { subscriptionPrice: eur(110) }), []), "SCPI-PRICE10").status).toBe("incomplete");
  });
});

describe("SICAF-OWN10, SICAF-BUYBACK · SICAF, L. 214-137", () => {
  const f = (extra: Partial<Fund>) => fair("SICAF", { sharesIssued: eur(1000), ...extra });
  it("« plus de 10 % du total de ses propres actions »: exactly 10 % passes, 10.1 % is a breach", () => {
    expect(rule(run(f({ ownSharesHeld: eur(100) }), []), "SICAF-OWN10").status).not.toBe("breach");
    expect(rule(run(f({ ownSharesHeld: eur(101) }), []), "SICAF-OWN10").status).toBe("breach");
  });
  it("« portée à 25 % lorsque le cours des actions est inférieur de plus de 10 % »: a price exactly 10 % below keeps 10 %", () => {
    const bought = { sharesBoughtYtd: eur(200), sharesResoldYtd: eur(50) };
    expect(rule(run(f({ ...bought, sharePrice: eur(90), navPerShare: eur(100) }), []), "SICAF-BUYBACK")).toMatchObject({ status: "breach", threshold: 0.1 });
    expect(rule(run(f({ ...bought, sharePrice: eur("89.99"), navPerShare: eur(100) }), []), "SICAF-BUYBACK")).toMatchObject({ status: "pass", threshold: 0.25, law: { parameter: "l214-137.buyback-discounted" } });
    expect(rule(run(f(bought), []), "SICAF-BUYBACK").status).toBe("incomplete");
  });
});

describe("FCPE-SCOPE, FCPE-SOL5, FCPE-SOL10, FCPE-PE30, FCPE-PER-UNL10, FCPE-PER-EMP10, FCPE-PER-AIF50, FCPE-FOREIGN · FCPE, L. 214-164, L. 214-165, L. 214-165-1", () => {
  it("L. 214-164 IV / L. 214-165: exactly one third is L. 214-164 (« au plus un tiers »), compared exactly", () => {
    const third = (amount: string) => rule(run(fair("FCPE", { totalAssets: eur(3) }), [pos("EQUITY", amount, { employerGroup: true })]), "FCPE-SCOPE");
    expect(third("1").reasons?.some((r) => r.code === "l2-note" && r.facts.key === "fcpe-regime-164")).toBe(true);
    expect(third("1.000001").reasons?.some((r) => r.code === "l2-note" && r.facts.key === "fcpe-regime-165")).toBe(true);
    expect(third("1").threshold).toBe(0.3333333333333333);
  });
  it("L. 214-164 V a: « comprise entre 5 et 10 % »: 5 % and 10 % both pass, 4.99 % and 10.01 % are breaches; SCR at 40 % counts whole", () => {
    const sol = (amount: string) => run(fair("FCPE", { solidarityFund: true }), [pos("EQUITY", amount, { solidarityEnterprise: true }), pos("CASH", "1")]);
    expect(rule(sol("50000"), "FCPE-SOL5").status).toBe("pass");
    expect(rule(sol("49999"), "FCPE-SOL5").status).toBe("breach");
    expect(rule(sol("100000"), "FCPE-SOL10").status).toBe("pass");
    expect(rule(sol("100001"), "FCPE-SOL10").status).toBe("breach");
    const scr = (share: string) => rule(run(fair("FCPE", { solidarityFund: true }), [pos("EQUITY", "60000", { heldFundType: "SCR", entitySolidarityShare: dec(share) })]), "FCPE-SOL5").status;
    expect(scr("0.40")).toBe("pass");
    expect(scr("0.3999")).toBe("breach");
  });
  it("L. 214-164 VI: « au plus 30 % » of FCPR-family and OPCI units; units without heldFundType are incomplete", () => {
    expect(rule(run(fair("FCPE"), [pos("FUND_UNITS", "300000", { heldFundType: "FPCI" })]), "FCPE-PE30").status).not.toBe("breach");
    expect(rule(run(fair("FCPE"), [pos("FUND_UNITS", "300001", { heldFundType: "SPPICAV" })]), "FCPE-PE30").status).toBe("breach");
    expect(rule(run(fair("FCPE"), [pos("FUND_UNITS", "1000")]), "FCPE-PE30").status).toBe("incomplete");
  });
  it("L. 214-164 VII: PER limits of 10 %, 10 % and 50 %", () => {
    const r = run(fair("FCPE", { perEligible: true }), [pos("EQUITY", "100001", { listingStatus: "MTF_OTHER" }), pos("EQUITY", "100000", { employerGroup: true, listingStatus: "REGULATED" }), pos("FUND_UNITS", "500001", { heldFundType: "FPS" })]);
    expect(rule(r, "FCPE-PER-UNL10").status).toBe("breach");
    expect(rule(r, "FCPE-PER-EMP10").status).not.toBe("breach");
    expect(rule(r, "FCPE-PER-AIF50").status).toBe("breach");
  });
  it("L. 214-165-1 IV: « au moins un tiers de titres liquides » binds when more than a third is unlisted group securities; exactly ⅓ passes", () => {
    const f = fair("FCPE", { foreignGroupPlan: true, totalAssets: eur(3_000_000) });
    const group = pos("EQUITY", "1500000", { employerGroup: true });
    expect(rule(run(f, [group, pos("LIQUID_INSTRUMENT", "1000000")]), "FCPE-FOREIGN").status).toBe("pass");
    expect(rule(run(f, [group, pos("LIQUID_INSTRUMENT", "999999.99")]), "FCPE-FOREIGN").status).toBe("breach");
    expect(rule(run({ ...f, liquidityMechanism: true }, [group]), "FCPE-FOREIGN").status).toBe("not-binding");
  });
});

describe("PEA-FUND75, PEAPME-FUND75, PEAPME-EQ23 · PEA and PEA-PME, L. 221-31 I 2° and L. 221-32-2 3", () => {
  const eq = (amount: string, extra: Partial<Holding> = {}) => pos("EQUITY", amount, { issuerCountry: "FR", corporateTax: true, ...extra });
  it("L. 221-31 I 2° a–c: « plus de 75 % »: exactly 75 % is a breach, 75.01 % passes", () => {
    const f = fair("OPCVM", { peaClaim: true });
    expect(rule(run(f, [eq("750000"), pos("CASH", "250000")]), "PEA-FUND75")).toMatchObject({ status: "breach", operator: ">", headroom: "0.00" });
    expect(rule(run(f, [eq("750100"), pos("CASH", "249900")]), "PEA-FUND75").status).toBe("pass");
    expect(rule(run(f, [eq("800000", { issuerCountry: "US" }), pos("CASH", "200000")]), "PEA-FUND75").status).toBe("breach");
    expect(rule(run(f, [eq("800000", { issuerCountry: undefined })]), "PEA-FUND75").status).toBe("incomplete");
  });
  it("L. 221-31 I 2° d: « au moins 75 % » from the close of the 4th year: exactly 75 % passes; before, not binding", () => {
    const f = { ...fundOf("FCPR", { paidUpSubscriptions: "1000000" }), peaClaim: true, firstYearEnd: "2021-12-31" };
    expect(rule(run(f, [pos("EQUITY", "750000", { issuerCountry: "FR", corporateTax: true })]), "PEA-FUND75")).toMatchObject({ status: "pass", operator: ">=", window: { from: "2024-12-31" } });
    expect(rule(run(f, [pos("EQUITY", "749999", { issuerCountry: "FR", corporateTax: true }), pos("EQUITY", "100000", { issuerCountry: "US", corporateTax: true })]), "PEA-FUND75").status).toBe("breach");
    expect(rule(run({ ...f, firstYearEnd: "2023-12-31" }, [pos("EQUITY", "10", { issuerCountry: "FR", corporateTax: true })]), "PEA-FUND75").status).toBe("not-binding");
  });
  it("L. 221-32-2 2: « moins de 5 000 personnes », « n'excédant pas 1,5 milliard » or « 2 milliards »; 3: ⅔ compared exactly", () => {
    const f = fair("OPCVM", { peaPmeClaim: true, totalAssets: eur(3) });
    const pme = { issuerCountry: "FR", corporateTax: true, issuerEmployees: eur(4999), issuerTurnover: eur(1_500_000_000) };
    const r = run(f, [eq("2", pme), pos("OTHER_DEBT", "1", pme)]);
    expect(rule(r, "PEAPME-FUND75").status).toBe("pass");
    expect(rule(r, "PEAPME-EQ23")).toMatchObject({ status: "pass", threshold: 0.6666666666666666 });
    expect(rule(run(f, [eq("1.999999", pme), pos("OTHER_DEBT", "1.000001", pme)]), "PEAPME-EQ23").status).toBe("breach");
    expect(rule(run(f, [eq("3", { ...pme, issuerEmployees: eur(5000) })]), "PEAPME-FUND75").status).toBe("breach");
    expect(rule(run(f, [eq("3", { ...pme, issuerTurnover: eur(1_500_000_001), issuerBalanceSheet: eur(2_000_000_000) })]), "PEAPME-FUND75").status).toBe("pass");
    expect(rule(run(f, [eq("3", { ...pme, issuerTurnover: eur(1_500_000_001), issuerBalanceSheet: eur(2_000_000_001) })]), "PEAPME-FUND75").status).toBe("breach");
  });
});

describe("CPI-FUND80, CPI-FRESH40 · Compte PME innovation, L. 221-32-5 IV A 3° a: « au moins 80 % » and « au moins 40 % »", () => {
  it("L. 221-32-5 IV A 3° a: exactly 80 % and 40 % pass; ORA-redeemed shares count only in the 40 %", () => {
    const f = { ...fundOf("FCPR"), cpiClaim: true };
    const sub = (amount: string, mode: Holding["acquisitionMode"]) => pos("EQUITY", amount, { cpiEligible: true, acquisitionMode: mode });
    const r = run(f, [sub("400000", "SUBSCRIPTION"), pos("CONVERTIBLE_BOND", "400000", { cpiEligible: true }), sub("100000", "BOND_REDEEMED_IN_SHARES")]);
    expect(rule(r, "CPI-FUND80").status).toBe("pass");
    expect(rule(r, "CPI-FRESH40").status).toBe("pass");
    const low = run(f, [sub("399999", "SUBSCRIPTION"), pos("CONVERTIBLE_BOND", "400000", { cpiEligible: true })]);
    expect(rule(low, "CPI-FUND80").status).toBe("breach");
    expect(rule(low, "CPI-FRESH40").status).toBe("breach");
  });
});

describe("OFS-LOSS, FIVG-20INV, OFS-20INV, FIA-CAP300K · OFS, twenty investors, self-managed AIF", () => {
  it("L. 214-190-1 VI: « ne peuvent excéder » the asset plus uncalled subscriptions; a blank maxLoss is incomplete", () => {
    const f = fair("OFS", { uncalledSubscriptions: eur(500_000) });
    expect(rule(run(f, [pos("RECEIVABLE", "1000000", { maxLoss: eur(1_500_000) })]), "OFS-LOSS").status).not.toBe("breach");
    expect(rule(run(f, [pos("GUARANTEE", "0", { maxLoss: eur(1_500_001) })]), "OFS-LOSS").status).toBe("breach");
    expect(rule(run(f, [pos("SUB_PARTICIPATION", "0")]), "OFS-LOSS").status).toBe("incomplete");
  });
  it("L. 214-26-1: « à vingt investisseurs au plus »: 20 passes, 21 is a breach; unit count", () => {
    const f = fair("FIVG", { reservedTo20Investors: true });
    const holders = (n: number) => Array.from({ length: n }, (_, i) => holder({ holderId: `H${i}`, units: 1 }));
    expect(rule(run(f, [], holders(20)), "FIVG-20INV")).toMatchObject({ status: "pass", unit: "count", numerator: "20", denominator: null });
    expect(rule(run(f, [], holders(21)), "FIVG-20INV").status).toBe("breach");
    expect(rule(run(fair("OFS", { reservedTo20Investors: true }), [], []), "OFS-20INV").status).toBe("incomplete");
  });
  it("L. 214-24 VI: « d'au moins 300 000 € »: exactly 300,000 passes, 299,999.99 is a breach, blank is incomplete", () => {
    const f = (capital?: string) => ({ ...fundOf("FCPR"), selfManaged: true, initialCapital: capital === undefined ? undefined : eur(capital) });
    expect(rule(run(f("300000"), []), "FIA-CAP300K")).toMatchObject({ status: "pass", unit: "EUR", value: 300000 });
    expect(rule(run(f("299999.99"), []), "FIA-CAP300K").status).toBe("breach");
    expect(rule(run(f(), []), "FIA-CAP300K").status).toBe("incomplete");
  });
});

describe("OPCI-UNLIM, FIA-FEED85M · Rules left out of the first build, with their columns added to the contract", () => {
  it("L. 214-36 II: an OPCI « ne peuvent détenir » anything in an entity whose members answer « indéfiniment et solidairement »: a breach naming the line", () => {
    const opci = fair("SPPICAV", { constitutionDate: "2015-01-01" });
    const clean = run(opci, [pos("REAL_ESTATE", "900000", { opciCategory: 1 }), pos("CASH", "100000", { opciCategory: 9 })]);
    expect(rule(clean, "OPCI-UNLIM")).toMatchObject({ status: "pass", value: 0 });
    const bad = run(opci, [pos("REAL_ESTATE", "900000", { opciCategory: 1 }), pos("EQUITY", "100000", { opciCategory: 2, jointLiabilityEntity: true, lineId: "SNC-1" })]);
    expect(rule(bad, "OPCI-UNLIM")).toMatchObject({ status: "breach", value: 0.1 });
    expect(JSON.stringify(rule(bad, "OPCI-UNLIM").reasons)).toContain("SNC-1");
  });
  it("L. 214-24 IV 2°: « au moins 85 % » in several masters with identical strategies is a classification: exactly 85 % reaches it, never a breach", () => {
    const fia = fair("FIA");
    const units = (amount: string, masterId: string, masterStrategy: string) => pos("FUND_UNITS", amount, { masterId, masterStrategy });
    const yes = rule(run(fia, [units("500000", "M1", "Actions Europe"), units("350000", "M2", "Actions Europe"), pos("CASH", "150000")]), "FIA-FEED85M");
    expect(yes).toMatchObject({ status: "info", value: 0.85, numerator: "850000.00" });
    const no = rule(run(fia, [units("500000", "M1", "Actions Europe"), units("349999.99", "M2", "Actions Europe"), units("150000.01", "M3", "Obligations")]), "FIA-FEED85M");
    expect(no.status).toBe("info");
    expect(no.value).toBeLessThan(0.85);
  });
});

describe("A partial value already beyond a maximum, and the limits of that reading (« A maximum already in breach stays in breach »)", () => {
  const fcpe = (total: unknown, rows: unknown[][]) =>
    checkWorkbook(
      readWorkbook({
        Funds: tableFromValues("Funds", [["fundId", "fundType", "totalAssets", "warningMargin"], ["F0", "FCPE", total, 0]]),
        Holdings: tableFromValues("Holdings", [["fundId", "lineId", "assetClass", "fairValue", "heldFundType"], ...rows]),
      }),
      { asOf: "2025-12-31" },
    ).funds[0].rules.find((r) => r.id === "FCPE-PE30");
  it("L. 214-164 VI: 60 % of FPCI units with a unit line of blank heldFundType is a breach, partial; 20 % stays incomplete", () => {
    const blank = ["F0", "U", "FUND_UNITS", 5, null];
    expect(fcpe(100, [["F0", "P", "FUND_UNITS", 60, "FPCI"], blank])).toMatchObject({ status: "breach", partial: true, headroom: "-30.00" });
    expect(fcpe(100, [["F0", "P", "FUND_UNITS", 20, "FPCI"], blank])).toMatchObject({ status: "incomplete", partial: true });
  });
  it("the unknown line below zero (a sign error kept as read) could lower the sum: incomplete", () => {
    expect(fcpe(100, [["F0", "P", "FUND_UNITS", 60, "FPCI"], ["F0", "U", "FUND_UNITS", -40, null]])?.status).toBe("incomplete");
  });
  it("a base not known in full (total assets blank, a fair value unreadable) may be larger: incomplete", () => {
    const rows = [["F0", "P", "FUND_UNITS", 60, "FPCI"], ["F0", "U", "FUND_UNITS", 5, null], ["F0", "C", "CASH", 35, null], ["F0", "X", "CASH", "abc", null]];
    expect(fcpe(null, rows)?.status).toBe("incomplete");
  });
  it("L. 214-101: a maximum of 0 and no debt stays incomplete; debt above it is a breach with the debt as headroom", () => {
    const f = fair("SCPI", { agBorrowingMax: eur(0) });
    expect(rule(run(f, []), "SCPI-DEBT").status).toBe("incomplete");
    expect(rule(run({ ...f, borrowings: eur(1) }, []), "SCPI-DEBT")).toMatchObject({ status: "breach", value: null, headroom: "-1.00" });
  });
});
