import { type LawFacts, lawOfRule } from "../law";
import type { LawReference } from "../law/parameter";
import type { RuleResult } from "./result";

/**
 * The last facts' law of each rule: a check asks the same facts for fund after fund, and an
 * edit for the edited fund again. A reference is data no one writes to, so results share it.
 * Every field of LawFacts is compared: a new one must be compared too.
 */
let last: { facts: LawFacts; laws: Map<string, LawReference | undefined> } = {
  facts: { asOf: "" },
  laws: new Map(),
};

/** Gives each rule result the version of the law it applied, from the same parameter the rule read. */
export function attachLaw(results: RuleResult[], facts: LawFacts): void {
  const f = last.facts;
  if (
    f.asOf !== facts.asOf ||
    f.constitutionDate !== facts.constitutionDate ||
    f.overseasZone !== facts.overseasZone ||
    f.fundType !== facts.fundType
  )
    last = { facts: { ...facts }, laws: new Map() };
  const { laws } = last;
  // Indexed: an iterator per fund in code not yet compiled (an edit's first hundred re-checks).
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    let law = laws.get(r.id);
    if (law === undefined && !laws.has(r.id))
      laws.set(r.id, (law = lawOfRule(r.id, facts)));
    if (law) r.law = law;
  }
}
