import { inForce, type LawParameter } from "../parameter";

/** Fonds communs de placement d'entreprise: L. 214-164, L. 214-165, L. 214-165-1. */
export const FCPE = {
  scope: inForce<string>(
    "l214-164.scope",
    "FCPE: employer-group securities, one third (L. 214-164 IV / L. 214-165 I)",
    {
      value: "1/3",
      article: "L. 214-164",
      paragraph: "IV",
      wording:
        "aux fonds dont l'actif comprend au plus un tiers de parts ou titres émis par l'entreprise ou par toute entreprise qui lui est liée",
    },
  ),
  solidarityMin: inForce<string>(
    "l214-164.solidarity-min",
    "Solidarity FCPE: solidarity securities, lower bound",
    {
      value: "0.05",
      article: "L. 214-164",
      paragraph: "V a",
      wording:
        "Pour une part comprise entre 5 et 10 %, de parts ou titres émis par des entreprises solidaires",
    },
  ),
  solidarityMax: inForce<string>(
    "l214-164.solidarity-max",
    "Solidarity FCPE: solidarity securities, upper bound",
    {
      value: "0.10",
      article: "L. 214-164",
      paragraph: "V a",
      wording:
        "Pour une part comprise entre 5 et 10 %, de parts ou titres émis par des entreprises solidaires",
    },
  ),
  solidarityLookThrough: inForce<string>(
    "l214-164.solidarity-40",
    "Solidarity FCPE: an SCR's or FCPR's own share of solidarity securities",
    {
      value: "0.40",
      article: "L. 214-164",
      paragraph: "V a",
      wording:
        "sous réserve que l'actif de ces fonds soit composé d'au moins 40 % de parts ou titres émis par des entreprises solidaires",
    },
  ),
  privateEquity: inForce<string>(
    "l214-164.pe30",
    "FCPE: units of FCPR-family funds and OPCI",
    {
      value: "0.30",
      article: "L. 214-164",
      paragraph: "VI",
      wording:
        "peut détenir au plus 30 % de titres émis par un fonds commun de placement mentionné à l'article L. 214-28 ou L. 214-30 ou par un organisme de placement collectif immobilier",
    },
  ),
  perUnlisted: inForce<string>(
    "l214-164.per-unlisted",
    "PER FCPE: securities not admitted on a regulated market",
    {
      value: "0.10",
      article: "L. 214-164",
      paragraph: "VII 1°",
      wording:
        "Jusqu'à 10 % de titres non admis aux négociations sur un marché réglementé",
    },
  ),
  perEmployer: inForce<string>(
    "l214-164.per-employer",
    "PER FCPE: employer-group securities",
    {
      value: "0.10",
      article: "L. 214-164",
      paragraph: "VII 1°",
      wording:
        "ou jusqu'à 10 % de titres de l'entreprise qui a mis en place le plan ou d'entreprises qui lui sont liées",
    },
  ),
  perAif: inForce<string>(
    "l214-164.per-aif",
    "PER FCPE: units of the AIF of VII 2°",
    {
      value: "0.50",
      article: "L. 214-164",
      paragraph: "VII 2°",
      wording:
        "Jusqu'à 50 % de parts ou d'actions de FIA relevant des paragraphes 2,3 ou 6 de la sous-section 2 ou des paragraphes 1 ou 2 de la sous-section 3",
    },
  ),
  foreignLiquid: inForce<string>(
    "l214-165-1.liquid",
    "Foreign-group FCPE: liquid securities",
    {
      value: "1/3",
      article: "L. 214-165-1",
      paragraph: "IV",
      wording:
        "l'actif de ce fonds doit comporter au moins un tiers de titres liquides",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
