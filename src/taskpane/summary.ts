import type { FundReport, Report, RuleResult, Status } from "../engine/result";
import { isRegisterRule } from "../present/registers";
import { nothingToCure } from "../present/report";

/** The order the pane lists funds and rules in: what needs action first. */
export const SUMMARY_ORDER: readonly Status[] = [
  "breach",
  "triggered",
  "incomplete",
  "warning",
  "pass",
  "not-binding",
  "info",
];

const rank = (s: Status) => SUMMARY_ORDER.indexOf(s);

/**
 * How far a ratio stands on the wrong side of its threshold, relative to the threshold
 * (positive: beyond it; negative: the cushion). Used only to pick which of several rules of
 * the same status to show first.
 */
function gap(rule: RuleResult): number {
  // A register rule counts rows: among rules of one status, the portfolio's ratio is shown first.
  if (isRegisterRule(rule)) return 0;
  if (rule.value === null || rule.threshold === null || !rule.operator)
    return 0;
  // A zero limit (a closed list of assets): any amount is beyond it, none leaves nothing to watch.
  if (rule.threshold === 0) return rule.value > 0 ? Infinity : -Infinity;
  const d = (rule.value - rule.threshold) / rule.threshold;
  return rule.operator === ">=" || rule.operator === ">" ? -d : d;
}

/** The rule that decides the fund's status; among equals, the one furthest on the wrong side. */
export function worstRule(fund: FundReport): RuleResult | undefined {
  let worst: RuleResult | undefined;
  for (const rule of fund.rules) {
    if (!worst) worst = rule;
    else if (
      rank(rule.status) < rank(worst.status) ||
      (rank(rule.status) === rank(worst.status) && gap(rule) > gap(worst))
    )
      worst = rule;
  }
  return worst;
}

/** Funds worst first (breach, incomplete, warning, pass, not-binding); ties keep the workbook's order. */
export function fundsWorstFirst(funds: readonly FundReport[]): FundReport[] {
  return funds
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.status) - rank(b.f.status) || a.i - b.i)
    .map((x) => x.f);
}

export interface SummaryCounts {
  funds: number;
  breachFunds: number;
  breachRules: number;
  incompleteFunds: number;
  incompleteRules: number;
  warningFunds: number;
  warningRules: number;
  /** Issuers of the Offers register in breach; their rules count in breachRules. */
  breachIssuers: number;
}

/** Counts in funds, issuers and rules: "2 fonds en dépassement sur 12 · 1 émetteur en dépassement · 6 règles". */
export function summaryCounts(report: Report): SummaryCounts {
  const rules = report.funds.flatMap((f) => f.rules);
  const rulesWith = (s: Status) => rules.filter((r) => r.status === s).length;
  // The issuers' offers are checked too: their breaches are in the headline, as in the command's summary.
  const issuers = report.issuers ?? [];
  const issuerRules = (s: Status) =>
    issuers.flatMap((i) => i.rules).filter((r) => r.status === s).length;
  const fundsWith = (s: Status) =>
    report.funds.filter(
      (f) => f.rules.some((r) => r.status === s) || f.status === s,
    ).length;
  return {
    funds: report.funds.length,
    breachFunds: report.funds.filter((f) => f.status === "breach").length,
    incompleteFunds: fundsWith("incomplete"),
    incompleteRules: rulesWith("incomplete"),
    warningFunds: fundsWith("warning"),
    warningRules: rulesWith("warning"),
    breachIssuers: issuers.filter((i) => i.status === "breach").length,
    breachRules: rulesWith("breach") + issuerRules("breach"),
  };
}

/** The amount to cure: a negative headroom, shown as a positive amount; undefined when nothing is to cure. */
export function amountToCure(rule: RuleResult): string | undefined {
  if (
    rule.headroom === null ||
    !rule.headroom.startsWith("-") ||
    nothingToCure(rule.status)
  )
    return undefined;
  const amount = rule.headroom.slice(1);
  return /^0*(\.0*)?$/.test(amount) ? undefined : amount;
}
