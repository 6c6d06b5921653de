import { condition, rule } from "./define";

/** L. 214-28: the fonds commun de placement à risques. Wording quoted from the consolidated Livre II. */
export const FCPR_Q50 = rule(
  "FCPR-Q50",
  "L. 214-28 I",
  "min",
  ">=",
  "L'actif d'un fonds commun de placement à risques doit être constitué, pour 50 % au moins, de titres associatifs, de titres participatifs ou de titres de capital de sociétés […] qui ne sont pas admis aux négociations",
  "Main quota: unlisted securities, at least 50 %",
  "Quota de 50 % : titres non cotés",
);

export const FCPR_CCA15 = rule(
  "FCPR-CCA15",
  "L. 214-28 II 1°",
  "max",
  "<=",
  "Dans la limite de 15 %, les avances en compte courant consenties, pour la durée de l'investissement réalisé, à des sociétés dans lesquelles le fonds détient au moins 5 % du capital.",
  "Current-account advances, at most 15 %",
  "Avances en compte courant, 15 % au plus",
);

export const FCPR_B20 = rule(
  "FCPR-B20",
  "L. 214-28 III",
  "cap",
  "<=",
  "Sont également éligibles au quota d'investissement prévu au I, dans la limite de 20 % de l'actif du fonds",
  "Listed small caps and unlisted-issuer debt, counted within 20 %",
  "Petites capitalisations cotées et créances, retenues dans la limite de 20 %",
);

export const FCPR_L5Y = rule(
  "FCPR-L5Y",
  "L. 214-28 IV",
  "info",
  undefined,
  "ils continuent à être pris en compte dans le quota d'investissement de 50 % pendant une durée de cinq ans à compter de leur admission",
  "Securities listed after purchase, counted five years",
  "Titres admis après l'investissement, retenus cinq ans",
);

export const FCPR_LIQ5 = rule(
  "FCPR-LIQ5",
  "L. 214-28 XII",
  "min",
  ">=",
  "Un fonds commun de placement à risques qui prévoit dans son actif au moins 5 % d'instruments financiers liquides […] peut le mentionner dans tous les actes et documents destinés aux tiers.",
  "Liquid label: at least 5 % liquid instruments",
  "Mention de liquidité : 5 % au moins d'instruments liquides",
);

export const FCPR_RULES = [
  FCPR_Q50,
  FCPR_CCA15,
  FCPR_B20,
  FCPR_L5Y,
  FCPR_LIQ5,
] as const;

/** The two conditions of II 1° (and of L. 214-160 II 1° for the FPCI), as the articles word them. */
export const ADVANCE_CONDITIONS = {
  "L. 214-28 II 1°": {
    limit: condition(
      "limit-15",
      "L. 214-28 II 1°",
      "Dans la limite de 15 %, les avances en compte courant",
      "Current-account advances, at most 15 % of the asset",
      "Avances en compte courant, 15 % au plus de l'actif",
    ),
    gate: condition(
      "gate-5",
      "L. 214-28 II 1°",
      "à des sociétés dans lesquelles le fonds détient au moins 5 % du capital",
      "Each advance to a company in which the fund holds at least 5 % of the capital",
      "Chaque avance à une société dont le fonds détient au moins 5 % du capital",
    ),
  },
  "L. 214-160 II 1°": {
    limit: condition(
      "limit-15",
      "L. 214-160 II 1°",
      "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28, des avances en compte courant",
      "Current-account advances, at most 15 % of the asset",
      "Avances en compte courant, 15 % au plus de l'actif",
    ),
    gate: condition(
      "gate-participation",
      "L. 214-160 II 1°",
      "à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation",
      "Each advance to a company in which the fund holds a participation",
      "Chaque avance à une société dont le fonds détient une participation",
    ),
  },
} as const;
