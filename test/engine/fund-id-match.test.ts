import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { diagnosticText } from "../../src/present/report";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

function table(name: RawTable["name"], headers: CellValue[], rows: CellValue[][]): RawTable {
  return { name, source: "table", sheet: name, headerRowNumber: 1, firstColumn: 0, headers, rows: rows.map((cells, i) => ({ rowNumber: 2 + i, cells })) };
}

const FUNDS = table("Funds", ["fundId", "fundType", "paidUpSubscriptions", "constitutionDate", "firstYearEnd"], [
  ["ETA", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
  ["BETA", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
]);

// WORKBOOK-FORMAT §3: "Fund ids match ignoring case and surrounding spaces (eta is ETA); the match is
// reported as an info diagnostic on that row, so a typo is visible."
describe("fund ids match ignoring case and surrounding spaces", () => {
  const holdings = table("Holdings", ["Code fonds", "assetClass", "costValue"], [
    ["ETA", "EQUITY", 300000],
    ["eta", "EQUITY", 300000],
    ["  Eta ", "EQUITY", 100000],
    ["ETAA", "EQUITY", 1],
  ]);
  const report = checkWorkbook(readWorkbook({ Funds: FUNDS, Holdings: holdings }), { asOf: "2025-12-31", positions: true });
  const eta = report.funds.find((f) => f.fundId === "ETA")!;

  it("a holding naming eta or ' Eta ' belongs to ETA and counts in its quota", () => {
    expect(eta.positions?.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(eta.rules.find((r) => r.id === "FCPR-Q50")?.numerator).toBe("700000.00");
  });

  it("each inexact match is an info diagnostic naming table, row, the user's header and the cell", () => {
    const infos = eta.diagnostics.filter((d) => d.severity === "info");
    expect(infos).toHaveLength(2);
    expect(infos[0]).toMatchObject({ table: "Holdings", row: 3, column: "fundId", header: "Code fonds", value: "eta", sheet: "Holdings", cell: "A3" });
    expect(infos[0].message).toContain('column "Code fonds"');
    expect(infos[0].message).toContain("ETA");
    expect(infos[1]).toMatchObject({ row: 4, value: "Eta" }); // the reader trims text cells
  });

  it("the match is a reason code with its facts, said in French with the user's header", () => {
    const info = eta.diagnostics.find((d) => d.severity === "info")!;
    expect(info).toMatchObject({ code: "fund-id-case", facts: { table: "Holdings", row: 3, header: "Code fonds", value: "eta", fundId: "ETA", fundRow: 2 } });
    const fr = diagnosticText(info, "fr").replace(/\u00a0/g, " ");
    expect(fr).toBe("Information : Holdings, ligne 3, colonne « Code fonds » [eta] : « eta » est rattaché au fonds ETA (ligne 2 du tableau Funds) : les codes fonds sont comparés sans tenir compte des majuscules ni des espaces en début et en fin. Vérifiez qu'il ne s'agit pas d'une faute de frappe.");
  });

  it("an exact match gives no diagnostic, and a different id is still not in the Funds table", () => {
    expect(eta.diagnostics.some((d) => d.row === 2 && d.table === "Holdings")).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", table: "Holdings", row: 5, value: "ETAA" }));
  });

  it("two Funds rows whose ids differ only by case are one fund given twice: its rules are incomplete", () => {
    const funds = table("Funds", ["fundId", "fundType", "paidUpSubscriptions", "constitutionDate", "firstYearEnd"], [
      ["ETA", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
      ["eta", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
    ]);
    const r = checkWorkbook(readWorkbook({ Funds: funds, Holdings: table("Holdings", ["fundId", "assetClass", "costValue"], [["ETA", "EQUITY", 600000]]) }), { asOf: "2025-12-31" });
    expect(r.funds).toHaveLength(1);
    expect(r.funds[0].diagnostics).toContainEqual(expect.objectContaining({ severity: "error", table: "Funds", row: 3, column: "fundId" }));
    for (const rule of r.funds[0].rules) expect(rule.status).toBe("incomplete");
  });

  it("L. 214-28 I « au moins 50 % », a fund given twice: even a breach measured with the first row's facts is incomplete (the second row's may differ)", () => {
    const funds = table("Funds", ["fundId", "fundType", "paidUpSubscriptions", "constitutionDate", "firstYearEnd"], [
      ["ETA", "FCPR", 2000000, "15/01/2022", "31/12/2022"],
      ["eta", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
    ]);
    // 600,000 is 30 % of the first row's paid-up subscriptions, 60 % of the second's.
    const r = checkWorkbook(readWorkbook({ Funds: funds, Holdings: table("Holdings", ["fundId", "assetClass", "costValue"], [["ETA", "EQUITY", 600000]]) }), { asOf: "2025-12-31" });
    const q50 = r.funds[0].rules.find((x) => x.id === "FCPR-Q50")!;
    expect(q50).toMatchObject({ status: "incomplete", value: 0.3 });
  });

  it("a reader diagnostic on the second of two such Funds rows is kept, under the fund that is checked", () => {
    const funds = table("Funds", ["fundId", "fundType", "paidUpSubscriptions", "constitutionDate", "firstYearEnd"], [
      ["ETA", "FCPR", 1000000, "15/01/2022", "31/12/2022"],
      ["eta", "FCPR", "beaucoup", "15/01/2022", "31/12/2022"],
    ]);
    const r = checkWorkbook(readWorkbook({ Funds: funds, Holdings: table("Holdings", ["fundId", "assetClass", "costValue"], [["ETA", "EQUITY", 600000]]) }), { asOf: "2025-12-31" });
    expect(r.funds[0].diagnostics).toContainEqual(expect.objectContaining({ table: "Funds", row: 3, column: "paidUpSubscriptions" }));
  });
});
