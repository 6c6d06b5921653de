import { inForce, type LawParameter } from "../parameter";

/** Compte PME innovation: the funds of L. 221-32-5 IV A 3°. */
export const CPI = {
  fund80: inForce<string>(
    "l221-32-5.fund-80",
    "CPI funds: securities of eligible companies received for subscriptions, ORA, convertibles",
    {
      value: "0.80",
      article: "L. 221-32-5",
      paragraph: "IV A 3° a",
      wording:
        "L'actif de ces fonds ou sociétés ou organismes est constitué à hauteur d'au moins 80 % par des parts ou actions reçues en contrepartie de souscriptions au capital, d'obligations dont le contrat d'émission prévoit obligatoirement le remboursement en actions, de titres reçus en contrepartie d'obligations converties ou d'obligations convertibles",
    },
  ),
  fresh40: inForce<string>(
    "l221-32-5.fresh-40",
    "CPI funds: securities received for subscriptions, redeemed or converted bonds",
    {
      value: "0.40",
      article: "L. 221-32-5",
      paragraph: "IV A 3° a",
      wording:
        "Les parts ou actions reçues en contrepartie de souscriptions au capital, les titres reçus en remboursement d'obligations et les titres reçus en contrepartie d'obligations converties doivent représenter au moins 40 % de l'actif",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
