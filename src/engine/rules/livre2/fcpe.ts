import type { FundContext, Position } from "../../fund-context";
import type { HeldFundType } from "../../model";
import type { Reason } from "../../reasons";
import type { RuleResult } from "../../result";
import { ratioAt } from "../../../law";
import { fractionAt } from "../../../law/livre2/fraction";
import { FCPE } from "../../../law/livre2/fcpe";
import {
  FCPE_FOREIGN,
  FCPE_PE30,
  FCPE_PER_AIF50,
  FCPE_PER_EMP10,
  FCPE_PER_UNL10,
  FCPE_SCOPE,
  FCPE_SOL10,
  FCPE_SOL5,
} from "./definitions";
import {
  bindingFromFund,
  isIn,
  type L2Rule,
  measure,
  missingNotes,
  note,
  ownListing,
  type Sum,
  sumWhere,
  TITRES,
  type Verdict,
} from "./kit";

// FCPE: L. 214-164, L. 214-165, L. 214-165-1 (WORKBOOK-FORMAT-LIVRE2 §2.5). The lists of fund types
// below are the contract's mapping of the code's paragraphs (not in the reference text).
const SOLIDARITY_VEHICLES = new Set<HeldFundType>([
  "SCR",
  "FCPR",
  "FCPI",
  "FIP",
  "FPCI",
]);
const PE_AND_OPCI = new Set<HeldFundType>([
  "FCPR",
  "FCPI",
  "FIP",
  "FPCI",
  "SPPICAV",
  "FPI",
]);
const V_B_LIST = new Set<HeldFundType>([
  "OPCVM",
  "FIVG",
  "FCPR",
  "FCPI",
  "FIP",
  "FOFA",
  "FPVG",
  "FPS",
  "SLP",
]);
const VII_2_LIST = new Set<HeldFundType>([
  "FCPR",
  "FCPI",
  "FIP",
  "SPPICAV",
  "FPI",
  "FOFA",
  "FPVG",
  "OPPCI",
  "FPS",
  "SLP",
]);

const ratio = (
  ctx: FundContext,
  rule: L2Rule,
  sum: Sum,
  threshold: ReturnType<typeof fractionAt>,
  extra: {
    binding?: boolean;
    complete?: boolean;
    notes?: Reason[];
    window?: RuleResult["window"];
  } = {},
) =>
  measure({
    rule,
    threshold,
    numerator: sum.total,
    denominator: ctx.denominator,
    complete:
      sum.complete && ctx.denominatorComplete && (extra.complete ?? true),
    binding: extra.binding ?? true,
    warningMargin: ctx.warningMargin,
    window: extra.window,
    notes: [...(extra.notes ?? []), ...missingNotes(sum, rule.article)],
  });

/** V a: solidarity securities, and the whole units of an SCR or FCPR-family fund whose own asset is 40 % solidarity. */
function solidarity(ctx: FundContext): (p: Position) => Verdict {
  const gate = ratioAt(FCPE.solidarityLookThrough, ctx.asOf);
  return (p) => {
    const h = p.holding;
    if (
      (h.assetClass === "EQUITY" || h.assetClass === "FUND_UNITS") &&
      h.heldFundType &&
      SOLIDARITY_VEHICLES.has(h.heldFundType)
    ) {
      if (h.entitySolidarityShare === undefined)
        return { unknown: "entitySolidarityShare" };
      return isIn(h.entitySolidarityShare.gte(gate));
    }

    return isIn(
      Boolean(h.solidarityEnterprise) && TITRES.has(h.assetClass ?? ""),
    );
  };
}

const employer = (p: Position): Verdict =>
  isIn(Boolean(p.holding.employerGroup));

export function evaluateFcpe(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  const results: RuleResult[] = [];
  const third = fractionAt(FCPE.scope, ctx.asOf);
  // FCPE-SCOPE: the regime, by employer-group securities against one third.
  const group = sumWhere(ctx, FCPE_SCOPE, employer);
  const scope = ratio(ctx, FCPE_SCOPE, group, third);
  const moreThanThird =
    scope.value !== null &&
    group.complete &&
    ctx.denominator !== undefined &&
    scope.status !== "incomplete" &&
    BigInt(third.q.toFixed(0)) * group.total >
      BigInt(third.p.toFixed(0)) * ctx.denominator;
  scope.reasons = [
    ...(scope.reasons ?? []),
    note(moreThanThird ? "fcpe-regime-165" : "fcpe-regime-164"),
  ];
  results.push(scope);

  if (f.solidarityFund) {
    const held = ctx
      .heldPositions()
      .filter((p) => p.holding.assetClass !== "CASH");
    const masters = new Set(
      held.map((p) =>
        p.holding.assetClass === "FUND_UNITS" ? p.holding.masterId : undefined,
      ),
    );
    const feeder =
      held.length > 0 && masters.size === 1 && !masters.has(undefined);
    const advances = ctx
      .heldPositions()
      .filter(
        (p) =>
          p.holding.solidarityEnterprise &&
          (p.holding.assetClass === "CURRENT_ACCOUNT_ADVANCE" ||
            p.holding.assetClass === "RECEIVABLE"),
      ).length;
    const notes = [
      ...(advances ? [note("fcpe-sol-advances", { count: advances })] : []),
      ...(feeder
        ? [
            note("fcpe-sol-feeder", {
              name: [...masters][0],
              article: "L. 214-164 V",
            }),
          ]
        : []),
    ];
    const when = bindingFromFund(ctx, FCPE_SOL5.article);
    for (const [rule, param] of [
      [FCPE_SOL5, FCPE.solidarityMin],
      [FCPE_SOL10, FCPE.solidarityMax],
    ] as const) {
      const sum = sumWhere(ctx, rule, solidarity(ctx));
      const min = rule === FCPE_SOL5;
      results.push(
        ratio(
          ctx,
          feeder ? { ...rule, direction: "info" } : rule,
          sum,
          fractionAt(param, ctx.asOf),
          {
            binding: min ? when.binding : true,
            complete: min ? when.complete : true,
            window: min ? when.window : undefined,
            notes: [...(min ? when.notes : []), ...notes],
          },
        ),
      );
    }
  }

  // VI: units of FCPR-family funds and OPCI, at most 30 %.
  results.push(
    ratio(
      ctx,
      FCPE_PE30,
      sumWhere(ctx, FCPE_PE30, (p) => {
        const h = p.holding;
        if (h.heldFundType) return isIn(PE_AND_OPCI.has(h.heldFundType));
        return h.assetClass === "FUND_UNITS"
          ? { unknown: "heldFundType" }
          : "out";
      }),
      fractionAt(FCPE.privateEquity, ctx.asOf),
    ),
  );

  if (f.perEligible) {
    const solidarityCounted = f.solidarityFund
      ? solidarity(ctx)
      : () => "out" as Verdict;
    results.push(
      ratio(
        ctx,
        FCPE_PER_UNL10,
        sumWhere(ctx, FCPE_PER_UNL10, (p) => {
          const h = p.holding;
          if (h.assetClass === "FUND_UNITS")
            return isIn(
              !h.heldFundType ||
                (!V_B_LIST.has(h.heldFundType) &&
                  !VII_2_LIST.has(h.heldFundType)),
            );
          if (!TITRES.has(h.assetClass ?? "")) return "out";
          // "sans préjudice des dispositions du a du V": what V a counts is not counted again here.
          if (solidarityCounted(p) === "in") return "out";
          return isIn(ownListing(h) !== "REGULATED");
        }),
        fractionAt(FCPE.perUnlisted, ctx.asOf),
      ),
      ratio(
        ctx,
        FCPE_PER_EMP10,
        sumWhere(ctx, FCPE_PER_EMP10, employer),
        fractionAt(FCPE.perEmployer, ctx.asOf),
      ),
      ratio(
        ctx,
        FCPE_PER_AIF50,
        sumWhere(ctx, FCPE_PER_AIF50, (p) => {
          const h = p.holding;
          if (h.assetClass !== "FUND_UNITS") return "out";
          if (!h.heldFundType) return { unknown: "heldFundType" };
          return isIn(VII_2_LIST.has(h.heldFundType));
        }),
        fractionAt(FCPE.perAif, ctx.asOf),
      ),
    );
  }

  if (f.foreignGroupPlan) {
    const unlistedGroup = ctx
      .heldPositions()
      .some(
        (p) => p.holding.employerGroup && ownListing(p.holding) === "UNLISTED",
      );
    const exempt = Boolean(f.liquidityMechanism || f.groupBuybackCommitment);
    const when = bindingFromFund(ctx, FCPE_FOREIGN.article);
    const liquid = sumWhere(ctx, FCPE_FOREIGN, (p) => {
      const h = p.holding;
      if (h.assetClass === "LIQUID_INSTRUMENT") return "in";
      if (TITRES.has(h.assetClass ?? "") || h.assetClass === "FUND_UNITS")
        return isIn(ownListing(h) !== "UNLISTED");
      return "out";
    });
    const binds = moreThanThird && unlistedGroup && !exempt;
    const notes = exempt
      ? [note("fcpe-foreign-exempt", { article: "L. 214-165-1 IV" })]
      : binds
        ? []
        : [note("fcpe-foreign-not-binding", { article: "L. 214-165-1 IV" })];
    results.push(
      ratio(
        ctx,
        FCPE_FOREIGN,
        liquid,
        fractionAt(FCPE.foreignLiquid, ctx.asOf),
        {
          binding: binds && when.binding,
          complete: when.complete && group.complete,
          window: when.window,
          notes: [...when.notes, ...notes],
        },
      ),
    );
  }
  return results;
}

export const FCPE_RULES = [
  FCPE_SCOPE,
  FCPE_SOL5,
  FCPE_SOL10,
  FCPE_PE30,
  FCPE_PER_UNL10,
  FCPE_PER_EMP10,
  FCPE_PER_AIF50,
  FCPE_FOREIGN,
];
