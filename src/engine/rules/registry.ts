import type { FundContext } from "../fund-context";
import type { Basis, FundType } from "../model";
import type { QuotaWindow, RuleDefinition, RuleResult } from "../result";
import { FCPR_RULES } from "./fcpr-definitions";
import { evaluateFcpr } from "./fcpr";

/** A family of rules evaluated together, because they share the sorting of positions. */
export interface RuleFamily {
  fundTypes: readonly FundType[];
  rules: readonly RuleDefinition[];
  /** Basis when the fund leaves it blank but gives paid-up subscriptions. */
  defaultBasisWithSubscriptions: Basis;
  evaluate(ctx: FundContext): {
    rules: RuleResult[];
    quotaWindow?: QuotaWindow;
  };
}

export const FAMILIES: readonly RuleFamily[] = [
  {
    fundTypes: ["FCPR"],
    rules: FCPR_RULES,
    defaultBasisWithSubscriptions: "COST",
    evaluate: evaluateFcpr,
  },
];

export function familyFor(fundType: FundType): RuleFamily | undefined {
  return FAMILIES.find((f) => f.fundTypes.includes(fundType));
}

export const ALL_RULES: readonly RuleDefinition[] = FAMILIES.flatMap(
  (f) => f.rules,
);

export function ruleById(id: string): RuleDefinition | undefined {
  const wanted = id.trim().toUpperCase();
  return ALL_RULES.find((r) => r.id === wanted);
}
