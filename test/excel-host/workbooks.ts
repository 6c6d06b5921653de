import { sampleSheets } from "../helpers/sample-sheets";
import { createExcelHost, type ExcelHost, type HostOptions } from "./host";
import type { HostCell, HostTable } from "./workbook";

type Grid = (string | number | boolean | null)[][];

let sample: Promise<Record<string, Grid>> | undefined;
/** The bundled sample's sheets (examples/sample-funds.xlsx), read once per test file. */
export function sampleGrids(): Promise<Record<string, Grid>> {
  sample ??= sampleSheets();
  return sample;
}

export interface HoldingsWorkbookOptions extends HostOptions {
  /** Write the three tables as Excel tables (default) or as plain sheets. */
  as?: "tables" | "sheets";
  /** Build the workbook in the 1904 date system: every date serial is 1,462 smaller. */
  date1904?: boolean;
  /** A totals row under Holdings (an Excel totals row for tables, a "Total" row for sheets). */
  totalsRow?: boolean;
}

const DATE_COLUMNS = new Set([
  "constitutionDate",
  "firstYearEnd",
  "listingDate",
  "investmentDate",
]);

/**
 * A workbook with exactly `holdings` Holdings rows, made of copies of the sample: copy k renames
 * every fund, line, issuer and master id with the suffix `~k`, so each copy is an independent set
 * of funds whose ratios equal the sample's (the last copy may be partial). Funds and Holders are
 * copied along.
 */
export async function holdingsRows(
  holdings: number,
  date1904 = false,
): Promise<Record<"Funds" | "Holdings" | "Holders", Grid>> {
  const s = await sampleGrids();
  const body = (g: Grid) => g.slice(1);
  const per = body(s.Holdings).length;
  const copies = Math.max(1, Math.ceil(holdings / per));
  const suffix = (k: number) => (k === 0 ? "" : `~${k}`);
  const rename = (header: Grid[0], k: number, row: Grid[0]) =>
    row.map((v, i) => {
      const h = String(header[i]);
      if (typeof v === "number" && date1904 && DATE_COLUMNS.has(h))
        return v - 1462;
      if (v === null || v === "" || k === 0) return v;
      return ["fundId", "lineId", "issuerId", "masterId", "holderId"].includes(
        h,
      )
        ? `${String(v)}${suffix(k)}`
        : v;
    });
  const out = {
    Funds: [s.Funds[0]],
    Holdings: [s.Holdings[0]],
    Holders: [s.Holders[0]],
  } as Record<"Funds" | "Holdings" | "Holders", Grid>;
  for (let k = 0; k < copies; k++) {
    for (const name of ["Funds", "Holders"] as const)
      for (const row of body(s[name]))
        out[name].push(rename(s[name][0], k, row));
    for (const row of body(s.Holdings)) {
      if (out.Holdings.length > holdings) break;
      out.Holdings.push(rename(s.Holdings[0], k, row));
    }
  }
  return out;
}

/** A host whose workbook holds Funds, Holdings (N rows) and Holders, as tables or plain sheets. */
export async function workbookWithHoldings(
  holdings: number,
  options: HoldingsWorkbookOptions = {},
): Promise<ExcelHost> {
  const host = createExcelHost(options);
  const wb = host.workbook;
  wb.date1904 = options.date1904 ?? false;
  const grids = await holdingsRows(holdings, wb.date1904);
  for (const name of ["Funds", "Holdings", "Holders"] as const) {
    const rows = grids[name] as HostCell[][];
    const sheet = wb.addSheet(name, rows);
    if ((options.as ?? "tables") === "tables") {
      const t: HostTable = wb.addTable(
        sheet,
        { r0: 0, c0: 0, r1: rows.length - 1, c1: rows[0].length - 1 },
        name,
      );
      if (name === "Holdings" && options.totalsRow) {
        t.showTotals = true;
        sheet.setCell(rows.length, 0, "Total");
        sheet.setCell(rows.length, 5, 123456789);
      }
    } else if (name === "Holdings" && options.totalsRow) {
      sheet.setCell(rows.length, 0, "Total");
      sheet.setCell(rows.length, 5, 123456789);
    }
  }
  return host;
}
