import { compareText } from "../compare-text";
import { type Amount, formatAmount, ZERO } from "../amount";
import type { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import { evaluateRatio } from "../ratio";
import type { GroupResult, RuleDefinition, Unit } from "../result";
import type { Measure } from "./tally";

export interface Group {
  key: string;
  /** The name as first written (a region's own spelling). */
  name: string;
  total: Amount;
  positions: Position[];
  /** Set by the rule: a public-law holder, for instance. */
  marked: boolean;
}

/**
 * The largest-group measure: amounts grouped by a key (a master, a region, a holder), the largest
 * group first by key when two are equal. The measure is complete when the grouping could read every
 * value it needed (`complete`, set by whoever fills it).
 */
export class Groups {
  readonly byKey = new Map<string, Group>();
  complete = true;

  add(key: string, name: string, amount: Amount, p?: Position): Group {
    let g = this.byKey.get(key);
    if (!g) {
      g = { key, name, total: ZERO, positions: [], marked: false };
      this.byKey.set(key, g);
    } else if (name < g.name) g.name = name; // one spelling whatever the rows' order
    g.total += amount;
    if (p) g.positions.push(p);
    return g;
  }

  /**
   * The largest group (among those `filter` keeps); on a tie, the first by key in code-point
   * order, not the first found: the same group whatever the order of the rows (a table sorted in
   * Excel names the same master, region or holder).
   */
  largest(filter: (g: Group) => boolean = () => true): Group | undefined {
    let best: Group | undefined;
    for (const g of this.byKey.values())
      if (filter(g) && (best === undefined || bySize(g, best) < 0)) best = g;
    return best;
  }

  /** The groups kept by `filter`, largest first, ties by key: the same order whatever the rows' order. */
  bySize(filter: (g: Group) => boolean = () => true): Group[] {
    return [...this.byKey.values()].filter(filter).sort(bySize);
  }

  /** The largest group as a measure: its total (zero when there is none), partial when the grouping is. */
  measure(filter?: (g: Group) => boolean): Measure {
    return {
      total: this.largest(filter)?.total ?? ZERO,
      complete: this.complete,
    };
  }

  /** The sum over the groups `filter` keeps. */
  sum(filter: (g: Group) => boolean): Amount {
    let total = ZERO;
    for (const g of this.byKey.values()) if (filter(g)) total += g.total;
    return total;
  }
}

/** Larger total first; on equal totals, the first key in code-point order. */
function bySize(a: Group, b: Group): number {
  if (a.total !== b.total) return a.total > b.total ? -1 : 1;
  return compareText(a.key, b.key);
}

/**
 * The per-group cap measure: each group against the same limit, as the report's `groups`, in the
 * order given. While a value the grouping needed is unread (`complete` false), any group may
 * hold more than it shows: none passes, and one already beyond the limit is in breach when what
 * it shows is the least it holds over a base known in full (`partialIsLeast`).
 */
export function perGroupCap(
  ctx: FundContext,
  rule: RuleDefinition,
  threshold: Dec,
  groups: Iterable<Group>,
  denominator: Amount | undefined,
  unit: Unit,
  known: { complete: boolean; partialIsLeast: boolean } = COMPLETE,
): GroupResult[] {
  return [...groups].map((g) => {
    const r = evaluateRatio({
      rule,
      threshold,
      numerator: g.total,
      denominator,
      binding: true,
      complete: known.complete,
      partialIsLeast: known.partialIsLeast,
      warningMargin: ctx.warningMargin,
    });
    return {
      key: g.name,
      value: r.value,
      numerator: formatAmount(g.total),
      status: r.status,
      unit,
    };
  });
}

const COMPLETE = { complete: true, partialIsLeast: true };
