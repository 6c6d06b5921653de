import { makeStyles, tokens } from "@fluentui/react-components";
import type { Reconciliation, ReconciliationLine } from "../../engine/result";
import { formatAmount, plural, type Strings } from "../i18n";
import type { Language } from "../operations";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: "12px", lineHeight: "15px", fontVariantNumeric: "tabular-nums" },
  caption: { textAlign: "left", fontWeight: 600, padding: "4px 0" },
  cell: { padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
  amount: { textAlign: "right", whiteSpace: "nowrap" },
  sub: { display: "block", color: tokens.colorNeutralForeground2 },
  total: { fontWeight: 600 },
});

/**
 * From the fund's total holdings to the rule's numerator and denominator, line by line, as a
 * depositary asks for it. The engine guarantees the lines sum exactly to the total.
 */
export function ReconciliationTable({ reconciliation: r, language, t }: { reconciliation: Reconciliation; language: Language; t: Strings }) {
  const s = useStyles();
  const amount = (v: string | null) => formatAmount(v, r.unit, language);
  const line = (l: ReconciliationLine, i: number, kind: string) => (
    <tr key={`${kind}${i}`} data-reconciliation-line={l.reason} data-adjustment={kind === "a" || undefined}>
      <td className={s.cell}>
        {l.label[language]}
        <span className={s.sub}>
          {[l.article, l.count ? plural(language, l.count, t.lines) : "", l.numerator ? t.inNumerator : "", l.denominator ? t.inDenominator : ""].filter(Boolean).join(" · ")}
        </span>
      </td>
      <td className={`${s.cell} ${s.amount}`}>{amount(l.amount)}</td>
    </tr>
  );
  return (
    <table className={s.table} data-reconciliation>
      <caption className={s.caption}>{t.reconciliation}</caption>
      <tbody>
        <tr className={s.total}>
          <td className={s.cell}>{t.holdingsTotal}</td>
          <td className={`${s.cell} ${s.amount}`}>{amount(r.total)}</td>
        </tr>
        {r.lines.map((l, i) => line(l, i, "l"))}
        {r.adjustments.map((l, i) => line(l, i, "a"))}
        <tr className={s.total} data-reconciliation-numerator>
          <td className={s.cell}>{t.numerator}</td>
          <td className={`${s.cell} ${s.amount}`}>{amount(r.numerator)}</td>
        </tr>
        {r.denominator !== null && (
          <tr className={s.total} data-reconciliation-denominator>
            <td className={s.cell}>{t.denominator}</td>
            <td className={`${s.cell} ${s.amount}`}>{amount(r.denominator)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
