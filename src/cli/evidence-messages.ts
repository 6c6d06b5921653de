import type { Lang } from "./messages";
import type { PackRefusal } from "./evidence";

/** The words of the evidence pack, verify, history and what-if commands, in French and English. */

const NBSP = "\u00a0";

export const EVIDENCE_USAGE: Record<Lang, string> = {
  en: `Evidence:
  fund-quota check FILE... --evidence DIR   also write an evidence pack into DIR (a new or empty
                folder): the workbooks copied byte for byte, their SHA-256 and fingerprint, the JSON
                report with every position, a formatted .xlsx report and manifest.json (docs/evidence.md)
  fund-quota verify DIR   recompute a pack from its own copy of the input: exit 0 when identical,
                1 with each difference (rule, fund, old and new value), 2 when DIR is not a pack
  --history PACK   (repeatable, with --evidence) earlier packs: report.html charts each ratio over time
  fund-quota history PACK... [--out history.xlsx|.csv|.json] [--json]   the ratios over the packs'
                month-ends; each rule that went from pass to breach, with the positions that moved it
  fund-quota whatif FILE --fund ID --buy AMOUNT [--asset-class CLASS] [--issuer ID] [--listing STATUS]
                [--date YYYY-MM-DD] [--fair-value AMOUNT] [--ownership PCT]   (or --sell AMOUNT --line ID)
                each rule of the fund before and after the trade, and the largest amount that keeps
                every rule met (exit 1 when the trade would breach a rule)`,
  fr: `Dossier de preuve${NBSP}:
  fund-quota check FICHIER... --evidence DOSSIER   écrit aussi un dossier de preuve dans DOSSIER
                (nouveau ou vide)${NBSP}: les classeurs copiés à l'identique, leur empreinte SHA-256 et
                celle de leurs tableaux, le rapport JSON avec chaque ligne, un rapport .xlsx mis en
                forme et manifest.json (docs/evidence.md)
  fund-quota verify DOSSIER   vérifie le dossier en recalculant depuis sa copie du classeur${NBSP}:
                code 0 si identique, 1 avec chaque écart (règle, fonds, ancienne et nouvelle
                valeur), 2 si DOSSIER n'est pas un dossier de preuve
  --history DOSSIER   (répétable, avec --evidence) dossiers des mois précédents${NBSP}: report.html
                trace chaque ratio dans le temps
  fund-quota history DOSSIER... [--out historique.xlsx|.csv|.json] [--json]   historique des ratios
                aux dates d'arrêté des dossiers${NBSP}; chaque règle passée en dépassement, avec les
                lignes qui l'ont fait varier
  fund-quota whatif FICHIER --fund ID --buy MONTANT [--asset-class TYPE] [--issuer ID] [--listing STATUT]
                [--date AAAA-MM-JJ] [--fair-value MONTANT] [--ownership PCT]   (ou --sell MONTANT --line ID)
                simulation avant opération${NBSP}: chaque règle du fonds avant et après, et le montant
                maximal conforme (code 1 si l'opération mettrait une règle en dépassement)`,
};

export const EVIDENCE_MESSAGES = {
  en: {
    refused: (r: PackRefusal) =>
      r.kind === "not-empty"
        ? `Refused: ${r.dir} is not empty. An evidence pack goes into a new or empty folder, so that it never replaces or mixes with other files.`
        : r.kind === "not-a-folder"
          ? `Refused: ${r.dir} is a file, not a folder. Choose a new folder for the evidence pack.`
          : `Refused: the folder ${r.folder} does not exist.`,
    written: (dir: string, files: number) =>
      `Evidence pack written to ${dir} (${files} files and manifest.json).`,
    notAPack: (dir: string, why: string) =>
      `${dir} is not an evidence pack that can be verified (${why}).`,
    identical: (dir: string, rules: number) =>
      `Identical: the pack ${dir} recomputes to the same ${rules} rule results, from input files whose SHA-256 and fingerprint match.`,
    different: (n: number) =>
      `Different: ${n} difference${n === 1 ? "" : "s"} between the pack and its recomputation.`,
  },
  fr: {
    refused: (r: PackRefusal) =>
      r.kind === "not-empty"
        ? `Refusé${NBSP}: ${r.dir} n'est pas vide. Un dossier de preuve s'écrit dans un dossier nouveau ou vide, pour ne jamais remplacer ni mêler d'autres fichiers.`
        : r.kind === "not-a-folder"
          ? `Refusé${NBSP}: ${r.dir} est un fichier, pas un dossier. Choisissez un nouveau dossier pour le dossier de preuve.`
          : `Refusé${NBSP}: le dossier ${r.folder} n'existe pas.`,
    written: (dir: string, files: number) =>
      `Dossier de preuve écrit dans ${dir} (${files} fichiers et manifest.json).`,
    notAPack: (dir: string, why: string) =>
      `${dir} n'est pas un dossier de preuve vérifiable (${why}).`,
    identical: (dir: string, rules: number) =>
      `Identique${NBSP}: le dossier ${dir} se recalcule en les mêmes résultats pour ${rules} règles, depuis des classeurs dont l'empreinte SHA-256 et celle des tableaux concordent.`,
    different: (n: number) =>
      `Écarts${NBSP}: ${n} écart${n > 1 ? "s" : ""} entre le dossier et son recalcul.`,
  },
} satisfies Record<Lang, unknown>;
