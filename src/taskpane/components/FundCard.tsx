import { AccordionHeader, AccordionItem, AccordionPanel, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FundReport } from "../../engine/result";
import { format, formatDate, plural, type Strings } from "../i18n";
import type { Language } from "../operations";
import type { PeriodEnds } from "../period-ends";
import { PositionsList } from "./PositionsList";
import { type RegisterList, RegisterRows } from "./RegisterRows";
import { ReconciliationTable } from "./ReconciliationTable";
import { RuleRow } from "./RuleRow";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", width: "100%", minWidth: 0, gap: "8px" },
  name: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 auto", overflow: "hidden" },
  dates: { display: "flex", flexWrap: "wrap", gap: "4px", alignItems: "center", paddingBottom: "4px" },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function FundCard(props: {
  fund: FundReport;
  language: Language;
  t: Strings;
  onSelectRow(row: number): void;
  /** The fund's own closing dates, offered as one-click as-of dates. */
  periodEnds?: PeriodEnds;
  onChooseAsOf?(date: string): void;
  /** The fund's (or issuer's) registers, and how to go to one of their rows. */
  registers?: RegisterList[];
  onSelectRegisterRow?(table: RegisterList["table"], row: number): void;
}) {
  const { fund, language, t } = props;
  const s = useStyles();
  const [selected, setSelected] = useState<string | undefined>();
  const w = fund.quotaWindow;
  return (
    <AccordionItem value={fund.fundId} data-fund={fund.fundId}>
      <AccordionHeader expandIconPosition="end">
        <div className={s.header}>
          <div className={s.name}>
            <Text weight="semibold" truncate wrap={false}>
              {fund.fundName ?? fund.fundId}
            </Text>
            <Text size={200} className={s.sub}>
              {fund.fundId} · {fund.fundType ?? (props.registers?.some((r) => r.table === "Offers") ? (language === "fr" ? "Émetteur" : "Issuer") : "?")}
              {fund.basis ? ` · ${t.basis[fund.basis] ?? fund.basis}` : ""}
            </Text>
          </div>
          <StatusBadge status={fund.status} language={language} />
        </div>
      </AccordionHeader>
      <AccordionPanel>
        {props.periodEnds && props.onChooseAsOf && (
          <div className={s.dates} role="group" aria-label={t.asOfShortcuts}>
            <Text size={200}>{t.asOfShortcuts}</Text>
            {[format(t.yearEnd, { date: formatDate(props.periodEnds.yearEnd, language) }), format(t.halfYearEnd, { date: formatDate(props.periodEnds.halfYearEnd, language) })].map((label, i) => (
              <Button key={label} size="small" appearance="outline" onClick={() => props.onChooseAsOf?.(i === 0 ? props.periodEnds!.yearEnd : props.periodEnds!.halfYearEnd)} data-fund-as-of={i === 0 ? "yearEnd" : "halfYearEnd"}>
                {label}
              </Button>
            ))}
          </div>
        )}
        {w && (
          <Text size={200} className={s.sub} block>
            {w.until ? format(t.window, { from: formatDate(w.from, language), until: formatDate(w.until, language) }) : format(t.windowOpen, { from: formatDate(w.from, language) })} ({w.article})
          </Text>
        )}
        {fund.rules.map((rule) => (
          <div key={rule.id}>
            <RuleRow rule={rule} language={language} t={t} selected={selected === rule.id} onSelect={() => setSelected(selected === rule.id ? undefined : rule.id)} />
            {selected === rule.id && rule.reconciliation && <ReconciliationTable reconciliation={rule.reconciliation} language={language} t={t} />}
            {selected === rule.id && <PositionsList fund={fund} rule={rule} language={language} t={t} onSelectRow={props.onSelectRow} />}
          </div>
        ))}
        {(props.registers ?? [])
          .filter((r) => r.rows.length > 0)
          .map((r) => (
            <RegisterRows key={r.table} list={r} language={language} onSelectRow={(table, row) => props.onSelectRegisterRow?.(table, row)} />
          ))}
        {fund.diagnostics.length > 0 && (
          <Text size={200} className={s.sub} block>
            {plural(language, fund.diagnostics.length, t.readingProblems)}
          </Text>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
