import { it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
function run(h: any[][]) {
  const wb = readWorkbook({
    Funds: tableFromValues("Funds", [
      ["fundId", "fundType", "constitutionDate", "firstYearEnd", "basis", "paidUpSubscriptions", "warningMargin"],
      ["P", "FCPI", "2022-01-15", "2022-12-31", "COST", 1000, 0],
    ]),
    Holdings: tableFromValues("Holdings", [
      ["fundId", "lineId", "issuerId", "assetClass", "costValue", "listingStatus", "listingDate", "investmentDate", "acquisitionMode", "fcpiEligible"], ...h]),
  });
  const rep = checkWorkbook(wb, { asOf: "2025-12-31" });
  for (const f of rep.funds) { for (const r of f.rules) console.log("  ", r.id, r.status, r.numerator, r.denominator, (r as any).message);
    for (const d of f.diagnostics) console.log("   D", d.severity, d.column, d.message); }
}
it("x", () => {
  for (const date of ["31/02/2025", "2020-12-30", null, "2018-01-01"]) {
  for (const m of ["MTF_SME", "REGULATED"]) {
  console.log("--", date, m);
  run([["P", "1", "A", "EQUITY", 700, m, date, "2019-03-01", "SUBSCRIPTION", true]]);
  }}
});
