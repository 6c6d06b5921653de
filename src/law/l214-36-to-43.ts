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
} satisfies Record<string, LawParameter<unknown>>;
