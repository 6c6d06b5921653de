import {
  ACQUISITION_MODES,
  ASSET_CLASSES,
  BASES,
  FUND_TYPES,
  HOLDER_TYPES,
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
    col("allege", "boolean", ["FCPR allégé", "Procédure allégée"]),
    col("legacyRules", "list", ["Règles historiques"]),
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
  Subscribers: SUBSCRIBERS_SPEC,
  Offers: OFFERS_SPEC,
  Trades: TRADES_SPEC,
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
