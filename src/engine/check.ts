import type { IsoDate } from "./dates";
import { idKey } from "./id-key";
import type { Dec } from "./decimal";
import { FundContext, type RowsWithoutFund } from "./fund-context";
import { type Coded, FundColumns } from "./fund-columns";
import type {
  CodeArray,
  Diagnostic,
  Fund,
  Holder,
  Holding,
  Order,
  WorkbookModel,
} from "./model";
import type {
  FundReport,
  PositionOutcome,
  Report,
  ReportSummary,
  RuleResult,
} from "./result";
import type { IssuerReport } from "./registers/types";
import { worstStatus } from "./result";
import { reconcileRules } from "./reconciliation";
import { isMeasured, reportUnplacedRows, settle } from "./measures";
import { FUND_LEVEL_RULES } from "./rules/livre2/definitions";
import {
  type Reason,
  type ReasonCode,
  type ReasonFacts,
  reason,
} from "./reasons";
import { coded } from "../present/english";
import { familyFor } from "./rules/registry";
import { attachLaw } from "./law-of-results";
import { checkRegisters, isRegisterTable } from "./registers/check-registers";
import type { RegisterSettings } from "./registers/types";

export interface CheckOptions {
  asOf: IsoDate;
  /** Include every position's outcome in the report (and each rule's reconciliation). */
  positions?: boolean;
  /** Include each rule's reconciliation, from the fund's holdings to numerator and denominator. */
  reconciliation?: boolean;
  /** Warning margin for funds that leave theirs blank (default 2 points). */
  defaultWarningMargin?: Dec;
  /** Readings of the register texts (the "soit … soit" of RG AMF 516-2 2° a) and c)). */
  registers?: RegisterSettings;
}

/** A diagnostic's code and facts, with its English message made from them. */
const why = <C extends ReasonCode>(code: C, facts: ReasonFacts[C]) =>
  coded(reason(code, facts) as Reason & { code: C; facts: ReasonFacts[C] });

/**
 * Where a diagnostic points, as the user sees the workbook: the header text the user wrote for
 * its column, its sheet and its cell, so every face names the user's own header (never only the
 * canonical column) and can select the cell. The reader's diagnostics already say so.
 */
function locate(
  d: Diagnostic,
  sources: NonNullable<WorkbookModel["sources"]>,
): void {
  const source = sources[d.table];
  if (!source) return;
  d.sheet ??= source.sheet;
  if (d.column === undefined) return;
  const header = source.headers[d.column];
  if (d.header === undefined && header !== undefined && header !== d.column)
    d.header = header;
  const letter = source.letters[d.column];
  if (d.cell === undefined && letter !== undefined && d.row > 0)
    d.cell = `${letter}${d.row}`;
}

/** Runs every rule of every fund of the workbook and builds the contract's report. */
export function checkWorkbook(
  model: WorkbookModel,
  options: CheckOptions,
): Report {
  const prepared = prepareWorkbook(model);
  return finishReport(
    prepared,
    prepared.inputs.map((input) => checkInput(input, options)),
    options,
  );
}

const NO_ROWS: readonly number[] = [];

/** Everything checkFund needs about one fund, as the workbook's rows assign it. */
export interface FundInput {
  fund: Fund;
  holdings: Holding[];
  /** The reader's diagnostics on this fund's rows, in the model's order. */
  rowDiagnostics: Diagnostic[];
  /** The `info` diagnostics of rows whose fundId matched this fund only ignoring case or spaces. */
  matchDiagnostics: Diagnostic[];
  duplicateRows?: number[];
  holders: Holder[];
  /** Where the tables were read from, so diagnostics name the user's own header and cell. */
  sources?: WorkbookModel["sources"];
  /** The fund's pending orders; undefined when the workbook has no Orders table. */
  orders?: Order[];
  /** False when Holdings is absent beside a register table: no portfolio rule is run. */
  portfolio?: boolean;
  /** The workbook's rows that no fund takes: any fund's they may be (shared by every input). */
  withoutFund?: RowsWithoutFund;
}

/**
 * The workbook's rows assigned to their funds, once per version of the model: checking it on
 * any date gives checkWorkbook's report, and an edit to a few holdings updates only their funds.
 */
export interface PreparedWorkbook {
  model: WorkbookModel;
  /** One per fund checked, in the report's order. */
  inputs: FundInput[];
  workbookDiagnostics: Diagnostic[];
  /** For each holding (as indexed in model.holdings), the index of its input, or -1 when no fund takes it. */
  inputOfHolding: Int32Array;
  /** For each holding, its index within its input's holdings. */
  slotOfHolding: Int32Array;
  /** The reader's diagnostics on register rows, which the register check files. */
  registerDiagnostics: Diagnostic[];
  /** The workbook has a register table or a fund opted into a register text. */
  hasRegisters: boolean;
}

export function prepareWorkbook(whole: WorkbookModel): PreparedWorkbook {
  // Register rows are filed by the register check, not by the portfolio's row maps.
  const registerDiagnostics = whole.diagnostics.filter((d) =>
    isRegisterTable(d.table),
  );
  const model = registerDiagnostics.length
    ? {
        ...whole,
        diagnostics: whole.diagnostics.filter((d) => !isRegisterTable(d.table)),
      }
    : whole;
  const matcher = new FundMatcher(model);
  const {
    byFund,
    orphans,
    fundOfHolding,
    funds,
    placeOfHolding,
    notPlaced,
    mayLower,
  } = assignHoldings(model, matcher);
  const duplicates = duplicatedFundIds(model.funds);
  const { holdersByFund, holderOrphans, fundOfHolder, strays } = assignHolders(
    model,
    matcher,
  );
  const { perFund, unassigned } = diagnosticsByFund(
    model,
    fundOfHolding,
    fundOfHolder,
  );
  const { ordersByFund, orderOrphans, unnamedOrders } = assignOrders(
    model,
    matcher,
  );
  const withoutFund =
    notPlaced.length || strays.length || unnamedOrders.length
      ? {
          Holdings: notPlaced,
          Holders: strays,
          Orders: unnamedOrders,
          holdingsMayLower: mayLower,
        }
      : undefined;
  const inputs: FundInput[] = [];
  const inputOfFund = new Map<string, number>();
  const keys = new Set<string>();
  for (const fund of model.funds) {
    const key = fundKey(fund.fundId);
    if (keys.has(key)) continue;
    keys.add(key);
    inputOfFund.set(fund.fundId, inputs.length);
    inputs.push({
      fund,
      holdings: byFund.get(fund.fundId) ?? [],
      rowDiagnostics: perFund.get(fund.fundId) ?? [],
      matchDiagnostics: matcher.matches.get(fund.fundId) ?? [],
      duplicateRows: duplicates.get(fund.fundId),
      holders: holdersByFund.get(fund.fundId) ?? [],
      sources: model.sources,
      orders: model.orders ? (ordersByFund.get(fund.fundId) ?? []) : undefined,
      portfolio: !model.holdingsAbsent,
      withoutFund,
    });
  }
  const workbookDiagnostics = [
    ...unassigned,
    ...orphans,
    ...holderOrphans,
    ...orderOrphans,
  ];
  if (model.sources)
    for (const d of workbookDiagnostics) locate(d, model.sources);
  // Only an edit reads where each holding went (recheck.ts): worked out when first read.
  let inputOfHolding: Int32Array | undefined;
  let slotOfHolding: Int32Array | undefined;
  return {
    model: whole,
    inputs,
    workbookDiagnostics,
    get inputOfHolding() {
      return (inputOfHolding ??= inputsOfHoldings(
        placeOfHolding(),
        funds.map((id) => inputOfFund.get(id) ?? -1),
      ));
    },
    get slotOfHolding() {
      return (slotOfHolding ??= slotsOf(placeOfHolding(), funds.length));
    },
    registerDiagnostics,
    hasRegisters: hasRegisters(whole),
  };
}

/** Checks one prepared fund. */
export function checkInput(
  input: FundInput,
  options: CheckOptions,
): FundReport {
  const report = checkFund(
    input.fund,
    input.holdings,
    input.matchDiagnostics.length
      ? [...input.rowDiagnostics, ...input.matchDiagnostics]
      : input.rowDiagnostics,
    options,
    input.duplicateRows,
    input.holders,
    input.sources?.Holdings?.headers,
    input.orders,
    input.portfolio ?? true,
    input.withoutFund,
  );
  const { sources } = input;
  // Indexed: an iterator per check in code not yet compiled (an edit's first hundred re-checks).
  if (sources)
    for (let k = 0; k < report.diagnostics.length; k++)
      locate(report.diagnostics[k], sources);
  return report;
}

/**
 * The report of a prepared workbook from its funds' reports (from checkInput): with registers,
 * the register check adds its rules and rows to copies of them.
 */
export function finishReport(
  prepared: PreparedWorkbook,
  funds: FundReport[],
  options: CheckOptions,
): Report {
  if (!prepared.hasRegisters)
    return assembleReport(options.asOf, funds, prepared.workbookDiagnostics);
  const { model } = prepared;
  // The register check adds to the funds' reports: it works on copies, so the portfolio's
  // reports it was given can be kept for another check (CheckedWorkbook after an edit), and a
  // fund it adds nothing to keeps its own report.
  const copies = funds.map((f) => ({
    ...f,
    rules: [...f.rules],
    diagnostics: [...f.diagnostics],
  }));
  const registers = checkRegisters(
    model,
    copies,
    prepared.registerDiagnostics,
    options.asOf,
    options.registers,
  );
  funds = copies.map((c, i) => {
    const f = funds[i];
    return c.subscriptions === f.subscriptions &&
      c.trades === f.trades &&
      c.rules.length === f.rules.length &&
      c.diagnostics.length === f.diagnostics.length
      ? f
      : c;
  });
  for (const f of funds)
    if (f.subscriptions || f.trades) {
      f.status = f.rules.length
        ? worstStatus(f.rules)
        : model.holdingsAbsent
          ? "info"
          : f.status;
      f.diagnostics.sort(
        (a, b) => a.table.localeCompare(b.table) || a.row - b.row,
      );
    }
  return assembleReport(
    options.asOf,
    funds,
    [...prepared.workbookDiagnostics, ...registers.diagnostics],
    registers.issuers,
  );
}

/**
 * The report of the funds' reports and the workbook's own diagnostics, with its summary; with
 * issuers (the Offers register's), theirs too.
 */
export function assembleReport(
  asOf: IsoDate,
  funds: FundReport[],
  workbookDiagnostics: Diagnostic[],
  issuers?: IssuerReport[],
): Report {
  const summary: ReportSummary = {
    funds: funds.length,
    rules: 0,
    breaches: 0,
    warnings: 0,
    incomplete: 0,
    triggered: 0,
    diagnostics: workbookDiagnostics.length,
  };
  for (const f of funds) count(summary, f, 1);
  for (const i of issuers ?? []) count(summary, i, 1);
  const report: Report = {
    asOf,
    funds,
    diagnostics: workbookDiagnostics,
    summary,
  };
  if (issuers) {
    report.issuers = issuers;
    report.summary.issuers = issuers.length;
  }
  return report;
}

/**
 * finishReport of funds that differ from a previous report's only at the given indexes (the
 * funds an edit re-checked): its summary is the previous one's with those funds counted again,
 * not a count over every fund. Without registers, on the same workbook diagnostics; otherwise
 * finishReport itself.
 */
export function finishReportAfter(
  prepared: PreparedWorkbook,
  funds: FundReport[],
  options: CheckOptions,
  previous: Report,
  changed: readonly number[],
): Report {
  if (
    prepared.hasRegisters ||
    previous.issuers ||
    previous.asOf !== options.asOf ||
    previous.diagnostics !== prepared.workbookDiagnostics ||
    previous.funds.length !== funds.length
  )
    return finishReport(prepared, funds, options);
  // A literal, as assembleReport's: the same keys in the same order (and the same shape for V8).
  const p = previous.summary;
  const summary: ReportSummary = {
    funds: p.funds,
    rules: p.rules,
    breaches: p.breaches,
    warnings: p.warnings,
    incomplete: p.incomplete,
    triggered: p.triggered,
    diagnostics: p.diagnostics,
  };
  for (let k = 0; k < changed.length; k++) {
    count(summary, previous.funds[changed[k]], -1);
    count(summary, funds[changed[k]], 1);
  }
  return {
    asOf: options.asOf,
    funds,
    diagnostics: prepared.workbookDiagnostics,
    summary,
  };
}

/** Adds (sign 1) or takes away (sign -1) a fund's or an issuer's rules and diagnostics from the summary's counts. */
function count(
  summary: ReportSummary,
  of: { rules: RuleResult[]; diagnostics: Diagnostic[] },
  sign: 1 | -1,
): void {
  summary.rules += sign * of.rules.length;
  summary.diagnostics += sign * of.diagnostics.length;
  // A switch, not a keyed increment per rule: that cost 0.1 ms over 100 funds.
  const rules = of.rules;
  for (let k = 0; k < rules.length; k++)
    switch (rules[k].status) {
      case "breach":
        summary.breaches += sign;
        break;
      case "warning":
        summary.warnings += sign;
        break;
      case "incomplete":
        summary.incomplete += sign;
        break;
      case "triggered":
        summary.triggered! += sign;
    }
}

/** A workbook with a register table, or a fund that opts into a register text. */
function hasRegisters(model: WorkbookModel): boolean {
  const r = model.registers;
  return Boolean(
    r?.subscribers ||
    r?.offers ||
    r?.trades ||
    model.funds.some((f) => f.allege || f.legacyRules?.length),
  );
}

const byTableThenRow = (a: Diagnostic, b: Diagnostic) =>
  a.table.localeCompare(b.table) || a.row - b.row;

/** Checks one fund; readerDiagnostics are the reader's diagnostics on this fund's rows. */
export function checkFund(
  fund: Fund,
  holdings: Holding[],
  readerDiagnostics: Diagnostic[],
  options: CheckOptions,
  duplicateRows?: number[],
  holders: Holder[] = [],
  /** The Holdings headers as the user wrote them, by canonical column. */
  holdingHeaders: Record<string, string> = {},
  /** The fund's pending orders; undefined when the workbook has no Orders table. */
  orders?: Order[],
  /** False when Holdings is absent beside a register table: no portfolio rule is run. */
  portfolio = true,
  /** The workbook's rows that no fund takes (FundInput.withoutFund). */
  withoutFund?: RowsWithoutFund,
): FundReport {
  // A plain check runs the fund once, with no closure made (each fund's check, each edit's re-check).
  if (!options.positions && !options.reconciliation)
    return runFund(
      fund,
      holdings,
      readerDiagnostics,
      options,
      duplicateRows,
      holders,
      holdingHeaders,
      orders,
      portfolio,
      undefined,
      withoutFund,
    );
  const run = (runOptions: CheckOptions, explainRows?: ReadonlySet<number>) =>
    runFund(
      fund,
      holdings,
      readerDiagnostics,
      runOptions,
      duplicateRows,
      holders,
      holdingHeaders,
      orders,
      portfolio,
      explainRows,
      withoutFund,
    );
  // Explanations on demand: the rules run plain, and each position's outcome and each rule's
  // reconciliation are computed when first read (a second, explained run of this fund), or for
  // the positions shown only (explainPositions). Recording them for 100,000 positions that no one
  // reads is most of the heap of a detailed check.
  const report = run({
    ...options,
    positions: false,
    reconciliation: false,
  });
  let explained: FundReport | undefined;
  const full = () => (explained ??= run(options));
  report.rules.forEach((r, i) =>
    onDemand(r, "reconciliation", () => full().rules[i].reconciliation),
  );
  if (options.positions) {
    onDemand(report, "positions", () => full().positions);
    Object.defineProperty(report, EXPLAIN, {
      value: (rows: ReadonlySet<number>) =>
        explained
          ? explained.positions!.filter((p) => rows.has(p.row))
          : run(options, rows).positions!,
    });
  }
  return report;
}

const EXPLAIN = Symbol("explain positions");

/**
 * The outcomes of some positions of a fund's detailed report (the positions a face shows): taken
 * from the report when they were all computed, else computed for those rows only.
 */
export function explainPositions(
  report: FundReport,
  rows: ReadonlySet<number>,
): PositionOutcome[] {
  const explain = (
    report as { [EXPLAIN]?: (rows: ReadonlySet<number>) => PositionOutcome[] }
  )[EXPLAIN];
  if (explain) return explain(rows);
  return (report.positions ?? []).filter((p) => rows.has(p.row));
}

/**
 * A property computed when first read, then kept as a plain value: it is enumerable, so JSON,
 * copies and structured clones read it like any other, in the same key order.
 */
function onDemand<T extends object>(
  target: T,
  key: string,
  compute: () => unknown,
): void {
  const settle = (value: unknown) =>
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function runFund(
  fund: Fund,
  holdings: Holding[],
  readerDiagnostics: Diagnostic[],
  options: CheckOptions,
  duplicateRows: number[] | undefined,
  holders: Holder[],
  holdingHeaders: Record<string, string>,
  orders: Order[] | undefined,
  portfolio: boolean,
  explainRows?: ReadonlySet<number>,
  withoutFund?: RowsWithoutFund,
): FundReport {
  const diagnostics = readerDiagnostics.slice();
  const report: FundReport = {
    fundId: fund.fundId,
    fundName: fund.fundName,
    fundType: fund.fundType,
    status: "incomplete",
    rules: [],
    diagnostics,
  };
  if (duplicateRows) {
    diagnostics.push({
      severity: "error",
      table: "Funds",
      row: duplicateRows[1],
      column: "fundId",
      value: fund.fundId,
      ...why("fund-id-duplicate", { fundId: fund.fundId, rows: duplicateRows }),
    });
  }
  const family =
    portfolio && fund.fundType ? familyFor(fund.fundType) : undefined;
  if (!portfolio) {
    // Registers only: the portfolio rules are not run, and nothing is said of them.
  } else if (!fund.fundType) {
    if (!fund.invalid.has("fundType")) {
      diagnostics.push({
        severity: "error",
        table: "Funds",
        row: fund.row,
        column: "fundType",
        ...why("fund-type-needed", {}),
      });
    }
  } else if (!family) {
    diagnostics.push({
      severity: "warning",
      table: "Funds",
      row: fund.row,
      column: "fundType",
      value: fund.fundType,
      ...why("fund-type-without-rules", { fundType: fund.fundType }),
    });
  }
  const ctx = new FundContext(
    fund,
    holdings,
    options.asOf,
    // Object.assign, not a spread followed by keys: Node 20's V8 builds `{ ...a, k: v }` on a slow path.
    Object.assign({}, family?.basis, {
      defaultWarningMargin: options.defaultWarningMargin,
      // Outcomes are recorded only when the detailed report needs them: plain checks stay lean.
      explain: Boolean(options.positions || options.reconciliation),
      explainRows,
    }),
    holders,
  );
  ctx.orders = orders;
  ctx.withoutFund = withoutFund;
  if (family) {
    const evaluation = family.evaluate(ctx);
    report.rules = evaluation.rules;
    report.quotaWindow = evaluation.quotaWindow;
    attachLaw(report.rules, {
      asOf: options.asOf,
      constitutionDate: fund.constitutionDate,
      overseasZone: fund.overseasZone,
      fundType: fund.fundType,
    });
    reportUnplacedRows(ctx);
    // A result built without the measures (compare) is settled here, so it cannot claim more either.
    // Rules on fund-level facts, orders or holders read no holding: an unplaced row cannot enter them.
    const rules = report.rules;
    for (let k = 0; k < rules.length; k++)
      if (!isMeasured(rules[k]) && !FUND_LEVEL_RULES.has(rules[k].id))
        settle(ctx, rules[k]);
    // The fund given twice: which row's facts (type, base, dates) apply is unknown, so no result
    // stands, a breach no more than a pass (measured with the first row's, it may pass with the other's).
    if (duplicateRows)
      for (const r of report.rules) {
        r.status = "incomplete";
        for (const c of r.conditions ?? [])
          if (c.status !== "not-binding") c.status = "incomplete";
      }
    // The reconciliation reads every position's outcome: not for some rows only.
    if (ctx.explain && !explainRows)
      reconcileRules(ctx, report.rules).forEach(
        (reconciliation, i) =>
          (report.rules[i].reconciliation = reconciliation),
      );
  }
  report.basis = ctx.basis;
  // The reader's diagnostics were copied above: the rules' usually add none, and then the copy
  // is sorted as it is.
  report.diagnostics = (
    ctx.diagnostics.length ? [...diagnostics, ...ctx.diagnostics] : diagnostics
  ).sort(byTableThenRow);
  report.status = report.rules.length
    ? worstStatus(report.rules)
    : "incomplete";
  if (!ctx.explain) return report;
  // No row is dropped silently: a position no rule took says why.
  const amountColumn = ctx.basis === "COST" ? "costValue" : "fairValue";
  for (const p of ctx.positions) {
    if (!ctx.explained(p)) continue;
    if (p.outcome.counted.length || p.outcome.excluded.length) continue;
    const { message, ...r } =
      p.amount === undefined && ctx.basis
        ? why("not-measured", {
            column: amountColumn,
            blank: !p.holding.invalid.has(amountColumn),
            header: holdingHeaders[amountColumn],
          })
        : family
          ? why("outside-every-rule", {
              fundType: fund.fundType!,
              assetClass: p.holding.assetClass,
            })
          : why("no-rule-applies", {});
    p.outcome.excluded.push({ rule: "*", reason: message, ...r });
  }
  if (options.positions)
    report.positions = explainRows
      ? ctx.positions.filter((p) => ctx.explained(p)).map((p) => p.outcome)
      : ctx.positions.map((p) => p.outcome);
  return report;
}

/**
 * Each holding's input, from its fund's place (-1 for none). A function of its own, so that its
 * compiled loop is kept from one check to the next.
 */
function inputsOfHoldings(
  placeOfHolding: Int32Array,
  inputOfPlace: number[],
): Int32Array {
  const inputOfHolding = new Int32Array(placeOfHolding.length);
  for (let i = 0; i < inputOfHolding.length; i++) {
    const place = placeOfHolding[i];
    inputOfHolding[i] = place < 0 ? -1 : inputOfPlace[place];
  }
  return inputOfHolding;
}

/**
 * Holdings go to the fund they name; with a single fund, a blank fundId means that fund.
 * A holding that names no known fund is reported, never dropped.
 */
function assignHoldings(model: WorkbookModel, matcher: FundMatcher) {
  // Only needed to file the reader's diagnostics under their fund: built when there are some.
  const mapRows = model.diagnostics.some((d) => d.table === "Holdings");
  const fundOfHolding = new Map<number, string>();
  const orphans: Diagnostic[] = [];
  const { holdings } = model;
  // The fundId column, read as codes (the same code is the same fundId).
  const ids = new FundColumns(holdings).coded("fundId");
  // The common workbook: every row names the same fund. Then no row is looked at, and each
  // holding's place (0) is written only when an edit asks for it.
  const everyRow = mapRows ? undefined : fundOfEveryRow(ids, matcher);
  if (everyRow !== undefined) {
    return {
      byFund: new Map([[everyRow, holdings]]),
      orphans,
      fundOfHolding,
      funds: [everyRow],
      placeOfHolding: () => new Int32Array(holdings.length),
      notPlaced: NO_ROWS,
      mayLower: false,
    };
  }
  // The funds taking holdings, in the order first taken, and each holding's fund as its place
  // in that list (-1 when no fund takes it): a typed array, not 100,000 references to collect.
  const funds: string[] = [];
  const places = new Int32Array(holdings.length);
  const placed = placeHoldings(
    holdings,
    ids,
    matcher,
    places,
    funds,
    orphans,
    mapRows ? fundOfHolding : undefined,
  );
  const lists = fundLists(holdings, places, funds.length, placed);
  const byFund = new Map(funds.map((id, place) => [id, lists[place]]));
  // The rows no fund takes (a diagnostic names each): they may be any fund's.
  const notPlaced: number[] = [];
  let mayLower = false;
  if (placed < holdings.length)
    for (let i = 0; i < holdings.length; i++)
      if (places[i] < 0) {
        notPlaced.push(holdings[i].row);
        mayLower ||= amountsMayLower(holdings[i]);
      }
  return {
    byFund,
    orphans,
    fundOfHolding,
    funds,
    placeOfHolding: () => places,
    notPlaced,
    mayLower,
  };
}

/** A row's amount, on either basis, is below zero or unreadable: added to a fund, it could lower a sum. */
export function amountsMayLower(h: Holding): boolean {
  return (
    h.invalid.has("costValue") ||
    h.invalid.has("fairValue") ||
    (h.costValue !== undefined && h.costValue < 0n) ||
    (h.fairValue !== undefined && h.fairValue < 0n)
  );
}

/**
 * The fund every row goes to when all rows give the same fundId, matched exactly, or leave it
 * blank beside a single fund (no row is then an orphan or an inexact match); else undefined.
 */
function fundOfEveryRow(
  ids: Coded<string | undefined>,
  matcher: FundMatcher,
): string | undefined {
  // A coded column has a code per distinct value: the values decide, not the rows. A read's
  // column may code a value no row has (its blank, or a fundId an edit replaced): those that
  // reach no fund are looked for in the codes.
  let fund: string | undefined;
  let unmatched: number[] | undefined;
  for (let code = 0; code < ids.values.length; code++) {
    const name = ids.values[code];
    const id = name === undefined ? matcher.single : matcher.exactly(name);
    if (id === undefined) (unmatched ??= []).push(code);
    else if (fund === undefined) fund = id;
    else if (id !== fund) return undefined;
  }
  if (fund === undefined || (unmatched && hasAnyCode(ids.codes, unmatched)))
    return undefined;
  return fund;
}

/** Some row has one of the codes; a loop of its own (see heldOn in fund-context.ts). */
function hasAnyCode(codes: CodeArray, among: readonly number[]): boolean {
  const wanted = new Uint8Array(Math.max(...among) + 1);
  for (const code of among) wanted[code] = 1;
  for (let i = 0; i < codes.length; i++)
    if (codes[i] < wanted.length && wanted[codes[i]] === 1) return true;
  return false;
}

/**
 * Each holding's fund as its place in `funds` (-1 when none takes it); returns how many are
 * placed. A function of its own that ends with its loop (see heldOn in fund-context.ts).
 */
function placeHoldings(
  holdings: Holding[],
  ids: Coded<string | undefined>,
  matcher: FundMatcher,
  placeOfHolding: Int32Array,
  funds: string[],
  orphans: Diagnostic[],
  fundOfHolding: Map<number, string> | undefined,
): number {
  const single = matcher.single;
  const placeOf = new Map<string, number>();
  let placed = 0;
  // Consecutive rows mostly name the same fund: the last fundId matched exactly, and its place,
  // are kept (an inexact match is resolved again on every row, which files its diagnostic).
  let lastCode = -1;
  let lastPlace = -1;
  for (let i = 0; i < holdings.length; i++) {
    const code = ids.codes[i];
    let place = lastPlace;
    if (code !== lastCode) {
      const h = holdings[i];
      const name = ids.values[code];
      const fundId =
        name === undefined ? single : matcher.resolve("Holdings", h.row, name);
      if (fundId === undefined) {
        placeOfHolding[i] = -1;
        if (!h.invalid.has("fundId"))
          orphans.push({
            severity: "error",
            table: "Holdings",
            row: h.row,
            column: "fundId",
            value: h.fundId,
            ...(h.fundId === undefined
              ? why("fund-id-needed", {})
              : why("fund-not-in-funds", {
                  fundId: h.fundId,
                  table: "Holdings",
                })),
          });
        continue;
      }
      place = placeOf.get(fundId) ?? -1;
      if (place < 0) {
        place = funds.length;
        placeOf.set(fundId, place);
        funds.push(fundId);
      }
      if (name !== undefined && name === fundId) {
        lastCode = code;
        lastPlace = place;
      }
    }
    placeOfHolding[i] = place;
    placed++;
    if (fundOfHolding) fundOfHolding.set(holdings[i].row, funds[place]);
  }
  return placed;
}

/**
 * Each fund's holdings in the rows' order. A fund that takes every row (the common workbook) has
 * the rows themselves: no copy (an edit copies its fund's list before changing it, recheck.ts).
 */
function fundLists(
  holdings: Holding[],
  placeOfHolding: Int32Array,
  places: number,
  placed: number,
): Holding[][] {
  if (places === 1 && placed === holdings.length) return [holdings];
  const lists: Holding[][] = Array.from({ length: places }, () => []);
  for (let i = 0; i < holdings.length; i++) {
    const place = placeOfHolding[i];
    if (place >= 0) lists[place].push(holdings[i]);
  }
  return lists;
}

/** Each holding's index within its fund's list (fundLists). */
function slotsOf(placeOfHolding: Int32Array, places: number): Int32Array {
  const slots = new Int32Array(placeOfHolding.length);
  const next = new Int32Array(places);
  for (let i = 0; i < slots.length; i++) {
    const place = placeOfHolding[i];
    if (place >= 0) slots[i] = next[place]++;
  }
  return slots;
}

/** Duplicates by match key (`eta` duplicates `ETA`), filed under the first row's fundId. */
function duplicatedFundIds(funds: Fund[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const first = new Map<string, string>();
  for (const f of funds) {
    const key = fundKey(f.fundId);
    if (!first.has(key)) first.set(key, f.fundId);
    rows.set(key, [...(rows.get(key) ?? []), f.row]);
  }
  return new Map(
    [...rows]
      .filter(([, r]) => r.length > 1)
      .map(([key, r]) => [first.get(key) as string, r]),
  );
}

/** How fund ids match (contract §3): ignoring case and surrounding spaces. */
export const fundKey = idKey;

/**
 * The Funds table's ids, matched as the contract says. A row whose fundId matches only once case
 * and spaces are ignored goes to that fund, with an `info` diagnostic on the row, so a typo shows.
 */
class FundMatcher {
  private readonly byKey = new Map<string, Fund>();
  /** The only fund of the workbook, which a blank fundId means. */
  readonly single?: string;
  /** The `info` diagnostics of inexact matches, by the fund's own id. */
  readonly matches = new Map<string, Diagnostic[]>();

  /** The funds' own ids (of the fund each key reaches): most rows name one exactly. */
  private readonly exact = new Map<string, string>();

  constructor(private readonly model: WorkbookModel) {
    for (const f of model.funds)
      if (!this.byKey.has(fundKey(f.fundId))) {
        this.byKey.set(fundKey(f.fundId), f);
        this.exact.set(f.fundId, f.fundId);
      }
    const ids = new Set(model.funds.map((f) => f.fundId));
    this.single = ids.size === 1 ? [...ids][0] : undefined;
  }

  /** The fund's own id when fundId is exactly one (no diagnostic to file); else undefined. */
  exactly(fundId: string): string | undefined {
    return this.exact.get(fundId);
  }

  /** The fundId of the fund the row names, or undefined when it names none. */
  resolve(
    table: "Holdings" | "Holders" | "Orders",
    row: number,
    fundId: string,
  ) {
    const exact = this.exact.get(fundId);
    if (exact !== undefined) return exact;
    const fund = this.byKey.get(fundKey(fundId));
    if (!fund) return undefined;
    if (fund.fundId !== fundId) {
      const source = this.model.sources?.[table];
      const header = source?.headers.fundId;
      const letter = source?.letters.fundId;
      const d: Diagnostic = {
        severity: "info",
        table,
        row,
        column: "fundId",
        header:
          header !== undefined && header !== "fundId" ? header : undefined,
        value: fundId,
        sheet: source?.sheet,
        cell: letter ? `${letter}${row}` : undefined,
        ...why("fund-id-case", {
          table,
          row,
          header: header ?? "fundId",
          value: fundId,
          fundId: fund.fundId,
          fundRow: fund.row,
        }),
      };
      const list = this.matches.get(fund.fundId);
      if (list) list.push(d);
      else this.matches.set(fund.fundId, [d]);
    }
    return fund.fundId;
  }
}

/** Files each reader diagnostic under the fund its row belongs to; the rest stay at workbook level. */
/** Holder rows go to the fund they name (or the only fund); a row naming no known fund is reported. */
function assignHolders(model: WorkbookModel, matcher: FundMatcher) {
  const holdersByFund = new Map<string, Holder[]>();
  const fundOfHolder = new Map<number, string>();
  const holderOrphans: Diagnostic[] = [];
  /** The rows no fund takes, named by a diagnostic or by the reader's: they may be any fund's. */
  const strays: number[] = [];
  const single = matcher.single;
  for (const h of model.holders) {
    const fundId =
      h.fundId === undefined
        ? single
        : matcher.resolve("Holders", h.row, h.fundId);
    if (fundId !== undefined) {
      const list = holdersByFund.get(fundId);
      if (list) list.push(h);
      else holdersByFund.set(fundId, [h]);
      fundOfHolder.set(h.row, fundId);
      continue;
    }
    strays.push(h.row);
    if (!h.invalid.has("fundId")) {
      holderOrphans.push({
        severity: "error",
        table: "Holders",
        row: h.row,
        column: "fundId",
        value: h.fundId,
        ...why("fund-not-in-funds", {
          fundId: h.fundId ?? "",
          table: "Holders",
        }),
      });
    }
  }
  return { holdersByFund, holderOrphans, fundOfHolder, strays };
}

/** Orders go to the fund they name (or the only fund); an order of a fund missing from Funds is reported. */
function assignOrders(model: WorkbookModel, matcher: FundMatcher) {
  const ordersByFund = new Map<string, Order[]>();
  const orderOrphans: Diagnostic[] = [];
  /** Orders that name no fund at all (blank beside several funds, or unreadable): any SCPI's they may be. */
  const unnamedOrders: number[] = [];
  for (const o of model.orders ?? []) {
    const fundId =
      o.fundId === undefined
        ? matcher.single
        : matcher.resolve("Orders", o.row, o.fundId);
    if (fundId !== undefined) {
      const list = ordersByFund.get(fundId);
      if (list) list.push(o);
      else ordersByFund.set(fundId, [o]);
      continue;
    }
    if (o.fundId === undefined) unnamedOrders.push(o.row);
    if (!o.invalid.has("fundId")) {
      orderOrphans.push({
        severity: "error",
        table: "Orders",
        row: o.row,
        column: "fundId",
        value: o.fundId,
        ...why("fund-not-in-funds", {
          fundId: o.fundId ?? "",
          table: "Orders",
        }),
      });
    }
  }
  return { ordersByFund, orderOrphans, unnamedOrders };
}

function diagnosticsByFund(
  model: WorkbookModel,
  fundOfHolding: Map<number, string>,
  fundOfHolder: Map<number, string>,
) {
  // A Funds row whose id repeats another's but for case is filed under the first one, which is checked.
  const first = new Map<string, string>();
  for (const f of model.funds)
    if (!first.has(fundKey(f.fundId))) first.set(fundKey(f.fundId), f.fundId);
  const fundOfRow = new Map(
    model.funds.map((f) => [f.row, first.get(fundKey(f.fundId))]),
  );
  const perFund = new Map<string, Diagnostic[]>();
  const unassigned: Diagnostic[] = [];
  for (const d of model.diagnostics) {
    const fundId =
      d.table === "Funds"
        ? fundOfRow.get(d.row)
        : d.table === "Holdings"
          ? fundOfHolding.get(d.row)
          : fundOfHolder.get(d.row);
    if (fundId === undefined) unassigned.push(d);
    else {
      const list = perFund.get(fundId);
      if (list) list.push(d);
      else perFund.set(fundId, [d]);
    }
  }
  return { perFund, unassigned };
}
