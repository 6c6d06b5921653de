import { type Amount, ZERO } from "../amount";
import {
  type Breaker,
  type ConditionText,
  positionsCondition,
} from "../conditions";
import type { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import { english } from "../../present/english";
import { type Reason, reason as why } from "../reasons";
import type { ConditionKind, ConditionResult, ExclusionCode } from "../result";

/**
 * The closed-list measure: the positions a closed list does not allow, or a gate refuses, each with
 * its reason. Any of them makes the rule a breach whatever its ratio (compare's `breaches`); each
 * condition lists its own, with minus their amount as what must be cured.
 */
export class Breaches {
  private readonly all: Breaker[] = [];
  private readonly byCondition = new Map<string, Breaker[]>();
  /** The amount of the positions that break, as far as it could be read. */
  total: Amount = ZERO;

  get count(): number {
    return this.all.length;
  }

  /** Records a position that breaks the condition `id`, with the reason the law gives (its English text is made from it). */
  add(
    id: string,
    position: Position,
    amount: Amount | undefined,
    cause: Reason,
  ): void {
    const b: Breaker = { position, amount, reason: english(cause), why: cause };
    this.all.push(b);
    const list = this.byCondition.get(id);
    if (list) list.push(b);
    else this.byCondition.set(id, [b]);
    if (amount !== undefined) this.total += amount;
  }

  /** A position that breaks condition `id`: recorded here, and left out of `rule` for the same reason. */
  refuse(
    ctx: FundContext,
    id: string,
    p: Position,
    rule: string,
    cause: Reason & { code: ExclusionCode },
    article?: string,
  ): void {
    this.add(id, p, ctx.amountOf(p), cause);
    ctx.leaveOut(p, rule, cause, article);
  }

  reasons(): Reason[] {
    return this.all.map((b) =>
      why("position-breaks", {
        lineId: b.position.holding.lineId,
        row: b.position.holding.row,
        cause: b.why!,
      }),
    );
  }

  /** The condition `text.id` of the rule, with the positions that break it. */
  condition(
    text: ConditionText,
    kind: Exclude<ConditionKind, "limit">,
    opts: {
      binding: boolean;
      complete: boolean;
      threshold?: Dec;
      lowest?: Dec;
    },
  ): ConditionResult {
    return positionsCondition(
      text,
      kind,
      this.byCondition.get(text.id) ?? [],
      opts,
    );
  }
}
