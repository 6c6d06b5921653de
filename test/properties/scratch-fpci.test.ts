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
      ["fundId", "lineId", "issuerId", "assetClass", "costValue", "listingStatus", "investmentDate", "acquisitionMode", "fcpiEligible", "holdingCompany", "subsidiaryStakeMinPct", "subsidiariesEligible", "subsidiaryMeetsI"], ...h]),
  });
  const rep = checkWorkbook(wb, { asOf: "2025-12-31" });
  for (const f of rep.funds) { console.log(f.rules.map((r) => r.id + ":" + r.status + ":" + r.numerator).join(" "));
    for (const d of f.diagnostics) console.log("   D", d.severity, d.column, d.message); }
}
it("x", () => {
  run([["P", "1", "H", "EQUITY", 700, null, "2019-03-01", "SUBSCRIPTION", true, "maybe", 0.5, true, true]]);
  run([["P", "1", "H", "EQUITY", 700, null, "2019-03-01", "SUBSCRIPTION", true, true, 0.5, true, true]]);
  run([["P", "1", "H", "EQUITY", 700, null, "2019-03-01", "SUBSCRIPTION", true, null, 0.5, true, true]]);
  run([["P", "1", "H", "EQUITY", 700, null, "2019-03-01", "SUBSCRIPTION", true, true, 0.8, true, true], ["P", "2", "H", "CURRENT_ACCOUNT_ADVANCE", 100, null, "2019-03-01", null, true, true, 0.8, true, true]]);
});
