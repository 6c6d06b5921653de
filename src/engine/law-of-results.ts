import { type LawFacts, lawOfRule } from "../law";
import type { RuleResult } from "./result";

/** Gives each rule result the version of the law it applied, from the same parameter the rule read. */
export function attachLaw(results: RuleResult[], facts: LawFacts): void {
  for (const r of results) {
    const law = lawOfRule(r.id, facts);
    if (law) r.law = law;
  }
}
