import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./cli-harness";

// The README's sample run is what the command prints today, line for line (abridged with "…").
const README = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("README", () => {
  it("the sample run shows lines the command prints, in order, and its exact last lines", async () => {
    const m = /A sample run[^\n]*\(`npx (fund-quota check[^`]*)`[\s\S]*?```\n([\s\S]*?)```/.exec(README);
    expect(m).not.toBeNull();
    const [, command, excerpt] = m!;
    const { code, stdout } = await run(command.split(" ").slice(1));
    expect(code).toBe(1);
    const printed = stdout.split("\n");
    let at = 0;
    for (const line of excerpt.trimEnd().split("\n")) {
      if (line === "…") continue;
      const found = printed.indexOf(line, at);
      expect(found, `README line not printed (or out of order): ${line}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(excerpt.trimEnd().split("\n").slice(-2)).toEqual(printed.filter(Boolean).slice(-2));
  });

  it("the exit codes table names every code the command returns", () => {
    for (const code of [0, 1, 2, 3]) expect(README).toMatch(new RegExp(`^\\| \`${code}\` \\|`, "m"));
  });
});
