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
import {
  CHANNELS,
  CLIENT_CATEGORIES,
  FUND_CLASSIFICATIONS,
  INSTRUMENT_TYPES,
  INVESTOR_CATEGORIES,
  OFFER_CASES,
  OPERATIONS,
  REQUEST_FORMS,
  SECURITY_TYPES,
  VENUES,
} from "../engine/registers/types";
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
  | "category"
  /** A decimal that is not money (a rate, a price, years), read like money. */
  | "number"
  /** A whole number, 0 or more. */
  | "count"
  /** An ISO 4217 code: three letters. */
  | "currency"
  /** An Excel date-time, 2007-05-10T10:00, 2007-05-10 10:00 or 10/05/2007 10:00. */
  | "datetime";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** French labels and other accepted spellings of the header. */
  labels: readonly string[];
  enumValues?: readonly string[];
  /** French labels of enum values. */
  enumLabels?: Readonly<Record<string, readonly string[]>>;
  /** The English label (documentation, accepted as a header); from COLUMN_DETAILS. */
  en?: string;
  /** IDs of the rules that read the column, "*" for every rule of the fund; from COLUMN_DETAILS. */
  rules?: readonly string[];
  /** What the column is used for, as the documentation says it; from COLUMN_DETAILS. */
  usedFor?: string;
  /** For a category column: the first and last item (default 1 to 10). */
  range?: readonly [number, number];
  /** A yes/no column whose blank is "not given" (undefined), not "no": a rule needs the answer. */
  blankUnknown?: boolean;
}

export interface TableSpec {
  name: TableName;
  columns: readonly ColumnSpec[];
  /** Columns without which no row of the table can be used. */
  required: readonly string[];
}

/** A column whose name and type stay literal, so a compile-time test holds the model's types to the specs. */
const col = <N extends string, T extends ColumnType>(
  name: N,
  type: T,
  labels: string[],
  extra: Omit<Partial<ColumnSpec>, "name" | "type"> = {},
): ColumnSpec & { name: N; type: T } =>
  ({ name, type, labels, ...extra }) as ColumnSpec & { name: N; type: T };

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

export const FUNDS_SPEC = {
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
    col("allege", "boolean", ["FCPR allégé", "Procédure allégée"]),
    col("legacyRules", "list", ["Règles historiques"]),
    // L. 214-160 II 1°, al. 2 (FPCI-CCA30), left out of the first build.
    col("eltifLabel", "boolean", ["Label ELTIF", "Dénomination ELTIF"]),
    col("infrastructureObject", "boolean", [
      "Objet principal : infrastructures",
      "Objet principal infrastructures",
    ]),
    col("fundTermDate", "date", [
      "Date de fin de vie du fonds",
      "Terme du fonds",
    ]),
  ],
} satisfies TableSpec;

export const HOLDINGS_SPEC = {
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
    // L. 214-30 IV, V (FCPI-HOLD75) and III A 2° b): rules added to the contract.
    col("holdingCompany", "boolean", ["Société holding", "Société mère"]),
    col("subsidiaryStakeMinPct", "percent", [
      "Plus faible détention dans les filiales",
      "Détention minimale des filiales",
    ]),
    col("subsidiariesEligible", "boolean", ["Filiales éligibles"], {
      blankUnknown: true,
    }),
    col(
      "subsidiaryMeetsI",
      "boolean",
      ["Filiale remplissant les conditions I, II et III"],
      { blankUnknown: true },
    ),
    col("subscriptionCommitment", "money", [
      "Engagement de souscription",
      "Engagement de souscrire",
    ]),
  ],
} satisfies TableSpec;

export const HOLDERS_SPEC = {
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
} satisfies TableSpec;

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

export const OPERATION_LABELS: Record<string, string[]> = {
  SUBSCRIPTION: ["Souscription"],
  ACQUISITION: ["Acquisition", "Achat", "Cession de parts", "Transfert"],
};

export const INVESTOR_CATEGORY_LABELS: Record<string, string[]> = {
  L214_38_INVESTOR: [
    "Investisseur L. 214-38",
    "Investisseur de l'article L. 214-38",
  ],
  STATE: ["État", "Etat"],
  SUPRANATIONAL: [
    "Banque centrale",
    "BCE",
    "Banque mondiale",
    "FMI",
    "BEI",
    "Institution supranationale",
  ],
};

/** Article-style labels are refused: "L. 411-2-1" would read as "L. 411-2 1°" once normalised. */
export const OFFER_CASE_LABELS: Record<string, string[]> = {
  QUALIFIED: ["Investisseurs qualifiés", "Cercle restreint", "OFF-QI"],
  CROWDFUNDING: ["Financement participatif", "OFF-CF"],
  EXISTING_PARTNERS: ["Associés existants", "OFF-EXIST"],
  SMALL_OFFER: ["Offre de moins de 8 M€", "OFF-8M"],
  LARGE_TICKET: ["Ticket d'au moins 100 000 €", "OFF-100K-INV"],
  HIGH_NOMINAL: ["Nominal d'au moins 100 000 €", "OFF-100K-NOM"],
};

export const SECURITY_TYPE_LABELS: Record<string, string[]> = {
  EQUITY: ["Titres de capital", "Actions"],
  DEBT: ["Titres de créance", "Obligations"],
  PARTS_SOCIALES: ["Parts sociales"],
  OTHER: ["Autre"],
};

export const CHANNEL_LABELS: Record<string, string[]> = {
  INVESTMENT_FIRM_WEBSITE: ["Site d'un PSI"],
  CIP_WEBSITE: ["Site d'un CIP"],
  OTHER: ["Autre"],
};

export const INSTRUMENT_TYPE_LABELS: Record<string, string[]> = {
  EQUITY: ["Actions", "Titres de capital"],
  DEBT: ["Titres de créance", "Obligations"],
  FUND_UNITS: ["Parts d'OPC", "Parts de fonds"],
  OTHER: ["Autre"],
};

export const FUND_CLASSIFICATION_LABELS: Record<string, string[]> = {
  EQUITY_FUND: ["Actions"],
  BOND_FUND: ["Obligations"],
  OTHER: ["Autre"],
};

export const VENUE_LABELS: Record<string, string[]> = {
  REGULATED: ["Marché réglementé", "REGULATED_MARKET"],
  OFF_MARKET: ["Hors marché", "Hors marché réglementé", "OTC", "Gré à gré"],
};

export const CLIENT_CATEGORY_LABELS: Record<string, string[]> = {
  INVESTMENT_FIRM: ["PSI", "Prestataire de services d'investissement"],
  MARKET_MEMBER: ["Membre d'un marché réglementé"],
  L531_2: ["L. 531-2"],
  OTHER: ["Autre"],
};

export const REQUEST_FORM_LABELS: Record<string, string[]> = {
  WRITTEN: ["Écrite", "Par écrit"],
  OTHER_MEANS: ["Autre moyen", "Tout moyen"],
  STANDING: ["Permanente", "Demande permanente"],
};

const enumCol = (
  name: string,
  labels: string[],
  values: readonly string[],
  valueLabels: Record<string, string[]>,
) => col(name, "enum", labels, { enumValues: values, enumLabels: valueLabels });

const FX_COLUMNS = [
  col("currency", "currency", ["Devise"]),
  col("fxRate", "number", ["Cours de change"]),
  col("fxDate", "date", ["Date du cours"]),
];

export const SUBSCRIBERS_SPEC: TableSpec = {
  name: "Subscribers",
  required: ["investorId", "subscriptionDate", "amount"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("offerId", "text", ["Offre"]),
    col("subscriptionId", "text", ["N° de bulletin", "Référence"]),
    col("investorId", "text", ["Investisseur", "Souscripteur"]),
    enumCol(
      "investorType",
      ["Type d'investisseur"],
      HOLDER_TYPES,
      HOLDER_TYPE_LABELS,
    ),
    enumCol("operation", ["Opération"], OPERATIONS, OPERATION_LABELS),
    col("subscriptionDate", "date", ["Date de souscription"]),
    col("amount", "money", ["Montant souscrit", "Montant"]),
    ...FX_COLUMNS,
    col("units", "number", ["Nombre de parts"]),
    enumCol(
      "investorCategory",
      ["Catégorie d'investisseur"],
      INVESTOR_CATEGORIES,
      INVESTOR_CATEGORY_LABELS,
    ),
    col("financialSectorYears", "number", ["Années dans le secteur financier"]),
    col("assistsCompanies", "boolean", ["Assistance aux sociétés"]),
    col("assistsManager", "boolean", ["Aide à la société de gestion"]),
    col("privateEquityExperience", "boolean", [
      "Connaissance du capital investissement",
    ]),
    col("depositsAndPortfolio", "money", [
      "Dépôts, assurance vie et portefeuille",
    ]),
    col("balanceSheetTotal", "money", ["Total du bilan"]),
    col("turnover", "money", ["Chiffre d'affaires"]),
    col("equity", "money", ["Capitaux propres"]),
    col("insider", "boolean", [
      "Dirigeant ou salarié de la société de gestion",
    ]),
    col("warningGiven", "boolean", ["Avertissement remis"]),
    col("rulesDeliveredDate", "date", ["Date de remise du règlement"]),
    col("acknowledgementDate", "date", ["Date de la reconnaissance écrite"]),
  ],
};

export const OFFERS_SPEC: TableSpec = {
  name: "Offers",
  required: ["offerId", "issuerId", "offerCase", "offerDate"],
  columns: [
    col("offerId", "text", ["Offre"]),
    col("issuerId", "text", ["Code émetteur"]),
    col("issuerName", "text", ["Émetteur"]),
    enumCol("offerCase", ["Cas de dispense"], OFFER_CASES, OFFER_CASE_LABELS),
    col("offerDate", "date", ["Date de l'offre"]),
    col("offerAmount", "money", ["Montant de l'offre"]),
    ...FX_COLUMNS,
    enumCol(
      "securityType",
      ["Type de titres"],
      SECURITY_TYPES,
      SECURITY_TYPE_LABELS,
    ),
    col("admittedToTrading", "boolean", ["Admis aux négociations"]),
    enumCol("channel", ["Canal"], CHANNELS, CHANNEL_LABELS),
    col("nonQualifiedOfferees", "count", [
      "Nombre d'investisseurs non qualifiés",
    ]),
    col("ownAccount", "boolean", ["Pour compte propre"]),
    col("existingPartnersOnly", "boolean", ["Réservée aux associés"]),
    col("nominalPerSecurity", "money", ["Valeur nominale"]),
  ],
};

export const TRADES_SPEC: TableSpec = {
  name: "Trades",
  required: ["tradeDate", "instrumentType", "venue", "amountEur"],
  columns: [
    col("fundId", "text", ["Code fonds", "Identifiant fonds", "Fonds"]),
    col("tradeId", "text", ["Référence", "N° d'ordre"]),
    col("tradeDate", "date", ["Date de l'opération", "Date d'exécution"]),
    enumCol(
      "instrumentType",
      ["Type d'instrument"],
      INSTRUMENT_TYPES,
      INSTRUMENT_TYPE_LABELS,
    ),
    enumCol(
      "fundClassification",
      ["Classification de l'OPC"],
      FUND_CLASSIFICATIONS,
      FUND_CLASSIFICATION_LABELS,
    ),
    enumCol("venue", ["Lieu d'exécution"], VENUES, VENUE_LABELS),
    col("amountEur", "money", ["Montant en euros"]),
    col("issuerMarketCap", "money", ["Capitalisation de l'émetteur"]),
    col("counterpartyDealsOnOwnAccount", "boolean", [
      "Contrepartie pour compte propre",
    ]),
    col("agreedPrice", "number", ["Prix convenu"]),
    col("referenceVwap", "number", ["Prix moyen pondéré"]),
    col("agreedAt", "datetime", ["Date et heure de l'accord"]),
    col("vwapFrom", "datetime", ["Début de la période de référence"]),
    enumCol(
      "clientCategory",
      ["Catégorie du client"],
      CLIENT_CATEGORIES,
      CLIENT_CATEGORY_LABELS,
    ),
    enumCol(
      "requestForm",
      ["Forme de la demande"],
      REQUEST_FORMS,
      REQUEST_FORM_LABELS,
    ),
    col("standingFrom", "date", ["Début de la demande permanente"]),
    col("standingUntil", "date", ["Fin de la demande permanente"]),
    col("packageDeclared", "boolean", ["Élément d'une convention"]),
  ],
};

export const TABLE_SPECS: Record<TableName, TableSpec> = {
  Funds: FUNDS_SPEC,
  Holdings: HOLDINGS_SPEC,
  Holders: HOLDERS_SPEC,
  Orders: ORDERS_SPEC,
  Subscribers: SUBSCRIBERS_SPEC,
  Offers: OFFERS_SPEC,
  Trades: TRADES_SPEC,
};

/** Normalised header → canonical column, from the canonical names, every French label and the English one. */
export function headerIndex(spec: TableSpec): ReadonlyMap<string, ColumnSpec> {
  let index = headerIndices.get(spec);
  if (index !== undefined) return index;
  index = new Map<string, ColumnSpec>();
  for (const c of spec.columns)
    for (const label of [c.name, ...c.labels, ...(c.en ? [c.en] : [])])
      if (!index.has(normalizeLabel(label)))
        index.set(normalizeLabel(label), c);
  headerIndices.set(spec, index);
  return index;
}

/** Normalised enum label → canonical value. */
export function enumIndex(spec: ColumnSpec): ReadonlyMap<string, string> {
  let index = enumIndices.get(spec);
  if (index !== undefined) return index;
  index = new Map<string, string>();
  for (const v of spec.enumValues ?? []) index.set(normalizeLabel(v), v);
  for (const [v, labels] of Object.entries(spec.enumLabels ?? {}))
    for (const l of labels) index.set(normalizeLabel(l), v);
  enumIndices.set(spec, index);
  return index;
}

/**
 * Each spec's indices, made once: every read of a table normalised its few hundred labels
 * again (about a millisecond of a 100,000-row read). The specs are constants, the indices only read.
 */
const headerIndices = new WeakMap<TableSpec, Map<string, ColumnSpec>>();
const enumIndices = new WeakMap<ColumnSpec, Map<string, string>>();

/** A column's English label, the rules that read it and its use, as the documentation shows them. */
export interface ColumnDetails {
  en: string;
  rules: readonly string[];
  usedFor: string;
}

const EVERY_RULE = ["*"] as const;
const FCPR_QUOTAS = ["FCPR-Q50", "FCPI-Q70", "FIP-Q70"];
const FIVE_YEARS = ["FCPR-L5Y", "FCPI-L5Y", "FIP-L5Y"];
const FRESH = ["FCPI-FRESH40", "FIP-FRESH40"];
const HOLDING = ["FCPI-Q70", "FCPI-FRESH40", "FCPI-HOLD75"];
const ADVANCES = ["FCPR-CCA15", "FPCI-CCA15", "FPCI-CCA30", "OPCI-CCA5"];
const OPCI = [
  "OPCI-ASSET",
  "OPCI-RE60",
  "OPCI-RE51",
  "OPCI-LIQ5",
  "OPCI-LEV40",
  "OPCI-CCA5",
];
const FEEDERS = ["OPCVM-FEED85", "OPCVM-FEED15", "FIVG-FEED", "FIA-FEED85"];
const HOLDER_CAPS = ["FIP-H20", "FIP-H10", "FIP-H30"];
const SEF_FOREST = ["SEF-FOREST60", "SEF-FOREST51"];
const RAISE = ["SCPI-RAISE15", "SEF-RAISE15"];
const SOLIDARITY = ["FCPE-SOL5", "FCPE-SOL10"];
const PER = ["FCPE-PER-UNL10", "FCPE-PER-EMP10", "FCPE-PER-AIF50"];
const PEA_PME = ["PEAPME-FUND75", "PEAPME-EQ23"];
const PEA_ISSUER = ["PEA-FUND75", ...PEA_PME];
const CPI = ["CPI-FUND80", "CPI-FRESH40"];
const TWENTY = ["FIVG-20INV", "OFS-20INV"];
/** The MIN rules with no period in the law, which a fund's `bindingFrom` defers. */
const BINDING_FROM = [
  ...SEF_FOREST,
  "FCPE-SOL5",
  "FCPE-FOREIGN",
  "PEA-FUND75",
  ...PEA_PME,
  ...CPI,
];

/** The register rules (src/law/registers.ts) that read each register's columns. */
const SUBSCRIBER_RULES = [
  "FCPRA-ELIG",
  "FCPRA-WARN",
  "FCPRA-ACK",
  "FCPRA-DEPO",
];
const OFFER_RULES = [
  "OFF-QI",
  "OFF-CF",
  "OFF-EXIST",
  "OFF-8M",
  "OFF-100K-INV",
  "OFF-100K-NOM",
  "OFF-12M",
];
const TRADE_AMOUNT_RULES = [
  "OTC-EQ",
  "OTC-DEBT",
  "OTC-FUND-EQ",
  "OTC-FUND-BOND",
];
const TRADE_RULES = [
  "OTC-INSTR",
  ...TRADE_AMOUNT_RULES,
  "OTC-DEALER",
  "OTC-REQ",
  "OTC-PACKAGE",
];

/**
 * What each column of the specs above is for: its English label, the rules that read it ("*":
 * every rule of the fund) and its use. Kept apart from the specs so that adding a column is one
 * line there and one entry here; a test fails when a column has no entry, and the column tables
 * of docs/workbook-format.md are generated from both (`npm run docs:columns`).
 */
export const COLUMN_DETAILS: {
  [T in TableName]?: Record<string, ColumnDetails>;
} = {
  Funds: {
    fundId: {
      en: "Fund code",
      rules: EVERY_RULE,
      usedFor: "required; unique key (matched ignoring case)",
    },
    fundName: { en: "Fund name", rules: [], usedFor: "display" },
    fundType: {
      en: "Fund type",
      rules: EVERY_RULE,
      usedFor: "required; decides which rules apply",
    },
    constitutionDate: {
      en: "Constitution date",
      rules: ["FCPI-Q70", "FIP-Q70", ...OPCI],
      usedFor:
        "FCPI/FIP threshold by vintage; OPCI (rules bind three years after creation); checks firstYearEnd",
    },
    firstYearEnd: {
      en: "First financial year end",
      rules: [...FCPR_QUOTAS, "PEA-FUND75", "PEAPME-FUND75"],
      usedFor:
        "when the quota binds (L. 214-28 V); the PEA and PEA-PME commitments bind from the close of the 4th year",
    },
    basis: {
      en: "Basis",
      rules: EVERY_RULE,
      usedFor:
        "default `COST` when paid-up subscriptions are given, else `FAIR`",
    },
    paidUpSubscriptions: {
      en: "Paid-up subscriptions",
      rules: EVERY_RULE,
      usedFor: "base on `COST`",
    },
    totalAssets: {
      en: "Total assets",
      rules: EVERY_RULE,
      usedFor: "base on `FAIR`; blank = sum of the fund's fair values",
    },
    quotaThreshold: {
      en: "Quota threshold",
      rules: ["FCPR-Q50", "FCPI-Q70", "FIP-Q70"],
      usedFor: "overrides the main quota threshold",
    },
    warningMargin: {
      en: "Warning margin",
      rules: EVERY_RULE,
      usedFor: "default 2 points",
    },
    chosenRegions: {
      en: "Chosen regions",
      rules: ["FIP-Q70", "FIP-FRESH40"],
      usedFor: "FIP",
    },
    overseasZone: { en: "Overseas zone", rules: ["FIP-REG25"], usedFor: "FIP" },
    isSicav: {
      en: "Is a SICAV",
      rules: ["OPCVM-FEED15"],
      usedFor: "OPCVM feeder",
    },
    borrowings: {
      en: "Borrowings",
      rules: ["OPCI-LEV40", "SCPI-DEBT"],
      usedFor:
        "OPCI; SCPI, SEF: borrowings, debts assumed and deferred payments (L. 214-101)",
    },
    liquidLabel: {
      en: "Liquidity label",
      rules: ["FCPR-LIQ5"],
      usedFor:
        "FCPR, FCPI, FIP (L. 214-28 XII): the fund claims 5 % liquid instruments; unreadable: measured, a shortfall is incomplete",
    },
    bindingFrom: {
      en: "Binding from",
      rules: BINDING_FROM,
      usedFor:
        "first day the MIN rules without a statutory period bind; before it they are not binding",
    },
    forestLoanSupport: {
      en: "Forestry loan support",
      rules: SEF_FOREST,
      usedFor:
        "SEF: subsidises or guarantees forestry loans (L. 214-122): 51 % of woodland instead of 60 %",
    },
    statutoryMaxCapital: {
      en: "Statutory maximum capital",
      rules: RAISE,
      usedFor: "SCPI, SEF: maximum capital in the articles",
    },
    subscriptionOpeningDate: {
      en: "Subscription opening date",
      rules: RAISE,
      usedFor:
        "SCPI, SEF: opening of the public subscription; blank = the 15 % raise is not reported",
    },
    publicSubscribedCapital: {
      en: "Capital subscribed by the public",
      rules: RAISE,
      usedFor: "SCPI, SEF: nominal capital subscribed by the public",
    },
    agBorrowingMax: {
      en: "Meeting's borrowing maximum",
      rules: ["SCPI-DEBT"],
      usedFor: "SCPI, SEF: the general meeting's maximum (L. 214-101)",
    },
    unitsIssued: {
      en: "Units issued",
      rules: ["SCPI-SELL10"],
      usedFor: "SCPI, SEF: units issued; blank = sum of `Holders.units`",
    },
    subscriptionPrice: {
      en: "Subscription price",
      rules: ["SCPI-PRICE10"],
      usedFor: "SCPI, SEF: subscription price per unit",
    },
    reconstitutionValue: {
      en: "Reconstitution value",
      rules: ["SCPI-PRICE10"],
      usedFor: "SCPI, SEF: reconstitution value per unit (L. 214-109)",
    },
    sharesIssued: {
      en: "Shares issued",
      rules: ["SICAF-BUYBACK", "SICAF-OWN10"],
      usedFor: "SICAF: shares making up the capital",
    },
    ownSharesHeld: {
      en: "Own shares held",
      rules: ["SICAF-OWN10"],
      usedFor: "SICAF: own shares held",
    },
    sharesBoughtYtd: {
      en: "Shares bought this year",
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: own shares bought since the start of the year",
    },
    sharesResoldYtd: {
      en: "Shares resold this year",
      rules: ["SICAF-BUYBACK"],
      usedFor:
        "SICAF: own shares resold since the start of the year; blank = none",
    },
    sharePrice: {
      en: "Share price",
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: share price at the as-of date",
    },
    navPerShare: {
      en: "Net asset value per share",
      rules: ["SICAF-BUYBACK"],
      usedFor: "SICAF: net asset value per share at the as-of date",
    },
    buybackLimitPct: {
      en: "Buy-back limit",
      rules: ["SICAF-BUYBACK"],
      usedFor:
        "SICAF: limit authorised by an extraordinary meeting; replaces 10 %/25 %",
    },
    solidarityFund: {
      en: "Solidarity fund",
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor: "FCPE: a fonds solidaire (L. 214-164 V)",
    },
    perEligible: {
      en: "PER eligible",
      rules: PER,
      usedFor: "FCPE: can be held in a PER d'entreprise (L. 214-164 VII)",
    },
    foreignGroupPlan: {
      en: "Foreign group FCPE",
      rules: ["FCPE-FOREIGN"],
      usedFor: "FCPE of a foreign group (L. 214-165-1)",
    },
    liquidityMechanism: {
      en: "Liquidity mechanism",
      rules: ["FCPE-FOREIGN"],
      usedFor: "exemption of L. 214-165-1 IV 1°",
    },
    groupBuybackCommitment: {
      en: "Group buy-back commitment",
      rules: ["FCPE-FOREIGN"],
      usedFor: "exemption of L. 214-165-1 IV 2°",
    },
    peaClaim: {
      en: "PEA eligible",
      rules: ["PEA-FUND75"],
      usedFor: "the fund claims PEA eligibility (L. 221-31 I 2°)",
    },
    peaPmeClaim: {
      en: "PEA-PME eligible",
      rules: PEA_PME,
      usedFor: "the fund claims PEA-PME eligibility (L. 221-32-2 3)",
    },
    cpiClaim: {
      en: "Innovation SME account eligible",
      rules: CPI,
      usedFor:
        "the fund accepts compte PME innovation subscriptions (L. 221-32-5 IV A 3°)",
    },
    selfManaged: {
      en: "Self-managed",
      rules: ["FIA-CAP300K"],
      usedFor: "self-managed AIF (L. 214-24 VI)",
    },
    initialCapital: {
      en: "Initial capital",
      rules: ["FIA-CAP300K"],
      usedFor: "self-managed AIF: at least 300 000 €",
    },
    reservedTo20Investors: {
      en: "Reserved to twenty investors",
      rules: TWENTY,
      usedFor: "FIVG, OFS: reserved to twenty investors at most",
    },
    uncalledSubscriptions: {
      en: "Uncalled subscriptions",
      rules: ["OFS-LOSS"],
      usedFor: "OFS: added to total assets; blank = 0",
    },
    allege: {
      en: "FCPR allégé",
      rules: SUBSCRIBER_RULES,
      usedFor:
        "its `Subscribers` rows are checked against RG AMF 412-113 (historical text)",
    },
    legacyRules: {
      en: "Historical rules",
      rules: TRADE_RULES,
      usedFor:
        "`516-2` (or `RG AMF 516-2`): its `Trades` rows are checked against RG AMF 516-2 (historical text); any other value is a warning and ignored",
    },
    eltifLabel: {
      en: "ELTIF label",
      rules: ["FPCI-CCA30"],
      usedFor:
        "FPCI, SLP: authorised to use the « ELTIF » name (L. 214-160 II 1°, al. 2 b); with `infrastructureObject`, advances are retained in the quota up to 30 %; blank = no",
    },
    infrastructureObject: {
      en: "Main object: infrastructure",
      rules: ["FPCI-CCA30"],
      usedFor:
        "FPCI, SLP: main object is financing infrastructure assets (L. 214-160 II 1°, al. 2 a); blank = no",
    },
    fundTermDate: {
      en: "Fund term date",
      rules: ["FCPI-Q70", "FIP-Q70"],
      usedFor:
        "FCPI, FIP: end of the fund's life; after it, a secondary purchase counts under III A 2° b) only when the subscriptions made reach its value",
    },
  },
  Holdings: {
    fundId: {
      en: "Fund code",
      rules: EVERY_RULE,
      usedFor: "owning fund (may be blank when the workbook has one fund)",
    },
    lineId: {
      en: "Line reference",
      rules: [],
      usedFor: "blank = the worksheet row number",
    },
    issuerId: {
      en: "Issuer code",
      rules: [...ADVANCES, ...FRESH, "SCPI-CCA5"],
      usedFor:
        "groups positions on one company; advances take their issuer's ownership",
    },
    issuerName: { en: "Issuer", rules: [], usedFor: "display" },
    assetClass: {
      en: "Asset class",
      rules: EVERY_RULE,
      usedFor: "required; `DIGITAL_ASSET` extends the contract for L. 214-160",
    },
    costValue: { en: "Cost value", rules: EVERY_RULE, usedFor: "basis `COST`" },
    fairValue: { en: "Fair value", rules: EVERY_RULE, usedFor: "basis `FAIR`" },
    listingStatus: {
      en: "Listing status",
      rules: [
        ...FCPR_QUOTAS,
        "FCPR-B20",
        ...FIVE_YEARS,
        "OPCI-ASSET",
        "FPCI-CCA30",
        "SCPI-ASSET",
        ...PEA_PME,
        // Through instrumentListing when it is blank.
        "FCPE-PER-UNL10",
        "FCPE-FOREIGN",
      ],
      usedFor:
        "blank = unlisted. For debt and receivables: the listing of the issuer's equity",
    },
    listingCountry: {
      en: "Listing country",
      rules: ["FCPR-B20"],
      usedFor: "L. 214-28 III 1° (EU/EEA market)",
    },
    listingDate: {
      en: "Admission date",
      rules: [...FCPR_QUOTAS, ...FIVE_YEARS],
      usedFor:
        'admission to trading; after `investmentDate` (or with no `investmentDate`) it means "listed after purchase" (L. 214-28 IV)',
    },
    marketCap: {
      en: "Market capitalisation",
      rules: ["FCPR-B20"],
      usedFor: "L. 214-28 III 1° (< 150 M€)",
    },
    investmentDate: {
      en: "Investment date",
      rules: EVERY_RULE,
      usedFor: "a position invested after the as-of date is not yet held",
    },
    acquisitionMode: {
      en: "Acquisition mode",
      rules: [...FRESH, ...CPI],
      usedFor: "FCPI/FIP 40 %; compte PME innovation 80 % and 40 %",
    },
    ownershipPct: {
      en: "Ownership percentage",
      rules: [...ADVANCES, "SCPI-CCA5"],
      usedFor:
        "advances: 5 % gate (L. 214-28 II 1°, L. 214-102 II); a participation for the FPCI (in the company or its group for FPCI-CCA30)",
    },
    lookThroughPct: {
      en: "Look-through percentage",
      rules: ["FCPR-Q50"],
      usedFor: "entity rights (L. 214-28 II 2°)",
    },
    entityOecd: {
      en: "OECD entity",
      rules: ["FCPR-Q50"],
      usedFor: "entity rights (L. 214-28 II 2°)",
    },
    fcpiEligible: {
      en: "FCPI eligible",
      rules: ["FCPI-Q70", "FCPI-FRESH40"],
      usedFor: "FCPI",
    },
    fipEligible: {
      en: "FIP eligible",
      rules: ["FIP-Q70", "FIP-FRESH40"],
      usedFor: "FIP",
    },
    region: {
      en: "Region",
      rules: ["FIP-Q70", "FIP-FRESH40", "FIP-REG25"],
      usedFor: "FIP",
    },
    opciCategory: {
      en: "OPCI category",
      rules: OPCI,
      usedFor: "OPCI (item of L. 214-36 I)",
    },
    encumbered: {
      en: "Encumbered",
      rules: ["OPCI-LIQ5"],
      usedFor: "OPCI liquidity",
    },
    participationPct: {
      en: "Participation percentage",
      rules: ["OPCI-LEV40", "OPCI-CCA5", "SCPI-DEBT"],
      usedFor: "OPCI and SCPI borrowing look-through",
    },
    entityDebt: {
      en: "Entity debt",
      rules: ["OPCI-LEV40", "SCPI-DEBT"],
      usedFor: "OPCI and SCPI borrowing look-through",
    },
    controlledParticipation: {
      en: "Controlled participation",
      rules: ["OPCI-RE60"],
      usedFor: "FPI",
    },
    masterId: {
      en: "Master fund",
      rules: [...FEEDERS, "FIA-FEED85M", ...SOLIDARITY],
      usedFor: "feeders; a solidarity FCPE feeding one master",
    },
    hedgeOnly: {
      en: "Hedging only",
      rules: ["OPCVM-FEED15"],
      usedFor: "OPCVM feeder",
    },
    disposalDate: {
      en: "Disposal date",
      rules: EVERY_RULE,
      usedFor: "a position sold on or before the as-of date is not held",
    },
    forestCategory: {
      en: "Forest category",
      rules: SEF_FOREST,
      usedFor: "SEF: blank = not a forest asset",
    },
    scpiCategory: {
      en: "SCPI category",
      rules: ["SCPI-ASSET", "SCPI-CCA5", "SCPI-DEBT"],
      usedFor: "SCPI, SEF: item 1 to 6 of L. 214-115 I; `0`: none of them",
    },
    jointLiabilityEntity: {
      en: "Joint and unlimited liability entity",
      rules: ["SCPI-ASSET", "SCPI-CCA5", "OPCI-UNLIM"],
      usedFor:
        "members answer « indéfiniment et solidairement » (L. 214-115 II, L. 214-36 II)",
    },
    solidarityEnterprise: {
      en: "Solidarity enterprise",
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor: "FCPE: issuer approved under L. 3332-17-1 C. trav.",
    },
    entitySolidarityShare: {
      en: "Entity's solidarity share",
      rules: [...SOLIDARITY, "FCPE-PER-UNL10"],
      usedFor:
        "FCPE: solidarity share of a held SCR's or FCPR's assets (40 % test)",
    },
    heldFundType: {
      en: "Held fund type",
      rules: [...SOLIDARITY, "FCPE-PE30", "FCPE-PER-UNL10", "FCPE-PER-AIF50"],
      usedFor: "FCPE: type of the fund whose units these are",
    },
    employerGroup: {
      en: "Employer group security",
      rules: ["FCPE-SCOPE", "FCPE-PER-EMP10", "FCPE-FOREIGN"],
      usedFor: "FCPE: issued by the employer or its group",
    },
    issuerCountry: {
      en: "Issuer country",
      rules: PEA_ISSUER,
      usedFor: "PEA, PEA-PME: seat of the issuer",
    },
    corporateTax: {
      en: "Subject to corporate tax",
      rules: PEA_ISSUER,
      usedFor: "PEA, PEA-PME: issuer subject to corporate tax; blank = not",
    },
    preferenceShares: {
      en: "Preference shares",
      rules: ["PEA-FUND75", "PEAPME-EQ23"],
      usedFor: "PEA: preference shares, not counted",
    },
    issuerEmployees: {
      en: "Issuer employees",
      rules: PEA_PME,
      usedFor: "PEA-PME: persons employed (< 5 000)",
    },
    issuerTurnover: {
      en: "Issuer turnover",
      rules: PEA_PME,
      usedFor: "PEA-PME: turnover (≤ 1.5 bn EUR)",
    },
    issuerBalanceSheet: {
      en: "Issuer balance sheet total",
      rules: PEA_PME,
      usedFor: "PEA-PME: balance-sheet total (≤ 2 bn EUR)",
    },
    issuerMarketCap: {
      en: "Issuer market capitalisation",
      rules: PEA_PME,
      usedFor:
        "PEA-PME: listed issuer's capitalisation at the as-of date (< 1 bn EUR)",
    },
    issuerMarketCapLow4y: {
      en: "Lowest capitalisation over four years",
      rules: PEA_PME,
      usedFor:
        "PEA-PME: lowest capitalisation at the close of the four previous years",
    },
    instrumentListing: {
      en: "Instrument listing",
      rules: ["FCPE-PER-UNL10", "FCPE-FOREIGN", "PEAPME-EQ23"],
      usedFor: "listing of the instrument itself; blank = `listingStatus`",
    },
    cpiEligible: {
      en: "CPI eligible",
      rules: CPI,
      usedFor: "CPI: the issuer meets L. 221-32-5 IV A 1°",
    },
    maxLoss: {
      en: "Maximum loss",
      rules: ["OFS-LOSS"],
      usedFor: "OFS: maximum loss or net commitment, net of hedges",
    },
    masterStrategy: {
      en: "Master strategy",
      rules: ["FIA-FEED85M"],
      usedFor:
        "FIA: masters with the same text share a strategy (L. 214-24 IV 2°)",
    },
    holdingCompany: {
      en: "Holding company",
      rules: HOLDING,
      usedFor:
        "FCPI: the issuer is a holding company whose object is holding participations (L. 214-30 IV 1. b)); its securities count only through IV",
    },
    subsidiaryStakeMinPct: {
      en: "Lowest stake in subsidiaries",
      rules: HOLDING,
      usedFor:
        "FCPI: the lowest share of capital the holding company holds in any of its participations; « au moins 75 % » (IV 1. c), V)",
    },
    subsidiariesEligible: {
      en: "Subsidiaries eligible",
      rules: HOLDING,
      usedFor:
        "FCPI: every participation meets the conditions of IV 1. c); blank = not given (the quota is incomplete)",
    },
    subsidiaryMeetsI: {
      en: "A subsidiary meets I, II and III",
      rules: HOLDING,
      usedFor:
        "FCPI: at least one participation meets L. 214-30 I, II and III (IV 1. d)); blank = not given",
    },
    subscriptionCommitment: {
      en: "Subscription commitment",
      rules: ["FCPI-Q70", "FIP-Q70"],
      usedFor:
        "FCPI, FIP: on a `SECONDARY_PURCHASE` row, the amount the fund committed to subscribe in the company (III A 2° b)); blank = no commitment",
    },
  },
  Holders: {
    fundId: {
      en: "Fund code",
      rules: HOLDER_CAPS,
      usedFor: "owning fund (may be blank when the workbook has one fund)",
    },
    holderId: { en: "Holder", rules: HOLDER_CAPS, usedFor: "FIP holder caps" },
    holderType: {
      en: "Holder type",
      rules: HOLDER_CAPS,
      usedFor: "FIP holder caps",
    },
    units: {
      en: "Units",
      rules: HOLDER_CAPS,
      usedFor: "required; FIP holder caps",
    },
  },
  Subscribers: {
    fundId: {
      en: "Fund code",
      rules: SUBSCRIBER_RULES,
      usedFor: "the fund (blank when the workbook has one fund)",
    },
    offerId: { en: "Offer", rules: ["OFF-100K-INV"], usedFor: "the offer" },
    subscriptionId: {
      en: "Subscription reference",
      rules: [],
      usedFor: "row key; default the row number",
    },
    investorId: {
      en: "Investor",
      rules: ["FCPRA-ELIG"],
      usedFor: "required; stable per investor",
    },
    investorType: {
      en: "Investor type",
      rules: ["FCPRA-ELIG"],
      usedFor: "E7, insider exemption",
    },
    operation: {
      en: "Operation",
      rules: ["FCPRA-ELIG"],
      usedFor: "first operation (§3.5)",
    },
    subscriptionDate: {
      en: "Subscription date",
      rules: SUBSCRIBER_RULES,
      usedFor: "required",
    },
    amount: {
      en: "Amount subscribed",
      rules: ["FCPRA-ELIG", "OFF-100K-INV"],
      usedFor: "required; E4–E6, E8, OFF-100K-INV",
    },
    currency: {
      en: "Currency",
      rules: ["FCPRA-ELIG", "OFF-100K-INV"],
      usedFor: "blank = EUR",
    },
    fxRate: {
      en: "Exchange rate",
      rules: ["FCPRA-ELIG", "OFF-100K-INV"],
      usedFor: "units of the currency for one euro",
    },
    fxDate: {
      en: "Exchange rate date",
      rules: [],
      usedFor: "shown, not checked",
    },
    units: { en: "Number of units", rules: [], usedFor: "information" },
    investorCategory: {
      en: "Investor category",
      rules: ["FCPRA-ELIG"],
      usedFor: "E1–E3",
    },
    financialSectorYears: {
      en: "Years in the financial sector",
      rules: ["FCPRA-ELIG"],
      usedFor: "E4",
    },
    assistsCompanies: {
      en: "Assists companies",
      rules: ["FCPRA-ELIG"],
      usedFor: "E5 a)",
    },
    assistsManager: {
      en: "Assists the management company",
      rules: ["FCPRA-ELIG"],
      usedFor: "E5 b)",
    },
    privateEquityExperience: {
      en: "Private equity experience",
      rules: ["FCPRA-ELIG"],
      usedFor: "E5 c)",
    },
    depositsAndPortfolio: {
      en: "Deposits, life insurance and portfolio",
      rules: ["FCPRA-ELIG"],
      usedFor: "E6",
    },
    balanceSheetTotal: {
      en: "Balance sheet total",
      rules: ["FCPRA-ELIG"],
      usedFor: "E7 a)",
    },
    turnover: { en: "Turnover", rules: ["FCPRA-ELIG"], usedFor: "E7 b)" },
    equity: { en: "Equity", rules: ["FCPRA-ELIG"], usedFor: "E7 c)" },
    insider: {
      en: "Insider",
      rules: ["FCPRA-ELIG"],
      usedFor: "exemption (I, last paragraph)",
    },
    warningGiven: {
      en: "Warning given",
      rules: ["FCPRA-WARN"],
      usedFor: "FCPRA-WARN (II)",
    },
    rulesDeliveredDate: {
      en: "Fund rules delivered on",
      rules: ["FCPRA-ACK"],
      usedFor: "FCPRA-ACK (III)",
    },
    acknowledgementDate: {
      en: "Written acknowledgement date",
      rules: ["FCPRA-ACK"],
      usedFor: "FCPRA-ACK (III)",
    },
  },
  Offers: {
    offerId: { en: "Offer", rules: OFFER_RULES, usedFor: "the offer" },
    issuerId: {
      en: "Issuer code",
      rules: ["OFF-12M"],
      usedFor: "required; 12-month totals per issuer",
    },
    issuerName: { en: "Issuer", rules: [], usedFor: "display" },
    offerCase: {
      en: "Exemption case",
      rules: OFFER_RULES,
      usedFor: "required; the rule of the offer",
    },
    offerDate: {
      en: "Offer date",
      rules: ["OFF-12M"],
      usedFor: "required; OFF-12M",
    },
    offerAmount: {
      en: "Offer amount",
      rules: ["OFF-8M", "OFF-12M"],
      usedFor: "OFF-8M, OFF-12M",
    },
    currency: {
      en: "Currency",
      rules: ["OFF-8M", "OFF-12M"],
      usedFor: "blank = EUR",
    },
    fxRate: {
      en: "Exchange rate",
      rules: ["OFF-8M", "OFF-12M"],
      usedFor: "units of the currency for one euro",
    },
    fxDate: {
      en: "Exchange rate date",
      rules: [],
      usedFor: "shown, not checked",
    },
    securityType: {
      en: "Security type",
      rules: ["OFF-CF", "OFF-EXIST"],
      usedFor: "OFF-CF, OFF-EXIST",
    },
    admittedToTrading: {
      en: "Admitted to trading",
      rules: ["OFF-CF"],
      usedFor: "OFF-CF",
    },
    channel: { en: "Channel", rules: ["OFF-CF"], usedFor: "OFF-CF" },
    nonQualifiedOfferees: {
      en: "Non-qualified offerees",
      rules: ["OFF-QI"],
      usedFor: "OFF-QI",
    },
    ownAccount: { en: "Own account", rules: ["OFF-QI"], usedFor: "OFF-QI" },
    existingPartnersOnly: {
      en: "Existing partners only",
      rules: ["OFF-EXIST"],
      usedFor: "OFF-EXIST",
    },
    nominalPerSecurity: {
      en: "Nominal value",
      rules: ["OFF-100K-NOM"],
      usedFor: "OFF-100K-NOM",
    },
  },
  Trades: {
    fundId: {
      en: "Fund code",
      rules: TRADE_RULES,
      usedFor: "the fund (blank when the workbook has one fund)",
    },
    tradeId: {
      en: "Trade reference",
      rules: [],
      usedFor: "row key; default the row number",
    },
    tradeDate: { en: "Trade date", rules: TRADE_RULES, usedFor: "required" },
    instrumentType: {
      en: "Instrument type",
      rules: ["OTC-INSTR", ...TRADE_AMOUNT_RULES],
      usedFor: "required; OTC-INSTR and the amount rule",
    },
    fundClassification: {
      en: "Fund classification",
      rules: ["OTC-FUND-EQ", "OTC-FUND-BOND"],
      usedFor: "OTC-FUND-EQ, OTC-FUND-BOND",
    },
    venue: {
      en: "Execution venue",
      rules: TRADE_RULES,
      usedFor: "required; only OFF_MARKET rows are checked",
    },
    amountEur: {
      en: "Amount in euros",
      rules: TRADE_AMOUNT_RULES,
      usedFor: "required; amount rules",
    },
    issuerMarketCap: {
      en: "Issuer market capitalisation",
      rules: ["OTC-EQ", "OTC-FUND-EQ"],
      usedFor: "OTC-EQ, OTC-FUND-EQ",
    },
    counterpartyDealsOnOwnAccount: {
      en: "Counterparty deals on own account",
      rules: ["OTC-DEALER"],
      usedFor: "OTC-DEALER",
    },
    agreedPrice: {
      en: "Agreed price",
      rules: ["OTC-DEALER"],
      usedFor: "OTC-DEALER",
    },
    referenceVwap: {
      en: "Reference VWAP",
      rules: ["OTC-DEALER"],
      usedFor: "OTC-DEALER",
    },
    agreedAt: { en: "Agreed at", rules: ["OTC-DEALER"], usedFor: "OTC-DEALER" },
    vwapFrom: {
      en: "Reference period start",
      rules: ["OTC-DEALER"],
      usedFor: "OTC-DEALER",
    },
    clientCategory: {
      en: "Client category",
      rules: ["OTC-REQ"],
      usedFor: "OTC-REQ (blank = OTHER)",
    },
    requestForm: {
      en: "Request form",
      rules: ["OTC-REQ"],
      usedFor: "OTC-REQ (blank = no request)",
    },
    standingFrom: {
      en: "Standing request from",
      rules: ["OTC-REQ"],
      usedFor: "OTC-REQ, standing request",
    },
    standingUntil: {
      en: "Standing request until",
      rules: ["OTC-REQ"],
      usedFor: "OTC-REQ, standing request",
    },
    packageDeclared: {
      en: "Part of a package",
      rules: ["OTC-PACKAGE"],
      usedFor: "OTC-PACKAGE",
    },
  },
  Orders: {
    fundId: {
      en: "Fund code",
      rules: ["SCPI-SELL10"],
      usedFor: "the SCPI or SEF (may be blank when the workbook has one fund)",
    },
    orderId: {
      en: "Order reference",
      rules: ["SCPI-SELL10"],
      usedFor:
        "names the order in diagnostics; blank = the worksheet row number",
    },
    orderType: {
      en: "Order type",
      rules: ["SCPI-SELL10"],
      usedFor: "sell orders and withdrawal requests are measured apart",
    },
    registeredDate: {
      en: "Registration date",
      rules: ["SCPI-SELL10"],
      usedFor:
        "inscription on the register (L. 214-93 I), or date of the withdrawal request",
    },
    units: {
      en: "Units",
      rules: ["SCPI-SELL10"],
      usedFor: "required; units still unsatisfied",
    },
  },
};

// The details join their specs once, when the module loads: every reader of a spec sees them.
for (const spec of Object.values(TABLE_SPECS))
  for (const c of spec.columns)
    Object.assign(c, COLUMN_DETAILS[spec.name]?.[c.name]);

/** The items a category column accepts, first and last included (default 1 to 10, the items of L. 214-36 I). */
export function categoryRange(c: ColumnSpec): readonly [number, number] {
  return c.range ?? [1, 10];
}

/** The column's French label (the first of its labels), as the French template writes it. */
export function frenchLabel(c: ColumnSpec): string {
  return c.labels[0] ?? c.name;
}

/** The column's English label. */
export function englishLabel(c: ColumnSpec): string {
  return c.en ?? c.name;
}
