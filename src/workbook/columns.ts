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
  /** The English label (documentation, accepted as a header); from COLUMN_ENGLISH. */
  en?: string;
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

/**
 * Each column's English label (accepted as a header, and the documentation's): the rules that read
 * a column and its use, which only the documentation shows, are in column-docs.ts, so that the
 * add-in does not ship them.
 */
export const COLUMN_ENGLISH: {
  [T in TableName]?: Record<string, string>;
} = {
  Funds: {
    fundId: "Fund code",
    fundName: "Fund name",
    fundType: "Fund type",
    constitutionDate: "Constitution date",
    firstYearEnd: "First financial year end",
    basis: "Basis",
    paidUpSubscriptions: "Paid-up subscriptions",
    totalAssets: "Total assets",
    quotaThreshold: "Quota threshold",
    warningMargin: "Warning margin",
    chosenRegions: "Chosen regions",
    overseasZone: "Overseas zone",
    isSicav: "Is a SICAV",
    borrowings: "Borrowings",
    liquidLabel: "Liquidity label",
    bindingFrom: "Binding from",
    forestLoanSupport: "Forestry loan support",
    statutoryMaxCapital: "Statutory maximum capital",
    subscriptionOpeningDate: "Subscription opening date",
    publicSubscribedCapital: "Capital subscribed by the public",
    agBorrowingMax: "Meeting's borrowing maximum",
    unitsIssued: "Units issued",
    subscriptionPrice: "Subscription price",
    reconstitutionValue: "Reconstitution value",
    sharesIssued: "Shares issued",
    ownSharesHeld: "Own shares held",
    sharesBoughtYtd: "Shares bought this year",
    sharesResoldYtd: "Shares resold this year",
    sharePrice: "Share price",
    navPerShare: "Net asset value per share",
    buybackLimitPct: "Buy-back limit",
    solidarityFund: "Solidarity fund",
    perEligible: "PER eligible",
    foreignGroupPlan: "Foreign group FCPE",
    liquidityMechanism: "Liquidity mechanism",
    groupBuybackCommitment: "Group buy-back commitment",
    peaClaim: "PEA eligible",
    peaPmeClaim: "PEA-PME eligible",
    cpiClaim: "Innovation SME account eligible",
    selfManaged: "Self-managed",
    initialCapital: "Initial capital",
    reservedTo20Investors: "Reserved to twenty investors",
    uncalledSubscriptions: "Uncalled subscriptions",
    allege: "FCPR allégé",
    legacyRules: "Historical rules",
    eltifLabel: "ELTIF label",
    infrastructureObject: "Main object: infrastructure",
    fundTermDate: "Fund term date",
  },
  Holdings: {
    fundId: "Fund code",
    lineId: "Line reference",
    issuerId: "Issuer code",
    issuerName: "Issuer",
    assetClass: "Asset class",
    costValue: "Cost value",
    fairValue: "Fair value",
    listingStatus: "Listing status",
    listingCountry: "Listing country",
    listingDate: "Admission date",
    marketCap: "Market capitalisation",
    investmentDate: "Investment date",
    acquisitionMode: "Acquisition mode",
    ownershipPct: "Ownership percentage",
    lookThroughPct: "Look-through percentage",
    entityOecd: "OECD entity",
    fcpiEligible: "FCPI eligible",
    fipEligible: "FIP eligible",
    region: "Region",
    opciCategory: "OPCI category",
    encumbered: "Encumbered",
    participationPct: "Participation percentage",
    entityDebt: "Entity debt",
    controlledParticipation: "Controlled participation",
    masterId: "Master fund",
    hedgeOnly: "Hedging only",
    disposalDate: "Disposal date",
    forestCategory: "Forest category",
    scpiCategory: "SCPI category",
    jointLiabilityEntity: "Joint and unlimited liability entity",
    solidarityEnterprise: "Solidarity enterprise",
    entitySolidarityShare: "Entity's solidarity share",
    heldFundType: "Held fund type",
    employerGroup: "Employer group security",
    issuerCountry: "Issuer country",
    corporateTax: "Subject to corporate tax",
    preferenceShares: "Preference shares",
    issuerEmployees: "Issuer employees",
    issuerTurnover: "Issuer turnover",
    issuerBalanceSheet: "Issuer balance sheet total",
    issuerMarketCap: "Issuer market capitalisation",
    issuerMarketCapLow4y: "Lowest capitalisation over four years",
    instrumentListing: "Instrument listing",
    cpiEligible: "CPI eligible",
    maxLoss: "Maximum loss",
    masterStrategy: "Master strategy",
    holdingCompany: "Holding company",
    subsidiaryStakeMinPct: "Lowest stake in subsidiaries",
    subsidiariesEligible: "Subsidiaries eligible",
    subsidiaryMeetsI: "A subsidiary meets I, II and III",
    subscriptionCommitment: "Subscription commitment",
  },
  Holders: {
    fundId: "Fund code",
    holderId: "Holder",
    holderType: "Holder type",
    units: "Units",
  },
  Subscribers: {
    fundId: "Fund code",
    offerId: "Offer",
    subscriptionId: "Subscription reference",
    investorId: "Investor",
    investorType: "Investor type",
    operation: "Operation",
    subscriptionDate: "Subscription date",
    amount: "Amount subscribed",
    currency: "Currency",
    fxRate: "Exchange rate",
    fxDate: "Exchange rate date",
    units: "Number of units",
    investorCategory: "Investor category",
    financialSectorYears: "Years in the financial sector",
    assistsCompanies: "Assists companies",
    assistsManager: "Assists the management company",
    privateEquityExperience: "Private equity experience",
    depositsAndPortfolio: "Deposits, life insurance and portfolio",
    balanceSheetTotal: "Balance sheet total",
    turnover: "Turnover",
    equity: "Equity",
    insider: "Insider",
    warningGiven: "Warning given",
    rulesDeliveredDate: "Fund rules delivered on",
    acknowledgementDate: "Written acknowledgement date",
  },
  Offers: {
    offerId: "Offer",
    issuerId: "Issuer code",
    issuerName: "Issuer",
    offerCase: "Exemption case",
    offerDate: "Offer date",
    offerAmount: "Offer amount",
    currency: "Currency",
    fxRate: "Exchange rate",
    fxDate: "Exchange rate date",
    securityType: "Security type",
    admittedToTrading: "Admitted to trading",
    channel: "Channel",
    nonQualifiedOfferees: "Non-qualified offerees",
    ownAccount: "Own account",
    existingPartnersOnly: "Existing partners only",
    nominalPerSecurity: "Nominal value",
  },
  Trades: {
    fundId: "Fund code",
    tradeId: "Trade reference",
    tradeDate: "Trade date",
    instrumentType: "Instrument type",
    fundClassification: "Fund classification",
    venue: "Execution venue",
    amountEur: "Amount in euros",
    issuerMarketCap: "Issuer market capitalisation",
    counterpartyDealsOnOwnAccount: "Counterparty deals on own account",
    agreedPrice: "Agreed price",
    referenceVwap: "Reference VWAP",
    agreedAt: "Agreed at",
    vwapFrom: "Reference period start",
    clientCategory: "Client category",
    requestForm: "Request form",
    standingFrom: "Standing request from",
    standingUntil: "Standing request until",
    packageDeclared: "Part of a package",
  },
  Orders: {
    fundId: "Fund code",
    orderId: "Order reference",
    orderType: "Order type",
    registeredDate: "Registration date",
    units: "Units",
  },
};

// The English labels join their specs once, when the module loads: every reader of a spec sees them.
for (const spec of Object.values(TABLE_SPECS))
  for (const c of spec.columns) c.en = COLUMN_ENGLISH[spec.name]?.[c.name];

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
