import { describe, expect, it } from "vitest";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { FormulaError } from "../../src/functions/formulas";
import { whatIfAnswer } from "../../src/functions/whatif-formula";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import { run } from "../cli/cli-harness";
import { SAMPLE } from "../helpers/sample-sheets";

describe("=QUOTA.WHATIF", () => {
  it("answers the command line's what-if, from the same checked workbook as the other functions", async () => {
    const workbook = new CheckedWorkbook(findTables(await loadWorkbook(SAMPLE)));
    const rows = whatIfAnswer("FCPR-CC1", "achat", 1_000_000, "CURRENT_ACCOUNT_ADVANCE", "ISS-0001", null, "2025-12-31", "fr")(workbook);
    expect(rows[0]).toEqual(["Règle", "Ratio avant", "Statut avant", "Ratio après", "Statut après", "Marge après"]);
    const cca = rows.find((r) => r[0] === "FCPR-CCA15")!;
    expect(cca[1]).toBeCloseTo(0.04, 12);
    expect(cca[3]).toBeCloseTo(0.065, 12);
    expect(cca[5]).toBe(3_400_000);
    // The position bought has no ownership share: the advance cannot be placed, so no amount keeps every rule met.
    const cli = JSON.parse(
      (await run(["whatif", SAMPLE, "--fund", "FCPR-CC1", "--buy", "1000000", "--asset-class", "CURRENT_ACCOUNT_ADVANCE", "--issuer", "ISS-0001", "--as-of", "2025-12-31", "--json"])).stdout,
    );
    expect(rows.at(-1)![0]).toBe("Montant maximal conforme");
    expect(rows.at(-1)![1]).toBe(cli.largest.amount === null ? "" : Number(cli.largest.amount));
    const equity = whatIfAnswer("FCPR-CC1", "buy", 2_000_000, "EQUITY", "ISS-0001", "UNLISTED", "2025-12-31", "en")(workbook);
    const q50 = equity.find((r) => r[0] === "FCPR-Q50")!;
    expect(q50[3]).toBeCloseTo((27_400_000 + 2_000_000) / 40_000_000, 12);
    expect(equity.at(-1)![2]).toBe("no rule limits this trade");
  });

  it("shows a bad argument at once", () => {
    expect(() => whatIfAnswer("FCPR-CC1", "hold", 1, null, null, null, null)).toThrow(FormulaError);
    expect(() => whatIfAnswer("FCPR-CC1", "buy", -5, null, null, null, null)).toThrow(/positive number/);
    expect(() => whatIfAnswer("FCPR-CC1", "buy", 5, "GOLD", null, null, null)).toThrow(/unknown asset class/);
    expect(() => whatIfAnswer("FCPR-CC1", "vente", 5, null, null, null, null, "fr")).toThrow(/issuerId/);
  });
});
