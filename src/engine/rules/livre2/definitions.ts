import { rule as define } from "../define";
import type { L2Rule } from "./kit";

/** The rule IDs of WORKBOOK-FORMAT-LIVRE2 §3, each as data: article, direction, operator, the text's words, titles. */
const rule = (...args: Parameters<typeof define>) => define(...args) as L2Rule;

export const SEF_FOREST60 = rule(
  "SEF-FOREST60",
  "L. 214-121",
  "min",
  ">=",
  "pour 60 % au moins de bois ou forêts, de parts d'intérêt de groupements forestiers ou de sociétés dont l'objet exclusif est la détention de bois et forêts",
  "At least 60 % in woods, forests, forest groupings and forest companies",
  "60 % au moins de bois et forêts, parts de groupements forestiers et sociétés forestières",
);
export const SEF_FOREST51 = rule(
  "SEF-FOREST51",
  "L. 214-122",
  "min",
  ">=",
  "La part de l'actif des sociétés d'épargne forestière constituée de bois et forêts est fixée à 51 %",
  "At least 51 % in woods and forests (forestry-loan support)",
  "51 % au moins de bois et forêts (bonification ou garantie de prêts)",
);
export const SEF_RAISE15 = rule(
  "SEF-RAISE15",
  "L. 214-123",
  "min",
  ">=",
  "A concurrence de 15 % au moins, le capital maximal […] doit être souscrit par le public dans un délai de deux ans",
  "15 % of the maximum capital subscribed by the public within two years",
  "15 % du capital maximal souscrit par le public dans les deux ans",
);
export const SCPI_RAISE15 = rule(
  "SCPI-RAISE15",
  "L. 214-116",
  "min",
  ">=",
  "A concurrence de 15 % au moins, le capital maximum […] est souscrit par le public dans un délai d'une année",
  "15 % of the maximum capital subscribed by the public within one year",
  "15 % du capital maximal souscrit par le public dans l'année",
);
export const SCPI_ASSET = rule(
  "SCPI-ASSET",
  "L. 214-115 I",
  "max",
  "<=",
  "l'actif d'une société civile de placement immobilier est exclusivement constitué",
  "Only the assets of L. 214-115 I",
  "Uniquement les actifs de l'article L. 214-115 I",
);
export const SCPI_CCA5 = rule(
  "SCPI-CCA5",
  "L. 214-102 II",
  "max",
  "<=",
  "aux sociétés mentionnées aux 2° et 3° du I de l'article L. 214-115 dont elle détient directement ou indirectement au moins 5 % du capital social",
  "Advances only to 2° and 3° companies held at least 5 %",
  "Avances uniquement aux sociétés du 2° et du 3° détenues à 5 % au moins",
);
export const SCPI_DEBT = rule(
  "SCPI-DEBT",
  "L. 214-101",
  "max",
  "<=",
  "dans la limite d'un maximum fixé par l'assemblée générale. Cette limite tient compte de l'endettement des sociétés mentionnées au 2° du I de l'article L. 214-115",
  "Debt within the general meeting's maximum, 2° companies included",
  "Endettement dans la limite fixée par l'assemblée générale, sociétés du 2° comprises",
);
export const SCPI_SELL10 = rule(
  "SCPI-SELL10",
  "L. 214-93 II",
  "event",
  ">=",
  "les ordres de vente inscrits depuis plus de douze mois sur le registre […] représentent au moins 10 % des parts émises",
  "Sell orders or withdrawals older than twelve months reach 10 % of the units",
  "Ordres de vente ou retraits de plus de douze mois atteignant 10 % des parts",
);
export const SCPI_PRICE10 = rule(
  "SCPI-PRICE10",
  "L. 214-94",
  "event",
  ">",
  "Tout écart entre le prix de souscription et la valeur de reconstitution des parts supérieur à 10 % doit être justifié […] et notifié à l'Autorité des marchés financiers",
  "Gap between subscription price and reconstitution value above 10 %",
  "Écart de plus de 10 % entre prix de souscription et valeur de reconstitution",
);
export const SICAF_BUYBACK = rule(
  "SICAF-BUYBACK",
  "L. 214-137",
  "max",
  "<=",
  "jusqu'à une limite de 10 % de son capital par an. Cette limite est toutefois portée à 25 % lorsque le cours des actions est inférieur de plus de 10 % à l'actif net par action",
  "Buy-backs without a meeting: 10 % of the capital a year (25 % at a discount)",
  "Rachats sans assemblée : 10 % du capital par an (25 % en cas de décote)",
);
export const SICAF_OWN10 = rule(
  "SICAF-OWN10",
  "L. 214-137",
  "max",
  "<=",
  "ne peut posséder […] plus de 10 % du total de ses propres actions",
  "At most 10 % of its own shares",
  "10 % au plus de ses propres actions",
);
export const FCPE_SCOPE = rule(
  "FCPE-SCOPE",
  "L. 214-164 IV, L. 214-165 I",
  "info",
  ">",
  "au plus un tiers de parts ou titres émis par l'entreprise […] / plus du tiers de l'actif",
  "Employer-group securities: one third decides the regime",
  "Titres du groupe employeur : le tiers détermine le régime",
);
export const FCPE_SOL5 = rule(
  "FCPE-SOL5",
  "L. 214-164 V a",
  "min",
  ">=",
  "Pour une part comprise entre 5 et 10 %, de parts ou titres émis par des entreprises solidaires",
  "Solidarity securities: at least 5 %",
  "Titres solidaires : 5 % au moins",
);
export const FCPE_SOL10 = rule(
  "FCPE-SOL10",
  "L. 214-164 V a",
  "max",
  "<=",
  "Pour une part comprise entre 5 et 10 %, de parts ou titres émis par des entreprises solidaires",
  "Solidarity securities: at most 10 %",
  "Titres solidaires : 10 % au plus",
);
export const FCPE_PE30 = rule(
  "FCPE-PE30",
  "L. 214-164 VI",
  "max",
  "<=",
  "au plus 30 % de titres émis par un fonds commun de placement mentionné à l'article L. 214-28 ou L. 214-30 ou par un organisme de placement collectif immobilier",
  "At most 30 % in FCPR-family and OPCI units",
  "30 % au plus de parts de FCPR, FCPI, FIP, FPCI et OPCI",
);
export const FCPE_PER_UNL10 = rule(
  "FCPE-PER-UNL10",
  "L. 214-164 VII 1°",
  "max",
  "<=",
  "Jusqu'à 10 % de titres non admis aux négociations sur un marché réglementé",
  "PER: at most 10 % of securities not on a regulated market",
  "PER : 10 % au plus de titres non admis sur un marché réglementé",
);
export const FCPE_PER_EMP10 = rule(
  "FCPE-PER-EMP10",
  "L. 214-164 VII 1°",
  "max",
  "<=",
  "ou jusqu'à 10 % de titres de l'entreprise qui a mis en place le plan ou d'entreprises qui lui sont liées",
  "PER: at most 10 % of employer-group securities",
  "PER : 10 % au plus de titres du groupe employeur",
);
export const FCPE_PER_AIF50 = rule(
  "FCPE-PER-AIF50",
  "L. 214-164 VII 2°",
  "max",
  "<=",
  "Jusqu'à 50 % de parts ou d'actions de FIA relevant des paragraphes 2,3 ou 6 de la sous-section 2 ou des paragraphes 1 ou 2 de la sous-section 3",
  "PER: at most 50 % in the AIF of VII 2°",
  "PER : 50 % au plus de parts des FIA du VII 2°",
);
export const FCPE_FOREIGN = rule(
  "FCPE-FOREIGN",
  "L. 214-165-1 IV",
  "min",
  ">=",
  "l'actif de ce fonds doit comporter au moins un tiers de titres liquides",
  "At least one third of liquid securities",
  "Un tiers au moins de titres liquides",
);
export const PEA_FUND75 = rule(
  "PEA-FUND75",
  "L. 221-31 I 2°",
  "min",
  ">=",
  "plus de 75 % de leurs actifs en titres mentionnés aux a et b du 1° (a à c) ; au moins 75 % de leur actif en actifs financiers éligibles au quota (d, e)",
  "PEA: 75 % in eligible securities",
  "PEA : 75 % de titres éligibles",
);
export const PEAPME_FUND75 = rule(
  "PEAPME-FUND75",
  "L. 221-32-2 3",
  "min",
  ">=",
  "pour plus de 75 % de titres d'entreprises définies au 2 (a à c) ; au moins 75 % (d bis)",
  "PEA-PME: 75 % in PME-ETI securities",
  "PEA-PME : 75 % de titres de PME-ETI",
);
export const PEAPME_EQ23 = rule(
  "PEAPME-EQ23",
  "L. 221-32-2 3 a à c",
  "min",
  ">=",
  "parmi lesquels au moins les deux tiers sont des titres mentionnés aux a, b et c du 1",
  "PEA-PME: two thirds of them shares and equivalents",
  "PEA-PME : deux tiers au moins d'actions et assimilés",
);
export const CPI_FUND80 = rule(
  "CPI-FUND80",
  "L. 221-32-5 IV A 3° a",
  "min",
  ">=",
  "constitué à hauteur d'au moins 80 % par des parts ou actions reçues en contrepartie de souscriptions au capital, d'obligations […] remboursement en actions, de titres reçus en contrepartie d'obligations converties ou d'obligations convertibles",
  "Compte PME innovation: at least 80 %",
  "Compte PME innovation : 80 % au moins",
);
export const CPI_FRESH40 = rule(
  "CPI-FRESH40",
  "L. 221-32-5 IV A 3° a",
  "min",
  ">=",
  "doivent représenter au moins 40 % de l'actif",
  "Compte PME innovation: at least 40 % received for subscriptions",
  "Compte PME innovation : 40 % au moins reçus en contrepartie de souscriptions",
);
export const OFS_LOSS = rule(
  "OFS-LOSS",
  "L. 214-190-1 VI",
  "max",
  "<=",
  "ne peuvent excéder la valeur de son actif et le cas échéant du montant non appelé des souscriptions",
  "Maximum loss within the asset and uncalled subscriptions",
  "Perte maximale dans la limite de l'actif et des souscriptions non appelées",
);
export const FIVG_20INV = rule(
  "FIVG-20INV",
  "L. 214-26-1",
  "max",
  "<=",
  "à vingt investisseurs au plus",
  "Reserved to twenty investors at most",
  "Réservé à vingt investisseurs au plus",
);
export const OFS_20INV = rule(
  "OFS-20INV",
  "L. 214-190-1 IX",
  "max",
  "<=",
  "à vingt investisseurs au plus",
  "Reserved to twenty investors at most",
  "Réservé à vingt investisseurs au plus",
);
export const FIA_CAP300K = rule(
  "FIA-CAP300K",
  "L. 214-24 VI",
  "min",
  ">=",
  "dispose d'un capital initial d'au moins 300 000 €",
  "Self-managed AIF: initial capital of at least 300,000 EUR",
  "FIA autogéré : capital initial d'au moins 300 000 €",
);

// Two of the rules the first build left out, with their columns added to the contract (docs/workbook-format.md).
export const OPCI_UNLIM = rule(
  "OPCI-UNLIM",
  "L. 214-36 II",
  "max",
  "<=",
  "ne peuvent détenir d'actions, parts, droits financiers ou droits de vote dans une entité, quelle que soit sa forme, dont les associés ou membres répondent indéfiniment et solidairement des dettes de l'entité",
  "No holding in an entity whose members answer without limit for its debts",
  "Aucune participation dans une entité dont les associés répondent indéfiniment et solidairement des dettes",
);
export const FIA_FEED85M = rule(
  "FIA-FEED85M",
  "L. 214-24 IV 2°",
  "info",
  ">=",
  "investi à hauteur d'au moins 85 % de son actif dans plusieurs FIA maîtres lorsque ces FIA maîtres ont des stratégies d'investissement identiques",
  "Feeder AIF of several masters with identical strategies (classification)",
  "FIA nourricier de plusieurs maîtres à stratégies identiques (qualification)",
);

/** Rules measured on fund-level facts, orders or holders: no holding enters them. */
export const FUND_LEVEL_RULES: ReadonlySet<string> = new Set(
  [
    SEF_RAISE15,
    SCPI_RAISE15,
    SCPI_SELL10,
    SCPI_PRICE10,
    SICAF_BUYBACK,
    SICAF_OWN10,
    FIVG_20INV,
    OFS_20INV,
    FIA_CAP300K,
  ].map((r) => r.id),
);

/** Rules whose numerator or denominator is not a sum of the holdings' own amounts: reconciled apart. */
export const MEASURED_APART: ReadonlySet<string> = new Set([
  ...FUND_LEVEL_RULES,
  SCPI_DEBT.id,
  OFS_LOSS.id,
  PEA_FUND75.id,
  PEAPME_FUND75.id,
  PEAPME_EQ23.id,
]);

/** Rules whose value and threshold are an amount (EUR) or a count, not a fraction (WORKBOOK-FORMAT-LIVRE2 §4). */
export const AMOUNT_VALUED_RULES: ReadonlySet<string> = new Set([
  FIA_CAP300K.id,
  FIVG_20INV.id,
  OFS_20INV.id,
]);

/** True when a result's value and threshold are amounts or counts in its unit, not fractions. */
export function isAmountValued(r: { id: string }): boolean {
  return AMOUNT_VALUED_RULES.has(r.id);
}
