import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRegisterRule } from "../../src/present/registers";
import { run } from "../cli/cli-harness";

// The JSON report of `fund-quota check --json` carries each rule's law, dates as ISO strings.
const sample = path.resolve(__dirname, "../../examples/sample-funds.xlsx");

describe("the JSON report names the law each rule applied", () => {
  it("fund-quota check --json: every rule has law { article, wording, validFrom, validUntil }", async () => {
    const { stdout } = await run([
      "check",
      sample,
      "--json",
      "--as-of",
      "2025-12-31",
    ]);
    const report = JSON.parse(stdout) as {
      funds: { rules: { id: string; law?: Record<string, unknown> }[] }[];
    };
    // Register rules name their text by article and version note (test/law/registers-docs.test.ts).
    const rules = report.funds
      .flatMap((f) => f.rules)
      .filter((r) => !isRegisterRule(r));
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) {
      expect(r.law, r.id).toMatchObject({
        article: expect.stringMatching(/^L\. 2\d\d-/),
        wording: expect.any(String),
      });
      for (const key of ["validFrom", "validUntil"]) {
        const d = r.law![key];
        expect(
          d === null ||
            (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d)),
          `${r.id} ${key}`,
        ).toBe(true);
      }
    }
    const q50 = rules.find((r) => r.id === "FCPR-Q50");
    expect(q50?.law).toMatchObject({
      wording: expect.stringContaining("50 %"),
      validUntil: null,
    });
  });
});
