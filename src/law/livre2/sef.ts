import { inForce, type LawParameter } from "../parameter";

/** Sociétés d'épargne forestière: L. 214-121, L. 214-122, and the article after it (numbered L. 214-123 from its place in the code). */
export const SEF = {
  forest: inForce<string>("l214-121.forest", "SEF: forest assets, minimum", {
    value: "0.60",
    article: "L. 214-121",
    paragraph: "",
    wording:
      "Leur actif est constitué, d'une part, pour 60 % au moins de bois ou forêts, de parts d'intérêt de groupements forestiers ou de sociétés dont l'objet exclusif est la détention de bois et forêts",
  }),
  forestWithLoans: inForce<string>(
    "l214-122.forest",
    "SEF subsidising or guaranteeing forestry loans: woodland, minimum",
    {
      value: "0.51",
      article: "L. 214-122",
      paragraph: "",
      wording:
        "La part de l'actif des sociétés d'épargne forestière constituée de bois et forêts est fixée à 51 %",
    },
  ),
  raise: inForce<string>(
    "l214-123.raise",
    "SEF: share of the maximum capital subscribed by the public",
    {
      value: "0.15",
      article: "L. 214-123",
      paragraph: "",
      wording:
        "A concurrence de 15 % au moins, le capital maximal des sociétés d'épargne forestière, tel qu'il est fixé par leurs statuts, doit être souscrit par le public dans un délai de deux ans après la date d'ouverture de la souscription",
    },
  ),
  raiseYears: inForce<number>(
    "l214-123.raise-years",
    "SEF: time to raise 15 % of the maximum capital, in years",
    {
      value: 2,
      article: "L. 214-123",
      paragraph: "",
      wording:
        "dans un délai de deux ans après la date d'ouverture de la souscription",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
