import { type LawParameter, type LawVersion, inForce } from "./parameter";

/**
 * The register texts of RULES.md §3 as data: offers to the public (L. 411-2, D. 411-2-1), the
 * subscribers of an FCPR allégé (RG AMF 412-113) and execution outside a regulated market
 * (RG AMF 516-2). Each threshold is a dated parameter quoting its words; each rule carries its
 * article, its wording, whether the text is historical, and the catalogue's version note.
 */

const D411 = "D. 411-2-1";
const L411 = "L. 411-2";
const RG412 = "RG AMF 412-113";
const RG516 = "RG AMF 516-2";

/** A threshold that the reference texts give without dates (the version note says when it applied). */
function amount(
  id: string,
  description: string,
  article: string,
  paragraph: string,
  value: string,
  wording: string,
  extra: Pick<LawVersion<string>, "outsideReferenceTexts" | "note"> = {},
): LawParameter<string> {
  const p = inForce<string>(id, description, {
    value,
    article,
    paragraph,
    wording,
  });
  return { ...p, versions: [{ ...p.versions[0], ...extra }] };
}

export const REGISTER_LAW = {
  /** L. 411-2 1°: the restricted circle; the number is in D. 411-4, outside the reference texts. */
  circleLimit: amount(
    "l411-2.circle",
    "persons other than qualified investors an offer may address (strictly fewer)",
    L411,
    "1°",
    "150",
    "dont le nombre est inférieur à un seuil fixé par décret",
    {
      outsideReferenceTexts: true,
      note: "150 persons: D. 411-4, outside the reference texts (RULES.md §3.1, to be verified).",
    },
  ),
  smallOffer: amount(
    "d411-2-1.small-offer",
    "total amount of an offer of L. 411-2-1 1°, in euros (strictly below)",
    D411,
    "I",
    "8000000",
    "d'un montant total en France et dans le reste de l'Union européenne inférieur à 8 000 000 euros ou à la contre-valeur de ce montant en devises",
  ),
  ticket: amount(
    "d411-2-1.ticket",
    "amount acquired per investor and per distinct offer, in euros (at least)",
    D411,
    "II",
    "100000",
    "pour un montant total d'au moins 100 000 euros ou la contre-valeur de ce montant en devises par investisseur et par offre distincte",
  ),
  nominal: amount(
    "d411-2-1.nominal",
    "nominal value of one security, in euros (at least)",
    D411,
    "III",
    "100000",
    "dont la valeur nominale s'élève au moins à 100 000 euros ou à la contre-valeur de ce montant en devises",
  ),
  twelveMonths: amount(
    "d411-2-1.twelve-months",
    "total of the offers of I and of L. 411-2 2° over twelve months, in euros (strictly below)",
    D411,
    "IV",
    "8000000",
    "Le montant total de ces offres est inférieur à 8 000 000 d'euros calculé sur une période de douze mois",
  ),
  windowMonths: inForce<number>(
    "d411-2-1.window-months",
    "length of the period that follows the first offer, in months",
    {
      value: 12,
      article: D411,
      paragraph: "IV",
      wording:
        "sur une période de douze mois qui suit la date de la première offre",
    },
  ),
  initialSubscription: amount(
    "rg412-113.initial",
    "initial subscription of 4°, 5° and 6°, in euros (at least)",
    RG412,
    "I 4° à 6°",
    "30000",
    "dont la souscription initiale est d'au moins de 30 000 euros",
  ),
  sectorYears: amount(
    "rg412-113.sector-years",
    "years in a professional position in the financial sector (at least)",
    RG412,
    "I 4°",
    "1",
    "qui ont occupé pendant au moins un an, dans le secteur financier, une position professionnelle",
  ),
  depositsAndPortfolio: amount(
    "rg412-113.assets",
    "deposits, life insurance and portfolio, in euros (at least)",
    RG412,
    "I 6°",
    "1000000",
    "pour une valeur totale supérieure ou égale à 1 000 000 euros",
  ),
  balanceSheet: amount(
    "rg412-113.balance-sheet",
    "total balance sheet of the last closed year, in euros (strictly above)",
    RG412,
    "I 7° a)",
    "20000000",
    "Total du bilan supérieur à 20 000 000 euros",
  ),
  turnover: amount(
    "rg412-113.turnover",
    "turnover of the last closed year, in euros (strictly above)",
    RG412,
    "I 7° b)",
    "40000000",
    "Chiffre d'affaires supérieur à 40 000 000 euros",
  ),
  equity: amount(
    "rg412-113.equity",
    "equity of the last closed year, in euros (strictly above)",
    RG412,
    "I 7° c)",
    "2000000",
    "Capitaux propres supérieurs à 2 000 000 euros",
  ),
  criteriaMet: inForce<number>(
    "rg412-113.criteria",
    "criteria of 7° a company must meet",
    {
      value: 2,
      article: RG412,
      paragraph: "I 7°",
      wording: "répondant à deux des trois critères suivants",
    },
  ),
  largeSubscription: amount(
    "rg412-113.large",
    "initial subscription of 8°, in euros (at least)",
    RG412,
    "I 8°",
    "500000",
    "dont la souscription initiale est supérieure ou égale à 500 000 euros",
  ),
  capShare: amount(
    "rg516-2.cap-share",
    "share of the market capitalisation an equity trade must exceed",
    RG516,
    "2° a)",
    "0.05",
    "soit 5 % de la capitalisation boursière de l'émetteur",
  ),
  blockAmount: amount(
    "rg516-2.block",
    "amount an equity trade must exceed, in euros",
    RG516,
    "2° a)",
    "7500000",
    "soit 7,5 millions d'euros",
  ),
  debtAmount: amount(
    "rg516-2.debt",
    "amount a debt trade must exceed, in euros",
    RG516,
    "2° b)",
    "30000",
    "30 000 euros",
  ),
  dealerAmount: amount(
    "rg516-2.dealer",
    "amount of a trade with a dealer on own account, in euros (at least)",
    RG516,
    "2°, exception au a)",
    "500000",
    "le montant de la transaction envisagée est égal à ou dépasse 500 000 euros",
  ),
  dealerDeviation: amount(
    "rg516-2.deviation",
    "largest deviation of the agreed price from the VWAP",
    RG516,
    "2°, exception au a)",
    "0.01",
    "ne s'écartant pas de plus de 1 % du prix moyen pondéré des transactions constatées",
  ),
  standingYears: inForce<number>(
    "rg516-2.standing",
    "longest period of a standing request, in years",
    {
      value: 1,
      article: RG516,
      paragraph: "3°",
      wording: "la durée de la dérogation ne peut excéder un an",
    },
  ),
} satisfies Record<string, LawParameter<unknown>>;

export const REGISTER_PARAMETERS: readonly LawParameter<unknown>[] =
  Object.values(REGISTER_LAW);

/** Which register a rule reads. */
export type Register = "offers" | "subscribers" | "trades";

/** One rule of a register: its article, the text's words, and whether the text is historical. */
export interface RegisterRuleLaw {
  id: string;
  register: Register;
  article: string;
  wording: string;
  title: { en: string; fr: string };
  /** The text is a historical wording: the rule runs only where the workbook opts in. */
  legacy?: true;
  /** The catalogue's version note; its dates are from outside the reference texts. */
  version: string;
}

const V_D411 =
  "D. 411-2-1 in the version in force on 16 April 2024 (reference texts).";
const V_L411 =
  "L. 411-2 1° and 3° in the wording of the reference texts; the number 150 of the restricted circle is from D. 411-4, outside the reference texts.";
const V_CF =
  "L. 411-2 2° a)–c), historical wording: replaced on 24 December 2021 by the offers of crowdfunding service providers under Regulation (EU) 2020/1503 (date outside the reference texts).";
const V_412 =
  "RG AMF 412-113, historical wording of the pre-2013 RG AMF: the FCPR allégé became the FPCI in 2013 (date outside the reference texts).";
const V_516 =
  "RG AMF 516-2, historical wording: a derogation from the order concentration of 516-1, which lapsed with the transposition of MiFID I in November 2007 (date outside the reference texts).";

const rule = (r: RegisterRuleLaw) => r;

/** Every register rule, in the order the report lists them. */
export const REGISTER_RULES: readonly RegisterRuleLaw[] = [
  rule({
    id: "OFF-QI",
    register: "offers",
    article: `${L411} 1°`,
    wording:
      "s'adresse exclusivement à un cercle restreint d'investisseurs agissant pour compte propre ou à des investisseurs qualifiés",
    title: {
      en: "Qualified investors or restricted circle",
      fr: "Investisseurs qualifiés ou cercle restreint",
    },
    version: V_L411,
  }),
  rule({
    id: "OFF-CF",
    register: "offers",
    article: `${L411} 2°`,
    wording:
      "titres financiers mentionnés au 1 ou au 2 du II de l'article L. 211-1 qui ne sont pas admis aux négociations […] proposée par l'intermédiaire d'un prestataire de services d'investissement ou d'un conseiller en investissements participatifs au moyen d'un site internet",
    title: { en: "Crowdfunding offer", fr: "Financement participatif" },
    legacy: true,
    version: V_CF,
  }),
  rule({
    id: "OFF-EXIST",
    register: "offers",
    article: `${L411} 3°`,
    wording:
      "L'offre de titres de capital ou de parts sociales qui s'adresse exclusivement à des personnes ou entités qui ont déjà la qualité d'associés",
    title: { en: "Existing partners only", fr: "Associés existants" },
    version: V_L411,
  }),
  rule({
    id: "OFF-8M",
    register: "offers",
    article: `${D411} I`,
    wording: REGISTER_LAW.smallOffer.versions[0].wording,
    title: { en: "Offer below 8 M€", fr: "Offre de moins de 8 M€" },
    version: V_D411,
  }),
  rule({
    id: "OFF-100K-INV",
    register: "offers",
    article: `${D411} II`,
    wording: REGISTER_LAW.ticket.versions[0].wording,
    title: {
      en: "At least 100,000 € per investor and offer",
      fr: "Au moins 100 000 € par investisseur et par offre",
    },
    version: V_D411,
  }),
  rule({
    id: "OFF-100K-NOM",
    register: "offers",
    article: `${D411} III`,
    wording: REGISTER_LAW.nominal.versions[0].wording,
    title: {
      en: "Nominal of at least 100,000 €",
      fr: "Nominal d'au moins 100 000 €",
    },
    version: V_D411,
  }),
  rule({
    id: "OFF-12M",
    register: "offers",
    article: `${D411} IV`,
    wording: REGISTER_LAW.twelveMonths.versions[0].wording,
    title: {
      en: "Offers over twelve months below 8 M€",
      fr: "Offres sur douze mois inférieures à 8 M€",
    },
    version: V_D411,
  }),
  ...(
    [
      [
        "E1",
        "1°",
        "investisseurs mentionnés au premier alinéa de l'article L. 214-38",
        "Investor of L. 214-38",
        "Investisseur de l'article L. 214-38",
      ],
      [
        "E2",
        "2°",
        "A l'Etat, ou dans le cas d'un Etat fédéral, à l'un ou plusieurs des membres composant la fédération",
        "The State",
        "État",
      ],
      [
        "E3",
        "3°",
        "A la Banque centrale européenne, aux banques centrales, à la Banque mondiale, au Fonds monétaire international, à la Banque européenne d'investissement",
        "Central bank or supranational",
        "Banque centrale ou institution supranationale",
      ],
      [
        "E4",
        "4°",
        "souscription initiale est d'au moins de 30 000 euros et qui ont occupé pendant au moins un an, dans le secteur financier, une position professionnelle",
        "30,000 € and one year in the financial sector",
        "30 000 € et un an dans le secteur financier",
      ],
      [
        "E5",
        "5°",
        "souscription initiale est d'au moins 30 000 euros et répondant à l'une des trois conditions suivantes",
        "30,000 € and assistance or private-equity knowledge",
        "30 000 € et assistance ou connaissance du capital-investissement",
      ],
      [
        "E6",
        "6°",
        "souscription initiale est d'au moins de 30 000 euros et qui détiennent, pour une valeur totale supérieure ou égale à 1 000 000 euros, des dépôts, des produits d'assurance vie ou un portefeuille d'instruments financiers",
        "30,000 € and 1,000,000 € of assets",
        "30 000 € et 1 000 000 € de patrimoine financier",
      ],
      [
        "E7",
        "7°",
        "sociétés répondant à deux des trois critères suivants, lors du dernier exercice clos",
        "Company meeting two of three size criteria",
        "Société remplissant deux des trois critères de taille",
      ],
      [
        "E8",
        "8°",
        "souscription initiale est supérieure ou égale à 500 000 euros",
        "Initial subscription of at least 500,000 €",
        "Souscription initiale d'au moins 500 000 €",
      ],
    ] as const
  ).map(([id, n, wording, en, fr]) =>
    rule({
      id,
      register: "subscribers",
      article: `${RG412} I ${n}`,
      wording,
      title: { en, fr },
      legacy: true,
      version: V_412,
    }),
  ),
  rule({
    id: "INSIDER",
    register: "subscribers",
    article: `${RG412} I, dernier alinéa`,
    wording:
      "Les seuils mentionnés au I ne sont pas applicables aux dirigeants, salariés et personnes physiques agissant pour le compte de la société de gestion de portefeuille",
    title: {
      en: "Director or employee of the management company",
      fr: "Dirigeant ou salarié de la société de gestion",
    },
    legacy: true,
    version: V_412,
  }),
  rule({
    id: "FCPRA-ELIG",
    register: "subscribers",
    article: `${RG412} I`,
    wording:
      "La souscription et l'acquisition des parts ou actions des FCPR bénéficiant d'une procédure allégée sont réservées",
    title: { en: "Eligible subscribers", fr: "Souscripteurs éligibles" },
    legacy: true,
    version: V_412,
  }),
  rule({
    id: "FCPRA-WARN",
    register: "subscribers",
    article: `${RG412} II`,
    wording:
      "Toute sollicitation directe ou indirecte […] doit s'accompagner d'un avertissement",
    title: { en: "Warning given", fr: "Avertissement remis" },
    legacy: true,
    version: V_412,
  }),
  rule({
    id: "FCPRA-ACK",
    register: "subscribers",
    article: `${RG412} III`,
    wording:
      "Préalablement à la souscription […] le règlement […] [est] remis au souscripteur […] Le souscripteur ou l'acquéreur reconnaît par écrit, lors de la souscription ou de l'acquisition, qu'il a été averti",
    title: {
      en: "Rules delivered and written acknowledgement",
      fr: "Règlement remis et reconnaissance écrite",
    },
    legacy: true,
    version: V_412,
  }),
  rule({
    id: "FCPRA-DEPO",
    register: "subscribers",
    article: `${RG412} IV`,
    wording:
      "En cas de manquement à ces dispositions, le dépositaire ou la personne précitée en informe l'AMF",
    title: {
      en: "Failures to report to the AMF",
      fr: "Manquements à signaler à l'AMF",
    },
    legacy: true,
    version: V_412,
  }),
  ...(
    [
      [
        "OTC-INSTR",
        "1°",
        "La transaction envisagée porte sur les instruments financiers mentionnés aux 1°, 2° et 3° du I de l'article L. 211-1",
        "Instrument",
        "Instrument",
      ],
      [
        "OTC-EQ",
        "2° a)",
        "dépasse […] soit 5 % de la capitalisation boursière de l'émetteur, soit 7,5 millions d'euros",
        "Equity: above 5 % of the capitalisation or 7.5 M€",
        "Actions : plus de 5 % de la capitalisation ou 7,5 M€",
      ],
      [
        "OTC-DEALER",
        "2°, exception au a)",
        "le montant de la transaction envisagée est égal à ou dépasse 500 000 euros […] ne s'écartant pas de plus de 1 % du prix moyen pondéré",
        "Dealer on own account",
        "Contrepartie pour compte propre",
      ],
      [
        "OTC-DEBT",
        "2° b)",
        "dépasse […] 30 000 euros",
        "Debt: above 30,000 €",
        "Titres de créance : plus de 30 000 €",
      ],
      [
        "OTC-FUND-EQ",
        "2° c)",
        'soit 5 % de la capitalisation boursière, soit 7,5 millions d\'euros, pour les OPCVM correspondant aux classifications " Actions "',
        "Equity fund units",
        "Parts d'OPC « Actions »",
      ],
      [
        "OTC-FUND-BOND",
        "2° c)",
        '30 000 euros pour les OPCVM correspondant aux classifications " Obligations "',
        "Bond fund units",
        "Parts d'OPC « Obligations »",
      ],
      [
        "OTC-REQ",
        "3°",
        "La demande adressée par l'investisseur au prestataire est exprimée par écrit et pour chaque transaction envisagée",
        "Request of the investor",
        "Demande de l'investisseur",
      ],
      [
        "OTC-PACKAGE",
        "dernier alinéa",
        "Les conditions prévues ci-dessus ne s'appliquent pas lorsque la transaction, incluse dans une convention autre qu'une vente pure et simple, en constitue un élément nécessaire",
        "Element of a wider agreement",
        "Élément d'une convention",
      ],
    ] as const
  ).map(([id, n, wording, en, fr]) =>
    rule({
      id,
      register: "trades",
      article: `${RG516} ${n}`,
      wording,
      title: { en, fr },
      legacy: true,
      version: V_516,
    }),
  ),
];

const BY_ID = new Map(REGISTER_RULES.map((r) => [r.id, r]));

/** The register rule of that ID, if it is one. */
export const findRegisterRule = (id: string) => BY_ID.get(id);

export function registerRule(id: string): RegisterRuleLaw {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`Unknown register rule ${id}.`);
  return r;
}

/** The threshold a register rule compares with, where the text gives one (the others apply their own words). */
const RULE_THRESHOLD: Record<string, LawParameter<string>> = {
  "OFF-QI": REGISTER_LAW.circleLimit,
  "OFF-8M": REGISTER_LAW.smallOffer,
  "OFF-100K-INV": REGISTER_LAW.ticket,
  "OFF-100K-NOM": REGISTER_LAW.nominal,
  "OFF-12M": REGISTER_LAW.twelveMonths,
};

/**
 * The law a register rule applied, as a parameter: its threshold where the text gives one,
 * otherwise the rule's own words. The texts' dates are outside the reference texts, so the
 * versions carry none; `legacy` and `version` on the result say which wording applied.
 */
const RULE_TEXTS = new Map<string, LawParameter<null>>();
export function registerRuleParameter(
  id: string,
): LawParameter<string> | LawParameter<null> {
  const threshold = RULE_THRESHOLD[id];
  if (threshold) return threshold;
  let p = RULE_TEXTS.get(id);
  if (!p) {
    const r = registerRule(id);
    // No number: the rule applies the text's words.
    p = inForce<null>(`registers.${id}`, r.title.en, {
      value: null,
      article: r.article,
      paragraph: "",
      wording: r.wording,
    });
    RULE_TEXTS.set(id, p);
  }
  return p;
}

/** The one value of a register threshold (these parameters have a single version). */
export function registerValue<T>(p: LawParameter<T>): T {
  return p.versions[0].value;
}
