import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { FundReport, Report, RuleResult } from "../../engine/result";
import { type AmountUnit, format, formatAmount, formatDate, formatRuleFigure, OPERATOR_SIGNS, plural, type Strings } from "../i18n";
import type { Language } from "../operations";
import { thresholdText } from "../../present/report";
import { amountToCure, fundsWorstFirst, summaryCounts, worstRule } from "../summary";
import { STATUS_COLORS, StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  counts: { display: "flex", flexDirection: "column", gap: "2px" },
  headline: { margin: 0, fontSize: "15px", lineHeight: "20px", fontWeight: 600 },
  secondary: { margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "1px" },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    width: "100%",
    textAlign: "left",
    padding: "2px 6px",
    border: "none",
    borderLeft: "4px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: "12px",
    lineHeight: "15px",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px", minWidth: 0 },
  name: { fontSize: "13px", lineHeight: "17px", fontWeight: 600, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  line: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  cure: { fontWeight: 600 },
});

/** The unit of a rule's amounts: euros, or units of the fund for the FIP holder caps. */
export function ruleUnit(rule: RuleResult): AmountUnit | undefined {
  return rule.unit;
}

/** The conditions of a rule that are not met, other than its limit: a gate or a closed list. */
export function failedGates(rule: RuleResult) {
  return (rule.conditions ?? []).filter((c) => c.failed && c.kind !== "limit");
}

/** "40.00% against ≥ 50%"; in French the law's words: « 40,00 % (seuil : au moins 50 %) ». */
export function ratioAgainstThreshold(rule: RuleResult, language: Language, t: Strings): string | undefined {
  if (rule.value === null || rule.threshold === null) return undefined;
  // The sign and its number never part at a line's end.
  const sign = rule.operator ? `${OPERATOR_SIGNS[rule.operator]}\u00a0` : "";
  return format(t.ratioAgainst, {
    value: formatRuleFigure(rule, rule.value, language),
    threshold: language === "fr" ? thresholdText(rule, "fr") : `${sign}${formatRuleFigure(rule, rule.threshold, language, true)}`,
  });
}

function detailLines(fund: FundReport, rule: RuleResult | undefined, language: Language, t: Strings): { figures?: string; action?: string; emphasis?: boolean } {
  if (!rule) return { figures: t.noRules };
  const ratio = ratioAgainstThreshold(rule, language, t);
  const figures = `${rule.id}${ratio ? ` · ${ratio}` : ""}`;
  const cure = amountToCure(rule);
  switch (rule.status) {
    case "breach": {
      // A gate or a closed list failed while the limit holds: say so, never show the limit's ratio alone.
      const gates = failedGates(rule);
      const atIssue = gates.reduce((n, c) => n + (c.positions?.length ?? 0), 0);
      const shown = gates.length && !(rule.failedConditions ?? []).some((id) => !gates.some((g) => g.id === id)) ? `${rule.id} · ${atIssue ? plural(language, atIssue, t.atIssue) : gates[0].title[language]}` : figures;
      return cure ? { figures: shown, action: format(t.toCure, { amount: formatAmount(cure, ruleUnit(rule), language) }), emphasis: true } : { figures: shown, action: t.conditionFailed, emphasis: true };
    }
    case "incomplete":
      return { figures: `${rule.id} · ${t.notComputed}`, action: fund.diagnostics.length ? plural(language, fund.diagnostics.length, t.readingProblems) : undefined };
    case "warning":
      return { figures, action: rule.headroom !== null ? format(t.margin, { amount: formatAmount(rule.headroom, ruleUnit(rule), language) }) : undefined };
    case "not-binding":
      return { figures, action: fund.quotaWindow ? format(t.notBindingUntil, { date: formatDate(fund.quotaWindow.from, language) }) : undefined };
    default:
      return { figures };
  }
}

/** The counts line: funds and rules in breach, then incomplete and to watch, with their plurals. */
export function SummaryCounts({ report, language, t }: { report: Report; language: Language; t: Strings }) {
  const s = useStyles();
  const c = summaryCounts(report);
  const inBreach = [
    c.breachFunds ? `${plural(language, c.breachFunds, t.breachFunds)} ${plural(language, c.funds, t.outOf)}` : "",
    c.breachIssuers ? plural(language, c.breachIssuers, t.breachIssuers) : "",
  ].filter(Boolean);
  const headline = inBreach.length ? `${inBreach.join(" · ")} · ${plural(language, c.breachRules, t.rules)}` : plural(language, c.funds, t.noBreach);
  const withRules = (funds: string, rules: number) => (rules ? `${funds} (${plural(language, rules, t.rules)})` : funds);
  const second = `${withRules(plural(language, c.incompleteFunds, t.incompleteFunds), c.incompleteRules)} · ${withRules(plural(language, c.warningFunds, t.warningFunds), c.warningRules)}`;
  return (
    <div className={s.counts} data-counts>
      <Text as="p" className={s.headline} style={inBreach.length ? { color: STATUS_COLORS.breach.fg } : undefined} data-headline>
        {headline}
      </Text>
      <Text as="p" size={200} className={s.secondary} data-secondary>
        {second.charAt(0).toUpperCase() + second.slice(1)}
      </Text>
    </div>
  );
}

/** Every fund, worst first, on one or three short lines: its status, its worst rule, the amount to cure. */
export function FundSummary(props: { report: Report; language: Language; t: Strings; onOpen(fundId: string): void }) {
  const { report, language, t } = props;
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={t.summaryTitle} data-summary-list>
      {fundsWorstFirst(report.funds).map((fund) => {
        const rule = worstRule(fund);
        const lines = detailLines(fund, rule, language, t);
        return (
          <li key={fund.fundId}>
            <button
              type="button"
              className={s.row}
              style={{ borderLeftColor: STATUS_COLORS[fund.status].fg }}
              data-fund-row={fund.fundId}
              data-status={fund.status}
              data-worst-rule={rule?.id}
              onClick={() => props.onOpen(fund.fundId)}
            >
              <span className={s.top}>
                <span className={s.name}>{fund.fundName ?? fund.fundId}</span>
                <StatusBadge status={fund.status} language={language} />
              </span>
              {lines.figures && <span className={s.line} >{lines.figures}</span>}
              {lines.action && (
                <span className={`${s.line} ${lines.emphasis ? s.cure : ""}`} style={{ color: lines.emphasis ? STATUS_COLORS.breach.fg : undefined }} data-action-line>
                  {lines.action}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
