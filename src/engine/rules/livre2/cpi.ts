import type { FundContext } from "../../fund-context";
import type { FundType } from "../../model";
import { reason } from "../../reasons";
import type { RuleResult } from "../../result";
import { fractionAt } from "../../../law/livre2/fraction";
import { CPI } from "../../../law/livre2/cpi";
import { CPI_FRESH40, CPI_FUND80 } from "./definitions";
import {
  bindingFromFund,
  isIn,
  type L2Rule,
  measure,
  missingNotes,
  sumWhere,
  type Verdict,
} from "./kit";

// Compte PME innovation, L. 221-32-5 IV A 3° a (WORKBOOK-FORMAT-LIVRE2 §2.7), on the fund's basis.
export const CPI_FUND_TYPES = new Set<FundType>([
  "FCPR",
  "FCPI",
  "FIP",
  "FPCI",
  "SLP",
  "SCR",
]);
const SHARES = new Set(["EQUITY", "SARL_PARTS"]);

export function evaluateCpi(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  if (!f.cpiClaim || !CPI_FUND_TYPES.has(f.fundType as FundType)) return [];
  const when = bindingFromFund(ctx, CPI_FUND80.article);
  const one = (
    rule: L2Rule,
    threshold: ReturnType<typeof fractionAt>,
    modes: Set<string>,
    bonds: boolean,
  ) => {
    const sum = sumWhere(ctx, rule, (p): Verdict => {
      const h = p.holding;
      const kind =
        SHARES.has(h.assetClass ?? "") ||
        (bonds &&
          (h.assetClass === "MANDATORY_REDEEMABLE_BOND" ||
            h.assetClass === "CONVERTIBLE_BOND"));
      if (!kind) return "out";
      if (!h.cpiEligible)
        return h.invalid.has("cpiEligible")
          ? { unknown: "cpiEligible" }
          : "out";
      if (!SHARES.has(h.assetClass ?? "")) return "in";
      if (h.acquisitionMode === undefined) {
        if (h.invalid.has("acquisitionMode"))
          return { unknown: "acquisitionMode" };
        ctx.warn(
          "Holdings",
          h.row,
          "acquisitionMode",
          reason("acquisition-mode-blank", {
            article: rule.article,
            rule: rule.id,
          }),
        );
        return "out";
      }
      return isIn(modes.has(h.acquisitionMode));
    });
    return measure({
      rule,
      threshold,
      numerator: sum.total,
      denominator: ctx.denominator,
      complete: sum.complete && ctx.denominatorComplete && when.complete,
      binding: when.binding,
      warningMargin: ctx.warningMargin,
      window: when.window,
      notes: [...when.notes, ...missingNotes(sum, rule.article)],
    });
  };
  return [
    // Shares received on redemption of ORA are named only by the 40 % sentence: not counted in the 80 %.
    one(
      CPI_FUND80,
      fractionAt(CPI.fund80, ctx.asOf),
      new Set(["SUBSCRIPTION", "BOND_CONVERTED"]),
      true,
    ),
    one(
      CPI_FRESH40,
      fractionAt(CPI.fresh40, ctx.asOf),
      new Set(["SUBSCRIPTION", "BOND_REDEEMED_IN_SHARES", "BOND_CONVERTED"]),
      false,
    ),
  ];
}

export const CPI_RULES = [CPI_FUND80, CPI_FRESH40];
