import type { RuleDefinition } from "../result";

/** L. 214-36 to L. 214-43: the OPCI (SPPICAV, FPI). Wording quoted from the consolidated Livre II. */
export const OPCI_ASSET: RuleDefinition = {
  id: "OPCI-ASSET",
  article: "L. 214-36 I",
  direction: "max",
  operator: "<=",
  wording:
    "l'actif d'un organisme de placement collectif immobilier est exclusivement constitué",
  title: {
    en: "Only the assets listed by L. 214-36 I",
    fr: "Uniquement les actifs énumérés au I de l'article L. 214-36",
  },
};

export const OPCI_RE60: RuleDefinition = {
  id: "OPCI-RE60",
  article: "L. 214-37 1°",
  direction: "min",
  operator: ">=",
  wording: "A hauteur de 60 % au moins d'actifs immobiliers.",
  title: {
    en: "Real-estate assets, at least 60 %",
    fr: "Actifs immobiliers, 60 % au moins",
  },
};

export const OPCI_RE51: RuleDefinition = {
  id: "OPCI-RE51",
  article: "L. 214-37 1°",
  direction: "min",
  operator: ">=",
  wording:
    "les actifs mentionnés aux 1° à 3° et au 5° du I de l'article précité devant représenter au minimum 51 % de l'actif",
  title: {
    en: "Items 1° to 3° and 5°, at least 51 % (SPPICAV)",
    fr: "Actifs des 1° à 3° et 5°, 51 % au minimum (SPPICAV)",
  },
};

export const OPCI_LIQ5: RuleDefinition = {
  id: "OPCI-LIQ5",
  article: "L. 214-37 2°",
  direction: "min",
  operator: ">=",
  wording:
    "A hauteur de 5 % au moins d'actifs mentionnés au 8° et au 9° du I de l'article L. 214-36. Ces actifs doivent être libres de toutes sûretés ou droits au profit de tiers.",
  title: {
    en: "Unencumbered deposits, liquid instruments and cash, at least 5 %",
    fr: "Dépôts, instruments liquides et liquidités libres, 5 % au moins",
  },
};

export const OPCI_LEV40: RuleDefinition = {
  id: "OPCI-LEV40",
  article: "L. 214-39",
  direction: "max",
  operator: "<=",
  wording:
    "peut contracter des emprunts dans la limite de 40 % de la valeur des actifs immobiliers mentionnés aux 1° à 3° et au 5° du I de l'article L. 214-36",
  title: {
    en: "Borrowings, at most 40 % of real-estate assets, looking through",
    fr: "Emprunts, 40 % au plus des actifs immobiliers, par transparence",
  },
};

export const OPCI_CCA5: RuleDefinition = {
  id: "OPCI-CCA5",
  article: "L. 214-42",
  direction: "max",
  operator: "<=",
  wording:
    "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36 dont il détient directement ou indirectement au moins 5 % du capital social",
  title: {
    en: "Advances only to 2° and 3° companies held at least 5 %",
    fr: "Avances aux seules sociétés des 2° et 3° détenues à 5 % au moins",
  },
};

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
export const CCA_COMPANIES = {
  id: "companies-2-3",
  article: "L. 214-42",
  wording: "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36",
  title: {
    en: "Advances only to the fund's companies of items 2° and 3°",
    fr: "Avances aux seules sociétés des 2° et 3° détenues par le fonds",
  },
};
export const CCA_GATE = {
  id: "gate-5",
  article: "L. 214-42",
  wording:
    "dont il détient directement ou indirectement au moins 5 % du capital social",
  title: {
    en: "Each advance to a company in which the fund holds at least 5 % of the capital",
    fr: "Chaque avance à une société dont le fonds détient au moins 5 % du capital",
  },
};
