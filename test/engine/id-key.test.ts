import { describe, expect, it } from "vitest";
import { foldedCodes, idKey } from "../../src/engine/id-key";

// WORKBOOK-FORMAT §3: ids "match ignoring case and surrounding spaces (eta is ETA)".
describe("ids match ignoring case and surrounding spaces", () => {
  it("idKey: eta, ' Eta ' and ETA are one key", () => {
    expect(new Set(["eta", " Eta ", "ETA"].map(idKey))).toEqual(new Set(["ETA"]));
  });

  it("foldedCodes: each code goes to the first code of its key; ids written one way give null", () => {
    expect(foldedCodes(["A", "B-2", undefined, "Ü1"])).toBeNull();
    expect(Array.from(foldedCodes(["ACME", "b", "acme", undefined, " Acme ", "B", "é"])!)).toEqual([0, 1, 0, 3, 0, 1, 6]);
    // A lowercase id alone is its own company.
    expect(Array.from(foldedCodes(["x", "Y"])!)).toEqual([0, 1]);
  });

  it("foldedCodes: a read's values that grew (an edit's new id) are folded again", () => {
    const values: unknown[] = ["ACME"];
    expect(foldedCodes(values)).toBeNull();
    values.push("acme");
    expect(Array.from(foldedCodes(values)!)).toEqual([0, 0]);
  });
});
