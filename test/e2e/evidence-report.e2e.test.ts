import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/cli/evidence";
import { threePacks } from "../evidence/month-ends";

// The evidence pack's report.html in a real browser (Debian's Chromium through playwright-core):
// self-contained, a gauge per ratio, and the SVG history chart of three month-ends; screenshot
// and PDF print under test-results/.
const root = path.resolve(__dirname, "../..");
const shots = path.join(root, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM) || process.env.CI === "true";

let browser: Browser;
beforeAll(async () => {
  if (!available) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(shots, { recursive: true });
}, 120_000);
afterAll(async () => browser?.close());

describe.skipIf(!available)("report.html of the December pack, with October and November as history", () => {
  it.each(["fr", "en"] as const)("(%s) draws each fund's ratios over the three month-ends, gauges every ratio, loads nothing from outside and prints", async (lang) => {
    const { packs } = await threePacks(lang);
    const december = packs[2];
    const manifest = JSON.parse(readFileSync(path.join(december, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.inputs[0].reports!.html).toBe("report.html");
    const file = path.join(december, "report.html");
    expect(manifest.files.some((f) => f.path === "report.html")).toBe(true);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(pathToFileURL(file).href);
    // Self-contained: the page itself and nothing else.
    expect(requests).toEqual([pathToFileURL(file).href]);
    const fund = page.locator('section[data-fund="FCPR-CC1"]');
    const chart = fund.locator("svg.history");
    await expect(chart.count()).resolves.toBe(1);
    const q50 = await chart.locator('polyline.ratio[data-rule="FCPR-Q50"]').getAttribute("points");
    expect(q50!.trim().split(/\s+/)).toHaveLength(3);
    // The December point of the quota is in breach: drawn in the breach colour.
    const colours = await chart.locator("circle").evaluateAll((cs) => cs.map((c) => c.getAttribute("fill")));
    expect(colours).toContain("#c50f1f");
    expect(await fund.locator("svg.gauge").count()).toBeGreaterThan(0);
    const text = await fund.innerText();
    expect(text).toContain(lang === "fr" ? "Dépassement" : "breach");
    expect(text).toContain(lang === "fr" ? "Historique des ratios" : "History of the ratios");
    await chart.scrollIntoViewIfNeeded();
    await fund.screenshot({ path: path.join(shots, `evidence-report-${lang}.png`) });
    const pdf = await page.pdf({ format: "A4", landscape: true, path: path.join(shots, `evidence-report-${lang}.pdf`) });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 120_000);
});
