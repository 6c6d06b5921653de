import { type Amount, scaleAmount } from "../../amount";
import { addMonths, addYears } from "../../dates";
import { Dec } from "../../decimal";
import type { FundContext } from "../../fund-context";
import { type Reason, reason } from "../../reasons";
import { coded } from "../../../present/english";
import type { GroupResult, RuleResult } from "../../result";
import { ratioAt, requireVersion } from "../../../law";
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
  breaks,
  formatAmount,
  type L2Rule,
  measure,
  neededBy,
  note,
  present,
  share,
  ZERO,
} from "./kit";

// SCPI (L. 214-93 to L. 214-116), and the SCPI rules the SEF shares (L. 214-121 applies them).

/** L. 214-115: "exclusivement constitué" of the items of I; a position outside them is a breach naming the line. */
export const scpiAsset = (ctx: FundContext): RuleResult =>
  share(ctx, {
    rule: SCPI_ASSET,
    law: SCPI.assetList,
    select: ({ holding: h }) => {
      const article = "L. 214-115";
      if (h.assetClass === "CURRENT_ACCOUNT_ADVANCE") return "out"; // judged by SCPI-CCA5 only
      if (h.scpiCategory === undefined) return { unknown: "scpiCategory" };
      if (h.scpiCategory === 0)
        return breaks({ key: "scpi-category-0", article: `${article} I` });
      if (h.jointLiabilityEntity)
        return breaks({
          key: "scpi-joint-liability",
          article: `${article} II`,
        });
      if (
        h.scpiCategory === 2 &&
        (h.listingStatus ?? "UNLISTED") !== "UNLISTED"
      )
        return breaks({ key: "scpi-2-listed", article: `${article} I 2°` });
      return "out";
    },
  });

/** L. 214-102 II: advances only to 2° and 3° companies of which the fund holds at least 5 %. */
export function scpiAdvances(ctx: FundContext): RuleResult {
  const rule = SCPI_CCA5;
  const gate = ratioAt(SCPI.advanceGate, ctx.asOf);
  // The fund's 2° and 3° companies, with the largest ownership one of their lines gives.
  const owned = new Map<string, Dec | undefined>();
  for (const { holding: h } of ctx.heldPositions()) {
    if (h.assetClass === "CURRENT_ACCOUNT_ADVANCE" || !h.issuerId) continue;
    if (
      (h.scpiCategory !== 2 && h.scpiCategory !== 3) ||
      h.jointLiabilityEntity
    )
      continue;
    const [own, best] = [h.ownershipPct, owned.get(h.issuerId)];
    const larger = own !== undefined && (best === undefined || own.gt(best));
    owned.set(h.issuerId, larger ? own : best);
  }
  return share(ctx, {
    rule,
    law: SCPI.advancesOutside,
    select: ({ holding: h }) => {
      if (h.assetClass !== "CURRENT_ACCOUNT_ADVANCE") return "out";
      const issuer = h.issuerName ?? h.issuerId;
      const gateFails = {
        key: "scpi-advance-gate",
        article: rule.article,
        issuer,
      } as const;
      if (!h.issuerId || !owned.has(h.issuerId)) return breaks(gateFails);
      const ownership = h.ownershipPct ?? owned.get(h.issuerId);
      if (ownership === undefined) return { unknown: "ownershipPct" };
      if (ownership.gte(gate)) return "out";
      return breaks({ ...gateFails, ownership: ownership.toString() });
    },
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
  return measure(ctx, {
    rule,
    threshold: SCPI.borrowing,
    numerator: debt,
    denominator: f.agBorrowingMax,
    complete,
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
  const r = measure(ctx, {
    rule,
    threshold: law.raise,
    numerator: f.publicSubscribedCapital ?? ZERO,
    denominator: f.statutoryMaxCapital,
    complete: f.publicSubscribedCapital !== undefined && deadline !== undefined,
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
  const threshold = SCPI.sellOrders;
  const worse =
    totals.SELL >= totals.WITHDRAWAL ? totals.SELL : totals.WITHDRAWAL;
  // No order old enough: 0 % of any number of units, known or not.
  if (issued === undefined && complete && worse === ZERO)
    return {
      ...measure(ctx, {
        rule,
        threshold,
        numerator: ZERO,
        denominator: null,
        absolute: "count",
        complete,
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
    const g = measure(ctx, {
      rule,
      threshold,
      numerator: totals[key],
      denominator: issued,
      complete,
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
  return measure(ctx, {
    rule,
    threshold,
    numerator: worse,
    denominator: issued,
    complete,
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
  return measure(ctx, {
    rule,
    threshold: SCPI.priceGap,
    numerator: gap,
    denominator: value,
    complete: price !== undefined && value !== undefined,
    notes: [
      note("price-gap", { amount: formatAmount(gap), article: rule.article }),
    ],
  });
}

/** Every SCPI rule, in the order of the contract. */
export function evaluateScpi(ctx: FundContext): RuleResult[] {
  return present([
    scpiAsset(ctx),
    scpiAdvances(ctx),
    scpiDebt(ctx),
    raise15(ctx, false),
    sellOrders(ctx),
    priceGap(ctx),
  ]);
}

export const SCPI_RULES = [
  SCPI_ASSET,
  SCPI_CCA5,
  SCPI_DEBT,
  SCPI_RAISE15,
  SCPI_SELL10,
  SCPI_PRICE10,
];
