import type { Status } from "../engine/result";
import type { Language } from "./operations";

const en = {
  title: "Fund Quota Monitor",
  check: "Check",
  checking: "Checking…",
  highlight: "Highlight breaches",
  clearHighlight: "Clear highlights",
  writeReport: "Write report",
  insertTemplate: "Insert template",
  settings: "Settings",
  asOf: "As of",
  asOfHint: "Blank: the last month-end",
  warningMargin: "Default warning margin",
  language: "Language",
  languageAuto: "Office's language",
  save: "Save",
  funds: "funds",
  breaches: "breaches",
  warnings: "warnings",
  incomplete: "incomplete",
  noTables:
    "No Funds or Holdings table was found. Insert the template to start.",
  window: "Quota binds from {from} to {until}",
  windowOpen: "Rules bind from {from}",
  value: "Value",
  threshold: "Threshold",
  headroom: "Headroom",
  counted: "Counted",
  excluded: "Excluded",
  positions: "Positions",
  noPositions: "No position is counted toward this rule or excluded from it.",
  diagnostics: "Reading problems",
  goToCell: "Go to cell",
  goToRow: "Select row {row}",
  reportWritten: "The “Quota report” sheet was written.",
  highlighted: "{count} range(s) of Holdings highlighted.",
  highlightsCleared: "Highlights removed.",
  templateDone: "Created: {created}. Left as they were: {skipped}.",
  liveUpdated: "Updated after your edit.",
  error: "Something went wrong: {message}",
  basis: "basis",
  partial: "computed from the readable positions only",
  close: "Close",
};

export type Strings = typeof en;

const fr: Strings = {
  title: "Fund Quota Monitor",
  check: "Contrôler",
  checking: "Contrôle…",
  highlight: "Signaler les dépassements",
  clearHighlight: "Retirer le signalement",
  writeReport: "Écrire le rapport",
  insertTemplate: "Insérer le modèle",
  settings: "Paramètres",
  asOf: "Date du contrôle",
  asOfHint: "Vide : dernière fin de mois",
  warningMargin: "Marge d'alerte par défaut",
  language: "Langue",
  languageAuto: "Langue d'Office",
  save: "Enregistrer",
  funds: "fonds",
  breaches: "dépassements",
  warnings: "alertes",
  incomplete: "incomplets",
  noTables:
    "Aucune table Funds ou Holdings n'a été trouvée. Insérez le modèle pour commencer.",
  window: "Le quota s'applique du {from} au {until}",
  windowOpen: "Les règles s'appliquent à partir du {from}",
  value: "Valeur",
  threshold: "Seuil",
  headroom: "Marge",
  counted: "Retenues",
  excluded: "Exclues",
  positions: "Lignes",
  noPositions: "Aucune ligne n'est retenue pour cette règle ni exclue.",
  diagnostics: "Problèmes de lecture",
  goToCell: "Aller à la cellule",
  goToRow: "Sélectionner la ligne {row}",
  reportWritten: "La feuille « Quota report » a été écrite.",
  highlighted: "{count} plage(s) de Holdings signalée(s).",
  highlightsCleared: "Signalement retiré.",
  templateDone: "Créées : {created}. Laissées telles quelles : {skipped}.",
  liveUpdated: "Mis à jour après votre modification.",
  error: "Une erreur est survenue : {message}",
  basis: "base",
  partial: "calculé sur les seules lignes lisibles",
  close: "Fermer",
};

export const STRINGS: Record<Language, Strings> = { en, fr };

export const STATUS_LABELS: Record<Language, Record<Status, string>> = {
  en: {
    pass: "pass",
    warning: "warning",
    breach: "breach",
    "not-binding": "not binding",
    incomplete: "incomplete",
    info: "info",
  },
  fr: {
    pass: "respecté",
    warning: "alerte",
    breach: "dépassement",
    "not-binding": "non applicable",
    incomplete: "incomplet",
    info: "info",
  },
};

export function format(
  template: string,
  values: Record<string, string | number>,
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    String(values[k] ?? ""),
  );
}

export function languageOf(
  displayLanguage: string,
  override?: Language,
): Language {
  return (
    override ?? (displayLanguage.toLowerCase().startsWith("fr") ? "fr" : "en")
  );
}

export function formatPercent(
  value: number | null,
  language: Language,
): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatEur(value: string | null, language: Language): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
  }).format(Number(value));
}
