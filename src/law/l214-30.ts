import { vintageQuota } from "./fcpi-fip-vintage";
import type { AcquisitionMode, AssetClass } from "../engine/model";
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
  ...freshCapitalLists("l214-30", ARTICLE),
  // IV and V: securities of a holding company (société mère) count in the 70 % (FCPI-HOLD75).
  holdingStake: inForce<string>(
    "l214-30.holding-stake",
    "holding company: lowest share of capital held in each subsidiary",
    {
      value: "0.75",
      article: ARTICLE,
      paragraph: "IV 1. c)",
      wording:
        "La société détient exclusivement des participations représentant au moins 75 % du capital de sociétés",
      note: "V: a disposal that breaks « le seuil de détention de 75 % » ends the counting of the parent's securities.",
    },
  ),
  holdingListedCap: inForce<string>(
    "l214-30.holding-listed-cap",
    "holding company: its L. 214-28 III securities count within this share of the fund's assets",
    {
      value: "0.2",
      article: ARTICLE,
      paragraph: "IV 1.",
      wording:
        "et, dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28",
    },
  ),
  holdingClasses: inForce<readonly AssetClass[]>(
    "l214-30.holding-classes",
    "holding company: the securities IV makes eligible",
    {
      value: ["EQUITY"],
      article: ARTICLE,
      paragraph: "IV 1.",
      wording:
        "Les titres de capital mentionnés au I de l'article L. 214-28 et, dans la limite de 20 % de l'actif du fond, au III du même article L. 214-28 sont également éligibles au quota",
      note: "« titres de capital » only: securities giving access to capital, bonds and SARL parts of a holding company are not made eligible by IV.",
    },
  ),
  // III A 2° b): secondary shares with a subscription commitment.
  secondaryCommitment: inForce<string>(
    "l214-30.secondary-commitment",
    "secondary shares: the subscription commitment, as a share of the purchase",
    {
      value: "1",
      article: ARTICLE,
      paragraph: "III A 2° b)",
      wording:
        "le fonds s'engage à souscrire pendant sa durée de vie des titres ou parts mentionnés au 1° du présent A, dont l'émission est prévue au plan d'entreprise, pour une valeur au moins équivalente au rachat",
      note: "« La réalisation de cette condition est appréciée sur la durée de vie du fonds. »",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;

/** III A 1° of L. 214-30 and of L. 214-31, in the same words: what counts as fresh capital. */
export function freshCapitalLists(id: string, article: string) {
  return {
    freshModes: inForce<readonly AcquisitionMode[]>(
      `${id}.fresh-modes`,
      "how fresh-capital securities were received",
      {
        value: ["SUBSCRIPTION", "BOND_REDEEMED_IN_SHARES", "BOND_CONVERTED"],
        article,
        paragraph: "III A 1°",
        wording:
          "Les titres ou parts reçus en contrepartie de souscriptions au capital, les titres reçus en remboursement d'obligations et les titres reçus en contrepartie d'obligations converties",
      },
    ),
    freshClasses: inForce<readonly AssetClass[]>(
      `${id}.fresh-classes`,
      "securities or units that can be fresh capital",
      {
        value: [
          "EQUITY",
          "EQUITY_ACCESS",
          "TITRE_PARTICIPATIF",
          "TITRE_ASSOCIATIF",
          "SARL_PARTS",
        ],
        article,
        paragraph: "III A 1°",
        wording: "Les titres ou parts reçus",
        note: "Bonds still held as bonds are not « titres reçus »: they count in the 70 % but not in the 40 %.",
      },
    ),
  };
}
