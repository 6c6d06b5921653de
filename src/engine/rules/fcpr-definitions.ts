import type { RuleDefinition } from "../result";

/** L. 214-28: the fonds commun de placement à risques. Wording quoted from the consolidated Livre II. */
export const FCPR_Q50: RuleDefinition = {
  id: "FCPR-Q50",
  article: "L. 214-28 I",
  direction: "min",
  operator: ">=",
  wording:
    "L'actif d'un fonds commun de placement à risques doit être constitué, pour 50 % au moins, de titres associatifs, de titres participatifs ou de titres de capital de sociétés […] qui ne sont pas admis aux négociations",
  title: {
    en: "Main quota: unlisted securities, at least 50 %",
    fr: "Quota de 50 % : titres non cotés",
  },
};

export const FCPR_CCA15: RuleDefinition = {
  id: "FCPR-CCA15",
  article: "L. 214-28 II 1°",
  direction: "max",
  operator: "<=",
  wording:
    "Dans la limite de 15 %, les avances en compte courant consenties, pour la durée de l'investissement réalisé, à des sociétés dans lesquelles le fonds détient au moins 5 % du capital.",
  title: {
    en: "Current-account advances, at most 15 %",
    fr: "Avances en compte courant, 15 % au plus",
  },
};

export const FCPR_B20: RuleDefinition = {
  id: "FCPR-B20",
  article: "L. 214-28 III",
  direction: "cap",
  operator: "<=",
  wording:
    "Sont également éligibles au quota d'investissement prévu au I, dans la limite de 20 % de l'actif du fonds",
  title: {
    en: "Listed small caps and unlisted-issuer debt, counted within 20 %",
    fr: "Petites capitalisations cotées et créances, retenues dans la limite de 20 %",
  },
};

export const FCPR_L5Y: RuleDefinition = {
  id: "FCPR-L5Y",
  article: "L. 214-28 IV",
  direction: "info",
  wording:
    "ils continuent à être pris en compte dans le quota d'investissement de 50 % pendant une durée de cinq ans à compter de leur admission",
  title: {
    en: "Securities listed after purchase, counted five years",
    fr: "Titres admis après l'investissement, retenus cinq ans",
  },
};

export const FCPR_LIQ5: RuleDefinition = {
  id: "FCPR-LIQ5",
  article: "L. 214-28 XII",
  direction: "min",
  operator: ">=",
  wording:
    "Un fonds commun de placement à risques qui prévoit dans son actif au moins 5 % d'instruments financiers liquides […] peut le mentionner dans tous les actes et documents destinés aux tiers.",
  title: {
    en: "Liquid label: at least 5 % liquid instruments",
    fr: "Mention de liquidité : 5 % au moins d'instruments liquides",
  },
};

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
    limit: {
      id: "limit-15",
      article: "L. 214-28 II 1°",
      wording: "Dans la limite de 15 %, les avances en compte courant",
      title: {
        en: "Current-account advances, at most 15 % of the asset",
        fr: "Avances en compte courant, 15 % au plus de l'actif",
      },
    },
    gate: {
      id: "gate-5",
      article: "L. 214-28 II 1°",
      wording:
        "à des sociétés dans lesquelles le fonds détient au moins 5 % du capital",
      title: {
        en: "Each advance to a company in which the fund holds at least 5 % of the capital",
        fr: "Chaque avance à une société dont le fonds détient au moins 5 % du capital",
      },
    },
  },
  "L. 214-160 II 1°": {
    limit: {
      id: "limit-15",
      article: "L. 214-160 II 1°",
      wording:
        "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28, des avances en compte courant",
      title: {
        en: "Current-account advances, at most 15 % of the asset",
        fr: "Avances en compte courant, 15 % au plus de l'actif",
      },
    },
    gate: {
      id: "gate-participation",
      article: "L. 214-160 II 1°",
      wording:
        "à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation",
      title: {
        en: "Each advance to a company in which the fund holds a participation",
        fr: "Chaque avance à une société dont le fonds détient une participation",
      },
    },
  },
} as const;
