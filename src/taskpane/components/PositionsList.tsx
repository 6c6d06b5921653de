import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { FundReport, RuleResult } from "../../engine/result";
import { contributionNote, exclusionText } from "../../present/report";
import { format, formatEur, type Strings } from "../i18n";
import type { Language } from "../operations";

const MAX_SHOWN = 200;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "4px", padding: "4px 8px 8px 16px", borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  item: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: "8px" },
  reason: { gridColumn: "1 / span 2", color: tokens.colorNeutralForeground3 },
  heading: { marginTop: "4px" },
});

/** The positions a rule counts (with amounts) and those it excludes (with the reason and the article). */
export function PositionsList(props: { fund: FundReport; rule: RuleResult; language: Language; t: Strings; onSelectRow(row: number): void }) {
  const { fund, rule, language, t } = props;
  const s = useStyles();
  const positions = fund.positions ?? [];
  const counted = positions.flatMap((p) => p.counted.filter((c) => c.rule === rule.id).map((c) => ({ p, c })));
  const excluded = positions.flatMap((p) => p.excluded.filter((e) => e.rule === rule.id || e.rule === "*").map((e) => ({ p, e })));
  const rowLink = (row: number, label: string) => (
    <Link onClick={() => props.onSelectRow(row)} title={format(t.goToRow, { row })}>
      {label}
    </Link>
  );
  if (!counted.length && !excluded.length) return <Text className={s.list}>{t.noPositions}</Text>;
  // A pane lists what a person reads; the report sheet has every position.
  const shown = <T,>(items: T[]) => items.slice(0, MAX_SHOWN);
  const more = (n: number) => (n > MAX_SHOWN ? <Text size={200}>… +{n - MAX_SHOWN}</Text> : null);
  return (
    <div className={s.list} data-positions-for={rule.id}>
      {counted.length > 0 && (
        <Text weight="semibold" className={s.heading}>
          {t.counted} ({counted.length})
        </Text>
      )}
      {shown(counted).map(({ p, c }, i) => (
        <div className={s.item} key={`c${i}`} data-row={p.row}>
          <Text size={200}>
            {rowLink(p.row, p.lineId)} {p.issuerName ?? p.issuerId ?? ""}
          </Text>
          <Text size={200}>{formatEur(c.amount, language)}</Text>
          <Text size={200} className={s.reason}>
            {c.article}
            {contributionNote(c, language) ? ` · ${contributionNote(c, language)}` : ""}
          </Text>
        </div>
      ))}
      {more(counted.length)}
      {excluded.length > 0 && (
        <Text weight="semibold" className={s.heading}>
          {t.excluded} ({excluded.length})
        </Text>
      )}
      {shown(excluded).map(({ p, e }, i) => (
        <div className={s.item} key={`e${i}`} data-row={p.row} data-excluded="true">
          <Text size={200}>
            {rowLink(p.row, p.lineId)} {p.issuerName ?? p.issuerId ?? ""}
          </Text>
          <Text size={200}>{formatEur(p.amount, language)}</Text>
          <Text size={200} className={s.reason}>
            {e.article ? `${e.article} · ` : ""}
            {exclusionText(e, language)}
          </Text>
        </div>
      ))}
      {more(excluded.length)}
    </div>
  );
}
