import type { Basis, Diagnostic } from "../engine/model";
import type {
  ConditionPosition,
  Contribution,
  Exclusion,
  RuleResult,
  Status,
} from "../engine/result";
import type { Reason } from "../engine/reasons";
import { isAmountValued } from "../engine/rules/livre2/definitions";
import {
  NBSP,
  type Lang,
  amountIn,
  colon,
  count,
  date,
  percent,
  percentShort,
  quote,
} from "./format";
import { explain, renderReason } from "./reasons";

/** The status words: the engine's ids in English, the glossary's words in French. */
export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  en: {
    pass: "pass",
    warning: "warning",
    breach: "breach",
    "not-binding": "not-binding",
    incomplete: "incomplete",
    info: "info",
    triggered: "triggered",
  },
  fr: {
    pass: "Respecté",
    warning: "À surveiller",
    breach: "Dépassement",
    "not-binding": "Non applicable à cette date",
    incomplete: "Incomplet",
    info: "Information",
    triggered: "Déclenché",
  },
};

export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

export function basisLabel(basis: Basis, lang: Lang): string {
  if (lang === "en") return `basis ${basis}`;
  return basis === "COST" ? "Base coût historique" : "Base valeur de marché";
}

/** A ratio as a percentage with two decimals, "—" when there is none. */
export function ratioText(value: number | null, lang: Lang): string {
  return value === null ? "—" : percent(value, lang);
}

/** A rule's value: a percentage, or an amount or a count in its unit (FIA-CAP300K, the twenty-investor rules). */
export function ruleValueText(
  r: Pick<RuleResult, "id" | "value" | "unit">,
  lang: Lang,
): string {
  if (r.value === null || !isAmountValued(r)) return ratioText(r.value, lang);
  return amountIn(String(r.value), r.unit, lang);
}

/**
 * The threshold with its operator as the report gives it: "≥ 50 %" in English; in French the
 * law's words, « au moins 50 % », « au plus 15 % », « inférieur à 5 % », « dans la limite de 20 % »,
 * and « aucune ligne » for a closed list (at most 0 %).
 */
export function thresholdText(
  r: Pick<RuleResult, "threshold" | "operator" | "direction">,
  lang: Lang,
): string {
  if (r.threshold === null) return "—";
  const value =
    "id" in r && isAmountValued(r as { id: string })
      ? amountIn(String(r.threshold), (r as { unit?: string }).unit, lang)
      : percentShort(r.threshold, lang);
  const op = r.operator;
  if (lang === "en") {
    const symbol = op
      ? { ">=": "≥", ">": ">", "<=": "≤", "<": "<" }[op]
      : r.direction === "min"
        ? "≥"
        : "≤";
    return `${symbol} ${value}`;
  }
  // A closed list or a gate (« exclusivement », « uniquement »): nothing may be outside it, as
  // a register rule says it.
  if (r.threshold === 0 && (op === "<=" || (!op && r.direction === "max")))
    return "aucune ligne";
  switch (op) {
    case ">=":
      return `au moins ${value}`;
    case ">":
      return `plus de ${value}`;
    case "<":
      return `inférieur à ${value}`;
    case "<=":
      return r.direction === "cap"
        ? `dans la limite de ${value}`
        : `au plus ${value}`;
    case undefined:
      return r.direction === "min" ? `au moins ${value}` : `au plus ${value}`;
  }
}

/**
 * The headroom in its unit: in English the signed amount; in French a positive margin as
 * « Marge », a negative one as the positive « montant à régulariser », except for a rule that
 * is never a breach (a counting cap or a classification, `info`; an event, `triggered`): there
 * is nothing to cure, so the negative margin stays signed.
 */
export function headroomText(
  headroom: string | null,
  unit: string | undefined,
  lang: Lang,
  status?: RuleResult["status"],
): string {
  if (headroom === null) return "—";
  if (lang === "en") return `${headroom} ${unit ?? "EUR"}`;
  if (headroom.startsWith("-") && !nothingToCure(status))
    return `à régulariser ${amountIn(headroom.slice(1), unit, lang)}`;
  return amountIn(headroom, unit, lang);
}

/** The rule's explanation: its sentences from codes, or the engine's English message when uncoded. */
/** A rule that is never a breach: its negative margin is no amount to cure. */
export function nothingToCure(
  status: RuleResult["status"] | undefined,
): boolean {
  return status === "info" || status === "triggered";
}

/** A condition that cannot be breached now (a counting gate, or outside the binding period) has nothing to cure either. */
export function conditionNothingToCure(
  status: RuleResult["status"] | undefined,
): boolean {
  return nothingToCure(status) || status === "not-binding";
}

export function ruleExplanation(
  r: Pick<RuleResult, "message" | "reasons">,
  lang: Lang,
): string | undefined {
  if (lang === "en" && r.message) return r.message;
  if (r.reasons?.length)
    return r.reasons.map((x) => renderReason(x, lang)).join(" ");
  return r.message;
}

export function exclusionText(e: Exclusion, lang: Lang): string {
  return explain(e, e.reason, lang);
}

export function contributionNote(
  c: Contribution,
  lang: Lang,
): string | undefined {
  if (lang === "en" && c.note) return c.note;
  if (c.explain) return renderReason(c.explain, lang);
  return c.note;
}

export function conditionPositionText(
  p: ConditionPosition,
  lang: Lang,
): string {
  return explain(p, p.reason, lang);
}

const SEVERITY: Record<Lang, Record<Diagnostic["severity"], string>> = {
  en: { error: "error", warning: "warning", info: "info" },
  fr: {
    error: "Anomalie de lecture",
    warning: "Avertissement",
    info: "Information",
  },
};

/** The column a diagnostic names, as the user wrote its header (the canonical name when the header is that). */
export function diagnosticColumn(d: Diagnostic): string | undefined {
  return d.header ?? d.column;
}

/** Where a diagnostic points: table, row and the user's own header. */
export function diagnosticWhere(d: Diagnostic, lang: Lang): string {
  const header = diagnosticColumn(d);
  return (
    lang === "fr"
      ? [
          d.table,
          d.row ? `ligne ${d.row}` : undefined,
          header ? `colonne ${quote(header, lang)}` : undefined,
        ]
      : [
          d.table,
          d.row ? `row ${d.row}` : undefined,
          header ? `column ${quote(header, lang)}` : undefined,
        ]
  )
    .filter(Boolean)
    .join(", ");
}

/** Why: the diagnostic's sentence in the language asked, naming the user's own header. */
export function diagnosticExplanation(d: Diagnostic, lang: Lang): string {
  // The user's own header text, which the reader knows and the engine's facts may not carry.
  const item: { code?: string; facts?: unknown } =
    d.code === "value-needed" && d.header
      ? { code: d.code, facts: { ...d.facts, header: d.header } }
      : d;
  return explain(item, d.message, lang);
}

export function severityLabel(
  severity: Diagnostic["severity"],
  lang: Lang,
): string {
  return SEVERITY[lang][severity];
}

/** A diagnostic on one line: severity, where (table, row, the user's own header), value, why. */
export function diagnosticText(d: Diagnostic, lang: Lang): string {
  const value = d.value !== undefined && d.value !== "" ? ` [${d.value}]` : "";
  return `${SEVERITY[lang][d.severity]}${colon(lang)}${diagnosticWhere(d, lang)}${value}${colon(lang)}${diagnosticExplanation(d, lang)}`;
}

/** The counts of the report, with their plurals: « 12 fonds, 55 règles : 9 dépassements… ». */
export function summaryCounts(
  s: {
    funds: number;
    rules: number;
    breaches: number;
    warnings: number;
    incomplete: number;
    diagnostics: number;
    triggered?: number;
  },
  lang: Lang,
): {
  head: string;
  breaches: string;
  warnings: string;
  incomplete: string;
  diagnostics: string;
  /** Event rules whose trigger is reached (SCPI-SELL10, SCPI-PRICE10); absent when none is. */
  triggered?: string;
} {
  const triggered = s.triggered
    ? lang === "en"
      ? count(s.triggered, lang, "event triggered", "events triggered")
      : count(s.triggered, lang, "événement déclenché", "événements déclenchés")
    : undefined;
  if (lang === "en")
    return {
      head: `${s.funds} fund(s), ${s.rules} rule(s)`,
      breaches: `${s.breaches} breach(es)`,
      warnings: `${s.warnings} warning(s)`,
      incomplete: `${s.incomplete} incomplete`,
      diagnostics: `${s.diagnostics} diagnostic(s)`,
      ...(triggered ? { triggered } : {}),
    };
  return {
    ...(triggered ? { triggered } : {}),
    head: `${count(s.funds, lang, "fonds", "fonds")}, ${count(s.rules, lang, "règle", "règles")}`,
    breaches: count(s.breaches, lang, "dépassement", "dépassements"),
    warnings: `${count(s.warnings, lang, "règle", "règles")} à surveiller`,
    incomplete: count(
      s.incomplete,
      lang,
      "règle incomplète",
      "règles incomplètes",
    ),
    diagnostics: count(
      s.diagnostics,
      lang,
      "anomalie de lecture",
      "anomalies de lecture",
    ),
  };
}

export { NBSP, date as dateText, renderReason };
export type { Lang, Reason };
