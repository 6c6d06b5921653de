import { inForce, type LawParameter } from "../parameter";

/** Sociétés civiles de placement immobilier: L. 214-93 to L. 214-116 (also applied to the SEF, L. 214-121). */
export const SCPI = {
  assetList: inForce<string>(
    "l214-115.list",
    "SCPI: share of the asset outside the list of L. 214-115 I",
    {
      value: "0",
      article: "L. 214-115",
      paragraph: "I",
      wording:
        "l'actif d'une société civile de placement immobilier est exclusivement constitué",
    },
  ),
  advanceGate: inForce<string>(
    "l214-102.advance-gate",
    "SCPI: advances only to 2° and 3° companies held at least 5 %",
    {
      value: "0.05",
      article: "L. 214-102",
      paragraph: "II",
      wording:
        "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-115 dont elle détient directement ou indirectement au moins 5 % du capital social",
    },
  ),
  advancesOutside: inForce<string>(
    "l214-102.advances-outside",
    "SCPI: advances the gate does not allow",
    {
      value: "0",
      article: "L. 214-102",
      paragraph: "II",
      wording:
        "consentir des avances en compte courant aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-115",
    },
  ),
  borrowing: inForce<string>(
    "l214-101.borrowing",
    "SCPI: debt over the general meeting's maximum",
    {
      value: "1",
      article: "L. 214-101",
      paragraph: "",
      wording:
        "dans la limite d'un maximum fixé par l'assemblée générale. Cette limite tient compte de l'endettement des sociétés mentionnées au 2° du I de l'article L. 214-115",
    },
  ),
  raise: inForce<string>(
    "l214-116.raise",
    "SCPI: share of the maximum capital subscribed by the public",
    {
      value: "0.15",
      article: "L. 214-116",
      paragraph: "",
      wording:
        "A concurrence de 15 % au moins, le capital maximum des sociétés civiles de placement immobilier, tel qu'il est fixé par leurs statuts, est souscrit par le public dans un délai d'une année après la date d'ouverture de la souscription",
    },
  ),
  raiseYears: inForce<number>(
    "l214-116.raise-years",
    "SCPI: time to raise 15 % of the maximum capital, in years",
    {
      value: 1,
      article: "L. 214-116",
      paragraph: "",
      wording:
        "dans un délai d'une année après la date d'ouverture de la souscription",
    },
  ),
  sellOrders: inForce<string>(
    "l214-93.sell-orders",
    "SCPI: old sell orders or withdrawals, share of the units issued",
    {
      value: "0.10",
      article: "L. 214-93",
      paragraph: "II",
      wording:
        "les ordres de vente inscrits depuis plus de douze mois sur le registre mentionné au I représentent au moins 10 % des parts émises par la société",
    },
  ),
  sellOrdersMonths: inForce<number>(
    "l214-93.sell-orders-months",
    "SCPI: age of an order that counts, in months",
    {
      value: 12,
      article: "L. 214-93",
      paragraph: "II",
      wording: "inscrits depuis plus de douze mois",
    },
  ),
  priceGap: inForce<string>(
    "l214-94.price-gap",
    "SCPI: gap between subscription price and reconstitution value",
    {
      value: "0.10",
      article: "L. 214-94",
      paragraph: "",
      wording:
        "Tout écart entre le prix de souscription et la valeur de reconstitution des parts supérieur à 10 % doit être justifié par la société de gestion et notifié à l'Autorité des marchés financiers",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
