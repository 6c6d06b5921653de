import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { isRegisterRule, legacyMark, registerRuleTitle, registerThresholdText, registerValueText } from "../../present/registers";
import type { RuleResult } from "../../engine/result";
import { ruleById } from "../../engine/rules/registry";
import { colon, format, formatAmount, formatPercent, formatRuleFigure, formatThreshold, OPERATOR_SIGNS, type Strings } from "../i18n";
import { conditionNothingToCure, ruleExplanation, thresholdText } from "../../present/report";
import { amountToCure } from "../summary";
import type { Language } from "../operations";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "1fr auto", rowGap: "2px", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  title: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  figures: { display: "flex", flexWrap: "wrap", columnGap: "12px", alignItems: "center", gridColumn: "1 / span 2", fontVariantNumeric: "tabular-nums" },
  bar: { gridColumn: "1 / span 2" },
  message: { gridColumn: "1 / span 2", color: tokens.colorNeutralForeground3 },
  badge: { alignSelf: "start", paddingTop: "4px" },
  conditions: { gridColumn: "1 / span 2", listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  condition: { display: "flex", alignItems: "flex-start", gap: "6px" },
});

/** A rule's value against its threshold: the bar is full at the threshold, red when the rule is breached. */
export function RuleRow(props: { rule: RuleResult; language: Language; t: Strings; selected: boolean; onSelect(): void }) {
  const { rule, language, t } = props;
  const s = useStyles();
  const def = ruleById(rule.id);
  // A register rule counts rows (or euros for OFF-12M): no ratio bar, its own value and threshold.
  const register = isRegisterRule(rule);
  const cure = amountToCure(rule);
  const fill = rule.value === null || !rule.threshold ? 0 : Math.min(1, Math.max(0, rule.value / rule.threshold));
  // Green only for a rule that passes: an incomplete or not-binding rule is never shown as fine.
  const color = rule.status === "breach" ? "error" : rule.status === "warning" ? "warning" : rule.status === "pass" ? "success" : "brand";
  return (
    <div className={`${s.row} ${props.selected ? s.selected : ""}`} data-rule={rule.id}>
      <div className={s.title}>
        <Button appearance="transparent" size="small" onClick={props.onSelect} aria-expanded={props.selected} style={{ padding: 0, minWidth: 0 }}>
          <Text weight="semibold">{rule.legacy ? `${rule.id} ${legacyMark(language)}` : rule.id}</Text>
        </Button>
        <Text size={200}>
          {def?.title[language] ?? (register ? registerRuleTitle(rule.id, language) : undefined)} · {rule.article}
        </Text>
      </div>
      <div className={s.badge}>
        <StatusBadge status={rule.status} language={language} />
      </div>
      {rule.threshold !== null && !register && <ProgressBar className={s.bar} value={fill} color={color} thickness="large" aria-label={`${rule.id} ${formatPercent(rule.value, language)}`} />}
      <div className={s.figures}>
        <Text size={200}>
          {t.value}
          {colon(language)}
          {register ? registerValueText(rule, language) : formatRuleFigure(rule, rule.value, language)}
          {rule.partial ? "*" : ""}
        </Text>
        {rule.threshold !== null && (
          <Text size={200}>
            {t.threshold}
            {colon(language)}
            {register ? registerThresholdText(rule, language) : language === "fr" ? thresholdText(rule, "fr") : `${rule.operator ? `${OPERATOR_SIGNS[rule.operator]} ` : ""}${formatRuleFigure(rule, rule.threshold, language, true)}`}
          </Text>
        )}
        {rule.headroom !== null && (
          <Text size={200} weight={cure ? "semibold" : undefined} data-headroom>
            {cure ? format(t.toCure, { amount: formatAmount(cure, rule.unit, language) }) : format(t.margin, { amount: formatAmount(rule.headroom, rule.unit, language) })}
          </Text>
        )}
      </div>
      {rule.conditions && rule.conditions.length > 1 && (
        <ul className={s.conditions} aria-label={t.conditions}>
          {rule.conditions.map((c) => (
            <li key={c.id} className={s.condition} data-condition={c.id} data-failed={c.failed || undefined}>
              <StatusBadge status={c.status} language={language} />
              <Text size={200}>
                {c.title[language]}
                {c.value !== null && c.threshold !== null && c.kind === "limit" ? ` · ${formatPercent(c.value, language)} ${c.operator ? OPERATOR_SIGNS[c.operator] : ""} ${formatThreshold(c.threshold, language)}` : ""}
                {c.failed && c.headroom?.startsWith("-") && !conditionNothingToCure(c.status) ? ` · ${format(t.toCure, { amount: formatAmount(c.headroom.slice(1), c.unit, language) })}` : ""}
                {c.article ? ` (${c.article})` : ""}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {rule.message && rule.status !== "pass" && (
        <Text size={200} className={s.message}>
          {ruleExplanation(rule, language)}
        </Text>
      )}
      {rule.partial && (
        <Text size={200} className={s.message}>
          * {t.partial}
        </Text>
      )}
    </div>
  );
}
