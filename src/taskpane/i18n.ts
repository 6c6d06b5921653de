import { isAmountValued } from "../engine/rules/livre2/definitions";
import type { Operator, Status, Unit } from "../engine/result";
import type { Language } from "./operations";

/** Forms of a counted phrase, chosen by Intl.PluralRules; `{n}` is the formatted count. */
export interface PluralForms {
  /** Used for 0 when given: "Aucune règle incomplète" reads better than "0 règle incomplète". */
  zero?: string;
  one: string;
  other: string;
}

const en = {
  title: "Fund Quota Monitor",
  check: "Check",
  checking: "Checking…",
  highlight: "Highlight breaches",
  clearHighlight: "Remove highlights",
  writeReport: "Write the report",
  insertTemplate: "Insert an empty template",
  openSample: "Open the sample",
  moreActions: "Report and sheet",
  settings: "Settings",
  asOf: "As-of date",
  asOfUsed: "As of {date}",
  asOfDefault: "last month-end",
  asOfChosen: "date chosen",
  asOfHint: "Blank: the last month-end before today",
  asOfShortcuts: "Check as of",
  lastMonthEnd: "Last month-end",
  yearEnd: "Year-end {date}",
  halfYearEnd: "Half-year end {date}",
  yearEndOf: "financial year-end of {funds}",
  halfYearEndOf: "half-year end of {funds}",
  warningMargin: "Default warning margin",
  language: "Language",
  languageAuto: "Office's language",
  save: "Save",
  settingsSaved: "Settings saved.",
  summaryTitle: "Funds, worst first",
  summaryHint: "Select a fund to see its rules and positions.",
  breachFunds: {
    one: "{n} fund in breach",
    other: "{n} funds in breach",
  } as PluralForms,
  outOf: { one: "out of {n}", other: "out of {n}" } as PluralForms,
  breachIssuers: {
    one: "{n} issuer in breach",
    other: "{n} issuers in breach",
  } as PluralForms,
  rules: { one: "{n} rule", other: "{n} rules" } as PluralForms,
  noBreach: {
    one: "No breach in {n} fund",
    other: "No breach in {n} funds",
  } as PluralForms,
  incompleteFunds: {
    zero: "no incomplete fund",
    one: "{n} incomplete fund",
    other: "{n} incomplete funds",
  } as PluralForms,
  warningFunds: {
    zero: "no fund to watch",
    one: "{n} fund to watch",
    other: "{n} funds to watch",
  } as PluralForms,
  readingProblems: {
    one: "{n} reading problem",
    other: "{n} reading problems",
  } as PluralForms,
  worstRule: "Worst rule",
  ratioAgainst: "{value} against {threshold}",
  toCure: "To cure: {amount}",
  margin: "Headroom: {amount}",
  conditionFailed: "A condition is not met: see the rule.",
  notComputed: "ratio not computable",
  notBindingUntil: "Binds from {date}",
  noRules: "No rule applies to this fund type.",
  legend: "Legend",
  legendStatuses: "Statuses",
  legendHighlight:
    "Highlighted rows in the Holdings sheet: the positions behind a breach.",
  statusMeaning: {
    breach: "the ratio is on the wrong side of its threshold",
    incomplete: "a value needed by a rule could not be read",
    warning: "within the warning margin of its threshold",
    pass: "the ratio meets its threshold",
    "not-binding": "the law does not bind it yet at this date",
    info: "reported for information, no threshold to meet",
    triggered:
      "an event's trigger is reached: an obligation arises (notify the AMF, call a meeting)",
  } as Record<Status, string>,
  details: "Rules and positions by fund",
  firstRunTitle: "Start with your funds",
  firstRunText:
    "This workbook has no Funds or Holdings table yet. Insert an empty template on new sheets (nothing existing is changed), or open the sample workbook to see the checks at work.",
  emptyTables:
    "The Funds and Holdings tables are in place. Enter your funds and their positions, then select Check.",
  noTables: "No Funds or Holdings table was found.",
  window: "The quota binds from {from} to {until}",
  windowOpen: "The rules bind from {from}",
  value: "Ratio",
  threshold: "Threshold",
  headroom: "Headroom",
  counted: "Counted positions",
  excluded: "Excluded positions",
  positions: "Positions",
  noPositions: "No position is counted toward this rule or excluded from it.",
  diagnostics: "Reading problems",
  reconciliation:
    "Reconciliation: from the fund's total holdings to numerator and denominator",
  holdingsTotal: "Total holdings of the fund",
  numerator: "Numerator",
  denominator: "Denominator",
  inNumerator: "numerator",
  inDenominator: "denominator",
  lines: { one: "{n} position", other: "{n} positions" } as PluralForms,
  atIssue: {
    one: "{n} position at issue",
    other: "{n} positions at issue",
  } as PluralForms,
  conditions: "Conditions",
  severity: {
    error: "Error",
    warning: "Warning",
    info: "Information",
  } as Record<"error" | "warning" | "info", string>,
  rowNumber: "row {row}",
  goToCell: "Go to cell",
  goToRow: "Select row {row}",
  reportWritten: "The “Quota report” sheet was written.",
  freezeMonthEnd: "Freeze month-end",
  monthEndFrozen:
    "Month-end {date} frozen: {n} ratios added to the QuotaHistory table, with a chart per fund.",
  highlighted: {
    zero: "No row of Holdings is behind a breach.",
    one: "{n} row of Holdings highlighted.",
    other: "{n} rows of Holdings highlighted.",
  } as PluralForms,
  highlightsCleared: "Highlights removed.",
  templateDone: "Created: {created}. Left as they were: {skipped}.",
  sampleOpened: "The sample opens in a new workbook.",
  liveUpdated: "updated",
  error: "Something went wrong: {message}",
  basis: { COST: "cost basis", FAIR: "fair value basis" } as Record<
    string,
    string
  >,
  partial: "computed from the readable positions only",
  close: "Close",
  back: "Back to the summary",
  columnHeader: "column “{header}”",
};

export type Strings = typeof en;

const fr: Strings = {
  title: "Fund Quota Monitor",
  check: "Contrôler",
  checking: "Contrôle en cours…",
  highlight: "Surligner les dépassements",
  clearHighlight: "Retirer le surlignage",
  writeReport: "Générer le rapport",
  insertTemplate: "Insérer un modèle vierge",
  openSample: "Ouvrir l'exemple",
  moreActions: "Autres actions",
  settings: "Paramètres",
  asOf: "Date d'arrêté",
  asOfUsed: "Arrêté au {date}",
  asOfDefault: "dernière fin de mois",
  asOfChosen: "date choisie",
  asOfHint: "Vide : la dernière fin de mois avant aujourd'hui",
  asOfShortcuts: "Contrôler au",
  lastMonthEnd: "Dernière fin de mois",
  yearEnd: "Clôture {date}",
  halfYearEnd: "Semestre {date}",
  yearEndOf: "clôture de l'exercice de {funds}",
  halfYearEndOf: "fin du semestre de {funds}",
  warningMargin: "Marge d'alerte par défaut",
  language: "Langue",
  languageAuto: "Langue d'Office",
  save: "Enregistrer",
  settingsSaved: "Paramètres enregistrés.",
  summaryTitle: "Fonds, par ordre de gravité",
  summaryHint: "Sélectionnez un fonds pour voir ses règles et ses lignes.",
  breachFunds: {
    one: "{n} fonds en dépassement",
    other: "{n} fonds en dépassement",
  },
  outOf: { one: "sur {n}", other: "sur {n}" },
  breachIssuers: {
    one: "{n} émetteur en dépassement",
    other: "{n} émetteurs en dépassement",
  },
  rules: { one: "{n} règle", other: "{n} règles" },
  noBreach: {
    one: "Aucun dépassement sur {n} fonds",
    other: "Aucun dépassement sur {n} fonds",
  },
  incompleteFunds: {
    zero: "aucun fonds incomplet",
    one: "{n} fonds incomplet",
    other: "{n} fonds incomplets",
  },
  warningFunds: {
    zero: "aucun fonds à surveiller",
    one: "{n} fonds à surveiller",
    other: "{n} fonds à surveiller",
  },
  readingProblems: {
    one: "{n} anomalie de lecture",
    other: "{n} anomalies de lecture",
  },
  worstRule: "Règle la plus défavorable",
  ratioAgainst: "{value} (seuil : {threshold})",
  toCure: "Montant à régulariser : {amount}",
  margin: "Marge : {amount}",
  conditionFailed: "Condition non remplie : voir la règle.",
  notComputed: "ratio non calculable",
  notBindingUntil: "S'applique à partir du {date}",
  noRules: "Aucune règle ne s'applique à cette catégorie de fonds.",
  legend: "Légende",
  legendStatuses: "Statuts",
  legendHighlight:
    "Lignes surlignées dans la feuille Holdings : les positions à l'origine d'un dépassement.",
  statusMeaning: {
    breach: "le ratio est du mauvais côté de son seuil",
    incomplete: "une donnée nécessaire à une règle est illisible",
    warning: "dans la marge d'alerte de son seuil",
    pass: "le ratio respecte son seuil",
    "not-binding": "la loi ne l'impose pas encore à cette date",
    info: "donnée pour information, sans seuil à respecter",
    triggered:
      "le seuil de l'événement est atteint : une obligation naît (information de l'AMF, assemblée)",
  },
  details: "Règles et lignes par fonds",
  firstRunTitle: "Commencer avec vos fonds",
  firstRunText:
    "Ce classeur ne contient pas encore de tableau Funds ni Holdings. Insérez un modèle vierge sur de nouvelles feuilles (rien d'existant n'est modifié), ou ouvrez le classeur d'exemple pour voir les contrôles à l'œuvre.",
  emptyTables:
    "Les tableaux Funds et Holdings sont en place. Saisissez vos fonds et leurs lignes, puis cliquez sur Contrôler.",
  noTables: "Aucun tableau Funds ni Holdings n'a été trouvé.",
  window: "Le quota s'applique du {from} au {until}",
  windowOpen: "Les règles s'appliquent à partir du {from}",
  value: "Ratio",
  threshold: "Seuil",
  headroom: "Marge",
  counted: "Lignes retenues",
  excluded: "Lignes exclues",
  positions: "Lignes",
  noPositions: "Aucune ligne n'est retenue dans cette règle ni exclue.",
  diagnostics: "Anomalies de lecture",
  reconciliation:
    "Rapprochement : du total du portefeuille au numérateur et au dénominateur",
  holdingsTotal: "Total du portefeuille du fonds",
  numerator: "Numérateur",
  denominator: "Dénominateur",
  inNumerator: "numérateur",
  inDenominator: "dénominateur",
  lines: { one: "{n} ligne", other: "{n} lignes" },
  atIssue: { one: "{n} ligne en cause", other: "{n} lignes en cause" },
  conditions: "Conditions",
  severity: { error: "Erreur", warning: "Avertissement", info: "Information" },
  rowNumber: "ligne {row}",
  goToCell: "Aller à la cellule",
  goToRow: "Sélectionner la ligne {row}",
  reportWritten:
    "La feuille « Quota report » (rapport de contrôle) a été générée.",
  freezeMonthEnd: "Figer la fin de mois",
  monthEndFrozen:
    "Fin de mois du {date} figée : {n} ratios ajoutés à l'historique des ratios (tableau QuotaHistory), avec un graphique par fonds.",
  highlighted: {
    zero: "Aucune ligne de Holdings n'est à l'origine d'un dépassement.",
    one: "{n} ligne de Holdings surlignée.",
    other: "{n} lignes de Holdings surlignées.",
  },
  highlightsCleared: "Surlignage retiré.",
  templateDone:
    "Tableaux créés : {created}. Tableaux existants, laissés en l'état : {skipped}.",
  sampleOpened: "L'exemple s'ouvre dans un nouveau classeur.",
  liveUpdated: "actualisé",
  error: "Une erreur est survenue : {message}",
  basis: { COST: "base coût historique", FAIR: "base valeur de marché" },
  partial: "calculé sur les seules lignes lisibles",
  close: "Fermer",
  back: "Retour à la synthèse",
  columnHeader: "colonne « {header} »",
};

/** French typography: a non-breaking space before the high punctuation and inside the guillemets. */
function frenchSpacing<T>(value: T): T {
  if (typeof value === "string")
    return value
      .replace(/ ([:;?!»])/g, "\u00a0$1")
      .replace(/« /g, "«\u00a0") as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, frenchSpacing(v)]),
    ) as T;
  return value;
}

export const STRINGS: Record<Language, Strings> = { en, fr: frenchSpacing(fr) };

/** The separator between a label and its value: "Marge : 5 €" in French, "Headroom: €5" in English. */
export function colon(language: Language): string {
  return language === "fr" ? "\u00a0: " : ": ";
}

export const STATUS_LABELS: Record<Language, Record<Status, string>> = {
  en: {
    pass: "Pass",
    warning: "To watch",
    breach: "Breach",
    "not-binding": "Not binding at this date",
    incomplete: "Incomplete",
    info: "Information",
    triggered: "Triggered",
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

const LOCALE: Record<Language, string> = { en: "en-GB", fr: "fr-FR" };

export function format(
  template: string,
  values: Record<string, string | number>,
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    String(values[k] ?? ""),
  );
}

/** A counted phrase with the count written the language's way and the form its plural rules pick. */
export function plural(
  language: Language,
  n: number,
  forms: PluralForms,
): string {
  const form =
    n === 0 && forms.zero !== undefined
      ? forms.zero
      : new Intl.PluralRules(LOCALE[language]).select(n) === "one"
        ? forms.one
        : forms.other;
  return form.replace("{n}", formatInteger(n, language));
}

export function languageOf(
  displayLanguage: string,
  override?: Language,
): Language {
  return (
    override ?? (displayLanguage.toLowerCase().startsWith("fr") ? "fr" : "en")
  );
}

export function formatInteger(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    maximumFractionDigits: 0,
  }).format(n);
}

export function formatPercent(
  value: number | null,
  language: Language,
  digits = 2,
): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(LOCALE[language], {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A threshold as the law writes it: 50 %, 15 %, 0,5 % (no trailing zeros). */
export function formatThreshold(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: "percent",
    maximumFractionDigits: 2,
  }).format(value);
}

/**
 * Intl formats a decimal string exactly (no detour through a binary float), so
 * "12345678901234567.89" prints every digit.
 */
function exact(value: string): number {
  return value as unknown as number;
}

export function formatEur(value: string | null, language: Language): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(LOCALE[language], {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(exact(value));
}

/** The unit an amount is counted in: euros, units (parts) of the fund, a percentage, a count. */
export type AmountUnit = Unit;

const UNIT_WORDS: Record<Language, Record<"units" | "count", PluralForms>> = {
  en: {
    units: { one: "{n} unit", other: "{n} units" },
    count: { one: "{n}", other: "{n}" },
  },
  fr: {
    units: { one: "{n} part", other: "{n} parts" },
    count: { one: "{n}", other: "{n}" },
  },
};

/** An amount with its unit: `1 234 567,89 €`, `600 parts`, `2,00 %`. */
export function formatAmount(
  value: string | null,
  unit: AmountUnit | undefined,
  language: Language,
): string {
  if (value === null) return "—";
  switch (unit ?? "EUR") {
    case "EUR":
      return formatEur(value, language);
    case "%":
      return formatPercent(Number(value), language);
    case "units":
    case "count": {
      const n = new Intl.NumberFormat(LOCALE[language], {
        maximumFractionDigits: 6,
      }).format(exact(value));
      const forms = UNIT_WORDS[language][unit === "units" ? "units" : "count"];
      const form =
        new Intl.PluralRules(LOCALE[language]).select(Number(value)) === "one"
          ? forms.one
          : forms.other;
      return form.replace("{n}", n);
    }
  }
  return value;
}

/** An ISO date as a French accountant writes it (30/11/2026), or in English "30 Nov 2026". */
export function formatDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const options: Intl.DateTimeFormatOptions =
    language === "fr"
      ? { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }
      : { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" };
  return new Intl.DateTimeFormat(LOCALE[language], options).format(date);
}

/** The comparison sign of a threshold, from the operator the law's wording gives (never re-derived). */
export const OPERATOR_SIGNS: Record<Operator, string> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "<": "<",
};

/** A list of names as a sentence: "A, B et C". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(LOCALE[language], {
    style: "long",
    type: "conjunction",
  }).format(items);
}

/** A rule's value or threshold: a percentage, or an amount or a count in its unit (FIA-CAP300K, the twenty-investor rules). */
export function formatRuleFigure(
  rule: { id: string; unit?: AmountUnit },
  value: number | null,
  language: Language,
  threshold = false,
): string {
  if (value !== null && isAmountValued(rule))
    return formatAmount(String(value), rule.unit, language);
  return threshold && value !== null
    ? formatThreshold(value, language)
    : formatPercent(value, language);
}
