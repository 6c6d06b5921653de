import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCopy, type Manifest } from "../../src/cli/evidence";
import { checkFile } from "../../src/cli/check-file";
import { withoutPositions } from "../../src/cli/evidence";
import { shownText, type ColumnKind } from "../../src/evidence/pack-sheets";
import { run } from "../cli/cli-harness";
import { SAMPLE } from "../helpers/sample-sheets";
import { tempDir } from "../helpers/xlsx";

const AS_OF = "2025-12-31";
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function freshPack(lang: "fr" | "en" = "en"): Promise<{ dir: string; code: number; stdout: string; stderr: string }> {
  const dir = path.join(tempDir(), "pack");
  const r = await run(["check", SAMPLE, "--as-of", AS_OF, "--evidence", dir, "--lang", lang]);
  return { dir, code: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe("fund-quota check --evidence DIR", () => {
  it("writes the input byte for byte, the reports and a manifest listing every file with its SHA-256", async () => {
    const { dir, code, stderr } = await freshPack();
    expect(code).toBe(1); // the sample holds breaches: the pack does not change the verdict
    expect(stderr).toContain("Evidence pack written");
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.asOf).toBe(AS_OF);
    expect(manifest.product.version).toMatch(/^\d+\.\d+\.\d+/);
    const input = manifest.inputs[0];
    expect(readFileSync(path.join(dir, input.file)).equals(readFileSync(SAMPLE))).toBe(true);
    expect(input.sha256).toBe(sha(SAMPLE));
    expect(input.fingerprint!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every file but the manifest is listed, with the hash of its bytes.
    const onDisk = ["input/" + readdirSync(path.join(dir, "input"))[0], ...readdirSync(dir).filter((f) => f !== "input" && f !== "manifest.json")];
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk.sort());
    for (const f of manifest.files) expect(sha(path.join(dir, f.path))).toBe(f.sha256);
    // The JSON report carries every position, and is the report of the workbook itself.
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    expect(report.funds.some((f: { positions?: unknown[] }) => (f.positions?.length ?? 0) > 0)).toBe(true);
    expect(report).toEqual(JSON.parse(JSON.stringify(await checkFile(SAMPLE, AS_OF, true))));
  }, 60_000);

  it("refuses a folder that is not empty, and writes nothing into it", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "notes.txt"), "mine");
    const r = await run(["check", SAMPLE, "--as-of", AS_OF, "--evidence", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not empty");
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("refuses a file named as the pack's folder (e.g. the workbook itself)", async () => {
    const dir = tempDir();
    const book = path.join(dir, "book.xlsx");
    copyFileSync(SAMPLE, book);
    const r = await run(["check", book, "--as-of", AS_OF, "--evidence", book]);
    expect(r.code).toBe(2);
    expect(sha(book)).toBe(sha(SAMPLE));
  });

  it("prints without positions unless asked: the stripped report is the plain check's", async () => {
    const checked = await checkCopy(SAMPLE, AS_OF);
    expect(JSON.stringify(withoutPositions(checked.report!))).toBe(JSON.stringify(await checkFile(SAMPLE, AS_OF, false)));
  });
});

/** Excel's text for a number in a column: what must fit for no `###`. Written here independently of the product. */
function excelShows(value: number, numFmt: string | undefined): string {
  if (numFmt === "0.00%") return `${(value * 100).toFixed(2)}%`;
  if (numFmt === "#,##0.00") {
    const [int, dec] = Math.abs(value).toFixed(2).split(".");
    return `${value < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`;
  }
  if (numFmt === "0") return Math.round(value).toString();
  return String(value);
}

describe("the pack's xlsx report", () => {
  it.each(["fr", "en"] as const)("(%s) has the as-of, Paris time, version, law and fingerprint; sheets of results, positions, diagnostics and reconciliation; frozen headers; widths with no ###", async (lang) => {
    const { dir } = await freshPack(lang);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "report.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      lang === "fr"
        ? ["Dossier de preuve", "Résultats", "Lignes du portefeuille", "Anomalies de lecture", "Rapprochement"]
        : ["Evidence", "Results", "Positions", "Diagnostics", "Reconciliation"],
    );
    const cover = wb.worksheets[0];
    const coverText = cover.getSheetValues().flat().map(String).join("\n");
    expect(coverText).toContain(lang === "fr" ? "31/12/2025" : "2025-12-31");
    expect(coverText).toContain(manifest.inputs[0].fingerprint!.sha256);
    expect(coverText).toContain(manifest.inputs[0].sha256);
    expect(coverText).toContain(manifest.product.version);
    expect(coverText).toContain(manifest.generatedAtParis);
    expect(coverText).toMatch(/L\. 214-28/);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.rowCount).toBeGreaterThan(1);
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const width = ws.getColumn(c).width ?? 8.43;
          if (typeof cell.value === "number") {
            const shown = excelShows(cell.value, ws.getColumn(c).numFmt ?? cell.numFmt);
            // A number Excel cannot show whole is ###: its column must be wider than its text.
            expect(width, `${ws.name}!${cell.address} ${shown}`).toBeGreaterThanOrEqual(shown.length + 1);
          } else if (r === 1) expect(width, `${ws.name} header ${cell.text}`).toBeGreaterThanOrEqual(String(cell.value).length);
        }),
      );
    }
    // Results: the French statuses and the law version of each rule.
    const results = wb.worksheets[1];
    const statuses = results.getColumn(8).values.slice(2).map(String);
    expect(statuses).toContain(lang === "fr" ? "Dépassement" : "breach");
  }, 60_000);

  it("computes widths from what Excel shows, not from the number's digits", () => {
    const kinds: [number, ColumnKind, string][] = [
      [1234567.891, "amount", "1,234,567.89"],
      [0.53124, "percent", "53.12%"],
      [-1500000, "amount", "-1,500,000.00"],
      [42, "integer", "42"],
    ];
    for (const [v, k, shown] of kinds) expect(shownText(v, k)).toBe(shown);
  });
});

describe("fund-quota verify DIR", () => {
  it("passes on a fresh pack", async () => {
    const { dir } = await freshPack();
    const r = await run(["verify", dir]);
    expect(r.stdout).toContain("Identical");
    expect(r.code).toBe(0);
  }, 60_000);

  it("re-checks with the register reading the pack was written with (--soit-soit both)", async () => {
    const dir = path.join(tempDir(), "pack");
    await run(["check", SAMPLE, "--as-of", AS_OF, "--evidence", dir, "--soit-soit", "both"]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.registers).toEqual({ soitSoit: "both" });
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    expect(report).toEqual(JSON.parse(JSON.stringify((await checkCopy(SAMPLE, AS_OF, { soitSoit: "both" })).report)));
    const r = await run(["verify", dir]);
    expect(r.stdout).toContain("Identical");
    expect(r.code).toBe(0);
  }, 60_000);

  it("fails after one cell of the input is edited, naming the rule, the fund and the old and new values", async () => {
    const { dir } = await freshPack();
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    const input = path.join(dir, manifest.inputs[0].file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    // The first unlisted equity of FCPR-CC1 now costs 10 M€ less.
    const ws = wb.getWorksheet("Holdings")!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => headers.indexOf(h);
    let edited = "";
    ws.eachRow((row, r) => {
      if (edited || r === 1) return;
      if (row.getCell(col("fundId")).value === "FCPR-CC1" && row.getCell(col("assetClass")).value === "EQUITY") {
        const cell = row.getCell(col("costValue"));
        cell.value = Math.max(0, Number(cell.value) - 10_000_000);
        edited = cell.address;
      }
    });
    expect(edited).not.toBe("");
    await wb.xlsx.writeFile(input);
    const r = await run(["verify", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FCPR-Q50, fund FCPR-CC1: .*value \d+\.\d{2} % → \d+\.\d{2} %/m);
    expect(r.stdout).toContain(`${manifest.inputs[0].file}: SHA-256 ${manifest.inputs[0].sha256} →`);
    expect(r.stdout).toContain("fingerprint of the tables");
    expect(r.stdout).toMatch(/Different: \d+ differences/);
  }, 60_000);

  it("fails when a report of the pack is altered, and refuses a folder that is not a pack", async () => {
    const { dir } = await freshPack();
    const json = path.join(dir, "report.json");
    // The first rule in breach is made to read "pass".
    const report = JSON.parse(readFileSync(json, "utf8")) as { funds: { fundId: string; rules: { id: string; status: string }[] }[] };
    const fund = report.funds.find((f) => f.rules.some((x) => x.status === "breach"))!;
    const rule = fund.rules.find((x) => x.status === "breach")!;
    rule.status = "pass";
    writeFileSync(json, JSON.stringify(report, null, 2));
    const r = await run(["verify", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/report\.json: SHA-256/);
    expect(r.stdout).toContain(`${rule.id}, fund ${fund.fundId}: status pass → breach`);
    const empty = tempDir();
    mkdirSync(path.join(empty, "x"));
    expect((await run(["verify", empty])).code).toBe(2);
    expect(existsSync(path.join(empty, "manifest.json"))).toBe(false);
  }, 60_000);
});

describe("--out honours --positions", () => {
  it("adds the positions sheet, and the report stays one fund-quota may replace with --force", async () => {
    const out = path.join(tempDir(), "report.xlsx");
    expect((await run(["check", SAMPLE, "--as-of", AS_OF, "--positions", "--out", out])).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const positions = wb.getWorksheet("Quota positions");
    expect(positions).toBeDefined();
    const report = await checkFile(SAMPLE, AS_OF, true);
    const outcomes = report.funds.flatMap((f) => f.positions ?? []).reduce((n, p) => n + Math.max(1, p.counted.length + p.excluded.length), 0);
    expect(positions!.rowCount).toBe(outcomes + 1);
    expect((await run(["check", SAMPLE, "--as-of", AS_OF, "--positions", "--out", out, "--force"])).code).toBe(1);
    // Without --positions, no positions sheet, as before.
    const plain = path.join(tempDir(), "plain.xlsx");
    await run(["check", SAMPLE, "--as-of", AS_OF, "--out", plain]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(plain);
    expect(wb2.getWorksheet("Quota positions")).toBeUndefined();
  }, 60_000);
});
