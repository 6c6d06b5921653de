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
  it("declares the six QUOTA functions", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual(["CHECK", "HEADROOM", "POSITION", "RATIO", "REPORT", "STATUS"]);
  });

  it("declares no function volatile, streaming or cancelable: they recalculate only when their inputs change", () => {
    for (const f of english.functions) {
      expect(f.options?.volatile ?? false, f.id).toBe(false);
      expect(f.options?.stream ?? false, f.id).toBe(false);
    }
  });

  it("takes the Funds and Holdings tables as ranges, then the optional as-of date and Holders table", () => {
    for (const f of english.functions) {
      expect(f.parameters.find((p) => p.name === "funds")?.dimensionality, f.id).toBe("matrix");
      expect(f.parameters.find((p) => p.name === "holdings")?.dimensionality, f.id).toBe("matrix");
      const [asOf, holders] = f.parameters.slice(-2);
      expect([asOf.name, asOf.optional, holders.name, holders.optional, holders.dimensionality], f.id).toEqual(["asOf", true, "holders", true, "matrix"]);
    }
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
