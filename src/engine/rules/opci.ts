import { formatAmount, scaleAmount, ZERO } from "../amount";
import { addYears } from "../dates";
import {
  L214_36_TO_43 as LAW,
  listAt,
  ratioAt,
  requireVersion,
} from "../../law";
import { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import {
  Breaches,
  compare,
  count,
  type Comparison,
  Tally,
  type Evaluation,
} from "../measures";
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
  if (created === undefined)
    ctx.needFund("constitutionDate", {
      purpose: "opci-start",
      article: "L. 214-43",
    });
  const years = () => requireVersion(LAW.rampUpYears, ctx.asOf).value;
  const from = created && addYears(created, years());
  const window = from ? { from, article: "L. 214-43" } : undefined;
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
      o.classified.unknown(p.holding, column, {
        purpose: "opci-item",
        ...facts,
      });
      ctx.exclude(p, { rule: "OPCI-*", code: "unclassified", facts });
      continue;
    }
    o.byCategory.set(c, [...(o.byCategory.get(c) ?? []), p]);
  }
  // FPI: 5° units count only "sous réserve qu'il s'agisse d'une participation contrôlée".
  const controlled = (p: Position) =>
    p.holding.opciCategory !== 5 ||
    Boolean(p.holding.controlledParticipation) ||
    ctx.leaveOut(p, OPCI_RE60.id, NOT_CONTROLLED);
  const unencumbered = (p: Position) =>
    !p.holding.encumbered || ctx.leaveOut(p, OPCI_LIQ5.id, ENCUMBERED);
  const rules = [assetList(o)];
  rules.push(
    sppicav
      ? share(o, OPCI_RE60, LAW.realEstate, LAW.realEstateItemsSppicav)
      : share(o, OPCI_RE60, LAW.realEstate, LAW.realEstateItemsFpi, controlled),
  );
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

/** Every rule of the OPCI binds from the same date; its breaches count only from then. */
function judge(o: Opci, rule: RuleDefinition, c: Comparison): RuleResult {
  return compare(o.ctx, rule, {
    ...c,
    binding: o.binding,
    numerator: {
      total: c.numerator.total,
      complete: c.numerator.complete && o.known,
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
  keep: (p: Position) => boolean = () => true,
): RuleResult {
  const { ctx } = o;
  const sum = new Tally(ctx);
  if (!o.classified.complete) sum.unknown();
  for (const c of listAt(items, ctx.asOf))
    for (const p of o.byCategory.get(c) ?? [])
      if (keep(p)) {
        const article = `L. 214-36 I ${c}°`;
        sum.add(p, {
          rule: rule.id,
          article,
          explain: why("counted-item", { item: c, article }),
        });
      }
  return judge(o, rule, {
    threshold: ratioAt(threshold, ctx.asOf),
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
  const amounts = new Tally(ctx);
  if (!o.classified.complete) amounts.unknown();
  for (const [c, positions] of o.byCategory) {
    for (const p of positions) {
      const listed = (p.holding.listingStatus ?? "UNLISTED") !== "UNLISTED";
      const test =
        unlistedOnly.has(c) && listed
          ? "unlisted-only"
          : tradedOnly.has(c) && !listed
            ? "traded-only"
            : undefined;
      if (!test) continue;
      const amount = ctx.amountOf(p);
      if (amount === undefined) amounts.unknown();
      const article = "L. 214-36 I";
      const facts = { item: c, test, article } as const;
      const cause = why("opci-outside-list", facts);
      outside.refuse(ctx, ASSET_LIST.id, p, OPCI_ASSET.id, cause);
    }
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
  const lookThrough = listAt(LAW.lookThroughItems, ctx.asOf);
  const debt = new Tally(ctx);
  const base = new Tally(ctx);
  const [rule, article] = [OPCI_LEV40.id, "L. 214-39"];
  if (!o.classified.complete) debt.unknown();
  if (ctx.fund.borrowings === undefined) {
    ctx.needFund("borrowings", {
      purpose: "opci-borrowings",
      article,
      threshold: threshold.toString(),
    });
    debt.unknown();
  } else debt.plus(ctx.fund.borrowings);
  for (const c of listAt(LAW.borrowingBaseItems, ctx.asOf)) {
    for (const p of o.byCategory.get(c) ?? []) {
      const item = { item: c, threshold: threshold.toString(), article };
      base.add(p, {
        rule,
        article,
        explain: why("counted-leverage-base", item),
      });
      if (!lookThrough.has(c)) continue;
      const h = p.holding;
      if (h.entityDebt === undefined) {
        if (h.invalid.has("entityDebt")) debt.unknown();
        else
          ctx.warn(
            "Holdings",
            h.row,
            "entityDebt",
            why("entity-debt-blank", item),
          );
        continue;
      }
      const participation = h.participationPct ?? new Dec(1);
      if (h.invalid.has("participationPct")) debt.unknown();
      const looked = scaleAmount(h.entityDebt, participation);
      debt.plus(looked);
      const facts = {
        debt: formatAmount(h.entityDebt),
        share: participation.toString(),
        article,
      };
      const explain = why("counted-look-through-debt", facts);
      count(
        ctx,
        p,
        { rule, article, code: "look-through-debt", explain },
        looked,
      );
    }
  }
  return judge(o, OPCI_LEV40, {
    threshold,
    numerator: { total: debt.total, complete: debt.complete && base.complete },
    denominator: { total: base.total, complete: true },
    reasons: [
      why("opci-leverage", {
        borrowings: formatAmount(ctx.fund.borrowings ?? ZERO),
      }),
    ],
  });
}

/** L. 214-42: advances (10°) only to 2° and 3° companies held at least 5 %. */
function advancesGate(o: Opci): RuleResult {
  const { ctx } = o;
  const gate = ratioAt(LAW.advanceGate, ctx.asOf);
  const companies = new Map<string, Dec | undefined>();
  for (const c of listAt(LAW.advanceCompanyItems, ctx.asOf)) {
    for (const p of o.byCategory.get(c) ?? []) {
      const id = p.holding.issuerId;
      if (id === undefined) continue;
      const own = p.holding.ownershipPct ?? p.holding.participationPct;
      const best = companies.get(id);
      companies.set(
        id,
        best === undefined || (own !== undefined && own.gt(best)) ? own : best,
      );
    }
  }
  const refused = new Breaches();
  const known = new Tally(ctx);
  if (!o.classified.complete) known.unknown();
  let lowest: Dec | undefined;
  const advances = [...listAt(LAW.advanceItems, ctx.asOf)].flatMap(
    (c) => o.byCategory.get(c) ?? [],
  );
  for (const p of advances) {
    const h = p.holding;
    const fail = (id: string, facts: ReasonFacts["opci-advance-gate"]) =>
      refused.refuse(ctx, id, p, OPCI_CCA5.id, why("opci-advance-gate", facts));
    const issuer = h.issuerName ?? h.issuerId;
    if (h.issuerId === undefined) {
      known.unknown(h, "issuerId", {
        purpose: "opci-advance-issuer",
        article: "L. 214-42",
      });
      continue;
    }
    if (!companies.has(h.issuerId)) {
      fail(CCA_COMPANIES.id, { issuer: issuer!, article: "L. 214-42" });
      continue;
    }
    const own = h.ownershipPct ?? companies.get(h.issuerId);
    if (own === undefined) {
      known.unknown(h, "ownershipPct", {
        purpose: "advance-ownership",
        article: "L. 214-42",
        threshold: gate.toString(),
      });
      continue;
    }
    if (lowest === undefined || own.lt(lowest)) lowest = own;
    if (own.lt(gate))
      fail(CCA_GATE.id, {
        issuer: issuer!,
        ownership: own.toString(),
        gate: gate.toString(),
        article: "L. 214-42",
      });
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
  });
}
