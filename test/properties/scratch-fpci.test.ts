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
  for (const f of rep.funds) { for (const r of f.rules) console.log("  ", r.id, r.status, r.numerator, r.denominator, r.partial, (r as any).message);
    for (const d of f.diagnostics) console.log("   D", d.severity, d.column, d.message); }
}
it("x", () => {
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", "Obl"], ["A", "2", "FUND_UNITS", 10, "M0", "Act"], ["A", "3", "FUND_UNITS", 10, "M1", "Act"]], 100);
  console.log("--");
  run([["A", "1", "FUND_UNITS", "#N/A", "M3", "Act"], ["A", "2", "FUND_UNITS", 10, "M0", "Act"], ["A", "3", "FUND_UNITS", 10, "M1", "Act"]], 100);
  console.log("--");
  run([["A", "1", "FUND_UNITS", 80, "M3", "Obl"], ["A", "4", "FUND_UNITS", 6, "M4", "Obl"], ["A", "2", "FUND_UNITS", 10, "M0", "Act"], ["A", "3", "FUND_UNITS", 4, "M1", "Act"]], 100);
});
