import { type Amount, formatAmount, ZERO } from "./amount";
import type { FundContext } from "./fund-context";
import type {
  Contribution,
  LocalText,
  Reconciliation,
  ReconciliationLine,
  ReconciliationReason,
  RuleResult,
} from "./result";
import { cappedSums } from "./rules/l214-28-limits";
import { regionKey } from "./rules/region-key";

/** The words of each line, as a fund accountant reads them (GLOSSARY-FR: « Rapprochement »). */
export const RECONCILIATION_LABELS: Record<ReconciliationReason, LocalText> = {
  counted: { en: "Counted in the numerator", fr: "Retenu au numérateur" },
  "counted-within-cap": {
    en: "Counted within the limit",
    fr: "Retenu dans la limite du plafond",
  },
  "above-cap": {
    en: "Above the limit, not counted",
    fr: "Au-delà de la limite, non retenu",
  },
  "look-through-remainder": {
    en: "Part the look-through does not count",
    fr: "Quote-part non retenue par transparence",
  },
  excluded: { en: "Excluded", fr: "Exclu" },
  "breaks-condition": {
    en: "Not allowed: to cure",
    fr: "Non autorisé\u00a0: à régulariser",
  },
  allowed: {
    en: "Allowed, not in the numerator",
    fr: "Autorisé, hors numérateur",
  },
  "in-denominator": {
    en: "In the denominator only",
    fr: "Retenu au dénominateur seulement",
  },
  "other-region": {
    en: "Companies of the other regions",
    fr: "Sociétés des autres régions",
  },
  "outside-rule": {
    en: "Not concerned by this rule",
    fr: "Non concerné par cette règle",
  },
  "not-held": {
    en: "Not held on the as-of date",
    fr: "Non détenu à la date d'arrêté",
  },
  unreadable: {
    en: "Amount unreadable or missing (in no sum)",
    fr: "Montant illisible ou absent (hors calcul)",
  },
  "paid-up-bridge": {
    en: "Paid-up subscriptions minus the holdings held",
    fr: "Écart entre le montant libéré des souscriptions et le portefeuille détenu",
  },
  "total-assets-bridge": {
    en: "Total assets minus the holdings held",
    fr: "Écart entre l'actif total et le portefeuille détenu",
  },
  borrowings: {
    en: "Borrowings and debts of the fund",
    fr: "Emprunts et dettes du fonds",
  },
  "look-through-debt": {
    en: "Borrowings of held companies and funds, by look-through",
    fr: "Emprunts des sociétés et fonds détenus, par transparence",
  },
  "largest-holder": {
    en: "Units of the largest holder the cap measures",
    fr: "Parts du porteur le plus important au sens du plafond",
  },
  "public-law-holders": {
    en: "Units of public-law legal persons",
    fr: "Parts des personnes morales de droit public",
  },
  "other-holders": {
    en: "Units of the other holders",
    fr: "Parts des autres porteurs",
  },
};

/** Lines keyed by reason, article and where they enter, summed exactly in millionths. */
class Lines {
  private readonly byKey = new Map<
    string,
    Omit<ReconciliationLine, "amount" | "label"> & { sum: Amount }
  >();

  add(
    reason: ReconciliationReason,
    article: string | undefined,
    amount: Amount,
    count: number,
    numerator: boolean,
    denominator: boolean,
  ): void {
    const key = `${reason}|${article ?? ""}|${numerator}|${denominator}`;
    const line = this.byKey.get(key);
    if (line) {
      line.sum += amount;
      line.count += count;
    } else
      this.byKey.set(key, {
        reason,
        article,
        sum: amount,
        count,
        numerator,
        denominator,
      });
  }

  /** Moves part of a line to another reason (the part above a cap). */
  move(
    from: { reason: ReconciliationReason; article?: string },
    to: ReconciliationReason,
    amount: Amount,
    numerator: boolean,
    denominator: boolean,
  ): void {
    if (amount === ZERO) return;
    const key = `${from.reason}|${from.article ?? ""}|${numerator}|${denominator}`;
    const line = this.byKey.get(key);
    if (!line) return;
    line.sum -= amount;
    this.add(to, from.article, amount, 0, false, denominator);
  }

  sum(filter: (l: { numerator: boolean; denominator: boolean }) => boolean) {
    let total = ZERO;
    for (const l of this.byKey.values()) if (filter(l)) total += l.sum;
    return total;
  }

  list(): ReconciliationLine[] {
    return [...this.byKey.values()].map(({ sum, article, ...rest }) => {
      const line: ReconciliationLine = {
        ...rest,
        label: RECONCILIATION_LABELS[rest.reason],
        amount: formatAmount(sum),
      };
      if (article !== undefined) line.article = article;
      return line;
    });
  }
}

/** The quotas that count the 20 % bucket and advances up to their caps. */
const QUOTAS = new Set(["FCPR-Q50", "FCPI-Q70", "FIP-Q70"]);
/** What counts under the five years after admission: the quota's contributions under these articles. */
const LISTED: Record<string, { quota: string; article: string }> = {
  "FCPR-L5Y": { quota: "FCPR-Q50", article: "L. 214-28 IV" },
  "FCPI-L5Y": { quota: "FCPI-Q70", article: "L. 214-30 II" },
  "FIP-L5Y": { quota: "FIP-Q70", article: "L. 214-31 II" },
};
/** Closed lists whose numerator is the positions that break them. */
const CLOSED = new Set(["OPCI-ASSET", "OPCI-CCA5", "FIVG-FEED"]);
const HOLDER_CAPS = new Set(["FIP-H20", "FIP-H10", "FIP-H30"]);
const BUCKET = "FCPR-B20";
const BUCKET_ARTICLE = "L. 214-28 III";

/**
 * From the fund's holdings to one rule's numerator and denominator, by reason. Built from the
 * positions' outcomes, so only in the detailed (explained) check. The amounts are exact: every
 * row's amount is split into parts that add up to it, and the bridge to the denominator is the
 * exact difference between the base of the ratio and the holdings held.
 */
export function reconcileRule(
  ctx: FundContext,
  rule: RuleResult,
): Reconciliation {
  if (HOLDER_CAPS.has(rule.id)) return reconcileHolders(ctx, rule);
  const lines = new Lines();
  const adjustments = new Lines();
  const leverage = rule.id === "OPCI-LEV40";
  const inBase = ctx.denominator !== undefined;
  const worstRegion = rule.id === "FIP-REG25" ? largestRegion(ctx) : undefined;
  let total = ZERO;
  let held = ZERO;
  let bucketArticle: string | undefined;
  let advanceArticle: string | undefined;
  let bucket = ZERO;
  let advances = ZERO;

  for (const p of ctx.positions) {
    const amount = p.amount;
    if (amount === undefined) {
      lines.add("unreadable", undefined, ZERO, 1, false, false);
      continue;
    }
    total += amount;
    if (!p.held) {
      lines.add("not-held", undefined, amount, 1, false, false);
      continue;
    }
    held += amount;
    if (leverage) {
      const base = p.outcome.counted.some(
        (c) => c.rule === rule.id && c.code === undefined,
      );
      lines.add(
        base ? "in-denominator" : "outside-rule",
        base ? "L. 214-39" : undefined,
        amount,
        1,
        false,
        base,
      );
      continue;
    }
    let first = 1;
    let counted = ZERO;
    const part = (
      reason: ReconciliationReason,
      article: string | undefined,
      value: Amount,
      numerator = true,
    ) => {
      lines.add(reason, article, value, first, numerator, inBase);
      first = 0;
      counted += value;
    };
    for (const c of p.outcome.counted) {
      const amt = parseAmount(c.amount);
      if (QUOTAS.has(rule.id)) {
        if (c.rule === BUCKET) {
          bucketArticle = BUCKET_ARTICLE;
          bucket += amt;
          part("counted-within-cap", BUCKET_ARTICLE, amt);
        } else if (c.rule === rule.id) {
          if (p.holding.assetClass === "CURRENT_ACCOUNT_ADVANCE") {
            advanceArticle = c.article;
            advances += amt;
            part("counted-within-cap", c.article, amt);
          } else part("counted", c.article, amt);
        }
      } else if (LISTED[rule.id]) {
        const l = LISTED[rule.id];
        if (c.rule === l.quota && c.article === l.article)
          part("counted", c.article, amt);
      } else if (worstRegion !== undefined) {
        if (c.rule === rule.id) {
          const mine = regionKey(p.holding.region ?? "") === worstRegion;
          part(mine ? "counted" : "other-region", c.article, amt, mine);
        }
      } else if (c.rule === rule.id) {
        if (CLOSED.has(rule.id)) part("allowed", c.article, amt, false);
        else part("counted", c.article, amt);
      }
    }
    const exclusion = p.outcome.excluded.find((e) => concerns(e.rule, rule.id));
    const breaks =
      (CLOSED.has(rule.id) || rule.id === "OPCVM-FEED15") &&
      exclusion?.rule === rule.id;
    if (breaks) part("breaks-condition", exclusion.article, amount - counted);
    // The 15 % of a feeder measures everything but the master's units, classified or not.
    if (
      first === 1 &&
      rule.id === "OPCVM-FEED15" &&
      !p.outcome.counted.some((c) => c.rule === "OPCVM-FEED85")
    )
      part("counted", undefined, amount);
    const rest = amount - counted;
    if (first === 1)
      lines.add(
        exclusion
          ? "excluded"
          : CLOSED.has(rule.id)
            ? "allowed"
            : "outside-rule",
        exclusion?.article,
        amount,
        1,
        false,
        inBase,
      );
    else if (rest !== ZERO)
      lines.add(
        p.holding.assetClass === "ENTITY_RIGHTS"
          ? "look-through-remainder"
          : "excluded",
        exclusion?.article ?? articleOf(p.outcome.counted, rule.id),
        rest,
        0,
        false,
        inBase,
      );
  }

  if (QUOTAS.has(rule.id)) {
    const { bucketCounted, advancesCounted } = cappedSums(
      ctx,
      bucket,
      advances,
    );
    if (bucketArticle)
      lines.move(
        { reason: "counted-within-cap", article: bucketArticle },
        "above-cap",
        bucket - bucketCounted,
        true,
        inBase,
      );
    if (advanceArticle)
      lines.move(
        { reason: "counted-within-cap", article: advanceArticle },
        "above-cap",
        advances - advancesCounted,
        true,
        inBase,
      );
  }

  if (leverage) {
    adjustments.add(
      "borrowings",
      "L. 214-39",
      ctx.fund.borrowings ?? ZERO,
      0,
      true,
      false,
    );
    for (const p of ctx.positions)
      for (const c of p.outcome.counted)
        if (c.rule === rule.id && c.code === "look-through-debt")
          adjustments.add(
            "look-through-debt",
            "L. 214-39",
            parseAmount(c.amount),
            1,
            true,
            false,
          );
  } else if (ctx.denominator !== undefined) {
    const bridge =
      ctx.basis === "COST"
        ? "paid-up-bridge"
        : ctx.fund.totalAssets !== undefined
          ? "total-assets-bridge"
          : undefined;
    if (bridge)
      adjustments.add(
        bridge,
        undefined,
        ctx.denominator - held,
        0,
        false,
        true,
      );
  }

  const all = (
    f: (l: { numerator: boolean; denominator: boolean }) => boolean,
  ) => lines.sum(f) + adjustments.sum(f);
  const denominator =
    leverage || inBase ? all((l) => l.denominator) : undefined;
  return {
    unit: rule.unit ?? "EUR",
    total: formatAmount(total),
    lines: lines.list(),
    adjustments: adjustments.list(),
    numerator: formatAmount(all((l) => l.numerator)),
    denominator: denominator === undefined ? null : formatAmount(denominator),
  };
}

/** An exclusion that names this rule, or a family wildcard such as "OPCI-*". */
function concerns(excludedFrom: string, ruleId: string): boolean {
  if (excludedFrom === ruleId) return true;
  return (
    excludedFrom.length > 1 &&
    excludedFrom.endsWith("*") &&
    ruleId.startsWith(excludedFrom.slice(0, -1))
  );
}

function articleOf(counted: Contribution[], ruleId: string) {
  return counted.find((c) => c.rule === ruleId)?.article;
}

/** The region whose companies weigh most (L. 214-31 IV), as the rule picks it: the first of the largest. */
function largestRegion(ctx: FundContext): string | undefined {
  const totals = new Map<string, Amount>();
  for (const p of ctx.positions)
    for (const c of p.outcome.counted)
      if (c.rule === "FIP-REG25" && p.holding.region !== undefined) {
        const key = regionKey(p.holding.region);
        totals.set(key, (totals.get(key) ?? ZERO) + parseAmount(c.amount));
      }
  let worst: [string, Amount] | undefined;
  for (const e of totals) if (worst === undefined || e[1] > worst[1]) worst = e;
  return worst?.[0];
}

/** FIP holder caps (L. 214-31 VI): from the fund's units to the holder or holders the cap measures. */
function reconcileHolders(ctx: FundContext, rule: RuleResult): Reconciliation {
  const byHolder = new Map<string, { units: Amount; publicLaw: boolean }>();
  const keyOf = new Map<(typeof ctx.holders)[number], string>();
  let total = ZERO;
  for (const h of ctx.holders) {
    if (h.units === undefined) continue;
    const key = h.holderId ?? `row ${h.row}`;
    keyOf.set(h, key);
    const e = byHolder.get(key) ?? { units: ZERO, publicLaw: false };
    e.units += h.units;
    e.publicLaw ||= h.holderType === "PUBLIC_LAW_LEGAL";
    byHolder.set(key, e);
    total += h.units;
  }
  const largest = (publicOnly: boolean) => {
    let best: [string, Amount] | undefined;
    for (const [id, e] of byHolder)
      if (
        (!publicOnly || e.publicLaw) &&
        (best === undefined || e.units > best[1])
      )
        best = [id, e.units];
    return best?.[0];
  };
  const measured =
    rule.id === "FIP-H20"
      ? largest(false)
      : rule.id === "FIP-H10"
        ? largest(true)
        : undefined;
  const lines = new Lines();
  const article = "L. 214-31 VI";
  for (const h of ctx.holders) {
    const key = keyOf.get(h);
    if (h.units === undefined || key === undefined) {
      lines.add("unreadable", undefined, ZERO, 1, false, false);
      continue;
    }
    const publicLaw = byHolder.get(key)?.publicLaw ?? false;
    const reason: ReconciliationReason =
      rule.id === "FIP-H30"
        ? publicLaw
          ? "public-law-holders"
          : "other-holders"
        : key === measured
          ? "largest-holder"
          : "other-holders";
    lines.add(reason, article, h.units, 1, reason !== "other-holders", true);
  }
  const register = ctx.holders.length > 0;
  return {
    unit: "units",
    total: formatAmount(total),
    lines: lines.list(),
    adjustments: [],
    numerator: formatAmount(lines.sum((l) => l.numerator)),
    denominator: register
      ? formatAmount(lines.sum((l) => l.denominator))
      : null,
  };
}

/** A contribution's exact decimal string back to millionths. */
function parseAmount(text: string): Amount {
  const negative = text.startsWith("-");
  const [units, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const value =
    BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
  return negative ? -value : value;
}
