import {
  amountsMayLower,
  type FundInput,
  type PreparedWorkbook,
} from "./check";
import type { Diagnostic, Holding, WorkbookModel } from "./model";
import { recordEdit } from "./fund-columns";
import { lengthOf, slotOf } from "./patched-array";

/**
 * The preparation of a model in which only some holdings changed (the same rows, read again
 * after an edit), and the indexes of the funds whose inputs changed: every other fund's report
 * stays valid as it is. Undefined when an edit may move a row to another fund, or changes the
 * workbook's own diagnostics (a fundId edited, a row that no fund takes), or when a register
 * table changed: the caller prepares the model again in full.
 */
export function updatePrepared(
  previous: PreparedWorkbook,
  model: WorkbookModel,
  changed: readonly number[],
): { prepared: PreparedWorkbook; affected: number[] } | undefined {
  if (
    model.funds !== previous.model.funds ||
    model.holders !== previous.model.holders ||
    model.orders !== previous.model.orders ||
    model.registers?.subscribers !== previous.model.registers?.subscribers ||
    model.registers?.offers !== previous.model.registers?.offers ||
    model.registers?.trades !== previous.model.registers?.trades ||
    model.holdingsAbsent !== previous.model.holdingsAbsent ||
    lengthOf(model, "holdings") !== lengthOf(previous.model, "holdings")
  )
    return undefined;
  const inputs = previous.inputs.slice();
  /** The changed funds (by input index), with the slots of their holdings that changed. */
  const copied = new Map<number, number[]>();
  /** copied's keys, in the order first met (one fund, most often: no array made from the map). */
  const affected: number[] = [];
  /** The funds (by input index) whose rows' diagnostics changed; made when one does. */
  let rows: Map<number, Holding> | undefined;
  // Indexed: an iterator per call in code not yet compiled (an edit's first hundred re-checks).
  for (let c = 0; c < changed.length; c++) {
    const k = changed[c];
    // Slot by slot: the edited model's holdings are not copied whole (patched-array.ts).
    const before = slotOf<Holding>(previous.model, "holdings", k);
    const after = slotOf<Holding>(model, "holdings", k);
    if (before === after) continue;
    if (
      before.fundId !== after.fundId ||
      before.invalid.has("fundId") !== after.invalid.has("fundId") ||
      before.row !== after.row
    )
      return undefined;
    const i = previous.inputOfHolding[k];
    if (i < 0) {
      // A row no fund takes: its diagnostics are the workbook's own, and whether its amount could
      // lower a sum is every fund's (withoutFund.holdingsMayLower).
      if (
        rowDiagnosticsChanged(previous.model, model, after.row) ||
        amountsMayLower(before) !== amountsMayLower(after)
      )
        return undefined;
      continue;
    }
    let slots = copied.get(i);
    if (!slots) {
      copied.set(i, (slots = []));
      affected.push(i);
      // Object.assign, not a spread followed by a key: Node 20's V8 builds `{ ...a, k: v }` on a slow path.
      inputs[i] = Object.assign({}, inputs[i], {
        holdings: inputs[i].holdings.slice(),
      });
    }
    const slot = previous.slotOfHolding[k];
    inputs[i].holdings[slot] = after;
    slots.push(slot);
    if (rowDiagnosticsChanged(previous.model, model, after.row))
      (rows ??= new Map()).set(i, after);
  }
  // By the affected funds' indexes (copied's keys): no callback nor iterator per fund.
  for (let a = 0; a < affected.length; a++) {
    const i = affected[a];
    if (rows?.has(i))
      inputs[i] = Object.assign({}, inputs[i], {
        rowDiagnostics: fundRowDiagnostics(inputs[i], model),
      });
    // The fund's columns are patched from the previous version's (fund-columns.ts).
    recordEdit(inputs[i].holdings, previous.inputs[i].holdings, copied.get(i)!);
  }
  return {
    prepared: Object.assign({}, previous, { model, inputs }),
    affected: affected.length > 1 ? affected.sort(byIndex) : affected,
  };
}

const byIndex = (a: number, b: number) => a - b;

function rowDiagnosticsChanged(
  before: WorkbookModel,
  after: WorkbookModel,
  row: number,
): boolean {
  if (before.diagnostics === after.diagnostics) return false;
  const of = (m: WorkbookModel) =>
    m.diagnostics.filter((d) => d.table === "Holdings" && d.row === row);
  const a = of(before);
  const b = of(after);
  return a.length !== b.length || a.some((d, i) => d !== b[i]);
}

/**
 * The reader's diagnostics on the fund's rows, in the model's order (as check.ts files them):
 * its Funds row's and its Holders rows' are unchanged, its Holdings rows' are taken again.
 */
function fundRowDiagnostics(
  input: FundInput,
  model: WorkbookModel,
): Diagnostic[] {
  const rows = new Set(input.holdings.map((h) => h.row));
  const kept = input.rowDiagnostics.filter((d) => d.table !== "Holdings");
  const holdings = model.diagnostics.filter(
    (d) => d.table === "Holdings" && rows.has(d.row),
  );
  // The model lists Funds, then Holdings, then Holders diagnostics.
  return [
    ...kept.filter((d) => d.table === "Funds"),
    ...holdings,
    ...kept.filter((d) => d.table === "Holders"),
  ];
}
