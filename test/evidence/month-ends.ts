import ExcelJS from "exceljs";
import path from "node:path";
import { run } from "../cli/cli-harness";
import { SAMPLE } from "../helpers/sample-sheets";
import { tempDir } from "../helpers/xlsx";

/**
 * Three month-ends of the sample as evidence packs: October as the sample is; in November
 * FCPR-CC1 has sold its first three unlisted equities (about 4.4 M€ at cost: 57.6 %, still a
 * pass); in December five more (about 5 M€), which takes its 50 % quota into breach (45 %).
 */
export const MONTH_ENDS = ["2025-10-31", "2025-11-30", "2025-12-31"] as const;

export async function sampleWithCuts(file: string, sold: number): Promise<{ file: string; lines: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet("Holdings")!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const col = (h: string) => headers.indexOf(h);
  const lines: string[] = [];
  let k = 0;
  ws.eachRow((row, r) => {
    if (r === 1 || k >= sold) return;
    if (row.getCell(col("fundId")).value !== "FCPR-CC1" || row.getCell(col("assetClass")).value !== "EQUITY") return;
    if (row.getCell(col("listingStatus")).value && row.getCell(col("listingStatus")).value !== "UNLISTED") return;
    const cell = row.getCell(col("costValue"));
    cell.value = 0;
    k++;
    lines.push(String(row.getCell(col("lineId")).value));
  });
  await wb.xlsx.writeFile(file);
  return { file, lines };
}

export async function threePacks(lang: "fr" | "en" = "en"): Promise<{ packs: string[]; lines: string[] }> {
  const dir = tempDir();
  const books = [
    { file: SAMPLE, lines: [] as string[] },
    await sampleWithCuts(path.join(dir, "nov.xlsx"), 3),
    await sampleWithCuts(path.join(dir, "dec.xlsx"), 8),
  ];
  const packs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const pack = path.join(dir, `pack-${MONTH_ENDS[i]}`);
    const history = packs.flatMap((p) => ["--history", p]);
    const r = await run(["check", books[i].file, "--as-of", MONTH_ENDS[i], "--evidence", pack, "--lang", lang, ...history]);
    if (r.code === 2) throw new Error(r.stderr);
    packs.push(pack);
  }
  return { packs, lines: books[2].lines };
}
