import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// End to end in a real browser: Debian's Chromium driven by playwright-core opens the preview
// (the real pane next to a simulated workbook), runs the check, opens a breach, writes the
// report, and keeps screenshots under test-results/.
const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist/preview");
const shots = path.join(root, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// On CI the browser must be there (.ci/run installs it): a missing one fails instead of skipping.
const available = existsSync(CHROMIUM) || process.env.CI === "true";

let server: Server;
let browser: Browser;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  if (!available) return;
  execFileSync(process.execPath, [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--config", "webpack.preview.js", "--mode", "production"], { cwd: root, stdio: "pipe" });
  server = createServer((req, res) => {
    const file = path.join(dist, req.url === "/" || req.url?.startsWith("/?") ? "index.html" : (req.url ?? "").split("?")[0]);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": file.endsWith(".html") ? "text/html" : "text/javascript" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright starts headless with a new, empty profile of its own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(shots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${base}/${query}`);
  await page.waitForSelector("[data-fund]");
  return page;
}

describe.skipIf(!available)("browser preview", () => {
  it("shows the sample funds with their statuses, drills into a breach, and writes the report with its chart", async () => {
    const page = await open();
    await page.screenshot({ path: path.join(shots, "1-funds.png"), fullPage: false });
    expect(await page.locator("[data-fund]").count()).toBe(12);
    expect(await page.locator('[data-fund="FCPR-IS2"] [data-status]').first().getAttribute("data-status")).toBe("breach");
    expect(await page.locator('[data-fund="FCPR-CC1"] [data-status]').first().getAttribute("data-status")).toBe("pass");

    const fund = page.locator('[data-fund="FCPR-IS2"]');
    await fund.locator('[data-rule="FCPR-Q50"] button').first().click();
    const positions = fund.locator('[data-positions-for="FCPR-Q50"]');
    await expect.poll(() => positions.textContent()).toMatch(/advance excluded: the fund holds 4 %/);
    await positions.locator('[data-row="49"]').getByText("FCPR-IS2-017").first().click();
    await page.waitForSelector('[data-sheet="Holdings"]');
    await page.screenshot({ path: path.join(shots, "2-breach-positions.png") });

    await page.click('[data-action="highlight"]');
    await page.waitForSelector('tr[data-flagged="true"]');
    expect(await page.locator('tr[data-flagged="true"]').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(shots, "3-highlighted.png") });

    await page.click('[data-action="report"]');
    await page.waitForSelector('[data-sheet="Quota report"]');
    await page.waitForSelector("[data-chart] svg");
    expect(await page.locator('[data-sheet="Quota report"] tr').count()).toBeGreaterThan(60);
    await page.screenshot({ path: path.join(shots, "4-report.png") });
    await page.close();
  }, 120_000);

  it("speaks French when the display language is French", async () => {
    const page = await open("?lang=fr-FR");
    await page.getByRole("button", { name: "Contrôler" }).waitFor();
    await page.screenshot({ path: path.join(shots, "5-french.png") });
    await page.close();
  }, 60_000);

  it("makes no network request outside its own origin", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  });
});
