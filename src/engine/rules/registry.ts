import type { BasisOptions, FundContext } from "../fund-context";
import type { Evaluation } from "../measures";
import type { FundType } from "../model";
import type { RuleDefinition } from "../result";
import {
  FCPR_B20,
  FCPR_CCA15,
  FCPR_LIQ5,
  FCPR_RULES,
} from "./fcpr-definitions";
import { evaluateFcpr } from "./fcpr";
import {
  FCPI_FRESH40,
  FCPI_HOLD75,
  FCPI_L5Y,
  FCPI_Q70,
  FIP_FRESH40,
  FIP_H10,
  FIP_H20,
  FIP_H30,
  FIP_L5Y,
  FIP_Q70,
  FIP_REG25,
} from "./fcpi-fip-definitions";
import { evaluateFcpi, evaluateFip } from "./fcpi-fip";
import {
  evaluateFia,
  evaluateFivgFeeder,
  evaluateOpcvmFeeder,
} from "./feeders";
import {
  FIA_FEED85,
  FIVG_FEED,
  OPCVM_FEED15,
  OPCVM_FEED85,
} from "./feeder-definitions";
import { evaluateFpci } from "./fpci";
import { FPCI_RULES } from "./fpci-definitions";
import { evaluateOpci } from "./opci";
import { OPCI_RULES } from "./opci-definitions";
import { LIVRE2_FAMILIES, LIVRE2_RULES, withClaims } from "./livre2";

/** A family of rules evaluated together, because they share the sorting of positions. */
export interface RuleFamily {
  fundTypes: readonly FundType[];
  rules: readonly RuleDefinition[];
  basis: BasisOptions;
  evaluate(ctx: FundContext): Evaluation;
}

const COST: BasisOptions = { defaultWithSubscriptions: "COST" };
const FAIR: BasisOptions = { fairValueOnly: true };
const family = (
  fundTypes: FundType[],
  rules: readonly RuleDefinition[],
  basis: BasisOptions,
  evaluate: RuleFamily["evaluate"],
): RuleFamily => ({ fundTypes, rules, basis, evaluate });

/** Each fund type's rules; the FCPI and the FIP share L. 214-28's advances and 20 % bucket. */
const FCPI_RULES = [
  FCPI_Q70,
  FCPI_FRESH40,
  FCPI_L5Y,
  FCPR_CCA15,
  FCPR_B20,
  FCPI_HOLD75,
  // L. 214-28 XII: an FCPI « est un fonds commun de placement à risques » (L. 214-30 I).
  FCPR_LIQ5,
];
const FIP_RULES = [
  FIP_Q70,
  FIP_FRESH40,
  FIP_L5Y,
  FCPR_CCA15,
  FCPR_B20,
  FCPR_LIQ5,
];
const FIP_ONLY = [FIP_REG25, FIP_H20, FIP_H10, FIP_H30];

export const FAMILIES: readonly RuleFamily[] = [
  family(["FCPR"], FCPR_RULES, COST, evaluateFcpr),
  family(["FCPI"], FCPI_RULES, COST, evaluateFcpi),
  family(["FIP"], [...FIP_RULES, ...FIP_ONLY], COST, evaluateFip),
  family(["FPCI"], FPCI_RULES, COST, evaluateFpci),
  family(["SPPICAV", "FPI"], OPCI_RULES, FAIR, evaluateOpci),
  family(
    ["OPCVM_FEEDER"],
    [OPCVM_FEED85, OPCVM_FEED15],
    FAIR,
    evaluateOpcvmFeeder,
  ),
  family(["FIVG_FEEDER"], [FIVG_FEED], FAIR, evaluateFivgFeeder),
  family(["FIA"], [FIA_FEED85], FAIR, evaluateFia),
  // The other Livre II funds (WORKBOOK-FORMAT-LIVRE2).
  ...LIVRE2_FAMILIES,
];

export function familyFor(fundType: FundType): RuleFamily | undefined {
  // Made once per fund type, not per fund checked: an edit's re-check asks again each time.
  if (familyOfType.has(fundType)) return familyOfType.get(fundType);
  const family = FAMILIES.find((f) => f.fundTypes.includes(fundType));
  // Funds of the first build gain the rules of their claims (PEA, CPI, 20 investors, self-management).
  const withRules = family && withClaims(family);
  familyOfType.set(fundType, withRules);
  return withRules;
}

const familyOfType = new Map<FundType, RuleFamily | undefined>();

/** Every rule once, by ID (FPCI reuses FCPR-B20 and FCPR-L5Y, FCPI and FIP reuse FCPR-CCA15). */
export const ALL_RULES: readonly RuleDefinition[] = [
  ...new Map(
    [...FAMILIES.flatMap((f) => f.rules), ...LIVRE2_RULES].map((r) => [
      r.id,
      r,
    ]),
  ).values(),
];

export function ruleById(id: string): RuleDefinition | undefined {
  const wanted = id.trim().toUpperCase();
  return ALL_RULES.find((r) => r.id === wanted);
}
