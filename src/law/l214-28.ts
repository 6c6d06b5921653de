import { inForce, type LawParameter, type RatioParameter } from "./parameter";

/** L. 214-28: the fonds commun de placement à risques (FCPR); FCPI, FIP and FPCI apply it too. */
const ARTICLE = "L. 214-28";

export const L214_28 = {
  quota: inForce<string>("l214-28.quota", "FCPR main quota", {
    value: "0.5",
    article: ARTICLE,
    paragraph: "I",
    wording: "pour 50 % au moins",
  }),
  advances: inForce<string>(
    "l214-28.advances",
    "current-account advances, limit",
    {
      value: "0.15",
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "Dans la limite de 15 %",
    },
  ),
  advanceGate: inForce<string>(
    "l214-28.advance-gate",
    "smallest share of capital for an advance",
    {
      value: "0.05",
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "au moins 5 % du capital",
    },
  ),
  bucket: inForce<string>("l214-28.bucket", "listed small caps and debt, cap", {
    value: "0.2",
    article: ARTICLE,
    paragraph: "III",
    wording: "dans la limite de 20 % de l'actif du fonds",
  }),
  smallCapLimit: inForce<string>(
    "l214-28.small-cap-limit",
    "market capitalisation of a listed small cap, in euros (strictly below)",
    {
      value: "150000000",
      article: ARTICLE,
      paragraph: "III 1°",
      wording: "inférieure à 150 millions d'euros",
    },
  ),
  listedYears: inForce<number>(
    "l214-28.listed-years",
    "years a security admitted after purchase still counts",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "IV",
      wording: "pendant une durée de cinq ans à compter de leur admission",
    },
  ),
  windowFirstYear: inForce<number>(
    "l214-28.window-first-year",
    "financial year at whose closing the quota first binds",
    {
      value: 2,
      article: ARTICLE,
      paragraph: "V",
      wording:
        "au plus tard lors de l'inventaire de clôture de l'exercice suivant l'exercice de la constitution",
    },
  ),
  windowLastYear: inForce<number>(
    "l214-28.window-last-year",
    "financial year at whose closing the quota last binds",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "V",
      wording: "jusqu'à la clôture du cinquième exercice du fonds",
    },
  ),
  liquidLabel: inForce<string>(
    "l214-28.liquid-label",
    "liquid instruments of a fund using the label",
    {
      value: "0.05",
      article: ARTICLE,
      paragraph: "XII",
      wording: "au moins 5 % d'instruments financiers liquides",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;

export type L21428Ratio = RatioParameter;
