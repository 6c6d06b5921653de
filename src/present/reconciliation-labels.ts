import type {
  ExclusionCode,
  LocalText,
  ReconciliationReason,
} from "../engine/result";

/**
 * The labels of the reconciliation's lines, in both languages: the report carries them as
 * `label` (the engine imports this module, as it imports english.ts).
 */

/** The words of each line, as a fund accountant reads them (GLOSSARY-FR: « Rapprochement »). */
export const RECONCILIATION_LABELS: Record<ReconciliationReason, LocalText> = {
  counted: { en: "Counted in the numerator", fr: "Retenu au numérateur" },
  "counted-within-cap": {
    en: "Counted within the limit",
    fr: "Retenu dans la limite du plafond",
  },
  "above-cap": {
    en: "Above the limit, not counted",
    fr: "Au-delà de la limite, non retenu",
  },
  "look-through-remainder": {
    en: "Part the look-through does not count",
    fr: "Quote-part non retenue par transparence",
  },
  excluded: { en: "Excluded", fr: "Exclu" },
  "breaks-condition": {
    en: "Not allowed: to cure",
    fr: "Non autorisé\u00a0: à régulariser",
  },
  allowed: {
    en: "Allowed, not in the numerator",
    fr: "Autorisé, hors numérateur",
  },
  "in-denominator": {
    en: "In the denominator only",
    fr: "Retenu au dénominateur seulement",
  },
  "other-region": {
    en: "Companies of the other regions",
    fr: "Sociétés des autres régions",
  },
  "outside-rule": {
    en: "Not concerned by this rule",
    fr: "Non concerné par cette règle",
  },
  "not-held": {
    en: "Not held on the as-of date",
    fr: "Non détenu à la date d'arrêté",
  },
  unreadable: {
    en: "Amount unreadable or missing (in no sum)",
    fr: "Montant illisible ou absent (hors calcul)",
  },
  "paid-up-bridge": {
    en: "Paid-up subscriptions minus the holdings held",
    fr: "Écart entre le montant libéré des souscriptions et le portefeuille détenu",
  },
  "total-assets-bridge": {
    en: "Total assets minus the holdings held",
    fr: "Écart entre l'actif total et le portefeuille détenu",
  },
  borrowings: {
    en: "Borrowings and debts of the fund",
    fr: "Emprunts et dettes du fonds",
  },
  "look-through-debt": {
    en: "Borrowings of held companies and funds, by look-through",
    fr: "Emprunts des sociétés et fonds détenus, par transparence",
  },
  "largest-holder": {
    en: "Units of the largest holder the cap measures",
    fr: "Parts du porteur le plus important au sens du plafond",
  },
  "public-law-holders": {
    en: "Units of public-law legal persons",
    fr: "Parts des personnes morales de droit public",
  },
  "other-holders": {
    en: "Units of the other holders",
    fr: "Parts des autres porteurs",
  },
  "measured-apart": {
    en: "Holdings: the rule measures other figures",
    fr: "Portefeuille\u00a0: la règle mesure d'autres données",
  },
  "rule-numerator": {
    en: "Numerator as the rule measures it",
    fr: "Numérateur tel que la règle le mesure",
  },
  "rule-denominator": {
    en: "Denominator as the rule measures it",
    fr: "Dénominateur tel que la règle le mesure",
  },
};

/** Why a position was excluded, in the words of an excluded line (« Exclu : … »). */
export const EXCLUSION_LABELS: Record<ExclusionCode, LocalText> = {
  "not-a-quota-asset": {
    en: "not an asset the quota counts",
    fr: "actif non retenu dans le quota",
  },
  "listed-when-bought": {
    en: "admitted to trading when bought",
    fr: "admis aux négociations lors de l'acquisition",
  },
  "not-small-cap": {
    en: "listed, not a small cap of an EU or EEA market",
    fr: "coté, hors petites capitalisations d'un marché de l'UE ou de l'EEE",
  },
  "listed-debt": {
    en: "debt of a listed company",
    fr: "créance sur une société cotée",
  },
  unclassified: {
    en: "cannot be classified (data missing)",
    fr: "classement impossible (donnée manquante)",
  },
  "five-years-ended": {
    en: "five years after admission to trading ended",
    fr: "délai de cinq ans après l'admission aux négociations écoulé",
  },
  "advance-gate": {
    en: "advance to a company held below the minimum",
    fr: "avance à une société insuffisamment détenue",
  },
  "ownership-unknown": {
    en: "share of the company's capital unknown",
    fr: "part du capital détenue inconnue",
  },
  "issuer-not-eligible": {
    en: "company not meeting the conditions of the quota",
    fr: "société ne remplissant pas les conditions du quota",
  },
  "eligibility-unknown": {
    en: "eligibility of the company unknown",
    fr: "éligibilité de la société inconnue",
  },
  "entity-not-oecd": {
    en: "entity not constituted in an OECD member state",
    fr: "entité non constituée dans un État membre de l'OCDE",
  },
  "look-through-unknown": {
    en: "look-through percentage unknown",
    fr: "pourcentage de transparence inconnu",
  },
  "secondary-purchase": {
    en: "securities bought from other holders, not below those subscribed",
    fr: "titres acquis auprès d'autres porteurs, non inférieurs aux titres souscrits",
  },
  "secondary-commitment": {
    en: "securities bought from other holders, subscription commitment not met",
    fr: "titres acquis auprès d'autres porteurs, engagement de souscription non rempli",
  },
  "holding-gate": {
    en: "holding company not meeting L. 214-30 IV",
    fr: "société holding ne remplissant pas les conditions du L. 214-30 IV",
  },
  "holding-not-capital": {
    en: "security of a holding company other than equity",
    fr: "titre d'une société holding autre qu'un titre de capital",
  },
  "holding-unknown": {
    en: "holding company conditions unknown",
    fr: "conditions de la société holding inconnues",
  },
  "not-controlled": {
    en: "not a controlled participation",
    fr: "participation non contrôlée",
  },
  encumbered: {
    en: "encumbered",
    fr: "grevé de sûretés ou de droits au profit de tiers",
  },
  "opci-condition-unknown": {
    en: "condition of L. 214-37 unknown",
    fr: "condition du L. 214-37 inconnue",
  },
  "opci-outside-list": {
    en: "outside the list of L. 214-36 I",
    fr: "hors de la liste du L. 214-36 I",
  },
  "opci-advance-gate": {
    en: "advance not allowed by L. 214-42",
    fr: "avance en compte courant non admise par le L. 214-42",
  },
  "eltif-beneficiary-listed": {
    en: "advance to a company admitted to trading (30 % regime)",
    fr: "avance à une société admise aux négociations (régime de 30 %)",
  },
  "not-allowed-asset": {
    en: "not allowed besides the master",
    fr: "actif non autorisé en dehors du maître",
  },
  "outside-every-rule": {
    en: "counted by no rule of the fund",
    fr: "retenu dans aucune règle du fonds",
  },
  disposed: { en: "disposed of", fr: "cédé" },
  "not-yet-invested": {
    en: "bought after the as-of date",
    fr: "acquis après la date d'arrêté",
  },
  "not-measured": {
    en: "amount missing or unreadable",
    fr: "montant absent ou illisible",
  },
  "no-rule-applies": {
    en: "no rule applies to the fund",
    fr: "aucune règle ne s'applique au fonds",
  },
};

export function labelOf(
  reason: ReconciliationReason,
  code: ExclusionCode | undefined,
): LocalText {
  const base = RECONCILIATION_LABELS[reason];
  if (code === undefined) return base;
  const why = EXCLUSION_LABELS[code];
  return { en: `${base.en}: ${why.en}`, fr: `${base.fr}\u00a0: ${why.fr}` };
}
