import type { FundContext, Position } from "../../fund-context";
import { idKey } from "../../id-key";
import type { HeldFundType, Holding } from "../../model";
import type { Reason } from "../../reasons";
import type { RuleResult } from "../../result";
import { ratioAt } from "../../../law";
import { fractionAt } from "../../../law/livre2/fraction";
import { FCPE } from "../../../law/livre2/fcpe";
import {
  claims,
  settleUnreadClaims,
  settleUnreadFundFlags,
} from "../unread-fund-flags";
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
  byListing,
  isIn,
  type L2Rule,
  note,
  ownListing,
  ratio,
  type Share,
  share,
  sumWhere,
  TITRES,
  type Verdict,
} from "./kit";

// FCPE: L. 214-164, L. 214-165, L. 214-165-1 (WORKBOOK-FORMAT-LIVRE2 §2.5). The lists of fund types
// below are the contract's mapping of the code's paragraphs (not in the reference text).
/** Funds of L. 214-28 and L. 214-30, and the FPCI. */
const FCPR_FAMILY: HeldFundType[] = ["FCPR", "FCPI", "FIP", "FPCI"];
/** Funds both V b and VII 2° name. */
const AIF_OF_V_AND_VII: HeldFundType[] = ["FCPR", "FCPI", "FIP", "FOFA"];
/** Professional funds, which both name too. */
const PROFESSIONAL: HeldFundType[] = ["FPVG", "FPS", "SLP"];
const SOLIDARITY_VEHICLES = new Set<HeldFundType>(["SCR", ...FCPR_FAMILY]);
const PE_AND_OPCI = new Set<HeldFundType>([...FCPR_FAMILY, "SPPICAV", "FPI"]);
const V_B_LIST = new Set<HeldFundType>([
  "OPCVM",
  "FIVG",
  ...AIF_OF_V_AND_VII,
  ...PROFESSIONAL,
]);
const VII_2_LIST = new Set<HeldFundType>([
  ...AIF_OF_V_AND_VII,
  "SPPICAV",
  "FPI",
  "OPPCI",
  ...PROFESSIONAL,
]);
/** Claims on an enterprise, not "parts ou titres": named in V a's message, not counted. */
const CLAIMS = new Set(["CURRENT_ACCOUNT_ADVANCE", "RECEIVABLE"]);

/** V a: solidarity securities, and the whole units of an SCR or FCPR-family fund whose own asset is 40 % solidarity. */
function solidarity(ctx: FundContext): (p: Position) => Verdict {
  const gate = ratioAt(FCPE.solidarityLookThrough, ctx.asOf);
  return ({ holding: h }) => {
    // Securities of an approved solidarity enterprise count by the first route, even when it is
    // an SCR: the 40 % reservation bears on « ces fonds », the second route.
    const titre = TITRES.has(h.assetClass ?? "");
    if (h.solidarityEnterprise && titre) return "in";
    // An unreadable flag (not a blank one, which is « no ») may be an approved enterprise's.
    const firstRoute: Verdict =
      titre && h.invalid.has("solidarityEnterprise")
        ? { unknown: "solidarityEnterprise" }
        : "out";
    const vehicleClass =
      h.assetClass === "EQUITY" || h.assetClass === "FUND_UNITS";
    if (
      vehicleClass &&
      h.heldFundType &&
      SOLIDARITY_VEHICLES.has(h.heldFundType)
    ) {
      if (h.entitySolidarityShare === undefined)
        return { unknown: "entitySolidarityShare" };
      if (h.entitySolidarityShare.gte(gate)) return "in";
      return firstRoute;
    }
    // An unreadable type may be one of the solidarity vehicles.
    if (vehicleClass && h.invalid.has("heldFundType"))
      return { unknown: "heldFundType" };
    return firstRoute;
  };
}

/** IV, VII 1° « titres de l'entreprise »: the employer group's securities, not its deposits, advances or claims. */
const isEmployerTitre = (h: Holding): boolean =>
  Boolean(h.employerGroup) && TITRES.has(h.assetClass ?? "");

const employer = (p: Position): Verdict => isIn(isEmployerTitre(p.holding));

/** VI: units of FCPR-family funds and OPCI, at most 30 %. */
const PE30: Share = {
  rule: FCPE_PE30,
  law: FCPE.privateEquity,
  select: ({ holding: h }) => {
    if (h.heldFundType) return isIn(PE_AND_OPCI.has(h.heldFundType));
    return h.assetClass === "FUND_UNITS" ? { unknown: "heldFundType" } : "out";
  },
  // Units of unknown type may only add: 30 % already exceeded stays exceeded.
  partialIsLeast: true,
};

/** VII 1°: at most 10 % of securities not on a regulated market, beside what V a counts. */
const perUnlisted = (solidarityCounted?: (p: Position) => Verdict): Share => ({
  rule: FCPE_PER_UNL10,
  law: FCPE.perUnlisted,
  select: (p) => {
    const h = p.holding;
    if (h.assetClass === "FUND_UNITS") {
      // An unreadable type (not a blank one) may be one of V b or VII 2°.
      if (h.invalid.has("heldFundType")) return { unknown: "heldFundType" };
      return isIn(
        !h.heldFundType ||
          (!V_B_LIST.has(h.heldFundType) && !VII_2_LIST.has(h.heldFundType)),
      );
    }
    if (!TITRES.has(h.assetClass ?? "")) return "out";
    // "sans préjudice des dispositions du a du V": what V a counts is not counted again here.
    const solidarity = solidarityCounted?.(p);
    if (solidarity === "in") return "out";
    const verdict = byListing(h, (listing) => listing !== "REGULATED");
    // Counted by V a or not is unknown: in this share only if it is not.
    if (
      verdict === "in" &&
      typeof solidarity === "object" &&
      "unknown" in solidarity
    )
      return solidarity;
    return verdict;
  },
  // A position it cannot place (listing, type or V a unknown) is in the 10 % or out of it: it
  // may only add, and 10 % already exceeded stays exceeded.
  partialIsLeast: true,
});

/** VII 1° and 2°: employer-group securities, and the AIF of VII 2°. */
const PER_EMP10: Share = {
  rule: FCPE_PER_EMP10,
  law: FCPE.perEmployer,
  select: employer,
};
const PER_AIF50: Share = {
  rule: FCPE_PER_AIF50,
  law: FCPE.perAif,
  select: ({ holding: h }) => {
    if (h.assetClass !== "FUND_UNITS") return "out";
    if (!h.heldFundType) return { unknown: "heldFundType" };
    return isIn(VII_2_LIST.has(h.heldFundType));
  },
  partialIsLeast: true,
};

/** L. 214-165-1 IV: liquid instruments, and securities or units that are not unlisted. */
const FOREIGN: Share = {
  rule: FCPE_FOREIGN,
  law: FCPE.foreignLiquid,
  select: ({ holding: h }) => {
    if (h.assetClass === "LIQUID_INSTRUMENT") return "in";
    if (TITRES.has(h.assetClass ?? "") || h.assetClass === "FUND_UNITS")
      return byListing(h, (listing) => listing !== "UNLISTED");
    return "out";
  },
};

/** V: what a solidarity fund's message names: advances to solidarity enterprises, and a single master (a feeder). */
function solidarityFacts(ctx: FundContext) {
  const held = ctx
    .heldPositions()
    .filter((p) => p.holding.assetClass !== "CASH");
  const masters = new Set(
    held.map(({ holding: h }) =>
      h.assetClass === "FUND_UNITS" && h.masterId !== undefined
        ? idKey(h.masterId)
        : undefined,
    ),
  );
  const feeder =
    held.length > 0 && masters.size === 1 && !masters.has(undefined);
  const advances = ctx
    .heldPositions()
    .filter(
      ({ holding: h }) =>
        h.solidarityEnterprise && CLAIMS.has(h.assetClass ?? ""),
    ).length;
  const notes: Reason[] = [];
  if (advances) notes.push(note("fcpe-sol-advances", { count: advances }));
  const name = [...masters][0];
  const article = "L. 214-164 V";
  if (feeder) notes.push(note("fcpe-sol-feeder", { name, article }));
  return { feeder, notes };
}

/** The FCPE's yes/no cells, each with the article whose regime it claims. */
const FCPE_FLAGS = {
  solidarityFund: "L. 214-164 V",
  perEligible: "L. 214-164 VII",
  foreignGroupPlan: "L. 214-165-1 IV",
  liquidityMechanism: "L. 214-165-1 IV",
  groupBuybackCommitment: "L. 214-165-1 IV",
} as const;

/** The rules each of the FCPE's yes/no cells brings in. */
const FCPE_CLAIMS = {
  solidarityFund: [FCPE_SOL5.id, FCPE_SOL10.id],
  perEligible: [FCPE_PER_UNL10.id, FCPE_PER_EMP10.id, FCPE_PER_AIF50.id],
  foreignGroupPlan: [FCPE_FOREIGN.id],
};

export function evaluateFcpe(ctx: FundContext): RuleResult[] {
  const results = fcpeRules(ctx);
  // An unreadable one (blank is « no ») may be yes: each is measured both ways, and the rules
  // one brings in are measured, never left out (their breach holds only if it is yes).
  settleUnreadFundFlags(ctx, FCPE_FLAGS, results, fcpeRules);
  settleUnreadClaims(ctx.fund, results, FCPE_CLAIMS);
  return results;
}

function fcpeRules(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  const results: RuleResult[] = [];
  const third = fractionAt(FCPE.scope, ctx.asOf);
  // FCPE-SCOPE: the regime, by employer-group securities against one third.
  const group = sumWhere(ctx, FCPE_SCOPE, employer);
  const scope = ratio(ctx, FCPE_SCOPE, FCPE.scope, group);
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

  if (claims(f, "solidarityFund")) {
    const { feeder, notes } = solidarityFacts(ctx);
    // A feeder (last sentence of V): information only, its master is checked as a fund of its own.
    const info = (rule: L2Rule): L2Rule =>
      feeder ? { ...rule, direction: "info" } : rule;
    const select = solidarity(ctx);
    const min = { rule: info(FCPE_SOL5), law: FCPE.solidarityMin, select };
    // An SCR or FCPR of unknown solidarity share may only add to the 10 %.
    const max = {
      rule: info(FCPE_SOL10),
      law: FCPE.solidarityMax,
      select,
      partialIsLeast: true,
    };
    const when = bindingFromFund(ctx, FCPE_SOL5.article);
    results.push(share(ctx, min, { when, notes }), share(ctx, max, { notes }));
  }

  results.push(share(ctx, PE30));
  if (claims(f, "perEligible"))
    results.push(
      share(ctx, perUnlisted(f.solidarityFund ? solidarity(ctx) : undefined)),
      share(ctx, PER_EMP10),
      share(ctx, PER_AIF50),
    );

  if (claims(f, "foreignGroupPlan")) {
    // A group security of unread listing is also in FOREIGN's selection, unknown there: the
    // result is incomplete whether IV binds or not.
    const unlistedGroup = ctx
      .heldPositions()
      .some(
        (p) =>
          isEmployerTitre(p.holding) && ownListing(p.holding) === "UNLISTED",
      );
    const exempt = Boolean(f.liquidityMechanism || f.groupBuybackCommitment);
    const binds = moreThanThird && unlistedGroup && !exempt;
    const article = "L. 214-165-1 IV";
    const notes = exempt
      ? [note("fcpe-foreign-exempt", { article })]
      : binds
        ? []
        : [note("fcpe-foreign-not-binding", { article })];
    results.push(
      share(ctx, FOREIGN, {
        when: bindingFromFund(ctx, FCPE_FOREIGN.article),
        binding: binds,
        complete: group.complete,
        notes,
      }),
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
