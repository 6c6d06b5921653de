import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";

// npm run build, as a user runs it: the bundles, functions.json and the production manifest.
const root = path.resolve(__dirname, "../..");
const out = path.join(root, "dist/addin");
const read = (f: string) => readFileSync(path.join(out, f), "utf8");

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, ADDIN_PUBLIC_URL: "https://quota.example.com/" },
  });
}, 240_000);

describe("npm run build", () => {
  it("writes the task pane, the functions bundle, functions.json and its French twin", () => {
    for (const f of ["taskpane.html", "shared.js", "taskpane.js", "functions.js", "functions.json", "functions.fr.json", "help.html", "assets/icon-32.png"]) expect(existsSync(path.join(out, f)), f).toBe(true);
    const en = JSON.parse(read("functions.json"));
    const fr = JSON.parse(read("functions.fr.json"));
    expect(en.functions.map((f: { id: string }) => f.id)).toEqual(fr.functions.map((f: { id: string }) => f.id));
    expect(read("functions.js")).toMatch(/CustomFunctions\.associate\("RATIO"/);
  });

  it("loads the functions before the pane in one page, under a Content-Security-Policy", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).toMatch(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html.indexOf("shared.js")).toBeGreaterThan(-1);
    expect(html.indexOf("shared.js")).toBeLessThan(html.indexOf("functions.js"));
    expect(html.indexOf("functions.js")).toBeLessThan(html.indexOf("taskpane.js"));
  });

  it("rewrites the manifest for production", () => {
    const prod = read("manifest.prod.xml");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain("https://quota.example.com/functions.json");
  });

  it("keeps the task pane under 300 KB gzip and ships no GPL code", () => {
    // Everything taskpane.html loads: the code both share, the functions and the pane.
    const pane = ["shared.js", "taskpane.js", "functions.js"].reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f))).length, 0);
    expect(pane).toBeLessThan(300 * 1024);
    for (const f of ["shared.js", "taskpane.js", "functions.js"]) expect(read(f)).not.toMatch(/hyperformula/i);
  });
});
