import { Dec } from "../engine/decimal";
import { type IsoDate, isoFromParts, isValidIsoDate } from "../engine/dates";
import { type CellValue, isCellError } from "./grid";

export type Parsed<T> =
  | { ok: true; value: T }
  /** readings: the two values an ambiguous number can be read as (English, French). */
  | { ok: false; message: string; readings?: [string, string] };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const SPACE = "[ \\u00A0\\u202F\\u2009]";
const FR_GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+(?:[,.]\\d+)?$`);
const FR_PLAIN = /^\d+,\d+$/;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EN_PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * Reads a number written as text, in French (1 234 567,89) or English (1,234,567.89) form.
 * Text that both forms read differently ("1,234") is rejected, never guessed.
 */
export function parseNumberText(text: string): Parsed<Dec> {
  let t = text
    .trim()
    .replace(/\s*(?:€|eur)$/i, "")
    .replace(/^€\s*/, "")
    .trim();
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (/^[-\u2212]/.test(t)) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) t = t.slice(1).trim();

  const french = FR_GROUPED.test(t) || FR_PLAIN.test(t);
  const english = EN_GROUPED.test(t) || EN_PLAIN.test(t) || SCIENTIFIC.test(t);
  if (french && english) {
    const en = t.replace(/,/g, "");
    const fr = t.replace(",", ".");
    return {
      ok: false,
      message: `"${text}" can be read as ${en} (English) or ${fr} (French): write ${en} or ${fr} without the ambiguous comma.`,
      readings: [en, fr],
    };
  }
  let canonical: string;
  if (french)
    canonical = t.replace(new RegExp(SPACE, "g"), "").replace(",", ".");
  else if (english) canonical = t.replace(/,/g, "");
  else return fail(`"${text}" is not a number.`);
  const value = new Dec(canonical);
  return ok(negative ? value.negated() : value);
}

/** A numeric cell holds a binary double: read it as the 15 significant digits Excel itself shows. */
export function decimalFromCellNumber(n: number): Dec {
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER)
    return new Dec(n.toFixed(0));
  return new Dec(n.toPrecision(15));
}

export function parseNumber(value: CellValue): Parsed<Dec> {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? ok(decimalFromCellNumber(value))
      : fail(`${value} is not a finite number.`);
  }
  if (typeof value === "string") return parseNumberText(value);
  return fail(`${describe(value)} is not a number.`);
}

const PERCENT_HINT = "5 % is written 0.05 or 5 %";

/** A fraction (Excel stores 5 % as 0.05) or text with a % sign; a bare number above 1 is rejected. */
export function parsePercent(value: CellValue): Parsed<Dec> {
  let fraction: Dec;
  if (typeof value === "string" && /%\s*$/.test(value.trim())) {
    const n = parseNumberText(value.trim().replace(/%\s*$/, ""));
    if (!n.ok) return fail(`"${value}" is not a percentage (${PERCENT_HINT}).`);
    fraction = n.value.dividedBy(100);
  } else {
    const n = parseNumber(value);
    if (!n.ok)
      return fail(`${n.message} A percentage is expected (${PERCENT_HINT}).`);
    if (n.value.gt(1))
      return fail(
        `${n.value.toString()} is above 1 in a percent column: ${PERCENT_HINT}.`,
      );
    fraction = n.value;
  }
  if (fraction.lt(0))
    return fail(`${describe(value)} is a negative percentage.`);
  if (fraction.gt(1)) return fail(`${describe(value)} is above 100 %.`);
  return ok(fraction);
}

const MAX_SERIAL = 2958465; // 9999-12-31

/** Excel's 1900 date system, including its phantom 29 February 1900 (serial 60). */
export function dateFromSerial(serial: number): Parsed<IsoDate> {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= MAX_SERIAL))
    return fail(`${serial} is not a date.`);
  if (whole === 60)
    return fail(
      "29/02/1900 does not exist (a leftover of Excel's 1900 date system).",
    );
  const offset = whole < 60 ? whole : whole - 1;
  const t = new Date(Date.UTC(1899, 11, 31 + offset));
  return ok(
    isoFromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()),
  );
}

export function parseDate(value: CellValue): Parsed<IsoDate> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail("invalid date.");
    return ok(
      isoFromParts(
        value.getUTCFullYear(),
        value.getUTCMonth() + 1,
        value.getUTCDate(),
      ),
    );
  }
  if (typeof value === "number") return dateFromSerial(value);
  if (typeof value === "string") {
    const t = value.trim();
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t);
    if (iso) {
      const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
      return isValidIsoDate(date)
        ? ok(date)
        : fail(`"${value}" is not a calendar date.`);
    }
    const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (fr) {
      const date = isoFromParts(Number(fr[3]), Number(fr[2]), Number(fr[1]));
      return isValidIsoDate(date)
        ? ok(date)
        : fail(
            `"${value}" is not a calendar date (dates are read day/month/year).`,
          );
    }
    return fail(`"${value}" is not a date: write 2025-12-31 or 31/12/2025.`);
  }
  return fail(`${describe(value)} is not a date.`);
}

const TRUE_WORDS = new Set(["true", "vrai", "yes", "oui", "1", "x", "y", "o"]);
const FALSE_WORDS = new Set(["false", "faux", "no", "non", "0", "n"]);

export function parseBoolean(value: CellValue): Parsed<boolean> {
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number" && (value === 0 || value === 1))
    return ok(value === 1);
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    if (TRUE_WORDS.has(t)) return ok(true);
    if (FALSE_WORDS.has(t)) return ok(false);
  }
  return fail(
    `${describe(value)} is not a yes/no value: write TRUE/FALSE, VRAI/FAUX, oui/non, 1/0 or x.`,
  );
}

export function parseText(value: CellValue): Parsed<string> {
  if (typeof value === "string") return ok(value.trim());
  if (typeof value === "number")
    return Number.isFinite(value)
      ? ok(Number.isInteger(value) ? value.toFixed(0) : String(value))
      : fail(`${value} is not text.`);
  if (typeof value === "boolean") return ok(value ? "TRUE" : "FALSE");
  if (value instanceof Date) return parseDate(value);
  return fail(`${describe(value)} is not text.`);
}

/** Lower case, no accents, no spaces, underscores, hyphens or apostrophes: how headers and enum labels are matched. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_\-'’.°]/g, "");
}

export function parseEnum<T extends string>(
  value: CellValue,
  labels: ReadonlyMap<string, T>,
  allowed: readonly string[],
): Parsed<T> {
  const text = parseText(value);
  if (!text.ok) return fail(text.message);
  const found = labels.get(normalizeLabel(text.value));
  if (found !== undefined) return ok(found);
  return fail(`"${text.value}" is not one of ${allowed.join(", ")}.`);
}

export function parseList(value: CellValue): Parsed<string[]> {
  const text = parseText(value);
  if (!text.ok) return fail(text.message);
  return ok(
    text.value
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function parseCountry(value: CellValue): Parsed<string> {
  const text = parseText(value);
  if (!text.ok) return fail(text.message);
  const code = text.value.toUpperCase();
  return /^[A-Z]{2}$/.test(code)
    ? ok(code)
    : fail(
        `"${text.value}" is not an ISO 3166 two-letter country code (e.g. FR, DE).`,
      );
}

export function parseInteger(
  value: CellValue,
  min: number,
  max: number,
): Parsed<number> {
  const raw =
    typeof value === "string" ? value.trim().replace(/°$/, "") : value;
  const n = parseNumber(raw);
  if (!n.ok) return fail(n.message);
  if (!n.value.isInteger() || n.value.lt(min) || n.value.gt(max))
    return fail(
      `${describe(value)} is not a whole number from ${min} to ${max}.`,
    );
  return ok(n.value.toNumber());
}

function describe(value: CellValue): string {
  if (value === null || value === undefined) return "blank";
  if (isCellError(value)) return value.error;
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? "invalid date"
      : value.toISOString().slice(0, 10);
  return typeof value === "string" ? `"${value}"` : String(value);
}
