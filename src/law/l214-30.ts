import { vintageQuota } from "./fcpi-fip-vintage";
import { inForce, type LawParameter } from "./parameter";

/** L. 214-30: the fonds commun de placement dans l'innovation (FCPI). */
const ARTICLE = "L. 214-30";

export const L214_30 = {
  quota: vintageQuota("l214-30.quota", ARTICLE),
  fresh: inForce<string>("l214-30.fresh", "fresh-capital securities", {
    value: "0.4",
    article: ARTICLE,
    paragraph: "III A 1°",
    wording: "au moins 40 % de l'actif du fonds",
  }),
  listedYears: inForce<number>(
    "l214-30.listed-years",
    "years a security admitted after the initial investment still counts",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "II",
      wording: "pendant une durée de cinq ans à compter de leur admission",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
