import {
  ACQUISITION_MODES,
  ASSET_CLASSES,
  BASES,
  FOREST_CATEGORIES,
  FUND_TYPES,
  HELD_FUND_TYPES,
  HOLDER_TYPES,
  ORDER_TYPES,
  LISTING_STATUSES,
  type TableName,
} from "../engine/model";
import { normalizeLabel } from "./cells";

export type ColumnType =
  | "text"
  | "money"
  | "percent"
  | "date"
  | "boolean"
  | "enum"
  | "list"
  | "country"
  | "category";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** French labels and other accepted spellings of the header. */
  labels: readonly string[];
  enumValues?: readonly string[];
  /** French labels of enum values. */
  enumLabels?: Readonly<Record<string, readonly string[]>>;
  /** For a category column: the first and last item (default 1 to 10). */
  range?: readonly [number, number];
}

export interface TableSpec {
  name: TableName;
  columns: readonly ColumnSpec[];
  /** Columns without which no row of the table can be used. */
  required: readonly string[];
}

const col = (
  name: string,
  type: ColumnType,
  labels: string[],
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ name, type, labels, ...extra });

export const FUND_TYPE_LABELS: Record<string, string[]> = {
  OPCVM_FEEDER: ["OPCVM nourricier"],
  FIVG_FEEDER: ["FIVG nourricier"],
  SEF: ["Société d'épargne forestière"],
  FCPE: ["Fonds commun de placement d'entreprise"],
  FIVG: ["Fonds d'investissement à vocation générale"],
  OFS: [
    "Organisme de financement spécialisé",
    "SFS",
    "FFS",
    "Société de financement spécialisé",
    "Fonds de financement spécialisé",
  ],
  FPS: ["Fonds professionnel spécialisé"],
  SLP: ["Société de libre partenariat"],
  SCR: ["Société de capital-risque"],
};

export const BASIS_LABELS: Record<string, string[]> = {
  COST: ["Coût", "Prix de revient", "Coût historique", "Cost"],
  FAIR: ["Juste valeur", "Valeur de marché", "Fair value"],
};

export const ASSET_CLASS_LABELS: Record<string, string[]> = {
  EQUITY: ["Action", "Actions", "Titre de capital", "Titres de capital"],
  EQUITY_ACCESS: [
    "Titre donnant accès au capital",
    "Valeur mobilière donnant accès au capital",
    "VMDAC",
    "BSA",
  ],
  TITRE_PARTICIPATIF: ["Titre participatif"],
  TITRE_ASSOCIATIF: ["Titre associatif"],
  SARL_PARTS: ["Parts de SARL", "Parts sociales"],
  CONVERTIBLE_BOND: ["Obligation convertible", "OC"],
  MANDATORY_REDEEMABLE_BOND: ["Obligation remboursable en actions", "ORA"],
  OTHER_DEBT: ["Titre de créance", "Obligation"],
  RECEIVABLE: ["Créance"],
  CURRENT_ACCOUNT_ADVANCE: [
    "Avance en compte courant",
    "Compte courant",
    "CCA",
  ],
  ENTITY_RIGHTS: ["Droits dans une entité", "Parts d'entité"],
  FUND_UNITS: ["Parts de fonds", "Parts d'OPC", "OPC"],
  DEPOSIT: ["Dépôt", "Dépôt à terme"],
  CASH: ["Liquidités", "Trésorerie", "Espèces"],
  LIQUID_INSTRUMENT: ["Instrument financier liquide", "Instrument liquide"],
  FINANCIAL_CONTRACT: ["Contrat financier", "Instrument dérivé", "Dérivé"],
  DIGITAL_ASSET: ["Actif numérique", "Crypto-actif"],
  REAL_ESTATE: ["Immobilier", "Actif immobilier"],
  OPERATING_PROPERTY: ["Immeuble d'exploitation"],
  GUARANTEE: ["Garantie donnée", "Garantie"],
  SUB_PARTICIPATION: ["Sous-participation en risque", "Sous-participation"],
};

export const FOREST_LABELS: Record<string, string[]> = {
  WOODLAND: ["Bois et forêts", "Bois", "Forêt"],
  GF_UNITS: ["Parts de groupement forestier", "Groupement forestier", "GF"],
  FOREST_COMPANY: ["Société forestière"],
};

export const HELD_FUND_LABELS: Record<string, string[]> = {
  FOFA: ["Fonds de fonds alternatifs"],
  OTHER: ["Autre"],
};

export const ORDER_TYPE_LABELS: Record<string, string[]> = {
  SELL: ["Ordre de vente", "Cession", "Vente"],
  WITHDRAWAL: ["Demande de retrait", "Retrait"],
};

export const LISTING_LABELS: Record<string, string[]> = {
  UNLISTED: ["Non coté", "Non cotée", "Non cotés"],
  REGULATED: ["REGULATED_MARKET", "Marché réglementé"],
  MTF_SME: ["Marché de croissance des PME", "SMN PME"],
  MTF_OTHER: ["SMN", "MTF", "Système multilatéral de négociation"],
};

export const ACQUISITION_LABELS: Record<string, string[]> = {
  SUBSCRIPTION: ["Souscription"],
  BOND_REDEEMED_IN_SHARES: ["Obligation remboursée en actions"],
  BOND_CONVERTED: ["Obligation convertie"],
  CONVERTIBLE_HELD: ["Obligation convertible détenue"],
  SECONDARY_PURCHASE: ["Rachat", "Achat secondaire", "Acquisition secondaire"],
  FOLLOW_ON: ["Réinvestissement", "Investissement complémentaire"],
};

export const HOLDER_TYPE_LABELS: Record<string, string[]> = {
  NATURAL: ["Personne physique"],
  LEGAL: ["Personne morale"],
  PUBLIC_LAW_LEGAL: ["Personne morale de droit public"],
};

export const FUNDS_SPEC: TableSpec = {
  name: "Funds",
  required: ["fundId", "fundType"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("fundName", "text", ["Nom du fonds", "Libellé du fonds"]),
    col("fundType", "enum", ["Type de fonds"], {
      enumValues: FUND_TYPES,
      enumLabels: FUND_TYPE_LABELS,
    }),
    col("constitutionDate", "date", [
      "Date de constitution",
      "Date de création",
    ]),
    col("firstYearEnd", "date", [
      "Clôture du premier exercice",
      "Fin du premier exercice",
    ]),
    col("basis", "enum", ["Base", "Base de calcul"], {
      enumValues: BASES,
      enumLabels: BASIS_LABELS,
    }),
    col("paidUpSubscriptions", "money", [
      "Montant libéré des souscriptions",
      "Souscriptions libérées",
    ]),
    col("totalAssets", "money", ["Actif total", "Total de l'actif"]),
    col("quotaThreshold", "percent", ["Seuil du quota"]),
    col("warningMargin", "percent", ["Marge d'alerte"]),
    col("chosenRegions", "list", ["Régions choisies"]),
    col("overseasZone", "boolean", ["Zone outre-mer"]),
    col("isSicav", "boolean", ["SICAV", "Est une SICAV"]),
    col("borrowings", "money", ["Emprunts", "Emprunts et dettes"]),
    col("liquidLabel", "boolean", ["Mention liquidité", "Label liquide"]),
    // WORKBOOK-FORMAT-LIVRE2 §1.2
    col("bindingFrom", "date", ["Date de début d'application"]),
    col("forestLoanSupport", "boolean", [
      "Bonification ou garantie de prêts forestiers",
    ]),
    col("statutoryMaxCapital", "money", ["Capital maximal statutaire"]),
    col("subscriptionOpeningDate", "date", [
      "Date d'ouverture de la souscription",
    ]),
    col("publicSubscribedCapital", "money", ["Capital souscrit par le public"]),
    col("agBorrowingMax", "money", [
      "Maximum d'emprunt fixé par l'assemblée",
      "Plafond d'endettement",
    ]),
    col("unitsIssued", "money", ["Parts émises", "Nombre de parts émises"]),
    col("subscriptionPrice", "money", ["Prix de souscription"]),
    col("reconstitutionValue", "money", [
      "Valeur de reconstitution",
      "Valeur de reconstitution par part",
    ]),
    col("sharesIssued", "money", [
      "Nombre d'actions",
      "Actions composant le capital",
    ]),
    col("ownSharesHeld", "money", ["Actions propres détenues"]),
    col("sharesBoughtYtd", "money", ["Actions rachetées dans l'année"]),
    col("sharesResoldYtd", "money", ["Actions revendues dans l'année"]),
    col("sharePrice", "money", ["Cours de l'action"]),
    col("navPerShare", "money", ["Actif net par action"]),
    col("buybackLimitPct", "percent", ["Limite de rachat autorisée par l'AGE"]),
    col("solidarityFund", "boolean", ["Fonds solidaire"]),
    col("perEligible", "boolean", [
      "Éligible PER",
      "Éligible au PER d'entreprise",
    ]),
    col("foreignGroupPlan", "boolean", ["FCPE de groupe étranger"]),
    col("liquidityMechanism", "boolean", ["Mécanisme de liquidité"]),
    col("groupBuybackCommitment", "boolean", [
      "Engagement de rachat du groupe",
    ]),
    col("peaClaim", "boolean", ["Éligible PEA"]),
    col("peaPmeClaim", "boolean", ["Éligible PEA-PME"]),
    col("cpiClaim", "boolean", [
      "Éligible compte PME innovation",
      "Éligible CPI",
    ]),
    col("selfManaged", "boolean", ["Autogéré", "Gestion non déléguée"]),
    col("initialCapital", "money", ["Capital initial"]),
    col("reservedTo20Investors", "boolean", [
      "Réservé à vingt investisseurs au plus",
    ]),
    col("uncalledSubscriptions", "money", [
      "Souscriptions non appelées",
      "Montant non appelé des souscriptions",
    ]),
  ],
};

export const HOLDINGS_SPEC: TableSpec = {
  name: "Holdings",
  required: ["assetClass"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("lineId", "text", ["Ligne", "Référence ligne", "Référence"]),
    col("issuerId", "text", ["Code émetteur", "Identifiant émetteur"]),
    col("issuerName", "text", ["Émetteur", "Nom de l'émetteur"]),
    col("assetClass", "enum", ["Type d'actif", "Classe d'actif"], {
      enumValues: ASSET_CLASSES,
      enumLabels: ASSET_CLASS_LABELS,
    }),
    col("costValue", "money", ["Coût d'acquisition", "Prix de revient"]),
    col("fairValue", "money", [
      "Valeur de marché",
      "Juste valeur",
      "Valorisation",
    ]),
    col("listingStatus", "enum", ["Cotation", "Statut de cotation"], {
      enumValues: LISTING_STATUSES,
      enumLabels: LISTING_LABELS,
    }),
    col("listingCountry", "country", ["Pays de cotation"]),
    col("listingDate", "date", [
      "Date d'admission",
      "Date de cotation",
      "Date d'introduction",
    ]),
    col("marketCap", "money", ["Capitalisation boursière", "Capitalisation"]),
    col("investmentDate", "date", ["Date d'investissement"]),
    col("acquisitionMode", "enum", ["Mode d'acquisition"], {
      enumValues: ACQUISITION_MODES,
      enumLabels: ACQUISITION_LABELS,
    }),
    col("ownershipPct", "percent", [
      "Pourcentage de détention",
      "Détention du capital",
      "% du capital",
    ]),
    col("lookThroughPct", "percent", ["Pourcentage éligible", "Transparence"]),
    col("entityOecd", "boolean", ["Entité OCDE"]),
    col("fcpiEligible", "boolean", ["Éligible FCPI"]),
    col("fipEligible", "boolean", ["Éligible FIP"]),
    col("region", "text", ["Région"]),
    col("opciCategory", "category", ["Catégorie OPCI"]),
    col("encumbered", "boolean", ["Grevé", "Grevé de sûretés"]),
    col("participationPct", "percent", ["Pourcentage de participation"]),
    col("entityDebt", "money", ["Dette de l'entité", "Emprunts de l'entité"]),
    col("controlledParticipation", "boolean", ["Participation contrôlée"]),
    col("masterId", "text", ["Fonds maître", "Maître"]),
    col("hedgeOnly", "boolean", ["Couverture uniquement"]),
    col("disposalDate", "date", ["Date de cession"]),
    // WORKBOOK-FORMAT-LIVRE2 §1.3
    col("forestCategory", "enum", ["Catégorie forestière"], {
      enumValues: FOREST_CATEGORIES,
      enumLabels: FOREST_LABELS,
    }),
    col("scpiCategory", "category", ["Catégorie SCPI"], { range: [0, 6] }),
    col("jointLiabilityEntity", "boolean", [
      "Associés indéfiniment et solidairement responsables",
    ]),
    col("solidarityEnterprise", "boolean", ["Entreprise solidaire", "ESUS"]),
    col("entitySolidarityShare", "percent", ["Part solidaire de l'entité"]),
    col("heldFundType", "enum", ["Type du fonds détenu"], {
      enumValues: HELD_FUND_TYPES,
      enumLabels: HELD_FUND_LABELS,
    }),
    col("employerGroup", "boolean", ["Titre du groupe employeur"]),
    col("issuerCountry", "country", ["Pays du siège de l'émetteur"]),
    col("corporateTax", "boolean", ["Soumis à l'IS"]),
    col("preferenceShares", "boolean", ["Actions de préférence"]),
    col("issuerEmployees", "money", ["Effectif de l'émetteur"]),
    col("issuerTurnover", "money", ["Chiffre d'affaires de l'émetteur"]),
    col("issuerBalanceSheet", "money", ["Total de bilan de l'émetteur"]),
    col("issuerMarketCap", "money", [
      "Capitalisation boursière à la date d'appréciation",
    ]),
    col("issuerMarketCapLow4y", "money", [
      "Plus basse capitalisation des quatre derniers exercices",
    ]),
    col("instrumentListing", "enum", ["Cotation de l'instrument"], {
      enumValues: LISTING_STATUSES,
      enumLabels: LISTING_LABELS,
    }),
    col("cpiEligible", "boolean", ["Éligible compte PME innovation"]),
    col("maxLoss", "money", ["Perte maximale", "Engagement net maximal"]),
    col("masterStrategy", "text", ["Stratégie du maître"]),
  ],
};

export const HOLDERS_SPEC: TableSpec = {
  name: "Holders",
  required: ["units"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("holderId", "text", ["Porteur", "Identifiant porteur"]),
    col("holderType", "enum", ["Type de porteur"], {
      enumValues: HOLDER_TYPES,
      enumLabels: HOLDER_TYPE_LABELS,
    }),
    col("units", "money", ["Parts", "Nombre de parts"]),
  ],
};

/** Pending orders of SCPI and SEF (WORKBOOK-FORMAT-LIVRE2 §1.4), optional. */
export const ORDERS_SPEC: TableSpec = {
  name: "Orders",
  required: ["units"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("orderId", "text", ["Référence de l'ordre"]),
    col("orderType", "enum", ["Type d'ordre"], {
      enumValues: ORDER_TYPES,
      enumLabels: ORDER_TYPE_LABELS,
    }),
    col("registeredDate", "date", ["Date d'inscription"]),
    col("units", "money", ["Parts", "Nombre de parts"]),
  ],
};

export const TABLE_SPECS: Record<TableName, TableSpec> = {
  Funds: FUNDS_SPEC,
  Holdings: HOLDINGS_SPEC,
  Holders: HOLDERS_SPEC,
  Orders: ORDERS_SPEC,
};

/** Normalised header → canonical column, from the canonical names and every label. */
export function headerIndex(spec: TableSpec): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const c of spec.columns)
    for (const label of [c.name, ...c.labels])
      index.set(normalizeLabel(label), c);
  return index;
}

/** Normalised enum label → canonical value. */
export function enumIndex(spec: ColumnSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const v of spec.enumValues ?? []) index.set(normalizeLabel(v), v);
  for (const [v, labels] of Object.entries(spec.enumLabels ?? {}))
    for (const l of labels) index.set(normalizeLabel(l), v);
  return index;
}
