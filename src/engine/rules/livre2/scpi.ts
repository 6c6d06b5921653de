import { type Amount, scaleAmount } from "../../amount";
import { addMonths, addYears } from "../../dates";
import { Dec } from "../../decimal";
import type { FundContext, Position } from "../../fund-context";
import { type Reason, reason } from "../../reasons";
import { coded } from "../../../present/english";
import type { GroupResult, RuleResult } from "../../result";
import { ratioAt, requireVersion } from "../../../law";
import { fractionAt } from "../../../law/livre2/fraction";
import { SCPI } from "../../../law/livre2/scpi";
import { SEF } from "../../../law/livre2/sef";
import {
  SCPI_ASSET,
  SCPI_CCA5,
  SCPI_DEBT,
  SCPI_PRICE10,
  SCPI_RAISE15,
  SCPI_SELL10,
  SEF_RAISE15,
} from "./definitions";
import {
  formatAmount,
  type L2Rule,
  measure,
  missingNotes,
  neededBy,
  note,
  sumWhere,
  ZERO,
} from "./kit";

// SCPI (L. 214-93 to L. 214-116), and the SCPI rules the SEF shares (L. 214-121 applies them).

const breaks = (p: Position, cause: Reason): Reason =>
  reason("position-breaks", {
    lineId: p.holding.lineId,
    row: p.holding.row,
    cause,
  });

/** L. 214-115: "exclusivement constitué" of the items of I; a position outside them is a breach naming the line. */
export function scpiAsset(ctx: FundContext): RuleResult {
  const rule = SCPI_ASSET;
  const breakers: Reason[] = [];
  const article = "L. 214-115";
  const sum = sumWhere(ctx, rule, (p) => {
    const h = p.holding;
    if (h.assetClass === "CURRENT_ACCOUNT_ADVANCE") return "out"; // judged by SCPI-CCA5 only
    if (h.scpiCategory === undefined) return { unknown: "scpiCategory" };
    const cause =
      h.scpiCategory === 0
        ? reason("l2-position", {
            key: "scpi-category-0",
            article: `${article} I`,
          })
        : h.jointLiabilityEntity
          ? reason("l2-position", {
              key: "scpi-joint-liability",
              article: `${article} II`,
            })
          : h.scpiCategory === 2 &&
              (h.listingStatus ?? "UNLISTED") !== "UNLISTED"
            ? reason("l2-position", {
                key: "scpi-2-listed",
                article: `${article} I 2°`,
              })
            : undefined;
    if (!cause) return "out";
    breakers.push(breaks(p, cause));
    return "in";
  });
  return measure({
    rule,
    threshold: fractionAt(SCPI.assetList, ctx.asOf),
    numerator: sum.total,
    denominator: ctx.denominator,
    complete: sum.complete && ctx.denominatorComplete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: missingNotes(sum, rule.article),
    breakers,
  });
}

/** L. 214-102 II: advances only to 2° and 3° companies of which the fund holds at least 5 %. */
export function scpiAdvances(ctx: FundContext): RuleResult {
  const rule = SCPI_CCA5;
  const gate = ratioAt(SCPI.advanceGate, ctx.asOf);
  const companies = new Map<string, { ownership?: Dec; unknown: boolean }>();
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.assetClass === "CURRENT_ACCOUNT_ADVANCE" || !h.issuerId) continue;
    if (
      (h.scpiCategory !== 2 && h.scpiCategory !== 3) ||
      h.jointLiabilityEntity
    )
      continue;
    const c = companies.get(h.issuerId) ?? { unknown: false };
    if (
      h.ownershipPct !== undefined &&
      (c.ownership === undefined || h.ownershipPct.gt(c.ownership))
    )
      c.ownership = h.ownershipPct;
    if (h.invalid.has("ownershipPct")) c.unknown = true;
    companies.set(h.issuerId, c);
  }
  const breakers: Reason[] = [];
  const sum = sumWhere(ctx, rule, (p) => {
    const h = p.holding;
    if (h.assetClass !== "CURRENT_ACCOUNT_ADVANCE") return "out";
    const company = h.issuerId ? companies.get(h.issuerId) : undefined;
    const ownership = h.ownershipPct ?? company?.ownership;
    const issuer = h.issuerName ?? h.issuerId;
    if (!company) {
      breakers.push(
        breaks(
          p,
          reason("l2-position", {
            key: "scpi-advance-gate",
            article: rule.article,
            issuer,
          }),
        ),
      );
      return "in";
    }
    if (ownership === undefined) return { unknown: "ownershipPct" };
    if (ownership.gte(gate)) return "out";
    breakers.push(
      breaks(
        p,
        reason("l2-position", {
          key: "scpi-advance-gate",
          article: rule.article,
          issuer,
          ownership: ownership.toString(),
        }),
      ),
    );
    return "in";
  });
  return measure({
    rule,
    threshold: fractionAt(SCPI.advancesOutside, ctx.asOf),
    numerator: sum.total,
    denominator: ctx.denominator,
    complete: sum.complete && ctx.denominatorComplete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: missingNotes(sum, rule.article),
    breakers,
  });
}

/** L. 214-101: borrowings plus the 2° companies' debts at the share held, over the general meeting's maximum. */
export function scpiDebt(ctx: FundContext): RuleResult | undefined {
  const rule = SCPI_DEBT;
  const f = ctx.fund;
  let complete =
    !f.invalid.has("borrowings") && !f.invalid.has("agBorrowingMax");
  let debt: Amount = f.borrowings ?? ZERO;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.scpiCategory !== 2) continue;
    if (h.invalid.has("entityDebt") || h.invalid.has("participationPct"))
      complete = false;
    if (h.entityDebt === undefined) {
      ctx.warn(
        "Holdings",
        h.row,
        "entityDebt",
        reason("entity-debt-blank", {
          item: 2,
          article: rule.article,
          threshold: "1",
          rule: rule.id,
        }),
      );
      continue;
    }
    const share = h.participationPct ?? new Dec(1);
    const part = scaleAmount(h.entityDebt, share);
    debt += part;
    ctx.count(
      p,
      {
        rule: rule.id,
        article: rule.article,
        code: "look-through-debt",
        explain: reason("counted-look-through-debt", {
          debt: formatAmount(h.entityDebt),
          share: share.toString(),
          article: rule.article,
        }),
      },
      part,
    );
  }
  if (f.agBorrowingMax === undefined && debt === ZERO && complete)
    return undefined;
  const notes: Reason[] = [
    note("scpi-debt", {
      amount: formatAmount(f.borrowings ?? ZERO),
      article: rule.article,
    }),
  ];
  if (f.agBorrowingMax === undefined) {
    ctx.needFund("agBorrowingMax", neededBy(rule, "debt-maximum"));
    notes.push(note("debt-without-maximum", { article: rule.article }));
  }
  return measure({
    rule,
    threshold: fractionAt(SCPI.borrowing, ctx.asOf),
    numerator: debt,
    denominator: f.agBorrowingMax,
    complete,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes,
  });
}

/** L. 214-116 (SCPI, one year) and L. 214-123 (SEF, two years): 15 % of the maximum capital subscribed by the public. */
export function raise15(
  ctx: FundContext,
  sef: boolean,
): RuleResult | undefined {
  const f = ctx.fund;
  if (
    f.subscriptionOpeningDate === undefined &&
    !f.invalid.has("subscriptionOpeningDate")
  )
    return undefined;
  const rule: L2Rule = sef ? SEF_RAISE15 : SCPI_RAISE15;
  const law = sef ? SEF : SCPI;
  const threshold = fractionAt(law.raise, ctx.asOf);
  const deadline =
    f.subscriptionOpeningDate === undefined
      ? undefined
      : addYears(
          f.subscriptionOpeningDate,
          requireVersion(law.raiseYears, ctx.asOf).value,
        );
  if (f.publicSubscribedCapital === undefined)
    ctx.needFund("publicSubscribedCapital", neededBy(rule));
  if (f.statutoryMaxCapital === undefined)
    ctx.needFund("statutoryMaxCapital", neededBy(rule));
  const r = measure({
    rule,
    threshold,
    numerator: f.publicSubscribedCapital ?? ZERO,
    denominator: f.statutoryMaxCapital,
    complete: f.publicSubscribedCapital !== undefined && deadline !== undefined,
    binding: true,
    warningMargin: ctx.warningMargin,
    window: deadline ? { from: deadline, article: rule.article } : undefined,
    notes: deadline
      ? [note("raise-deadline", { date: deadline, article: rule.article })]
      : [],
  });
  // Below 15 % before the deadline: not yet binding; from the deadline day included, a breach.
  if (r.status === "breach" && deadline && ctx.asOf < deadline) {
    r.status = "not-binding";
    r.reasons = [
      ...(r.reasons ?? []),
      note("raise-before-deadline", { date: deadline, article: rule.article }),
    ];
  }
  return r;
}

/**
 * L. 214-93 II, an event: sell orders registered more than twelve months ago, or withdrawals not
 * satisfied within twelve months, reach 10 % of the units issued. Reported only when the workbook
 * has an Orders table.
 */
export function sellOrders(ctx: FundContext): RuleResult | undefined {
  const orders = ctx.orders;
  if (orders === undefined) return undefined;
  const rule = SCPI_SELL10;
  const months = requireVersion(SCPI.sellOrdersMonths, ctx.asOf).value;
  let complete = true;
  let ignored = 0;
  const totals = { SELL: ZERO, WITHDRAWAL: ZERO };
  for (const o of orders) {
    if (
      o.invalid.size ||
      o.orderType === undefined ||
      o.registeredDate === undefined ||
      o.units === undefined
    ) {
      complete = false;
      for (const column of ["orderType", "registeredDate", "units"] as const)
        if (o[column] === undefined && !o.invalid.has(column))
          ctx.diagnostics.push({
            severity: "error",
            table: "Orders",
            row: o.row,
            column,
            ...coded(reason("value-needed", { column, ...neededBy(rule) })),
          });
      continue;
    }
    if (o.registeredDate > ctx.asOf || o.units === ZERO) {
      ignored++;
      ctx.diagnostics.push({
        severity: "info",
        table: "Orders",
        row: o.row,
        ...coded(
          note("orders-ignored", { count: 1, name: `${o.orderId ?? o.row}` }),
        ),
      });
      continue;
    }
    // "depuis plus de douze mois": registered exactly twelve months before the as-of date does not count.
    if (addMonths(o.registeredDate, months) < ctx.asOf)
      totals[o.orderType] += o.units;
  }
  let issued: Amount | undefined = ctx.fund.unitsIssued;
  if (
    issued === undefined &&
    !ctx.fund.invalid.has("unitsIssued") &&
    ctx.holders.length
  ) {
    issued = ZERO;
    for (const h of ctx.holders) {
      if (h.units === undefined) complete = false;
      else issued += h.units;
    }
  }
  const threshold = fractionAt(SCPI.sellOrders, ctx.asOf);
  const worse =
    totals.SELL >= totals.WITHDRAWAL ? totals.SELL : totals.WITHDRAWAL;
  // No order old enough: 0 % of any number of units, known or not.
  if (issued === undefined && complete && worse === ZERO)
    return {
      ...measure({
        rule,
        threshold,
        numerator: ZERO,
        denominator: null,
        absolute: "count",
        complete,
        binding: true,
        warningMargin: ctx.warningMargin,
      }),
      value: 0,
      numerator: "0.00",
      unit: "units",
      headroom: null,
      status: "pass",
    };
  if (issued === undefined)
    ctx.needFund("unitsIssued", neededBy(rule, "units-issued"));
  const groups: GroupResult[] = (["SELL", "WITHDRAWAL"] as const).map((key) => {
    const g = measure({
      rule,
      threshold,
      numerator: totals[key],
      denominator: issued,
      complete,
      binding: true,
      warningMargin: ctx.warningMargin,
      unit: "units",
    });
    return {
      key,
      value: g.value,
      numerator: g.numerator ?? "0.00",
      status: g.status,
      unit: "units",
    };
  });
  return measure({
    rule,
    threshold,
    numerator: worse,
    denominator: issued,
    complete,
    binding: true,
    warningMargin: ctx.warningMargin,
    unit: "units",
    groups,
    notes: ignored ? [note("orders-ignored", { count: ignored })] : [],
  });
}

/** L. 214-94, an event: a gap above 10 % between subscription price and reconstitution value. */
export function priceGap(ctx: FundContext): RuleResult | undefined {
  const f = ctx.fund;
  const given = (c: "subscriptionPrice" | "reconstitutionValue") =>
    f[c] !== undefined || f.invalid.has(c);
  if (!given("subscriptionPrice") && !given("reconstitutionValue"))
    return undefined;
  const rule = SCPI_PRICE10;
  const price = f.subscriptionPrice;
  const value = f.reconstitutionValue;
  if (price === undefined) ctx.needFund("subscriptionPrice", neededBy(rule));
  if (value === undefined) ctx.needFund("reconstitutionValue", neededBy(rule));
  const gap =
    price !== undefined && value !== undefined
      ? price > value
        ? price - value
        : value - price
      : ZERO;
  return measure({
    rule,
    threshold: fractionAt(SCPI.priceGap, ctx.asOf),
    numerator: gap,
    denominator: value,
    complete: price !== undefined && value !== undefined,
    binding: true,
    warningMargin: ctx.warningMargin,
    notes: [
      note("price-gap", { amount: formatAmount(gap), article: rule.article }),
    ],
  });
}

/** Every SCPI rule, in the order of the contract. */
export function evaluateScpi(ctx: FundContext): RuleResult[] {
  return [
    scpiAsset(ctx),
    scpiAdvances(ctx),
    scpiDebt(ctx),
    raise15(ctx, false),
    sellOrders(ctx),
    priceGap(ctx),
  ].filter((r): r is RuleResult => r !== undefined);
}

export const SCPI_RULES = [
  SCPI_ASSET,
  SCPI_CCA5,
  SCPI_DEBT,
  SCPI_RAISE15,
  SCPI_SELL10,
  SCPI_PRICE10,
];
