import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

function table(name: RawTable["name"], headers: CellValue[], rows: CellValue[][], headerRowNumber = 1): RawTable {
  return { name, source: "table", sheet: name, headerRowNumber, firstColumn: 0, headers, rows: rows.map((cells, i) => ({ rowNumber: headerRowNumber + 1 + i, cells })) };
}

const FUNDS = table("Funds", ["fundId", "fundType", "paidUpSubscriptions", "firstYearEnd"], [["F1", "FCPR", 1000000, "31/12/2022"]]);

describe("WORKBOOK-FORMAT §1 Tables and headers", () => {
  it("matches French headers, ignoring case, spaces, accents, hyphens and apostrophes", () => {
    const holdings = table("Holdings", ["Code fonds", "TYPE D’ACTIF", "coût d'acquisition", "Pourcentage de détention", "Date-d'investissement", "Colonne perso"], [["F1", "Actions", "1 234,50", "12 %", "15/03/2024", "kept but ignored"]]);
    const model = readWorkbook({ Funds: FUNDS, Holdings: holdings });
    expect(model.diagnostics).toEqual([]);
    const h = model.holdings[0];
    expect(h).toMatchObject({ fundId: "F1", assetClass: "EQUITY", investmentDate: "2024-03-15", lineId: "2" });
    expect(formatAmount(h.costValue!)).toBe("1234.50");
    expect(h.ownershipPct!.toString()).toBe("0.12");
  });

  it("reports a missing required column at the header row", () => {
    const model = readWorkbook({ Funds: FUNDS, Holdings: table("Holdings", ["fundId", "costValue"], [["F1", 1]], 4) });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", table: "Holdings", row: 4, column: "assetClass" }));
    expect(model.holdings).toHaveLength(1);
  });

  it("reports a duplicated column and reads the first", () => {
    const model = readWorkbook({ Funds: FUNDS, Holdings: table("Holdings", ["assetClass", "costValue", "Coût d'acquisition"], [["EQUITY", 10, 20]]) });
    expect(formatAmount(model.holdings[0].costValue!)).toBe("10.00");
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", column: "costValue", header: "Coût d'acquisition" }));
  });

  it("reports a missing Funds or Holdings table", () => {
    const model = readWorkbook({ Funds: FUNDS });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ table: "Holdings", row: 0, severity: "error" }));
  });
});

describe("WORKBOOK-FORMAT §2 Rows and unreadable cells", () => {
  it("skips blank rows inside the data and keeps the rows after them, with their worksheet row numbers", () => {
    const holdings = table("Holdings", ["assetClass", "costValue"], [["EQUITY", 1], [null, ""], ["  ", null], ["EQUITY", 2]], 3);
    const model = readWorkbook({ Funds: FUNDS, Holdings: holdings });
    expect(model.holdings.map((h) => h.row)).toEqual([4, 7]);
  });

  it("turns every unreadable cell into a diagnostic with table, worksheet row, column, header and value, and keeps the row", () => {
    const holdings = table("Holdings", ["assetClass", "Coût d'acquisition", "ownershipPct", "listingDate"], [
      ["EQUITY", "abc", 0.1, "2024-01-01"],
      ["EQUITY", { error: "#N/A" }, 25, "#VALUE!"],
      ["EQUITY", "1,234", "5 %", "31/02/2024"],
    ], 5);
    const model = readWorkbook({ Funds: FUNDS, Holdings: holdings });
    expect(model.holdings).toHaveLength(3);
    expect(model.holdings[1].invalid).toEqual(new Set(["costValue", "ownershipPct", "listingDate"]));
    expect(model.diagnostics).toEqual([
      expect.objectContaining({ table: "Holdings", row: 6, column: "costValue", header: "Coût d'acquisition", value: "abc", cell: "B6", severity: "error" }),
      expect.objectContaining({ row: 7, column: "costValue", value: "#N/A", message: "The cell holds the error #N/A." }),
      expect.objectContaining({ row: 7, column: "ownershipPct", value: "25", message: expect.stringContaining("5 % is written 0.05 or 5 %") }),
      expect.objectContaining({ row: 7, column: "listingDate", value: "#VALUE!" }),
      expect.objectContaining({ row: 8, column: "costValue", value: "1,234" }),
      expect.objectContaining({ row: 8, column: "listingDate", value: "31/02/2024" }),
    ]);
  });

  it("reports a Funds row without fundId instead of dropping it", () => {
    const funds = table("Funds", ["fundId", "fundType"], [["F1", "FCPR"], ["", "FCPI"]]);
    const model = readWorkbook({ Funds: funds, Holdings: table("Holdings", ["assetClass"], []) });
    expect(model.funds).toHaveLength(1);
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ table: "Funds", row: 3, column: "fundId" }));
  });

  it("defaults lineId to the worksheet row number and booleans to false when blank", () => {
    const model = readWorkbook({ Funds: FUNDS, Holdings: table("Holdings", ["assetClass", "entityOecd", "lineId"], [["ENTITY_RIGHTS", null, null], ["ENTITY_RIGHTS", "oui", "E-2"]], 9) });
    expect(model.holdings.map((h) => [h.lineId, h.entityOecd])).toEqual([["10", false], ["E-2", true]]);
  });
});

describe("the Holdings record order", () => {
  it("matches the order of the Holdings columns, so each value lands in its own field", async () => {
    const { HOLDING_ORDER } = await import("../../src/workbook/read-workbook");
    const { HOLDINGS_SPEC } = await import("../../src/workbook/columns");
    expect([...HOLDING_ORDER]).toEqual(HOLDINGS_SPEC.columns.map((c) => c.name));
  });
});

describe("FCPI-HOLD75, L. 214-30 III A 2° b): the columns added to the contract, read from their French headers", () => {
  it("reads the holding-company columns, the subscription commitment and the fund's term date; a blank gate yes/no stays unknown", () => {
    const funds = table("Funds", ["Code fonds", "Type de fonds", "Date de fin de vie du fonds"], [["F1", "FCPI", "31/12/2032"]]);
    const holdings = table(
      "Holdings",
      ["Code fonds", "Type d'actif", "Société holding", "Plus faible détention dans les filiales", "Filiales éligibles", "Filiale remplissant les conditions I, II et III", "Engagement de souscription"],
      [
        ["F1", "Actions", "oui", "75 %", "oui", "non", null],
        ["F1", "Actions", "non", null, null, null, "300 000,00"],
      ],
    );
    const model = readWorkbook({ Funds: funds, Holdings: holdings });
    expect(model.diagnostics).toEqual([]);
    expect(model.funds[0].fundTermDate).toBe("2032-12-31");
    const [a, b] = model.holdings;
    expect(a).toMatchObject({ holdingCompany: true, subsidiariesEligible: true, subsidiaryMeetsI: false });
    expect(a.subsidiaryStakeMinPct!.toString()).toBe("0.75");
    expect(b.holdingCompany).toBe(false);
    expect(b.subsidiariesEligible).toBeUndefined();
    expect(b.subsidiaryMeetsI).toBeUndefined();
    expect(formatAmount(b.subscriptionCommitment!)).toBe("300000.00");
  });
});
