import { condition, rule } from "./define";

/** L. 214-36 to L. 214-43: the OPCI (SPPICAV, FPI). Wording quoted from the consolidated Livre II. */
export const OPCI_ASSET = rule(
  "OPCI-ASSET",
  "L. 214-36 I",
  "max",
  "<=",
  "l'actif d'un organisme de placement collectif immobilier est exclusivement constitué",
  "Only the assets listed by L. 214-36 I",
  "Uniquement les actifs énumérés au I de l'article L. 214-36",
);

export const OPCI_RE60 = rule(
  "OPCI-RE60",
  "L. 214-37 1°",
  "min",
  ">=",
  "A hauteur de 60 % au moins d'actifs immobiliers.",
  "Real-estate assets, at least 60 %",
  "Actifs immobiliers, 60 % au moins",
);

export const OPCI_RE51 = rule(
  "OPCI-RE51",
  "L. 214-37 1°",
  "min",
  ">=",
  "les actifs mentionnés aux 1° à 3° et au 5° du I de l'article précité devant représenter au minimum 51 % de l'actif",
  "Items 1° to 3° and 5°, at least 51 % (SPPICAV)",
  "Actifs des 1° à 3° et 5°, 51 % au minimum (SPPICAV)",
);

export const OPCI_LIQ5 = rule(
  "OPCI-LIQ5",
  "L. 214-37 2°",
  "min",
  ">=",
  "A hauteur de 5 % au moins d'actifs mentionnés au 8° et au 9° du I de l'article L. 214-36. Ces actifs doivent être libres de toutes sûretés ou droits au profit de tiers.",
  "Unencumbered deposits, liquid instruments and cash, at least 5 %",
  "Dépôts, instruments liquides et liquidités libres, 5 % au moins",
);

export const OPCI_LEV40 = rule(
  "OPCI-LEV40",
  "L. 214-39",
  "max",
  "<=",
  "peut contracter des emprunts dans la limite de 40 % de la valeur des actifs immobiliers mentionnés aux 1° à 3° et au 5° du I de l'article L. 214-36",
  "Borrowings, at most 40 % of real-estate assets, looking through",
  "Emprunts, 40 % au plus des actifs immobiliers, par transparence",
);

export const OPCI_CCA5 = rule(
  "OPCI-CCA5",
  "L. 214-42",
  "max",
  "<=",
  "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36 dont il détient directement ou indirectement au moins 5 % du capital social",
  "Advances only to 2° and 3° companies held at least 5 %",
  "Avances aux seules sociétés des 2° et 3° détenues à 5 % au moins",
);

export const OPCI_RULES = [
  OPCI_ASSET,
  OPCI_RE60,
  OPCI_RE51,
  OPCI_LIQ5,
  OPCI_LEV40,
  OPCI_CCA5,
] as const;

/** The conditions of the rules that have several. */
export const ASSET_LIST = {
  id: "closed-list",
  article: "L. 214-36 I",
  wording: OPCI_ASSET.wording,
  title: OPCI_ASSET.title,
};
export const CCA_COMPANIES = condition(
  "companies-2-3",
  "L. 214-42",
  "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36",
  "Advances only to the fund's companies of items 2° and 3°",
  "Avances aux seules sociétés des 2° et 3° détenues par le fonds",
);
export const CCA_GATE = condition(
  "gate-5",
  "L. 214-42",
  "dont il détient directement ou indirectement au moins 5 % du capital social",
  "Each advance to a company in which the fund holds at least 5 % of the capital",
  "Chaque avance à une société dont le fonds détient au moins 5 % du capital",
);
