// What 1,000 =QUOTA.* cells cost in the streaming design: every cell answers from the one
// workbook model; an edit costs one check of the workbook, then one look-up per cell.
import { checkWorkbook } from "../src/engine/check";
import { WorkbookModelStore } from "../src/excel/workbook-model";
import * as QUOTA from "../src/functions/functions";
import { readWorkbook } from "../src/workbook/read-workbook";
import { tableFromValues } from "../src/workbook/range-grid";
import { type Call, callStreaming, cell, literal } from "../test/excel-host/custom-functions";
import { installWorkbookModel } from "../src/excel/workbook-model";
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
    tables: { Funds: tableFromValues("Funds", funds), Holdings: tableFromValues("Holdings", holdings) },
    locations: {},
  };
}

export function benchRecalc(cells = 1000, rows = 10_000, fundCount = 10): RecalcResult {
  const funds = fundsGrid(fundCount);
  const holdings = holdingsGrid(rows, fundCount);
  const model = new WorkbookModelStore({ run: () => Promise.reject(new Error("the bench reads no workbook")) });
  const previous = installWorkbookModel(model);
  model.load(tables(funds, holdings));

  const calls: Call[] = [];
  const open = (asOf: string) => {
    for (const c of calls.splice(0)) c.cancel();
    for (let i = 0; i < cells; i++) {
      const fn = FUNCTIONS[i % 3];
      calls.push(callStreaming(fn, [literal(RULES[Math.floor(i / 3) % 3]), cell(`F${(i % fundCount) + 1}`), literal(asOf)], { platform: "desktop" }));
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
      holdings[1][5] = (holdings[1][5] as number) + 1000 * ++bump;
      edits++;
    }
  );
  const after = calls.reduce((n, c) => n + c.results.length, 0);
  const oneCheckMs = timeMedian(() => {
    checkWorkbook(readWorkbook(tables(funds, holdings).tables), { asOf: AS_OF });
  }, 5);
  const secondAsOfMs = timeMedian(() => open(`2025-0${6 + (edits++ % 3)}-30`), 3);
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

if (require.main === module) console.log(benchRecalc());
