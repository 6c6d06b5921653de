import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { RuleResult } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

// Minimal workbooks where the plain readings of test/properties/feeders-oracle and fip-caps-oracle
// and the engine disagreed, the engine being wrong: each expects the law's (and the contract's)
// answer, and failed on the engine before its fix. Workbooks go through the reader every face uses, cells as a user types them.

const AS_OF = "2025-12-31";
const NA = { error: "#N/A" };

function ruleOf(
  tables: Parameters<typeof readWorkbook>[0],
  id: string,
): RuleResult {
  const report = checkWorkbook(readWorkbook(tables), { asOf: AS_OF });
  const rule = report.funds[0].rules.find((r) => r.id === id);
  expect(rule, id).toBeDefined();
  return rule!;
}

/** A feeder measured at fair value, no warning margin; rows: [assetClass, fairValue, masterId, hedgeOnly]. */
function feeder(
  fundType: "OPCVM_FEEDER" | "FIVG_FEEDER",
  rows: unknown[][],
  isSicav: unknown = false,
) {
  return {
    Funds: tableFromValues("Funds", [
      ["fundId", "fundType", "basis", "isSicav", "warningMargin"],
      ["A", fundType, "FAIR", isSicav, 0],
    ]),
    Holdings: tableFromValues("Holdings", [
      ["fundId", "lineId", "assetClass", "fairValue", "masterId", "hedgeOnly"],
      ...rows.map((r, k) => ["A", `L${k}`, ...r]),
    ]),
  };
}

describe("Feeders · an unreadable cell is not read as « not allowed » (WORKBOOK-FORMAT.md §2; docs/workbook-format.md)", () => {
  // docs/workbook-format.md: « Units of a fund whose masterId is unreadable may be the master's:
  // the feeder rules are incomplete. » Here, as the master's units, they make 91 % in M1 and 9 % of
  // cash (L. 214-22 I: compliant); as another fund's, a breach. The engine names the line as a
  // breach of the closed list, « no masterId », though the masterId is there and unreadable.
  const units = () => [
    ["FUND_UNITS", 900000, "M1", null],
    ["FUND_UNITS", 10000, NA, null],
    ["CASH", 90000, null, null],
  ];
  it("L. 214-22 I: units whose masterId is #N/A make OPCVM-FEED15 incomplete, not a breach", () => {
    expect(ruleOf(feeder("OPCVM_FEEDER", units()), "OPCVM-FEED15").status).toBe(
      "incomplete",
    );
  });
  it("L. 214-24-57: units whose masterId is #N/A make FIVG-FEED incomplete, not a breach", () => {
    expect(ruleOf(feeder("FIVG_FEEDER", units()), "FIVG-FEED").status).toBe(
      "incomplete",
    );
  });

  // WORKBOOK-FORMAT.md §2: « unreadable values … each becomes a diagnostic …; the rules that needed
  // that value report incomplete for that fund ». L. 214-22 I 2° allows contracts « utilisés
  // uniquement à des fins de couverture »: whether this one is, the cell does not say (a blank cell
  // is « no »; an error or « maybe » is unknown). The engine reads the error as « no »: breach.
  it("L. 214-22 I 2°: a financial contract whose hedgeOnly is #N/A makes OPCVM-FEED15 incomplete, not a breach", () => {
    const rows = [
      ["FUND_UNITS", 900000, "M1", null],
      ["FINANCIAL_CONTRACT", 10000, null, NA],
      ["CASH", 90000, null, null],
    ];
    expect(ruleOf(feeder("OPCVM_FEEDER", rows), "OPCVM-FEED15").status).toBe(
      "incomplete",
    );
  });
  // Same for L. 214-22 I 3° « lorsque cet OPCVM nourricier est une SICAV » with isSicav unreadable.
  it("L. 214-22 I 3°: operating property of a feeder whose isSicav is #N/A makes OPCVM-FEED15 incomplete, not a breach", () => {
    const rows = [
      ["FUND_UNITS", 900000, "M1", null],
      ["OPERATING_PROPERTY", 10000, null, null],
      ["CASH", 90000, null, null],
    ];
    expect(
      ruleOf(feeder("OPCVM_FEEDER", rows, NA), "OPCVM-FEED15").status,
    ).toBe("incomplete");
  });
});

/** An FIP at cost over 1,000,000 EUR paid up; rows: [assetClass, costValue, region]. */
function fip(
  rows: unknown[][],
  chosenRegions = "Bretagne",
  overseasZone = false,
) {
  return {
    Funds: tableFromValues("Funds", [
      [
        "fundId",
        "fundType",
        "constitutionDate",
        "firstYearEnd",
        "basis",
        "paidUpSubscriptions",
        "chosenRegions",
        "overseasZone",
        "warningMargin",
      ],
      [
        "A",
        "FIP",
        "2022-01-15",
        "2022-12-31",
        "COST",
        1000000,
        chosenRegions,
        overseasZone,
        0,
      ],
    ]),
    Holdings: tableFromValues("Holdings", [
      [
        "fundId",
        "lineId",
        "assetClass",
        "costValue",
        "region",
        "fipEligible",
        "acquisitionMode",
      ],
      ...rows.map((r, k) => ["A", `L${k}`, ...r, true, "SUBSCRIPTION"]),
    ]),
  };
}

describe("FIP-REG25 · L. 214-31 IV: « L'actif du fonds ne peut être constitué à plus de 25 % … d'une même région »", () => {
  // 300 000 EUR of Bretagne companies over 1 000 000 EUR paid up is 30 %: a breach whatever the
  // region of the other position (it can only add to a region; the base is the paid-up amount).
  // docs/workbook-format.md: « A maximum already in breach stays in breach: such a row can only
  // add to what the readable rows show »; a blank assetClass there already keeps
  // the breach. The engine reports incomplete.
  it("L. 214-31 IV: a region above 25 % stays a breach when another position has no region", () => {
    const rows = [
      ["EQUITY", 300000, "Bretagne"],
      ["EQUITY", 10000, null],
    ];
    expect(ruleOf(fip(rows), "FIP-REG25").status).toBe("breach");
  });

  // IV, second sentence: « Lorsque le fonds a choisi une zone géographique constituée d'un ou de
  // plusieurs départements d'outre-mer, … cette limite est portée à 50 % et s'applique à chacune des
  // collectivités de la zone géographique. » Bretagne is not a collectivité of the zone the fund
  // chose (La Réunion, Mayotte): its companies stay under the 25 % of the first sentence
  // (docs/workbook-format.md: « 50 % per collectivité for an overseasZone »). The engine applies
  // 50 % to every region and reports Bretagne's 40 % as a pass.
  it("L. 214-31 IV: in an overseas-zone FIP, a region outside the zone keeps the 25 %: 40 % in Bretagne is a breach", () => {
    const rows = [
      ["EQUITY", 400000, "Bretagne"],
      ["EQUITY", 300000, "La Réunion"],
    ];
    const rule = ruleOf(fip(rows, "La Réunion; Mayotte", true), "FIP-REG25");
    expect(rule.status).toBe("breach");
    expect(rule.groups?.find((g) => g.key === "Bretagne")?.status).toBe(
      "breach",
    );
  });

  // docs/workbook-format.md: « every region is listed under groups, largest first (on a tie, in
  // alphabetical order, case, accents and punctuation aside) »: as an accountant sorts names, « alpha »
  // before « Zeta » (code-point order would put every capital first).
  it("L. 214-31 IV: two regions of equal weight are listed alphabetically, case aside: « alpha » before « Zeta »", () => {
    const rows = [
      ["EQUITY", 100000, "Zeta"],
      ["EQUITY", 100000, "alpha"],
    ];
    const rule = ruleOf(fip(rows), "FIP-REG25");
    expect(rule.groups?.map((g) => g.key)).toEqual(["alpha", "Zeta"]);
    expect(rule.reasons?.[0]).toMatchObject({
      code: "largest-region",
      facts: { region: "alpha" },
    });
  });
});

describe("FIP-H20, FIP-H10 · L. 214-31 VI: « ne peuvent pas être détenues : 1° A plus de 20 % par un même investisseur ; 2° A plus de 10 % par un même investisseur personne morale de droit public »", () => {
  // The caps add up « a holder's rows … by holderId » (docs/workbook-format.md). A row with no
  // holderId belongs to an investor the table does not name: it may be H1's (then H1 holds 250 of
  // 1 000 units, 25 %) or P1's (130, 13 % for a public-law person). WORKBOOK-FORMAT.md §2: a missing
  // value a rule needs makes it incomplete; §3: « take the reading that never overstates
  // compliance »; FIVG-20INV already reads a blank holderId as incomplete. The engine counts the
  // row as an investor of its own (« row 3 ») and passes both caps.
  const holders = (rows: unknown[][]) => ({
    ...fip([["EQUITY", 100000, "Bretagne"]]),
    Holders: tableFromValues("Holders", [
      ["fundId", "holderId", "holderType", "units"],
      ...rows.map((r) => ["A", ...r]),
    ]),
  });
  it("L. 214-31 VI 1°: a Holders row without holderId makes FIP-H20 incomplete, not a pass", () => {
    const rows = [
      ["H1", "NATURAL", 150],
      [null, "NATURAL", 100],
      ...["H2", "H3", "H4", "H5", "H6"].map((id) => [id, "NATURAL", 150]),
    ];
    expect(ruleOf(holders(rows), "FIP-H20").status).toBe("incomplete");
  });
  it("L. 214-31 VI 2°: a public-law Holders row without holderId makes FIP-H10 incomplete, not a pass", () => {
    const rows = [
      ["P1", "PUBLIC_LAW_LEGAL", 80],
      [null, "PUBLIC_LAW_LEGAL", 50],
      ...["H2", "H3", "H4", "H5", "H6"].map((id) => [id, "NATURAL", 150]),
      ["H7", "NATURAL", 120],
    ];
    expect(ruleOf(holders(rows), "FIP-H10").status).toBe("incomplete");
  });
});
