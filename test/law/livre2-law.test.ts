import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIVRE2_PARAMETERS, lawOfRule } from "../../src/law";
import { fractionAt } from "../../src/law/livre2/fraction";
import { FCPE, PEA } from "../../src/law/livre2";
import { ALL_RULES } from "../../src/engine/rules/registry";

// The other Livre II parameters (src/law/livre2): each version quotes its article as the reference
// texts word it, and every rule of WORKBOOK-FORMAT-LIVRE2 §3 names its law.
const shared = process.env.FUND_QUOTA_SHARED ?? path.resolve(__dirname, "../../../shared");
const textsDir = path.join(shared, "regulation/texts");
const haveTexts = existsSync(textsDir);
const normalise = (s: string) => s.replace(/[\u2019\u02BC\u2018]/g, "'").replace(/[\s\u00A0\u202F]+/g, " ").trim();

function articles(): Map<string, string> {
  const byArticle = new Map<string, string>();
  for (const f of readdirSync(textsDir).filter((n) => n.endsWith(".txt"))) {
    let current: string | undefined;
    for (const line of readFileSync(path.join(textsDir, f), "utf8").split("\n")) {
      const header = /^\[Article ([^\]\s(]+(?: [^\]\s(]+)?)/.exec(line);
      if (header) {
        current = header[1];
        continue;
      }
      if (current) byArticle.set(current, (byArticle.get(current) ?? "") + line + "\n");
    }
  }
  for (const [k, v] of byArticle) byArticle.set(k, normalise(v));
  return byArticle;
}

describe.skipIf(!haveTexts)("src/law/livre2: every wording is in its article's text", () => {
  it("each version's wording, its elisions […] apart, is in the article", () => {
    const texts = articles();
    const whole = normalise([...texts.values()].join(" "));
    const missing: string[] = [];
    for (const p of LIVRE2_PARAMETERS)
      for (const v of p.versions) {
        // L. 214-123 is numbered from its place in the code only: its text is searched in the whole code.
        const text = texts.get(v.article) ?? whole;
        for (const piece of v.wording.split("[…]").map((s) => normalise(s)).filter(Boolean)) if (!text.includes(piece)) missing.push(`${p.id}: « ${piece} » is not in ${v.article}`);
      }
    expect(missing).toEqual([]);
  });
});

describe("src/law/livre2: thresholds as the text states them", () => {
  it("⅓ and ⅔ are exact fractions, never rounded decimals", () => {
    expect(fractionAt(FCPE.scope, "2025-12-31")).toMatchObject({ p: expect.anything(), q: expect.anything() });
    expect(fractionAt(FCPE.foreignLiquid, "2025-12-31").q.toNumber()).toBe(3);
    expect(fractionAt(PEA.pmeEquity, "2025-12-31").p.toNumber()).toBe(2);
  });
  it("every Livre II rule names the version of the law it applies", () => {
    const ids = ["SEF-FOREST60", "SEF-FOREST51", "SEF-RAISE15", "SCPI-RAISE15", "SCPI-ASSET", "SCPI-CCA5", "SCPI-DEBT", "SCPI-SELL10", "SCPI-PRICE10", "SICAF-BUYBACK", "SICAF-OWN10", "FCPE-SCOPE", "FCPE-SOL5", "FCPE-SOL10", "FCPE-PE30", "FCPE-PER-UNL10", "FCPE-PER-EMP10", "FCPE-PER-AIF50", "FCPE-FOREIGN", "PEA-FUND75", "PEAPME-FUND75", "PEAPME-EQ23", "CPI-FUND80", "CPI-FRESH40", "OFS-LOSS", "FIVG-20INV", "OFS-20INV", "FIA-CAP300K"];
    expect(ids.length).toBe(28);
    for (const id of ids) {
      expect(ALL_RULES.some((r) => r.id === id), id).toBe(true);
      // SICAF-BUYBACK names its law itself: 10 %, or 25 % at a discount, which only the fund's figures tell.
      if (id !== "SICAF-BUYBACK") expect(lawOfRule(id, { asOf: "2025-12-31", fundType: "OPCVM" })?.wording, id).toBeTruthy();
    }
    expect(lawOfRule("PEA-FUND75", { asOf: "2025-12-31", fundType: "OPCVM" })?.wording).toMatch(/plus de 75 %/);
    expect(lawOfRule("PEA-FUND75", { asOf: "2025-12-31", fundType: "FCPR" })?.wording).toMatch(/au moins 75 %/);
  });
});
