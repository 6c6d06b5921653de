import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// End to end in a real browser: Debian's Chromium driven by playwright-core opens the preview
// (the real pane next to a simulated workbook), checks the summary on the first screen at the
// widths of a task pane, runs axe-core, drives the pane by keyboard, opens a breach, writes
// the report, and keeps screenshots under test-results/.
const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist/preview");
const shots = path.join(root, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// On CI the browser must be there (.ci/run installs it): a missing one fails instead of skipping.
const available = existsSync(CHROMIUM) || process.env.CI === "true";
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
/** The height of Excel's task pane on a 1366 × 768 laptop screen, about. */
const PANE_HEIGHT = 640;

let server: Server;
let browser: Browser;
let context: BrowserContext;
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
  // The page's Content-Security-Policy forbids inline scripts; axe-core is injected by the test only.
  context = await browser.newContext({ bypassCSP: true });
  mkdirSync(shots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(query = "", viewport = { width: 1400, height: 900 }, waitFor = "[data-fund-row]"): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${base}/${query}`);
  await page.waitForSelector(waitFor);
  return page;
}

/** A user types "abc" over a cost value of FCPR-CC1: its 50 % quota becomes incomplete after the live re-check. */
async function makeOneFundIncomplete(page: Page): Promise<void> {
  await page.evaluate(() => {
    const wb = (window as unknown as { fundQuotaPreview: { sheet(n: string): { rows: unknown[][] }; edit(s: string, r: number, c: number, v: string): void } }).fundQuotaPreview;
    const rows = wb.sheet("Holdings").rows;
    const row = rows.findIndex((r) => r[0] === "FCPR-CC1");
    wb.edit("Holdings", row, rows[0].indexOf("costValue"), "abc");
  });
  await page.waitForSelector('[data-fund-row="FCPR-CC1"][data-status="incomplete"]', { timeout: 10_000 });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Is the whole element on the first screen, without scrolling? */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  }, selector);
}

describe.skipIf(!available)("browser preview", () => {
  for (const lang of ["fr-FR", "en-US"]) {
    for (const width of [320, 1000]) {
      it(`shows a breached, an incomplete and a passing fund on the first screen at ${width} px in ${lang}, with no axe violation`, async () => {
        const page = await open(`?pane=only&lang=${lang}`, { width, height: PANE_HEIGHT });
        await makeOneFundIncomplete(page);
        await page.screenshot({ path: path.join(shots, `summary-${lang.slice(0, 2)}-${width}.png`) });
        const first = page.locator("[data-fund-row]").first();
        expect(await first.getAttribute("data-status")).toBe("breach");
        for (const sel of ['[data-fund-row][data-status="breach"]', "[data-headline]", "[data-as-of]"])
          expect(await onFirstScreen(page, sel), sel).toBe(true);
        // The sample's 16 funds in breach come first; the incomplete and passing funds follow them.
        for (const sel of ['[data-fund-row="FCPR-CC1"][data-status="incomplete"]', '[data-fund-row][data-status="pass"]'])
          expect(await page.locator(sel).count(), sel).toBeGreaterThan(0);
        // The first six funds in breach are on the first screen.
        const breached = await page.locator('[data-fund-row][data-status="breach"]').count();
        expect(breached).toBe(16);
        for (let i = 0; i < 6; i++) expect(await onFirstScreen(page, `li:nth-child(${i + 1}) > [data-fund-row][data-status="breach"]`)).toBe(true);
        // Nine funds in breach fit: the list starts high enough for nine rows as tall as the tallest breach row.
        const room = await page.evaluate(() => {
          const breachRows = [...document.querySelectorAll('[data-fund-row][data-status="breach"]')].map((e) => e.getBoundingClientRect());
          const top = breachRows[0].top;
          const tallest = Math.max(...breachRows.map((b) => b.height));
          // Nine since the sample holds 22 funds: the two-digit counts wrap the French headline at 320 px.
          return { needed: top + 9 * (tallest + 2), available: window.innerHeight };
        });
        expect(room.needed).toBeLessThanOrEqual(room.available);
        // No horizontal scrolling at the pane's width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }

  it("works by keyboard alone: Tab reaches the first fund in breach with a visible focus, Enter opens its rules, Space another", async () => {
    const page = await open("?pane=only&lang=fr-FR", { width: 320, height: PANE_HEIGHT });
    let focused: string | null = null;
    for (let i = 0; i < 20 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.fundRow ?? null);
    }
    expect(focused).toBe("FCPR-IS2");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.screenshot({ path: path.join(shots, "keyboard-focus-fr-320.png") });
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-fund="FCPR-IS2"] [data-rule="FCPR-Q50"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest("[data-fund]")?.getAttribute("data-fund"))).toBe("FCPR-IS2");
    // The rule's conditions, which one failed, and its reconciliation, at the pane's width.
    await page.keyboard.press("Tab");
    await page.locator('[data-fund="FCPR-IS2"] [data-rule="FCPR-CCA15"] button').first().press("Enter");
    await page.waitForSelector('[data-fund="FCPR-IS2"] [data-reconciliation]');
    expect(await page.locator('[data-fund="FCPR-IS2"] [data-condition="gate-5"]').getAttribute("data-failed")).toBe("true");
    await page.locator('[data-fund="FCPR-IS2"] [data-rule="FCPR-CCA15"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "detail-fr-320.png") });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Back to the summary, to the next fund, and open it with Space.
    await page.locator('[data-fund-row="FCPI-DT6"]').focus();
    await page.keyboard.press(" ");
    await page.waitForSelector('[data-fund="FCPI-DT6"] [data-rule="FCPI-Q70"]');
    await page.close();
  }, 60_000);

  it("offers the template and the sample on an empty workbook, and loads the sample only when asked", async () => {
    const before = requests.length;
    const page = await open("?pane=only&lang=fr-FR&empty=1", { width: 320, height: PANE_HEIGHT }, "[data-first-run]");
    expect(await page.locator(".fui-MessageBar").count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "first-run-fr-320.png") });
    expect(await axeViolations(page)).toEqual([]);
    const scriptsBefore = requests.slice(before).filter((u) => u.endsWith(".js")).length;
    await page.getByRole("button", { name: "Ouvrir l'exemple" }).click();
    await page.waitForSelector("[data-fund-row]");
    // The sample came in a chunk of its own, fetched on the click.
    expect(requests.slice(before).filter((u) => u.endsWith(".js")).length).toBeGreaterThan(scriptsBefore);
    await page.close();
  }, 60_000);

  it("drills into a breach, highlights its rows with the legend, and writes the report with its chart", async () => {
    const page = await open();
    await page.screenshot({ path: path.join(shots, "1-funds.png"), fullPage: false });
    expect(await page.locator("[data-fund-row]").count()).toBe(22);
    expect(await page.locator('[data-fund-row="FCPR-IS2"]').getAttribute("data-status")).toBe("breach");
    expect(await page.locator('[data-fund-row="FCPR-CC1"]').getAttribute("data-status")).toBe("pass");

    await page.click('[data-fund-row="FCPR-IS2"]');
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
    expect(await page.locator("[data-legend-highlight]").textContent()).toMatch(/Highlighted rows in the Holdings sheet/);
    await page.screenshot({ path: path.join(shots, "3-highlighted.png") });

    await page.click('[data-action="report"]');
    await page.waitForSelector('[data-sheet="Quota report"]');
    await page.waitForSelector("[data-chart] svg");
    expect(await page.locator('[data-sheet="Quota report"] tr').count()).toBeGreaterThan(60);
    await page.screenshot({ path: path.join(shots, "4-report.png") });
    await page.close();
  }, 120_000);

  it("makes no network request outside its own origin", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  });
});
