import { describe, expect, it } from "vitest";
import { run } from "./cli-harness";

/**
 * English words that never belong in a French report. The sample's own data (fund names, line
 * ids, the workbook's codes such as EQUITY or FUND_UNITS, the table names Funds, Holdings,
 * Holders) are left out before the check.
 */
const ENGLISH_WORDS = [
  "the", "of", "is", "are", "and", "not", "to", "with", "as of", "row", "rule", "rules", "fund(s)",
  "breach", "breaches", "warning", "pass", "incomplete", "headroom", "threshold", "value", "status",
  "counted", "excluded", "holds", "below", "above", "limit", "needed", "units", "company", "advance",
  "debt", "region", "master", "holder", "blank", "unreadable", "cannot", "within", "Largest",
  "Borrowings", "Quota binds", "Reconciliation", "Total holdings", "Numerator", "Denominator",
  "Positions", "basis", "diagnostic", "eligible", "subscription", "item", "measured", "allowed", "EUR",
];

function withoutUserData(text: string): string {
  return text
    .replace(/«[^»]*»/g, "") // quoted column headers and law wording
    .replace(/\b[A-Z][A-Z0-9_]+(-[A-Z0-9]+)*\b/g, "") // workbook codes, fund and line ids
    .replace(/\b(Funds|Holdings|Holders|Fund Quota Monitor)\b/g, "")
    .replace(/\([a-z]+[A-Z]\w*\)/g, ""); // a column's name given beside its French words
}

describe("fund-quota check --lang fr on the sample", () => {
  for (const positions of [false, true])
    it(`prints no English word and French formats${positions ? " (with --positions)" : ""}`, async () => {
      const args = ["check", "--as-of", "2025-12-31", "--lang", "fr", ...(positions ? ["--positions"] : [])];
      const { code, stdout } = await run(args);
      expect(code).toBe(1);
      const text = withoutUserData(stdout);
      for (const word of ENGLISH_WORDS) {
        const re = new RegExp(`(^|[^\\p{L}])${word.replace(/[()]/g, "\\$&")}(?![\\p{L}])`, "u");
        const hit = re.exec(text);
        expect(hit, `English "${word}" in: ${hit ? text.slice(Math.max(0, hit.index - 60), hit.index + 60) : ""}`).toBeNull();
      }
      // French formats: amounts, dates, percentages, operators as worded, statuses.
      expect(stdout).toMatch(/\d{1,3}(\u202f\d{3})+,\d{2}\u00a0€/);
      expect(stdout).toContain("31/12/2025");
      expect(stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(stdout).toMatch(/\d+,\d{2}\u00a0%/);
      expect(stdout).not.toMatch(/\d\.\d{2} ?%/);
      expect(stdout).toContain("au moins 50\u00a0%");
      expect(stdout).toContain("au plus 15\u00a0%");
      // A closed list (OPCI-ASSET, « exclusivement »): nothing outside it, as a register rule says it, not « au plus 0 % ».
      expect(stdout).not.toContain("au plus 0\u00a0%");
      expect(stdout).toMatch(/OPCI-ASSET .* aucune ligne/);
      for (const status of ["Respecté", "Dépassement", "À surveiller", "Non applicable à cette date"])
        expect(stdout).toContain(status);
      expect(stdout).toContain("à régulariser");
      expect(stdout).toContain("0 règle incomplète");
      // French typography: a no-break space before every colon that follows a word.
      expect(stdout).not.toMatch(/\p{L}:/u);
      expect(stdout.trimEnd().split("\n").pop()).toMatch(/\(code de sortie 1\)\.$/);
    });

  it("--lang en keeps the English report", async () => {
    const { stdout } = await run(["check", "--as-of", "2025-12-31", "--lang", "en"]);
    expect(stdout).toContain("FCPR-Q50    L. 214-28 I      40.00 %     ≥ 50 %  breach  -2500000.00 EUR");
    expect(stdout).not.toContain("Dépassement");
  });
});
