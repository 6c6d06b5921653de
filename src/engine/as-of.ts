import { type IsoDate, daysInMonth, isoFromParts, todayIso } from "./dates";

/**
 * The test date when the user gives none: the last calendar month-end strictly before
 * today. At a close the test date is the month just ended, so a check run on
 * 2 December tests 30 November, and one run on 31 December still tests 30 November
 * (the December books are not closed yet). Every face (command line, pane, worksheet
 * functions) uses this one rule, so they agree on a blank as-of.
 */
export function lastMonthEndBefore(today: IsoDate): IsoDate {
  const [y, m] = today.split("-").map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return isoFromParts(year, month, daysInMonth(year, month));
}

/** The default as-of date, from the local calendar date of `now`. */
export function defaultAsOf(now: Date = new Date()): IsoDate {
  return lastMonthEndBefore(todayIso(now));
}
