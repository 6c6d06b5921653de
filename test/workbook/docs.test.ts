import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TABLE_SPECS } from "../../src/workbook/columns";

const doc = readFileSync(path.resolve(__dirname, "../../docs/workbook-format.md"), "utf8");

describe("docs/workbook-format.md", () => {
  for (const spec of Object.values(TABLE_SPECS)) {
    it(`documents every ${spec.name} column the reader accepts, with its French labels`, () => {
      for (const c of spec.columns) {
        expect(doc, c.name).toContain(`\`${c.name}\``);
        for (const label of c.labels) expect(doc, `${c.name}: ${label}`).toContain(label);
      }
    });
  }
});
