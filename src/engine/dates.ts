/**
 * Calendar dates as ISO strings (YYYY-MM-DD): they compare with < and >, carry no
 * time zone, and print as accountants write them in reports.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isoFromParts(
  year: number,
  month: number,
  day: number,
): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same day N years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return memo(`${date}|${years}y`, () => {
    const [y, m, d] = date.split("-").map(Number);
    const year = y + years;
    return isoFromParts(year, m, Math.min(d, daysInMonth(year, m)));
  });
}

/**
 * Dates already computed, by date and months: every fund's window and every listing's five years
 * ask the same few (a bounded memo, emptied when full).
 */
const shifted = new Map<string, IsoDate>();

function memo(key: string, compute: () => IsoDate): IsoDate {
  let result = shifted.get(key);
  if (result === undefined) {
    if (shifted.size >= 4096) shifted.clear();
    shifted.set(key, (result = compute()));
  }
  return result;
}

/** Same day N months later, clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return memo(`${date}|${months}m`, () => {
    const [y, m, d] = date.split("-").map(Number);
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return isoFromParts(year, month, Math.min(d, daysInMonth(year, month)));
  });
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
