import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/localize-metadata.cjs");

interface Param {
  name: string;
  description: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  options?: Record<string, unknown>;
}

let english: { functions: Fn[] };
let french: { functions: Fn[] };

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"), true);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson);
  const help = JSON.parse(readFileSync(path.resolve(__dirname, "../../src/functions/help-fr.json"), "utf8"));
  french = localizeMetadata(english, help);
});

describe("custom functions metadata, generated from JSDoc", () => {
  it("declares the seven QUOTA functions", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual(["CHECK", "HEADROOM", "POSITION", "RATIO", "REPORT", "STATUS", "WHATIF"]);
  });

  it("declares every function streaming and none volatile: each answers again when the workbook model is re-read after an edit", () => {
    for (const f of english.functions) {
      expect(f.options?.stream, f.id).toBe(true);
      expect(f.options?.volatile ?? false, f.id).toBe(false);
    }
  });

  it("takes only small arguments (rule, fundId, lineId, asOf): no table travels through a formula argument", () => {
    const signatures = Object.fromEntries(english.functions.map((f) => [f.id, f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`)]));
    expect(signatures).toEqual({
      RATIO: ["rule", "fundId", "asOf?"],
      STATUS: ["rule", "fundId", "asOf?"],
      HEADROOM: ["rule", "fundId", "asOf?"],
      REPORT: ["fundId", "asOf?"],
      POSITION: ["rule", "fundId", "lineId", "asOf?"],
      CHECK: ["asOf?"],
      WHATIF: ["fundId", "side", "amount", "assetClass?", "issuerId?", "listingStatus?", "asOf?"],
    });
    for (const f of english.functions) for (const p of f.parameters) expect(p.dimensionality ?? "scalar", `${f.id}(${p.name})`).toBe("scalar");
  });

  it("has English and French help for every function and parameter", () => {
    for (const [en, fr] of english.functions.map((f, i) => [f, french.functions[i]] as const)) {
      expect(en.description.length, en.id).toBeGreaterThan(20);
      expect(fr.description, en.id).not.toBe(en.description);
      en.parameters.forEach((p, j) => {
        expect(p.description.length, `${en.id}(${p.name})`).toBeGreaterThan(5);
        expect(fr.parameters[j].description, `${en.id}(${p.name})`).not.toBe(p.description);
      });
    }
  });

  it("refuses to build a French file with a function left untranslated", () => {
    expect(() => localizeMetadata(english, {})).toThrow(/French help is missing for/);
  });
});
