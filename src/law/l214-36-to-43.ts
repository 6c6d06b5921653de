import { inForce, type LawParameter } from "./parameter";

/** L. 214-36 to L. 214-43: the organisme de placement collectif immobilier (SPPICAV, FPI). */
export const L214_36_TO_43 = {
  assetList: inForce<string>("l214-36.asset-list", "closed list of assets", {
    value: "0",
    article: "L. 214-36",
    paragraph: "I",
    wording:
      "l'actif d'un organisme de placement collectif immobilier est exclusivement constitué",
  }),
  realEstate: inForce<string>("l214-37.real-estate", "real-estate assets", {
    value: "0.6",
    article: "L. 214-37",
    paragraph: "1°",
    wording: "A hauteur de 60 % au moins d'actifs immobiliers",
  }),
  sppicavItems: inForce<string>(
    "l214-37.sppicav-items",
    "SPPICAV: items 1° to 3° and 5°",
    {
      value: "0.51",
      article: "L. 214-37",
      paragraph: "1°",
      wording: "au minimum 51 % de l'actif",
    },
  ),
  liquidity: inForce<string>("l214-37.liquidity", "liquid assets", {
    value: "0.05",
    article: "L. 214-37",
    paragraph: "2°",
    wording: "A hauteur de 5 % au moins",
  }),
  borrowing: inForce<string>("l214-39.borrowing", "borrowings, limit", {
    value: "0.4",
    article: "L. 214-39",
    paragraph: "",
    wording: "dans la limite de 40 % de la valeur des actifs immobiliers",
  }),
  advanceGate: inForce<string>(
    "l214-42.advance-gate",
    "smallest share of capital for an advance",
    {
      value: "0.05",
      article: "L. 214-42",
      paragraph: "",
      wording: "au moins 5 % du capital social",
    },
  ),
  rampUpYears: inForce<number>(
    "l214-43.ramp-up-years",
    "years after creation before the quotas bind",
    {
      value: 3,
      article: "L. 214-43",
      paragraph: "",
      wording: "au plus tard trois ans après la date de création",
    },
  ),
  // The items of L. 214-36 I (opciCategory) each rule counts.
  realEstateItemsSppicav: inForce<readonly number[]>(
    "l214-37.real-estate-items-sppicav",
    "SPPICAV: the items that are real-estate assets",
    {
      value: [1, 2, 3, 4, 5],
      article: "L. 214-37",
      paragraph: "1°",
      wording:
        "ces actifs immobiliers sont ceux mentionnés aux 1° à 5° du I de l'article L. 214-36",
    },
  ),
  realEstateItemsFpi: inForce<readonly number[]>(
    "l214-37.real-estate-items-fpi",
    "FPI: the items that are real-estate assets (5° when a controlled participation)",
    {
      value: [1, 2, 5],
      article: "L. 214-37",
      paragraph: "1°",
      wording:
        "ces actifs sont ceux mentionnés aux 1° et 2° du I de l'article L. 214-36 et, sous réserve qu'il s'agisse d'une participation contrôlée",
    },
  ),
  sppicavItemsList: inForce<readonly number[]>(
    "l214-37.sppicav-items-list",
    "SPPICAV: the items of the 51 %",
    {
      value: [1, 2, 3, 5],
      article: "L. 214-37",
      paragraph: "1°",
      wording:
        "les actifs mentionnés aux 1° à 3° et au 5° du I de l'article précité",
    },
  ),
  liquidityItems: inForce<readonly number[]>(
    "l214-37.liquidity-items",
    "the items of the 5 % of liquid assets",
    {
      value: [8, 9],
      article: "L. 214-37",
      paragraph: "2°",
      wording: "d'actifs mentionnés au 8° et au 9° du I de l'article L. 214-36",
    },
  ),
  borrowingBaseItems: inForce<readonly number[]>(
    "l214-39.base-items",
    "the items whose value is the base of the 40 %",
    {
      value: [1, 2, 3, 5],
      article: "L. 214-39",
      paragraph: "",
      wording:
        "la valeur des actifs immobiliers mentionnés aux 1° à 3° et au 5° du I de l'article L. 214-36",
    },
  ),
  lookThroughItems: inForce<readonly number[]>(
    "l214-39.look-through-items",
    "the items whose borrowings count by look-through",
    {
      value: [2, 3, 5],
      article: "L. 214-39",
      paragraph: "",
      wording:
        "par les sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36 et par les organismes mentionnés au 5° du même I, à concurrence du pourcentage de participation",
    },
  ),
  unlistedItems: inForce<readonly number[]>(
    "l214-36.unlisted-items",
    "items that take only companies not admitted to trading",
    {
      value: [2, 3],
      article: "L. 214-36",
      paragraph: "I",
      wording:
        "Les instruments financiers qu'elles émettent ne sont pas admis aux négociations",
    },
  ),
  tradedItems: inForce<readonly number[]>(
    "l214-36.traded-items",
    "items that take only shares traded on a market",
    {
      value: [4],
      article: "L. 214-36",
      paragraph: "I",
      wording: "Des actions négociées sur un marché",
    },
  ),
  advanceItems: inForce<readonly number[]>(
    "l214-36.advance-items",
    "the item of current-account advances",
    {
      value: [10],
      article: "L. 214-36",
      paragraph: "I",
      wording:
        "Des avances en compte courant consenties en application de l'article L. 214-42",
    },
  ),
  advanceCompanyItems: inForce<readonly number[]>(
    "l214-42.company-items",
    "the items of the companies an advance may go to",
    {
      value: [2, 3],
      article: "L. 214-42",
      paragraph: "",
      wording:
        "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-36",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
