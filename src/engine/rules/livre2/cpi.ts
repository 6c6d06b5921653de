import { claims } from "../unread-fund-flags";
import type { FundContext, Position } from "../../fund-context";
import type { FundType } from "../../model";
import { reason } from "../../reasons";
import type { RuleResult } from "../../result";
import { CPI } from "../../../law/livre2/cpi";
import { CPI_FRESH40, CPI_FUND80 } from "./definitions";
import { bindingFromFund, type L2Rule, share, type Verdict } from "./kit";

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
const BONDS = new Set(["MANDATORY_REDEEMABLE_BOND", "CONVERTIBLE_BOND"]);

/**
 * Positions of the kinds `bonds` admits, with the CPI eligibility, and for shares an acquisition
 * mode among `modes`; a blank mode warns and does not count.
 */
function received(
  ctx: FundContext,
  rule: L2Rule,
  modes: Set<string>,
  bonds: boolean,
) {
  return ({ holding: h }: Position): Verdict => {
    const shares = SHARES.has(h.assetClass ?? "");
    if (!shares && !(bonds && BONDS.has(h.assetClass ?? ""))) return "out";
    const eligible: Verdict = h.cpiEligible
      ? "in"
      : h.invalid.has("cpiEligible")
        ? { unknown: "cpiEligible" }
        : "out";
    if (!shares || eligible === "out") return eligible;
    // Either cell that says « out » decides, whatever the other one leaves unknown.
    if (h.acquisitionMode !== undefined)
      return modes.has(h.acquisitionMode) ? eligible : "out";
    if (h.invalid.has("acquisitionMode"))
      return eligible === "in" ? { unknown: "acquisitionMode" } : eligible;
    const facts = { article: rule.article, rule: rule.id };
    const blank = reason("acquisition-mode-blank", facts);
    ctx.warn("Holdings", h.row, "acquisitionMode", blank);
    return "out";
  };
}

export function evaluateCpi(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  if (!claims(f, "cpiClaim") || !CPI_FUND_TYPES.has(f.fundType as FundType))
    return [];
  const when = bindingFromFund(ctx, CPI_FUND80.article);
  const one = (
    rule: L2Rule,
    law: typeof CPI.fund80,
    modes: string[],
    bonds: boolean,
  ) => {
    const select = received(ctx, rule, new Set(modes), bonds);
    return share(ctx, { rule, law, select }, { when });
  };
  const fresh = ["SUBSCRIPTION", "BOND_REDEEMED_IN_SHARES", "BOND_CONVERTED"];
  return [
    // Shares received on redemption of ORA are named only by the 40 % sentence: not counted in the 80 %.
    one(CPI_FUND80, CPI.fund80, ["SUBSCRIPTION", "BOND_CONVERTED"], true),
    one(CPI_FRESH40, CPI.fresh40, fresh, false),
  ];
}

export const CPI_RULES = [CPI_FUND80, CPI_FRESH40];
