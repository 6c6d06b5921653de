import type { AssetClass } from "../engine/model";
import { inForce, type LawParameter } from "./parameter";

/** L. 214-28: the fonds commun de placement à risques (FCPR); FCPI, FIP and FPCI apply it too. */
const ARTICLE = "L. 214-28";

export const L214_28 = {
  quota: inForce<string>("l214-28.quota", "FCPR main quota", {
    value: "0.5",
    article: ARTICLE,
    paragraph: "I",
    wording: "pour 50 % au moins",
  }),
  advances: inForce<string>(
    "l214-28.advances",
    "current-account advances, limit",
    {
      value: "0.15",
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "Dans la limite de 15 %",
    },
  ),
  advanceGate: inForce<string>(
    "l214-28.advance-gate",
    "smallest share of capital for an advance",
    {
      value: "0.05",
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "au moins 5 % du capital",
    },
  ),
  bucket: inForce<string>("l214-28.bucket", "listed small caps and debt, cap", {
    value: "0.2",
    article: ARTICLE,
    paragraph: "III",
    wording: "dans la limite de 20 % de l'actif du fonds",
  }),
  smallCapLimit: inForce<string>(
    "l214-28.small-cap-limit",
    "market capitalisation of a listed small cap, in euros (strictly below)",
    {
      value: "150000000",
      article: ARTICLE,
      paragraph: "III 1°",
      wording: "inférieure à 150 millions d'euros",
    },
  ),
  listedYears: inForce<number>(
    "l214-28.listed-years",
    "years a security admitted after purchase still counts",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "IV",
      wording: "pendant une durée de cinq ans à compter de leur admission",
    },
  ),
  windowFirstYear: inForce<number>(
    "l214-28.window-first-year",
    "financial year at whose closing the quota first binds",
    {
      value: 2,
      article: ARTICLE,
      paragraph: "V",
      wording:
        "au plus tard lors de l'inventaire de clôture de l'exercice suivant l'exercice de la constitution",
    },
  ),
  windowLastYear: inForce<number>(
    "l214-28.window-last-year",
    "financial year at whose closing the quota last binds",
    {
      value: 5,
      article: ARTICLE,
      paragraph: "V",
      wording: "jusqu'à la clôture du cinquième exercice du fonds",
    },
  ),
  liquidLabel: inForce<string>(
    "l214-28.liquid-label",
    "liquid instruments of a fund using the label",
    {
      value: "0.05",
      article: ARTICLE,
      paragraph: "XII",
      wording: "au moins 5 % d'instruments financiers liquides",
    },
  ),
  // The asset classes (WORKBOOK-FORMAT §2) each paragraph takes into the quota.
  quotaSecurities: inForce<readonly AssetClass[]>(
    "l214-28.quota-securities",
    "securities of I, counted when not admitted to trading",
    {
      value: [
        "TITRE_ASSOCIATIF",
        "TITRE_PARTICIPATIF",
        "EQUITY",
        "EQUITY_ACCESS",
        "CONVERTIBLE_BOND",
        "MANDATORY_REDEEMABLE_BOND",
      ],
      article: ARTICLE,
      paragraph: "I",
      wording:
        "de titres associatifs, de titres participatifs ou de titres de capital de sociétés, ou donnant accès au capital de sociétés, qui ne sont pas admis aux négociations",
      note: "Convertible bonds and bonds redeemable in shares are securities giving access to capital (WORKBOOK-FORMAT §3).",
    },
  ),
  sarlParts: inForce<readonly AssetClass[]>(
    "l214-28.sarl-parts",
    "SARL parts of I",
    {
      value: ["SARL_PARTS"],
      article: ARTICLE,
      paragraph: "I",
      wording:
        "de parts de sociétés à responsabilité limitée ou de sociétés dotées d'un statut équivalent",
    },
  ),
  advanceClasses: inForce<readonly AssetClass[]>(
    "l214-28.advance-classes",
    "current-account advances of II 1°",
    {
      value: ["CURRENT_ACCOUNT_ADVANCE"],
      article: ARTICLE,
      paragraph: "II 1°",
      wording: "les avances en compte courant",
    },
  ),
  entityClasses: inForce<readonly AssetClass[]>(
    "l214-28.entity-classes",
    "rights in an entity of II 2°, counted by look-through",
    {
      value: ["ENTITY_RIGHTS"],
      article: ARTICLE,
      paragraph: "II 2°",
      wording:
        "Des droits représentatifs d'un placement financier dans une entité",
    },
  ),
  smallCapSecurities: inForce<readonly AssetClass[]>(
    "l214-28.small-cap-securities",
    "listed securities the 20 % of III 1° can take",
    {
      value: [
        "EQUITY",
        "EQUITY_ACCESS",
        "CONVERTIBLE_BOND",
        "MANDATORY_REDEEMABLE_BOND",
      ],
      article: ARTICLE,
      paragraph: "III 1°",
      wording: "Les titres de capital, ou donnant accès au capital",
    },
  ),
  unlistedIssuerDebt: inForce<readonly AssetClass[]>(
    "l214-28.unlisted-issuer-debt",
    "debt of unlisted companies the 20 % of III 2° can take",
    {
      value: ["OTHER_DEBT", "RECEIVABLE"],
      article: ARTICLE,
      paragraph: "III 2°",
      wording:
        "Les titres de créance, autres que ceux mentionnés audit I, émis par des sociétés dont les titres de capital ne sont pas admis aux négociations",
    },
  ),
  liquidInstruments: inForce<readonly AssetClass[]>(
    "l214-28.liquid-instruments",
    "liquid financial instruments of the label",
    {
      value: ["LIQUID_INSTRUMENT"],
      article: ARTICLE,
      paragraph: "XII",
      wording:
        "d'instruments financiers liquides tels que définis par décret en Conseil d'Etat",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;
