import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// No threshold, cap or window of the law is written in rule code: the rules read them from
// src/law at the test date. This scans the rule sources' syntax (not their comments or messages)
// for numbers that could be one.

const root = path.resolve(__dirname, "../..");
const RULE_SOURCES = [
  ...readdirSync(path.join(root, "src/engine/rules"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `src/engine/rules/${f}`),
  ...readdirSync(path.join(root, "src/engine/measures"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `src/engine/measures/${f}`),
  ...readdirSync(path.join(root, "src/engine/rules/livre2"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `src/engine/rules/livre2/${f}`),
  "src/engine/conditions.ts",
  "src/engine/fund-context.ts",
  "src/engine/quota-window.ts",
];

/**
 * Numbers that are not the law's, each with why: a setting of the contract, a bound on what a
 * cell may hold, arithmetic of display.
 */
const NOT_LAW: Record<string, string> = {
  'src/engine/fund-context.ts: new Dec("0.02")':
    "the default warning margin, a setting of the contract (WORKBOOK-FORMAT §1), not of the law",
  "src/engine/fund-context.ts: 10n ** 21n":
    "the largest amount a cell may plausibly hold, a reading guard",
  "src/engine/rules/fpci.ts: threshold.times(100)":
    "a fraction shown as a percentage",
  "src/engine/quota-window.ts: addMonths(f.constitutionDate, 18)":
    "a warning on a first financial year longer than 18 months (a reading check of Funds), not a rule's threshold",
  "src/engine/rules/opci.ts: byCategory.get(10)":
    "item 10° of L. 214-36 I, a name of an item, not a quantity",
};

interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** The numbers that could be a threshold: a fraction, an integer of 10 or more, a bigint other than 0n and 1n, a decimal string given to Dec, a count of years or months. */
function suspicious(node: ts.Node, sf: ts.SourceFile): string | undefined {
  if (ts.isNumericLiteral(node)) {
    const v = Number(node.text);
    const parent = node.parent;
    if (
      parent &&
      ts.isCallExpression(parent) &&
      /^add(Years|Months|Days)$/.test(parent.expression.getText(sf)) &&
      parent.arguments[1] === node
    )
      return "a window in years, months or days";
    if (!Number.isInteger(v)) return "a fraction";
    if (v >= 10) return "a large integer";
    return undefined;
  }
  if (ts.isBigIntLiteral(node))
    return node.text === "0n" || node.text === "1n"
      ? undefined
      : "a bigint amount";
  if (
    ts.isStringLiteral(node) &&
    /^-?[\d_]*\.?\d+$/.test(node.text) &&
    Number(node.text) !== 0 &&
    Number(node.text) !== 1
  )
    return "a number written as a string";
  return undefined;
}

function scan(file: string): Finding[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node) => {
    const why = suspicious(node, sf);
    if (why) {
      // The smallest enclosing expression that says what the number is for.
      const context =
        node.parent && !ts.isBlock(node.parent)
          ? node.parent.getText(sf)
          : node.getText(sf);
      const key = `${file}: ${context}`;
      if (!(key in NOT_LAW))
        findings.push({
          file,
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          text: context.slice(0, 80),
          why,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe("no threshold literal in rule code (src/law holds them)", () => {
  it("scans every rule source", () => {
    expect(RULE_SOURCES).toContain("src/engine/rules/l214-28-limits.ts");
    expect(RULE_SOURCES.length).toBeGreaterThan(8);
  });

  it("no rule source holds a fraction, an amount, a decimal string or a window in years", () => {
    const findings = RULE_SOURCES.flatMap(scan);
    expect(
      findings.map((f) => `${f.file}:${f.line} ${f.why}: ${f.text}`),
    ).toEqual([]);
  });

  it("the scan finds the literals it looks for (it would catch the old code)", () => {
    const probe = (code: string) => {
      const sf = ts.createSourceFile(
        "probe.ts",
        code,
        ts.ScriptTarget.Latest,
        true,
      );
      const found: string[] = [];
      const visit = (n: ts.Node) => {
        const why = suspicious(n, sf);
        if (why) found.push(why);
        ts.forEachChild(n, visit);
      };
      visit(sf);
      return found;
    };
    expect(probe('const QUOTA_50 = new Dec("0.5");')).toEqual([
      "a number written as a string",
    ]);
    expect(probe("const CAP = 0.15;")).toEqual(["a fraction"]);
    expect(probe("const SMALL_CAP_LIMIT = 150_000_000n * 1_000_000n;")).toEqual(
      ["a bigint amount", "a bigint amount"],
    );
    expect(probe("if (x > 150000000) y();")).toEqual(["a large integer"]);
    expect(probe("const end = addYears(listingDate, 5);")).toEqual([
      "a window in years, months or days",
    ]);
    // Allowed: 0 and 1, array indices, small counts.
    expect(
      probe(
        'const a = new Dec(0); const b = xs[1]; const c = new Dec("1"); d.toFixed(2); const z = "0.00";',
      ),
    ).toEqual([]);
    // Comments and messages are not code.
    expect(
      probe('// 50 % au moins\nconst m = "below 150 million euros";'),
    ).toEqual([]);
  });
});
