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
    type Rules = { rules: { id: string; law?: Record<string, unknown> }[] }[];
    const report = JSON.parse(stdout) as { funds: Rules; issuers: Rules };
    const all = [...report.funds, ...report.issuers].flatMap((f) => f.rules);
    const rules = all.filter((r) => !isRegisterRule(r));
    expect(rules.length).toBeGreaterThan(10);
    // Register rules too: their threshold's parameter, or their own words (src/law/registers.ts).
    const registers = all.filter((r) => isRegisterRule(r));
    expect(registers.length).toBeGreaterThan(5);
    for (const r of registers)
      expect(r.law, r.id).toMatchObject({
        article: expect.stringMatching(
          /^(L\. 411-2|D\. 411-2-1|RG AMF 412-113|RG AMF 516-2)/,
        ),
        wording: expect.any(String),
        validFrom: null,
        validUntil: null,
        lookedUpAt: "2025-12-31",
      });
    expect(registers.find((r) => r.id === "OFF-8M")?.law).toMatchObject({
      parameter: "d411-2-1.small-offer",
    });
    for (const r of [...rules, ...registers]) {
      expect(r.law, r.id).toMatchObject({
        article: expect.stringMatching(
          /^(L\. 2\d\d-|L\. 411-2|D\. 411-2-1|RG AMF)/,
        ),
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
