import type { NeedPurpose, ReasonFacts } from "../engine/reasons";
import { Dec } from "../engine/decimal";
import { amountFromString } from "../engine/amount";
import { eurText, percentText } from "../engine/ratio";
import { FUNDS_SPEC } from "../workbook/columns";
import { NBSP, date, euros, percentShort, quote } from "./format";

type Facts = ReasonFacts["value-needed"];
type Sentences = Record<NeedPurpose, (column: string, f: Facts) => string>;

const en = "en" as const;
const fr = "fr" as const;
const C = `${NBSP}:`;
/** The engine's English percentages, as its JSON text fields have always read: "5 %". */
const pct = (fraction: string | undefined) =>
  percentText(new Dec(fraction ?? "0"));
const art = (f: Facts) => f.article ?? "";
/** The paragraph without its article: "L. 214-28 III 1°" → "III 1°". */
const para = (article = "") => article.replace(/^L\. [\d-]+ /, "");
/** A limit the law words in millions ("150 millions d'euros"). */
function millions(amount: string | undefined, lang: "en" | "fr"): string {
  const m = new Dec(amount ?? "0").dividedBy(1e6);
  if (!m.isInteger())
    return lang === "fr"
      ? euros(amount ?? "0", fr)
      : eurText(amountFromString(amount ?? "0"));
  return lang === "fr"
    ? `${m.toString()}${NBSP}millions d'euros`
    : `${m.toString()} million euros`;
}
/** A Funds column by its first French label, as the French template heads it. */
const fundsLabel = (name: string) =>
  FUNDS_SPEC.columns.find((c) => c.name === name)?.labels[0] ?? name;
/** An advance's gate: « a participation » when the law asks for any, else the share of capital. */
const gateEn = (f: Facts) =>
  Number(f.threshold ?? 0) === 0
    ? "a participation"
    : `at least ${pct(f.threshold)} of the capital`;
const gateFr = (f: Facts) =>
  Number(f.threshold ?? 0) === 0
    ? "une participation"
    : `au moins ${percentShort(f.threshold!, fr)} du capital`;

/** The English sentences, as the engine's diagnostics have always read (column: the canonical name). */
export const NEED_EN: Sentences = {
  "basis-amount": (c, f) =>
    `${c} is needed: the fund is measured on basis ${f.basis ?? "COST"}.`,
  basis: () =>
    "The fund's basis cannot be established: give basis (COST or FAIR) or a readable paidUpSubscriptions.",
  "cost-base": (c) =>
    `${c} is needed: on basis COST the ratios are measured over paid-up subscriptions.`,
  "quota-window": (c) =>
    `${c} is needed to know when the quota binds (closing of the second to the fifth financial year).`,
  held: (c) =>
    `${c} is needed to know whether the position is held on the as-of date.`,
  classify: (c) => `${c} is needed to know which rules the position enters.`,
  paragraph: (c, f) =>
    `${c} is needed to place the position in a paragraph of ${art(f)}.`,
  "small-cap-market": (c, f) =>
    `${c} is needed to test ${para(f.article)} (a market of the EU or the EEA).`,
  "small-cap-size": (c, f) =>
    `${c} is needed to test ${para(f.article)} (capitalisation below ${millions(f.threshold, en)}).`,
  "look-through": (c, f) =>
    `${c} is needed: entity rights count only up to the entity's direct investment in eligible companies (${art(f)}).`,
  "advance-ownership": (c, f) =>
    `${c} is needed: ${art(f)} allows an advance only to a company in which the fund holds ${gateEn(f)}.`,
  "eltif-advance": (c, f) =>
    `${c} is needed: ${art(f)} retains an advance to a company in which, or in whose group, the fund holds a participation.`,
  "eltif-regime": (c, f) =>
    `${c} is needed: the ${percentShort(f.threshold ?? "0", en)} regime of ${art(f)} applies only with the « ELTIF » name and an infrastructure main object.`,
  "chosen-regions": (c, f) =>
    `${c} is needed: ${art(f)} counts companies of the regions the fund chose.`,
  vintage: (c, f) =>
    `${c} is needed: a fund constituted before ${f.date} keeps a ${percentShort(f.threshold ?? "0", en)} quota (or give quotaThreshold).`,
  "quota-asset": (c) =>
    `${c} is needed to know whether the position counts toward the quota.`,
  "holder-units": (c, f) =>
    `${c} is needed to measure the holder caps of ${art(f)}.`,
  "holder-type": (c, f) =>
    `${c} is needed: public-law legal persons have their own caps (${art(f)} 2° and 3°).`,
  "region-cap": (c, f) =>
    `${c} is needed: ${art(f)} limits the companies of each region to ${percentShort(f.threshold ?? "0", en)} of the asset.`,
  "holding-stake": (c, f) =>
    `${c} is needed on a holding company's row: ${art(f)} counts it only when it holds at least ${pct(f.threshold)} of each subsidiary.`,
  "holding-subsidiaries": (c, f) =>
    `${c} is needed on a holding company's row: ${art(f)} counts it only when every subsidiary meets its conditions.`,
  "holding-meets-i": (c, f) =>
    `${c} is needed on a holding company's row: ${art(f)} requires one subsidiary meeting I, II and III.`,
  "secondary-term": (c, f) =>
    `${c} is needed: ${art(f)}, the end of the fund's life decides whether an unfulfilled subscription commitment still counts.`,
  "secondary-date": (c, f) =>
    `${c} is needed: ${art(f)}, the purchase date decides which subscriptions fulfil the commitment.`,
  "secondary-cost": (c, f) =>
    `${c} is needed: ${art(f)}, the commitment is compared with the purchase's cost.`,
  "secondary-commitment": (c, f) =>
    `${c} is needed: ${art(f)}, it says whether the fund committed to subscribe.`,
  master: (c) => `${c} is needed to know whose units these are.`,
  "feeder-asset": (c) =>
    `${c} is needed: a feeder may hold only the assets its article lists.`,
  "opci-start": (c, f) =>
    `${c} (the OPCI's creation) is needed: its rules bind from three years after creation (${art(f)}).`,
  "opci-item": (c, f) =>
    `${c} is needed: OPCI positions are classified by the item of ${art(f)} they belong to.`,
  "opci-borrowings": (c, f) =>
    `${c} is needed: the OPCI's own borrowings and debts count toward the ${percentShort(f.threshold ?? "0", en)} of ${art(f)} (write 0 if there are none).`,
  "opci-advance-issuer": (c, f) =>
    `${c} is needed: ${art(f)} allows advances only to the fund's 2° and 3° companies.`,
  rule: (c, f) =>
    `${c} is needed by ${f.rule}${f.article ? ` (${f.article})` : ""}.`,
  "rule-binds": (c, f) =>
    `${c} is needed to know when ${f.rule} binds (${art(f)}).`,
  investors: (c, f) => `${c} is needed to count the investors (${art(f)}).`,
  "debt-maximum": (c, f) => `${c} is needed: the fund has debts (${art(f)}).`,
  "units-issued": (c, f) =>
    `${c} (or the Holders table) is needed by ${f.rule}.`,
  "register-check": (c) =>
    `${c} is blank and a check of the register needs it; the check is unknown.`,
};

/** What the value decides, in French: follows « valeur absente ou illisible dans la colonne « … » : ». */
const WHY_FR: Record<NeedPurpose, (f: Facts) => string> = {
  "basis-amount": (f) =>
    `le fonds est mesuré en ${f.basis === "FAIR" ? "base valeur de marché" : "base coût historique"}`,
  basis: () => "",
  "cost-base": () =>
    "en base coût historique, les ratios sont rapportés au montant libéré des souscriptions",
  "quota-window": () =>
    "elle fixe la période d'application du quota (de la clôture du deuxième à celle du cinquième exercice)",
  held: () =>
    "elle permet de savoir si la position est détenue à la date d'arrêté",
  classify: () =>
    "elle détermine les règles dans lesquelles la position est retenue",
  paragraph: (f) =>
    `elle permet de rattacher la position à l'un des paragraphes de l'article ${art(f)}`,
  "small-cap-market": (f) =>
    `elle permet d'apprécier la condition de l'article ${art(f)} (marché situé dans l'Union européenne ou l'Espace économique européen)`,
  "small-cap-size": (f) =>
    `elle permet d'apprécier la condition de l'article ${art(f)} (capitalisation boursière inférieure à ${millions(f.threshold, fr)})`,
  "look-through": (f) =>
    `les droits dans l'entité ne sont retenus qu'à concurrence de son investissement direct dans des sociétés éligibles (${art(f)})`,
  "advance-ownership": (f) =>
    `l'article ${art(f)} n'admet une avance en compte courant qu'à une société dont le fonds détient ${gateFr(f)}`,
  "eltif-advance": (f) =>
    `l'article ${art(f)} retient une avance en compte courant à une société dans laquelle le fonds détient une participation, ou appartenant au groupe dans lequel il en détient une`,
  "eltif-regime": (f) =>
    `le régime de ${percentShort(f.threshold ?? "0", fr)} de l'article ${art(f)} suppose la dénomination « ELTIF » et un objet principal de financement d'infrastructures`,
  "chosen-regions": (f) =>
    `l'article ${art(f)} retient les sociétés des régions choisies par le fonds`,
  vintage: (f) =>
    `un fonds constitué avant le ${date(f.date ?? "", fr)} conserve un quota de ${percentShort(f.threshold ?? "0", fr)} (à défaut, renseignez la colonne ${quote(fundsLabel("quotaThreshold"), fr)})`,
  "quota-asset": () =>
    "elle détermine si la position est retenue dans le quota",
  "holder-units": (f) =>
    `elle permet de mesurer les plafonds de détention par porteur de parts (${art(f)})`,
  "holder-type": (f) =>
    `les personnes morales de droit public ont leurs propres plafonds (${art(f)} 2° et 3°)`,
  "region-cap": (f) =>
    `l'article ${art(f)} limite à ${percentShort(f.threshold ?? "0", fr)} de l'actif les sociétés d'une même région`,
  "holding-stake": (f) =>
    `pour une société holding, l'article ${art(f)} exige la détention d'au moins ${percentShort(f.threshold ?? "0", fr)} du capital de chaque filiale`,
  "holding-subsidiaries": (f) =>
    `pour une société holding, l'article ${art(f)} exige que chaque filiale en remplisse les conditions`,
  "holding-meets-i": (f) =>
    `pour une société holding, l'article ${art(f)} exige qu'une filiale remplisse les conditions des I, II et III`,
  "secondary-term": (f) =>
    `la fin de la durée de vie du fonds détermine si un engagement de souscription non encore réalisé est retenu (${art(f)})`,
  "secondary-date": (f) =>
    `la date du rachat détermine les souscriptions qui réalisent l'engagement (${art(f)})`,
  "secondary-cost": (f) =>
    `l'engagement de souscription est comparé au montant du rachat (${art(f)})`,
  "secondary-commitment": (f) =>
    `elle indique si le fonds s'est engagé à souscrire (${art(f)})`,
  master: () => "elle indique de quel OPC maître relèvent ces parts",
  "feeder-asset": () =>
    "un fonds nourricier ne peut détenir que les actifs que son article énumère",
  "opci-start": (f) =>
    `les règles de l'OPCI s'appliquent à compter de trois ans après sa création (${art(f)})`,
  "opci-item": (f) =>
    `chaque position de l'OPCI est classée selon la catégorie de l'article ${art(f)} dont elle relève`,
  "opci-borrowings": (f) =>
    `les emprunts et dettes de l'OPCI entrent dans la limite de ${percentShort(f.threshold ?? "0", fr)} de l'article ${art(f)} (indiquez 0 s'il n'y en a pas)`,
  "opci-advance-issuer": (f) =>
    `l'article ${art(f)} n'admet les avances en compte courant qu'aux sociétés des 2° et 3° détenues par le fonds`,
  rule: (f) =>
    `la règle ${f.rule} en a besoin${f.article ? ` (${f.article})` : ""}`,
  "rule-binds": (f) =>
    `elle fixe la date à partir de laquelle la règle ${f.rule} s'applique (${art(f)})`,
  investors: (f) => `elle permet de compter les investisseurs (${art(f)})`,
  "debt-maximum": (f) =>
    `les dettes du fonds sont rapportées au montant maximal d'emprunt fixé par l'assemblée générale (${art(f)})`,
  "units-issued": (f) =>
    `la règle ${f.rule} en a besoin (à défaut, le total des parts du tableau Holders)`,
  "register-check": () =>
    "un contrôle du registre en a besoin et reste incomplet sur cette ligne",
};

/** A needed value in English: the purpose's sentence, or the generic one. */
export function needEn(f: Facts): string {
  const column = f.header ?? f.column;
  return f.purpose
    ? NEED_EN[f.purpose](column, f)
    : `${column} is needed by a rule and is missing or unreadable.`;
}

/** A needed value in French, naming the user's own header. */
export function needFr(f: Facts): string {
  if (f.purpose === "basis")
    return `la base de calcul du fonds ne peut pas être établie${C} indiquez la base (coût historique ou valeur de marché) ou un montant libéré des souscriptions lisible.`;
  const column = quote(f.header ?? f.column, fr);
  return f.purpose
    ? `valeur absente ou illisible dans la colonne ${column}${C} ${WHY_FR[f.purpose](f)}.`
    : `valeur absente ou illisible dans la colonne ${column}, nécessaire au calcul d'une règle.`;
}
