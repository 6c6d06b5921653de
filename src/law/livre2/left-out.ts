import { inForce, type LawParameter } from "../parameter";

/** Rules the first build left out for lack of columns (docs/workbook-format.md, "Rules added to the contract"). */
export const LEFT_OUT = {
  opciUnlimited: inForce<string>(
    "l214-36.unlimited-liability",
    "OPCI: holdings in entities whose members answer without limit",
    {
      value: "0",
      article: "L. 214-36",
      paragraph: "II",
      wording:
        "ne peuvent détenir d'actions, parts, droits financiers ou droits de vote dans une entité, quelle que soit sa forme, dont les associés ou membres répondent indéfiniment et solidairement des dettes de l'entité",
    },
  ),
  fiaSeveralMasters: inForce<string>(
    "l214-24.several-masters",
    "FIA feeder of several masters with identical strategies",
    {
      value: "0.85",
      article: "L. 214-24",
      paragraph: "IV 2°",
      wording:
        "Etre investi à hauteur d'au moins 85 % de son actif dans plusieurs FIA maîtres lorsque ces FIA maîtres ont des stratégies d'investissement identiques",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
