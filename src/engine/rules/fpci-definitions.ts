import type { RuleDefinition } from "../result";
import { rule } from "./define";
import { FCPR_B20, FCPR_L5Y, FCPR_Q50 } from "./fcpr-definitions";

/** L. 214-159 and L. 214-160: the FPCI applies L. 214-28 with its own adaptations. */
export const FPCI_Q50: RuleDefinition = {
  ...FCPR_Q50,
  article: "L. 214-28 I, L. 214-160 II",
};

export const FPCI_CCA15 = rule(
  "FPCI-CCA15",
  "L. 214-160 II 1°",
  "max",
  "<=",
  "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28, des avances en compte courant consenties, pour la durée de l'investissement réalisé, à des sociétés dans lesquelles le fonds professionnel de capital investissement détient une participation.",
  "Current-account advances, at most 15 %, to companies the fund holds a participation in",
  "Avances en compte courant, 15 % au plus, aux sociétés dont le fonds détient une participation",
);

/**
 * L. 214-160 II 1°, second paragraph: an FPCI or SLP whose main object is infrastructure and which
 * holds the « ELTIF » name retains advances in the quota up to 30 % of the asset. A limit on
 * counting (« ne sont retenues … qu'à concurrence de »), not on holding: direction cap.
 */
export const FPCI_CCA30 = rule(
  "FPCI-CCA30",
  "L. 214-160 II 1°, al. 2",
  "cap",
  "<=",
  "L'actif d'un fonds professionnel de capital investissement ou d'une société de libre partenariat peut également comprendre des avances en compte courant, qui ne sont retenues dans le quota d'investissement mentionné au I de l'article L. 214-28 qu'à concurrence de 30 % du total de l'actif",
  "ELTIF infrastructure fund: advances counted in the quota within 30 %",
  "Fonds ELTIF d'infrastructures : avances en compte courant retenues dans le quota dans la limite de 30 %",
);

export const FPCI_REC10 = rule(
  "FPCI-REC10",
  "L. 214-160 II",
  "max",
  "<=",
  "peut détenir des créances, dans la limite de 10 % de son actif",
  "Receivables, at most 10 %",
  "Créances, 10 % au plus",
);

export const FPCI_DIG20 = rule(
  "FPCI-DIG20",
  "L. 214-160 II",
  "max",
  "<=",
  "dans la limite de 20 % de leur actif",
  "Digital assets, at most 20 %",
  "Actifs numériques, 20 % au plus",
);

export const FPCI_RULES = [
  FPCI_Q50,
  FPCI_CCA15,
  FPCI_CCA30,
  FCPR_B20,
  FCPR_L5Y,
  FPCI_REC10,
  FPCI_DIG20,
] as const;
