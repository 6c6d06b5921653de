import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Status } from "../../engine/result";
import { BREACH_FILL, BREACH_FONT } from "../../excel/highlight";
import { colon, STATUS_LABELS, type Strings } from "../i18n";
import type { Language } from "../operations";
import { SUMMARY_ORDER } from "../summary";
import { StatusIcon, STATUS_COLORS } from "./StatusBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "4px", padding: "6px 0", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { display: "grid", gridTemplateColumns: "18px minmax(0, 1fr)", columnGap: "6px", alignItems: "start", fontSize: "12px", lineHeight: "16px" },
  swatch: { display: "inline-block", width: "14px", height: "14px", border: "1px solid", boxSizing: "border-box", marginTop: "1px" },
});

/** What each status's colour and icon mean, and what the highlight in the Holdings sheet means. */
export function Legend({ language, t, statuses = SUMMARY_ORDER }: { language: Language; t: Strings; statuses?: readonly Status[] }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="legend-title" data-legend>
      <Text as="h2" id="legend-title" size={300} weight="semibold">
        {t.legend}
      </Text>
      <ul className={s.list}>
        {statuses.map((status) => (
          <li className={s.item} key={status} data-legend-status={status}>
            <StatusIcon status={status} />
            <span>
              <strong style={{ color: STATUS_COLORS[status].fg }}>{STATUS_LABELS[language][status]}</strong>
              {colon(language)}
              {t.statusMeaning[status]}
            </span>
          </li>
        ))}
        <li className={s.item} data-legend-highlight>
          <span className={s.swatch} style={{ backgroundColor: BREACH_FILL, borderColor: BREACH_FONT }} aria-hidden="true" />
          <span>{t.legendHighlight}</span>
        </li>
      </ul>
    </section>
  );
}
