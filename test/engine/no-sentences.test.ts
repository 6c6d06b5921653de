import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Rule code states reason codes and their facts; sentences are made only in src/present, in French
// and English. A string literal of four words or more in rule or register code is a sentence
// written in the rule: this test names it. Comments are not string literals, so they never count.
const root = path.resolve(__dirname, "../..");
const DIRS = ["src/engine/rules", "src/engine/registers"];

/**
 * The catalogue of rules is data, not an explanation: the arguments of `rule(…)` and
 * `condition(…)` are a rule's law quote and its French and English titles (*-definitions.ts).
 * No other literal needs an exception today.
 */
const CATALOGUE_CALLS = new Set(["rule", "condition"]);
const WORDS = 4;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

function insideCatalogueCall(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent)
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      CATALOGUE_CALLS.has(n.expression.text)
    )
      return true;
  return false;
}

/** The sentence-like literals of one file: its line and text. */
function sentences(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let literal: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      literal = node.text;
    else if (ts.isTemplateExpression(node))
      // A substitution stands for a word: `${column} is needed by ${rule}` reads as a sentence.
      literal = [
        node.head.text,
        ...node.templateSpans.map((s) => s.literal.text),
      ].join(" xx ");
    if (
      literal !== undefined &&
      words(literal) >= WORDS &&
      !insideCatalogueCall(node)
    ) {
      const line =
        source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${path.relative(root, file)}:${line}: ${literal}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = DIRS.flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(root, dir, f)),
);

describe("no sentence in rule code: reasons are codes and facts, rendered in src/present", () => {
  it("finds the rule and register modules", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => path.relative(root, f)))(
    "%s has no sentence-like string literal",
    (file) => {
      expect(sentences(path.join(root, file))).toEqual([]);
    },
  );

  it("the guard itself sees a sentence in a template, and neither comments nor the catalogue's titles", () => {
    const probe = path.join(
      mkdtempSync(
        path.join(process.env.FUND_QUOTA_TEST_TMP ?? tmpdir(), "guard-"),
      ),
      "probe.ts",
    );
    writeFileSync(
      probe,
      [
        "// a comment of many words is never a literal",
        'rule("X-1", "L. 1", "min", ">=", "the law quote of many words", "An English title of words");',
        "const m = `${column} is needed by ${rule}`;",
        'const id = "FCPR-Q50";',
      ].join("\n"),
    );
    const found = sentences(probe);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/probe\.ts:3: .*is needed by/);
  });
});
