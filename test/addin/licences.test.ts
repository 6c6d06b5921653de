import path from "node:path";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { licenceOf, productionPackages, refused } = require("../../scripts/licences.cjs");

const root = path.resolve(__dirname, "../..");

describe("licences of what the product ships", () => {
  it("no production dependency is under the GPL", () => {
    const packages: { name: string; licence: string }[] = productionPackages(root);
    expect(packages.length).toBeGreaterThan(20);
    expect(packages.filter((p) => refused(p.licence))).toEqual([]);
  }, 60_000);

  it("the check does refuse a GPL package (HyperFormula, a dev-only tool here)", () => {
    const hf = licenceOf(path.join(root, "node_modules/hyperformula"));
    expect(hf.licence).toMatch(/GPL/);
    expect(refused(hf.licence)).toBe(true);
    expect(refused("MIT")).toBe(false);
    expect(refused("(MIT OR GPL-3.0)")).toBe(false);
    expect(refused("LGPL-3.0")).toBe(false);
  });
});
