import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTER_LAW, REGISTER_RULES } from "../../src/law/registers";
import { type LawParameter, requireVersion } from "../../src/law/parameter";

const doc = readFileSync(
  path.resolve(__dirname, "../../docs/registers.md"),
  "utf8",
);
// The reference texts live outside the repository (FUND_QUOTA_SHARED overrides ../shared).
const shared =
  process.env.FUND_QUOTA_SHARED ?? path.resolve(__dirname, "../../../shared");
const textsDir = path.join(shared, "regulation/texts");
const texts = existsSync(textsDir)
  ? [
      "amf-rg-412-113.txt",
      "amf-rg-516-2.txt",
      "d411-thresholds.txt",
      "l411-2.txt",
    ].map((f) =>
      readFileSync(path.join(textsDir, f), "utf8")
        .replace(/[\u2019\u02BC]/g, "'")
        .replace(/[\s\u00A0\u202F]+/g, " "),
    )
  : undefined;

describe("the register texts as data", () => {
  it("docs/registers.md lists each check with its article, its wording and its legacy status", () => {
    for (const r of REGISTER_RULES) {
      const line = doc.split("\n").find((l) => l.startsWith(`| \`${r.id}\` |`));
      expect(line, r.id).toBeDefined();
      expect(line).toContain(r.article);
      expect(line).toContain(r.wording);
      expect(line).toContain(r.legacy ? "historical" : "in force");
    }
  });

  it.skipIf(!texts)(
    "every threshold quotes the reference texts, except the number 150 marked as outside them",
    () => {
      for (const p of Object.values(REGISTER_LAW)) {
        const v = requireVersion(p as LawParameter<unknown>, "2025-12-31");
        if (v.outsideReferenceTexts) {
          expect(p.id).toBe("l411-2.circle");
          continue;
        }
        const words = String(v.wording).replace(/\s+/g, " ");
        expect(
          (texts ?? []).some((t) => t.includes(words)),
          `${p.id}: ${words}`,
        ).toBe(true);
      }
    },
  );

  it("the three historical texts are flagged, D. 411-2-1 and L. 411-2 1° and 3° are not", () => {
    const legacy = REGISTER_RULES.filter((r) => r.legacy).map((r) => r.id);
    expect(legacy).toContain("OFF-CF");
    expect(legacy.filter((id) => id.startsWith("OTC-"))).toHaveLength(8);
    expect(legacy).toEqual(
      expect.arrayContaining([
        "E1",
        "E8",
        "INSIDER",
        "FCPRA-ELIG",
        "FCPRA-WARN",
        "FCPRA-ACK",
        "FCPRA-DEPO",
      ]),
    );
    for (const id of [
      "OFF-QI",
      "OFF-EXIST",
      "OFF-8M",
      "OFF-100K-INV",
      "OFF-100K-NOM",
      "OFF-12M",
    ])
      expect(legacy).not.toContain(id);
  });
});
