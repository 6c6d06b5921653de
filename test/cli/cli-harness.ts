import ExcelJS from "exceljs";
import path from "node:path";
import { type CliIo, main } from "../../src/cli/fund-quota";
import { type Rows, addSheet, save } from "../helpers/xlsx";

/** Runs the command in this process, in English unless the environment given says otherwise. */
export async function run(args: string[], io: Partial<CliIo> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTty: false,
    env: { LANG: "C" },
    ...io,
  });
  const lines = stdout.trimEnd().split("\n");
  return { code, stdout, stderr, last: lines[lines.length - 1] };
}

export const FUNDS = ["fundId", "fundName", "fundType", "constitutionDate", "firstYearEnd", "paidUpSubscriptions", "warningMargin"];
export const HOLDINGS = ["fundId", "assetClass", "costValue"];

/** An FCPR inside its quota window on 2025-12-31, over 100 EUR paid up, no warning margin. */
export const fund = (id: string) => [id, `Fund ${id}`, "FCPR", "2022-01-01", "2022-12-31", 100, 0];

/** Holdings that keep every rule of `fund(id)` met: 60 % unlisted equity, 40 % cash. */
export const compliant = (id: string): Rows => [
  [id, "EQUITY", 60],
  [id, "CASH", 40],
];

/** Holdings that break the 50 % quota of `fund(id)`: 30 % unlisted equity. */
export const short = (id: string): Rows => [
  [id, "EQUITY", 30],
  [id, "CASH", 70],
];

/** A workbook of plain sheets named Funds and Holdings (headers on the first row). */
export async function workbook(dir: string, name: string, funds: Rows, holdings: Rows): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "Funds", 1, [FUNDS, ...funds]);
  addSheet(wb, "Holdings", 1, [HOLDINGS, ...holdings]);
  return save(wb, path.join(dir, name));
}

/** Any workbook, built by the caller. */
export async function custom(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return save(wb, path.join(dir, name));
}
