import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  FORMAT_DOC,
  HOLDING_RECORD_FILE,
  holdingRecordSource,
  missingColumnTables,
  withColumnTables,
} from "../../scripts/generate-columns";
import { TABLE_SPECS } from "../../src/workbook/columns";

const root = path.resolve(__dirname, "../..");
const doc = readFileSync(path.join(root, FORMAT_DOC), "utf8");

describe("files derived from the column specs (npm run generate:columns rewrites them)", () => {
  it("docs/workbook-format.md has a generated column table for every table of the specs", () => {
    expect(missingColumnTables(doc)).toEqual([]);
  });

  it("the column tables of docs/workbook-format.md are the ones the specs give", () => {
    expect(doc, "run npm run generate:columns").toBe(withColumnTables(doc));
  });

  it("the holding record builder is the one HOLDINGS_SPEC gives", () => {
    const file = readFileSync(path.join(root, HOLDING_RECORD_FILE), "utf8");
    expect(file, "run npm run generate:columns").toBe(holdingRecordSource());
  });

  for (const spec of Object.values(TABLE_SPECS)) {
    it(`documents every ${spec.name} column the reader accepts, with its English and French labels`, () => {
      for (const c of spec.columns) {
        expect(doc, c.name).toContain(`\`${c.name}\``);
        expect(doc, `${c.name}: English label`).toContain(`| ${c.en} |`);
        for (const label of c.labels) expect(doc, `${c.name}: ${label}`).toContain(label);
      }
    });
  }

  it("a stale table is caught: the check compares the whole block, not only the names", () => {
    const stale = doc.replace("| `fundName` | Fund name |", "| `fundName` | Name of the fund |");
    expect(stale).not.toBe(doc);
    expect(withColumnTables(stale)).toBe(doc);
  });
});
