import type { AssetClass } from "../engine/model";
import { inForce, type LawParameter } from "./parameter";

/** Feeders: the OPCVM feeder (L. 214-22), the FIA feeder (L. 214-24 IV), the FIVG feeder (L. 214-24-57). */
export const FEEDERS = {
  opcvmMaster: inForce<string>("l214-22.master", "OPCVM feeder: one master", {
    value: "0.85",
    article: "L. 214-22",
    paragraph: "I",
    wording: "au moins 85 % de son actif",
  }),
  opcvmOthers: inForce<string>(
    "l214-22.others",
    "OPCVM feeder: other assets, limit",
    {
      value: "0.15",
      article: "L. 214-22",
      paragraph: "I",
      wording: "jusqu'à 15 % de son actif",
    },
  ),
  fiaMaster: inForce<string>("l214-24.master", "FIA feeder: one master", {
    value: "0.85",
    article: "L. 214-24",
    paragraph: "IV 1°",
    wording: "à hauteur d'au moins 85 % de son actif",
  }),
  fivgOutsideMaster: inForce<string>(
    "l214-24-57.outside-master",
    "FIVG feeder: share outside the master",
    {
      value: "0",
      article: "L. 214-24-57",
      paragraph: "",
      wording: "investi en totalité",
    },
  ),
  opcvmOtherClasses: inForce<readonly AssetClass[]>(
    "l214-22.other-classes",
    "OPCVM feeder: the only assets besides the master (hedging contracts; premises of a SICAV)",
    {
      value: ["CASH", "FINANCIAL_CONTRACT", "OPERATING_PROPERTY"],
      article: "L. 214-22",
      paragraph: "I 1° à 3°",
      wording:
        "Un OPCVM nourricier peut investir jusqu'à 15 % de son actif dans les éléments suivants",
    },
  ),
  fivgOtherClasses: inForce<readonly AssetClass[]>(
    "l214-24-57.other-classes",
    "FIVG feeder: the only assets besides the master",
    {
      value: ["CASH"],
      article: "L. 214-24-57",
      paragraph: "",
      wording: "et, à titre accessoire, en liquidités",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
