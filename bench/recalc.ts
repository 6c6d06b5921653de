// Recalculation of many =QUOTA.* cells over one Holdings table.
import { quotaHeadroom, quotaRatio, quotaStatus } from "../src/functions/formulas";
import { clearModelCache } from "../src/functions/model-cache";
import { quotaWorkbook } from "../test/helpers/hyperformula-quota";
import { fundsGrid, holdingsGrid, type Row } from "./data";
import { round, timeMedian } from "./timing";

const RULES = ["FCPR-Q50", "FCPR-CCA15", "FCPR-B20"];
const FUNCTIONS = [quotaRatio, quotaStatus, quotaHeadroom];
const NAMES = ["QUOTA.RATIO", "QUOTA.STATUS", "QUOTA.HEADROOM"];
const AS_OF = "2025-12-31";

export interface RecalcResult {
  cells: number;
  rows: number;
  firstCalcMs: number;
  recalcAfterEditMs: number;
  uncachedPerCallMs: number;
  cachedPerCallMs: number;
  cacheSpeedup: number;
  hyperformulaCells: number;
  hyperformulaBuildMs: number;
  hyperformulaRecalcMs: number;
}

function callAll(cells: number, funds: Row[], holdings: Row[], fundCount: number): void {
  for (let i = 0; i < cells; i++) {
    const fn = FUNCTIONS[i % 3];
    try {
      fn(RULES[Math.floor(i / 3) % 3], `F${(i % fundCount) + 1}`, funds, holdings, AS_OF);
    } catch {
      // an #N/A cell is a result like any other
    }
  }
}

export function benchRecalc(cells = 1000, rows = 10_000, fundCount = 10, hyperformulaCells = 100): RecalcResult {
  const funds = fundsGrid(fundCount);
  const holdings = holdingsGrid(rows, fundCount);

  // Each call gets the ranges' values as the host passes them; the cache matches them by content.
  const firstCalcMs = timeMedian(() => callAll(cells, funds, holdings, fundCount), 3, clearModelCache);
  let bump = 0;
  const recalcAfterEditMs = timeMedian(
    () => callAll(cells, funds, holdings, fundCount),
    3,
    () => {
      callAll(cells, funds, holdings, fundCount);
      holdings[5][5] = (holdings[5][5] as number) + ++bump; // one edit between two recalculations
    }
  );
  const sample = 30;
  const uncachedPerCallMs =
    timeMedian(() => {
      for (let i = 0; i < sample; i++) {
        clearModelCache();
        callAll(1, funds, holdings, fundCount);
      }
    }, 3) / sample;
  const cachedPerCallMs = recalcAfterEditMs / cells;

  // The same formulas in a spreadsheet engine, which also marshals the ranges for every call.
  const formulas: string[][] = [];
  for (let i = 0; i < hyperformulaCells; i++) {
    formulas.push([`=${NAMES[i % 3]}("${RULES[Math.floor(i / 3) % 3]}","F${(i % fundCount) + 1}",Funds!A1:H${fundCount + 1},Holdings!A1:O${rows + 1},"${AS_OF}")`]);
  }
  clearModelCache();
  let hf: ReturnType<typeof quotaWorkbook> | undefined;
  const hyperformulaBuildMs = timeMedian(() => {
    hf?.destroy();
    hf = quotaWorkbook({ Funds: funds, Holdings: holdings, Sheet1: formulas });
  }, 1);
  const holdingsSheet = hf!.getSheetId("Holdings")!;
  const hyperformulaRecalcMs = timeMedian(() => hf!.setCellContents({ sheet: holdingsSheet, row: 5, col: 5 }, [[123456.78 + Math.random()]]), 1);
  hf!.destroy();

  return {
    cells,
    rows,
    firstCalcMs: round(firstCalcMs),
    recalcAfterEditMs: round(recalcAfterEditMs),
    uncachedPerCallMs: round(uncachedPerCallMs, 2),
    cachedPerCallMs: round(cachedPerCallMs, 3),
    cacheSpeedup: round(uncachedPerCallMs / cachedPerCallMs, 1),
    hyperformulaCells,
    hyperformulaBuildMs: round(hyperformulaBuildMs),
    hyperformulaRecalcMs: round(hyperformulaRecalcMs),
  };
}

if (require.main === module) console.log(benchRecalc());
