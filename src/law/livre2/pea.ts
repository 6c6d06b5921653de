import { inForce, type LawParameter } from "../parameter";

/** Funds a PEA (L. 221-31 I 2°) and a PEA-PME (L. 221-32-2 3) may hold, and the PME-ETI of L. 221-32-2 2. */
export const PEA = {
  fundStrict: inForce<string>(
    "l221-31.fund-75-strict",
    "PEA, OPCVM, FIVG, OFS (2° a to c): titres of 1° a and b",
    {
      value: "0.75",
      article: "L. 221-31",
      paragraph: "I 2° a à c",
      wording:
        "qui emploient plus de 75 % de leurs actifs en titres mentionnés aux a et b du 1°",
    },
  ),
  fundCommitment: inForce<string>(
    "l221-31.fund-75-commitment",
    "PEA, FCPR, FCPI, FIP, FPS, FPCI, SLP (2° d, e): quota assets of 4° issuers",
    {
      value: "0.75",
      article: "L. 221-31",
      paragraph: "I 2° d et e",
      wording:
        "s'engagent à constituer, au plus tard à la clôture du quatrième exercice du fonds, au moins 75 % de leur actif en actifs financiers éligibles au quota mentionné au I de l'article L. 214-28",
    },
  ),
  commitmentYears: inForce<number>(
    "l221-31.commitment-years",
    "PEA: the commitment binds from the close of the fourth financial year",
    {
      value: 3,
      article: "L. 221-31",
      paragraph: "I 2° d et e",
      wording: "au plus tard à la clôture du quatrième exercice du fonds",
    },
  ),
  pmeFundStrict: inForce<string>(
    "l221-32-2.fund-75-strict",
    "PEA-PME, OPCVM, FIVG, OFS (3 a to c): titres of PME-ETI",
    {
      value: "0.75",
      article: "L. 221-32-2",
      paragraph: "3 a à c",
      wording:
        "dont l'actif est constitué pour plus de 75 % de titres d'entreprises définies au 2",
    },
  ),
  pmeFundCommitment: inForce<string>(
    "l221-32-2.fund-75-commitment",
    "PEA-PME, FPS, FPCI, SLP (3 d bis): quota assets of 5 issuers",
    {
      value: "0.75",
      article: "L. 221-32-2",
      paragraph: "3 d bis",
      wording:
        "s'engagent à constituer, au plus tard à la clôture du quatrième exercice du fonds, au moins 75 % de leur actif en instruments financiers éligibles au quota mentionné au I de l'article L. 214-28",
    },
  ),
  pmeEquity: inForce<string>(
    "l221-32-2.equity-2-3",
    "PEA-PME: titres of 1 a, b, c among the PME-ETI titres",
    {
      value: "2/3",
      article: "L. 221-32-2",
      paragraph: "3 a à c",
      wording:
        "parmi lesquels au moins les deux tiers sont des titres mentionnés aux a, b et c du 1",
    },
  ),
  pmeEmployees: inForce<string>(
    "l221-32-2.employees",
    "PME-ETI: persons employed, strictly below",
    {
      value: "5000",
      article: "L. 221-32-2",
      paragraph: "2 a",
      wording: "occupe moins de 5 000 personnes",
    },
  ),
  pmeTurnover: inForce<string>(
    "l221-32-2.turnover",
    "PME-ETI: annual turnover, at most (EUR)",
    {
      value: "1500000000",
      article: "L. 221-32-2",
      paragraph: "2 a",
      wording:
        "un chiffre d'affaires annuel n'excédant pas 1,5 milliard d'euros",
    },
  ),
  pmeBalanceSheet: inForce<string>(
    "l221-32-2.balance-sheet",
    "PME-ETI: balance-sheet total, at most (EUR)",
    {
      value: "2000000000",
      article: "L. 221-32-2",
      paragraph: "2 a",
      wording: "ou un total de bilan n'excédant pas 2 milliards d'euros",
    },
  ),
  pmeMarketCap: inForce<string>(
    "l221-32-2.market-cap",
    "PME-ETI admitted to trading: capitalisation, strictly below (EUR)",
    {
      value: "1000000000",
      article: "L. 221-32-2",
      paragraph: "2 b",
      wording:
        "sa capitalisation boursière est inférieure à un milliard d'euros ou l'a été à la clôture d'un au moins des quatre exercices",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
