import type { BasisOptions, FundContext } from "../../fund-context";
import type { FundType } from "../../model";
import type { RuleDefinition, RuleResult } from "../../result";
import { evaluateCpi, CPI_RULES } from "./cpi";
import {
  FIA_CAP300K,
  FIA_FEED85M,
  FIVG_20INV,
  OFS_20INV,
  OFS_LOSS,
  OPCI_UNLIM,
  PEA_FUND75,
  PEAPME_EQ23,
  PEAPME_FUND75,
} from "./definitions";
import { evaluateFcpe, FCPE_RULES } from "./fcpe";
import { ofsLoss, selfManagedCapital, twentyInvestors } from "./ofs-fia";
import { fiaSeveralMasters, opciUnlimited } from "./left-out";
import { present } from "./kit";
import { claims, settleUnreadClaims } from "../unread-fund-flags";
import { evaluatePea, PEA_RULES } from "./pea";
import { evaluateScpi, SCPI_RULES } from "./scpi";
import { evaluateSef, SEF_RULES } from "./sef";
import { evaluateSicaf, SICAF_RULES } from "./sicaf";
import { FPCI_CCA30 } from "../fpci-definitions";
import { evaluateSlpAdvances } from "../fpci-eltif";
// A type only, erased at run time: no import cycle with the registry.
import type { RuleFamily as Family } from "../registry";

export { FUND_LEVEL_RULES } from "./definitions";

const COST_WHEN_SUBSCRIBED: BasisOptions = { defaultWithSubscriptions: "COST" };
const FAIR_VALUE: BasisOptions = { fairValueOnly: true };

/** A rule a fund gains by its type alone (when its columns say so). */
type TypeRule = (ctx: FundContext) => RuleResult | undefined;

/** The 20-investor reservation, by the types it applies to. */
const INVESTORS_OF_TYPE: Partial<Record<FundType, TypeRule>> = {
  FIVG: (ctx) => twentyInvestors(ctx, FIVG_20INV),
  FIVG_FEEDER: (ctx) => twentyInvestors(ctx, FIVG_20INV),
  OFS: (ctx) => twentyInvestors(ctx, OFS_20INV),
};

/** Left out of the first build, now with their columns. */
const LEFT_OUT_OF_TYPE: Partial<Record<FundType, TypeRule>> = {
  SPPICAV: opciUnlimited,
  FPI: opciUnlimited,
  FIA: fiaSeveralMasters,
};

/** Rules any fund may gain by what it declares: PEA, PEA-PME and CPI claims, the 20-investor reservation, self-management. */
function byClaim(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  const investors = f.fundType && INVESTORS_OF_TYPE[f.fundType];
  const leftOut = f.fundType && LEFT_OUT_OF_TYPE[f.fundType];
  // Most funds claim nothing and are of no type above: no rule to add, and nothing to ask.
  if (
    !claims(f, "peaClaim") &&
    !claims(f, "peaPmeClaim") &&
    !claims(f, "cpiClaim") &&
    !f.selfManaged &&
    !f.invalid.has("selfManaged") &&
    !investors &&
    !leftOut
  )
    return [];
  const results = present([
    ...evaluatePea(ctx),
    ...evaluateCpi(ctx),
    investors ? investors(ctx) : undefined,
    selfManagedCapital(ctx),
    leftOut ? leftOut(ctx) : undefined,
  ]);
  // A claim that cannot be read is measured, never left out; its breach holds only if claimed.
  settleUnreadClaims(f, results, CLAIMED_BY);
  return results;
}

/** The rules each claim brings in. */
const CLAIMED_BY = {
  peaClaim: [PEA_FUND75.id],
  peaPmeClaim: [PEAPME_FUND75.id, PEAPME_EQ23.id],
  cpiClaim: CPI_RULES.map((r) => r.id),
};

const CLAIM_RULES = [
  ...PEA_RULES,
  ...CPI_RULES,
  FIVG_20INV,
  OFS_20INV,
  FIA_CAP300K,
];

const family = (
  fundTypes: FundType[],
  rules: RuleDefinition[],
  basis: BasisOptions,
  own: (ctx: FundContext) => RuleResult[],
): Family => ({
  fundTypes,
  rules: [...rules, ...CLAIM_RULES],
  basis,
  evaluate: (ctx) => ({ rules: [...own(ctx), ...byClaim(ctx)] }),
});

/** The families of the other Livre II funds (WORKBOOK-FORMAT-LIVRE2 §1.1). */
export const LIVRE2_FAMILIES: readonly Family[] = [
  family(["SEF"], SEF_RULES, FAIR_VALUE, evaluateSef),
  family(["SCPI"], SCPI_RULES, FAIR_VALUE, evaluateScpi),
  family(["SICAF"], SICAF_RULES, FAIR_VALUE, evaluateSicaf),
  family(["FCPE"], FCPE_RULES, FAIR_VALUE, evaluateFcpe),
  family(["OPCVM", "FIVG"], [], FAIR_VALUE, () => []),
  family(["OFS"], [OFS_LOSS], FAIR_VALUE, (ctx) => [ofsLoss(ctx)]),
  family(["FPS", "SCR"], [], COST_WHEN_SUBSCRIBED, () => []),
  // L. 214-160 II 1°, al. 2 names the SLP: the ELTIF infrastructure advances (FPCI-CCA30).
  family(["SLP"], [FPCI_CCA30], COST_WHEN_SUBSCRIBED, evaluateSlpAdvances),
];

/** Every rule of the other Livre II funds, once. */
export const LIVRE2_RULES: readonly RuleDefinition[] = [
  ...new Map(
    [...LIVRE2_FAMILIES.flatMap((f) => f.rules), OPCI_UNLIM, FIA_FEED85M].map(
      (r) => [r.id, r],
    ),
  ).values(),
];

/** A family of the first build, with the rules its funds gain by claim (PEA, CPI, 20 investors, self-management). */
export function withClaims<F extends Family>(f: F): F {
  if (LIVRE2_FAMILIES.includes(f)) return f;
  return {
    ...f,
    rules: [...f.rules, ...CLAIM_RULES],
    evaluate: (ctx: FundContext) => {
      const own = f.evaluate(ctx);
      const claimed = byClaim(ctx);
      // Most funds gain no rule: their own evaluation as it is (a copy per check otherwise).
      if (claimed.length === 0) return own;
      // Object.assign, not a spread followed by a key: Node 20's V8 builds `{ ...a, k: v }` on a slow path.
      return Object.assign({}, own, {
        rules: [...own.rules, ...claimed],
      });
    },
  };
}
