import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../engine/dates";
import { format, formatDate, formatList, type Strings } from "../i18n";
import type { Language } from "../operations";
import { periodEnds } from "../period-ends";
import type { FundDates } from "../use-quota-check";

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  date: { margin: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  used: { fontWeight: 600, fontSize: "14px", lineHeight: "18px" },
  how: { color: tokens.colorNeutralForeground2, fontSize: "12px", lineHeight: "16px" },
  chips: { display: "flex", flexWrap: "wrap", gap: "4px", alignItems: "center" },
});

export interface DateChoice {
  date: IsoDate;
  /** Funds whose financial year ends on this date, and funds whose half-year does. */
  yearEnd: string[];
  halfYearEnd: string[];
}

/** The funds' own year-ends and half-year ends, one choice per distinct date, latest first. */
export function dateChoices(funds: readonly FundDates[], today: IsoDate): DateChoice[] {
  const byDate = new Map<string, DateChoice>();
  const at = (date: IsoDate) => byDate.get(date) ?? byDate.set(date, { date, yearEnd: [], halfYearEnd: [] }).get(date)!;
  for (const f of funds) {
    const ends = periodEnds(f.firstYearEnd, today);
    if (!ends) continue;
    at(ends.yearEnd).yearEnd.push(f.fundName ?? f.fundId);
    at(ends.halfYearEnd).halfYearEnd.push(f.fundName ?? f.fundId);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}

const MAX_CHOICES = 4;

/** The as-of date used with the result, how it was chosen, and the Check button. */
export function AsOfBar(props: { asOfUsed?: IsoDate; chosen?: IsoDate; live?: boolean; language: Language; t: Strings; running: boolean; onCheck(): void }) {
  const { language, t } = props;
  const s = useStyles();
  return (
    <div className={s.line}>
      <p className={s.date} data-as-of={props.asOfUsed}>
        {props.asOfUsed && <span className={s.used}>{format(t.asOfUsed, { date: formatDate(props.asOfUsed, language) })}</span>}
        {props.asOfUsed && (
          <span className={s.how} aria-live="polite">
            {" "}
            ({props.chosen ? t.asOfChosen : t.asOfDefault}
            {props.live ? ` · ${t.liveUpdated}` : ""})
          </span>
        )}
      </p>
      <Button appearance="primary" onClick={props.onCheck} disabled={props.running} data-action="check">
        {props.running ? t.checking : t.check}
      </Button>
    </div>
  );
}

/** One-click as-of dates: the last month-end and the funds' own year-ends and half-year ends. */
export function AsOfChoices(props: { chosen?: IsoDate; funds: readonly FundDates[]; today: IsoDate; language: Language; t: Strings; onChoose(date: IsoDate | undefined): void }) {
  const { language, t } = props;
  const s = useStyles();
  const choices = dateChoices(props.funds, props.today).slice(0, MAX_CHOICES);
  return (
    <div className={s.chips} role="group" aria-labelledby="as-of-choices">
      <Text size={200} id="as-of-choices">
        {t.asOfShortcuts}
      </Text>
      <Button size="small" appearance={props.chosen ? "outline" : "secondary"} aria-pressed={!props.chosen} onClick={() => props.onChoose(undefined)} data-as-of-choice="default">
        {t.lastMonthEnd}
      </Button>
      {choices.map((c) => {
        const label = format(c.yearEnd.length ? t.yearEnd : t.halfYearEnd, { date: formatDate(c.date, language) });
        const whose = [
          c.yearEnd.length ? format(t.yearEndOf, { funds: formatList(c.yearEnd, language) }) : "",
          c.halfYearEnd.length ? format(t.halfYearEndOf, { funds: formatList(c.halfYearEnd, language) }) : "",
        ]
          .filter(Boolean)
          .join(" ; ");
        return (
          <Button
            key={c.date}
            size="small"
            appearance={props.chosen === c.date ? "secondary" : "outline"}
            aria-pressed={props.chosen === c.date}
            title={whose}
            aria-description={whose}
            onClick={() => props.onChoose(c.date)}
            data-as-of-choice={c.date}
          >
            {label}
          </Button>
        );
      })}
    </div>
  );
}
