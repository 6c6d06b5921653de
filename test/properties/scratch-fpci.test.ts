import { it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
function run(h: any[][], ta: number | null) {
  const wb = readWorkbook({
    Funds: tableFromValues("Funds", [["fundId", "fundType", "totalAssets"], ["A", "FIA", ta]]),
    Holdings: tableFromValues("Holdings", [["fundId", "lineId", "assetClass", "fairValue", "masterId", "masterStrategy"], ...h]),
  });
  const rep = checkWorkbook(wb, { asOf: "2025-12-31" });
  for (const f of rep.funds) { console.log(f.rules.map((r) => r.id + ":" + r.status + ":" + r.numerator).join(" ")); }
}
it("x", () => {
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", "Obl"], ["A", "2", "FUND_UNITS", 10, "M0", "Act"], ["A", "3", "FUND_UNITS", 10, "M1", "Act"]], 100);
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", "Obl"], ["A", "2", "FUND_UNITS", 10, "M0", "Act"]], 100);
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", null], ["A", "2", "FUND_UNITS", 10, "M0", null]], 100);
  run([["A", "1", "FUND_UNITS", 5, "M3", null], ["A", "2", "FUND_UNITS", 10, "M0", null]], 100);
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", null]], 100);
});
