import { findRegisterRule } from "../law/registers";
import type {
  Decisive,
  OfferOutcome,
  RowCheck,
  SubscriptionOutcome,
  TradeOutcome,
} from "../engine/registers/types";
import type { RuleResult, Status } from "../engine/result";
import {
  NBSP,
  type Lang,
  amountIn,
  colon,
  count,
  date,
  euros,
  integer,
} from "./format";
import { statusLabel } from "./report";

/** The register texts in both languages: row statuses, reasons, rule values and thresholds. */

export type RegisterOutcome = SubscriptionOutcome | TradeOutcome | OfferOutcome;

/** "(historical text)", « (texte historique) »: the mark of a rule of a historical wording. */
export function legacyMark(lang: Lang): string {
  return lang === "fr" ? "(texte historique)" : "(historical text)";
}

/** A register row's status: the glossary's « Conforme » for a row that passes. */
export function rowStatusLabel(status: Status, lang: Lang): string {
  if (lang === "fr" && status === "pass") return "Conforme";
  return statusLabel(status, lang);
}

/** The rule's title in the language asked (its ID when the law does not know it). */
export const registerRuleTitle = (id: string, lang: Lang): string =>
  findRegisterRule(id)?.title[lang] ?? id;

export const isRegisterRule = (r: Pick<RuleResult, "id">): boolean =>
  findRegisterRule(r.id) !== undefined;

function op(operator: RowCheck["operator"], lang: Lang): string {
  if (lang === "en")
    return { ">=": "≥", ">": ">", "<=": "≤", "<": "<" }[operator ?? ">="];
  return {
    ">=": "au moins",
    ">": "plus de",
    "<=": "au plus",
    "<": "inférieur à",
  }[operator ?? ">="];
}

function numberIn(
  value: number,
  unit: RowCheck["unit"],
  lang: Lang,
  exact?: string,
): string {
  switch (unit) {
    case "EUR":
      return euros(exact ?? value.toFixed(2), lang);
    case "fraction":
      return lang === "fr"
        ? new Intl.NumberFormat("fr-FR", {
            style: "percent",
            maximumFractionDigits: 4,
          }).format(value)
        : `${(value * 100).toFixed(4).replace(/\.?0+$/, "")} %`;
    case "years":
      return lang === "fr"
        ? count(value, lang, "an", "ans")
        : count(value, lang, "year", "years");
    default:
      return integer(value, lang);
  }
}

/** A compared number of a check: "29,999.99 EUR, threshold ≥ 30000.00 EUR"; « 29 999,99 €, seuil : au moins 30 000,00 € ». */
export function checkMeasure(
  c: Pick<RowCheck, "value" | "threshold" | "operator" | "unit" | "exact">,
  lang: Lang,
): string {
  if (c.threshold === undefined) return "";
  const value =
    c.value === null || c.value === undefined
      ? "—"
      : numberIn(c.value, c.unit, lang, c.exact);
  const threshold = numberIn(c.threshold, c.unit, lang);
  return lang === "fr"
    ? `${value}, seuil${colon(lang)}${op(c.operator, lang)} ${threshold}`
    : `${value}, threshold ${op(c.operator, lang)} ${threshold}`;
}

function decisiveCheck(o: RegisterOutcome, d: Decisive): RowCheck | undefined {
  return (
    o.checks.find((c) => c.rule === d.rule && c.met === d.met) ??
    o.checks.find((c) => c.rule === d.rule)
  );
}

/** Why a row is out of scope, in French, by the code of its scope (rowReasonEnglish says it in English). */
const OUT_OF_SCOPE_FR: Record<NonNullable<RegisterOutcome["scope"]>, string> = {
  "after-as-of": `Non contrôlé${NBSP}: opération postérieure à la date d'arrêté.`,
  "regulated-market": `Exécuté sur un marché réglementé${NBSP}: l'article 516-2 ne s'applique pas.`,
  "not-opted-in": `Non contrôlé${NBSP}: texte historique que ce fonds n'a pas retenu (colonnes « FCPR allégé » et « Règles historiques » du tableau Funds).`,
};

/** Why the row came out as it did: the decisive check and its article, with its measure. */
export function rowReason(o: RegisterOutcome, lang: Lang): string {
  const d = o.decisive;
  const c = d ? decisiveCheck(o, d) : undefined;
  const measure = c ? checkMeasure(c, lang) : "";
  if (lang === "en") return measure ? `${o.reason} (${measure})` : o.reason;
  if (o.status === "info") return OUT_OF_SCOPE_FR[o.scope ?? "not-opted-in"];
  if (!d) return "";
  const title =
    d.rule === "offerCase"
      ? "cas de dispense inconnu"
      : `${registerRuleTitle(d.rule, lang)} (${d.article})`;
  const tail = measure ? `${NBSP}: ${measure}` : "";
  switch (o.status) {
    case "pass":
      return `Admis au titre de ${title}${tail}.`;
    case "breach":
      return `Non admis${NBSP}: condition non remplie, ${title}${tail}.`;
    default:
      return d.met === null
        ? `Incomplet${NBSP}: ${title} ne peut pas être établi à partir du registre${tail}.`
        : `Incomplet${NBSP}: la date de la ligne est illisible, son contrôle ne peut pas être établi (${title}).`;
  }
}

/** The value of a register rule: a count of rows, or an amount for OFF-12M. */
export function registerValueText(r: RuleResult, lang: Lang): string {
  if (r.value === null) return "—";
  if (r.unit === "EUR")
    return amountIn(r.numerator ?? String(r.value), "EUR", lang);
  const n = integer(r.value, lang);
  return r.denominator !== null
    ? `${n}/${integer(Number(r.denominator), lang)}`
    : n;
}

export function registerThresholdText(r: RuleResult, lang: Lang): string {
  if (r.threshold === null) return "—";
  if (r.unit === "EUR")
    return `${op(r.operator, lang)} ${amountIn(r.threshold.toFixed(2), "EUR", lang)}`;
  return lang === "fr" ? "aucune ligne" : "none failing";
}

/** The sentence under a register rule, in the language asked. */
export function registerRuleText(
  r: RuleResult,
  lang: Lang,
): string | undefined {
  if (lang === "en") return r.message;
  if (r.id === "OFF-12M") {
    const worst = (r.groups ?? []).reduce<
      (typeof r.groups & object)[number] | undefined
    >(
      (m, g) => (m === undefined || (g.value ?? 0) > (m.value ?? 0) ? g : m),
      undefined,
    );
    if (!worst || r.status === "incomplete")
      return `Montant sur douze mois incomplet${NBSP}: le montant, la date ou le cas d'une offre est illisible.`;
    return `Montant maximal sur douze mois${NBSP}: ${euros(worst.numerator, lang)} (du ${date(worst.from!, lang)} au ${date(worst.until!, lang)}${NBSP}: offres ${(worst.offers ?? []).join(", ")})${r.status === "breach" ? `, qui n'est pas inférieur à ${euros(String(r.threshold), lang)}` : ""}.`;
  }
  const n = r.value ?? 0;
  const of = Number(r.denominator ?? 0);
  if (r.id === "FCPRA-DEPO")
    return n
      ? `${count(n, lang, "souscription à signaler", "souscriptions à signaler")} à l'AMF par le dépositaire (IV).`
      : `Aucun manquement à signaler à l'AMF.`;
  if (r.id === "OTC-PACKAGE")
    return `${count(n, lang, "opération admise", "opérations admises")} comme élément d'une convention.`;
  if (r.status === "incomplete")
    return `Contrôle incomplet sur au moins une ligne (${count(of, lang, "ligne contrôlée", "lignes contrôlées")}).`;
  return n
    ? `${count(n, lang, "ligne non conforme", "lignes non conformes")} sur ${count(of, lang, "ligne contrôlée", "lignes contrôlées")}.`
    : `${count(of, lang, "ligne contrôlée", "lignes contrôlées")}, toutes conformes.`;
}

const SEVERITY_OF_ROW: Record<Status, number> = {
  breach: 0,
  incomplete: 1,
  triggered: 2,
  warning: 3,
  pass: 4,
  "not-binding": 5,
  info: 6,
};

/** Failing rows first, then incomplete ones, then the rest, in register order. */
export function failingFirst<T extends { status: Status; row: number }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) =>
      SEVERITY_OF_ROW[a.status] - SEVERITY_OF_ROW[b.status] || a.row - b.row,
  );
}

/** The row's key: subscription, trade or offer. */
export function rowKey(o: RegisterOutcome): string {
  return "subscriptionId" in o
    ? o.subscriptionId
    : "tradeId" in o
      ? o.tradeId
      : o.offerId;
}
