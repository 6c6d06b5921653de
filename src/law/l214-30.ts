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
