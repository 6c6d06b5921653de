import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lawOfRule } from "../../src/law";
import { REGISTER_RULES, registerRuleParameter } from "../../src/law/registers";
import { ALL_RULES } from "../../src/engine/rules/registry";

// A newcomer finds a rule, its law and its golden test from its ID in one hop (ARCHITECTURE.md,
// "Where to find a rule"): the ID names its definition in src/engine/rules, its parameter in
// src/law (lawOfRule) and a describe of its golden tests in test/engine; a register rule ID, its
// definition with its law in src/law/registers.ts, its check in src/engine/registers/<register>.ts
// and a describe of test/engine/registers.
const root = path.resolve(__dirname, "../..");
const read = (dir: string) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(path.join(root, dir, f), "utf8"))
    .join("\n");

const describes = [...read("test/engine").matchAll(/describe\("([^"]+)"/g)].map(
  (m) => m[1],
);
const describesStartingWith = (id: string) =>
  describes.some((d) => d.split(" · ")[0].split(/, | /).includes(id));

describe("every rule ID leads to its definition, its law and its golden tests", () => {
  const rules = read("src/engine/rules");

  it.each(ALL_RULES.map((r) => r.id))("%s", (id) => {
    // Written as `id: "…"`, or as the first argument of a Livre II definition (`rule("…", article, …)`).
    expect(
      rules.includes(`id: "${id}"`) ||
        new RegExp(`rule\\(\\s*"${id}",`).test(rules),
      `definition of ${id}`,
    ).toBe(true);
    // SICAF-BUYBACK picks its parameter per result (10 %, or 25 % at a discount to the NAV): its
    // definition file (rules/livre2/sicaf.ts) names both parameters of src/law/livre2/sicaf.ts.
    if (id === "SICAF-BUYBACK")
      expect(rules).toContain("SICAF.buybackDiscounted");
    else
      expect(
        lawOfRule(id, { asOf: "2025-12-31" }),
        `law of ${id}`,
      ).toBeDefined();
    expect(
      describesStartingWith(id),
      `a describe of test/engine starting with ${id}`,
    ).toBe(true);
  });
});

describe("every register rule ID leads to its definition and law, its check and its golden tests", () => {
  const law = readFileSync(path.join(root, "src/law/registers.ts"), "utf8");
  it.each(REGISTER_RULES.map((r) => [r.id, r.register]))(
    "%s",
    (id, register) => {
      // Written as `id: "…"`, or first in a row of a list of paragraphs (`["E1", "1°", …]`).
      expect(
        law.includes(`id: "${id}"`) || law.includes(`"${id}",`),
        `definition of ${id}`,
      ).toBe(true);
      const check = readFileSync(
        path.join(root, `src/engine/registers/${register}.ts`),
        "utf8",
      );
      expect(check, `check of ${id}`).toContain(`"${id}"`);
      expect(
        registerRuleParameter(id).versions[0].wording,
        `law of ${id}`,
      ).toBeTruthy();
      expect(
        describesStartingWith(id),
        `a describe of test/engine starting with ${id}`,
      ).toBe(true);
    },
  );
});
