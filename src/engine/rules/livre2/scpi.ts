import { idKey } from "../../id-key";
import { type Amount, scaleAmount } from "../../amount";
import { addMonths, addYears } from "../../dates";
import { Dec } from "../../decimal";
import type { FundContext } from "../../fund-context";
import { heldUnknown, settleRowsOfNoFund } from "../../measures";
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
  fundValue,
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
      const jointLiability = () =>
        breaks({ key: "scpi-joint-liability", article: `${article} II` });
      // II bars a joint-liability entity whatever its category: a blank one cannot cure it.
      if (h.scpiCategory === undefined)
        return h.jointLiabilityEntity
          ? jointLiability()
          : { unknown: "scpiCategory" };
      if (h.scpiCategory === 0)
        return breaks({ key: "scpi-category-0", article: `${article} I` });
      if (h.jointLiabilityEntity) return jointLiability();
      if (
        h.scpiCategory === 2 &&
        (h.listingStatus ?? "UNLISTED") !== "UNLISTED"
      )
        return breaks({ key: "scpi-2-listed", article: `${article} I 2°` });
      // An unreadable flag is not « no »: the position may be barred by II.
      return h.invalid.has("jointLiabilityEntity")
        ? { unknown: "jointLiabilityEntity" }
        : "out";
    },
  });

/** L. 214-102 II: advances only to 2° and 3° companies of which the fund holds at least 5 %. */
export function scpiAdvances(ctx: FundContext): RuleResult {
  const rule = SCPI_CCA5;
  const gate = ratioAt(SCPI.advanceGate, ctx.asOf);
  // The fund's 2° and 3° companies (held otherwise than by advances, not of joint liability), and
  // the largest ownership any line of each issuer gives: the fund's share of the capital is one
  // figure, whichever line of the issuer states it.
  const companies = new Set<string>();
  // Companies that may be or not be 2° or 3° ones: their rows' joint-liability flag or category
  // cannot be read (the column that would tell, by company).
  const maybeCompanies = new Map<
    string,
    "jointLiabilityEntity" | "scpiCategory"
  >();
  const owned = new Map<string, Dec>();
  for (const { holding: h } of ctx.heldPositions()) {
    if (!h.issuerId) continue;
    // One company however its id is written (contract §3: ids match ignoring case and spaces).
    const key = idKey(h.issuerId);
    const [own, best] = [h.ownershipPct, owned.get(key)];
    if (own !== undefined && (best === undefined || own.gt(best)))
      owned.set(key, own);
    if (h.assetClass === "CURRENT_ACCOUNT_ADVANCE" || h.jointLiabilityEntity)
      continue;
    // An unreadable category is not « another item »: the company may be a 2° or 3° one.
    const unread = h.invalid.has("scpiCategory")
      ? "scpiCategory"
      : h.invalid.has("jointLiabilityEntity")
        ? "jointLiabilityEntity"
        : undefined;
    if (
      h.scpiCategory !== 2 &&
      h.scpiCategory !== 3 &&
      unread !== "scpiCategory"
    )
      continue;
    if (unread === undefined) companies.add(key);
    else if (!maybeCompanies.has(key)) maybeCompanies.set(key, unread);
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
      if (!h.issuerId) return breaks(gateFails);
      const key = idKey(h.issuerId);
      // A company whose joint-liability flag is unreadable may or may not be one of the fund's.
      const company = companies.has(key)
        ? true
        : maybeCompanies.has(key)
          ? undefined
          : false;
      if (company === false) return breaks(gateFails);
      const ownership = h.ownershipPct ?? owned.get(key);
      if (ownership !== undefined && ownership.lt(gate))
        return breaks({ ...gateFails, ownership: ownership.toString() });
      if (company === undefined) return { unknown: maybeCompanies.get(key)! };
      if (ownership === undefined) return { unknown: "ownershipPct" };
      return "out";
    },
  });
}

/** L. 214-101: borrowings plus the 2° companies' debts at the share held, over the general meeting's maximum. */
export function scpiDebt(ctx: FundContext): RuleResult | undefined {
  const { id, article } = SCPI_DEBT;
  const f = ctx.fund;
  let complete =
    !f.invalid.has("borrowings") && !f.invalid.has("agBorrowingMax");
  let debt: Amount = f.borrowings ?? ZERO;
  // A debt read below zero (a sign error): an unread one could be too, so the partial sum is not the least.
  let belowZero = debt < ZERO;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (h.scpiCategory !== 2) continue;
    // An unreadable debt or share is left out of the partial value, not read at 100 %.
    if (h.invalid.has("entityDebt") || h.invalid.has("participationPct")) {
      complete = false;
      continue;
    }
    if (h.entityDebt === undefined) {
      const facts = { item: 2, article, threshold: "1", rule: id };
      const blank = reason("entity-debt-blank", facts);
      ctx.warn("Holdings", h.row, "entityDebt", blank);
      continue;
    }
    const share = h.participationPct ?? new Dec(1);
    const part = scaleAmount(h.entityDebt, share);
    if (part < ZERO) belowZero = true;
    debt += part;
    const explain = reason("counted-look-through-debt", {
      debt: formatAmount(h.entityDebt),
      share: share.toString(),
      article,
    });
    const code = "look-through-debt";
    ctx.count(p, { rule: id, article, code, explain }, part);
  }
  if (f.agBorrowingMax === undefined && debt === ZERO && complete)
    return undefined;
  const amount = formatAmount(f.borrowings ?? ZERO);
  const notes: Reason[] = [note("scpi-debt", { amount, article })];
  if (f.agBorrowingMax === undefined) {
    ctx.needFund("agBorrowingMax", neededBy(SCPI_DEBT, "debt-maximum"));
    notes.push(note("debt-without-maximum", { article }));
  }
  return measure(ctx, {
    rule: SCPI_DEBT,
    threshold: SCPI.borrowing,
    numerator: debt,
    denominator: f.agBorrowingMax,
    // The meeting's maximum is a limit: a maximum of 0 forbids any debt.
    baseIsLimit: true,
    complete,
    // What is read can only grow with what is not: already beyond the maximum, a breach.
    partialIsLeast: !belowZero && !heldUnknown(ctx),
    notes,
  });
}

/** L. 214-116 (SCPI, one year) and L. 214-123 (SEF, two years): 15 % of the maximum capital subscribed by the public. */
export function raise15(
  ctx: FundContext,
  sef: boolean,
): RuleResult | undefined {
  const f = ctx.fund;
  const opening = f.subscriptionOpeningDate;
  if (opening === undefined && !f.invalid.has("subscriptionOpeningDate"))
    return undefined;
  const rule: L2Rule = sef ? SEF_RAISE15 : SCPI_RAISE15;
  const { article } = rule;
  const law = sef ? SEF : SCPI;
  const years = () => requireVersion(law.raiseYears, ctx.asOf).value;
  const deadline =
    opening === undefined ? undefined : addYears(opening, years());
  const subscribed = fundValue(ctx, "publicSubscribedCapital", rule);
  const max = fundValue(ctx, "statutoryMaxCapital", rule);
  const r = measure(ctx, {
    rule,
    threshold: law.raise,
    numerator: subscribed ?? ZERO,
    denominator: max,
    complete: subscribed !== undefined && deadline !== undefined,
    window: deadline ? { from: deadline, article } : undefined,
    notes: deadline
      ? [note("raise-deadline", { date: deadline, article })]
      : [],
  });
  // Below 15 % before the deadline: not yet binding; from the deadline day included, a breach.
  if (r.status === "breach" && deadline && ctx.asOf < deadline) {
    r.status = "not-binding";
    const before = note("raise-before-deadline", { date: deadline, article });
    r.reasons = [...(r.reasons ?? []), before];
  }
  return r;
}

/**
 * L. 214-93 II, an event: sell orders registered more than twelve months ago, or withdrawals not
 * satisfied within twelve months, reach 10 % of the units issued. Reported only when the workbook
 * has an Orders table.
 */
export function sellOrders(ctx: FundContext): RuleResult | undefined {
  const r = sellOrdersMeasured(ctx);
  // An order that names no fund may be one of this SCPI's: « not triggered » cannot be claimed.
  if (r !== undefined) settleRowsOfNoFund(ctx, r, "Orders");
  return r;
}

function sellOrdersMeasured(ctx: FundContext): RuleResult | undefined {
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
      const name = `${o.orderId ?? o.row}`;
      const info = coded(note("orders-ignored", { count: 1, name }));
      ctx.diagnostics.push({
        severity: "info",
        table: "Orders",
        row: o.row,
        ...info,
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
  const units = {
    rule,
    threshold,
    denominator: issued,
    complete,
    unit: "units",
  } as const;
  const groups = (["SELL", "WITHDRAWAL"] as const).map((key): GroupResult => {
    const g = measure(ctx, { ...units, numerator: totals[key] });
    const numerator = g.numerator ?? "0.00";
    return { key, value: g.value, numerator, status: g.status, unit: "units" };
  });
  const notes = ignored ? [note("orders-ignored", { count: ignored })] : [];
  return measure(ctx, { ...units, numerator: worse, groups, notes });
}

/** L. 214-94, an event: a gap above 10 % between subscription price and reconstitution value. */
export function priceGap(ctx: FundContext): RuleResult | undefined {
  const f = ctx.fund;
  const given = (c: "subscriptionPrice" | "reconstitutionValue") =>
    f[c] !== undefined || f.invalid.has(c);
  if (!given("subscriptionPrice") && !given("reconstitutionValue"))
    return undefined;
  const rule = SCPI_PRICE10;
  const price = fundValue(ctx, "subscriptionPrice", rule);
  const value = fundValue(ctx, "reconstitutionValue", rule);
  const known = price !== undefined && value !== undefined;
  const gap = !known ? ZERO : price > value ? price - value : value - price;
  const amount = formatAmount(gap);
  return measure(ctx, {
    rule,
    threshold: SCPI.priceGap,
    numerator: gap,
    denominator: value,
    complete: known,
    notes: [note("price-gap", { amount, article: rule.article })],
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
