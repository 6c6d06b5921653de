import type {
  Diagnostic,
  Fund,
  Holder,
  Holding,
  Order,
  TableName,
  WorkbookModel,
} from "../engine/model";
import {
  FUNDS_SPEC,
  HOLDERS_SPEC,
  HOLDINGS_SPEC,
  ORDERS_SPEC,
  TABLE_SPECS,
} from "./columns";
import { holdingFromValues } from "./holding-record";
import type { RawTable } from "./grid";
import {
  type ReadRow,
  readTable,
  type TableReader,
  valuesByName,
} from "./read-table";
import { registersOf } from "./read-registers";
import { readHoldingsColumns } from "./read-columns";

/**
 * Turns the workbook's Funds, Holdings and Holders grids into the engine's model. The Excel
 * adapter and the xlsx reader both call this with the same grids, so both read alike.
 */
export function readWorkbook(
  tables: Partial<Record<TableName, RawTable>>,
): WorkbookModel {
  return readWorkbookParts(tables).model;
}

/**
 * A read of the workbook with what re-reading a few of its Holdings rows needs: the model's
 * diagnostics are the Funds, Holdings and Holders tables' own, then the workbook's, in that order.
 */
export interface WorkbookReading {
  tables: Partial<Record<TableName, RawTable>>;
  model: WorkbookModel;
  /** The Holdings table's diagnostics (its header's, then its rows' in row order). */
  holdingsDiagnostics: Diagnostic[];
  /** The model's diagnostics before and after the Holdings table's. */
  diagnosticsBefore: Diagnostic[];
  diagnosticsAfter: Diagnostic[];
  /** The Holdings header matched, to re-read one of its rows (when the table has one). */
  holdingsReader?: TableReader;
}

export function readWorkbookParts(
  tables: Partial<Record<TableName, RawTable>>,
): WorkbookReading {
  const diagnostics: Diagnostic[] = [];
  const read = (name: TableName) => {
    const raw = tables[name];
    if (!raw) return undefined;
    const result = readTable(raw, TABLE_SPECS[name]);
    // One by one: spreading ~100,000 diagnostics as arguments overflows the call stack.
    for (const d of result.diagnostics) diagnostics.push(d);
    return result;
  };

  const fundsRead = read("Funds");
  const beforeHoldings = diagnostics.length;
  // The largest table by far: read column by column (read-columns.ts), to the same holdings.
  const holdingsRead = tables.Holdings
    ? readHoldingsColumns(tables.Holdings, basesUnnamed(fundsRead?.rows))
    : undefined;
  if (holdingsRead)
    for (const d of holdingsRead.diagnostics) diagnostics.push(d);
  const afterHoldings = diagnostics.length;
  const holdersRead = read("Holders");
  const ordersRead = read("Orders");
  const registerReads: Partial<Record<TableName, ReturnType<typeof read>>> = {};
  const registers = registersOf((name) => {
    registerReads[name] = read(name);
    return registerReads[name];
  }, tables);
  // A register workbook needs neither Funds nor Holdings (WORKBOOK-FORMAT-REGISTERS §1).
  if (!fundsRead && !registers) diagnostics.push(missingTable("Funds"));
  if (!holdingsRead) {
    if (!registers) diagnostics.push(missingTable("Holdings"));
  } else if (holdingsRead.holdings.length === 0)
    diagnostics.push({
      severity: "warning",
      table: "Holdings",
      sheet: tables.Holdings?.sheet,
      row: tables.Holdings?.headerRowNumber ?? 0,
      message:
        "The Holdings table has no rows: every fund is checked with no position.",
      code: "holdings-empty",
      facts: {},
    });

  const funds: Fund[] = [];
  for (const r of fundsRead?.rows ?? []) {
    const fund = toFund(r);
    if (fund) funds.push(fund);
    else if (!r.invalid.has("fundId")) {
      diagnostics.push({
        severity: "error",
        table: "Funds",
        sheet: tables.Funds?.sheet,
        row: r.row,
        column: "fundId",
        message: "This row of Funds has no fundId; it cannot be checked.",
        code: "fund-row-without-id",
        facts: {},
      });
    }
  }
  const holdings = holdingsRead?.holdings ?? [];
  const holders = (holdersRead?.rows ?? []).map(toHolder);
  const orders = ordersRead ? ordersRead.rows.map(toOrder) : undefined;
  const sources: WorkbookModel["sources"] = {};
  if (fundsRead) sources.Funds = fundsRead.source;
  if (holdingsRead) sources.Holdings = holdingsRead.source;
  if (holdersRead) sources.Holders = holdersRead.source;
  if (ordersRead) sources.Orders = ordersRead.source;
  const model: WorkbookModel = {
    funds,
    holdings,
    holders,
    diagnostics,
    sources,
  };
  // Only a workbook with an Orders table carries orders: without it, SCPI-SELL10 is not reported.
  if (orders) model.orders = orders;
  if (registers) {
    for (const [name, r] of Object.entries(registerReads))
      if (r) sources[name as TableName] = r.source;
    model.registers = registers;
    if (!holdingsRead) model.holdingsAbsent = true;
  }
  return {
    tables,
    model,
    diagnosticsBefore: diagnostics.slice(0, beforeHoldings),
    holdingsDiagnostics: diagnostics.slice(beforeHoldings, afterHoldings),
    diagnosticsAfter: diagnostics.slice(afterHoldings),
    holdingsReader: holdingsRead?.reader,
  };
}

const BASIS_COLUMNS = { COST: "costValue", FAIR: "fairValue" } as const;
const NONE_IN_PLACE: ReadonlySet<string> = new Set();

/**
 * The basis amount columns no fund names as its basis (the fair values when every fund's basis is
 * COST): the Holdings reader leaves them in the grid until a rule reads them, so that a check
 * that never does never makes them. Only a guess of what the check reads (a fund whose type reads
 * fair values whatever its basis makes them when asked): none when a fund's basis is blank or
 * unreadable, since it then depends on the fund's type and subscriptions.
 */
function basesUnnamed(
  funds: readonly ReadRow[] | undefined,
): ReadonlySet<string> {
  if (!funds || funds.length === 0) return NONE_IN_PLACE;
  const unnamed = new Set<string>(Object.values(BASIS_COLUMNS));
  for (const r of funds) {
    const basis = valuesByName(FUNDS_SPEC, r).basis;
    if (basis !== "COST" && basis !== "FAIR") return NONE_IN_PLACE;
    unnamed.delete(BASIS_COLUMNS[basis]);
  }
  return unnamed;
}

function missingTable(name: TableName): Diagnostic {
  return {
    severity: "error",
    table: name,
    row: 0,
    message: `No ${name} table was found: add an Excel table named ${name}, or a sheet named ${name} whose first non-empty row holds the headers.`,
    code: "table-missing",
    facts: { table: name },
  };
}

/** The reader only assigns values its parsers produced for that column, so the casts below hold. */
function toFund(r: ReadRow): Fund | undefined {
  const v = valuesByName(FUNDS_SPEC, r);
  if (typeof v.fundId !== "string" || v.fundId === "") return undefined;
  return {
    ...(v as Partial<Fund>),
    fundId: v.fundId,
    row: r.row,
    invalid: r.invalid,
    overseasZone: v.overseasZone === true,
    isSicav: v.isSicav === true,
    liquidLabel: v.liquidLabel === true,
  };
}

/**
 * A holding from its row's values. The record is built by `holdingFromValues`, generated from
 * HOLDINGS_SPEC as one object literal (so every holding has the same shape and reading 100,000
 * rows stays fast); the typecheck holds it to the Holding type.
 */
export function toHolding(r: ReadRow): Holding {
  const h = holdingFromValues(r);
  // Blank ids: no fund named, the worksheet row as the line, no issuer to group on.
  h.fundId ||= undefined;
  h.lineId ||= String(r.row);
  h.issuerId ||= undefined;
  h.masterStrategy ||= undefined;
  return h;
}

/** The Holdings columns in the order of HOLDINGS_SPEC: the order of each row's values. */
export const HOLDING_ORDER: readonly string[] = HOLDINGS_SPEC.columns.map(
  (c) => c.name,
);

function toOrder(r: ReadRow): Order {
  return {
    ...(valuesByName(ORDERS_SPEC, r) as Partial<Order>),
    row: r.row,
    invalid: r.invalid,
  };
}

function toHolder(r: ReadRow): Holder {
  return {
    ...(valuesByName(HOLDERS_SPEC, r) as Partial<Holder>),
    row: r.row,
    invalid: r.invalid,
  };
}
