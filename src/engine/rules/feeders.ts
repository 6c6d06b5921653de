import { formatAmount } from "../amount";
import { idKey } from "../id-key";
import { type ConditionText, limitCondition } from "../conditions";
import { Dec } from "../decimal";
import { FEEDERS, listAt, ratioAt } from "../../law";
import type { FundContext, Position } from "../fund-context";
import {
  Breaches,
  compare,
  count,
  type Group,
  Groups,
  limitOf,
  Tally,
  type Evaluation,
  unreadHoldingDate,
} from "../measures";
import { english } from "../../present/english";
import { type ReasonFacts, reason as because } from "../reasons";
import type { AssetClass } from "../model";
import type { RuleDefinition } from "../result";
import {
  FEED15_LIMIT,
  FEED15_LIST,
  FIA_FEED85,
  FIVG_FEED,
  FIVG_LIST,
  OPCVM_FEED15,
  OPCVM_FEED85,
} from "./feeder-definitions";

// The thresholds and lists of L. 214-22, L. 214-24 IV and L. 214-24-57 are in src/law/l214-22.ts.

/** The largest group of units by master, and whether it is known to be the largest. */
interface Masters {
  groups: Groups;
  master?: Group;
  /**
   * False when a row of units may change which master is the largest: its amount, masterId or
   * holding dates unread, or its class (with a masterId) blank or unreadable.
   */
  certain: boolean;
}

/** The largest-group measure over the units of each master (FUND_UNITS with a masterId). */
function largestMaster(ctx: FundContext): Masters {
  const groups = new Groups();
  groups.complete = ctx.denominatorComplete;
  let certain = true;
  for (const p of ctx.heldPositions()) {
    const h = p.holding;
    if (
      (h.assetClass === "FUND_UNITS" ||
        (h.assetClass === undefined && h.masterId !== undefined)) &&
      (unreadHoldingDate(h) || h.invalid.has("masterId"))
    )
      certain = false;
    if (h.assetClass === "FUND_UNITS" && h.invalid.has("masterId")) {
      // Unreadable, not blank: these units may be the master's.
      ctx.needHolding(h, "masterId", { purpose: "master" });
      groups.complete = false;
    }
    if (h.assetClass !== "FUND_UNITS" || h.masterId === undefined) continue;
    const amount = ctx.amountOf(p);
    if (amount === undefined) {
      groups.complete = false;
      certain = false;
    } else groups.add(idKey(h.masterId), h.masterId.trim(), amount, p);
  }
  return { groups, master: groups.largest(), certain };
}

/** Why a feeder may not hold a position; UNREAD when a value that decides it could not be read. */
type Refusal = ReasonFacts["not-allowed-asset"] | typeof UNREAD;
const UNREAD = "unread";

/**
 * The closed-list measure over everything but the master's units: the amount held besides the
 * master (what the list allows is counted) and the positions the list refuses.
 */
function others(
  ctx: FundContext,
  m: Masters,
  rule: RuleDefinition,
  classes: typeof FEEDERS.fivgOtherClasses,
  refuse: (p: Position) => Refusal | undefined = () => undefined,
) {
  const allowed = listAt(classes, ctx.asOf);
  const rest = new Tally(ctx);
  if (!m.groups.complete) rest.unknown();
  const breaches = new Breaches();
  const master = new Set(m.master?.positions);
  for (const p of ctx.heldPositions()) {
    if (master.has(p)) continue;
    const h = p.holding;
    // Units whose masterId is unreadable may be the master's (not beside it) or another fund's
    // (refused): neither is known, and what is beside the master stays a least amount.
    if (h.assetClass === "FUND_UNITS" && h.invalid.has("masterId")) {
      rest.unknown();
      continue;
    }
    // A position of no class may be the master's units: left out of the least amount beside it.
    if (h.assetClass === undefined) {
      rest.unknown(h, "assetClass", { purpose: "feeder-asset" });
      continue;
    }
    // As add(): the diagnostic of an unreadable amount, and the measure partial.
    const read = rest.take(p);
    const no = allowed.has(h.assetClass)
      ? refuse(p)
      : notListed(m.master, p, rule);
    const { id, article } = rule;
    // Units of another master are refused only when the master is known: they may be its units.
    if (no === UNREAD || (no?.test === "second-master" && !m.certain)) {
      rest.unknown();
      continue;
    }
    if (no === undefined) {
      const explain = because("counted-beside-master", { article });
      if (read) count(ctx, p, { rule: id, article, explain }, p.amount!);
      continue;
    }
    const cause = because("not-allowed-asset", no);
    breaches.refuse(ctx, "closed-list", p, id, cause, article);
  }
  // The closed list as a condition of the rule: each refused position breaks it.
  const list = (text: ConditionText) =>
    breaches.condition(text, "closed-list", {
      binding: true,
      complete: rest.complete,
    });
  return { rest, breaches, list };
}

/** Why a position is not among those a feeder may hold besides its master. */
function notListed(
  master: Group | undefined,
  p: Position,
  rule: RuleDefinition,
): Refusal {
  const assetClass = p.holding.assetClass as AssetClass;
  const fivg = rule.id === FIVG_FEED.id;
  const article = fivg ? "L. 214-24-57" : "L. 214-22 I";
  const unitsOf = p.holding.masterId;
  if (assetClass !== "FUND_UNITS") {
    const test = fivg ? "general-purpose" : "not-listed";
    return { test, assetClass, article };
  }
  if (unitsOf === undefined)
    return { test: "no-master-id", assetClass, article };
  const test = "second-master";
  return { test, assetClass, unitsOf, master: master?.name, article };
}

/** Counts the master's units toward the rule that measures them. */
function countMaster(ctx: FundContext, rule: RuleDefinition, master?: Group) {
  const facts = { master: master?.name ?? "" };
  const explain = because("counted-master-units", facts);
  const counted = { rule: rule.id, article: rule.article, explain };
  for (const p of master?.positions ?? [])
    count(ctx, p, counted, p.amount ?? 0n);
}

/** L. 214-22: at least 85 % in one master; the rest at most 15 %, and only of the three kinds listed. */
export function evaluateOpcvmFeeder(ctx: FundContext): Evaluation {
  const m = largestMaster(ctx);
  countMaster(ctx, OPCVM_FEED85, m.master);
  const classes = FEEDERS.opcvmOtherClasses;
  const feed15 = others(ctx, m, OPCVM_FEED15, classes, (p) => {
    const { assetClass, hedgeOnly, invalid } = p.holding;
    const need = { purpose: "feeder-asset" } as const;
    // A blank yes/no is "no"; an unreadable one is not known to be either.
    if (assetClass === "FINANCIAL_CONTRACT" && !hedgeOnly) {
      if (!invalid.has("hedgeOnly"))
        return { test: "hedging", assetClass, article: "L. 214-22 I 2°" };
      ctx.needHolding(p.holding, "hedgeOnly", need);
      return UNREAD;
    }
    if (assetClass === "OPERATING_PROPERTY" && !ctx.fund.isSicav) {
      if (!ctx.fund.invalid.has("isSicav"))
        return { test: "sicav-only", assetClass, article: "L. 214-22 I 3°" };
      ctx.needFund("isSicav", need);
      return UNREAD;
    }
    return undefined;
  });
  const threshold = ratioAt(FEEDERS.opcvmOthers, ctx.asOf);
  const { rest, breaches } = feed15;
  const limit = limitOf(ctx, OPCVM_FEED15, { threshold, numerator: rest });
  return {
    rules: [
      compare(ctx, OPCVM_FEED85, {
        threshold: ratioAt(FEEDERS.opcvmMaster, ctx.asOf),
        numerator: m.groups.measure(),
        reasons: [
          m.master
            ? because("feeder-master", { master: m.master.name })
            : because("no-master", {}),
        ],
      }),
      compare(ctx, OPCVM_FEED15, {
        threshold,
        numerator: rest,
        breaches,
        conditions: [
          limitCondition(FEED15_LIMIT, limit),
          feed15.list(FEED15_LIST),
        ],
      }),
    ],
  };
}

/** L. 214-24-57: "en totalité" in one master and, "à titre accessoire", cash: anything else is a breach. */
export function evaluateFivgFeeder(ctx: FundContext): Evaluation {
  const m = largestMaster(ctx);
  const feed = others(ctx, m, FIVG_FEED, FEEDERS.fivgOtherClasses);
  const { rest, breaches } = feed;
  const base = ctx.denominator;
  const share =
    base && base > 0n
      ? new Dec((m.master?.total ?? 0n).toString()).dividedBy(base.toString())
      : undefined;
  const cash = rest.total - breaches.total;
  return {
    rules: [
      compare(ctx, FIVG_FEED, {
        threshold: ratioAt(FEEDERS.fivgOutsideMaster, ctx.asOf),
        numerator: { total: breaches.total, complete: rest.complete },
        reasons: [
          m.master
            ? because("master-share", {
                master: m.master.name,
                share: share?.toString(),
                cash: formatAmount(cash),
              })
            : because("no-master", {}),
        ],
        breaches,
        conditions: [feed.list(FIVG_LIST)],
      }),
    ],
  };
}

/** L. 214-24 IV: an AIF invested at least 85 % in one master is a feeder AIF; a classification, never a breach. */
export function evaluateFia(ctx: FundContext): Evaluation {
  const m = largestMaster(ctx);
  countMaster(ctx, FIA_FEED85, m.master);
  const threshold = ratioAt(FEEDERS.fiaMaster, ctx.asOf);
  const facts = { threshold: threshold.toString(), article: "L. 214-24 IV 1°" };
  const r = compare(ctx, FIA_FEED85, {
    threshold,
    numerator: m.groups.measure(),
    finish(r) {
      if (r.status === "incomplete") return;
      const total = m.master?.total ?? 0n;
      const feeder =
        r.value !== null &&
        new Dec(total.toString()).gte(
          threshold.times((ctx.denominator ?? 0n).toString()),
        );
      const reason = feeder
        ? because("feeder-aif", { master: m.master?.name ?? "", ...facts })
        : because("not-feeder-aif", facts);
      r.message = english(reason);
      r.reasons = [reason];
    },
  });
  return { rules: [r] };
}
