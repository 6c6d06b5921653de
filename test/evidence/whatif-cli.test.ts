import { describe, expect, it } from "vitest";
import { run } from "../cli/cli-harness";
import { SAMPLE } from "../helpers/sample-sheets";

const ADVANCE = ["--fund", "FCPR-CC1", "--asset-class", "CURRENT_ACCOUNT_ADVANCE", "--issuer", "ISS-0001", "--ownership", "10 %", "--as-of", "2025-12-31"];

describe("fund-quota whatif", () => {
  it("shows each rule before and after, and the largest compliant amount with the rule that binds", async () => {
    const r = await run(["whatif", SAMPLE, "--buy", "1000000", ...ADVANCE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("FCPR-CCA15    4.00 % pass (4400000.00 EUR) → 6.50 % pass (3400000.00 EUR)");
    // The report's own headroom on the 15 % advances of FCPR-CC1 is 4,400,000.00 EUR.
    expect(r.last).toBe("Largest compliant amount: 4400000.00 EUR (FCPR-CCA15 binds)");
  });

  it("in French, and exits 1 when the trade would breach a rule", async () => {
    const r = await run(["whatif", SAMPLE, "--buy", "5 000 000,00", ...ADVANCE, "--lang", "fr"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Simulation avant opération pour FCPR-CC1 au 31/12/2025\u00a0: achat de 5\u202f000\u202f000,00\u00a0€");
    expect(r.stdout).toMatch(/FCPR-CCA15 .*→ 16,50\u00a0% Dépassement/);
    expect(r.last).toBe("Montant maximal conforme\u00a0: 4\u202f400\u202f000,00\u00a0€ (règle limitante\u00a0: FCPR-CCA15)");
  });

  it("simulates a sale of a line, and refuses an incomplete trade with exit 2", async () => {
    const sale = await run(["whatif", SAMPLE, "--fund", "FCPR-CC1", "--sell", "1146749.88", "--line", "FCPR-CC1-001", "--as-of", "2025-12-31", "--json"]);
    expect(sale.code).toBe(0);
    const w = JSON.parse(sale.stdout);
    expect(w.rules.find((r: { id: string }) => r.id === "FCPR-Q50").after.value).toBeLessThan(w.rules.find((r: { id: string }) => r.id === "FCPR-Q50").before.value);
    expect((await run(["whatif", SAMPLE, "--fund", "FCPR-CC1", "--sell", "10"])).code).toBe(2);
    expect((await run(["whatif", SAMPLE, "--buy", "10"])).code).toBe(2);
  });
});
