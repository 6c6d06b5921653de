import { type Amount, amountFromString } from "../../amount";
import { addYears } from "../../dates";
import { FundContext, type Position } from "../../fund-context";
import type { FundType, Holding } from "../../model";
import type { RuleResult } from "../../result";
import { isEuEeaOn, L214_160, listAt, requireVersion } from "../../../law";
import type { LawParameter } from "../../../law/parameter";
import { PEA } from "../../../law/livre2/pea";
import { evaluateFcpr } from "../fcpr";
import { evaluateFpci } from "../fpci";
import { claims } from "../unread-fund-flags";
import { PEA_FUND75, PEAPME_EQ23, PEAPME_FUND75 } from "./definitions";
import {
  bindingFromFund,
  isIn,
  type L2Rule,
  measure,
  neededBy,
  note,
  byListing,
  ratio,
  sumWhere,
  TITRES,
  type Verdict,
  ZERO,
} from "./kit";

// PEA (L. 221-31 I 2°) and PEA-PME (L. 221-32-2 3) funds, WORKBOOK-FORMAT-LIVRE2 §2.6.
const UCITS_LIKE = new Set<FundType>(["OPCVM", "FIVG", "OFS"]);
const FCPR_LIKE = new Set<FundType>(["FCPR", "FCPI", "FIP"]);
const PROFESSIONAL = new Set<FundType>(["FPS", "FPCI", "SLP"]);
/** Positions whose issuer the 4° test looks at: the titres, and the claims on an issuer. */
const ISSUER_CLASSES = new Set<string>([
  ...TITRES,
  "RECEIVABLE",
  "CURRENT_ACCOUNT_ADVANCE",
  "ENTITY_RIGHTS",
]);

/** 4° (PEA) and 5 (PEA-PME): seat in the EU or the EEA with a treaty, subject to corporate tax. */
function issuerTest(h: Holding, asOf: string): Verdict {
  if (h.issuerCountry === undefined) return { unknown: "issuerCountry" };
  if (!isEuEeaOn(h.issuerCountry, asOf)) return "out";
  // Blank is « not » (LIVRE2 §1.3); an unreadable cell is not read as « no ».
  if (h.invalid.has("corporateTax")) return { unknown: "corporateTax" };
  return isIn(Boolean(h.corporateTax));
}

/** In when one of the tests passes; else unknown while a value one of them needs is blank. */
function either(...tests: [boolean | undefined, string][]): Verdict {
  if (tests.some(([passed]) => passed)) return "in";
  const blank = tests.find(([passed]) => passed === undefined);
  return blank ? { unknown: blank[1] } : "out";
}

/** Out when either part fails; in when both pass; else the first part left unknown. */
const allOf = (...verdicts: Verdict[]): Verdict =>
  verdicts.includes("out") ? "out" : (verdicts.find((v) => v !== "in") ?? "in");

/**
 * 2 of L. 221-32-2: fewer than 5,000 persons and turnover ≤ 1.5 bn or balance sheet ≤ 2 bn; listed,
 * also capitalisation < 1 bn. A blank figure makes the issuer unknown only when the others do not
 * already decide: 6,000 persons, or both turnover and balance sheet above their limits, are out
 * whatever the blank says (« A missing figure the test needs »).
 */
function pmeEti(h: Holding, asOf: string): Verdict {
  const v = (p: typeof PEA.pmeEmployees) =>
    amountFromString(requireVersion(p, asOf).value);
  const atMost = (x: Amount | undefined, p: typeof PEA.pmeEmployees) =>
    x === undefined ? undefined : x <= v(p);
  const employees: Verdict =
    h.issuerEmployees === undefined
      ? { unknown: "issuerEmployees" }
      : isIn(h.issuerEmployees < v(PEA.pmeEmployees));
  const size = either(
    [atMost(h.issuerTurnover, PEA.pmeTurnover), "issuerTurnover"],
    [atMost(h.issuerBalanceSheet, PEA.pmeBalanceSheet), "issuerBalanceSheet"],
  );
  if ((h.listingStatus ?? "UNLISTED") === "UNLISTED")
    return allOf(employees, size);
  const cap = v(PEA.pmeMarketCap);
  const below = (x: Amount | undefined) =>
    x === undefined ? undefined : x < cap;
  return allOf(
    employees,
    size,
    either(
      [below(h.issuerMarketCap), "issuerMarketCap"],
      [below(h.issuerMarketCapLow4y), "issuerMarketCapLow4y"],
    ),
  );
}

/** 2° a–c and 3 a–c: a ratio over total assets, "plus de 75 %", binding at all times unless bindingFrom. */
function strictRatio(
  ctx: FundContext,
  rule: L2Rule,
  law: LawParameter<string>,
  select: (p: Position) => Verdict,
) {
  const sum = sumWhere(ctx, rule, select);
  // "plus de 75 %": strictly, where the definition's "≥" is that of d and e.
  const strict: L2Rule = {
    ...rule,
    article: `${rule.article} a à c`,
    operator: ">",
  };
  const when = bindingFromFund(ctx, rule.article);
  return { sum, result: ratio(ctx, strict, law, sum, { when }) };
}

/**
 * 2° d, e and 3 d bis: the FCPR-Q50 numerator (L. 214-160 for FPS, FPCI, SLP) over the positions of
 * 4° issuers only, ≥ 75 %, from the close of the fourth financial year.
 */
function commitment(
  ctx: FundContext,
  rule: L2Rule,
  paragraph: string,
  threshold: LawParameter<string>,
): RuleResult {
  const f = ctx.fund;
  const article = `${rule.article} ${paragraph}`;
  let complete = true;
  const missing = new Map<string, number>();
  const kept: Holding[] = [];
  for (const p of ctx.positions) {
    const h = p.holding;
    if (!ISSUER_CLASSES.has(h.assetClass ?? "")) {
      kept.push(h);
      continue;
    }
    const v = issuerTest(h, ctx.asOf);
    if (v === "in") kept.push(h);
    else if (typeof v === "object" && "unknown" in v && p.held) {
      complete = false;
      missing.set(v.unknown, (missing.get(v.unknown) ?? 0) + 1);
      ctx.needHolding(h, v.unknown, { ...neededBy(rule), article });
    }
  }
  // « dans la limite de 20 % de l'actif du fonds » (L. 214-28 III) and the 15 % of II: of the
  // fund's asset, not of what is left once the other issuers are set aside. On fair value with
  // totalAssets blank, the base is the sum of every position of the fund, which the inner check
  // is given as the fund's total assets.
  const whole =
    ctx.basis === "FAIR" &&
    f.totalAssets === undefined &&
    ctx.denominator !== undefined
      ? { ...f, totalAssets: ctx.denominator }
      : f;
  const inner = new FundContext(
    whole,
    kept,
    ctx.asOf,
    {
      defaultWithSubscriptions: "COST",
      explain: false,
      defaultWarningMargin: ctx.warningMargin,
    },
    ctx.holders,
  );
  const quota = (
    PROFESSIONAL.has(f.fundType as FundType)
      ? evaluateFpci(inner)
      : evaluateFcpr(inner)
  ).rules.find((r) => r.id === "FCPR-Q50");
  const counted = quota?.numerator ? amountFromString(quota.numerator) : ZERO;
  const numerator = PROFESSIONAL.has(f.fundType as FundType)
    ? counted - receivablesBeyond(ctx, new Set(kept))
    : counted;
  const read = quota !== undefined && quota.numerator !== null;
  if (!read || (quota.status === "incomplete" && quota.partial))
    complete = false;
  const years = requireVersion(PEA.commitmentYears, ctx.asOf).value;
  const end = f.firstYearEnd;
  const from = end === undefined ? undefined : addYears(end, years);
  if (from === undefined)
    ctx.needFund("firstYearEnd", { ...neededBy(rule, "rule-binds"), article });
  const notes = [
    from
      ? note("commitment-from", { date: from, article })
      : note("first-year-end-needed", { article }),
  ];
  for (const [column, count] of missing)
    notes.push(note("values-missing", { column, count, article }));
  return measure(ctx, {
    rule: { ...rule, article },
    threshold,
    numerator,
    denominator: ctx.denominator,
    complete: complete && from !== undefined && ctx.denominatorComplete,
    binding: from !== undefined && ctx.asOf >= from,
    window: from ? { from, article } : undefined,
    notes,
  });
}

const positive = (x: Amount): Amount => (x > ZERO ? x : ZERO);

/**
 * L. 214-160 II: « peut détenir des créances, dans la limite de 10 % de son actif »; the
 * receivables above it are not counted in the quota, measured on every receivable the fund holds,
 * whatever its debtor (docs/workbook-format.md, FPCI). The inner check sees the 4° issuers'
 * receivables only, and so a smaller excess: what the whole excess takes beyond it is taken from
 * the 4° receivables too, the reading that never overstates the commitment.
 */
function receivablesBeyond(ctx: FundContext, kept: Set<Holding>): Amount {
  if (ctx.denominator === undefined) return ZERO;
  const classes = listAt(L214_160.receivableClasses, ctx.asOf) as ReadonlySet<
    string | undefined
  >;
  const share = requireVersion(L214_160.receivables, ctx.asOf).value;
  const limit =
    (ctx.denominator * amountFromString(share)) / amountFromString("1");
  let all = ZERO;
  let own = ZERO;
  for (const p of ctx.heldPositions()) {
    if (!classes.has(p.holding.assetClass)) continue;
    const a = ctx.amountOf(p);
    if (a === undefined) continue;
    all += a;
    if (kept.has(p.holding)) own += a;
  }
  const excessAll = positive(all - limit);
  const taken = excessAll < own ? excessAll : own;
  return positive(taken - positive(own - limit));
}

/** Shares other than preference shares, and SARL parts; an unreadable preferenceShares is not read as « no ». */
function ordinaryShare(h: Holding): Verdict {
  if (h.assetClass === "SARL_PARTS") return "in";
  if (h.assetClass !== "EQUITY") return "out";
  if (h.invalid.has("preferenceShares")) return { unknown: "preferenceShares" };
  return isIn(!h.preferenceShares);
}

/** PEA-FUND75, PEAPME-FUND75 and PEAPME-EQ23 for the fund's claims. */
export function evaluatePea(ctx: FundContext): RuleResult[] {
  const f = ctx.fund;
  const type = f.fundType as FundType;
  const results: RuleResult[] = [];
  // Most funds claim neither: no closure is made for them (each fund's check, each edit's re-check).
  if (!claims(f, "peaClaim") && !claims(f, "peaPmeClaim")) return results;
  const issuer = (h: Holding) => issuerTest(h, ctx.asOf);
  if (claims(f, "peaClaim")) {
    if (UCITS_LIKE.has(type))
      results.push(
        strictRatio(ctx, PEA_FUND75, PEA.fundStrict, ({ holding: h }) =>
          allOf(ordinaryShare(h), issuer(h)),
        ).result,
      );
    else if (FCPR_LIKE.has(type) || PROFESSIONAL.has(type)) {
      const paragraph = FCPR_LIKE.has(type) ? "d" : "e";
      results.push(commitment(ctx, PEA_FUND75, paragraph, PEA.fundCommitment));
    }
  }
  if (claims(f, "peaPmeClaim")) {
    if (UCITS_LIKE.has(type)) {
      const isPmeTitre = ({ holding: h }: Position): Verdict =>
        TITRES.has(h.assetClass ?? "")
          ? allOf(issuer(h), pmeEti(h, ctx.asOf))
          : "out";
      const fund75 = strictRatio(
        ctx,
        PEAPME_FUND75,
        PEA.pmeFundStrict,
        isPmeTitre,
      );
      results.push(fund75.result);
      // ⅔ of those: shares (not preference), SARL parts, ORA, and convertibles admitted to trading.
      const equity = sumWhere(ctx, PEAPME_EQ23, (p) => {
        const h = p.holding;
        const kind =
          h.assetClass === "MANDATORY_REDEEMABLE_BOND"
            ? "in"
            : h.assetClass === "CONVERTIBLE_BOND"
              ? byListing(h, (listing) => listing !== "UNLISTED")
              : ordinaryShare(h);
        return allOf(kind, isPmeTitre(p));
      });
      results.push(
        ratio(ctx, PEAPME_EQ23, PEA.pmeEquity, equity, {
          when: bindingFromFund(ctx, PEAPME_EQ23.article),
          base: { total: fund75.sum.total, complete: fund75.sum.complete },
        }),
      );
    } else if (PROFESSIONAL.has(type))
      results.push(
        commitment(ctx, PEAPME_FUND75, "d bis", PEA.pmeFundCommitment),
      );
  }
  return results;
}

export const PEA_RULES = [PEA_FUND75, PEAPME_FUND75, PEAPME_EQ23];
