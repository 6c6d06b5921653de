import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellEdit } from "../../src/workbook/edits";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { rawTable } from "../helpers/raw-table";

// L. 214-28 II 1°: an advance counts in the quota only when its company « remplit les conditions »
// of I. Issuer ids match ignoring case and surrounding spaces (WORKBOOK-FORMAT §3), after an edit too:
// the edit path keeps the read's ids, and adds the edited cell's.
describe("L. 214-28 II 1° after an edit: an advance's issuerId edited to another spelling of a listed company", () => {
  const funds = rawTable("Funds", ["fundId", "fundType", "constitutionDate", "firstYearEnd", "paidUpSubscriptions"], [
    ["A", "FCPR", "2022-01-15", "2022-12-31", 1_000_000],
    ["B", "FCPR", "2022-01-15", "2022-12-31", 1_000_000],
  ]);
  const headers = ["fundId", "lineId", "issuerId", "assetClass", "costValue", "listingStatus", "listingCountry", "marketCap", "investmentDate", "ownershipPct"];
  const holdings = rawTable("Holdings", headers, [
    ["A", "U", "U", "EQUITY", 450_000, "UNLISTED", null, null, "2023-01-01", 0.1],
    ["A", "L", "L", "EQUITY", 100_000, "REGULATED", "FR", 900_000_000, "2023-01-01", 0.1],
    ["A", "ADV", "X", "CURRENT_ACCOUNT_ADVANCE", 100_000, "UNLISTED", null, null, "2023-01-01", 0.1],
    ["B", "U2", "U2", "EQUITY", 600_000, "UNLISTED", null, null, "2023-01-01", 0.1],
  ]);
  const edit = (value: string): CellEdit => ({ table: "Holdings", row: 4, column: 2, value });

  it("to X (a company with no security here): counted, 55 %; to ' l' (the listed L): not counted, 45 %, as a full check says", () => {
    let workbook = new CheckedWorkbook({ Funds: funds, Holdings: holdings });
    const q50 = () => workbook.report("2025-12-31").funds[0].rules.find((r) => r.id === "FCPR-Q50")!;
    expect(q50()).toMatchObject({ status: "pass", numerator: "550000.00" });
    workbook = workbook.withEdits([edit(" l")]);
    expect(q50()).toMatchObject({ status: "breach", numerator: "450000.00" });
    expect(workbook.report("2025-12-31")).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf: "2025-12-31" }));
    workbook = workbook.withEdits([edit("Y")]);
    expect(q50()).toMatchObject({ status: "pass", numerator: "550000.00" });
    expect(workbook.report("2025-12-31")).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf: "2025-12-31" }));
  });
});
