import type { Report } from "../engine/result";

/**
 * The columns of a rule row, as the report sheet and the command line's --out file both write them.
 * Headroom is in the rule's unit (EUR, or units of the fund for the FIP holder caps), given beside it.
 */
export const RULE_HEADERS = [
  "Fund",
  "Fund name",
  "Type",
  "Rule",
  "Article",
  "Value",
  "Threshold",
  "Status",
  "Headroom",
  "Unit",
  "Message",
];

type Language = "en" | "fr";

/** The columns of the reconciliation sheet, in each language. */
export const RECONCILIATION_HEADERS: Record<Language, string[]> = {
  en: [
    "Fund",
    "Rule",
    "Article",
    "Line",
    "Reason code",
    "Line article",
    "Amount",
    "Count",
    "In numerator",
    "In denominator",
    "Unit",
  ],
  fr: [
    "Fonds",
    "Règle",
    "Article",
    "Ligne du rapprochement",
    "Code motif",
    "Article de la ligne",
    "Montant",
    "Nombre de lignes",
    "Au numérateur",
    "Au dénominateur",
    "Unité",
  ],
};

const WORDS: Record<
  Language,
  {
    total: string;
    numerator: string;
    denominator: string;
    yes: string;
    no: string;
    units: string;
  }
> = {
  en: {
    total: "Total holdings",
    numerator: "Numerator",
    denominator: "Denominator",
    yes: "Yes",
    no: "No",
    units: "units",
  },
  fr: {
    total: "Total du portefeuille",
    numerator: "Numérateur",
    denominator: "Dénominateur",
    yes: "Oui",
    no: "Non",
    units: "parts",
  },
};

export type ReconciliationCell = string | number | null;

/**
 * The reconciliation of every rule of every fund as worksheet rows (without the header row):
 * per rule, the total holdings, each line and adjustment, then the numerator and denominator
 * they lead to. Amounts are numbers for the sheet; the report keeps them as exact strings.
 * Rules without a reconciliation (a plain check) give no rows.
 */
export function reconciliationRows(
  report: Report,
  language: Language = "en",
): ReconciliationCell[][] {
  const w = WORDS[language];
  const rows: ReconciliationCell[][] = [];
  const flag = (b: boolean) => (b ? w.yes : w.no);
  for (const fund of report.funds) {
    for (const rule of fund.rules) {
      const rec = rule.reconciliation;
      if (!rec) continue;
      const head = [fund.fundId, rule.id, rule.article];
      const unit = rec.unit === "units" ? w.units : rec.unit;
      const total = (label: string, amount: string | null) => [
        ...head,
        label,
        null,
        null,
        amount === null ? null : Number(amount),
        null,
        null,
        null,
        unit,
      ];
      rows.push(total(w.total, rec.total));
      for (const l of [...rec.lines, ...rec.adjustments])
        rows.push([
          ...head,
          l.label[language],
          l.reason,
          l.article ?? null,
          Number(l.amount),
          l.count,
          flag(l.numerator),
          flag(l.denominator),
          unit,
        ]);
      rows.push(total(w.numerator, rec.numerator));
      rows.push(total(w.denominator, rec.denominator));
    }
  }
  return rows;
}
