import type { RuleDefinition } from "../result";
import { condition, rule } from "./define";

/** L. 214-30 (FCPI) and L. 214-31 (FIP). Wording quoted from the consolidated Livre II. */
export const FCPI_Q70 = rule(
  "FCPI-Q70",
  "L. 214-30 I",
  "min",
  ">=",
  "Les fonds communs de placement dans l'innovation sont des fonds communs de placement à risques dont l'actif est constitué, pour 70 % au moins, de titres financiers, parts de société à responsabilité limitée et avances en compte courant, tels que définis au I et au 1° du II de l'article L. 214-28",
  "Innovation quota, at least 70 %",
  "Quota innovation de 70 %",
);

export const FCPI_FRESH40 = rule(
  "FCPI-FRESH40",
  "L. 214-30 III A 1°",
  "min",
  ">=",
  "Les titres ou parts reçus en contrepartie de souscriptions au capital, les titres reçus en remboursement d'obligations et les titres reçus en contrepartie d'obligations converties doivent représenter au moins 40 % de l'actif du fonds",
  "Fresh capital, at least 40 %",
  "Titres reçus en souscription, 40 % au moins",
);

export const FCPI_L5Y = rule(
  "FCPI-L5Y",
  "L. 214-30 II",
  "info",
  undefined,
  "ils continuent à être pris en compte dans le quota d'investissement de 70 % pendant une durée de cinq ans à compter de leur admission",
  "Securities listed after the initial investment, counted five years",
  "Titres admis après l'investissement initial, retenus cinq ans",
);

export const FIP_Q70 = rule(
  "FIP-Q70",
  "L. 214-31 I",
  "min",
  ">=",
  "Les fonds d'investissement de proximité sont des fonds communs de placement à risques dont l'actif est constitué, pour 70 % au moins, de titres financiers, parts de société à responsabilité limitée et avances en compte courant, tels que définis par le I et le 1° du II de l'article L. 214-28",
  "Proximity quota, at least 70 %",
  "Quota de proximité de 70 %",
);

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

export const FIP_REG25 = rule(
  "FIP-REG25",
  "L. 214-31 IV",
  "max",
  "<=",
  "L'actif du fonds ne peut être constitué à plus de 25 % de titres financiers, parts de société à responsabilité limitée et avances en compte courant de sociétés exerçant leurs activités principalement dans des établissements situés dans une même région",
  "At most 25 % per region (50 % per overseas collectivité)",
  "25 % au plus par région (50 % par collectivité d'outre-mer)",
);

export const FIP_H20 = rule(
  "FIP-H20",
  "L. 214-31 VI 1°",
  "max",
  "<=",
  "Les parts d'un fonds d'investissement de proximité ne peuvent pas être détenues : 1° A plus de 20 % par un même investisseur",
  "One investor holds at most 20 % of the units",
  "Un même investisseur, 20 % des parts au plus",
);

export const FIP_H10 = rule(
  "FIP-H10",
  "L. 214-31 VI 2°",
  "max",
  "<=",
  "2° A plus de 10 % par un même investisseur personne morale de droit public",
  "One public-law legal person holds at most 10 %",
  "Une personne morale de droit public, 10 % au plus",
);

export const FIP_H30 = rule(
  "FIP-H30",
  "L. 214-31 VI 3°",
  "max",
  "<=",
  "3° A plus de 30 % par des personnes morales de droit public prises ensemble",
  "Public-law legal persons together hold at most 30 %",
  "Personnes morales de droit public ensemble, 30 % au plus",
);

/**
 * L. 214-30 IV and V: securities of a holding company count in the 70 % when it meets IV 1. a)
 * to d); its L. 214-28 III securities only within 20 % of the fund's assets. A gate and a cap on
 * counting, never a breach of the fund: information, with both conditions.
 */
export const FCPI_HOLD75 = rule(
  "FCPI-HOLD75",
  "L. 214-30 IV",
  "info",
  undefined,
  "Les titres de capital mentionnés au I de l'article L. 214-28 et, dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28 sont également éligibles au quota d'investissement mentionné au I du présent article lorsqu'ils sont émis par les sociétés qui remplissent les conditions suivantes",
  "Holding companies counted in the 70 % (at least 75 % of each subsidiary)",
  "Sociétés holding retenues dans le quota de 70 % (75 % au moins de chaque filiale)",
);

/** The two conditions of IV, as the article words them. */
export const HOLDING_CONDITIONS = {
  cap: condition(
    "cap-20",
    "L. 214-30 IV 1.",
    "dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28",
    "Listed securities of holding companies counted within 20 %",
    "Titres cotés des sociétés holding retenus dans la limite de 20 %",
  ),
  gate: condition(
    "gate-75",
    "L. 214-30 IV 1. c), d), V",
    "La société détient exclusivement des participations représentant au moins 75 % du capital de sociétés",
    "Each subsidiary held at least 75 %, one meeting I, II and III",
    "Chaque filiale détenue à 75 % au moins, l'une remplissant les I, II et III",
  ),
} as const;

/** The cap of IV 1. as a comparison of its own: within it passes, above it is information. */
export const FCPI_HOLD75_CAP: RuleDefinition = {
  ...FCPI_HOLD75,
  article: "L. 214-30 IV 1.",
  direction: "cap",
  operator: "<=",
};
