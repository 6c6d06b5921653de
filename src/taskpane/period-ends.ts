import {
  addMonths,
  daysInMonth,
  type IsoDate,
  isoFromParts,
} from "../engine/dates";

/** Same calendar position N months later; a month-end stays a month-end (30/06 + 6 months = 31/12). */
function shiftMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number);
  const shifted = addMonths(date, months);
  if (d !== daysInMonth(y, m)) return shifted;
  const [sy, sm] = shifted.split("-").map(Number);
  return isoFromParts(sy, sm, daysInMonth(sy, sm));
}

export interface PeriodEnds {
  /** The last anniversary of the first financial year's end on or before today. */
  yearEnd: IsoDate;
  /** The half-year end of the financial year: six months after the last year-end if that is past, else six months before it. */
  halfYearEnd: IsoDate;
}

/**
 * A fund's own closing dates, from Funds.firstYearEnd: the financial year-end on or before
 * today, and the half-year end nearest before today. Undefined before the first year-end.
 */
export function periodEnds(
  firstYearEnd: IsoDate | undefined,
  today: IsoDate,
): PeriodEnds | undefined {
  if (!firstYearEnd || firstYearEnd > today) return undefined;
  const years = Number(today.slice(0, 4)) - Number(firstYearEnd.slice(0, 4));
  let yearEnd = shiftMonths(firstYearEnd, 12 * years);
  if (yearEnd > today) yearEnd = shiftMonths(firstYearEnd, 12 * (years - 1));
  const after = shiftMonths(yearEnd, 6);
  return {
    yearEnd,
    halfYearEnd: after <= today ? after : shiftMonths(yearEnd, -6),
  };
}
