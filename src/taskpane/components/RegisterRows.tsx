import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { TableName } from "../../engine/model";
import { type RegisterOutcome, failingFirst, rowKey, rowReason, rowStatusLabel } from "../../present/registers";
import type { Language } from "../operations";

const MAX_SHOWN = 200;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "4px", padding: "4px 8px 8px 16px", borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  item: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: "8px" },
  reason: { gridColumn: "1 / span 2", color: tokens.colorNeutralForeground3 },
});

/** The register a list shows, with its text. */
export interface RegisterList {
  table: Extract<TableName, "Subscribers" | "Offers" | "Trades">;
  rows: readonly RegisterOutcome[];
}

const TITLES: Record<Language, Record<RegisterList["table"], string>> = {
  en: { Subscribers: "Subscribers (RG AMF 412-113)", Trades: "Off-market trades (RG AMF 516-2)", Offers: "Offers (L. 411-2, D. 411-2-1)" },
  fr: { Subscribers: "Souscripteurs (RG AMF 412-113)", Trades: "Exécutions hors marché réglementé (RG AMF 516-2)", Offers: "Offres (L. 411-2, D. 411-2-1)" },
};
const GO_TO: Record<Language, string> = { en: "Go to row", fr: "Aller à la ligne" };

/** A register of a fund or an issuer: failing rows first, each with its decisive check and article, and a link to its row. */
export function RegisterRows(props: { list: RegisterList; language: Language; onSelectRow(table: RegisterList["table"], row: number): void }) {
  const { list, language } = props;
  const s = useStyles();
  const rows = failingFirst(list.rows);
  return (
    <div className={s.list} data-register={list.table}>
      <Text weight="semibold">
        {TITLES[language][list.table]} ({rows.length})
      </Text>
      {rows.slice(0, MAX_SHOWN).map((o) => (
        <div className={s.item} key={o.row} data-row={o.row} data-status={o.status}>
          <Text size={200}>
            <Link onClick={() => props.onSelectRow(list.table, o.row)} title={`${GO_TO[language]} ${o.row}`}>
              {rowKey(o)}
            </Link>
          </Text>
          <Text size={200}>{rowStatusLabel(o.status, language)}</Text>
          <Text size={200} className={s.reason}>
            {rowReason(o, language)}
          </Text>
        </div>
      ))}
      {rows.length > MAX_SHOWN && <Text size={200}>… +{rows.length - MAX_SHOWN}</Text>}
    </div>
  );
}
