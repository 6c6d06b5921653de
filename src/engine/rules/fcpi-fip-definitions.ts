import type { RuleDefinition } from "../result";

/** L. 214-30 (FCPI) and L. 214-31 (FIP). Wording quoted from the consolidated Livre II. */
export const FCPI_Q70: RuleDefinition = {
  id: "FCPI-Q70",
  article: "L. 214-30 I",
  direction: "min",
  operator: ">=",
  wording:
    "Les fonds communs de placement dans l'innovation sont des fonds communs de placement à risques dont l'actif est constitué, pour 70 % au moins, de titres financiers, parts de société à responsabilité limitée et avances en compte courant, tels que définis au I et au 1° du II de l'article L. 214-28",
  title: {
    en: "Innovation quota, at least 70 %",
    fr: "Quota innovation de 70 %",
  },
};

export const FCPI_FRESH40: RuleDefinition = {
  id: "FCPI-FRESH40",
  article: "L. 214-30 III A 1°",
  direction: "min",
  operator: ">=",
  wording:
    "Les titres ou parts reçus en contrepartie de souscriptions au capital, les titres reçus en remboursement d'obligations et les titres reçus en contrepartie d'obligations converties doivent représenter au moins 40 % de l'actif du fonds",
  title: {
    en: "Fresh capital, at least 40 %",
    fr: "Titres reçus en souscription, 40 % au moins",
  },
};

export const FCPI_L5Y: RuleDefinition = {
  id: "FCPI-L5Y",
  article: "L. 214-30 II",
  direction: "info",
  wording:
    "ils continuent à être pris en compte dans le quota d'investissement de 70 % pendant une durée de cinq ans à compter de leur admission",
  title: {
    en: "Securities listed after the initial investment, counted five years",
    fr: "Titres admis après l'investissement initial, retenus cinq ans",
  },
};

export const FIP_Q70: RuleDefinition = {
  id: "FIP-Q70",
  article: "L. 214-31 I",
  direction: "min",
  operator: ">=",
  wording:
    "Les fonds d'investissement de proximité sont des fonds communs de placement à risques dont l'actif est constitué, pour 70 % au moins, de titres financiers, parts de société à responsabilité limitée et avances en compte courant, tels que définis par le I et le 1° du II de l'article L. 214-28",
  title: {
    en: "Proximity quota, at least 70 %",
    fr: "Quota de proximité de 70 %",
  },
};

export const FIP_FRESH40: RuleDefinition = {
  ...FCPI_FRESH40,
  id: "FIP-FRESH40",
  article: "L. 214-31 III A 1°",
};

export const FIP_L5Y: RuleDefinition = {
  ...FCPI_L5Y,
  id: "FIP-L5Y",
  article: "L. 214-31 II",
};

export const FIP_REG25: RuleDefinition = {
  id: "FIP-REG25",
  article: "L. 214-31 IV",
  direction: "max",
  operator: "<=",
  wording:
    "L'actif du fonds ne peut être constitué à plus de 25 % de titres financiers, parts de société à responsabilité limitée et avances en compte courant de sociétés exerçant leurs activités principalement dans des établissements situés dans une même région",
  title: {
    en: "At most 25 % per region (50 % per overseas collectivité)",
    fr: "25 % au plus par région (50 % par collectivité d'outre-mer)",
  },
};

export const FIP_H20: RuleDefinition = {
  id: "FIP-H20",
  article: "L. 214-31 VI 1°",
  direction: "max",
  operator: "<=",
  wording:
    "Les parts d'un fonds d'investissement de proximité ne peuvent pas être détenues : 1° A plus de 20 % par un même investisseur",
  title: {
    en: "One investor holds at most 20 % of the units",
    fr: "Un même investisseur, 20 % des parts au plus",
  },
};

export const FIP_H10: RuleDefinition = {
  id: "FIP-H10",
  article: "L. 214-31 VI 2°",
  direction: "max",
  operator: "<=",
  wording:
    "2° A plus de 10 % par un même investisseur personne morale de droit public",
  title: {
    en: "One public-law legal person holds at most 10 %",
    fr: "Une personne morale de droit public, 10 % au plus",
  },
};

export const FIP_H30: RuleDefinition = {
  id: "FIP-H30",
  article: "L. 214-31 VI 3°",
  direction: "max",
  operator: "<=",
  wording:
    "3° A plus de 30 % par des personnes morales de droit public prises ensemble",
  title: {
    en: "Public-law legal persons together hold at most 30 %",
    fr: "Personnes morales de droit public ensemble, 30 % au plus",
  },
};

/**
 * L. 214-30 IV and V: securities of a holding company count in the 70 % when it meets IV 1. a)
 * to d); its L. 214-28 III securities only within 20 % of the fund's assets. A gate and a cap on
 * counting, never a breach of the fund: information, with both conditions.
 */
export const FCPI_HOLD75: RuleDefinition = {
  id: "FCPI-HOLD75",
  article: "L. 214-30 IV",
  direction: "info",
  wording:
    "Les titres de capital mentionnés au I de l'article L. 214-28 et, dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28 sont également éligibles au quota d'investissement mentionné au I du présent article lorsqu'ils sont émis par les sociétés qui remplissent les conditions suivantes",
  title: {
    en: "Holding companies counted in the 70 % (at least 75 % of each subsidiary)",
    fr: "Sociétés holding retenues dans le quota de 70 % (75 % au moins de chaque filiale)",
  },
};

/** The two conditions of IV, as the article words them. */
export const HOLDING_CONDITIONS = {
  cap: {
    id: "cap-20",
    article: "L. 214-30 IV 1.",
    wording:
      "dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28",
    title: {
      en: "Listed securities of holding companies counted within 20 %",
      fr: "Titres cotés des sociétés holding retenus dans la limite de 20 %",
    },
  },
  gate: {
    id: "gate-75",
    article: "L. 214-30 IV 1. c), d), V",
    wording:
      "La société détient exclusivement des participations représentant au moins 75 % du capital de sociétés",
    title: {
      en: "Each subsidiary held at least 75 %, one meeting I, II and III",
      fr: "Chaque filiale détenue à 75 % au moins, l'une remplissant les I, II et III",
    },
  },
} as const;

/** The cap of IV 1. as a comparison of its own: within it passes, above it is information. */
export const FCPI_HOLD75_CAP: RuleDefinition = {
  ...FCPI_HOLD75,
  article: "L. 214-30 IV 1.",
  direction: "cap",
  operator: "<=",
};
