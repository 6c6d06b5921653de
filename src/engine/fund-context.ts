import { type Amount, ExactSum, formatAmount } from "./amount";
import type { Need, Reason, ReasonFacts } from "./reasons";
import type { IsoDate } from "./dates";
import { Dec } from "./decimal";
import {
  type Basis,
  type CodeArray,
  centsToMillionths,
  COST_MILLIONTHS,
  type Diagnostic,
  FAIR_MILLIONTHS,
  type Fund,
  type Holder,
  type Holding,
  type MillionthsOf,
  type Order,
} from "./model";
import type {
  Contribution,
  Exclusion,
  ExclusionCode,
  PositionOutcome,
} from "./result";
import { english } from "../present/english";
import { classifyingColumn, unreadHoldingDate } from "./measures/uncertain";
import {
  type AmountChange,
  type Coded,
  FundColumns,
  INVALID,
  type MemoField,
  per,
} from "./fund-columns";
import { MemoKey } from "./memo-key";
import { OutcomeColumns } from "./reconciliation-shapes";

export const DEFAULT_WARNING_MARGIN = new Dec("0.02");
const NONE: never[] = Object.freeze([]) as unknown as never[];
const SCRATCH: PositionOutcome = {
  row: 0,
  lineId: "",
  amount: null,
  counted: NONE,
  excluded: NONE,
};
/** A position not held on the as-of date, for every rule ("*"), with its English reason. */
function notHeld(
  code: "disposed" | "not-yet-invested",
  date: IsoDate,
): Exclusion {
  const why = { code, facts: { date } } as const;
  return { rule: "*", reason: english(why), ...why };
}

/** 10^15 EUR in millionths. */
const IMPLAUSIBLE = 10n ** 21n;

export interface BasisOptions {
  /** Basis when the fund leaves it blank but gives paid-up subscriptions. */
  defaultWithSubscriptions?: Basis;
  /** OPCI and feeder rules are measured on fair value over total assets, whatever the fund says. */
  fairValueOnly?: boolean;
}

export interface ContextOptions extends BasisOptions {
  /** Record each position's contributions and exclusions (the detailed report); off for plain checks. */
  explain?: boolean;
  /** Warning margin for a fund that leaves its own blank (the workbook's setting). */
  defaultWarningMargin?: Dec;
  /** With explain: record the outcomes of these Holdings rows only (the positions shown). */
  explainRows?: ReadonlySet<number>;
}

/** An exclusion as a rule states it: a code and its facts; its English reason is optional. */
export type Excluded =
  | (Exclusion & { reason: string })
  | {
      [C in ExclusionCode]: {
        rule: string;
        article?: string;
        reason?: undefined;
        code: C;
        facts: ReasonFacts[C];
      };
    }[ExclusionCode];

/** Where a position's amount is read: `big`, or the holding's cost or fair value in millionths. */
const enum From {
  BIG,
  COST,
  FAIR,
}

/** One position of the fund, with the outcome the rules fill in. */
export class Position {
  /** The exact amounts of outcome.counted where they differ from amount, at the same index (explained checks only). */
  declare countedAmounts?: Amount[];

  constructor(
    readonly holding: Holding,
    readonly outcome: PositionOutcome,
    /** The amount when it is not read from the holding in millionths (From.BIG); else its BigInt once asked. */
    private big: Amount | undefined,
    /** Held on the as-of date (not disposed of, not yet bought). */
    readonly held: boolean,
    /** No number is kept here: a number field would box each value in a heap object of its own. */
    private readonly from: From,
    /** The position's index in the fund (FundContext's columns). */
    readonly index: number,
  ) {}

  /**
   * The amount on the fund's basis in integer millionths, a safe integer read from the holding's
   * column without a BigInt (model.ts COST_MILLIONTHS); NaN when the amount is only a BigInt
   * (`amount`) or unreadable.
   */
  get millionths(): number {
    const from = this.from;
    if (from === From.BIG) return NaN;
    const h = this.holding as MillionthsOf;
    return (from === From.COST ? h[COST_MILLIONTHS] : h[FAIR_MILLIONTHS])!;
  }

  /** Amount on the fund's basis; undefined when unreadable or missing. */
  get amount(): Amount | undefined {
    // Made once, when a rule asks for the BigInt (the sums read millionths and never do).
    if (this.from === From.BIG || this.big !== undefined) return this.big;
    return (this.big = BigInt(this.millionths));
  }
}

/**
 * 1 where the position is held on the as-of date, worked out once per distinct date. A function
 * of its own, ending with its loop: V8 compiles the loop on the stack (OSR) on each check, and code
 * after it that had not run yet deoptimised the constructor on every check.
 */
function heldOn(columns: FundColumns, asOf: IsoDate): Uint8Array {
  const disposal = columns.coded("disposalDate");
  const investment = columns.coded("investmentDate");
  const gone = per(disposal, (d) => d !== undefined && d <= asOf);
  const later = per(investment, (d) => d !== undefined && d > asOf);
  // Usually no date of either column excludes a row: then every position is held, with no pass.
  if (!gone.includes(true) && !later.includes(true))
    return everyHeld(columns.length);
  const held = new Uint8Array(columns.length);
  for (let i = 0; i < held.length; i++)
    held[i] = gone[disposal.codes[i]] || later[investment.codes[i]] ? 0 : 1;
  return held;
}

/**
 * n ones, cut from one array of ones every fund shares: a memo's value is never written to
 * (FundColumns.memo), and 100,000 positions' ones were 100 KB of fresh memory at each check.
 */
function everyHeld(n: number): Uint8Array {
  if (ONES.length < n)
    ONES = new Uint8Array(Math.max(n, 2 * ONES.length)).fill(1);
  return ONES.subarray(0, n);
}
let ONES = new Uint8Array(0);

/** model.ts's centsToMillionths, read once (why: there): every position's amount comes here. */
const inMillionths = centsToMillionths;

/** The indices where m is not a non-negative number (negative, or NaN: a BigInt or no amount); a loop of its own (heldOn). */
function notNonNegative(m: Float64Array): number[] {
  const found: number[] = [];
  for (let i = 0; i < m.length; i++) if (!(m[i] >= 0)) found.push(i);
  return found;
}

/** notNonNegative over a column of cents (NO_CENTS, a blank, is below zero). */
function notNonNegativeCents(c: Int32Array): number[] {
  const found: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] < 0) found.push(i);
  return found;
}

/** notNonNegative after an edit of amounts: the edited slots looked at again. */
function lookedAfter(
  previous: number[],
  { slots, after }: AmountChange,
): number[] {
  let same = true;
  for (let s = 0; s < slots.length && same; s++)
    same = previous.includes(slots[s]) === !(after[slots[s]] >= 0);
  if (same) return previous;
  const looked = new Set(previous);
  for (const k of slots)
    if (after[k] >= 0) looked.delete(k);
    else looked.add(k);
  return [...looked].sort((a, b) => a - b);
}

/** The indices of the held positions whose value decides nothing (placed false for its code), in order; a loop of its own (heldOn). */
function heldWithout(
  placed: readonly boolean[],
  codes: CodeArray,
  held: Uint8Array,
): number[] {
  const found: number[] = [];
  for (let i = 0; i < held.length; i++)
    if (held[i] === 1 && !placed[codes[i]]) found.push(i);
  return found;
}

/** The indices of the rows that cannot be placed (FundContext.unplaced), in order. */
function unplacedRows(
  columns: FundColumns,
  held: Uint8Array,
  opci: boolean,
): number[] {
  const placing: Coded<unknown> = opci
    ? columns.coded("opciCategory")
    : columns.coded("assetClass");
  const placed = per(placing, (v) => v !== undefined);
  const invalid = columns.withInvalid();
  // Usually every row reads cleanly: then the unplaced rows are the held rows without a class.
  if (invalid.length === 0) return heldWithout(placed, placing.codes, held);
  const found: number[] = [];
  const { holdings } = columns;
  // The next row with an unreadable cell; the list's length after the last one.
  let next = 0;
  let bad = invalid.length ? invalid[0] : holdings.length;
  for (let i = 0; i < holdings.length; i++) {
    let datesUnknown = false;
    if (bad === i) {
      bad = ++next < invalid.length ? invalid[next] : holdings.length;
      datesUnknown = unreadHoldingDate(holdings[i]) !== undefined;
    }
    if (datesUnknown || (held[i] === 1 && !placed[placing.codes[i]]))
      found.push(i);
  }
  return found;
}

/** The keys of heldOn's and unplacedRows' memos. */
const HELD_KEY = new MemoKey("held");
const UNPLACED_KEY = new MemoKey("unplaced");

/** The fields heldOn and unplacedRows read (memo): constants, not an array per check. */
const HELD_FIELDS: readonly MemoField[] = ["disposalDate", "investmentDate"];
const UNPLACED_FIELDS: readonly MemoField[] = [
  "assetClass",
  "disposalDate",
  "investmentDate",
  INVALID,
];
const UNPLACED_OPCI_FIELDS: readonly MemoField[] = [
  "opciCategory",
  "disposalDate",
  "investmentDate",
  INVALID,
];

/**
 * Everything a rule family needs about one fund on one date: its basis, the base of its
 * ratios, its positions with their amounts, and a place to record what could not be read.
 */
/**
 * Worksheet rows, by table, that no fund of the Funds table takes: Holdings and Holders rows whose
 * fundId is blank beside several funds, unknown or unreadable; Orders whose fundId is blank
 * beside several funds or unreadable (one naming a fund missing from Funds is another SCPI's:
 * LIVRE2 §1.4).
 */
export type RowsWithoutFund = Readonly<
  Record<"Holdings" | "Holders" | "Orders", readonly number[]> & {
    /** One of the Holdings rows has an amount below zero or unreadable: it could lower a sum. */
    holdingsMayLower?: boolean;
  }
>;

export class FundContext {
  readonly basis?: Basis;
  readonly denominator?: Amount;
  /** False when the base itself depends on an unreadable value. */
  readonly denominatorComplete: boolean;
  /** The base is the sum of the fund's positions (fair value, total assets blank): a row may grow it. */
  readonly baseSummed: boolean;
  /** The fund's holdings as columns, by index (the positions' index). */
  readonly columns: FundColumns;
  /** 1 at the index of each position held on the as-of date (not disposed of, not yet bought). */
  readonly held: Uint8Array;
  /**
   * Each position's amount on the fund's basis in integer millionths, a safe integer read from
   * its column without a BigInt; NaN where the amount is only a BigInt or unreadable (amountAt).
   * Made when first asked if the read kept the amounts in cents (cents): the rules' passes read
   * those, or millionthsAt.
   */
  get millionths(): Float64Array {
    return (this.madeMillionths ??= this.columns.millionths(this.basisColumn!));
  }

  private madeMillionths: Float64Array | undefined;
  /**
   * The basis amounts as the read kept them, in cents (NO_CENTS: blank), for the fund of a
   * workbook's only fund (FundColumns.cents); null otherwise (millionths).
   */
  readonly cents: Int32Array | null;
  private readonly basisColumn: "costValue" | "fairValue" | undefined;

  /** Position i's amount on the fund's basis in integer millionths; NaN as in millionths. */
  millionthsAt(i: number): number {
    const cents = this.cents;
    return cents === null ? this.millionths[i] : inMillionths(cents[i]);
  }
  /**
   * Rows that may belong to any holdings rule of the fund (measures/uncertain.ts): a held position
   * whose class is blank or unreadable, and any position whose holding dates are unreadable.
   */
  readonly unplaced: Holding[] = [];
  /** The indices of the unplaced rows, in the holdings' order. */
  private unplacedAt: readonly number[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly warningMargin: Dec;
  readonly explain: boolean;
  private readonly explainRows?: ReadonlySet<number>;
  /** The fund's pending orders (SCPI, SEF); undefined when the workbook has no Orders table. */
  orders?: Order[];
  /** The workbook's Holdings and Holders rows that no fund takes: they may be this fund's. */
  withoutFund?: RowsWithoutFund;
  private readonly reported = new Set<string>();
  /** How many diagnostics this check has filed or passed over as said already (a pass that files none leaves it unchanged). */
  get filed(): number {
    return this.reported.size + this.diagnostics.length;
  }
  /** What the fund leaves unknown to every rule (measures/uncertain.ts), once worked out. */
  uncertainty: object | null | undefined = undefined;
  /** With explain: what the reconciliation reads of each outcome, recorded as it is written. */
  readonly outcomeColumns?: OutcomeColumns;

  constructor(
    readonly fund: Fund,
    readonly holdings: Holding[],
    readonly asOf: IsoDate,
    options: ContextOptions = {},
    /** The fund's rows of the Holders table. */
    readonly holders: Holder[] = [],
  ) {
    this.warningMargin =
      fund.warningMargin ??
      options.defaultWarningMargin ??
      DEFAULT_WARNING_MARGIN;
    this.explain = options.explain ?? true;
    this.explainRows = options.explainRows;
    this.basis = this.resolveBasis(options);
    const columns = (this.columns = FundColumns.of(holdings));
    const n = holdings.length;
    const basis = (this.basisColumn = this.basis
      ? this.basis === "COST"
        ? "costValue"
        : "fairValue"
      : undefined);
    this.cents = basis ? columns.cents(basis) : null;
    if (!basis) this.madeMillionths = new Float64Array(n).fill(NaN);
    this.held = columns.memo(HELD_KEY.of(asOf), HELD_FIELDS, () =>
      heldOn(columns, asOf),
    );
    this.warnAmounts();
    this.findUnplaced();
    if (this.explain) {
      this.outcomeColumns = new OutcomeColumns(n);
      this.all = this.makePositions();
    }
    const { denominator, complete, summed } = this.resolveDenominator();
    this.denominator = denominator;
    this.denominatorComplete = complete;
    this.baseSummed = summed === true;
  }

  /** Rows that cannot be placed (above), in the holdings' order. */
  private findUnplaced(): void {
    const opci = classifyingColumn(this.fund.fundType) === "opciCategory";
    const { columns, held, holdings } = this;
    const rows = columns.memo(
      UNPLACED_KEY.of(this.asOf, opci),
      opci ? UNPLACED_OPCI_FIELDS : UNPLACED_FIELDS,
      () => unplacedRows(columns, held, opci),
    );
    this.unplacedAt = rows;
    for (let k = 0; k < rows.length; k++) this.unplaced.push(holdings[rows[k]]);
  }

  /**
   * An amount of the basis below zero (a sign error, or a contract's negative value), kept as
   * read: a sum that left a row out may then be more than it would be with it.
   */
  belowZero = false;

  /** Amounts kept as read, but worth a look: a negative cost, or an amount no fund holds. */
  private warnAmounts(): void {
    const basis = this.basis;
    if (!basis) return;
    const column = basis === "COST" ? "costValue" : "fairValue";
    const cents = this.cents;
    // A safe integer can never be implausible (≥ 10^21): only a negative one is looked at. Kept
    // over an edit of amounts, with the edited rows looked at again.
    const looked = this.columns.summing(
      basis === "COST" ? "looked|costValue" : "looked|fairValue",
      [],
      column,
      () =>
        cents !== null
          ? notNonNegativeCents(cents)
          : notNonNegative(this.millionths),
      lookedAfter,
    );
    for (let k = 0; k < looked.length; k++) {
      const i = looked[k];
      const x = this.millionthsAt(i);
      const h = this.holdings[i];
      const amount = x === x ? BigInt(x) : h[column];
      if (amount === undefined) continue;
      if (amount < 0n) this.belowZero = true;
      if (amount < 0n && h.assetClass !== "FINANCIAL_CONTRACT")
        this.warn("Holdings", h.row, column, {
          code: "amount-negative",
          facts: { column, amount: formatAmount(amount) },
        });
      if (amount >= IMPLAUSIBLE || amount <= -IMPLAUSIBLE)
        this.warn("Holdings", h.row, column, {
          code: "amount-implausible",
          facts: { column, amount: formatAmount(amount) },
        });
    }
  }

  /**
   * The positions, made when a rule first asks for them (the rules of L. 214-28 read the columns
   * by index and make none in a plain check); with the detailed report, made at once.
   */
  get positions(): Position[] {
    return (this.all ??= this.makePositions());
  }

  private all?: Position[];
  /** Positions made one at a time before all were (refused advances of a plain check). */
  private some?: Map<number, Position>;

  private makePositions(): Position[] {
    const n = this.holdings.length;
    const positions: Position[] = new Array(n);
    for (let i = 0; i < n; i++)
      positions[i] = this.some?.get(i) ?? this.position(i);
    this.some = undefined;
    return positions;
  }

  /** The position at index i, made alone when the positions are not. */
  positionAt(i: number): Position {
    if (this.all) return this.all[i];
    let p = (this.some ??= new Map()).get(i);
    if (p === undefined) this.some.set(i, (p = this.position(i)));
    return p;
  }

  /** The position at index i when its outcome is recorded (a detailed report asking for its row); else undefined. */
  explainedAt(i: number): Position | undefined {
    if (!this.explain) return undefined;
    const p = this.all![i];
    return p.outcome === SCRATCH ? undefined : p;
  }

  /** The amount at index i on the fund's basis; undefined when unreadable or missing. */
  amountAt(i: number): Amount | undefined {
    const x = this.millionthsAt(i);
    if (x === x) return BigInt(x);
    const basis = this.basis;
    const h = this.holdings[i];
    return basis === "COST" ? h.costValue : basis ? h.fairValue : undefined;
  }

  /** amountAt, with a diagnostic saying which column the fund's basis needs when it is missing (amountOf). */
  basisAmountAt(i: number): Amount | undefined {
    const amount = this.amountAt(i);
    if (amount === undefined) this.needAmount(this.holdings[i]);
    return amount;
  }

  /** Whether position i's amount on the fund's basis is read below zero. */
  private basisBelowZeroAt(i: number): boolean {
    const x = this.millionthsAt(i);
    if (x === x) return x < 0;
    const amount = this.basisAmountAt(i);
    return amount !== undefined && amount < 0n;
  }

  /**
   * Adds the basis amount at index i to a sum: as integer millionths when the column gives them
   * (no BigInt), else as its BigInt. False when it cannot be read (with basisAmountAt's diagnostic).
   */
  addBasisAt(sum: ExactSum, i: number): boolean {
    const x = this.millionthsAt(i);
    if (x === x) {
      sum.addMillionths(x);
      return true;
    }
    const amount = this.basisAmountAt(i);
    if (amount === undefined) return false;
    sum.addBig(amount);
    return true;
  }

  /**
   * Records that a rule needed a value the row does not give, and what the value decides (the
   * sentence is made from it); unreadable cells were already reported by the reader.
   */
  needFund(column: string, why: Need): void {
    this.need("Funds", this.fund.row, this.fund.invalid, column, why);
  }

  needHolding(h: Holding, column: string, why: Need): void {
    this.need("Holdings", h.row, h.invalid, column, why);
  }

  needHolder(h: Holder, column: string, why: Need): void {
    this.need("Holders", h.row, h.invalid, column, why);
  }

  /** A warning, once per cell and reason; its English message is made from the reason. */
  warn(
    table: Diagnostic["table"],
    row: number,
    column: string | undefined,
    why: Reason,
  ): void {
    const message = english(why);
    const key = `${table}:${row}:${column}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({
      severity: "warning",
      table,
      row,
      column,
      message,
      ...why,
    });
  }

  /** Records where the position counts, as given (measures/tally.ts `counted` adds the English note). */
  count(
    p: Position,
    contribution: Omit<Contribution, "amount">,
    amount: Amount,
  ): void {
    if (p.outcome !== SCRATCH) {
      const i = p.outcome.counted.length;
      // Object.assign, not a spread followed by a key: Node 20's V8 builds `{ ...a, k: v }` on a slow path.
      p.outcome.counted.push(
        Object.assign({}, contribution, { amount: formatAmount(amount) }),
      );
      // Most contributions are the position's own amount: only the others are kept apart.
      const own = amount !== p.amount;
      if (own) (p.countedAmounts ??= [])[i] = amount;
      this.outcomeColumns?.count(p.index, i, contribution, own);
    }
  }

  /**
   * Leaves the position out of `rule` for a reason stated as a code and its facts, under the
   * facts' article unless another is given; returns false, so that a filter can end with it.
   */
  leaveOut(
    p: Position,
    rule: string,
    why: Reason & { code: ExclusionCode },
    article = (why.facts as { article?: string }).article,
  ): false {
    const { code, facts } = why;
    this.exclude(p, { rule, article, code, facts } as Excluded);
    return false;
  }

  /** Leaves the position out of a rule; the English reason is made from the code and facts when none is given. */
  exclude(p: Position, e: Excluded): void {
    if (p.outcome === SCRATCH) return;
    this.outcomeColumns?.exclude(p.index, e);
    if (e.reason !== undefined) p.outcome.excluded.push(e as Exclusion);
    else {
      const { rule, article, code, facts } = e;
      const reason = english({ code, facts } as Reason);
      p.outcome.excluded.push(
        article === undefined
          ? { rule, reason, code, facts }
          : { rule, article, reason, code, facts },
      );
    }
  }

  /** The position's outcome is recorded (explained checks, and the row is one asked for). */
  explained(p: Position): boolean {
    return p.outcome !== SCRATCH;
  }

  private heldList?: Position[];
  heldPositions(): Position[] {
    // Usually every position is held: then the list is the positions themselves, not a copy.
    this.heldList ??= this.positions.every((p) => p.held)
      ? this.positions
      : this.positions.filter((p) => p.held);
    return this.heldList;
  }

  /** The position's amount, or undefined with a diagnostic saying which column the fund's basis needs. */
  amountOf(p: Position): Amount | undefined {
    if (p.amount === undefined) this.needAmount(p.holding);
    return p.amount;
  }

  private needAmount(h: Holding): void {
    if (!this.basis) return;
    const column = this.basis === "COST" ? "costValue" : "fairValue";
    this.need("Holdings", h.row, h.invalid, column, {
      purpose: "basis-amount",
      basis: this.basis,
    });
  }

  private need(
    table: Diagnostic["table"],
    row: number,
    invalid: Set<string>,
    column: string,
    why: Need,
  ): void {
    const key = `${table}:${row}:${column}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (invalid.has(column)) return;
    const reason: Reason = { code: "value-needed", facts: { column, ...why } };
    this.diagnostics.push({
      severity: "error",
      table,
      row,
      column,
      message: english(reason),
      ...reason,
    });
  }

  private resolveBasis(options: BasisOptions): Basis | undefined {
    const f = this.fund;
    if (options.fairValueOnly) {
      if (f.basis === "COST")
        this.warn("Funds", f.row, "basis", {
          code: "basis-cost-ignored",
          facts: {},
        });
      return "FAIR";
    }
    if (f.basis) return f.basis;
    if (f.invalid.has("basis") || f.invalid.has("paidUpSubscriptions"))
      return undefined;
    return f.paidUpSubscriptions !== undefined
      ? (options.defaultWithSubscriptions ?? "COST")
      : "FAIR";
  }

  private position(i: number): Position {
    const h = this.holdings[i];
    const held = this.held[i] === 1;
    // Without the detailed report no outcome is read: the rows share one scratch record.
    if (!this.explain) {
      // The amount as a number from the column when the holding gives it (no BigInt per row).
      const x = this.millionthsAt(i);
      const cost = this.basis === "COST";
      // The holding gives the same number itself (one of the read), or its amount is a BigInt.
      const own =
        x === x &&
        (cost
          ? (h as MillionthsOf)[COST_MILLIONTHS]
          : (h as MillionthsOf)[FAIR_MILLIONTHS]) === x;
      const from = !own ? From.BIG : cost ? From.COST : From.FAIR;
      const big = from === From.BIG ? this.amountAt(i) : undefined;
      return new Position(h, SCRATCH, big, held, from, i);
    }
    const explain =
      this.explainRows === undefined || this.explainRows.has(h.row);
    const outcome: PositionOutcome = explain
      ? {
          row: h.row,
          lineId: h.lineId,
          issuerId: h.issuerId,
          issuerName: h.issuerName,
          assetClass: h.assetClass,
          amount: null,
          counted: [],
          excluded: [],
        }
      : SCRATCH;
    if (explain && h.invalid.size) outcome.unreadable = [...h.invalid];
    const amount = this.amountAt(i);
    if (amount !== undefined && explain) outcome.amount = formatAmount(amount);
    if (explain && !held) {
      const disposed = h.disposalDate;
      const gone =
        disposed !== undefined && disposed <= this.asOf
          ? notHeld("disposed", disposed)
          : notHeld("not-yet-invested", h.investmentDate!);
      outcome.excluded.push(gone);
      this.outcomeColumns?.exclude(i, gone);
    }
    return new Position(h, outcome, amount, held, From.BIG, i);
  }

  private resolveDenominator(): {
    denominator?: Amount;
    complete: boolean;
    summed?: true;
  } {
    const f = this.fund;
    if (!this.basis) {
      this.needFund("basis", { purpose: "basis" });
      return { complete: false };
    }
    if (this.basis === "COST") {
      if (f.paidUpSubscriptions === undefined) {
        this.needFund("paidUpSubscriptions", { purpose: "cost-base" });
        return { complete: false };
      }
      return { denominator: f.paidUpSubscriptions, complete: true };
    }
    if (f.totalAssets !== undefined)
      return { denominator: f.totalAssets, complete: true };
    if (f.invalid.has("totalAssets")) return { complete: false };
    // Blank total assets: the sum of the fund's positions at fair value, as the contract says.
    const total = new ExactSum();
    let complete = true;
    for (let i = 0; i < this.holdings.length; i++) {
      if (this.held[i] === 1 && !this.addBasisAt(total, i)) complete = false;
    }
    // A position of unread holding dates is summed (held or not is unknown): one below zero may
    // have been sold, and the base be more than the sum, enough to cure a maximum's breach.
    for (let k = 0; k < this.unplacedAt.length && complete; k++) {
      const i = this.unplacedAt[k];
      if (
        this.held[i] === 1 &&
        unreadHoldingDate(this.holdings[i]) !== undefined &&
        this.basisBelowZeroAt(i)
      )
        complete = false;
    }
    return { denominator: total.value(), complete, summed: true };
  }
}
