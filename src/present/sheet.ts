import { RULE_HEADERS } from "./report-columns";
import type { Lang } from "./format";
import { date } from "./format";

/**
 * The words of the report sheet the pane writes, in each language. The English headers are the
 * ones the command line's --out report also uses (src/present/report-columns.ts).
 */
export interface SheetWords {
  title: (asOf: string) => string;
  written: (at: string) => string;
  ruleHeaders: string[];
  positionHeaders: string[];
  positionsTitle: string;
  reconciliationTitle: string;
  chartTitle: string;
  chartHeaders: [string, string, string];
  counted: string;
  excluded: string;
  unreadable: string;
  notConcerned: string;
  partial: string;
  diagnosticsTitle: string;
  diagnosticHeaders: string[];
}

export const SHEET_WORDS: Record<Lang, SheetWords> = {
  en: {
    title: (asOf) => `Fund Quota Monitor — quota report as of ${asOf}`,
    written: (at) =>
      `Written ${at}. This sheet belongs to the add-in: "Write report" replaces it.`,
    ruleHeaders: RULE_HEADERS,
    positionHeaders: [
      "Fund",
      "Row",
      "Line",
      "Issuer",
      "Asset class",
      "Amount EUR",
      "Rule",
      "Outcome",
      "Article",
      "Detail",
    ],
    positionsTitle: "Positions",
    reconciliationTitle: "Reconciliation",
    chartTitle: "Quotas against their thresholds",
    chartHeaders: ["Fund · rule", "Value", "Threshold"],
    counted: "counted",
    excluded: "excluded",
    unreadable: "unreadable",
    notConcerned: "not concerned",
    partial: " (partial)",
    diagnosticsTitle: "Reading problems",
    diagnosticHeaders: [
      "Fund",
      "Table",
      "Row",
      "Column",
      "Value",
      "Cell",
      "Severity",
      "Detail",
    ],
  },
  fr: {
    title: (asOf) =>
      `Fund Quota Monitor — rapport de contrôle des quotas au ${date(asOf, "fr")}`,
    written: (at) =>
      `Généré le ${at}. Cette feuille appartient au complément\u00a0: « Générer le rapport » la remplace.`,
    ruleHeaders: [
      "Fonds",
      "Nom du fonds",
      "Catégorie",
      "Règle",
      "Article",
      "Ratio",
      "Seuil",
      "Statut",
      "Marge",
      "Unité",
      "Explication",
    ],
    positionHeaders: [
      "Fonds",
      "Ligne du tableau",
      "Ligne",
      "Émetteur",
      "Type d'actif",
      "Montant €",
      "Règle",
      "Traitement",
      "Article",
      "Détail",
    ],
    positionsTitle: "Lignes du portefeuille",
    reconciliationTitle: "Rapprochement",
    chartTitle: "Quotas au regard de leur seuil",
    chartHeaders: ["Fonds · règle", "Ratio", "Seuil"],
    counted: "retenue",
    excluded: "exclue",
    unreadable: "illisible",
    notConcerned: "non concernée",
    partial: " (partiel)",
    diagnosticsTitle: "Anomalies de lecture",
    diagnosticHeaders: [
      "Fonds",
      "Tableau",
      "Ligne",
      "Colonne",
      "Valeur",
      "Cellule",
      "Gravité",
      "Détail",
    ],
  },
};

/** When the report was written, as the user's clock in Paris shows it. */
export function writtenAt(now: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    timeZone: "Europe/Paris",
    dateStyle: "short",
    timeStyle: "short",
  }).format(now);
}

/** The unit of an amount as written in a sheet cell beside it. */
export function unitCell(unit: string | undefined, lang: Lang): string {
  if (unit === "units") return lang === "fr" ? "parts" : "units";
  return unit ?? "EUR";
}
