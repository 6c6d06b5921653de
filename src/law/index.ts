import type { IsoDate } from "../engine/dates";
import { FEEDERS } from "./l214-22";
import { L214_28 } from "./l214-28";
import { L214_30 } from "./l214-30";
import { L214_31 } from "./l214-31";
import { L214_36_TO_43 } from "./l214-36-to-43";
import { L214_160 } from "./l214-160";
import { LIVRE2_RULE_PARAMETER } from "./livre2";
import { REGISTER_RULES, registerRuleParameter } from "./registers";
import {
  type LawParameter,
  type LawReference,
  referenceOf,
  versionAt,
  vintageDate,
} from "./parameter";

export { EU_EEA_MEMBERS, isEuEeaOn } from "./eu-eea";
export { FEEDERS } from "./l214-22";
export { L214_28 } from "./l214-28";
export { L214_30 } from "./l214-30";
export { L214_31 } from "./l214-31";
export { L214_36_TO_43 } from "./l214-36-to-43";
export { L214_160 } from "./l214-160";
export { LAW_LIVRE2, LIVRE2_PARAMETERS } from "./livre2";
export {
  type LawParameter,
  type LawReference,
  type LawVersion,
  type ListParameter,
  listAt,
  type RatioParameter,
  ratioAt,
  requireVersion,
  versionAt,
  vintageDate,
} from "./parameter";

/** Every parameter of the rules, by family (the EU/EEA list apart). */
export const LAW = {
  "L. 214-28": L214_28,
  "L. 214-30": L214_30,
  "L. 214-31": L214_31,
  "L. 214-160": L214_160,
  "L. 214-36 to 43": L214_36_TO_43,
  feeders: FEEDERS,
} as const;

export const ALL_PARAMETERS: readonly LawParameter<unknown>[] = Object.values(
  LAW,
).flatMap((family) => Object.values(family) as LawParameter<unknown>[]);

/** What of the fund picks a version: the test date, the constitution date, the overseas zone. */
export interface LawFacts {
  asOf: IsoDate;
  constitutionDate?: IsoDate;
  overseasZone?: boolean;
  /** The FPCI applies L. 214-28 I through L. 214-160 under the same rule ID. */
  fundType?: string;
}

/** The parameter each rule compares its value with (its threshold, cap, window or list). */
const RULE_PARAMETER: Record<string, (f: LawFacts) => LawParameter<unknown>> = {
  "FCPR-Q50": (f) => (f.fundType === "FPCI" ? L214_160.quota : L214_28.quota),
  "FCPR-CCA15": () => L214_28.advances,
  "FCPR-B20": () => L214_28.bucket,
  "FCPR-L5Y": () => L214_28.listedYears,
  "FCPR-LIQ5": () => L214_28.liquidLabel,
  "FCPI-Q70": () => L214_30.quota,
  "FCPI-FRESH40": () => L214_30.fresh,
  "FCPI-L5Y": () => L214_30.listedYears,
  "FCPI-HOLD75": () => L214_30.holdingStake,
  "FIP-Q70": () => L214_31.quota,
  "FIP-FRESH40": () => L214_31.fresh,
  "FIP-L5Y": () => L214_31.listedYears,
  "FIP-REG25": (f) =>
    f.overseasZone ? L214_31.overseasCollectivite : L214_31.region,
  "FIP-H20": () => L214_31.oneHolder,
  "FIP-H10": () => L214_31.onePublicLawHolder,
  "FIP-H30": () => L214_31.publicLawHolders,
  "FPCI-CCA15": () => L214_160.advances,
  "FPCI-CCA30": () => L214_160.eltifAdvances,
  "FPCI-REC10": () => L214_160.receivables,
  "FPCI-DIG20": () => L214_160.digitalAssets,
  "OPCI-ASSET": () => L214_36_TO_43.assetList,
  "OPCI-RE60": () => L214_36_TO_43.realEstate,
  "OPCI-RE51": () => L214_36_TO_43.sppicavItems,
  "OPCI-LIQ5": () => L214_36_TO_43.liquidity,
  "OPCI-LEV40": () => L214_36_TO_43.borrowing,
  "OPCI-CCA5": () => L214_36_TO_43.advanceGate,
  "OPCVM-FEED85": () => FEEDERS.opcvmMaster,
  "OPCVM-FEED15": () => FEEDERS.opcvmOthers,
  "FIA-FEED85": () => FEEDERS.fiaMaster,
  "FIVG-FEED": () => FEEDERS.fivgOutsideMaster,
  // The other Livre II rules (src/law/livre2).
  ...LIVRE2_RULE_PARAMETER,
  // The register rules (offers, subscribers, trades): their threshold or their own words.
  ...Object.fromEntries(
    REGISTER_RULES.map((r) => [r.id, () => registerRuleParameter(r.id)]),
  ),
};

/** The parameter a rule applies for this fund, or undefined for a rule the law does not know. */
export function parameterOfRule(
  ruleId: string,
  facts: LawFacts,
): LawParameter<unknown> | undefined {
  return RULE_PARAMETER[ruleId]?.(facts);
}

/**
 * The version of the law a rule applied: looked up at the test date, or at the fund's
 * constitution date for a vintage parameter (the youngest vintage when that date is unknown).
 */
export function lawOfRule(
  ruleId: string,
  facts: LawFacts,
): LawReference | undefined {
  const p = parameterOfRule(ruleId, facts);
  if (!p) return undefined;
  const date =
    p.keyedOn === "constitution-date"
      ? vintageDate(p, facts.constitutionDate, facts.asOf)
      : facts.asOf;
  const v = versionAt(p, date);
  return v ? referenceOf(p, v, date) : undefined;
}
