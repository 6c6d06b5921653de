/** Numbers, amounts, dates and plurals in each language, through Intl only. */
export type Lang = "en" | "fr";

export const LOCALES: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

/** French typography: a no-break space before « : ; ? ! » and inside « ». */
export const NBSP = "\u00a0";

/** By language, then by the formats' own key: no key string is built per number formatted. */
const cache: Partial<Record<Lang, Map<string, Intl.NumberFormat>>> = {};
function numberFormat(
  lang: Lang,
  key: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const formats = (cache[lang] ??= new Map());
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    formats.set(key, f);
  }
  return f;
}

/**
 * An exact decimal string (never through binary floating point: Intl formats the string as
 * written), with two decimals: "1 234 567,89" in French, "1,234,567.89" in English.
 */
export function decimal(value: string, lang: Lang): string {
  // English keeps the plain exact decimal the JSON report carries (scripts and the README read it).
  if (lang === "en") return value;
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3").
  return numberFormat(lang, "dec2", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value as unknown as number);
}

/** An amount in euros: "1 234 567,89 €", "€1,234,567.89". */
export function euros(value: string, lang: Lang): string {
  if (lang === "en") return `${value} EUR`;
  return numberFormat(lang, "eur", {
    style: "currency",
    currency: "EUR",
  }).format(value as unknown as number);
}

/** An amount in its unit: euros, units of the fund, or a count. */
export function amountIn(
  value: string,
  unit: string | undefined,
  lang: Lang,
): string {
  if (unit === undefined || unit === "EUR") return euros(value, lang);
  if (unit === "units")
    return `${decimal(value, lang)} ${lang === "fr" ? "parts" : "units"}`;
  if (unit === "%") return percent(value, lang);
  return integer(Number(value), lang);
}

/** A fraction (number or exact decimal string) as a percentage with two decimals: "47,30 %". */
export function percent(fraction: number | string, lang: Lang): string {
  if (lang === "en") return `${(Number(fraction) * 100).toFixed(2)} %`;
  return numberFormat(lang, "pct2", {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fraction as number);
}

/** A threshold as the law writes it, without trailing zeros: "50 %", "4,5 %". */
export function percentShort(fraction: number | string, lang: Lang): string {
  if (lang === "en")
    return `${numberFormat(lang, "plain4", { maximumFractionDigits: 4, useGrouping: false }).format(Number(fraction) * 100)} %`;
  return numberFormat(lang, "pct", {
    style: "percent",
    maximumFractionDigits: 4,
  }).format(fraction as number);
}

export function integer(n: number, lang: Lang): string {
  return numberFormat(lang, "int", { maximumFractionDigits: 0 }).format(n);
}

const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
/** 31/12/2025 in French; in English the ISO date the command takes (--as-of). */
export function date(iso: string, lang: Lang): string {
  if (lang === "en") return iso;
  dateFormats.fr ??= new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC" });
  return dateFormats.fr.format(new Date(`${iso}T00:00:00Z`));
}

/** "1 rule", "2 rules"; "1 règle", "0 règle" (French takes the singular below two). */
export function count(
  n: number,
  lang: Lang,
  one: string,
  other: string,
): string {
  const form = new Intl.PluralRules(LOCALES[lang]).select(n);
  return `${integer(n, lang)} ${form === "one" ? one : other}`;
}

/** Quoted text: « text » in French, "text" in English. */
export function quote(text: string, lang: Lang): string {
  return lang === "fr" ? `«${NBSP}${text}${NBSP}»` : `"${text}"`;
}

/** "label: value" with the French no-break space before the colon. */
export function colon(lang: Lang): string {
  return lang === "fr" ? `${NBSP}: ` : ": ";
}
