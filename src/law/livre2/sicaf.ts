import { inForce, type LawParameter } from "../parameter";

/** SICAF: L. 214-137. */
export const SICAF = {
  ownShares: inForce<string>("l214-137.own-shares", "SICAF: own shares held", {
    value: "0.10",
    article: "L. 214-137",
    paragraph: "",
    wording: "plus de 10 % du total de ses propres actions",
  }),
  buyback: inForce<string>(
    "l214-137.buyback",
    "SICAF: buy-backs in a year without a meeting",
    {
      value: "0.10",
      article: "L. 214-137",
      paragraph: "",
      wording: "jusqu'à une limite de 10 % de son capital par an",
    },
  ),
  buybackDiscounted: inForce<string>(
    "l214-137.buyback-discounted",
    "SICAF: buy-backs when the price is more than 10 % below the NAV",
    {
      value: "0.25",
      article: "L. 214-137",
      paragraph: "",
      wording:
        "portée à 25 % lorsque le cours des actions est inférieur de plus de 10 % à l'actif net par action",
    },
  ),
  discount: inForce<string>(
    "l214-137.discount",
    "SICAF: discount of the price to the NAV that raises the limit",
    {
      value: "0.10",
      article: "L. 214-137",
      paragraph: "",
      wording: "inférieur de plus de 10 % à l'actif net par action",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
