import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Fund, Holder, Holding, Order } from "../../src/engine/model";
import { ruleExplanation as ruleText } from "../../src/present/report";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellEdit } from "../../src/workbook/edits";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { rawTable } from "../helpers/raw-table";
import {
  eur,
  fcpr,
  fundOf,
  holder,
  holding,
  type HoldingSpec,
  rule,
} from "../helpers/build";

// WORKBOOK-FORMAT §1: Holdings.fundId is the owning fund "when the workbook has several funds";
// §2: a missing required value makes "the rules that needed that value" incomplete "for that fund",
// and §3: where the text leaves a reading open, "the reading that never overstates compliance".
// A Holdings row that no fund takes (its fundId blank beside several funds, not in Funds, or
// unreadable) may be any fund's position: a fund's result measured without it cannot claim a pass.

const eta = fcpr({ fundId: "ETA", row: 2 });
const beta = fcpr({ fundId: "BETA", row: 3 });
const of = (
  fundId: string | undefined,
  costValue: string,
  row: number,
  extra: HoldingSpec = {},
) => holding({ fundId, assetClass: "EQUITY", costValue, row, ...extra });

function check(funds: Fund[], holdings: Holding[], holders?: Holder[]) {
  return checkWorkbook(
    { funds, holdings, holders: holders ?? [], diagnostics: [] },
    { asOf: "2025-12-31" },
  );
}

describe("L. 214-28 I (FCPR-Q50) and every holdings rule: a Holdings row that names no fund of the Funds table", () => {
  const clean = [of("ETA", "600000", 2), of("BETA", "700000", 3)];

  it("L. 214-28 I: without such a row both funds' 50 % quotas pass", () => {
    const report = check([eta, beta], clean);
    for (const f of report.funds)
      expect(rule(f, "FCPR-Q50").status).toBe("pass");
  });

  it("L. 214-28 I « au moins 50 % »: a row whose fundId is blank beside two funds may be either's: both quotas are incomplete, their partial value kept", () => {
    const report = check([eta, beta], [...clean, of(undefined, "100", 4)]);
    for (const f of report.funds) {
      const q50 = rule(f, "FCPR-Q50");
      expect(q50).toMatchObject({ status: "incomplete", partial: true });
      expect(q50.reasons).toContainEqual({
        code: "rows-without-fund",
        facts: { rows: [4], more: 0, table: "Holdings" },
      });
    }
    expect(rule(report.funds[0], "FCPR-Q50").value).toBe(0.6);
    // The row itself is still named at the workbook's level.
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "error",
        table: "Holdings",
        row: 4,
        column: "fundId",
      }),
    );
  });

  it("L. 214-28 II 1° (FCPR-CCA15, a limit): a row of a fund not in Funds could be an advance of this fund: its pass is incomplete too", () => {
    const report = check(
      [eta, beta],
      [
        ...clean,
        of("GAMMA", "100", 4, { assetClass: "CURRENT_ACCOUNT_ADVANCE" }),
      ],
    );
    expect(rule(report.funds[0], "FCPR-CCA15").status).toBe("incomplete");
  });

  it("a single fund: a blank fundId is that fund's row (not an orphan), but an unknown one leaves its rules incomplete", () => {
    expect(
      rule(
        check([eta], [of("ETA", "600000", 2), of(undefined, "1", 3)]).funds[0],
        "FCPR-Q50",
      ).status,
    ).toBe("pass");
    expect(
      rule(
        check([eta], [of("ETA", "600000", 2), of("ETAA", "1", 3)]).funds[0],
        "FCPR-Q50",
      ).status,
    ).toBe("incomplete");
  });

  it("an unreadable fundId is such a row too", () => {
    const unread = holding({
      fundId: undefined,
      assetClass: "EQUITY",
      costValue: "1",
      row: 4,
      invalid: ["fundId"],
    });
    expect(
      rule(check([eta, beta], [...clean, unread]).funds[0], "FCPR-Q50").status,
    ).toBe("incomplete");
  });

  it("the reason names the first five rows and how many more, in English and in French", () => {
    const orphans = Array.from({ length: 7 }, (_, k) =>
      of("GHOST", "1", 10 + k),
    );
    const q50 = rule(
      check([eta, beta], [...clean, ...orphans]).funds[0],
      "FCPR-Q50",
    );
    expect(q50.reasons).toContainEqual({
      code: "rows-without-fund",
      facts: { rows: [10, 11, 12, 13, 14], more: 2, table: "Holdings" },
    });
    expect(ruleText(q50, "en")).toContain(
      "Holdings rows 10, 11, 12, 13, 14 and 2 more name no fund of the Funds table (fundId blank, unknown or unreadable): they may belong to this fund.",
    );
    expect(ruleText(q50, "fr")!.replace(/\u00a0/g, " ")).toContain(
      "Les lignes 10, 11, 12, 13, 14 et 2 autres du tableau Holdings ne sont rattachées à aucun fonds du tableau Funds (code fonds vide, inconnu ou illisible) : elles peuvent appartenir à ce fonds.",
    );
  });
});

// WORKBOOK-FORMAT §3: a row that may belong to the fund makes « every rule whose numerator or
// denominator it could enter » incomplete. A breach stays only where such a row cannot cure it.
describe("what a Holdings row of no fund can cure: a breach stays only where it cannot", () => {
  const ghost = (extra: HoldingSpec = {}) => of("GHOST", "1", 9, extra);
  const advance = (fundId: string, costValue: string, row: number) =>
    of(fundId, costValue, row, {
      assetClass: "CURRENT_ACCOUNT_ADVANCE",
      issuerId: "ACME",
      ownershipPct: "0.10",
    });
  const acme = (fundId: string, row: number) =>
    of(fundId, "100000", row, { issuerId: "ACME" });

  it("L. 214-28 I « au moins 50 % »: a quota the readable rows miss may be reached with the row: incomplete, its partial value kept", () => {
    const q50 = rule(
      check(
        [eta, beta],
        [of("ETA", "400000", 2), of("BETA", "700000", 3), ghost()],
      ).funds[0],
      "FCPR-Q50",
    );
    expect(q50).toMatchObject({
      status: "incomplete",
      partial: true,
      value: 0.4,
    });
    expect(q50.reasons).toContainEqual({
      code: "rows-without-fund",
      facts: { rows: [9], more: 0, table: "Holdings" },
    });
  });

  it("L. 214-28 II 1° « dans la limite de 15 % » of the paid-up subscriptions: the row can only add to the advances, so the breach stays", () => {
    const report = check(
      [eta],
      [acme("ETA", 2), advance("ETA", "300000", 3), ghost()],
    );
    const cca15 = rule(report.funds[0], "FCPR-CCA15");
    expect(cca15.status).toBe("breach");
    expect(cca15.conditions?.find((c) => c.id === "limit-15")?.status).toBe(
      "breach",
    );
  });

  it("L. 214-28 II 1°: unless the row's amount is below zero or unreadable (it could lower the advances): incomplete", () => {
    for (const odd of [
      ghost({ costValue: "-5" }),
      ghost({ costValue: undefined, invalid: ["costValue"] }),
    ]) {
      const cca15 = rule(
        check([eta], [acme("ETA", 2), advance("ETA", "300000", 3), odd])
          .funds[0],
        "FCPR-CCA15",
      );
      expect(cca15.status).toBe("incomplete");
      expect(cca15.conditions?.find((c) => c.id === "limit-15")?.status).toBe(
        "incomplete",
      );
    }
  });

  const sppicav = (fundId: string, borrowings: string) =>
    fundOf("SPPICAV", {
      fundId,
      basis: "FAIR",
      paidUpSubscriptions: null,
      constitutionDate: "2020-01-15",
      borrowings,
    });
  const item = (
    fundId: string,
    opciCategory: number,
    fairValue: string,
    row: number,
    extra: HoldingSpec = {},
  ) =>
    holding({
      fundId,
      row,
      opciCategory,
      fairValue,
      assetClass:
        opciCategory <= 3
          ? "REAL_ESTATE"
          : opciCategory === 10
            ? "CURRENT_ACCOUNT_ADVANCE"
            : "CASH",
      ...extra,
    });
  const opciGhost = item("GHOST", 1, "1", 9);

  it("L. 214-39 « dans la limite de 40 % de la valeur des actifs immobiliers »: the row may grow that value, so the breach is incomplete", () => {
    const holdings = [item("OPC", 1, "1000000", 2), item("OPC", 9, "60000", 3)];
    expect(
      rule(check([sppicav("OPC", "500000")], holdings).funds[0], "OPCI-LEV40")
        .status,
    ).toBe("breach");
    expect(
      rule(
        check([sppicav("OPC", "500000")], [...holdings, opciGhost]).funds[0],
        "OPCI-LEV40",
      ).status,
    ).toBe("incomplete");
  });

  it("L. 214-36 I: a position outside the closed list stays outside it, whatever the row is: the breach stays", () => {
    const outside = item("OPC", 2, "50000", 3, {
      listingStatus: "REGULATED",
      lineId: "SCI-9",
    });
    const report = check(
      [sppicav("OPC", "0")],
      [
        item("OPC", 1, "900000", 2),
        outside,
        item("OPC", 9, "50000", 4),
        opciGhost,
      ],
    );
    expect(rule(report.funds[0], "OPCI-ASSET").status).toBe("breach");
  });

  it("L. 214-36 I: a portfolio within the list beside the row is incomplete, its closed list too (the row may be outside it)", () => {
    const report = check(
      [sppicav("OPC", "0")],
      [item("OPC", 1, "900000", 2), item("OPC", 9, "100000", 3), opciGhost],
    );
    const asset = rule(report.funds[0], "OPCI-ASSET");
    expect(asset.status).toBe("incomplete");
    expect(asset.conditions?.length).toBeGreaterThan(0);
    for (const c of asset.conditions ?? []) expect(c.status).toBe("incomplete");
  });

  it("L. 214-42 « au moins 5 % »: the row may be a line of the company held 5 % or more, which meets the gate: incomplete", () => {
    const company = item("OPC", 2, "100000", 3, {
      issuerId: "SCI",
      ownershipPct: "0.0499",
    });
    const holdings = [
      item("OPC", 1, "600000", 2),
      company,
      item("OPC", 10, "50000", 4, { issuerId: "SCI" }),
      item("OPC", 9, "60000", 5),
    ];
    expect(
      rule(check([sppicav("OPC", "0")], holdings).funds[0], "OPCI-CCA5").status,
    ).toBe("breach");
    const cca5 = rule(
      check([sppicav("OPC", "0")], [...holdings, opciGhost]).funds[0],
      "OPCI-CCA5",
    );
    expect(cca5.status).toBe("incomplete");
    expect(cca5.conditions?.every((c) => c.status !== "breach")).toBe(true);
  });
});

describe("L. 214-115 I and L. 214-102 II (SCPI-ASSET, SCPI-CCA5): a Holdings row of no fund beside two SCPI", () => {
  const scpi = (fundId: string) =>
    fundOf("SCPI", {
      fundId,
      basis: "FAIR",
      paidUpSubscriptions: null,
      totalAssets: "1000000",
    });
  const line = (
    fundId: string,
    scpiCategory: number,
    fairValue: string,
    extra: HoldingSpec = {},
  ) =>
    holding({
      fundId,
      assetClass: "REAL_ESTATE",
      fairValue,
      scpiCategory,
      ...extra,
    });
  const others = [line("S2", 1, "900000"), line("GHOST", 1, "1", { row: 9 })];

  it("L. 214-115 I « exclusivement constitué »: a line of category 0 is outside the list whatever the row is: the breach stays", () => {
    const report = check(
      [scpi("S1"), scpi("S2")],
      [
        line("S1", 1, "900000"),
        line("S1", 0, "50000", { lineId: "X1" }),
        ...others,
      ],
    );
    expect(rule(report.funds[0], "SCPI-ASSET").status).toBe("breach");
  });

  it("L. 214-102 II: an advance to a company the fund does not hold may be cured by the row (the company's line): incomplete", () => {
    const advance = holding({
      fundId: "S1",
      assetClass: "CURRENT_ACCOUNT_ADVANCE",
      issuerId: "SCI",
      fairValue: "10000",
      scpiCategory: 4,
    });
    const alone = check(
      [scpi("S1"), scpi("S2")],
      [line("S1", 1, "900000"), advance, line("S2", 1, "900000")],
    );
    expect(rule(alone.funds[0], "SCPI-CCA5").status).toBe("breach");
    const report = check(
      [scpi("S1"), scpi("S2")],
      [line("S1", 1, "900000"), advance, ...others],
    );
    expect(rule(report.funds[0], "SCPI-CCA5").status).toBe("incomplete");
  });
});

describe("L. 214-31 VI (FIP-H20, FIP-H10, FIP-H30): a Holders row that names no fund of the Funds table", () => {
  const fip = (fundId: string, row: number) =>
    fundOf("FIP", {
      fundId,
      row,
      constitutionDate: "2022-01-15",
      chosenRegions: ["Bretagne"],
    });
  const local = (fundId: string, row: number) =>
    holding({
      fundId,
      row,
      assetClass: "EQUITY",
      costValue: "700000",
      fipEligible: true,
      region: "Bretagne",
      acquisitionMode: "SUBSCRIPTION",
    });
  const six = (fundId: string) =>
    Array.from({ length: 6 }, (_, k) =>
      holder({
        fundId,
        holderId: `H${k}`,
        holderType: "NATURAL",
        units: "100",
        row: 2 + k,
      }),
    );
  const funds = [fip("F1", 2), fip("F2", 3)];
  const holdings = [local("F1", 2), local("F2", 3)];

  it("L. 214-31 VI 1° « par un même investisseur »: without such a row the caps pass", () => {
    const report = check(funds, holdings, [...six("F1"), ...six("F2")]);
    expect(rule(report.funds[0], "FIP-H20").status).toBe("pass");
  });

  it("L. 214-31 VI 1°: a holder row of no known fund could be one of this fund's investors: the caps are incomplete; the holdings rules are not touched", () => {
    const stray = holder({
      fundId: "F3",
      holderId: "H0",
      holderType: "NATURAL",
      units: "1000",
      row: 20,
    });
    const report = check(funds, holdings, [...six("F1"), ...six("F2"), stray]);
    for (const f of report.funds) {
      const h20 = rule(f, "FIP-H20");
      expect(h20.status).toBe("incomplete");
      expect(h20.reasons).toContainEqual({
        code: "rows-without-fund",
        facts: { rows: [20], more: 0, table: "Holders" },
      });
      expect(rule(f, "FIP-H10").status).toBe("incomplete");
      expect(rule(f, "FIP-H30").status).toBe("incomplete");
      expect(rule(f, "FIP-Q70").status).not.toBe("incomplete");
    }
    expect(ruleText(rule(report.funds[0], "FIP-H20"), "en")).toContain(
      "Holders row 20 names no fund of the Funds table (fundId blank, unknown or unreadable): it may belong to this fund.",
    );
    expect(
      ruleText(rule(report.funds[0], "FIP-H20"), "fr")!.replace(/\u00a0/g, " "),
    ).toContain(
      "La ligne 20 du tableau Holders n'est rattachée à aucun fonds du tableau Funds (code fonds vide, inconnu ou illisible) : elle peut appartenir à ce fonds.",
    );
  });

  it("L. 214-31 VI 1° « ne peuvent pas être détenues : 1° A plus de 20 % par un même investisseur »: a holder above 20 % is a breach; with a row of no fund, which may be another investor's units and grow the fund's units, incomplete", () => {
    const big = holder({
      fundId: "F1",
      holderId: "BIG",
      holderType: "NATURAL",
      units: "300",
      row: 30,
    });
    const alone = check(funds, holdings, [...six("F1"), big, ...six("F2")])
      .funds[0];
    expect(rule(alone, "FIP-H20").status).toBe("breach");
    const stray = holder({
      fundId: "F3",
      holderId: "H9",
      holderType: "NATURAL",
      units: "1000",
      row: 20,
    });
    const h20 = rule(
      check(funds, holdings, [...six("F1"), big, ...six("F2"), stray]).funds[0],
      "FIP-H20",
    );
    expect(h20).toMatchObject({ status: "incomplete", partial: true });
    expect(h20.reasons).toContainEqual({
      code: "rows-without-fund",
      facts: { rows: [20], more: 0, table: "Holders" },
    });
  });
});

describe("L. 214-28 I after an edit (CheckedWorkbook): a row's fundId edited away from its fund and back", () => {
  const funds = rawTable(
    "Funds",
    [
      "fundId",
      "fundType",
      "constitutionDate",
      "firstYearEnd",
      "paidUpSubscriptions",
    ],
    [["ETA", "FCPR", "2022-01-15", "2022-12-31", 1_000_000]],
  );
  const holdings = rawTable(
    "Holdings",
    ["fundId", "lineId", "assetClass", "costValue"],
    [
      ["ETA", "L1", "EQUITY", 600_000],
      ["ETA", "L2", "EQUITY", 1],
    ],
  );
  const edit = (value: string): CellEdit => ({
    table: "Holdings",
    row: 3,
    column: 0,
    value,
  });

  it("gives the full check's status at each step: pass, incomplete while the row names no fund, pass again", () => {
    let workbook = new CheckedWorkbook({ Funds: funds, Holdings: holdings });
    const q50 = () =>
      rule(workbook.report("2025-12-31").funds[0], "FCPR-Q50").status;
    expect(q50()).toBe("pass");
    workbook = workbook.withEdits([edit("GHOST")]);
    expect(q50()).toBe("incomplete");
    expect(workbook.report("2025-12-31")).toEqual(fullCheck(workbook));
    workbook = workbook.withEdits([edit("ETA")]);
    expect(q50()).toBe("pass");
    expect(workbook.report("2025-12-31")).toEqual(fullCheck(workbook));
  });
});

/** What a full read and check of the edited workbook gives, to compare a re-check with. */
const fullCheck = (workbook: CheckedWorkbook, positions = false) =>
  checkWorkbook(readWorkbook(workbook.tables), {
    asOf: "2025-12-31",
    positions,
  });

/** Two FCPR at cost over 1,000,000 each, as a sheet gives them. */
const twoFunds = rawTable(
  "Funds",
  [
    "fundId",
    "fundType",
    "constitutionDate",
    "firstYearEnd",
    "paidUpSubscriptions",
  ],
  [
    ["ETA", "FCPR", "2022-01-15", "2022-12-31", 1_000_000],
    ["BETA", "FCPR", "2022-01-15", "2022-12-31", 1_000_000],
  ],
);

describe("L. 214-28 I after an edit that gives the row of no fund to another fund (CheckedWorkbook)", () => {
  const holdings = rawTable(
    "Holdings",
    ["fundId", "lineId", "assetClass", "costValue"],
    [
      ["ETA", "L1", "EQUITY", 600_000],
      ["BETA", "L2", "EQUITY", 700_000],
      ["GHOST", "L3", "EQUITY", 1],
    ],
  );

  it("the fund the row leaves alone is checked again: its quota passes once no row is without a fund, as a full check says", () => {
    let workbook = new CheckedWorkbook({ Funds: twoFunds, Holdings: holdings });
    const eta = () =>
      rule(workbook.report("2025-12-31").funds[0], "FCPR-Q50").status;
    expect(eta()).toBe("incomplete");
    workbook = workbook.withEdits([
      { table: "Holdings", row: 4, column: 0, value: "BETA" },
    ]);
    expect(eta()).toBe("pass");
    expect(workbook.report("2025-12-31")).toEqual(fullCheck(workbook));
  });
});

describe("L. 214-28 II 1° (FCPR-CCA15) re-checked after an edit, with a Holdings row of no fund", () => {
  /** ETA's advances at 30 % of its paid-up subscriptions, beside a row of no fund of `orphanCost`. */
  const holdings = (orphanCost: number) =>
    rawTable(
      "Holdings",
      [
        "fundId",
        "lineId",
        "issuerId",
        "assetClass",
        "costValue",
        "ownershipPct",
      ],
      [
        ["ETA", "L1", "ACME", "EQUITY", 600_000, 0.1],
        ["ETA", "L2", "ACME", "CURRENT_ACCOUNT_ADVANCE", 300_000, 0.1],
        ["BETA", "L3", "B", "EQUITY", 700_000, null],
        [null, "L4", "C", "EQUITY", orphanCost, null],
      ],
    );
  const cca15 = (workbook: CheckedWorkbook, positions = false) =>
    rule(workbook.report("2025-12-31", positions).funds[0], "FCPR-CCA15")
      .status;

  it("« dans la limite de 15 % »: the breach the row cannot cure stays a breach after the edit, as a full check says (a result carried from the last check is not settled again)", () => {
    let workbook = new CheckedWorkbook({
      Funds: twoFunds,
      Holdings: holdings(1),
    });
    expect(cca15(workbook)).toBe("breach");
    workbook = workbook.withEdits([
      { table: "Holdings", row: 2, column: 1, value: "L1bis" },
    ]);
    for (const positions of [false, true]) {
      expect(cca15(workbook, positions)).toBe("breach");
      expect(workbook.report("2025-12-31", positions)).toEqual(
        fullCheck(workbook, positions),
      );
    }
  });

  it("« dans la limite de 15 % »: below zero the row could lower the advances (incomplete); edited to 1 it can only add to them (breach), as a full check says", () => {
    let workbook = new CheckedWorkbook({
      Funds: twoFunds,
      Holdings: holdings(-5),
    });
    expect(cca15(workbook)).toBe("incomplete");
    workbook = workbook.withEdits([
      { table: "Holdings", row: 5, column: 4, value: 1 },
    ]);
    expect(cca15(workbook)).toBe("breach");
    expect(workbook.report("2025-12-31")).toEqual(fullCheck(workbook));
  });
});

describe("L. 214-28 II 1° (FCPR-CCA15) after an edit of an amount and, in the same edit, of another fund's row left without a fund", () => {
  const holdings = rawTable(
    "Holdings",
    ["fundId", "lineId", "issuerId", "assetClass", "costValue", "ownershipPct"],
    [
      ["ETA", "L1", "ACME", "EQUITY", 600_000, 0.1],
      ["ETA", "L2", "ACME", "CURRENT_ACCOUNT_ADVANCE", 100_000, 0.1],
      ["BETA", "L3", "B", "EQUITY", 700_000, null],
      ["BETA", "L4", "C", "EQUITY", 1, null],
    ],
  );

  it("« dans la limite de 15 % »: ETA's pass does not stand: the row of no fund could be its advance, so incomplete, as a full check says", () => {
    let workbook = new CheckedWorkbook({ Funds: twoFunds, Holdings: holdings });
    const eta = () =>
      rule(workbook.report("2025-12-31").funds[0], "FCPR-CCA15");
    expect(eta().status).toBe("pass");
    // ETA's edited row is one of I: alone, that edit re-checks ETA from its last passes (II 1°, III, IV).
    workbook = workbook.withEdits([
      { table: "Holdings", row: 2, column: 4, value: 650_000 },
      { table: "Holdings", row: 5, column: 0, value: null },
    ]);
    expect(eta().status).toBe("incomplete");
    expect(eta().reasons?.map((r) => r.code)).toContain("rows-without-fund");
    expect(workbook.report("2025-12-31")).toEqual(fullCheck(workbook));
  });
});

describe("L. 214-93 II (SCPI-SELL10, an event): an Orders row that names no fund", () => {
  const scpi = (fundId: string, row: number): Fund => ({
    ...fundOf("SCPI", {
      fundId,
      row,
      basis: "FAIR",
      paidUpSubscriptions: null,
      totalAssets: "1000000",
    }),
    unitsIssued: eur(1000),
  });
  const order = (
    fundId: string | undefined,
    units: number,
    row: number,
    invalid: string[] = [],
  ): Order => ({
    row,
    invalid: new Set(invalid),
    fundId,
    orderType: "SELL",
    registeredDate: "2023-06-30",
    units: eur(units),
  });
  const run = (orders: Order[]) =>
    checkWorkbook(
      {
        funds: [scpi("S1", 2), scpi("S2", 3)],
        holdings: [],
        holders: [],
        orders,
        diagnostics: [],
      },
      { asOf: "2025-12-31" },
    ).funds.map((f) => rule(f, "SCPI-SELL10"));

  it("L. 214-93 II « au moins 10 % des parts émises »: 5 % of old sell orders is not triggered", () => {
    expect(run([order("S1", 50, 2)]).map((r) => r.status)).toEqual([
      "pass",
      "pass",
    ]);
  });

  it("L. 214-93 II: an order whose fundId is blank beside two SCPI (or unreadable) may be either's: « not triggered » is incomplete for both; triggered stays triggered", () => {
    for (const stray of [
      order(undefined, 60, 9),
      order(undefined, 60, 9, ["fundId"]),
    ]) {
      const [s1, s2] = run([order("S1", 50, 2), stray]);
      expect(s1.status).toBe("incomplete");
      expect(s2.status).toBe("incomplete");
      expect(s1.reasons).toContainEqual({
        code: "rows-without-fund",
        facts: { rows: [9], more: 0, table: "Orders" },
      });
      expect(ruleText(s1, "fr")!.replace(/\u00a0/g, " ")).toContain(
        "La ligne 9 du tableau Orders n'est rattachée à aucun fonds du tableau Funds (code fonds vide ou illisible) : elle peut appartenir à ce fonds.",
      );
    }
    expect(run([order("S1", 100, 2), order(undefined, 1, 9)])[0].status).toBe(
      "triggered",
    );
  });

  it("LIVRE2 §1.4: an order of a fund missing from Funds is another SCPI's, a workbook-level diagnostic only", () => {
    expect(
      run([order("S1", 50, 2), order("S9", 60, 9)]).map((r) => r.status),
    ).toEqual(["pass", "pass"]);
  });
});
