// The engine as the product runs it: the compiled modules of dist/node (tsc's CommonJS, what
// `fund-quota` loads), built by `npm run bench` before it starts. The bench's own files run
// through tsx, whose CommonJS reads each imported function through a getter at each use, which
// neither the command line nor the add-in's bundle does. Through tsx, an edit's first hundred
// re-checks (code V8 has not compiled yet) took 53.9–62.5 µs each, against 46.0–47.8 µs for
// the build (docs/performance.md, runs of 2026-12-04 from 17:10 UTC).
// Every engine and workbook function a section uses comes from here, all from the same build:
// a table made by one build's tableFromValues is read in place only by that build's reader.
import { existsSync } from "node:fs";
import path from "node:path";
import type * as Check from "../src/engine/check";
import type * as Context from "../src/engine/fund-context";
import type * as Reconciliation from "../src/engine/reconciliation";
import type * as Registry from "../src/engine/rules/registry";
import type * as Checked from "../src/workbook/checked-workbook";
import type * as RangeGrid from "../src/workbook/range-grid";
import type * as ReadWorkbook from "../src/workbook/read-workbook";

const built = path.join(__dirname, "..", "dist", "node");
if (!existsSync(path.join(built, "engine", "check.js")))
  throw new Error(
    `The bench times the compiled engine, and ${built} has none: run \`npm run build:node\` (npm run bench does).`,
  );

/** A module of the compiled engine, typed as its source. */
function compiled<T>(module: string): T {
  return require(path.join(built, module)) as T;
}

export const { checkWorkbook, explainPositions } =
  compiled<typeof Check>("engine/check");
export const { FundContext } = compiled<typeof Context>("engine/fund-context");
export const { reconcileRules } = compiled<typeof Reconciliation>(
  "engine/reconciliation",
);
export const { familyFor } = compiled<typeof Registry>("engine/rules/registry");
export const { CheckedWorkbook } = compiled<typeof Checked>(
  "workbook/checked-workbook",
);
export const { tableFromValues } = compiled<typeof RangeGrid>(
  "workbook/range-grid",
);
export const { readWorkbook } = compiled<typeof ReadWorkbook>(
  "workbook/read-workbook",
);
