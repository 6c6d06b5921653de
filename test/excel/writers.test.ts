import { beforeAll, describe, expect, it } from "vitest";
import { insertTemplate, LISTS_SHEET, templateHeaders } from "../../src/excel/template";
import { frenchLabel, ORDERS_SPEC } from "../../src/workbook/columns";
import { fakeExcel, installExcelEnums } from "./fake-excel";

beforeAll(installExcelEnums);

describe("inserting the template through Office.js", () => {
  it("creates the missing tables with French headers and dropdowns, and leaves an existing one alone", async () => {
    const excel = fakeExcel({ tables: ["Holdings"] });
    const result = await insertTemplate(excel.context, "fr");
    expect(result).toEqual({
      created: ["Funds", "Holders", "Orders", "Subscribers", "Offers", "Trades"],
      skipped: ["Holdings"],
    });
    expect(excel.sheets.has("Holdings")).toBe(false);
    const funds = excel.sheets.get("Funds")!;
    expect(funds.ranges[0].values![0].slice(0, 3)).toEqual([
      "Code fonds",
      "Nom du fonds",
      "Type de fonds",
    ]);
    const fundType = funds.ranges.find((r) => r.address === "C2:C2000")!;
    expect(fundType.dataValidation.rule).toEqual({
      list: {
        inCellDropDown: true,
        source: expect.stringMatching(
          /^='Quota lists'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/,
        ),
      },
    });
    expect(excel.sheets.get(LISTS_SHEET)!.visibility).toBe("Hidden");
    // The registers: French headers and their dropdowns (WORKBOOK-FORMAT-REGISTERS).
    const offers = excel.sheets.get("Offers")!;
    expect(offers.ranges[0].values![0].slice(0, 4)).toEqual(["Offre", "Code émetteur", "Émetteur", "Cas de dispense"]);
    expect(offers.ranges.find((r) => r.address === "D2:D2000")!.dataValidation.rule).toMatchObject({ list: { inCellDropDown: true } });
    // The Orders register of SCPI and SEF pending orders (WORKBOOK-FORMAT-LIVRE2 §1.4): headers from columns.ts, its orderType dropdown.
    const orders = excel.sheets.get("Orders")!;
    expect(orders.ranges[0].values![0]).toEqual(templateHeaders("Orders", "fr"));
    expect(orders.ranges[0].values![0]).toEqual(ORDERS_SPEC.columns.map(frenchLabel));
    const orderType = ORDERS_SPEC.columns.findIndex((c) => c.name === "orderType");
    const letter = String.fromCharCode(65 + orderType);
    expect(orders.ranges.find((r) => r.address === `${letter}2:${letter}2000`)!.dataValidation.rule).toMatchObject({ list: { inCellDropDown: true } });
    const trades = excel.sheets.get("Trades")!;
    expect(trades.ranges.find((r) => r.address === "F2:F2000")!.dataValidation.rule).toMatchObject({ list: { inCellDropDown: true } });
  });

  it("never writes over a sheet that already has the table's name", async () => {
    const excel = fakeExcel({ sheets: ["Funds", "Holdings", "Holders"] });
    expect(await insertTemplate(excel.context, "en")).toEqual({
      created: ["Orders", "Subscribers", "Offers", "Trades"],
      skipped: ["Funds", "Holdings", "Holders"],
    });
    for (const name of ["Funds", "Holdings", "Holders"])
      expect(excel.sheets.get(name)!.ranges).toEqual([]);
  });
});
