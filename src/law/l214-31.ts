import { vintageQuota } from "./fcpi-fip-vintage";
import type { AssetClass } from "../engine/model";
import { freshCapitalLists } from "./l214-30";
import { inForce, type LawParameter } from "./parameter";

/** L. 214-31: the fonds d'investissement de proximité (FIP). */
const ARTICLE = "L. 214-31";

export const L214_31 = {
  quota: vintageQuota("l214-31.quota", ARTICLE),
  // III A 2° b): secondary shares with a subscription commitment, in the words of L. 214-30.
  secondaryCommitment: inForce<string>(
    "l214-31.secondary-commitment",
    "secondary shares: the subscription commitment, as a share of the purchase",
    {
      value: "1",
      article: ARTICLE,
      paragraph: "III A 2° b)",
      wording:
        "le fonds s'engage à souscrire, pendant sa durée de vie, des titres ou parts mentionnés au même 1°, dont l'émission est prévue au plan d'entreprise, pour une valeur au moins équivalente au rachat",
      note: "« La réalisation de cette condition est appréciée sur la durée de vie du fonds. »",
    },
  ),
  fresh: inForce<string>("l214-31.fresh", "fresh-capital securities", {
    value: "0.4",
    article: ARTICLE,
    paragraph: "III A 1°",
    wording: "au moins 40 % de l'actif du fonds",
  }),
  listedYears: inForce<number>(
    "l214-31.listed-years",
    "years a security admitted after the initial investment still counts",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "II",
      wording: "pendant une durée de cinq ans à compter de leur admission",
    },
  ),
  ...freshCapitalLists("l214-31", ARTICLE),
  regionClasses: inForce<readonly AssetClass[]>(
    "l214-31.region-classes",
    "what the 25 % of one region counts, eligible or not",
    {
      value: [
        "TITRE_ASSOCIATIF",
        "TITRE_PARTICIPATIF",
        "EQUITY",
        "EQUITY_ACCESS",
        "CONVERTIBLE_BOND",
        "MANDATORY_REDEEMABLE_BOND",
        "OTHER_DEBT",
        "SARL_PARTS",
        "CURRENT_ACCOUNT_ADVANCE",
      ],
      article: ARTICLE,
      paragraph: "IV",
      wording:
        "de titres financiers, parts de société à responsabilité limitée et avances en compte courant de sociétés",
    },
  ),
  region: inForce<string>("l214-31.region", "one region, limit", {
    value: "0.25",
    article: ARTICLE,
    paragraph: "IV",
    wording: "ne peut être constitué à plus de 25 %",
  }),
  overseasCollectivite: inForce<string>(
    "l214-31.overseas-collectivite",
    "one overseas collectivité, limit",
    {
      value: "0.5",
      article: ARTICLE,
      paragraph: "IV",
      wording: "est portée à 50 %",
    },
  ),
  oneHolder: inForce<string>("l214-31.one-holder", "units of one investor", {
    value: "0.2",
    article: ARTICLE,
    paragraph: "VI 1°",
    wording: "A plus de 20 % par un même investisseur",
  }),
  onePublicLawHolder: inForce<string>(
    "l214-31.one-public-law-holder",
    "units of one public-law legal person",
    {
      value: "0.1",
      article: ARTICLE,
      paragraph: "VI 2°",
      wording:
        "A plus de 10 % par un même investisseur personne morale de droit public",
    },
  ),
  publicLawHolders: inForce<string>(
    "l214-31.public-law-holders",
    "units of public-law legal persons together",
    {
      value: "0.3",
      article: ARTICLE,
      paragraph: "VI 3°",
      wording:
        "A plus de 30 % par des personnes morales de droit public prises ensemble",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
