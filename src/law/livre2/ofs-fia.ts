import { inForce, type LawParameter } from "../parameter";

/** OFS (L. 214-190-1), funds reserved to twenty investors (L. 214-26-1, L. 214-190-1 IX), self-managed AIF (L. 214-24 VI). */
export const OFS_FIA = {
  ofsLoss: inForce<string>(
    "l214-190-1.loss",
    "OFS: maximum loss over the asset and uncalled subscriptions",
    {
      value: "1",
      article: "L. 214-190-1",
      paragraph: "VI",
      wording:
        "ne peuvent excéder la valeur de son actif et le cas échéant du montant non appelé des souscriptions",
    },
  ),
  fivgInvestors: inForce<string>(
    "l214-26-1.investors",
    "FIVG reserved to twenty investors at most",
    {
      value: "20",
      article: "L. 214-26-1",
      paragraph: "",
      wording:
        "réserver la souscription ou l'acquisition de leurs parts ou actions à vingt investisseurs au plus",
    },
  ),
  ofsInvestors: inForce<string>(
    "l214-190-1.investors",
    "OFS reserved to twenty investors at most",
    {
      value: "20",
      article: "L. 214-190-1",
      paragraph: "IX",
      wording:
        "réserver la souscription ou l'acquisition de leurs parts, actions ou titres de créance à vingt investisseurs au plus",
    },
  ),
  selfManagedCapital: inForce<string>(
    "l214-24.capital",
    "Self-managed AIF: initial capital (EUR)",
    {
      value: "300000",
      article: "L. 214-24",
      paragraph: "VI",
      wording:
        "Un FIA qui n'a pas délégué globalement la gestion de son portefeuille à une société de gestion de portefeuille dispose d'un capital initial d'au moins 300 000 €",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
