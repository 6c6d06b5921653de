import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../../src/cli/node-hasher";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { readTables } from "../../src/excel/read-tables";
import { canonicalText, cellToken, fingerprintTables } from "../../src/evidence/fingerprint";
import { sha256, sha256Hex } from "../../src/evidence/sha256";
import { SAMPLE } from "../helpers/sample-sheets";
import { save, tempDir } from "../helpers/xlsx";
import { hostFromXlsx } from "./xlsx-to-host";

/** The command line's fingerprint of an .xlsx: the tables exceljs reads, hashed by node:crypto. */
async function cliFingerprint(file: string): Promise<string> {
  const wb = await loadWorkbook(file);
  return fingerprintTables(findTables(wb), { date1904: Boolean(wb.properties.date1904), newHasher: nodeSha256 }).sha256;
}

/** The pane's fingerprint: its own reader (src/excel/read-tables.ts) through Microsoft's client and the strict host. */
async function paneFingerprint(file: string): Promise<string> {
  const host = await hostFromXlsx(file);
  const read = await host.run((context) => readTables(context));
  return fingerprintTables(read.tables, { date1904: read.date1904 }).sha256;
}

/** Rewrites the sample: every sheet's columns in another order, moved down and right, reformatted. */
async function rearranged(
  file: string,
  edit?: (sheet: string, header: string, value: ExcelJS.CellValue) => ExcelJS.CellValue | undefined,
): Promise<string> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SAMPLE);
  const out = new ExcelJS.Workbook();
  // Sheets in reverse order, each with a leading sheet of notes: the layout changes, not the data.
  out.addWorksheet("Notes").getCell("A1").value = "Month-end pack";
  const sheets: ExcelJS.Worksheet[] = [];
  src.eachSheet((ws) => sheets.push(ws));
  for (const ws of sheets.reverse()) {
    const width = ws.columnCount;
    const order = Array.from({ length: width }, (_, i) => i + 1).reverse();
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      rows.push(
        order.map((c) => {
          const v = ws.getRow(r).getCell(c).value;
          const h = String(ws.getRow(1).getCell(c).value);
          const replaced = r > 1 ? edit?.(ws.name, h, v) : undefined;
          return replaced ?? v;
        }),
      );
    }
    const target = out.addWorksheet(`${ws.name} (copy)`);
    target.addTable({
      name: ws.name,
      ref: "C4",
      headerRow: true,
      columns: rows[0].map((h) => ({ name: String(h) })),
      rows: rows.slice(1),
    });
    for (let c = 3; c < 3 + width; c++) {
      target.getColumn(c).numFmt = "#,##0.00 €";
      target.getColumn(c).font = { bold: true, color: { argb: "FF336699" } };
      target.getColumn(c).width = 30;
    }
  }
  return save(out, file);
}

describe("SHA-256 in plain TypeScript (the pane's) and node:crypto (the command line's)", () => {
  it("gives the FIPS 180-4 example digests", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("agrees with node:crypto on random input fed in random pieces", () => {
    for (let trial = 0; trial < 50; trial++) {
      const data = randomBytes(Math.floor(Math.random() * 5000));
      const h = sha256();
      const n = nodeSha256();
      for (let i = 0; i < data.length; ) {
        const step = 1 + Math.floor(Math.random() * 200);
        h.update(data.subarray(i, i + step));
        n.update(data.subarray(i, i + step));
        i += step;
      }
      const expected = createHash("sha256").update(data).digest("hex");
      expect(h.hex()).toBe(expected);
      expect(n.hex()).toBe(expected);
    }
  });
});

describe("cell tokens of the canonical text", () => {
  it("writes each type as docs/evidence.md says", () => {
    expect(cellToken(null)).toBe("_");
    expect(cellToken("")).toBe("_");
    expect(cellToken(true)).toBe("t");
    expect(cellToken(false)).toBe("f");
    expect(cellToken(1)).toBe("n3ff0000000000000");
    expect(cellToken(-0)).toBe("n0000000000000000");
    expect(cellToken(0.1)).toBe("n3fb999999999999a");
    expect(cellToken("Coût")).toBe("s5:Coût");
    expect(cellToken(" ")).toBe("s1: ");
    expect(cellToken({ error: "#N/A" })).toBe("e4:#N/A");
    expect(cellToken("#N/A")).toBe("e4:#N/A");
    // A date read as a date is the serial Excel stores: 31/12/2025 is 46022.
    expect(cellToken(new Date(Date.UTC(2025, 11, 31)))).toBe(cellToken(46022));
    expect(cellToken(new Date(Date.UTC(2025, 11, 31)), true)).toBe(cellToken(46022 - 1462));
  });
});

describe("the canonical fingerprint of a check's input", () => {
  it("is the same from the command line's read of the sample .xlsx and from the pane's read of the same workbook", async () => {
    const cli = await cliFingerprint(SAMPLE);
    const pane = await paneFingerprint(SAMPLE);
    expect(cli).toMatch(/^[0-9a-f]{64}$/);
    expect(pane).toBe(cli);
  }, 60_000);

  it("is unchanged by column order, formats, the tables' place and the sheets' names and order", async () => {
    const dir = tempDir();
    const moved = await rearranged(path.join(dir, "moved.xlsx"));
    // Reformatted as amounts, the dates now read as numbers on the command line: same fingerprint.
    const movedFunds = findTables(await loadWorkbook(moved)).Funds!;
    const at = movedFunds.headers.indexOf("constitutionDate");
    expect(typeof movedFunds.rows[0].cells[at]).toBe("number");
    expect(findTables(await loadWorkbook(SAMPLE)).Funds!.rows[0].cells[3]).toBeInstanceOf(Date);
    expect(await cliFingerprint(moved)).toBe(await cliFingerprint(SAMPLE));
    expect(await paneFingerprint(moved)).toBe(await cliFingerprint(SAMPLE));
  }, 60_000);

  it("changes when one amount changes by one cent", async () => {
    const dir = tempDir();
    let done = false;
    const edited = await rearranged(path.join(dir, "edited.xlsx"), (sheet, header, value) => {
      if (done || sheet !== "Holdings" || header !== "costValue" || typeof value !== "number") return undefined;
      done = true;
      return value + 0.01;
    });
    expect(done).toBe(true);
    const cli = await cliFingerprint(edited);
    expect(cli).not.toBe(await cliFingerprint(SAMPLE));
    expect(await paneFingerprint(edited)).toBe(cli);
  }, 60_000);

  it("keeps a table's data lines in the canonical text, each once, whatever the layout", async () => {
    const wb = await loadWorkbook(SAMPLE);
    const text = [...canonicalText(findTables(wb))].join("");
    const lines = text.split("\n");
    expect(lines[0]).toBe("FQM-CANONICAL-TABLES 1");
    expect(lines[1]).toBe("DATE-SYSTEM 1900");
    const header = lines.find((l) => l.startsWith("TABLE Holdings"))!;
    const [, , columns, rows] = header.split(" ");
    expect(Number(columns)).toBe(findTables(wb).Holdings!.headers.filter((h) => h !== null && h !== "").length);
    expect(Number(rows)).toBeGreaterThan(200);
  });
});

/** A Python with openpyxl (Debian: python3-openpyxl), to recompute the fingerprint with another tool. */
const PYTHON = ["/usr/bin/python3", "python3"].find(
  (p) => spawnSync(p, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0,
);

describe("recomputed by another tool from docs/evidence.md (scripts/fingerprint.py, openpyxl)", () => {
  it.skipIf(!PYTHON)("gives the same hash for the sample and for the same data rearranged and reformatted", async () => {
    const script = path.resolve(__dirname, "../../scripts/fingerprint.py");
    const py = (file: string) => execFileSync(PYTHON!, [script, file], { encoding: "utf8" }).trim();
    expect(py(SAMPLE)).toBe(await cliFingerprint(SAMPLE));
    const moved = await rearranged(path.join(tempDir(), "moved.xlsx"));
    expect(py(moved)).toBe(await cliFingerprint(SAMPLE));
  }, 60_000);
});
