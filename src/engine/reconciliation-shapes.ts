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
