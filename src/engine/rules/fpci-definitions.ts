import type { RuleDefinition } from "../result";
import { FCPR_B20, FCPR_L5Y, FCPR_Q50 } from "./fcpr-definitions";

/** L. 214-159 and L. 214-160: the FPCI applies L. 214-28 with its own adaptations. */
export const FPCI_Q50: RuleDefinition = {
  ...FCPR_Q50,
  article: "L. 214-28 I, L. 214-160 II",
};

export const FPCI_CCA15: RuleDefinition = {
  id: "FPCI-CCA15",
  article: "L. 214-160 II 1°",
  direction: "max",
  operator: "<=",
  wording:
    "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28, des avances en compte courant consenties, pour la durée de l'investissement réalisé, à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation.",
  title: {
    en: "Current-account advances, at most 15 %, to companies the fund holds a participation in",
    fr: "Avances en compte courant, 15 % au plus, aux sociétés dont le fonds détient une participation",
  },
};

/**
 * L. 214-160 II 1°, second paragraph: an FPCI or SLP whose main object is infrastructure and which
 * holds the « ELTIF » name retains advances in the quota up to 30 % of the asset. A limit on
 * counting (« ne sont retenues … qu'à concurrence de »), not on holding: direction cap.
 */
export const FPCI_CCA30: RuleDefinition = {
  id: "FPCI-CCA30",
  article: "L. 214-160 II 1°, al. 2",
  direction: "cap",
  operator: "<=",
  wording:
    "L'actif d'un fonds professionnel de capital investissement ou d'une société de libre partenariat peut également comprendre des avances en compte courant, qui ne sont retenues dans le quota d'investissement mentionné au I de l'article L. 214-28 qu'à concurrence de 30 % du total de l'actif",
  title: {
    en: "ELTIF infrastructure fund: advances counted in the quota within 30 %",
    fr: "Fonds ELTIF d'infrastructures : avances en compte courant retenues dans le quota dans la limite de 30 %",
  },
};

export const FPCI_REC10: RuleDefinition = {
  id: "FPCI-REC10",
  article: "L. 214-160 II",
  direction: "max",
  operator: "<=",
  wording: "peut détenir des créances, dans la limite de 10 % de son actif",
  title: { en: "Receivables, at most 10 %", fr: "Créances, 10 % au plus" },
};

export const FPCI_DIG20: RuleDefinition = {
  id: "FPCI-DIG20",
  article: "L. 214-160 II",
  direction: "max",
  operator: "<=",
  wording: "dans la limite de 20 % de leur actif",
  title: {
    en: "Digital assets, at most 20 %",
    fr: "Actifs numériques, 20 % au plus",
  },
};

export const FPCI_RULES = [
  FPCI_Q50,
  FPCI_CCA15,
  FPCI_CCA30,
  FCPR_B20,
  FCPR_L5Y,
  FPCI_REC10,
  FPCI_DIG20,
] as const;
