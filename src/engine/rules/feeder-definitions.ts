import { condition, rule } from "./define";

/** Feeders: L. 214-22 (OPCVM), L. 214-24 IV (FIA), L. 214-24-57 (FIVG). Wording quoted from the consolidated Livre II. */
export const OPCVM_FEED85 = rule(
  "OPCVM-FEED85",
  "L. 214-22 I",
  "min",
  ">=",
  "au moins 85 % de son actif est investi en actions ou parts d'un même OPCVM, ou d'un compartiment de celui-ci, dit maître",
  "At least 85 % in one master",
  "85 % au moins dans un même maître",
);

export const OPCVM_FEED15 = rule(
  "OPCVM-FEED15",
  "L. 214-22 I 1° à 3°",
  "max",
  "<=",
  "Un OPCVM nourricier peut investir jusqu'à 15 % de son actif dans les éléments suivants : 1° Des liquidités à titre accessoire ; 2° Des contrats financiers […] uniquement à des fins de couverture ; 3° Les biens meubles et immeubles nécessaires à l'exercice direct de son activité, lorsque cet OPCVM nourricier est une SICAV.",
  "At most 15 % elsewhere, only accessory cash, hedging contracts and a SICAV's premises",
  "15 % au plus ailleurs : liquidités accessoires, couverture, biens d'exploitation d'une SICAV",
);

export const FIVG_FEED = rule(
  "FIVG-FEED",
  "L. 214-24-57",
  "max",
  "<=",
  'son actif est investi en totalité en actions ou parts d\'un seul FIA, dit " FIA maître ", ou d\'un seul OPCVM dit " OPCVM maître ", et, à titre accessoire, en liquidités',
  "Wholly in one master, with accessory cash only",
  "En totalité dans un seul maître, liquidités à titre accessoire",
);

export const FIA_FEED85 = rule(
  "FIA-FEED85",
  "L. 214-24 IV 1°",
  "info",
  ">=",
  "investi à hauteur d'au moins 85 % de son actif dans les parts ou actions d'un FIA maître",
  "Feeder AIF within the meaning of Directive 2011/61/EU (classification)",
  "FIA nourricier au sens de la directive 2011/61/UE (qualification)",
);

/** The two conditions of L. 214-22 I for what a feeder holds besides its master. */
export const FEED15_LIMIT = condition(
  "limit-15",
  "L. 214-22 I",
  "Un OPCVM nourricier peut investir jusqu'à 15 % de son actif dans les éléments suivants",
  "At most 15 % of the asset besides the master",
  "15 % au plus de l'actif en dehors du maître",
);
export const FEED15_LIST = condition(
  "closed-list",
  "L. 214-22 I 1° à 3°",
  "1° Des liquidités à titre accessoire ; 2° Des contrats financiers […] uniquement à des fins de couverture ; 3° Les biens meubles et immeubles nécessaires à l'exercice direct de son activité, lorsque cet OPCVM nourricier est une SICAV.",
  "Besides the master, only accessory cash, hedging contracts and a SICAV's premises",
  "En dehors du maître, uniquement des liquidités accessoires, des contrats de couverture et les biens d'exploitation d'une SICAV",
);
export const FIVG_LIST = {
  id: "closed-list",
  article: "L. 214-24-57",
  wording: FIVG_FEED.wording,
  title: FIVG_FEED.title,
};
