import type { AssetClass, ListingStatus } from "../engine/model";
import { inForce, type LawParameter } from "./parameter";

/** L. 214-160: the fonds professionnel de capital investissement (FPCI) applies L. 214-28 with its own adaptations. */
const ARTICLE = "L. 214-160";

export const L214_160 = {
  quota: inForce<string>("l214-160.quota", "FPCI main quota (L. 214-28 I)", {
    value: "0.5",
    article: ARTICLE,
    paragraph: "II",
    wording: "quota d'investissement de 50 % du fonds prévu au même I",
  }),
  advances: inForce<string>(
    "l214-160.advances",
    "current-account advances, limit",
    {
      value: "0.15",
      article: ARTICLE,
      paragraph: "II 1°",
      wording:
        "Dans la limite de 15 % mentionnée au 1° du II de l'article L. 214-28",
    },
  ),
  advanceGate: inForce<string>(
    "l214-160.advance-gate",
    "share of capital for an advance: any participation",
    {
      value: "0",
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "détient une participation",
    },
  ),
  // II 1°, second paragraph: the ELTIF infrastructure regime. Its start is not in the reference
  // texts (the consolidated text is the version in force on 16 April 2024).
  eltifAdvances: inForce<string>(
    "l214-160.eltif-advances",
    "current-account advances of an ELTIF infrastructure FPCI or SLP, retained in the quota up to",
    {
      value: "0.3",
      article: ARTICLE,
      paragraph: "II 1°, al. 2",
      wording:
        "qui ne sont retenues dans le quota d'investissement mentionné au I de l'article L. 214-28 qu'à concurrence de 30 % du total de l'actif",
      note: "in the consolidated text in force on 16 April 2024; the date the paragraph took effect is not in the reference texts",
    },
  ),
  eltifBeneficiaryListing: inForce<readonly ListingStatus[]>(
    "l214-160.eltif-beneficiary-listing",
    "listing of the beneficiary of an advance under the 30 % regime",
    {
      value: ["UNLISTED"],
      article: ARTICLE,
      paragraph: "II 1°, al. 2",
      wording:
        "Les titres émis par la société bénéficiaire de l'avance en compte courant d'associé ne sont pas admis à la négociation sur un marché réglementé ou sur un système multilatéral de négociation",
    },
  ),
  receivables: inForce<string>("l214-160.receivables", "receivables, limit", {
    value: "0.1",
    article: ARTICLE,
    paragraph: "II",
    wording: "dans la limite de 10 % de son actif",
  }),
  digitalAssets: inForce<string>(
    "l214-160.digital-assets",
    "digital assets, limit",
    {
      value: "0.2",
      article: ARTICLE,
      paragraph: "II",
      wording: "dans la limite de 20 % de leur actif",
    },
  ),
  receivableClasses: inForce<readonly AssetClass[]>(
    "l214-160.receivable-classes",
    "what the 10 % of receivables counts",
    {
      value: ["RECEIVABLE"],
      article: ARTICLE,
      paragraph: "II",
      wording: "peut détenir des créances",
    },
  ),
  digitalAssetClasses: inForce<readonly AssetClass[]>(
    "l214-160.digital-asset-classes",
    "what the 20 % of digital assets counts",
    {
      value: ["DIGITAL_ASSET"],
      article: ARTICLE,
      paragraph: "II",
      wording: "des actifs numériques mentionnés à l'article L. 54-10-1",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
