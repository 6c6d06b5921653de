import { compareText } from "./compare-text";
import {
  type Amount,
  amountFromString,
  ExactSum,
  formatAmount,
  maxAmount,
  minAmount,
  ZERO,
} from "./amount";
import type { FundContext, Position } from "./fund-context";
import type { Holding } from "./model";
import { type Shapes, shapesOf } from "./reconciliation-shapes";
import type {
  Contribution,
  Exclusion,
  ExclusionCode,
  Reconciliation,
  ReconciliationLine,
  ReconciliationReason,
  RuleResult,
} from "./result";
import { L214_160, L214_30, ratioAt } from "../law";
import { FPCI_CCA30 } from "./rules/fpci-definitions";
import {
  capOf,
  cappedSums,
  freshInBucketCounted,
} from "./rules/l214-28-limits";
import { regionKey } from "./rules/region-key";
import { MEASURED_APART } from "./rules/livre2/definitions";
import { labelOf } from "../present/reconciliation-labels";

type LineEntry = Omit<ReconciliationLine, "amount" | "label"> & {
  sum: ExactSum;
};

/** Lines keyed by reason, article and where they enter, summed exactly in millionths. */
/** The reasons in the order the contract extension lists them (docs/workbook-format.md, Reconciliation). */
const REASON_RANK: Record<ReconciliationReason, number> = {
  counted: 0,
  "counted-within-cap": 1,
  "above-cap": 2,
  "look-through-remainder": 3,
  excluded: 4,
  "breaks-condition": 5,
  allowed: 6,
  "in-denominator": 7,
  "other-region": 8,
  "outside-rule": 9,
  "not-held": 10,
  unreadable: 11,
  "paid-up-bridge": 12,
  "total-assets-bridge": 13,
  borrowings: 14,
  "look-through-debt": 15,
  "largest-holder": 16,
  "public-law-holders": 17,
  "other-holders": 18,
  "measured-apart": 19,
  "rule-numerator": 20,
  "rule-denominator": 21,
};

class Lines {
  /** The fund's amounts in millionths, by position index (FundContext.millionths). */
  constructor(
    private readonly millionths: Float64Array,
    private readonly recorder?: Recorder,
  ) {}
  /** Lines in the order they first appear (list() orders them); found by article, then by a short scan (no key string per row). */
  private readonly order: LineEntry[] = [];
  private readonly byArticle = new Map<string | undefined, LineEntry[]>();
  private last?: LineEntry;

  private find(
    reason: ReconciliationReason,
    article: string | undefined,
    numerator: boolean,
    denominator: boolean,
    code: ExclusionCode | undefined,
  ): LineEntry | undefined {
    // Consecutive rows mostly land on the same line: it is tried before the map.
    const last = this.last;
    if (
      last !== undefined &&
      last.reason === reason &&
      last.article === article &&
      last.numerator === numerator &&
      last.denominator === denominator &&
      last.code === code
    )
      return last;
    const list = this.byArticle.get(article);
    if (list)
      for (const e of list)
        if (
          e.reason === reason &&
          e.numerator === numerator &&
          e.denominator === denominator &&
          e.code === code
        )
          return (this.last = e);
    return undefined;
  }

  /** Adds an amount: a BigInt, or integer millionths as a safe integer. */
  add(
    reason: ReconciliationReason,
    article: string | undefined,
    amount: Amount | number,
    count: number,
    numerator: boolean,
    denominator: boolean,
    code?: ExclusionCode,
  ): LineEntry {
    const line = this.line(reason, article, numerator, denominator, code);
    // A BigInt added as one: converting it to a number first costs more than the addition.
    if (typeof amount === "number") line.sum.addMillionths(amount);
    else line.sum.addBig(amount);
    line.count += count;
    return line;
  }

  /** Adds a position's amount (i < 0) or its i-th counted amount, in millionths when it has them. */
  addAt(
    reason: ReconciliationReason,
    article: string | undefined,
    p: Position,
    i: number,
    count: number,
    numerator: boolean,
    denominator: boolean,
    code?: ExclusionCode,
  ): void {
    const line = this.line(reason, article, numerator, denominator, code);
    const own = addCounted(line.sum, p, i, this.millionths);
    line.count += count;
    this.recorder?.add(line.sum, line, count, own);
  }

  private line(
    reason: ReconciliationReason,
    article: string | undefined,
    numerator: boolean,
    denominator: boolean,
    code: ExclusionCode | undefined,
  ): LineEntry {
    let line = this.find(reason, article, numerator, denominator, code);
    if (!line) {
      line = {
        reason,
        code,
        article,
        sum: new ExactSum(),
        count: 0,
        numerator,
        denominator,
      };
      this.order.push(line);
      const list = this.byArticle.get(article);
      if (list) list.push(line);
      else this.byArticle.set(article, [line]);
    }
    return line;
  }

  /** Moves part of a line to another reason (the part above a cap). */
  move(
    from: { reason: ReconciliationReason; article?: string },
    to: ReconciliationReason,
    amount: Amount,
    numerator: boolean,
    denominator: boolean,
  ): void {
    if (amount === ZERO) return;
    const line = this.find(
      from.reason,
      from.article,
      numerator,
      denominator,
      undefined,
    );
    if (!line) return;
    line.sum.add(-amount);
    this.add(to, from.article, amount, 0, false, denominator);
  }

  sum(filter: (l: { numerator: boolean; denominator: boolean }) => boolean) {
    let total = ZERO;
    for (const l of this.order) if (filter(l)) total += l.sum.value();
    return total;
  }

  /**
   * The lines in one order whatever the rows' order (a table sorted in Excel gives the same
   * reconciliation): by reason as the contract lists them, then article, then exclusion code.
   */
  list(): ReconciliationLine[] {
    const lines = [...this.order].sort(
      (a, b) =>
        REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
        compareText(a.article, b.article) ||
        compareText(a.code, b.code),
    );
    // Fields in reading order: why, then how much, then where it goes.
    return lines.map((e) => ({
      reason: e.reason,
      ...(e.code === undefined ? {} : { code: e.code }),
      label: labelOf(e.reason, e.code),
      ...(e.article === undefined ? {} : { article: e.article }),
      amount: formatAmount(e.sum.value()),
      count: e.count,
      numerator: e.numerator,
      denominator: e.denominator,
    }));
  }
}

type Kind =
  "quota" | "fresh" | "listed" | "region" | "closed" | "feeder-15" | "plain";

/** The parts of one position's amount: the first part carries the row's count. */
class Part {
  first = true;
  /** How many parts, the first one's contribution (-1: the whole amount), and the others'. */
  private parts = 0;
  private firstIndex = -1;
  private others: number[] = [];
  constructor(
    private readonly lines: Lines,
    private readonly inBase: boolean,
  ) {}

  start(): void {
    this.first = true;
    this.parts = 0;
  }

  /**
   * The part of the amount left out of the rule's lines; undefined when the parts are the whole
   * amount whatever it is (one part of the position's own amount: the common case, with no BigInt).
   */
  remainder(p: Position, amount: () => Amount): Amount | undefined {
    const first = this.firstIndex;
    if (
      this.parts === 1 &&
      (first < 0 || p.countedAmounts?.[first] === undefined)
    )
      return undefined;
    let sum = countedAmount(p, first);
    for (let k = 0; k < this.parts - 1; k++)
      sum += countedAmount(p, this.others[k]);
    return amount() - sum;
  }

  /** The contributions the parts were counted from (-1: the whole amount). */
  indices(): number[] {
    return [this.firstIndex, ...this.others.slice(0, this.parts - 1)];
  }

  add(
    reason: ReconciliationReason,
    article: string | undefined,
    p: Position,
    i: number,
    numerator: boolean,
  ): void {
    this.lines.addAt(
      reason,
      article,
      p,
      i,
      this.first ? 1 : 0,
      numerator,
      this.inBase,
    );
    this.first = false;
    if (this.parts === 0) this.firstIndex = i;
    else this.others[this.parts - 1] = i;
    this.parts += 1;
  }
}

/**
 * Adds a position's amount (i < 0) or its i-th counted amount: the fund's millionths (a safe
 * integer, FundContext.millionths) when the amount is the position's own and it has them.
 * Returns i when it added an amount of the contribution's own, -1 when the position's.
 */
function addCounted(
  sum: ExactSum,
  p: Position,
  i: number,
  millionths: Float64Array,
): number {
  const own = i < 0 ? undefined : p.countedAmounts?.[i];
  if (own !== undefined) {
    sum.addBig(own);
    return i;
  }
  const m = millionths[p.index];
  if (m === m) sum.addMillionths(m);
  else sum.addBig(p.amount ?? ZERO);
  return -1;
}

/** The articles a rule's lines are moved under after the loop: the last position to name one wins. */
interface Articles {
  bucket?: string;
  advance?: string;
  fresh?: string;
  eltif?: string;
  holding?: string;
}

/**
 * What one position did to a rule's sums: an amount added to `sum` (and `count` to its line), or
 * an article noted. The amount is the position's own, or its `own`-th contribution's (an amount of
 * that contribution's own), or with `remainder` what the contributions counted from those indices
 * (-1: the whole amount) leave of it.
 */
interface Step {
  sum?: ExactSum;
  line?: LineEntry;
  count: number;
  own?: number;
  remainder?: number[];
  article?: keyof Articles;
  value?: string;
}

/** A shape's steps; `linear` when every step adds the position's own amount. */
interface Plan {
  steps: Step[];
  linear: boolean;
}

/** Each shape's plan; null for a shape worked out position by position, undefined before its first. */
type Plans = (Plan | null | undefined)[];

/**
 * Records what the first position of a shape does to a rule's lines, so that every other
 * position of the shape (the same outcome, the same class, an amount in millionths, amounts of
 * their own for the same contributions) adds its amounts to the same sums. A remainder the first
 * position did not have stops the replay: another position's would make a line of its own.
 */
class Recorder {
  private steps?: Step[];
  private linear = true;
  private replayable = true;

  start(): void {
    this.steps = [];
    this.linear = this.replayable = true;
  }

  /** An amount added to `sum`: the position's (own < 0) or its own-th contribution's own. */
  add(sum: ExactSum, line: LineEntry | undefined, count: number, own: number) {
    if (!this.steps) return;
    if (own < 0) this.steps.push({ sum, line, count });
    else {
      this.steps.push({ sum, line, count, own });
      this.linear = false;
    }
  }

  /** What the parts counted from these contributions leave of the amount, added to `line` (none when nothing). */
  remainder(parts: number[], line: LineEntry | undefined): void {
    if (!this.steps) return;
    this.linear = false;
    if (line)
      this.steps.push({ sum: line.sum, line, count: 0, remainder: parts });
    else this.replayable = false;
  }

  article(article: keyof Articles, value: string | undefined): void {
    this.steps?.push({ count: 0, article, value });
  }

  /** The plan; null when the shape must be worked out position by position. */
  stop(): Plan | null {
    const steps = this.steps;
    this.steps = undefined;
    return this.replayable && steps ? { steps, linear: this.linear } : null;
  }
}

/** Where each article was last noted, by position index. */
type NotedAt = Partial<Record<keyof Articles, number>>;

/**
 * The other positions of the shapes whose steps add only their own amount, when a rule works out
 * some of them in full (the rows a failed condition names). Such a replay adds a position's amount
 * where the shape's first position's went, and its count to those lines: it is linear in the
 * amount, so a shape's positions are summed (exactly, while the sum is a safe integer) and
 * replayed once, at the end. Its articles are noted as the shape's last position would have noted
 * them, unless a position worked out in full after it noted them (the last one in the rows' order
 * wins).
 */
class Deferred {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  /** The shape's last position replayed; -1 for none. */
  private readonly last: Int32Array;

  constructor(shapes: number) {
    this.sums = new Float64Array(shapes);
    this.counts = new Int32Array(shapes);
    this.last = new Int32Array(shapes).fill(-1);
  }

  add(steps: Step[], shape: number, millionths: number, k: number): void {
    const sum = this.sums[shape] + millionths;
    if (sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER) {
      this.sums[shape] = sum;
      this.counts[shape]++;
    } else {
      replaySums(steps, () => this.sums[shape], this.counts[shape]);
      [this.sums[shape], this.counts[shape]] = [millionths, 1];
    }
    this.last[shape] = k;
  }

  replay(plans: Plans, at: Articles, notedAt: NotedAt) {
    for (let shape = 0; shape < this.last.length; shape++) {
      const last = this.last[shape];
      if (last < 0) continue;
      const { steps } = plans[shape]!;
      replaySums(steps, () => this.sums[shape], this.counts[shape]);
      noteArticles(steps, last, at, notedAt);
    }
  }
}

/**
 * `count` positions of a recorded shape added where its first one's went: `amount(i)` is their
 * amounts summed (millionths as a number or a BigInt), those of their i-th contribution's own
 * for i ≥ 0.
 */
function replaySums(
  steps: Step[],
  amount: (own: number) => number | Amount,
  count: number,
): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.article !== undefined) continue;
    let x = amount(step.own ?? -1);
    if (step.remainder)
      for (const part of step.remainder) x = BigInt(x) - BigInt(amount(part));
    if (typeof x === "number") step.sum!.addMillionths(x);
    else step.sum!.add(x);
    if (step.line) step.line.count += step.count * count;
  }
}

/** A shape's articles, noted as its position `last` notes them, unless a position worked out in full noted them later. */
function noteArticles(
  steps: Step[],
  last: number,
  at: Articles,
  notedAt: NotedAt,
): void {
  for (const { article, value } of steps)
    if (article !== undefined && last > (notedAt[article] ?? -1)) {
      at[article] = value;
      notedAt[article] = last;
    }
}

/**
 * Works out in full, in the rows' order, the positions a rule does not replay: each shape's first
 * (its steps recorded), the positions read one by one, and every position of a shape that cannot
 * be replayed. Until the first such shape, only the shapes' first positions and those read one
 * by one are looked at.
 */
function visitInOrder(
  shapes: Shapes,
  plans: Plans,
  record: (k: number, shape: number) => void,
  visit: (k: number) => void,
): void {
  const { first, oneByOne } = shapes;
  let [s, o] = [0, 0];
  while (s < shapes.count || o < oneByOne.length) {
    if (s < shapes.count && (o === oneByOne.length || first[s] < oneByOne[o])) {
      record(first[s], s);
      if (plans[s] === null)
        return visitFrom(first[s] + 1, shapes, plans, record, visit);
      s++;
    } else visit(oneByOne[o++]);
  }
}

/** visitInOrder past a shape that cannot be replayed: a pass over every position from k. */
function visitFrom(
  from: number,
  shapes: Shapes,
  plans: Plans,
  record: (k: number, shape: number) => void,
  visit: (k: number) => void,
): void {
  const id = shapes.ids();
  for (let k = from; k < id.length; k++) {
    const s = id[k];
    if (s < 0 || plans[s] === null) visit(k);
    else if (plans[s] === undefined) record(k, s);
  }
}

/** Each replayed shape's other positions, added where its first one's went (Shapes.othersSum, ownSums). */
function replayOthers(
  shapes: Shapes,
  plans: Plans,
  at: Articles,
  notedAt: NotedAt,
): void {
  for (let s = 0; s < shapes.count; s++) {
    const plan = plans[s];
    if (!plan || shapes.others[s] === 0) continue;
    const whole = shapes.othersSum[s].value();
    const own = shapes.ownSums[s];
    replaySums(
      plan.steps,
      (i) => (i < 0 ? whole : (own[i]?.value() ?? whole)),
      shapes.others[s],
    );
    noteArticles(plan.steps, shapes.last[s], at, notedAt);
  }
}

/** The quotas that count the 20 % bucket and advances up to their caps. */
const QUOTAS = new Set(["FCPR-Q50", "FCPI-Q70", "FIP-Q70"]);
/** What counts under the five years after admission: the quota's contributions under these articles. */
const LISTED: Record<string, { quota: string; article: string }> = {
  "FCPR-L5Y": { quota: "FCPR-Q50", article: "L. 214-28 IV" },
  "FCPI-L5Y": { quota: "FCPI-Q70", article: "L. 214-30 II" },
  "FIP-L5Y": { quota: "FIP-Q70", article: "L. 214-31 II" },
};
/** Closed lists whose numerator is the positions that break them. */
const CLOSED = new Set(["OPCI-ASSET", "OPCI-CCA5", "FIVG-FEED"]);
const HOLDER_CAPS = new Set(["FIP-H20", "FIP-H10", "FIP-H30"]);
const BUCKET = "FCPR-B20";
/** Fresh capital: its part in the 20 % bucket counts only as far as the quota counts the bucket. */
const FRESH = new Set(["FCPI-FRESH40", "FIP-FRESH40"]);
const BUCKET_ARTICLE = "L. 214-28 III";
/** L. 214-30 IV: a holding company's III securities, counted within 20 % and then with the bucket. */
const HOLDING = "FCPI-HOLD75";

/** The holding companies' III securities the quota may count: up to the 20 % of L. 214-30 IV 1. */
function holdingCounted(ctx: FundContext, listed: Amount): Amount {
  const cap = capOf(ctx, ratioAt(L214_30.holdingListedCap, ctx.asOf));
  return cap === undefined ? listed : minAmount(listed, cap);
}

/**
 * From the fund's holdings to one rule's numerator and denominator, by reason. Built from the
 * positions' outcomes, so only in the detailed (explained) check. The amounts are exact: every
 * row's amount is split into parts that add up to it, and the bridge to the denominator is the
 * exact difference between the base of the ratio and the holdings held.
 */
export function reconcileRule(
  ctx: FundContext,
  rule: RuleResult,
  /** The fund's shapes, asked only by a rule reconciled from the positions' outcomes. */
  shapesOfFund: () => Shapes = () => shapesOf(ctx),
): Reconciliation {
  if (HOLDER_CAPS.has(rule.id)) return reconcileHolders(ctx, rule);
  // FCPI-HOLD75's value is capped, not a plain sum of holdings: reconciled apart.
  if (MEASURED_APART.has(rule.id) || rule.id === HOLDING)
    return reconcileApart(ctx, rule);
  const recorder = new Recorder();
  const lines = new Lines(ctx.millionths, recorder);
  const adjustments = new Lines(ctx.millionths);
  const leverage = rule.id === "OPCI-LEV40";
  const inBase = ctx.denominator !== undefined;
  // What a cap does not retain of the amount counted within it: moved to the above-cap line.
  const aboveCap = (article: string | undefined, amount: Amount): void => {
    if (article)
      lines.move(
        { reason: "counted-within-cap", article },
        "above-cap",
        amount,
        true,
        inBase,
      );
  };
  const worstRegion = rule.id === "FIP-REG25" ? largestRegion(ctx) : undefined;
  const { total, held } = holdingsTotals(ctx);
  const at: Articles = {};
  // Where each article was last noted by a position worked out in full (Deferred.replay).
  const notedAt: NotedAt = {};
  let current = -1;
  const note = (article: keyof Articles, value: string | undefined) => {
    at[article] = value;
    notedAt[article] = current;
    recorder.article(article, value);
  };
  // Sums by position, in millionths while they are exact as numbers (no BigInt per row).
  const bucketSum = new ExactSum();
  const bucketReceivablesSum = new ExactSum();
  const freshInBucketSum = new ExactSum();
  const advancesSum = new ExactSum();
  // The ELTIF infrastructure advances (L. 214-160 II 1°, al. 2), capped at 30 % apart from II 1°.
  const eltifAdvancesSum = new ExactSum();
  const holdingListedSum = new ExactSum();

  const kind: Kind = QUOTAS.has(rule.id)
    ? "quota"
    : FRESH.has(rule.id)
      ? "fresh"
      : LISTED[rule.id]
        ? "listed"
        : worstRegion !== undefined
          ? "region"
          : CLOSED.has(rule.id)
            ? "closed"
            : rule.id === "OPCVM-FEED15"
              ? "feeder-15"
              : "plain";
  const listed = LISTED[rule.id];
  // The rows a failed gate or closed list names: in the numerator, to cure.
  const breaking = new Set<number>();
  for (const c of rule.conditions ?? [])
    if (c.failed) for (const b of c.positions ?? []) breaking.add(b.row);
  const part = new Part(lines, inBase);
  const acc = (sum: ExactSum, p: Position, i: number) => {
    recorder.add(sum, undefined, 0, addCounted(sum, p, i, ctx.millionths));
  };
  const whole = -1;
  // One position, worked out in full.
  const visit = (p: Position): void => {
    const m = ctx.millionths[p.index];
    if (m !== m && p.amount === undefined) {
      lines.add("unreadable", undefined, ZERO, 1, false, false);
      return;
    }
    if (!p.held) {
      lines.addAt("not-held", undefined, p, whole, 1, false, false);
      return;
    }
    const contributions = p.outcome.counted;
    if (leverage) {
      let base = false;
      for (const c of contributions)
        if (c.rule === rule.id && c.code === undefined) base = true;
      lines.addAt(
        base ? "in-denominator" : "outside-rule",
        base ? "L. 214-39" : undefined,
        p,
        whole,
        1,
        false,
        base,
      );
      return;
    }
    part.start();
    for (let i = 0; i < contributions.length; i++) {
      const c = contributions[i];
      switch (kind) {
        case "quota":
          if (c.rule === BUCKET) {
            note("bucket", BUCKET_ARTICLE);
            acc(bucketSum, p, i);
            if (p.holding.assetClass === "RECEIVABLE")
              acc(bucketReceivablesSum, p, i);
            part.add("counted-within-cap", BUCKET_ARTICLE, p, i, true);
          } else if (c.rule === HOLDING) {
            note("holding", c.article);
            acc(holdingListedSum, p, i);
            part.add("counted-within-cap", c.article, p, i, true);
          } else if (c.rule !== rule.id) break;
          else if (c.article === FPCI_CCA30.article) {
            note("eltif", c.article);
            acc(eltifAdvancesSum, p, i);
            part.add("counted-within-cap", c.article, p, i, true);
          } else if (p.holding.assetClass === "CURRENT_ACCOUNT_ADVANCE") {
            note("advance", c.article);
            acc(advancesSum, p, i);
            part.add("counted-within-cap", c.article, p, i, true);
          } else part.add("counted", c.article, p, i, true);
          break;
        case "fresh":
          if (c.rule === BUCKET) acc(bucketSum, p, i);
          else if (c.rule === HOLDING) acc(holdingListedSum, p, i);
          else if (c.rule === rule.id) {
            if (
              contributions.some((x) => x.rule === BUCKET || x.rule === HOLDING)
            ) {
              note("fresh", c.article);
              acc(freshInBucketSum, p, i);
              part.add("counted-within-cap", c.article, p, i, true);
            } else part.add("counted", c.article, p, i, true);
          }
          break;
        case "listed":
          if (c.rule === listed.quota && c.article === listed.article)
            part.add("counted", c.article, p, i, true);
          break;
        case "region":
          if (c.rule === rule.id) {
            const mine = regionKey(p.holding.region ?? "") === worstRegion;
            part.add(mine ? "counted" : "other-region", c.article, p, i, mine);
          }
          break;
        default:
          if (rule.id === BUCKET && c.rule === HOLDING) {
            // FCPR-B20 measures the holding companies' III securities as far as IV 1. counts them.
            note("holding", c.article);
            acc(holdingListedSum, p, i);
            part.add("counted-within-cap", c.article, p, i, true);
          } else if (c.rule === rule.id)
            part.add(
              breaking.has(p.holding.row)
                ? "breaks-condition"
                : kind === "closed"
                  ? "allowed"
                  : "counted",
              c.article,
              p,
              i,
              kind !== "closed",
            );
      }
    }
    let exclusion: Exclusion | undefined;
    for (const e of p.outcome.excluded)
      if (concerns(e.rule, rule.id)) {
        exclusion = e;
        break;
      }
    if (
      part.first &&
      (kind === "closed" || kind === "feeder-15") &&
      breaking.has(p.holding.row)
    )
      part.add("breaks-condition", exclusion?.article, p, whole, true);
    // The 15 % of a feeder measures everything but the master's units, but for what may be
    // theirs: a position of no class, or units whose masterId is unreadable (feeders.ts).
    if (
      part.first &&
      kind === "feeder-15" &&
      !contributions.some((c) => c.rule === "OPCVM-FEED85") &&
      !mayBeMasters(p.holding)
    )
      part.add("counted", undefined, p, whole, true);
    if (part.first) {
      lines.addAt(
        exclusion ? "excluded" : kind === "closed" ? "allowed" : "outside-rule",
        exclusion?.article,
        p,
        whole,
        1,
        false,
        inBase,
        exclusion?.code,
      );
      return;
    }
    const rest = part.remainder(p, () => p.amount!);
    if (rest === undefined) return;
    const line =
      rest === ZERO
        ? undefined
        : lines.add(
            p.holding.assetClass === "ENTITY_RIGHTS"
              ? "look-through-remainder"
              : "excluded",
            exclusion?.article ?? articleOf(contributions, rule.id),
            rest,
            0,
            false,
            inBase,
          );
    recorder.remainder(part.indices(), line);
  };
  const positions = ctx.positions;
  if (kind === "region")
    // Which region a contribution counts in is not part of the shape: every position read.
    for (let k = 0; k < positions.length; k++) {
      current = k;
      visit(positions[k]);
    }
  else {
    const shapes = shapesOfFund();
    const plans: Plans = new Array(shapes.count);
    // The shape's first position: worked out in full, its steps kept for the others.
    const record = (k: number, shape: number) => {
      current = k;
      recorder.start();
      visit(positions[current]);
      plans[shape] = recorder.stop();
    };
    if (breaking.size === 0) {
      visitInOrder(shapes, plans, record, (k) => {
        current = k;
        visit(positions[k]);
      });
      replayOthers(shapes, plans, at, notedAt);
    } else {
      // A failed condition's rows are worked out in full: the shapes' other positions summed here.
      const id = shapes.ids();
      const deferred = new Deferred(shapes.count);
      for (let k = 0; k < positions.length; k++) {
        const shape = id[k];
        const plan = shape < 0 ? null : plans[shape];
        const p = positions[k];
        current = k;
        // A shape whose steps read more than the position's amount: each position worked out.
        if (
          plan === null ||
          plan?.linear === false ||
          breaking.has(p.holding.row)
        )
          visit(p);
        else if (plan) deferred.add(plan.steps, shape, ctx.millionths[k], k);
        else record(k, shape);
      }
      deferred.replay(plans, at, notedAt);
    }
  }
  const bucket = bucketSum.value();
  const bucketReceivables = bucketReceivablesSum.value();
  const freshInBucket = freshInBucketSum.value();
  const advances = advancesSum.value();
  const eltifAdvances = eltifAdvancesSum.value();
  const holdingListed = holdingListedSum.value();

  const holdingIn = holdingCounted(ctx, holdingListed);
  if (QUOTAS.has(rule.id)) {
    const { bucketCounted, advancesCounted } = cappedSums(
      ctx,
      bucket + holdingIn,
      advances,
      bucketReceivables,
    );
    // As the engine: the holding companies' excess over their own 20 %, then the bucket's excess,
    // taken from the other III items first.
    const over = bucket + holdingIn - bucketCounted;
    // Never below zero: a bucket summed below zero (a sign error) has nothing above the cap.
    const fromBucket = minAmount(over, maxAmount(bucket, ZERO));
    aboveCap(at.bucket, fromBucket);
    aboveCap(at.holding, holdingListed - holdingIn + (over - fromBucket));
    aboveCap(at.advance, advances - advancesCounted);
    if (at.eltif) {
      // As the quota: both kinds together up to 30 %, the excess taken from the 30 % advances first.
      const cap = capOf(ctx, ratioAt(L214_160.eltifAdvances, ctx.asOf));
      const both = advancesCounted + eltifAdvances;
      const excess = cap === undefined || both <= cap ? ZERO : both - cap;
      const fromEltif = minAmount(excess, maxAmount(eltifAdvances, ZERO));
      aboveCap(at.eltif, fromEltif);
      aboveCap(at.advance, excess - fromEltif);
    }
  }

  if (rule.id === BUCKET && at.holding)
    aboveCap(at.holding, holdingListed - holdingIn);

  if (kind === "fresh" && at.fresh) {
    const { bucketCounted } = cappedSums(ctx, bucket + holdingIn, ZERO);
    const counted = freshInBucketCounted(freshInBucket, bucketCounted);
    aboveCap(at.fresh, freshInBucket - counted);
  }

  if (leverage) {
    adjustments.add(
      "borrowings",
      "L. 214-39",
      ctx.fund.borrowings ?? ZERO,
      0,
      true,
      false,
    );
    for (const p of ctx.positions)
      p.outcome.counted.forEach((c, i) => {
        if (c.rule === rule.id && c.code === "look-through-debt")
          adjustments.add(
            "look-through-debt",
            "L. 214-39",
            countedAmount(p, i),
            1,
            true,
            false,
          );
      });
  } else if (ctx.denominator !== undefined) {
    const bridge =
      ctx.basis === "COST"
        ? "paid-up-bridge"
        : ctx.fund.totalAssets !== undefined
          ? "total-assets-bridge"
          : undefined;
    if (bridge)
      adjustments.add(
        bridge,
        undefined,
        ctx.denominator - held,
        0,
        false,
        true,
      );
  }

  const all = (
    f: (l: { numerator: boolean; denominator: boolean }) => boolean,
  ) => lines.sum(f) + adjustments.sum(f);
  const denominator =
    leverage || inBase ? all((l) => l.denominator) : undefined;
  return {
    unit: rule.unit ?? "EUR",
    total: formatAmount(total),
    lines: lines.list(),
    adjustments: adjustments.list(),
    numerator: formatAmount(all((l) => l.numerator)),
    denominator: denominator === undefined ? null : formatAmount(denominator),
  };
}

/**
 * Every rule's reconciliation, the positions' shapes worked out once for all of them, and only
 * when one of them reads the outcomes (not for the holder caps or the rules measured apart).
 */
export function reconcileRules(
  ctx: FundContext,
  rules: readonly RuleResult[],
): Reconciliation[] {
  let shapes: Shapes | undefined;
  const shapesOfFund = () => (shapes ??= shapesOf(ctx));
  return rules.map((r) => reconcileRule(ctx, r, shapesOfFund));
}

/** A position the feeder rules leave out of the amount beside the master: it may be the master's units. */
function mayBeMasters(h: Holding): boolean {
  return (
    h.assetClass === undefined ||
    (h.assetClass === "FUND_UNITS" && h.invalid.has("masterId"))
  );
}

const totalsOf = new WeakMap<FundContext, { total: Amount; held: Amount }>();
/** The fund's holdings, all rows and those held on the as-of date: the same for every rule. */
function holdingsTotals(ctx: FundContext): { total: Amount; held: Amount } {
  let totals = totalsOf.get(ctx);
  if (!totals) {
    const total = new ExactSum();
    const held = new ExactSum();
    // From the columns: a position is read only when its amount is a BigInt or unreadable.
    const { millionths: m, held: isHeld, positions } = ctx;
    for (let k = 0; k < m.length; k++) {
      const x = m[k];
      if (x === x) {
        total.addMillionths(x);
        if (isHeld[k] === 1) held.addMillionths(x);
        continue;
      }
      const amount = positions[k].amount;
      if (amount === undefined) continue;
      total.addBig(amount);
      if (isHeld[k] === 1) held.addBig(amount);
    }
    totals = { total: total.value(), held: held.value() };
    totalsOf.set(ctx, totals);
  }
  return totals;
}

/** The exact amount of a position's i-th contribution (kept apart only when it is not the position's own). */
function countedAmount(p: Position, i: number): Amount {
  return p.countedAmounts?.[i] ?? p.amount ?? ZERO;
}

/** An exclusion that names this rule, or a family wildcard such as "OPCI-*". */
function concerns(excludedFrom: string, ruleId: string): boolean {
  if (excludedFrom === ruleId) return true;
  return (
    excludedFrom.length > 1 &&
    excludedFrom.endsWith("*") &&
    ruleId.startsWith(excludedFrom.slice(0, -1))
  );
}

function articleOf(counted: Contribution[], ruleId: string) {
  return counted.find((c) => c.rule === ruleId)?.article;
}

/** The region whose companies weigh most (L. 214-31 IV), as the rule picks it: the first of the largest. */
function largestRegion(ctx: FundContext): string | undefined {
  const totals = new Map<string, Amount>();
  for (const p of ctx.positions)
    p.outcome.counted.forEach((c, i) => {
      if (c.rule === "FIP-REG25" && p.holding.region !== undefined) {
        const key = regionKey(p.holding.region);
        totals.set(key, (totals.get(key) ?? ZERO) + countedAmount(p, i));
      }
    });
  let worst: [string, Amount] | undefined;
  for (const e of totals) if (worst === undefined || e[1] > worst[1]) worst = e;
  return worst?.[0];
}

/**
 * Livre II rules whose numerator or denominator is not a sum of the holdings' own amounts (a fund's
 * facts, orders, maximum losses, a look-through quota): the holdings stand apart and the rule's
 * figures come in as adjustments, so the bridge is still exact.
 */
function reconcileApart(ctx: FundContext, rule: RuleResult): Reconciliation {
  const lines = new Lines(ctx.millionths);
  const adjustments = new Lines(ctx.millionths);
  const { total } = holdingsTotals(ctx);
  // From the columns: a position is read only when its amount is a BigInt or unreadable.
  const { millionths: m, held, positions } = ctx;
  for (let k = 0; k < m.length; k++) {
    const amount = m[k] === m[k] ? m[k] : positions[k].amount;
    if (amount === undefined)
      lines.add("unreadable", undefined, ZERO, 1, false, false);
    else if (held[k] !== 1)
      lines.add("not-held", undefined, amount, 1, false, false);
    else lines.add("measured-apart", rule.article, amount, 1, false, false);
  }
  const numerator =
    rule.numerator === null ? ZERO : amountFromString(rule.numerator);
  adjustments.add("rule-numerator", rule.article, numerator, 0, true, false);
  if (rule.denominator !== null)
    adjustments.add(
      "rule-denominator",
      rule.article,
      amountFromString(rule.denominator),
      0,
      false,
      true,
    );
  return {
    unit: rule.unit ?? "EUR",
    total: formatAmount(total),
    lines: lines.list(),
    adjustments: adjustments.list(),
    numerator: formatAmount(numerator),
    denominator: rule.denominator === null ? null : rule.denominator,
  };
}

/** FIP holder caps (L. 214-31 VI): from the fund's units to the holder or holders the cap measures. */
function reconcileHolders(ctx: FundContext, rule: RuleResult): Reconciliation {
  const byHolder = new Map<string, { units: Amount; publicLaw: boolean }>();
  const keyOf = new Map<(typeof ctx.holders)[number], string>();
  let total = ZERO;
  for (const h of ctx.holders) {
    if (h.units === undefined) continue;
    const key = h.holderId ?? `row ${h.row}`;
    keyOf.set(h, key);
    const e = byHolder.get(key) ?? { units: ZERO, publicLaw: false };
    e.units += h.units;
    e.publicLaw ||= h.holderType === "PUBLIC_LAW_LEGAL";
    byHolder.set(key, e);
    total += h.units;
  }
  const largest = (publicOnly: boolean) => {
    let best: [string, Amount] | undefined;
    for (const [id, e] of byHolder)
      if (
        (!publicOnly || e.publicLaw) &&
        (best === undefined || e.units > best[1])
      )
        best = [id, e.units];
    return best?.[0];
  };
  const measured =
    rule.id === "FIP-H20"
      ? largest(false)
      : rule.id === "FIP-H10"
        ? largest(true)
        : undefined;
  const lines = new Lines(ctx.millionths);
  const article = "L. 214-31 VI";
  for (const h of ctx.holders) {
    const key = keyOf.get(h);
    if (h.units === undefined || key === undefined) {
      lines.add("unreadable", undefined, ZERO, 1, false, false);
      continue;
    }
    const publicLaw = byHolder.get(key)?.publicLaw ?? false;
    const reason: ReconciliationReason =
      rule.id === "FIP-H30"
        ? publicLaw
          ? "public-law-holders"
          : "other-holders"
        : key === measured
          ? "largest-holder"
          : "other-holders";
    lines.add(reason, article, h.units, 1, reason !== "other-holders", true);
  }
  const register = ctx.holders.length > 0;
  return {
    unit: "units",
    total: formatAmount(total),
    lines: lines.list(),
    adjustments: [],
    numerator: formatAmount(lines.sum((l) => l.numerator)),
    denominator: register
      ? formatAmount(lines.sum((l) => l.denominator))
      : null,
  };
}
