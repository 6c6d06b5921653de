// What 1,000 =QUOTA.* cells cost in the streaming design: every cell answers from the one
// workbook model; an edit costs one check of the workbook, then one look-up per cell.
import { checkWorkbook } from "../src/engine/check";
import { WorkbookModelStore } from "../src/excel/workbook-model";
import * as QUOTA from "../src/functions/functions";
import { readWorkbook } from "../src/workbook/read-workbook";
import { tableFromValues } from "../src/workbook/range-grid";
import {
  type Call,
  callStreaming,
  cell,
  literal,
} from "../test/excel-host/custom-functions";
import { excelHost, installWorkbookModel } from "../src/excel/workbook-model";
import { enableEvents } from "../test/excel-host/events";
import { workbookWithHoldings } from "../test/excel-host/workbooks";
import { performance } from "node:perf_hooks";
import { fundsGrid, holdingsGrid, type Row } from "./data";
import { round, timeMedian } from "./timing";

const RULES = ["FCPR-Q50", "FCPR-CCA15", "FCPR-B20"];
const FUNCTIONS = [QUOTA.ratio, QUOTA.status, QUOTA.headroom];
const AS_OF = "2025-12-31";

export interface RecalcResult {
  cells: number;
  rows: number;
  /** One edit: the model checks the workbook once and all cells answer again. */
  afterEditMs: number;
  /** Baseline, same process: one readWorkbook → checkWorkbook of the same tables (what the CLI runs). */
  oneCheckMs: number;
  /** afterEdit ÷ oneCheck: what the 1,000 cells add to one check of the workbook. */
  ratioToOneCheck: number;
  /** Cells answering from the model when nothing changed but the date: a second as-of is checked without re-reading. */
  secondAsOfMs: number;
  /** Answers set per cell over all the edits (1 each: a cell whose value did not change is not set again). */
  resultsPerCellPerEdit: number;
}

function tables(funds: Row[], holdings: Row[]) {
  return {
    tables: {
      Funds: tableFromValues("Funds", funds),
      Holdings: tableFromValues("Holdings", holdings),
    },
    locations: {},
  };
}

export function benchRecalc(
  cells = 1000,
  rows = 10_000,
  fundCount = 10,
): RecalcResult {
  const funds = fundsGrid(fundCount);
  const holdings = holdingsGrid(rows, fundCount);
  const model = new WorkbookModelStore({
    run: () => Promise.reject(new Error("the bench reads no workbook")),
  });
  const previous = installWorkbookModel(model);
  model.load(tables(funds, holdings));

  const calls: Call[] = [];
  const open = (asOf: string) => {
    for (const c of calls.splice(0)) c.cancel();
    for (let i = 0; i < cells; i++) {
      const fn = FUNCTIONS[i % 3];
      calls.push(
        callStreaming(
          fn,
          [
            literal(RULES[Math.floor(i / 3) % 3]),
            cell(`F${(i % fundCount) + 1}`),
            literal(asOf),
          ],
          { platform: "desktop" },
        ),
      );
    }
  };
  open(AS_OF);

  // One edit between two answers: fund F1's first position's cost moves, so F1's cells change.
  let bump = 0;
  let edits = 0;
  const before = calls.reduce((n, c) => n + c.results.length, 0);
  const afterEditMs = timeMedian(
    () => {
      model.load(tables(funds, holdings));
    },
    5,
    () => {
      // A new row, as each read from Excel gives new rows: the model compares the two reads.
      holdings[1] = holdings[1].slice();
      holdings[1][5] = (holdings[1][5] as number) + 1000 * ++bump;
      edits++;
    },
  );
  const after = calls.reduce((n, c) => n + c.results.length, 0);
  const oneCheckMs = timeMedian(() => {
    checkWorkbook(readWorkbook(tables(funds, holdings).tables), {
      asOf: AS_OF,
    });
  }, 5);
  const secondAsOfMs = timeMedian(
    () => open(`2025-0${6 + (edits++ % 3)}-30`),
    3,
  );
  for (const c of calls) c.cancel();
  installWorkbookModel(previous);

  return {
    cells,
    rows,
    afterEditMs: round(afterEditMs),
    oneCheckMs: round(oneCheckMs),
    ratioToOneCheck: round(afterEditMs / oneCheckMs, 2),
    secondAsOfMs: round(secondAsOfMs),
    resultsPerCellPerEdit: round((after - before) / cells / 5, 2),
  };
}

if (require.main === module) {
  console.log(benchRecalc());
  void benchEditThroughHost().then((r) => console.log(r));
}

export interface HostEditResult {
  holdings: number;
  /** The model's first read and check through Microsoft's Excel client and the strict host. */
  firstReadMs: number;
  /** From a user's edit in Holdings to the streaming cell's new value: event, re-read, check, answer (no pause). */
  editToAnswerMs: number;
  /** Baseline, same process: one readWorkbook → checkWorkbook of the same cells. */
  oneCheckMs: number;
  requestsPerRead: number;
  maxResponseBytes: number;
}

/** The same edit end to end, through the real office-js client answered by the strict host. */
export async function benchEditThroughHost(
  holdings = 10_000,
  cells = 1000,
): Promise<HostEditResult> {
  const host = (await workbookWithHoldings(holdings)).install();
  const events = enableEvents(host);
  const model = new WorkbookModelStore(excelHost, 0);
  const previous = installWorkbookModel(model);
  try {
    let t0 = performance.now();
    await model.start();
    const firstReadMs = performance.now() - t0;
    const report = model.current().workbook!.report(AS_OF);
    const fcpr = report.funds.filter(
      (f) => f.fundType === "FCPR" && f.rules[0].status !== "incomplete",
    );
    const calls: Call[] = [];
    for (let i = 0; i < cells; i++)
      calls.push(
        callStreaming(
          FUNCTIONS[i % 3],
          [
            literal(RULES[Math.floor(i / 3) % 3]),
            cell(fcpr[i % fcpr.length].fundId),
            literal(AS_OF),
          ],
          { platform: "web" },
        ),
      );
    const table = host.workbook.table("Holdings");
    const values = table.sheet.values(table.bodyRect);
    const [fundCol, classCol, costCol] = [
      "fundId",
      "assetClass",
      "costValue",
    ].map((h) => table.columnIndex(h));
    const row = values.findIndex(
      (r) =>
        r[fundCol] === fcpr[0].fundId &&
        r[classCol] === "EQUITY" &&
        typeof r[costCol] === "number",
    );
    const cost = values[row][costCol] as number;
    const times: number[] = [];
    let requests = 0;
    for (let k = 1; k <= 3; k++) {
      const next = calls[0].next();
      const before = host.requests.length;
      t0 = performance.now();
      events.editTableCell("Holdings", row, "costValue", cost - k * 100_000);
      await next;
      await model.settled();
      times.push(performance.now() - t0);
      requests = host.requests.length - before;
    }
    for (const c of calls) c.cancel();
    times.sort((a, b) => a - b);
    const read = model.current().read!;
    const oneCheckMs = timeMedian(() => {
      checkWorkbook(readWorkbook(read.tables), { asOf: AS_OF });
    }, 3);
    return {
      holdings,
      firstReadMs: round(firstReadMs),
      editToAnswerMs: round(times[1]),
      oneCheckMs: round(oneCheckMs),
      requestsPerRead: requests,
      maxResponseBytes: host.maxResponseBytes(),
    };
  } finally {
    installWorkbookModel(previous);
    host.uninstall();
  }
}
