import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { History } from "../../src/evidence/history";
import { run } from "../cli/cli-harness";
import { tempDir } from "../helpers/xlsx";
import { MONTH_ENDS, threePacks } from "./month-ends";

describe("fund-quota history over three month-end packs", () => {
  it("gives every ratio at each month-end, and flags the rule that went into breach with the positions that moved it", async () => {
    const { packs, lines } = await threePacks();
    const out = path.join(tempDir(), "history.json");
    const r = await run(["history", ...packs, "--out", out]);
    expect(r.code).toBe(0);
    const history = JSON.parse(readFileSync(out, "utf8")) as History;
    const q50 = history.points.filter((p) => p.fundId === "FCPR-CC1" && p.rule === "FCPR-Q50");
    expect(q50.map((p) => p.asOf)).toEqual([...MONTH_ENDS]);
    expect(q50.map((p) => p.status)).toEqual(["pass", "pass", "breach"]);
    const t = history.transitions.find((x) => x.fundId === "FCPR-CC1" && x.rule === "FCPR-Q50")!;
    expect(t.from.asOf).toBe("2025-11-30");
    expect(t.to.asOf).toBe("2025-12-31");
    // The five lines sold in December moved it, each by minus its whole cost; nothing else moved.
    expect(t.moves.map((m) => m.lineId).sort()).toEqual(lines.slice(3).sort());
    for (const m of t.moves) {
      expect(m.after).toBe("0");
      expect(m.change).toBe(`-${m.before}`);
    }
    expect(r.stdout).toContain(`FCPR-Q50, fund FCPR-CC1: went into breach 2025-11-30 → 2025-12-31`);
  }, 120_000);

  it("writes the history as CSV and as an xlsx with frozen headers, and never over an existing file", async () => {
    const { packs } = await threePacks("fr");
    const dir = tempDir();
    const csv = path.join(dir, "h.csv");
    expect((await run(["history", ...packs, "--out", csv])).code).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.split("\r\n")[0]).toMatch(/^asOf,fundId,/);
    expect(text).toMatch(/2025-12-31,FCPR-CC1,[^\r\n]*,FCPR-Q50,[^\r\n]*,breach,/);
    const xlsx = path.join(dir, "h.xlsx");
    expect((await run(["history", ...packs, "--out", xlsx, "--lang", "fr"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Historique des ratios", "Passages en dépassement"]);
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const again = await run(["history", ...packs, "--out", csv]);
    expect(again.code).toBe(2);
    expect(readFileSync(csv, "utf8")).toBe(text);
  }, 120_000);
});
