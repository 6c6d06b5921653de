import type { TableName } from "../engine/model";
import { EXIT_CODES, type Tally, verdictOf } from "./outcome";
import type { WriteRefusal } from "./safe-write";

export type Lang = "en" | "fr";

/** French when the locale the messages are read in (LC_ALL, else LC_MESSAGES, else LANG) is French. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^fr/i.test(locale) ? "fr" : "en";
}

export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === "fr" || v.startsWith("fr-") || v.startsWith("fr_")) return "fr";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  return undefined;
}

/** French typography: a non-breaking space before the double punctuation. */
const NBSP = "\u00a0";

const LOCALES: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

function int(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** 31/12/2025 in French; in English the YYYY-MM-DD that --as-of takes. */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === "en") return iso;
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** "1 rule", "2 rules"; "1 règle", "0 règle" (French takes the singular below two). */
function count(n: number, lang: Lang, one: string, other: string): string {
  const form = new Intl.PluralRules(LOCALES[lang]).select(n);
  return `${int(n, lang)} ${form === "one" ? one : other}`;
}

/** The form of a word the language's plural rules pick for n (without the number). */
function form(n: number, lang: Lang, one: string, other: string): string {
  return new Intl.PluralRules(LOCALES[lang]).select(n) === "one" ? one : other;
}

/** What could not be checked, in words, most basic first. */
function uncheckedReasons(t: Tally, lang: Lang): string[] {
  const fr = lang === "fr";
  const reasons: string[] = [];
  const tables = Object.entries(t.missingTables) as [TableName, number][];
  for (const [table, n] of tables) {
    if (!n) continue;
    const where =
      t.workbooks > 1
        ? fr
          ? ` dans ${count(n, lang, "classeur", "classeurs")}`
          : ` in ${count(n, lang, "workbook", "workbooks")}`
        : "";
    reasons.push(
      fr
        ? `aucun tableau ${table} trouvé${where}`
        : `no ${table} table found${where}`,
    );
  }
  if (t.noFund)
    reasons.push(
      fr
        ? t.workbooks > 1
          ? `${count(t.noFund, lang, "classeur ne contient", "classeurs ne contiennent")} aucun fonds`
          : "le classeur ne contient aucun fonds"
        : t.workbooks > 1
          ? `${count(t.noFund, lang, "workbook holds", "workbooks hold")} no fund`
          : "the workbook holds no fund",
    );
  if (
    t.funds + (t.issuers ?? 0) === 0 &&
    t.noFund === 0 &&
    tables.every(([, n]) => !n)
  )
    reasons.push(
      fr ? "aucun classeur de fonds contrôlé" : "no fund workbook was checked",
    );
  if (t.incomplete)
    reasons.push(
      fr
        ? count(
            t.incomplete,
            lang,
            "règle n'a pas pu être calculée",
            "règles n'ont pas pu être calculées",
          )
        : `${count(t.incomplete, lang, "rule", "rules")} could not be computed`,
    );
  if (t.fundsWithoutRules)
    reasons.push(
      fr
        ? `${count(t.fundsWithoutRules, lang, "fonds", "fonds")} sans règle applicable (catégorie de fonds absente ou inconnue)`
        : `${count(t.fundsWithoutRules, lang, "fund", "funds")} with no rule to apply (fund type missing or unknown)`,
    );
  if (t.unknownFundRows)
    reasons.push(
      fr
        ? `${count(t.unknownFundRows, lang, "ligne rattachée", "lignes rattachées")} à un fonds absent du tableau Funds`
        : `${count(t.unknownFundRows, lang, "row belongs", "rows belong")} to a fund missing from the Funds table`,
    );
  if (t.readingErrors)
    reasons.push(
      fr
        ? count(t.readingErrors, lang, "valeur illisible", "valeurs illisibles")
        : `${count(t.readingErrors, lang, "value", "values")} could not be read`,
    );
  return reasons;
}

/**
 * The last line of the text output: what the exit code means for this run, in words, with
 * the as-of date the run tested.
 */
export function summaryLine(t: Tally, asOf: string, lang: Lang): string {
  const verdict = verdictOf(t);
  const code = EXIT_CODES[verdict];
  const date = formatDate(asOf, lang);
  // The reading problems are listed above the last line: point to them when they explain it.
  const readingProblems =
    t.incomplete + t.unknownFundRows + t.readingErrors > 0;
  const reasons = uncheckedReasons(t, lang).join(
    lang === "fr" ? `${NBSP}; ` : "; ",
  );
  if (lang === "fr") {
    const exit = ` (code de sortie ${code}).`;
    const issuersFr = t.issuersInBreach
      ? ` et ${count(t.issuersInBreach, lang, "émetteur", "émetteurs")}`
      : "";
    const inBreach = `${count(t.fundsInBreach, lang, "fonds", "fonds")}${issuersFr} en dépassement (${count(t.breaches, lang, "règle", "règles")}) au ${date}`;
    switch (verdict) {
      case "clear": {
        const rules = form(
          t.rules,
          lang,
          "la règle",
          `les ${int(t.rules, lang)} règles`,
        );
        const funds =
          form(t.funds, lang, "du fonds", `des ${int(t.funds, lang)} fonds`) +
          (t.issuers
            ? ` et ${form(t.issuers, lang, "de l'émetteur", `des ${int(t.issuers, lang)} émetteurs`)}`
            : "");
        const verb = form(t.rules, lang, "est respectée", "sont respectées");
        const watch = t.warnings
          ? `, dont ${int(t.warnings, lang)} à surveiller`
          : "";
        return `Aucun dépassement${NBSP}: ${rules} ${funds} ${verb} au ${date}${watch}${exit}`;
      }
      case "breach":
        return `${inBreach}${reasons ? `${NBSP}; contrôle incomplet${NBSP}: ${reasons}` : ""}${exit}`;
      case "unchecked":
        return `Contrôle incomplet au ${date}${NBSP}: aucun dépassement constaté, mais ${reasons}${readingProblems ? " (voir les anomalies de lecture)" : ""}${exit}`;
      case "unreadable": {
        const lost = `${count(t.unreadable, lang, "classeur", "classeurs")} sur ${int(t.workbooks, lang)} ${form(t.unreadable, lang, "n'a pas pu être lu", "n'ont pas pu être lus")}`;
        const rest = t.breaches
          ? `${NBSP}; dans les autres, ${inBreach}`
          : ` (date d'arrêté${NBSP}: ${date})`;
        return `Classeur illisible${NBSP}: ${lost}${rest}${exit}`;
      }
    }
  }
  const exit = ` (exit code ${code}).`;
  const issuersEn = t.issuersInBreach
    ? ` and ${count(t.issuersInBreach, lang, "issuer", "issuers")}`
    : "";
  const inBreach = `${count(t.fundsInBreach, lang, "fund", "funds")}${issuersEn} in breach (${count(t.breaches, lang, "rule", "rules")}) as of ${date}`;
  switch (verdict) {
    case "clear": {
      const watch = t.warnings
        ? `, ${count(t.warnings, lang, "warning", "warnings")}`
        : "";
      const issuers = t.issuers
        ? ` and ${count(t.issuers, lang, "issuer", "issuers")}`
        : "";
      return `No breach: ${t.rules === 1 ? "the rule" : `all ${int(t.rules, lang)} rules`} of ${count(t.funds, lang, "fund", "funds")}${issuers} checked as of ${date}${watch}${exit}`;
    }
    case "breach":
      return `${inBreach}${reasons ? `; also not checked: ${reasons}` : ""}${exit}`;
    case "unchecked":
      return `Incomplete check as of ${date}: no breach found, but ${reasons}${readingProblems ? " (see the reading problems)" : ""}${exit}`;
    case "unreadable": {
      const lost = `${int(t.unreadable, lang)} of ${count(t.workbooks, lang, "workbook", "workbooks")} could not be read`;
      const rest = t.breaches
        ? `; in the others, ${inBreach}`
        : ` (as of ${date})`;
      return `Unreadable: ${lost}${rest}${exit}`;
    }
  }
}

/** The one line that says why the command will not write the report where it was asked. */
export function refusalMessage(r: WriteRefusal, lang: Lang): string {
  if (lang === "fr") {
    const p = `Refusé${NBSP}: `;
    switch (r.kind) {
      case "input":
        return `${p}le rapport ne peut pas être écrit dans le classeur contrôlé (${r.out}). Choisissez un autre fichier.`;
      case "not-ours":
        return `${p}${r.out} existe déjà et n'est pas un rapport écrit par fund-quota${NBSP}; il n'est pas modifié. Choisissez un autre fichier.`;
      case "own-report":
        return `${p}${r.out} est un rapport déjà écrit par fund-quota${NBSP}; ajoutez --force pour le remplacer.`;
      case "directory":
        return `${p}${r.out} est un dossier${NBSP}; indiquez un nom de fichier .xlsx.`;
      case "no-folder":
        return `${p}le dossier ${r.folder} n'existe pas${NBSP}; le rapport ${r.out} ne peut pas y être écrit.`;
    }
  }
  const p = "Refused: ";
  switch (r.kind) {
    case "input":
      return `${p}the report cannot be written into a workbook being checked (${r.out}). Choose another file.`;
    case "not-ours":
      return `${p}${r.out} already exists and is not a report written by fund-quota; it is left untouched. Choose another file.`;
    case "own-report":
      return `${p}${r.out} is a report fund-quota wrote earlier; add --force to replace it.`;
    case "directory":
      return `${p}${r.out} is a folder; give the name of an .xlsx file.`;
    case "no-folder":
      return `${p}the folder ${r.folder} does not exist, so the report ${r.out} cannot be written there.`;
  }
}

const WRITE_FAILURES: Record<string, Record<Lang, string>> = {
  EBUSY: {
    en: "the file is open in another program",
    fr: "le fichier est ouvert dans un autre programme",
  },
  EPERM: {
    en: "the file is open in another program, or writing there is not allowed",
    fr: "le fichier est ouvert dans un autre programme, ou l'écriture n'y est pas autorisée",
  },
  EACCES: {
    en: "writing there is not allowed",
    fr: "l'écriture n'y est pas autorisée",
  },
  ENOSPC: { en: "the disk is full", fr: "le disque est plein" },
  EEXIST: {
    en: "a file of that name appeared meanwhile",
    fr: "un fichier de ce nom est apparu entre-temps",
  },
};

/** Why a write failed, in words, with the system's code for whoever supports the user. */
export function writeFailureReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && WRITE_FAILURES[code])
    return `${WRITE_FAILURES[code][lang]}, ${code}`;
  if (code) return code;
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/** The other one-line messages of the command, in both languages. */
export const MESSAGES = {
  en: {
    writeFailed: (out: string, reason: string) =>
      `the report ${out} could not be written (${reason}); any file that was there is unchanged.`,
    badAsOf: (v: string) =>
      `--as-of must be a date written YYYY-MM-DD, not "${v}".`,
    badLang: (v: string) => `--lang must be fr or en, not "${v}".`,
    badSoitSoit: (v: string) =>
      `--soit-soit must be either or both, not "${v}".`,
    missing: (p: string) => `${p}: no such file or folder.`,
    noWorkbook: (p: string) => `no .xlsx workbook in ${p}.`,
    unknownCommand: (c: string) => `unknown command "${c}".`,
    ownReport: (f: string) =>
      `${f} is a report fund-quota wrote: not a fund workbook, not checked.`,
  },
  fr: {
    writeFailed: (out: string, reason: string) =>
      `le rapport ${out} n'a pas pu être écrit (${reason})${NBSP}; le fichier qui s'y trouvait éventuellement est inchangé.`,
    badAsOf: (v: string) =>
      `--as-of attend une date écrite AAAA-MM-JJ, et non «${NBSP}${v}${NBSP}».`,
    badLang: (v: string) =>
      `--lang attend fr ou en, et non «${NBSP}${v}${NBSP}».`,
    badSoitSoit: (v: string) =>
      `--soit-soit attend either ou both, et non «${NBSP}${v}${NBSP}».`,
    missing: (p: string) => `${p}${NBSP}: fichier ou dossier introuvable.`,
    noWorkbook: (p: string) => `aucun classeur .xlsx dans ${p}.`,
    unknownCommand: (c: string) => `commande inconnue «${NBSP}${c}${NBSP}».`,
    ownReport: (f: string) =>
      `${f} est un rapport écrit par fund-quota${NBSP}: ce n'est pas un classeur de fonds, il n'est pas contrôlé.`,
  },
} satisfies Record<Lang, Record<string, (...a: string[]) => string>>;

export const USAGE: Record<Lang, string> = {
  en: `Usage: fund-quota check [FILE|FOLDER ...] [--json] [--positions] [--as-of YYYY-MM-DD] [--out report.xlsx [--force]] [--lang fr|en]

Checks the investment quotas of every fund of .xlsx workbooks (Funds, Holdings, Holders tables).
Without FILE, checks the bundled sample workbook. A folder stands for every .xlsx inside it.

  --json        print the JSON report of the workbook contract (several workbooks: one combined report)
  --positions   include every position's outcome (counted where, or excluded and why)
  --as-of DATE  test date; default: the last calendar month-end before today (run on
                2 December, it tests 30 November). The date tested is printed with the result.
  --out FILE    also write one row per workbook, fund and rule to an .xlsx report. Never
                written over a workbook being checked, nor over a file fund-quota did not write.
  --force       with --out, replace a report fund-quota wrote earlier
  --lang fr|en  language of the summary and messages (default: French when LC_ALL,
                LC_MESSAGES or LANG begins with fr)
  --soit-soit either|both
                reading of "soit 5 % …, soit 7,5 millions d'euros" (RG AMF 516-2 2° a), c)):
                either limb suffices (default), or both are needed

Exit codes (the last line of the output says which, in words):
  0  every rule of every fund was checked and none is in breach
  1  at least one rule is in breach
  2  a file cannot be read at all, or the report cannot be written where asked
  3  nothing is in breach, but something could not be checked (incomplete rules, holdings
     of an unknown fund, no Funds or Holdings table, an empty workbook, unreadable values)`,
  fr: `Usage\u00a0: fund-quota check [FICHIER|DOSSIER ...] [--json] [--positions] [--as-of AAAA-MM-JJ] [--out rapport.xlsx [--force]] [--lang fr|en]

Contrôle les ratios réglementaires de chaque fonds des classeurs .xlsx (tableaux Funds, Holdings, Holders).
Sans FICHIER, contrôle le classeur d'exemple fourni. Un dossier vaut pour chaque .xlsx qu'il contient.

  --json        affiche le rapport JSON du format de classeur (plusieurs classeurs\u00a0: un rapport combiné)
  --positions   détaille chaque ligne du portefeuille (retenue dans quelle règle, ou exclue et pourquoi)
  --as-of DATE  date d'arrêté\u00a0; par défaut, la dernière fin de mois avant aujourd'hui (un contrôle
                lancé le 2 décembre porte sur le 30 novembre). La date d'arrêté est affichée avec le résultat.
  --out FICHIER écrit aussi un rapport .xlsx (une ligne par classeur, fonds et règle). Jamais
                dans un classeur contrôlé, ni sur un fichier que fund-quota n'a pas écrit.
  --force       avec --out, remplace un rapport écrit auparavant par fund-quota
  --lang fr|en  langue du résumé et des messages (par défaut\u00a0: français si LC_ALL,
                LC_MESSAGES ou LANG commence par fr)
  --soit-soit either|both
                lecture de «\u00a0soit 5\u00a0% …, soit 7,5 millions d'euros\u00a0» (RG AMF 516-2 2° a), c))\u00a0:
                l'un des deux suffit (par défaut), ou les deux sont exigés

Codes de sortie (la dernière ligne affichée le dit en clair)\u00a0:
  0  toutes les règles de tous les fonds ont été contrôlées, aucune en dépassement
  1  au moins une règle en dépassement
  2  un fichier est illisible, ou le rapport ne peut pas être écrit à l'endroit demandé
  3  aucun dépassement, mais une partie n'a pas pu être contrôlée (règles incomplètes, lignes
     d'un fonds inconnu, tableau Funds ou Holdings absent, classeur vide, valeurs illisibles)`,
};
