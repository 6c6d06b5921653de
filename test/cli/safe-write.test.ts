import ExcelJS from "exceljs";
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isOwnReportFile } from "../../src/cli/report-mark";
import { type FileWriter, sameFile, writeFileAtomically } from "../../src/cli/safe-write";
import { tempDir } from "../helpers/xlsx";
import { compliant, fund, run, short, workbook } from "./cli-harness";

// "A lost workbook is unforgivable": `--out` never writes into a workbook being checked, nor over
// a file the command did not write; it replaces its own earlier report only with --force, and
// always through a temporary file renamed into place.
const AS_OF = ["--as-of", "2025-12-31"];
let dir: string;
let book: string;
let bookBytes: Buffer;
beforeAll(async () => {
  dir = tempDir();
  book = await workbook(dir, "book.xlsx", [fund("A"), fund("B")], [...compliant("A"), ...short("B")]);
  bookBytes = readFileSync(book);
});

/** Runs `check book.xlsx --out <out>` and asserts the refusal: exit 2, one line, nothing checked, the file untouched. */
async function expectRefused(out: string, message: RegExp, extra: string[] = [], inputs = [book]) {
  const before = existsSync(out) && statSync(out).isFile() ? readFileSync(out) : undefined;
  const result = await run(["check", ...inputs, "--out", out, ...extra, ...AS_OF]);
  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stdout).toBe("");
  if (before) expect(readFileSync(out).equals(before)).toBe(true);
  expect(readFileSync(book).equals(bookBytes)).toBe(true);
  return result;
}

const INTO_INPUT = /^fund-quota: Refused: the report cannot be written into a workbook being checked \(.*\)\. Choose another file\.$/;
const NOT_OURS = /Refused: .* already exists and is not a report written by fund-quota; it is left untouched\. Choose another file\./;

describe("--out refuses to write into a workbook being checked", () => {
  it("the same path", async () => {
    await expectRefused(book, INTO_INPUT);
  });

  it("the same path with --force", async () => {
    await expectRefused(book, INTO_INPUT, ["--force"]);
  });

  it("another spelling of the same path", async () => {
    await expectRefused(path.join(dir, "..", path.basename(dir), ".", "book.xlsx"), INTO_INPUT);
  });

  it("a symbolic link to it", async () => {
    const link = path.join(dir, "link-to-book.xlsx");
    symlinkSync(book, link);
    await expectRefused(link, INTO_INPUT, ["--force"]);
  });

  it("a hard link to it (same device and inode)", async () => {
    const hard = path.join(tempDir(), "hard-link.xlsx");
    linkSync(book, hard);
    await expectRefused(hard, INTO_INPUT, ["--force"]);
  });

  it("a workbook found in a folder being checked", async () => {
    const folder = tempDir();
    const inFolder = path.join(folder, "month.xlsx");
    copyFileSync(book, inFolder);
    const before = readFileSync(inFolder);
    await expectRefused(inFolder, INTO_INPUT, ["--force"], [folder]);
    expect(readFileSync(inFolder).equals(before)).toBe(true);
  });

  it("the bundled sample, when no file is named", async () => {
    const sample = path.resolve(__dirname, "../../examples/sample-funds.xlsx");
    const before = readFileSync(sample);
    const result = await run(["check", "--out", sample, ...AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd()).toMatch(INTO_INPUT);
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  it("says it in French", async () => {
    await expectRefused(book, /^fund-quota\u00a0: Refusé\u00a0: le rapport ne peut pas être écrit dans le classeur contrôlé \(.*book\.xlsx\)\. Choisissez un autre fichier\.$/, ["--lang", "fr"]);
  });
});

describe("--out refuses to write over a file it did not write", () => {
  it("another user workbook, even with --force", async () => {
    const other = await workbook(tempDir(), "other.xlsx", [fund("Z")], compliant("Z"));
    await expectRefused(other, NOT_OURS);
    await expectRefused(other, NOT_OURS, ["--force"]);
  });

  it("a file that is not a workbook, even with --force", async () => {
    const notes = path.join(tempDir(), "notes.xlsx");
    writeFileSync(notes, "my notes");
    await expectRefused(notes, NOT_OURS, ["--force"]);
  });

  it("a report of ours the user has added a sheet to", async () => {
    const out = path.join(tempDir(), "report.xlsx");
    expect((await run(["check", book, "--out", out, ...AS_OF])).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet("My notes").getCell("A1").value = "to check with the depositary";
    await wb.xlsx.writeFile(out);
    await expectRefused(out, NOT_OURS, ["--force"]);
  });

  it("a dangling symbolic link", async () => {
    const d = tempDir();
    const link = path.join(d, "report.xlsx");
    symlinkSync(path.join(d, "nowhere.xlsx"), link);
    await expectRefused(link, NOT_OURS, ["--force"]);
    expect(existsSync(path.join(d, "nowhere.xlsx"))).toBe(false);
  });

  it("a folder, or a folder that does not exist", async () => {
    await expectRefused(tempDir(), /Refused: .* is a folder; give the name of an \.xlsx file\./, ["--force"]);
    await expectRefused(path.join(dir, "no-such-folder", "report.xlsx"), /Refused: the folder .*no-such-folder does not exist/);
  });
});

describe("--out and the command's own reports", () => {
  it("marks the report it writes, and replaces it only with --force", async () => {
    const out = path.join(tempDir(), "report.xlsx");
    expect((await run(["check", book, "--out", out, ...AS_OF])).code).toBe(1);
    expect(await isOwnReportFile(out)).toBe(true);
    expect(await isOwnReportFile(book)).toBe(false);
    await expectRefused(out, /^fund-quota: Refused: .*report\.xlsx is a report fund-quota wrote earlier; add --force to replace it\.$/);
    chmodSync(out, 0o640);
    const again = await run(["check", book, "--out", out, "--force", "--as-of", "2025-11-30"]);
    expect(again.code).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Quota report")!.getRow(2).getCell(13).value).toEqual(new Date("2025-11-30T00:00:00Z"));
    expect(await isOwnReportFile(out)).toBe(true);
  });

  it("a month-end folder can hold its own report: it is not checked as a workbook, and is replaced with --force", async () => {
    const folder = tempDir();
    copyFileSync(book, path.join(folder, "book.xlsx"));
    const out = path.join(folder, "quota-report.xlsx");
    expect((await run(["check", folder, "--out", out, ...AS_OF])).code).toBe(1);
    const rerun = await run(["check", folder, "--out", out, "--force", ...AS_OF]);
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).not.toMatch(/quota-report\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(new Set(wb.getWorksheet("Quota report")!.getColumn(1).values.slice(2))).toEqual(new Set(["book.xlsx"]));
  });
});

describe("the report is written through a temporary file", () => {
  /** Writes half of the file, then fails, as a full disk or a crash would. */
  const failingMidway: FileWriter = async (file, data) => {
    writeFileSync(file, data.subarray(0, Math.floor(data.length / 2)), { flag: "wx" });
    throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
  };

  it("a write that fails midway leaves the previous report byte for byte, and no temporary file", async () => {
    const d = tempDir();
    const out = path.join(d, "report.xlsx");
    expect((await run(["check", book, "--out", out, ...AS_OF])).code).toBe(1);
    const before = readFileSync(out);
    const result = await run(["check", book, "--out", out, "--force", "--as-of", "2025-11-30"], { writeFile: failingMidway });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`fund-quota: the report ${out} could not be written (the disk is full, ENOSPC); any file that was there is unchanged.\n`);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(d)).toEqual(["report.xlsx"]);
  });

  it("a failed first write leaves no file at all", async () => {
    const d = tempDir();
    await expect(writeFileAtomically(path.join(d, "new.xlsx"), new Uint8Array(1000), failingMidway)).rejects.toThrow(/no space left/);
    expect(readdirSync(d)).toEqual([]);
  });

  it("never replaces a file that appeared at a free name meanwhile", async () => {
    const d = tempDir();
    const out = path.join(d, "report.xlsx");
    const sneaky: FileWriter = async (file, data) => {
      writeFileSync(file, data, { flag: "wx" });
      writeFileSync(out, "the user's file, saved meanwhile");
    };
    await expect(writeFileAtomically(out, new Uint8Array([1, 2, 3]), sneaky)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(out, "utf8")).toBe("the user's file, saved meanwhile");
    expect(readdirSync(d)).toEqual(["report.xlsx"]);
  });

  it("replaces the target of a symbolic link, not the link", async () => {
    const d = tempDir();
    mkdirSync(path.join(d, "reports"));
    const real = path.join(d, "reports", "real.xlsx");
    writeFileSync(real, "old");
    const link = path.join(d, "latest.xlsx");
    symlinkSync(real, link);
    await writeFileAtomically(link, new TextEncoder().encode("new"));
    expect(readFileSync(real, "utf8")).toBe("new");
    expect(readdirSync(path.join(d, "reports"))).toEqual(["real.xlsx"]);
  });
});

describe("sameFile", () => {
  it("tells apart two files whose names differ only in case on a case-sensitive file system", () => {
    const d = tempDir();
    writeFileSync(path.join(d, "Book.xlsx"), "a");
    writeFileSync(path.join(d, "book.xlsx"), "b");
    // On a case-insensitive file system the second write reached the first file: then they are one file.
    const oneFile = readFileSync(path.join(d, "Book.xlsx"), "utf8") === "b";
    expect(sameFile(path.join(d, "Book.xlsx"), path.join(d, "book.xlsx"))).toBe(oneFile);
  });

  it("is true for a relative and an absolute name of one file, false for a file that does not exist", () => {
    expect(sameFile(path.relative(process.cwd(), book), book)).toBe(true);
    expect(sameFile(path.join(dir, "absent.xlsx"), book)).toBe(false);
  });
});
