import { idKey } from "../id-key";
import { AMOUNT_DECIMALS, formatAmount, scaleAmount, ZERO } from "../amount";
import { centsFloorText } from "../exact-fraction";
import { addYears } from "../dates";
import {
  L214_36_TO_43 as LAW,
  listAt,
  ratioAt,
  requireVersion,
} from "../../law";
import { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import type { Holding } from "../model";
import {
  Breaches,
  compare,
  count,
  type Comparison,
  heldUnknown,
  type Measure,
  Tally,
  type Evaluation,
} from "../measures";
import { undecided } from "../measures/undecided";
import { type ReasonFacts, reason as why } from "../reasons";
import type { RuleDefinition, RuleResult } from "../result";
import {
  ASSET_LIST,
  CCA_COMPANIES,
  CCA_GATE,
  OPCI_ASSET,
  OPCI_CCA5,
  OPCI_LEV40,
  OPCI_LIQ5,
  OPCI_RE51,
  OPCI_RE60,
} from "./opci-definitions";

/**
 * SPPICAV and FPI (L. 214-36, -37, -39, -42, -43): positions are classified by the item of
 * L. 214-36 I given in opciCategory; ratios on fair value over total assets; every rule binds
 * from three years after creation (L. 214-43: "au plus tard trois ans après la date de création").
 */
export function evaluateOpci(ctx: FundContext): Evaluation {
  const sppicav = ctx.fund.fundType === "SPPICAV";
  const created = ctx.fund.constitutionDate;
  const article = "L. 214-43";
  if (created === undefined)
    ctx.needFund("constitutionDate", { purpose: "opci-start", article });
  const years = () => requireVersion(LAW.rampUpYears, ctx.asOf).value;
  const from = created && addYears(created, years());
  const window = from ? { from, article } : undefined;
  const o: Opci = {
    ctx,
    binding: window !== undefined && ctx.asOf >= window.from,
    known: window !== undefined,
    byCategory: new Map(),
    classified: new Tally(ctx),
  };
  for (const p of ctx.heldPositions()) {
    const c = p.holding.opciCategory;
    if (c === undefined) {
      const column = "opciCategory";
      const facts = { column, article: "L. 214-36 I" };
      const need = { purpose: "opci-item", ...facts } as const;
      o.classified.unknown(p.holding, column, need);
      ctx.exclude(p, { rule: "OPCI-*", code: "unclassified", facts });
      continue;
    }
    o.byCategory.set(c, [...(o.byCategory.get(c) ?? []), p]);
  }
  // FPI: 5° units count only "sous réserve qu'il s'agisse d'une participation contrôlée".
  const controlled = (p: Position, sum: Tally) =>
    p.holding.opciCategory !== 5 ||
    meets(ctx, p, sum, OPCI_RE60.id, "controlledParticipation", NOT_CONTROLLED);
  const unencumbered = (p: Position, sum: Tally) =>
    meets(ctx, p, sum, OPCI_LIQ5.id, "encumbered", ENCUMBERED);
  const rules = [
    assetList(o),
    sppicav
      ? share(o, OPCI_RE60, LAW.realEstate, LAW.realEstateItemsSppicav)
      : share(o, OPCI_RE60, LAW.realEstate, LAW.realEstateItemsFpi, controlled),
  ];
  if (sppicav)
    rules.push(share(o, OPCI_RE51, LAW.sppicavItems, LAW.sppicavItemsList));
  rules.push(
    share(o, OPCI_LIQ5, LAW.liquidity, LAW.liquidityItems, unencumbered),
    leverage(o),
    advancesGate(o),
  );
  return { rules, quotaWindow: window };
}

const NOT_CONTROLLED = why("not-controlled", { article: "L. 214-37 1°" });
const ENCUMBERED = why("encumbered", { article: "L. 214-37 2°" });

/**
 * A condition of L. 214-37 on the position: met (true), or not, and then the position is left out
 * of `rule` for `refused`. An unreadable cell is not a "no": the position is left out and `sum`
 * turns partial, for the rule's status may turn on it.
 */
function meets(
  ctx: FundContext,
  p: Position,
  sum: Tally,
  rule: string,
  column: "controlledParticipation" | "encumbered",
  refused: typeof NOT_CONTROLLED | typeof ENCUMBERED,
): boolean {
  const { article } = refused.facts;
  if (p.holding.invalid.has(column)) {
    const cause = why("opci-condition-unknown", { column, article });
    // The reader named the unreadable cell already: no need to record.
    return undecided(ctx, p, rule, cause, {}, [sum]);
  }
  // encumbered must be "no", controlledParticipation "yes".
  const met =
    column === "encumbered" ? !p.holding.encumbered : p.holding[column];
  return met || ctx.leaveOut(p, rule, refused);
}

/** One OPCI on its test date: its positions by item, and whether its rules bind. */
interface Opci {
  ctx: FundContext;
  binding: boolean;
  /** False when the date its rules bind from could not be established. */
  known: boolean;
  byCategory: Map<number, Position[]>;
  /** Partial when a position has no item: it may enter any rule. */
  classified: Tally;
}

/** A measure of the OPCI: partial from the start when a position has no item. */
function tally(o: Opci): Tally {
  const t = new Tally(o.ctx);
  if (!o.classified.complete) t.unknown();
  return t;
}

/** The positions of the items of a list of the law, in the list's order. */
const inItems = (o: Opci, items: typeof LAW.liquidityItems) =>
  [...listAt(items, o.ctx.asOf)].flatMap((c) => o.byCategory.get(c) ?? []);

/** Every rule of the OPCI binds from the same date; its breaches count only from then. */
function judge(o: Opci, rule: RuleDefinition, c: Comparison): RuleResult {
  return compare(o.ctx, rule, {
    ...c,
    binding: o.binding,
    numerator: {
      total: c.numerator.total,
      complete: c.numerator.complete && o.known,
      mayLower: c.numerator.mayLower,
    },
    breaches: o.binding ? c.breaches : undefined,
  });
}

/** The share of the asset in the items the law lists (and the filter keeps). */
function share(
  o: Opci,
  rule: RuleDefinition,
  threshold: typeof LAW.realEstate,
  items: typeof LAW.liquidityItems,
  keep: (p: Position, sum: Tally) => boolean = () => true,
): RuleResult {
  const sum = tally(o);
  for (const p of inItems(o, items))
    if (keep(p, sum)) {
      const item = p.holding.opciCategory!;
      const article = `L. 214-36 I ${item}°`;
      const explain = why("counted-item", { item, article });
      sum.add(p, { rule: rule.id, article, explain });
    }
  return judge(o, rule, {
    threshold: ratioAt(threshold, o.ctx.asOf),
    numerator: sum,
  });
}

/** L. 214-42 allows no advance outside its companies and its gate. */
const NONE_OUTSIDE = new Dec(0);

/** A closed list or a gate does not depend on the base: its breaches stand whatever the base is. */
const baseAsGiven = (ctx: FundContext) => ({
  total: ctx.denominator,
  complete: true,
});

/** L. 214-36 I: 2° and 3° are companies "non admises aux négociations"; 4° shares are traded. A position outside the list breaches the rule. */
function assetList(o: Opci): RuleResult {
  const { ctx } = o;
  const unlistedOnly = listAt(LAW.unlistedItems, ctx.asOf);
  const tradedOnly = listAt(LAW.tradedItems, ctx.asOf);
  const outside = new Breaches();
  const amounts = tally(o);
  for (const [item, positions] of o.byCategory)
    for (const p of positions) {
      const listed = (p.holding.listingStatus ?? "UNLISTED") !== "UNLISTED";
      // Unreadable (not blank, which is unlisted): the line may be either, inside the list or not.
      if (p.holding.invalid.has("listingStatus")) {
        if (unlistedOnly.has(item) || tradedOnly.has(item)) amounts.unknown();
        continue;
      }
      const test =
        unlistedOnly.has(item) && listed
          ? "unlisted-only"
          : tradedOnly.has(item) && !listed
            ? "traded-only"
            : undefined;
      if (!test) continue;
      if (ctx.amountOf(p) === undefined) amounts.unknown();
      const facts = { item, test, article: "L. 214-36 I" } as const;
      const cause = why("opci-outside-list", facts);
      outside.refuse(ctx, ASSET_LIST.id, p, OPCI_ASSET.id, cause);
    }
  return judge(o, OPCI_ASSET, {
    threshold: ratioAt(LAW.assetList, ctx.asOf),
    numerator: { total: outside.total, complete: amounts.complete },
    denominator: baseAsGiven(ctx),
    breaches: outside,
    conditions: [
      outside.condition(ASSET_LIST, "closed-list", {
        binding: o.binding,
        complete: amounts.complete && o.known,
      }),
    ],
  });
}

/**
 * L. 214-39: "l'ensemble des emprunts et dettes" of the OPCI, plus those of its 2° and 3°
 * companies and 5° funds "à concurrence du pourcentage de participation", over the value of
 * items 1° to 3° and 5°.
 */
function leverage(o: Opci): RuleResult {
  const { ctx } = o;
  const threshold = ratioAt(LAW.borrowing, ctx.asOf);
  const limit = threshold.toString();
  const lookThrough = listAt(LAW.lookThroughItems, ctx.asOf);
  const debt = tally(o);
  const base = new Tally(ctx);
  const [rule, article] = [OPCI_LEV40.id, "L. 214-39"];
  const borrowings = ctx.fund.borrowings;
  let [mayLower, debtUnread, debtBelowZero] = [false, false, false];
  if (borrowings === undefined) {
    const purpose = "opci-borrowings";
    ctx.needFund("borrowings", { purpose, article, threshold: limit });
    debt.unknown();
  } else debt.plus(borrowings);
  for (const p of inItems(o, LAW.borrowingBaseItems)) {
    const h = p.holding;
    const item = { item: h.opciCategory!, threshold: limit, article };
    const explain = why("counted-leverage-base", item);
    base.add(p, { rule, article, explain });
    if (!lookThrough.has(item.item)) continue;
    // An unreadable debt or share is left out of the partial value: the debt read at 100 % (a
    // blank share's) would be taken for the least the fund owes, on a share it never read. On a
    // debt read below zero, an unread share could lower the sum; an unread debt could be below
    // zero as another one of the fund is.
    if (h.invalid.has("entityDebt") || h.invalid.has("participationPct")) {
      debt.unknown();
      if (h.invalid.has("entityDebt")) debtUnread = true;
      else if (h.entityDebt !== undefined && h.entityDebt < ZERO)
        mayLower = true;
      continue;
    }
    if (h.entityDebt !== undefined && h.entityDebt < ZERO) debtBelowZero = true;
    if (h.entityDebt === undefined) {
      ctx.warn("Holdings", h.row, "entityDebt", why("entity-debt-blank", item));
      continue;
    }
    const participation = h.participationPct ?? new Dec(1);
    const looked = scaleAmount(h.entityDebt, participation);
    debt.plus(looked);
    const facts = {
      debt: formatAmount(h.entityDebt),
      share: participation.toString(),
      article,
    };
    const counted = why("counted-look-through-debt", facts);
    const code = "look-through-debt";
    count(ctx, p, { rule, article, code, explain: counted }, looked);
  }
  const amount = formatAmount(borrowings ?? ZERO);
  const numerator = {
    total: debt.total,
    complete: debt.complete && base.complete,
    mayLower: mayLower || (debtUnread && debtBelowZero),
  };
  // An unread item of 1° to 3° or 5°, or a row the fund cannot place, may add to the base.
  const denominator = { total: base.total, complete: base.complete && o.known };
  return judge(o, OPCI_LEV40, {
    threshold,
    numerator,
    denominator,
    reasons: [why("opci-leverage", { borrowings: amount })],
    finish: (r) => beyondNothing(o, r, numerator, denominator),
  });
}

/**
 * L. 214-39 with no asset of items 1° to 3° and 5° (a base read in full, and zero): the limit is
 * 40 % of nothing, so any debt exceeds it, though there is no ratio. Once binding the debt read
 * is a breach even when the borrowings are unread, for they can only add to it (ratio.ts); not
 * when what is unread could lower it (a share unread on a debt below zero).
 */
function beyondNothing(
  o: Opci,
  r: RuleResult,
  debt: Measure,
  base: Measure,
): void {
  const total = debt.total ?? ZERO;
  if (!base.complete || base.total !== ZERO || total <= ZERO) return;
  if (!debt.complete && (!o.binding || heldUnknown(o.ctx) || debt.mayLower))
    return;
  r.status = o.binding ? "breach" : "not-binding";
  r.headroom = centsFloorText(-total, AMOUNT_DECIMALS);
}

/** L. 214-42: advances (10°) only to 2° and 3° companies held at least 5 %. */
function advancesGate(o: Opci): RuleResult {
  const { ctx } = o;
  const article = "L. 214-42";
  const gate = ratioAt(LAW.advanceGate, ctx.asOf);
  const threshold = gate.toString();
  // The fund's 2° and 3° companies, with the largest ownership one of their lines gives.
  const companies = new Map<string, Company>();
  // Rows whose item is unread may be a company's 2° or 3° lines: what they could allow is unknown.
  const maybe = new Map<string, Company>();
  const add = (to: Map<string, Company>, h: Holding) => {
    if (h.issuerId === undefined) return;
    // One company however its id is written (contract §3: ids match ignoring case and spaces).
    const key = idKey(h.issuerId);
    const c = to.get(key) ?? { best: undefined, unread: false };
    const own = h.ownershipPct ?? h.participationPct;
    if (shareUnread(h)) c.unread = true;
    else if (own !== undefined && (c.best === undefined || own.gt(c.best)))
      c.best = own;
    to.set(key, c);
  };
  for (const { holding: h } of inItems(o, LAW.advanceCompanyItems))
    add(companies, h);
  for (const { holding: h } of ctx.heldPositions())
    if (h.opciCategory === undefined) add(maybe, h);
  const refused = new Breaches();
  const known = tally(o);
  let lowest: Dec | undefined;
  for (const p of inItems(o, LAW.advanceItems)) {
    const h = p.holding;
    const fail = (id: string, facts: ReasonFacts["opci-advance-gate"]) =>
      refused.refuse(ctx, id, p, OPCI_CCA5.id, why("opci-advance-gate", facts));
    const issuer = (h.issuerName ?? h.issuerId)!;
    if (h.issuerId === undefined) {
      const need = { purpose: "opci-advance-issuer", article } as const;
      known.unknown(h, "issuerId", need);
      continue;
    }
    const key = idKey(h.issuerId);
    const [company, unread] = [companies.get(key), maybe.get(key)];
    if (company === undefined && unread !== undefined) {
      known.unknown();
      continue;
    }
    if (company === undefined) {
      fail(CCA_COMPANIES.id, { issuer, article });
      continue;
    }
    const own = advanceShare(h, orMaybe(company, unread, gate), gate);
    if (own === undefined) {
      const purpose = "advance-ownership";
      known.unknown(h, "ownershipPct", { purpose, article, threshold });
      continue;
    }
    if (lowest === undefined || own.lt(lowest)) lowest = own;
    const ownership = own.toString();
    if (own.lt(gate))
      fail(CCA_GATE.id, { issuer, ownership, gate: threshold, article });
  }
  const opts = { binding: o.binding, complete: known.complete && o.known };
  return judge(o, OPCI_CCA5, {
    threshold: NONE_OUTSIDE,
    numerator: { total: refused.total, complete: known.complete },
    denominator: baseAsGiven(ctx),
    breaches: refused,
    conditions: [
      refused.condition(CCA_COMPANIES, "closed-list", opts),
      refused.condition(CCA_GATE, "gate", { ...opts, threshold: gate, lowest }),
    ],
    finish: (r) => cureAll(r, refused),
  });
}

/** A 2° or 3° company of the fund: the largest share of its capital its lines give, and whether a line's share is unread. */
interface Company {
  best: Dec | undefined;
  unread: boolean;
}

/** The line gives a share of capital the product could not read (its ownershipPct, or its participationPct in its place). */
const shareUnread = (h: Holding) =>
  h.invalid.has("ownershipPct") ||
  (h.ownershipPct === undefined && h.invalid.has("participationPct"));

/**
 * The share of the company an advance is tested on: its own ownershipPct first, or else the
 * company's largest. Undefined when unknown: the advance's own cell unreadable, or the company's
 * largest below the gate (or none) while one of its lines, unread, could reach it.
 */
function advanceShare(h: Holding, c: Company, gate: Dec): Dec | undefined {
  if (h.invalid.has("ownershipPct")) return undefined;
  if (h.ownershipPct !== undefined) return h.ownershipPct;
  if (c.unread && (c.best === undefined || c.best.lt(gate))) return undefined;
  return c.best;
}

/** A company's share, unread too when a row of unread item could give it the gate (were it a 2° or 3° line). */
function orMaybe(c: Company, unread: Company | undefined, gate: Dec): Company {
  if (unread === undefined) return c;
  const reaches =
    unread.unread || (unread.best !== undefined && !unread.best.lt(gate));
  return reaches ? { best: c.best, unread: true } : c;
}

/**
 * Each advance breaks one condition of L. 214-42 only (outside the companies, or below the gate):
 * what must be cured is every one of them, not the larger condition alone.
 */
function cureAll(r: RuleResult, refused: Breaches): void {
  if (r.status !== "breach") return;
  const total = refused.total;
  r.headroom = centsFloorText(total > ZERO ? -total : ZERO, AMOUNT_DECIMALS);
}
