import type { Dec } from "../engine/decimal";
import { isoFromParts, isValidIsoDate } from "../engine/dates";
import { type Parsed, parseDate, parseNumber, parseText } from "./cells";
import type { CellValue } from "./grid";

/** The reading additions of the register tables (WORKBOOK-FORMAT-REGISTERS §2). */

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A decimal that is not money (a rate, a price, years): read like money, kept exact. */
export function parseDecimal(value: CellValue): Parsed<Dec> {
  return parseNumber(value);
}

/** A whole number, 0 or more. */
export function parseCount(value: CellValue): Parsed<number> {
  const n = parseNumber(value);
  if (!n.ok) return n;
  if (!n.value.isInteger() || n.value.isNegative())
    return fail(`${n.value.toString()} is not a whole number of 0 or more.`);
  return ok(n.value.toNumber());
}

/** An ISO 4217 currency: three letters. */
export function parseCurrency(value: CellValue): Parsed<string> {
  const text = parseText(value);
  if (!text.ok) return text;
  const code = text.value.toUpperCase();
  return /^[A-Z]{3}$/.test(code)
    ? ok(code)
    : fail(
        `"${text.value}" is not a three-letter ISO 4217 currency code (e.g. EUR, USD).`,
      );
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * A date-time as "YYYY-MM-DDTHH:MM": an Excel date-time (a serial with a fraction of a day),
 * 2007-05-10T10:00, 2007-05-10 10:00 or 10/05/2007 10:00. A date alone means 00:00.
 */
export function parseDateTime(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    const d = parseDate(value);
    if (!d.ok) return d;
    const hh = String(value.getUTCHours()).padStart(2, "0");
    const mm = String(value.getUTCMinutes()).padStart(2, "0");
    return ok(`${d.value}T${hh}:${mm}`);
  }
  if (typeof value === "number") {
    const d = parseDate(value);
    if (!d.ok) return d;
    const minutes = Math.round((value - Math.floor(value)) * MINUTES_PER_DAY);
    const hh = String(Math.floor(minutes / 60) % 24).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return ok(`${d.value}T${hh}:${mm}`);
  }
  if (typeof value === "string") {
    const t = value.trim();
    const iso =
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(
        t,
      );
    const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(t);
    const parts = iso
      ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
      : fr
        ? [fr[3], fr[2], fr[1], fr[4], fr[5]]
        : undefined;
    if (parts) {
      const date = isoFromParts(
        Number(parts[0]),
        Number(parts[1]),
        Number(parts[2]),
      );
      const h = Number(parts[3] ?? 0);
      const m = Number(parts[4] ?? 0);
      if (isValidIsoDate(date) && h < 24 && m < 60)
        return ok(
          `${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`,
        );
    }
    return fail(
      `"${value}" is not a date and time: write 2007-05-10 10:00 or 10/05/2007 10:00.`,
    );
  }
  return fail("not a date and time.");
}
