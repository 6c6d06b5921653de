import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/cli/check-file";
import { Dec } from "../../src/engine/decimal";
import { fractionNumber, parseFraction } from "../../src/law/livre2/fraction";
import {
  ALL_PARAMETERS,
  EU_EEA_MEMBERS,
  parameterOfRule,
  versionAt,
} from "../../src/law";
import { isRegisterRule } from "../../src/present/registers";

// Every rule result of the sample workbook names the version of the law it applied, and that
// article and wording are in the reference texts. The texts live outside the repository, in
// ../shared/regulation/texts (FUND_QUOTA_SHARED overrides the folder).

const repoRoot = path.resolve(__dirname, "../..");
const shared =
  process.env.FUND_QUOTA_SHARED ?? path.resolve(repoRoot, "../shared");
const textsDir = path.join(shared, "regulation/texts");
const haveTexts = existsSync(textsDir);
if (!haveTexts)
  console.warn(
    `test/law/sample-law.test.ts: the reference texts are not at ${textsDir}; the law-versus-text checks are skipped (set FUND_QUOTA_SHARED to the shared folder).`,
  );

/** Spaces (non-breaking, narrow, runs) and apostrophes (’ ʼ) made alike, so that a quotation matches the text. */
const normalise = (s: string) =>
  s
    .replace(/[\u2019\u02BC\u2018]/g, "'")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .trim();

/** The texts of each article, cut at the bracketed header lines ("[Article L. 214-28]"). */
function articles(): Map<string, string> {
  const byArticle = new Map<string, string>();
  for (const f of readdirSync(textsDir).filter((n) => n.endsWith(".txt"))) {
    let current: string | undefined;
    for (const line of readFileSync(path.join(textsDir, f), "utf8").split(
      "\n",
    )) {
      const header = /^\[Article ([^\]\s(]+(?: [^\]\s(]+)?)/.exec(line);
      if (header) {
        current = header[1];
        continue;
      }
      if (current)
        byArticle.set(current, (byArticle.get(current) ?? "") + line + "\n");
    }
  }
  for (const [k, v] of byArticle) byArticle.set(k, normalise(v));
  return byArticle;
}

describe.skipIf(!haveTexts)(
  "the sample workbook's rule results name their law, as the reference texts word it",
  () => {
    it("every rule result has law: article, wording, validity; the wording is in that article's text", async () => {
      const texts = articles();
      expect(texts.has("L. 214-28")).toBe(true);
      const report = await checkFile(
        path.join(repoRoot, "examples/sample-funds.xlsx"),
        "2025-12-31",
        false,
      );
      // Register rules name their text by article and version note (test/law/registers-docs.test.ts).
      const results = report.funds.flatMap((f) =>
        f.rules.filter((r) => !isRegisterRule(r)).map((r) => ({ fund: f, r })),
      );
      expect(results.length).toBeGreaterThan(10);
      for (const { fund, r } of results) {
        const where = `${fund.fundId} ${r.id}`;
        expect(r.law, where).toBeDefined();
        const law = r.law!;
        expect(law.article, where).toMatch(/^L\. 2\d\d-[\d-]+/);
        expect(
          law.validFrom === null || /^\d{4}-\d{2}-\d{2}$/.test(law.validFrom),
          where,
        ).toBe(true);
        expect(
          law.validUntil === null || /^\d{4}-\d{2}-\d{2}$/.test(law.validUntil),
          where,
        ).toBe(true);
        if (law.outsideReferenceTexts) continue;
        const base = /^L\. 2\d\d-[\d-]+/.exec(law.article)![0];
        const text = texts.get(base);
        expect(
          text,
          `${where}: ${base} is in the reference texts`,
        ).toBeDefined();
        expect(
          text!.includes(normalise(law.wording)),
          `${where}: « ${law.wording} » is in ${base}`,
        ).toBe(true);
      }
    });
  },
);

describe.skipIf(!haveTexts)(
  "every version of every parameter quotes its article",
  () => {
    it("each wording not marked outside the reference texts is in its article's text", () => {
      const texts = articles();
      let checked = 0;
      for (const p of [...ALL_PARAMETERS, ...EU_EEA_MEMBERS])
        for (const v of p.versions) {
          if (v.outsideReferenceTexts) continue;
          const text = texts.get(v.article);
          expect(
            text,
            `${p.id}: ${v.article} is in the reference texts`,
          ).toBeDefined();
          expect(
            text!.includes(normalise(v.wording)),
            `${p.id}: « ${v.wording} » is in ${v.article}`,
          ).toBe(true);
          checked += 1;
        }
      expect(checked).toBeGreaterThan(30);
    });
  },
);

/** A version's value as the report's number: a decimal, or a fraction the text writes in words ("1/3"). */
const lawNumber = (value: string) =>
  value.includes("/")
    ? fractionNumber(parseFraction(value))
    : new Dec(value).toNumber();

describe("the threshold a rule compares with is the value of the law version it names", () => {
  it("on the sample workbook, each ratio threshold equals its version's value (unless the fund overrides it)", async () => {
    const report = await checkFile(
      path.join(repoRoot, "examples/sample-funds.xlsx"),
      "2025-12-31",
      false,
    );
    let compared = 0;
    for (const f of report.funds)
      for (const r of f.rules) {
        // Register rules count failing rows against 0; their law is the threshold each row is tested with.
        if (!r.law || r.threshold === null || r.unit === "count") continue;
        const p = parameterOfRule(r.id, {
          asOf: report.asOf,
          fundType: f.fundType,
        });
        const v = p && versionAt(p, r.law.lookedUpAt);
        if (!v || typeof v.value !== "string") continue;
        // OPCI-CCA5 compares the advances outside the allowed companies with zero; its law is the 5 % gate.
        if (r.id === "OPCI-CCA5") continue;
        if (
          r.law.parameter.endsWith(".quota") &&
          r.threshold !== lawNumber(v.value)
        ) {
          // A fund may override the main quota (quotaThreshold); the law still names the legal version.
          continue;
        }
        expect(lawNumber(v.value), `${f.fundId} ${r.id}`).toBe(r.threshold);
        compared += 1;
      }
    expect(compared).toBeGreaterThan(10);
  });
});
