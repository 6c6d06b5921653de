import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

// docs/workbook-format.md: « A maximum already in breach stays in breach »; a binding maximum whose
// readable part is already beyond its limit, over a base known in full, is a breach: an unread
// amount can only add to it. Not when a row may not be held (its dates unread): it may be in the
// numerator and gone.

const FUNDS = [
  [
    "fundId",
    "fundType",
    "constitutionDate",
    "firstYearEnd",
    "basis",
    "paidUpSubscriptions",
    "warningMargin",
  ],
  ["F", "FCPR", "2022-01-15", "2022-12-31", "COST", 1_000_000, 0],
];
const HEADERS = [
  "fundId",
  "lineId",
  "issuerId",
  "assetClass",
  "costValue",
  "ownershipPct",
  "disposalDate",
];

function cca15(rows: unknown[][]) {
  const report = checkWorkbook(
    readWorkbook({
      Funds: tableFromValues("Funds", FUNDS),
      Holdings: tableFromValues("Holdings", [HEADERS, ...rows]),
    }),
    { asOf: "2025-12-31" },
  );
  return report.funds[0].rules.find((r) => r.id === "FCPR-CCA15")!;
}

describe("L. 214-28 II 1° « dans la limite de 15 % »: an unread advance cannot cure advances already above 15 %", () => {
  it("160 000 € of readable advances over 1 000 000 € paid up, and one advance unreadable: breach, partial", () => {
    const r = cca15([
      ["F", "A1", "I1", "CURRENT_ACCOUNT_ADVANCE", 160_000, 0.1, null],
      ["F", "A2", "I2", "CURRENT_ACCOUNT_ADVANCE", "n/c", 0.1, null],
      ["F", "E1", "I1", "EQUITY", 600_000, 0.1, null],
    ]);
    expect(r).toMatchObject({
      status: "breach",
      partial: true,
      numerator: "160000.00",
    });
  });

  it("140 000 € readable and one unreadable: incomplete (the unread one may take it past 15 %)", () => {
    const r = cca15([
      ["F", "A1", "I1", "CURRENT_ACCOUNT_ADVANCE", 140_000, 0.1, null],
      ["F", "A2", "I2", "CURRENT_ACCOUNT_ADVANCE", "n/c", 0.1, null],
      ["F", "E1", "I1", "EQUITY", 600_000, 0.1, null],
    ]);
    expect(r).toMatchObject({ status: "incomplete", partial: true });
  });

  it("160 000 € readable, one unreadable, and an advance whose disposal date is unread: incomplete (it may be sold)", () => {
    const r = cca15([
      ["F", "A1", "I1", "CURRENT_ACCOUNT_ADVANCE", 100_000, 0.1, null],
      ["F", "A3", "I3", "CURRENT_ACCOUNT_ADVANCE", 60_000, 0.1, "bientôt"],
      ["F", "A2", "I2", "CURRENT_ACCOUNT_ADVANCE", "n/c", 0.1, null],
      ["F", "E1", "I1", "EQUITY", 600_000, 0.1, null],
    ]);
    expect(r.status).toBe("incomplete");
  });
  it("160 000 € readable, one unreadable, and an amount below zero in the fund: incomplete (the unread one may be below zero too)", () => {
    const r = cca15([
      ["F", "A1", "I1", "CURRENT_ACCOUNT_ADVANCE", 160_000, 0.1, null],
      ["F", "A2", "I2", "CURRENT_ACCOUNT_ADVANCE", "n/c", 0.1, null],
      ["F", "E1", "I1", "EQUITY", 600_000, 0.1, null],
      ["F", "E2", "I2", "EQUITY", -1_000, 0.1, null],
    ]);
    expect(r).toMatchObject({ status: "incomplete", partial: true });
  });
});
