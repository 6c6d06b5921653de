import { ExactSum } from "./amount";
import type { FundContext, Position } from "./fund-context";
import type { CodeArray } from "./model";

/**
 * What the reconciliation reads of each position's outcome, recorded as columns while the rules
 * write the outcomes (FundContext.count and exclude, explained checks only): the sequence of its
 * contributions and that of its exclusions, each as a node of a trie of (rule, article, code).
 * Two positions at the same nodes have the same contributions and exclusions, in the same order,
 * as far as the reconciliation reads them. Recorded when each entry is written, while the outcome
 * is at hand: the reconciliation then reads typed arrays, not 100,000 outcomes scattered over the
 * heap.
 */
export class OutcomeColumns {
  /** Each position's node in the trie of contributions (0: none). */
  readonly counted: Int32Array;
  /** Each position's node in the trie of exclusions (0: none). */
  readonly excluded: Int32Array;
  /**
   * Which of a position's contributions are of an amount other than its own (countedAmounts): bit
   * j for its j-th, j below 7; OWN_AMOUNTS_PAST for one past those.
   */
  readonly ownAmounts: Uint8Array;
  private readonly countedTrie = new Trie();
  private readonly excludedTrie = new Trie();

  constructor(positions: number) {
    this.counted = new Int32Array(positions);
    this.excluded = new Int32Array(positions);
    this.ownAmounts = new Uint8Array(positions);
  }

  /** Position i's outcome has a new contribution, its j-th; `own`: of an amount other than the position's. */
  count(i: number, j: number, entry: Entry, own: boolean): void {
    this.counted[i] = this.countedTrie.after(this.counted[i], entry);
    if (own) this.ownAmounts[i] |= j < 7 ? 1 << j : OWN_AMOUNTS_PAST;
  }

  /** Position i's outcome has a new exclusion. */
  exclude(i: number, entry: Entry): void {
    this.excluded[i] = this.excludedTrie.after(this.excluded[i], entry);
  }

  /** How many nodes each trie has (node ids are below these). */
  get sizes(): { counted: number; excluded: number } {
    return { counted: this.countedTrie.size, excluded: this.excludedTrie.size };
  }
}

/** In ownAmounts: a contribution past the seventh has an amount of its own. */
export const OWN_AMOUNTS_PAST = 128;

/** What the reconciliation reads of a contribution or an exclusion. */
type Entry = { rule: string; article?: string; code?: string };

/**
 * A trie of entries, its nodes numbered from the root (0). A node's next nodes are found by
 * comparing keys in order: a node has few (the rules, articles and codes of a fund), each the same
 * string for every position, so comparing them is cheaper than hashing them.
 */
class Trie {
  private readonly keys: unknown[][] = [[]];
  private readonly next: number[][] = [[]];

  get size(): number {
    return this.keys.length;
  }

  /** The node after `node` for the entry's rule, article and code. */
  after(node: number, { rule, article, code }: Entry): number {
    return this.at(this.at(this.at(node, rule), article), code);
  }

  private at(node: number, key: unknown): number {
    const keys = this.keys[node];
    for (let k = 0; k < keys.length; k++)
      if (keys[k] === key) return this.next[node][k];
    const made = this.keys.length;
    this.keys.push([]);
    this.next.push([]);
    keys.push(key);
    this.next[node].push(made);
    return made;
  }
}

/**
 * Each position's shape, shared by every rule of the fund: positions with the same held flag,
 * class, contributions and exclusions (rule, article, code), and the same contributions of an
 * amount of their own, are reconciled alike, their amounts apart. A rule works out each shape's
 * first position in full and adds the amounts of its other positions, summed here once for every
 * rule, where the first one's went (reconciliation.ts, Recorder).
 */
export interface Shapes {
  /** How many shapes (ids are below it). */
  count: number;
  /** Each shape's first and last position (index in the fund). */
  first: number[];
  last: number[];
  /** Each shape's positions after its first: how many, and their amounts summed exactly. */
  others: number[];
  othersSum: ExactSum[];
  /** For each shape, its other positions' j-th contributions' own amounts summed, where they have them. */
  ownSums: ExactSum[][];
  /** The positions read one by one (an amount only as a BigInt, or past seven contributions), in order. */
  oneByOne: number[];
  /** Each position's shape (-1: read one by one), worked out when a rule first asks. */
  ids(): Int32Array;
}

/** Every position read one by one: what a check without recorded outcomes reconciles from. */
export function oneByOne(positions: number): Shapes {
  const id = new Int32Array(positions).fill(-1);
  return {
    count: 0,
    first: [],
    last: [],
    others: [],
    othersSum: [],
    ownSums: [],
    oneByOne: Array.from(id.keys()),
    ids: () => id,
  };
}

/**
 * The fund's shapes, read from the columns the outcomes were recorded in (OutcomeColumns): no
 * outcome is read here but the amounts of contributions of their own, and no array of a number
 * per position is made unless a rule asks for it.
 */
export function shapesOf(ctx: FundContext): Shapes {
  const columns = ctx.outcomeColumns;
  // Outcomes recorded without their columns (not an explained check): each position read alone.
  if (!columns) return oneByOne(ctx.positions.length);
  const classes = ctx.columns.coded("assetClass");
  // The class as its value: two codes of a read may stand for the same class.
  const classOf = new Int32Array(classes.values.length);
  const firstCode = new Map<unknown, number>();
  classes.values.forEach((v, code) => {
    if (!firstCode.has(v)) firstCode.set(v, firstCode.size);
    classOf[code] = firstCode.get(v)!;
  });
  const { counted, excluded } = columns.sizes;
  const keyOf = new ShapeKeys(excluded, firstCode.size, counted);
  const place = new Placer(ctx, columns, classes.codes, classOf, keyOf);
  let id: Int32Array | undefined;
  const shapes: Shapes = {
    ...oneByOne(0),
    ids: () => (id ??= place.all()),
  };
  place.sum(shapes);
  shapes.count = keyOf.count;
  return shapes;
}

/** Finds each position's shape from the columns; -1 for a position read one by one. */
class Placer {
  constructor(
    private readonly ctx: FundContext,
    private readonly columns: OutcomeColumns,
    private readonly codes: CodeArray,
    private readonly classOf: Int32Array,
    private readonly keyOf: ShapeKeys,
  ) {}

  /** Each position's shape. */
  all(): Int32Array {
    const id = new Int32Array(this.ctx.millionths.length);
    for (let k = 0; k < id.length; k++) id[k] = this.at(k);
    return id;
  }

  at(k: number): number {
    const { counted, excluded, ownAmounts } = this.columns;
    const own = ownAmounts[k];
    const x = this.ctx.millionths[k];
    if (x !== x || own >= OWN_AMOUNTS_PAST) return -1;
    return this.keyOf.id(
      counted[k],
      excluded[k],
      this.classOf[this.codes[k]],
      own * 2 + this.ctx.held[k],
    );
  }

  /** The pass over the positions: each shape's first and last position, and its others' sums. */
  sum(shapes: Shapes): void {
    const { first, last, others, othersSum, ownSums, oneByOne } = shapes;
    const { millionths: m, positions } = this.ctx;
    const ownAmounts = this.columns.ownAmounts;
    for (let k = 0; k < m.length; k++) {
      const s = this.at(k);
      if (s < 0) oneByOne.push(k);
      else if (s === first.length) {
        first.push(k);
        last.push(k);
        others.push(0);
        othersSum.push(new ExactSum());
        ownSums.push([]);
      } else {
        last[s] = k;
        others[s]++;
        othersSum[s].addMillionths(m[k]);
        if (ownAmounts[k] !== 0) addOwn(ownSums[s], positions[k]);
      }
    }
  }
}

/** Adds a position's contributions' own amounts (FundContext.count, countedAmounts) to sums by index. */
function addOwn(sums: ExactSum[], p: Position): void {
  const amounts = p.countedAmounts!;
  for (let j = 0; j < amounts.length; j++)
    if (amounts[j] !== undefined) (sums[j] ??= new ExactSum()).add(amounts[j]);
}

/** What ShapeKeys.id's last number takes: own amounts' bits × 2 + held (0 or 1). */
const HELD_OWN = 2 * OWN_AMOUNTS_PAST;

/** Shape ids by contributions' node, exclusions' node, class, and held flag with own amounts. */
class ShapeKeys {
  private readonly ids = new Map<number | string, number>();
  /** The four numbers packed in one is a safe integer for every fund seen; a text otherwise. */
  private readonly packed: boolean;
  /**
   * Most positions have no amount of their own: their ids by the three nodes and the held flag
   * in a table (id + 1; 0 for none yet) when it is small, as it is for most funds.
   */
  private readonly table: Int32Array | null;
  count = 0;

  constructor(
    private readonly excludedNodes: number,
    private readonly classes: number,
    countedNodes: number,
  ) {
    this.packed =
      countedNodes * excludedNodes * classes * HELD_OWN <=
      Number.MAX_SAFE_INTEGER;
    const size = countedNodes * excludedNodes * classes * 2;
    this.table = size <= SMALL_TABLE ? new Int32Array(size) : null;
  }

  id(counted: number, excluded: number, cls: number, heldOwn: number): number {
    const nodes =
      (counted * this.excludedNodes + excluded) * this.classes + cls;
    const table = this.table;
    if (table !== null && heldOwn < 2) {
      const at = nodes * 2 + heldOwn;
      if (table[at] === 0) table[at] = ++this.count;
      return table[at] - 1;
    }
    const key = this.packed
      ? nodes * HELD_OWN + heldOwn
      : `${counted} ${excluded} ${cls} ${heldOwn}`;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.count++));
    return id;
  }
}

/** The largest ShapeKeys table (4 bytes an entry). */
const SMALL_TABLE = 1 << 16;
