import type { Status, Unit } from "../engine/result";
import { statusLabel } from "../present/report";

export type Language = "en" | "fr";

/** French words follow /shared/GLOSSARY-FR.md; "\u00a0" is the non-breaking space French puts before ":" and ";". */
export function statusWord(status: Status, language: Language): string {
  return statusLabel(status, language);
}

export const REPORT_HEADERS: Record<Language, string[]> = {
  en: [
    "Rule",
    "Article",
    "Value",
    "Threshold",
    "Status",
    "Headroom",
    "Unit",
    "As of",
  ],
  fr: [
    "Règle",
    "Article",
    "Ratio",
    "Seuil",
    "Statut",
    "Marge",
    "Unité",
    "Date d'arrêté",
  ],
};

export const CHECK_HEADERS: Record<Language, string[]> = {
  en: [
    "Fund",
    "Name",
    "Type",
    "Status",
    "Breaches",
    "Warnings",
    "Incomplete",
    "As of",
  ],
  fr: [
    "Fonds",
    "Nom",
    "Catégorie",
    "Statut",
    "Dépassements",
    "À surveiller",
    "Incomplètes",
    "Date d'arrêté",
  ],
};

/** Every message a worksheet function can show, in both languages. */
export const MESSAGES = {
  en: {
    missing: (arg: string) => `${arg} is missing`,
    oneValue: (arg: string) => `${arg} must be one value, not a range`,
    errorValue: (arg: string, code: string) =>
      `${arg} holds the error ${code}: fix that cell first`,
    notText: (arg: string, value: string) =>
      `${arg} must be text or a number, not ${value}`,
    notDate: (value: string) =>
      `asOf is not a date: ${value} (write 2025-12-31, 31/12/2025 or a date cell; leave it blank for the last month-end)`,
    unknownRule: (id: string) => `unknown rule ${id}`,
    noFund: (id: string) => `no fund ${id}`,
    noFundBlank: "fundId is missing (the cell is blank or holds 0)",
    noFunds:
      "the Funds table has no fund (it needs fundId and fundType headers)",
    notForThisFund: (rule: string, fund: string) =>
      `${rule} for ${fund}: it does not apply to this fund as the workbook describes it`,
    notForType: (rule: string, fund: string, type: string | undefined) =>
      `${rule} for ${fund}: it does not apply to ${type ?? "a fund without fundType"}`,
    incomplete: (rule: string, detail?: string) =>
      `${rule} is incomplete: a value it needs cannot be read${detail ? ` (${detail})` : ""}`,
    noValue: (rule: string, what: "ratio" | "headroom") =>
      `${rule} has no ${what}`,
    noPosition: (line: string, fund: string) =>
      `no position ${line} in fund ${fund}`,
    noPositionBlank: "lineId is missing (the cell is blank or holds 0)",
    readFailed: (detail: string) =>
      `the workbook's tables could not be read: ${detail}`,
    excluded: (article: string | undefined, reason: string) =>
      `excluded${article ? ` (${article})` : ""}: ${reason}`,
    unreadable: (columns: string) => `unreadable: ${columns}`,
    notConcerned: (rule: string) => `not concerned by ${rule}`,
    partial: " (partial)",
  },
  fr: {
    missing: (arg: string) => `« ${arg} » est vide`,
    oneValue: (arg: string) =>
      `« ${arg} » doit être une seule valeur, pas une plage`,
    errorValue: (arg: string, code: string) =>
      `« ${arg} » contient l'erreur ${code}\u00a0: corrigez d'abord cette cellule`,
    notText: (arg: string, value: string) =>
      `« ${arg} » doit être un texte ou un nombre, pas ${value}`,
    notDate: (value: string) =>
      `« asOf » n'est pas une date\u00a0: ${value} (écrivez 31/12/2025 ou une cellule de date\u00a0; laissez vide pour la dernière fin de mois)`,
    unknownRule: (id: string) => `règle inconnue\u00a0: ${id}`,
    noFund: (id: string) => `aucun fonds ${id} dans le tableau Funds`,
    noFundBlank: "« fundId » est vide (la cellule est vide ou contient 0)",
    noFunds:
      "le tableau Funds ne contient aucun fonds (il faut les colonnes « Code fonds » et « Type de fonds », ou fundId et fundType)",
    notForThisFund: (rule: string, fund: string) =>
      `${rule} pour ${fund}\u00a0: la règle ne s'applique pas à ce fonds tel que le classeur le décrit`,
    notForType: (rule: string, fund: string, type: string | undefined) =>
      `${rule} pour ${fund}\u00a0: la règle ne s'applique pas ${type ? `à la catégorie de fonds ${type}` : "à un fonds sans catégorie (fundType)"}`,
    incomplete: (rule: string, detail?: string) =>
      `La règle ${rule} est incomplète\u00a0: une valeur nécessaire au calcul est absente ou illisible${detail ? ` (${detail})` : ""}`,
    noValue: (rule: string, what: "ratio" | "headroom") =>
      `la règle ${rule} n'a pas de ${what === "ratio" ? "ratio" : "marge"} calculable`,
    noPosition: (line: string, fund: string) =>
      `aucune ligne ${line} dans le fonds ${fund}`,
    noPositionBlank: "« lineId » est vide (la cellule est vide ou contient 0)",
    readFailed: (detail: string) =>
      `les tableaux du classeur n'ont pas pu être lus\u00a0: ${detail}`,
    excluded: (article: string | undefined, reason: string) =>
      `exclue${article ? ` (${article})` : ""}\u00a0: ${reason}`,
    unreadable: (columns: string) => `illisible\u00a0: ${columns}`,
    notConcerned: (rule: string) => `non concernée par la règle ${rule}`,
    partial: " (partiel)",
  },
} satisfies Record<Language, unknown>;

export type Messages = (typeof MESSAGES)["en"];

/** A date as the reader of the result writes it: 31/12/2025 in French, 2025-12-31 in English. */
export function showDate(iso: string, language: Language): string {
  if (language === "en") return iso;
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** French for a display language such as "fr-FR" or "fr-CA"; English otherwise. */
export function languageOf(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** The unit of a headroom, as an accountant writes it beside the amount. */
export function unitWord(unit: Unit, language: Language): string {
  if (unit === "units") return language === "fr" ? "parts" : "units";
  if (unit === "count") return language === "fr" ? "nombre" : "count";
  return unit === "EUR" ? "€" : unit;
}
