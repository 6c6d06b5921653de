import { type Amount, ExactSum } from "../amount";
import type { FundContext, Position } from "../fund-context";
import type { Holding } from "../model";
import type { Need } from "../reasons";
import type { Contribution } from "../result";
import { english as englishOf } from "../../present/english";

/** What a rule compares: an amount, and whether every value it needed could be read. */
export interface Measure {
  readonly total: Amount | undefined;
  readonly complete: boolean;
  /** What it could not read might lower its total (a share unread on a debt below zero): a partial total is then not the least. */
  readonly mayLower?: boolean;
}

/**
 * A sum of positions that knows whether it read every value it needed. Reading a position whose
 * amount is unreadable, or declaring a needed value unknown, leaves it partial; any rule compared
 * on it (compare.ts) is then `incomplete` with the partial total. There is no flag to remember.
 */
export class Tally implements Measure {
  // Amounts a holding gives as integer millionths in a number are summed as numbers, exactly
  // (ExactSum's proof), and made a BigInt once, when the total is read: no BigInt per row.
  private readonly sum = new ExactSum();
  complete = true;

  constructor(private readonly ctx: FundContext) {}

  get total(): Amount {
    return this.sum.value();
  }

  /** Adds the position's amount on the fund's basis, and records the contribution when given. */
  add(p: Position, counted?: Omit<Contribution, "amount">): Amount | undefined {
    const amount = this.ctx.amountOf(p);
    if (amount === undefined) this.complete = false;
    else {
      this.sum.addBig(amount);
      if (counted) count(this.ctx, p, counted, amount);
    }
    return amount;
  }

  /**
   * add() without handing the amount back: a position whose amount is a number in millionths is
   * summed as one, with no BigInt. Returns whether the amount could be read.
   */
  take(p: Position, counted?: Omit<Contribution, "amount">): boolean {
    const x = p.millionths;
    if (x !== x) return this.add(p, counted) !== undefined;
    this.sum.addMillionths(x);
    if (counted && this.ctx.explained(p))
      count(this.ctx, p, counted, BigInt(x));
    return true;
  }

  /**
   * take() of the fund's position at index i, read from the fund's columns (no position is made
   * unless its outcome is recorded). Returns whether the amount could be read.
   */
  takeAt(i: number, counted?: Omit<Contribution, "amount">): boolean {
    const ctx = this.ctx;
    if (!ctx.addBasisAt(this.sum, i)) {
      this.complete = false;
      return false;
    }
    const p = counted && ctx.explainedAt(i);
    if (p) count(ctx, p, counted, ctx.amountAt(i)!);
    return true;
  }

  /** plusPosition() of the fund's position at index i. */
  plusAt(i: number): boolean {
    const x = this.ctx.millionthsAt(i);
    if (x === x) {
      this.sum.addMillionths(x);
      return true;
    }
    const amount = this.ctx.amountAt(i);
    if (amount === undefined) return false;
    this.sum.addBig(amount);
    return true;
  }

  /** Adds the position's amount when it can be read, and nothing else (no diagnostic, no partial mark): another measure recorded those. */
  plusPosition(p: Position): boolean {
    const x = p.millionths;
    if (x === x) {
      this.sum.addMillionths(x);
      return true;
    }
    const amount = p.amount;
    if (amount === undefined) return false;
    this.sum.addBig(amount);
    return true;
  }

  /** Adds integer millionths already read, a safe integer (a look-through share). */
  plusMillionths(x: number): void {
    this.sum.addMillionths(x);
  }

  /** Adds an amount already read (a look-through share, a holder's units). */
  plus(amount: Amount): void {
    this.sum.addBig(amount);
  }

  /** A value the measure needed is blank or unreadable; with a holding, the diagnostic names its column and what it decides. */
  unknown(h?: Holding, column?: string, why?: Need): void {
    this.complete = false;
    if (h && column && why) this.ctx.needHolding(h, column, why);
  }
}

/**
 * Records where a position counts, with its English note made from the contribution's reason
 * (`explain`) when the rule gives none: rules state the code and its facts, never the sentence.
 */
export function count(
  ctx: FundContext,
  p: Position,
  contribution: Omit<Contribution, "amount">,
  amount: Amount,
): void {
  // Before any destructuring: a plain check calls this per row and must allocate nothing.
  if (!ctx.explained(p)) return;
  const { rule, article, note, ...rest } = contribution;
  const english = note ?? (rest.explain && englishOf(rest.explain));
  ctx.count(
    p,
    {
      rule,
      article,
      ...(english === undefined ? {} : { note: english }),
      ...rest,
    },
    amount,
  );
}

/** Marks every tally partial: one unknown value that each of them needed. */
export function unknownIn(...tallies: Tally[]): void {
  for (const t of tallies) t.unknown();
}

/** An amount made of several measures: complete only when each of them is. */
export function made(total: Amount, ...parts: Measure[]): Measure {
  let complete = true;
  for (let k = 0; k < parts.length && complete; k++)
    complete = parts[k].complete;
  return { total, complete };
}

/** The base of the fund's ratios (paid-up subscriptions or total assets), complete when it could be established. */
export function fundBase(ctx: FundContext): Measure {
  return { total: ctx.denominator, complete: ctx.denominatorComplete };
}
