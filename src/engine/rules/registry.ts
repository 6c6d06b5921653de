import type { BasisOptions, FundContext } from "../fund-context";
import type { Evaluation } from "../measures";
import type { FundType } from "../model";
import type { RuleDefinition } from "../result";
import { FCPR_B20, FCPR_CCA15, FCPR_RULES } from "./fcpr-definitions";
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

const COST_WHEN_SUBSCRIBED: BasisOptions = { defaultWithSubscriptions: "COST" };
const FAIR_VALUE: BasisOptions = { fairValueOnly: true };

export const FAMILIES: readonly RuleFamily[] = [
  {
    fundTypes: ["FCPR"],
    rules: FCPR_RULES,
    basis: COST_WHEN_SUBSCRIBED,
    evaluate: evaluateFcpr,
  },
  {
    fundTypes: ["FCPI"],
    rules: [
      FCPI_Q70,
      FCPI_FRESH40,
      FCPI_L5Y,
      FCPR_CCA15,
      FCPR_B20,
      FCPI_HOLD75,
    ],
    basis: COST_WHEN_SUBSCRIBED,
    evaluate: evaluateFcpi,
  },
  {
    fundTypes: ["FIP"],
    rules: [
      FIP_Q70,
      FIP_FRESH40,
      FIP_L5Y,
      FCPR_CCA15,
      FCPR_B20,
      FIP_REG25,
      FIP_H20,
      FIP_H10,
      FIP_H30,
    ],
    basis: COST_WHEN_SUBSCRIBED,
    evaluate: evaluateFip,
  },
  {
    fundTypes: ["FPCI"],
    rules: FPCI_RULES,
    basis: COST_WHEN_SUBSCRIBED,
    evaluate: evaluateFpci,
  },
  {
    fundTypes: ["SPPICAV", "FPI"],
    rules: OPCI_RULES,
    basis: FAIR_VALUE,
    evaluate: evaluateOpci,
  },
  {
    fundTypes: ["OPCVM_FEEDER"],
    rules: [OPCVM_FEED85, OPCVM_FEED15],
    basis: FAIR_VALUE,
    evaluate: evaluateOpcvmFeeder,
  },
  {
    fundTypes: ["FIVG_FEEDER"],
    rules: [FIVG_FEED],
    basis: FAIR_VALUE,
    evaluate: evaluateFivgFeeder,
  },
  {
    fundTypes: ["FIA"],
    rules: [FIA_FEED85],
    basis: FAIR_VALUE,
    evaluate: evaluateFia,
  },
  // The other Livre II funds (WORKBOOK-FORMAT-LIVRE2).
  ...LIVRE2_FAMILIES,
];

export function familyFor(fundType: FundType): RuleFamily | undefined {
  const family = FAMILIES.find((f) => f.fundTypes.includes(fundType));
  // Funds of the first build gain the rules of their claims (PEA, CPI, 20 investors, self-management).
  return family && withClaims(family);
}

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
