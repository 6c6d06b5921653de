import type { Reason, ReasonCode, ReasonFacts } from "../engine/reasons";
import {
  ASSET_CLASS_LABELS,
  FUNDS_SPEC,
  HOLDINGS_SPEC,
  LISTING_LABELS,
} from "../workbook/columns";
import {
  NBSP,
  type Lang,
  count,
  date,
  euros,
  percentShort,
  quote,
} from "./format";
import { EN_LIVRE2, FR_LIVRE2 } from "./reasons-livre2";
import { needEn, needFr } from "./needs";
import { amountFromString } from "../engine/amount";
import { Dec } from "../engine/decimal";
import { eurText, percentText } from "../engine/ratio";

type Renderers = { [C in ReasonCode]: (facts: ReasonFacts[C]) => string };

const en = "en" as const;
const fr = "fr" as const;

/** The engine's English amounts and percentages, as its JSON text fields have always read: "50 000 EUR", "12.5 %". */
const eur = (amount: string) => eurText(amountFromString(amount));
const pct = (fraction: string) => percentText(new Dec(fraction));
/** The paragraph without its article, as the quota's own sentences cite it: "L. 214-28 III 1°" → "III 1°". */
const para = (article: string) => article.replace(/^L\. [\d-]+ /, "");
/** The FCPI and FIP quotas (L. 214-30, L. 214-31) cite their own article whole; the others cite the paragraph only. */
const fcpiFip = (article: string) => /^L\. 214-3[01] /.test(article);
/** The words only the ELTIF paragraph's sentences have (FPCI-CCA30: advances to a company of the fund's group too). */
const eltifOnly = (article: string, words: string) =>
  article === "L. 214-160 II 1°, al. 2" ? words : "";

/** The English sentences, as the engine's `message` and `reason` strings read. */
const EN: Renderers = {
  ...EN_LIVRE2,
  "quota-window": (f) =>
    `The quota binds from ${f.from}${f.until ? ` to ${f.until}` : ""} (${f.appliedBy ? `${f.article}, applied by ${f.appliedBy}` : f.article}).`,
  "base-unknown": () => "The base of the ratio is unknown.",
  "base-not-positive": () => "The base of the ratio is zero or negative.",
  "bucket-above-cap": (f) =>
    f.limitRule
      ? `${eur(f.amount)} above the ${percentShort(f.threshold, en)} limit are not counted toward the quota (a limit on counting, not a breach).`
      : f.article === "L. 214-30 IV 1."
        ? `${eur(f.amount)} of holding companies' L. 214-28 III securities above the ${percentShort(f.threshold, en)} limit of ${f.article} not counted.`
        : `${eur(f.amount)} of ${f.article} items above the ${percentShort(f.threshold, en)} limit not counted.`,
  "advances-above-cap": (f) =>
    f.limitRule
      ? `${eur(f.amount)} of advances above the ${percentShort(f.threshold, en)} limit are not counted toward the quota (a limit on counting, not a breach).`
      : `${eur(f.amount)} of advances above the ${percentShort(f.threshold, en)} limit${eltifOnly(f.article, ` of ${f.article}`)} not counted.`,
  "receivables-above-limit": (f) =>
    `${eur(f.amount)} of receivables held above the ${percentShort(f.threshold, en)} limit of ${f.article} not counted (FPCI-REC10 reports the breach).`,
  "eltif-advances-apart": (f) =>
    `${eur(f.amount)} of advances to unlisted companies the fund holds a participation in, or in whose group it does, are retained under the 30 % regime of ${f.article} (FPCI-CCA30), not measured against 15 %.`,
  "eltif-regime-unknown": (f) =>
    f.slp
      ? `${f.column} cannot be read: whether the fund meets the 30 % regime of ${f.article} is unknown.`
      : `${f.column} cannot be read: the 15 % regime is applied, and the result depends on whether the fund meets the 30 % regime of ${f.article}.`,
  "eltif-advance-unknown": (f) =>
    `the participation (ownershipPct) or the listing (listingStatus) of the advance(s) on line(s) ${f.lines.join(", ")} is not known: the result depends on whether the 30 % regime of ${f.article} takes them, or the 15 % limit.`,
  "listing-unknown": (f) =>
    `listingStatus cannot be read on line(s) ${f.lines.join(", ")}: the result depends on whether they are admitted to trading (${f.article}).`,
  "listing-date-unknown": (f) =>
    `listingDate cannot be read on line(s) ${f.lines.join(", ")}: the result depends on when they were admitted to trading (${f.article}).`,
  "fund-flag-unknown": (f) =>
    `${f.column} cannot be read: the result depends on whether it is yes (${f.article}).`,
  "liquid-label-unknown": (f) =>
    `liquidLabel cannot be read: the fund may claim the 5 % of liquid financial instruments of ${f.article}, measured here.`,
  "no-grace-position": (f) =>
    `No position counts under the five years of ${fcpiFip(f.article) ? f.article : para(f.article)}.`,
  "grace-positions": (f) =>
    `${f.count} position(s) admitted to trading after ${f.quota ? `the investment count toward the ${percentShort(f.quota, en)}` : "purchase count toward the quota"}; the first five-year period ends on ${f.firstEnd}.`,
  "position-breaks": (f) =>
    `Line ${f.lineId} (row ${f.row}): ${renderReason(f.cause, en)}`,
  "largest-region": (f) =>
    `Largest region: ${f.region} (${percentShort(f.threshold, en)} per ${f.overseas ? "collectivité of the overseas zone" : "region"}).`,
  "region-nearest-limit": (f) =>
    `Region nearest its limit: ${f.region} (${percentShort(f.threshold, en)} per ${f.overseas ? "collectivité of the overseas zone" : "region outside the overseas zone"}).`,
  "no-region-position": () =>
    "No security, SARL part or advance with a region.",
  "holders-missing": () =>
    "No row of the Holders table belongs to this fund: the holder caps cannot be measured.",
  "largest-holder": (f) =>
    `Largest ${f.publicLaw ? "public-law holder" : "holder"}: ${f.holder}.`,
  "no-public-holder": () => "No public-law legal person holds units.",
  "measured-in-units": () =>
    "Measured in units of the fund: numerator, denominator and headroom are units, not EUR.",
  "opci-leverage": (f) =>
    `Borrowings ${eur(f.borrowings)} plus look-through debts, over items 1° to 3° and 5°.`,
  "feeder-master": (f) => `Master: ${f.master}.`,
  "no-master": () => "No units with a masterId: the fund has no master.",
  "master-share": (f) =>
    `Master ${f.master}: ${f.share === undefined ? "—" : pct(f.share)} of the asset; cash ${eur(f.cash)}.`,
  "feeder-aif": (f) =>
    `Feeder AIF within the meaning of ${f.article}: ${f.master} holds at least ${percentShort(f.threshold, en)} of the asset.`,
  "holding-counted": (f) =>
    `${f.count} holding-company position(s) count toward the 70 % for ${euros(f.amount, en)} (${f.article}).`,
  "no-holding": (f) =>
    `No holding-company security counts toward the 70 % (${f.article}).`,
  "not-feeder-aif": (f) =>
    `Not a feeder AIF under ${f.article} (no single master reaches ${percentShort(f.threshold, en)}); several masters with identical strategies (2°) are measured by FIA-FEED85M.`,
  "not-allowed-asset": (f) => {
    switch (f.test) {
      case "hedging":
        return `a financial contract not used for hedging only (${f.article}: « uniquement à des fins de couverture »).`;
      case "sicav-only":
        return `operating property is allowed only to a feeder that is a SICAV (${f.article}).`;
      case "second-master":
        return `units of ${f.unitsOf}, a second master (the fund's master is ${f.master}).`;
      case "no-master-id":
        return "fund units that are not units of the master (no masterId).";
      case "not-listed":
        return `${f.assetClass} is not among the assets ${f.article} allows besides the master.`;
      case "general-purpose":
        return `${f.assetClass}: a general-purpose feeder holds only its master's units and accessory cash.`;
    }
  },
  "counted-beside-master": () => "allowed besides the master",
  "counted-master-units": (f) => `units of the master ${f.master}`,

  "not-a-quota-asset": (f) =>
    fcpiFip(f.article)
      ? `${f.assetClass} is not among the securities, SARL parts and advances of L. 214-28 I and II 1° that ${f.article} counts.`
      : `${f.assetClass} is not among the assets that ${f.article.replace(" à ", " to ")} count toward the quota.`,
  "listed-when-bought": (f) =>
    f.article === "L. 214-28 I"
      ? `${f.assetClass} admitted to trading when bought.`
      : `${f.assetClass} admitted to trading when bought: I requires securities not admitted to trading, and ${para(f.article)} covers only equity or securities giving access to equity.`,
  "not-small-cap": (f) =>
    f.test === "outside-eea"
      ? `listed on a market in ${f.country}, outside the EU and the EEA (${para(f.article)}).`
      : `market capitalisation ${eur(f.marketCap)} is not below ${millionEuros(f.limit)} (${para(f.article)} requires "inférieure à ${millionEuros(f.limit).replace("million euros", "millions d'euros")}").`,
  "listed-debt": (f) =>
    `debt of a company whose equity is admitted to trading: ${para(f.article)} takes only debt of unlisted companies.`,
  unclassified: (f) =>
    f.article
      ? `no item of ${f.article} (${f.column}) is given.`
      : `cannot be classified: ${f.column} is needed.`,
  "five-years-ended": (f) =>
    `admitted to trading on ${f.listingDate}: the five years of ${fcpiFip(f.article) ? f.article : para(f.article)} ended on ${f.graceEnd}${f.bucketFull ? " (the 20 % limit of III could not take it)" : ""}.`,
  "advance-gate": (f) =>
    f.ownership === undefined || f.gate === undefined
      ? `not an advance allowed by ${para(f.article)}`
      : Number(f.gate) === 0
        ? `advance excluded: the fund holds no participation in ${f.issuer}${eltifOnly(f.article, " or its group")}, which ${f.article} requires.`
        : `advance excluded: the fund holds ${pct(f.ownership)} of ${f.issuer}, ${f.article} requires at least ${pct(f.gate)}.`,
  "ownership-unknown": () =>
    "the fund's share of the issuer's capital is unknown.",
  "eltif-beneficiary-listed": (f) =>
    `advance to ${f.issuer}, whose securities are admitted to trading (${f.listingStatus}): ${f.article} retains only advances to companies whose securities are not admitted to a regulated market or an MTF; measured under the 15 % limit instead.`,
  "issuer-not-eligible": (f) => {
    const why =
      f.test === "advance"
        ? `whose securities do not count in the quota of I: ${para(f.article)} counts advances only to companies that meet its conditions.`
        : f.test === "flag"
          ? `the issuer is not shown as meeting the conditions of ${f.article} (${f.column}).`
          : `the company's region (${f.region}) is not among the regions the fund chose (${f.article}).`;
    if (f.test === "advance") return `advance to ${f.issuer}, ${why}`;
    return f.issuer ? `advance to ${f.issuer}: ${why}` : why;
  },
  "eligibility-unknown": (f) =>
    `cannot tell whether the company is eligible: ${f.column} is needed.`,
  "entity-not-oecd": (f) =>
    `the entity is not shown as constituted in an OECD member state (entityOecd), which ${para(f.article)} requires.`,
  "look-through-unknown": () =>
    "the entity's look-through percentage is unknown.",
  "secondary-commitment": (f) =>
    f.test === "below"
      ? `secondary purchase: the fund committed to subscribe ${eur(f.commitment)}, below the purchase (${eur(f.cost)}) that ${f.article} requires it to reach.`
      : f.test === "unfulfilled"
        ? `secondary purchase: the fund's life ended on ${f.termDate} and the subscriptions made after the purchase (${eur(f.subscribed)}) do not reach it (${eur(f.cost)}), as ${f.article} requires.`
        : `cannot tell whether the secondary purchase counts under ${f.article}: ${f.column} is needed.`,
  "holding-gate": (f) =>
    f.test === "stake"
      ? `the holding company holds ${pct(f.stake)} of one of its subsidiaries: ${f.article.replace(/, V$/, "")} requires at least ${pct(f.threshold)} of each (V).`
      : f.test === "subsidiaries"
        ? `not every subsidiary of the holding company meets the conditions of ${f.article}.`
        : `no subsidiary of the holding company meets L. 214-30 I, II and III (${para(f.article)}).`,
  "holding-not-capital": (f) =>
    `${f.assetClass} of a holding company: ${f.article} makes only its « titres de capital » eligible.`,
  "holding-unknown": (f) =>
    `cannot tell whether the holding company meets ${f.article}: ${f.column} is needed.`,
  "secondary-purchase": (f) =>
    `secondary purchase: the securities bought from other holders (${eur(f.secondary)}) are not below the fresh-capital securities of the same company held by the fund (${eur(f.fresh)}).`,
  "not-controlled": () =>
    "5° units count in an FPI's 60 % only when they are a controlled participation (controlledParticipation).",
  encumbered: () =>
    "encumbered: the 5 % must be « libres de toutes sûretés ou droits au profit de tiers ».",
  "opci-condition-unknown": (f) =>
    `cannot tell whether the position counts under ${f.article}: ${f.column} is needed.`,
  "opci-outside-list": (f) =>
    f.test === "traded-only"
      ? `item ${f.item}° takes only shares traded on a market.`
      : `item ${f.item}° takes only companies not admitted to trading.`,
  "opci-advance-gate": (f) =>
    f.ownership === undefined
      ? `advance to ${f.issuer}, which is not one of the fund's 2° or 3° companies.`
      : `advance to ${f.issuer}, held ${pct(f.ownership)}: ${f.article} requires at least ${percentShort(f.gate ?? "0.05", en)} of the capital.`,
  "outside-every-rule": (f) =>
    `no rule of ${f.fundType} counts a ${f.assetClass ?? "position without assetClass"}`,
  disposed: (f) => `disposed of on ${f.date}, before or on the as-of date`,
  "not-yet-invested": (f) => `invested on ${f.date}, after the as-of date`,
  "not-measured": (f) =>
    `cannot be measured: ${f.header ?? f.column} is ${f.blank ? "blank" : "unreadable"}`,
  "no-rule-applies": () => "no rule applies to this fund",

  "counted-unlisted": () => "unlisted security or SARL parts",
  // The whole article: for an FCPI or a FIP, "III" alone would name their own III.
  "counted-within-bucket": (f) =>
    `counted toward the quota within the ${percentShort(f.threshold, en)} limit of ${f.article}`,
  "counted-advance": (f) =>
    `the fund holds ${pct(f.ownership)} of ${f.issuer}${eltifOnly(f.article, " or of its group")}`,
  "counted-entity-look-through": (f) =>
    `${pct(f.share)} of ${eur(f.amount)}, the entity's direct investment in eligible companies`,
  "counted-liquid": () => "liquid financial instrument",
  "counted-holding": (f) =>
    f.threshold === undefined
      ? `holding company meeting ${f.article.replace(/ 1\.$/, "")}`
      : `holding company: counted toward the quota within the ${percentShort(f.threshold, en)} limit of ${f.article}`,
  "counted-secondary-commitment": (f) =>
    `secondary purchase with a subscription commitment (${f.article})`,
  "counted-eligible": () => "eligible company",
  "counted-item": (f) => `item ${f.item}°`,
  "counted-leverage-base": (f) =>
    `item ${f.item}°, in the base of the ${percentShort(f.threshold, en)}`,
  "counted-look-through-debt": (f) =>
    `debt of ${eur(f.debt)} at ${pct(f.share)} participation`,
  "counted-region": (f) => `region ${f.region}`,
  "counted-fresh": (f) => f.mode.toLowerCase().replace(/_/g, " "),
  "counted-grace": (f) =>
    `admitted to trading on ${f.listingDate}; counts until ${f.graceEnd}`,
  "counted-listed-in-bucket": (f) =>
    `admitted on ${f.listingDate} meeting III 1°; within the ${percentShort(f.threshold, en)} limit, so no five-year limit`,
  "measured-against-limit": (f) =>
    `measured against the ${percentShort(f.threshold, en)} limit`,

  "column-twice": (f) =>
    `Column ${f.column} appears twice ("${f.first}" and "${f.header}"); the first one is read.`,
  "column-missing": (f) =>
    `The ${f.table} table has no ${f.column}${f.en ? ` (${quote(f.en, en)})` : ""} column; the rules that need it cannot run.${f.headersOnRow ? ` The headers seem to be on row ${f.headersOnRow}: remove the rows above them, or make the range an Excel table named ${f.table}.` : ""}`,
  "totals-row": (f) =>
    `This row ("${f.label}") is read as a totals row, not a holding: its amounts enter no sum.`,
  "cell-error": (f) => `The cell holds the error ${f.error}.`,
  "cell-unreadable": (f) =>
    f.readings
      ? `"${f.value}" can be read as ${f.readings[0]} (English) or ${f.readings[1]} (French): write ${f.readings[0]} or ${f.readings[1]} without the ambiguous comma.`
      : f.expected === "enum" && f.allowed
        ? `"${f.value}" is not one of ${f.allowed}.`
        : `"${f.value}" is not ${EXPECTED_EN[f.expected] ?? "a valid value"}.`,
  "holdings-empty": () =>
    "The Holdings table has no rows: every fund is checked with no position.",
  "fund-row-without-id": () =>
    "This row of Funds has no fundId; it cannot be checked.",
  "table-missing": (f) =>
    `No ${f.table} table was found: add an Excel table named ${f.table}, or a sheet named ${f.table} whose first non-empty row holds the headers.`,
  "fund-id-duplicate": (f) =>
    `fundId ${f.fundId} appears on rows ${f.rows.join(", ")} of Funds; the rules of this fund are incomplete until it is unique.`,
  "fund-type-needed": () => "fundType is needed to know which rules apply.",
  "fund-type-without-rules": (f) =>
    `No rule of this version applies to fund type ${f.fundType}; its holdings were read but not checked.`,
  "fund-id-needed": () =>
    "fundId is needed: the workbook has several funds (or none).",
  "fund-not-in-funds": (f) =>
    `Fund ${f.fundId || "(blank)"} is not in the Funds table; this ${f.table === "Holders" ? "holder" : f.table === "Orders" ? "order" : "position"} was not checked.`,
  "value-needed": needEn,
  "basis-cost-ignored": () =>
    "This fund's rules are measured at fair value over total assets; basis COST is ignored.",
  "amount-negative": (f) =>
    `${f.column} is negative (${f.amount}): it is counted as read; check the sign.`,
  "amount-implausible": (f) =>
    `${f.column} is ${euros(f.amount, en)}, above 10^15: check the unit.`,
  "eltif-regime-not-met": (f) =>
    `${f.given} is yes but ${f.missing} is not: the 30 % regime of ${f.article} needs both (a main object of financing infrastructure and the « ELTIF » name); the 15 % regime applies.`,
  "acquisition-mode-blank": (f) =>
    `acquisitionMode is blank: the position is not counted ${f.rule ? `in ${f.rule}` : "as fresh capital"} (${f.article}).`,
  "base-partial": () =>
    "The base of the ratio is partial: a value it needs is blank or unreadable.",
  "rows-unplaced": (f) =>
    `Holdings row${f.rows.length + f.more > 1 ? "s" : ""} ${f.rows.join(", ")}${f.more ? ` and ${f.more} more` : ""} cannot be placed (${f.column} or holding dates unreadable or blank): the position may belong to this rule.`,
  "rows-without-fund": (f) => {
    const many = f.rows.length + f.more > 1;
    return `${f.table} row${many ? "s" : ""} ${f.rows.join(", ")}${f.more ? ` and ${f.more} more` : ""} name${many ? "" : "s"} no fund of the Funds table (fundId ${f.table === "Orders" ? "blank or unreadable" : "blank, unknown or unreadable"}): ${many ? "they" : "it"} may belong to this fund.`;
  },
  "entity-debt-blank": (f) =>
    f.rule
      ? `entityDebt is blank for a ${f.item}° company: its debts count as zero in ${f.rule}.`
      : `entityDebt is blank for an item ${f.item}° holding: its borrowings count as zero in the ${percentShort(f.threshold, en)} (${f.article}).`,
  "fund-id-case": (f) =>
    `${f.table} row ${f.row}, column "${f.header}": "${f.value}" is read as fund ${f.fundId} (Funds row ${f.fundRow}); fund ids match ignoring case and surrounding spaces. Check that it is not a typo.`,
  "first-year-end-too-early": (f) =>
    `firstYearEnd ${f.firstYearEnd} is not after constitutionDate ${f.constitutionDate}.`,
  "chunk-failed": (f) =>
    `Could not ${f.what} rows ${f.firstRow}–${f.lastRow} of ${f.table}: ${f.error}.`,
  "api-unsupported": (f) =>
    `This version of Excel cannot do this: it needs ${f.api} ${f.version}.`,
  "sample-unavailable": (f) =>
    `The sample workbook (${f.file}) could not be downloaded (HTTP ${f.status}).`,
  "first-year-too-long": (f) =>
    `The first financial year lasts more than 18 months (constitution ${f.constitutionDate}, first year end ${f.firstYearEnd}).`,
  "register-control-absent": (f) =>
    `The ${f.table} table has no ${f.column} column: ${f.rule} is unknown on every row that needs it.`,
  "register-duplicate-id": (f) =>
    `${f.column} ${f.id} is already on row ${f.firstRow} of ${f.table}: this row is not used.`,
  "register-fund-and-offer": () =>
    "The row names both a fund and an offer: it is not used.",
  "register-fund-unknown": (f) =>
    `Fund ${f.fundId} is not in the Funds table; this ${f.table} row was not checked.`,
  "register-offer-unknown": (f) =>
    `Offer ${f.offerId} is not in the Offers table; this row was not checked.`,
  "register-fund-needed": (f) =>
    `fundId is needed: this ${f.table} row names no fund and the workbook does not have exactly one; it was not checked.`,
  "register-issuer-needed": () =>
    "The offer has no issuerId: its twelve-month total cannot be computed; the row is not used.",
  "legacy-rule-unknown": (f) =>
    `legacyRules: "${f.value}" is not a historical rule set this version knows (only 516-2); it is ignored.`,
  "insider-legal-person": (f) =>
    `A ${f.investorType} investor is marked insider: the exemption covers directors, employees and natural persons acting for the management company; the row is assessed as worded.`,
  "fx-rate-not-positive": (f) =>
    `${f.column} is not above zero: the euro amount is unknown.`,
};

const C = `${NBSP}:`;
const LIMIT_ON_COUNTING = " (limite de prise en compte, et non dépassement)";

/** A Holdings column by its first French label (« Type d'actif »), as the French template heads it. */
function holdingsColumnFr(name: string): string {
  return HOLDINGS_SPEC.columns.find((c) => c.name === name)?.labels[0] ?? name;
}

/** A Funds column by its first French label (« Label ELTIF »), as the French template heads it. */
function fundColumnFr(name: string): string {
  return FUNDS_SPEC.columns.find((c) => c.name === name)?.labels[0] ?? name;
}

/** A limit the law words in millions ("150 millions d'euros"): "150 million euros". */
function millionEuros(amount: string): string {
  const m = new Dec(amount).dividedBy(1e6);
  return m.isInteger() ? `${m.toString()} million euros` : eur(amount);
}

/** An asset class as the French template's dropdown shows it (« Liquidités », not CASH): one label per value, from the column specs. */
function assetClassFr(code: string): string {
  return ASSET_CLASS_LABELS[code]?.[0] ?? code;
}

/** A number in French notation, with as many decimals as written ("1.234" → "1,234"). */
function decimalPlain(value: string): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 20 }).format(
    value as unknown as number,
  );
}

/** What a column of each type expects, for the message on an unreadable cell. */
const EXPECTED_EN: Record<string, string> = {
  money: "an amount",
  percent: "a percentage between 0 and 100 %",
  date: "a date (write 2025-12-31 or 31/12/2025)",
  text: "text",
  boolean: "yes or no",
  list: "a list of values",
  country: "a country code",
  category: "an item number",
  number: "a number",
  count: "a whole number of 0 or more",
  currency: "a three-letter currency code (EUR, USD)",
  datetime: "a date and time (write 2007-05-10 10:00)",
};
const EXPECTED_FR: Record<string, string> = {
  money: "un montant",
  percent: "un pourcentage compris entre 0 et 100\u00a0%",
  date: "une date (écrivez par exemple 31/12/2025)",
  text: "un texte",
  boolean: "oui ou non",
  list: "une liste de valeurs",
  country: "un code pays",
  category: "un numéro de catégorie",
  number: "un nombre",
  count: "un nombre entier positif ou nul",
  currency: "un code devise de trois lettres (EUR, USD)",
  datetime: "une date et une heure (écrivez par exemple 10/05/2007 10:00)",
};

/** The workbook's acquisitionMode values, as the fresh-capital explanation names them. */
const FRESH_MODES_FR: Record<string, string> = {
  SUBSCRIPTION: "souscription au capital",
  BOND_REDEEMED_IN_SHARES: "obligations remboursées en actions",
  BOND_CONVERTED: "obligations converties",
  CONVERTIBLE_HELD: "obligations convertibles détenues",
  SECONDARY_PURCHASE: "acquisition auprès d'autres porteurs",
  FOLLOW_ON: "réinvestissement",
};

/** The French sentences, as a French fund accountant writes them. */
const FR: Renderers = {
  ...FR_LIVRE2,
  "quota-window": (f) =>
    `Le quota s'applique ${f.until ? `du ${date(f.from, fr)} au ${date(f.until, fr)}` : `à compter du ${date(f.from, fr)}`} (${f.article}${f.appliedBy ? `, sur renvoi de l'article ${f.appliedBy}` : ""}).`,
  "base-unknown": () => "Le dénominateur du ratio n'est pas renseigné.",
  "base-not-positive": () => "Le dénominateur du ratio est nul ou négatif.",
  "bucket-above-cap": (f) =>
    `${euros(f.amount, fr)} d'actifs de l'article ${f.article} au-delà de la limite de ${percentShort(f.threshold, fr)}, non retenus dans le quota${f.limitRule ? LIMIT_ON_COUNTING : ""}.`,
  "advances-above-cap": (f) =>
    `${euros(f.amount, fr)} d'avances en compte courant au-delà de la limite de ${percentShort(f.threshold, fr)}, non retenues dans le quota${f.limitRule ? LIMIT_ON_COUNTING : ""}.`,
  "receivables-above-limit": (f) =>
    `${euros(f.amount, fr)} de créances détenues au-delà de la limite de ${percentShort(f.threshold, fr)} de l'article ${f.article}, non retenues dans le quota (le dépassement est signalé par FPCI-REC10).`,
  "eltif-advances-apart": (f) =>
    `${euros(f.amount, fr)} d'avances en compte courant à des sociétés non cotées dont le fonds détient une participation, ou appartenant au groupe dans lequel il en détient une, retenues au titre du régime de 30 % (${f.article}, FPCI-CCA30) et non rapportées à la limite de 15 %.`,
  "eltif-regime-unknown": (f) =>
    f.slp
      ? `colonne ${quote(fundColumnFr(f.column), fr)} illisible${NBSP}: on ne sait pas si le fonds relève du régime de 30 % (${f.article}).`
      : `colonne ${quote(fundColumnFr(f.column), fr)} illisible${NBSP}: le régime de 15 % est appliqué, et le résultat dépend de l'application du régime de 30 % (${f.article}).`,
  "eltif-advance-unknown": (f) =>
    `participation (colonne ${quote(holdingsColumnFr("ownershipPct"), fr)}) ou admission aux négociations (colonne ${quote(holdingsColumnFr("listingStatus"), fr)}) inconnue pour la ou les avances des lignes ${f.lines.join(", ")}${NBSP}: le résultat dépend de leur prise en compte au titre du régime de 30 % (${f.article}) ou de la limite de 15 %.`,
  "listing-unknown": (f) =>
    `colonne ${quote(holdingsColumnFr("listingStatus"), fr)} illisible sur la ou les lignes ${f.lines.join(", ")}${NBSP}: le résultat dépend de leur admission aux négociations (${f.article}).`,
  "listing-date-unknown": (f) =>
    `colonne ${quote(holdingsColumnFr("listingDate"), fr)} illisible sur la ou les lignes ${f.lines.join(", ")}${NBSP}: le résultat dépend de la date de leur admission aux négociations (${f.article}).`,
  "fund-flag-unknown": (f) =>
    `colonne ${quote(fundColumnFr(f.column), fr)} illisible${NBSP}: le résultat dépend de sa valeur, oui ou non (${f.article}).`,
  "liquid-label-unknown": (f) =>
    `colonne ${quote(fundColumnFr("liquidLabel"), fr)} illisible${NBSP}: le fonds peut se prévaloir des 5 % d'instruments financiers liquides de l'article ${f.article}, mesurés ici.`,
  "no-grace-position": (f) =>
    `Aucune position retenue au titre du délai de cinq ans après l'admission aux négociations (${f.article}).`,
  "grace-positions": (f) =>
    `${count(f.count, fr, "position admise", "positions admises")} aux négociations après l'acquisition ${f.count > 1 ? "sont retenues" : "est retenue"} dans le quota${NBSP}; le premier délai de cinq ans expire le ${date(f.firstEnd, fr)}.`,
  "position-breaks": (f) =>
    `Position ${f.lineId} (ligne ${f.row})${C} ${renderReason(f.cause, fr)}`,
  "largest-region": (f) =>
    `Région la plus représentée${C} ${f.region} (au plus ${percentShort(f.threshold, fr)} par ${f.overseas ? "collectivité de la zone ultramarine" : "région"}).`,
  "region-nearest-limit": (f) =>
    `Région la plus proche de sa limite${C} ${f.region} (au plus ${percentShort(f.threshold, fr)} par ${f.overseas ? "collectivité de la zone ultramarine" : "région hors de la zone ultramarine"}).`,
  "no-region-position": () =>
    "Aucun titre, part de SARL ni avance en compte courant rattaché à une région.",
  "holders-missing": () =>
    `Aucune ligne du tableau Holders ne se rattache à ce fonds${NBSP}: les plafonds de détention par porteur ne peuvent pas être mesurés.`,
  "largest-holder": (f) =>
    `${f.publicLaw ? "Premier porteur personne morale de droit public" : "Premier porteur de parts"}${C} ${f.holder}.`,
  "no-public-holder": () =>
    "Aucune personne morale de droit public ne détient de parts.",
  "measured-in-units": () =>
    `Mesuré en nombre de parts du fonds${NBSP}: numérateur, dénominateur et marge sont exprimés en parts, non en euros.`,
  "opci-leverage": (f) =>
    `Emprunts de ${euros(f.borrowings, fr)} et dettes retenues par transparence, rapportés aux actifs des 1° à 3° et 5°.`,
  "feeder-master": (f) => `Maître${C} ${f.master}.`,
  "no-master": () =>
    `Aucune part n'indique de maître (masterId)${NBSP}: le fonds n'a pas de maître.`,
  "master-share": (f) =>
    `Maître ${f.master}${C} ${f.share === undefined ? "—" : percentShort(f.share, fr)} de l'actif${NBSP}; liquidités${C} ${euros(f.cash, fr)}.`,
  "feeder-aif": (f) =>
    `FIA nourricier au sens de l'article ${f.article}${C} ${f.master} représente au moins ${percentShort(f.threshold, fr)} de l'actif.`,
  "holding-counted": (f) =>
    `${count(f.count, fr, "position de société holding retenue", "positions de sociétés holding retenues")} dans le quota de 70 % pour ${euros(f.amount, fr)} (${f.article}).`,
  "no-holding": (f) =>
    `Aucun titre de société holding n'est retenu dans le quota de 70 % (${f.article}).`,
  "not-feeder-aif": (f) =>
    `Pas un FIA nourricier au sens de l'article ${f.article} (aucun maître n'atteint ${percentShort(f.threshold, fr)})${NBSP}; plusieurs maîtres à stratégies identiques (2°) sont mesurés par FIA-FEED85M.`,
  "not-allowed-asset": (f) => {
    switch (f.test) {
      case "hedging":
        return `contrat financier non utilisé uniquement à des fins de couverture (${f.article}).`;
      case "sicav-only":
        return `biens d'exploitation admis seulement pour un nourricier constitué en SICAV (${f.article}).`;
      case "second-master":
        return `parts de ${f.unitsOf}, second maître (le maître du fonds est ${f.master}).`;
      case "no-master-id":
        return "parts de fonds qui ne sont pas des parts du maître (masterId absent).";
      case "not-listed":
        return `${quote(assetClassFr(f.assetClass), fr)}${C} actif non autorisé par l'article ${f.article} en dehors du maître.`;
      case "general-purpose":
        return `${quote(assetClassFr(f.assetClass), fr)}${C} un nourricier de fonds d'investissement à vocation générale ne détient que des parts de son maître et, à titre accessoire, des liquidités.`;
    }
  },
  "counted-beside-master": () => "autorisé en dehors du maître",
  "counted-master-units": (f) => `parts du maître ${f.master}`,

  "not-a-quota-asset": (f) =>
    `${quote(assetClassFr(f.assetClass), fr)}${C} actif non retenu dans le quota (${f.article}).`,
  "listed-when-bought": (f) =>
    `${quote(assetClassFr(f.assetClass), fr)}${C} titre déjà admis aux négociations lors de l'acquisition (${f.article}).`,
  "not-small-cap": (f) =>
    f.test === "outside-eea"
      ? `coté sur un marché situé hors de l'Union européenne et de l'EEE (${f.country}) (${f.article}).`
      : `capitalisation boursière de ${euros(f.marketCap, fr)}, non inférieure à ${euros(f.limit, fr)} (${f.article}).`,
  "listed-debt": (f) =>
    `créance sur une société dont les titres sont admis aux négociations (${f.article}).`,
  unclassified: (f) =>
    `classement impossible${C} la colonne ${quote(f.column, fr)} est nécessaire.`,
  "five-years-ended": (f) =>
    `admis aux négociations le ${date(f.listingDate, fr)}${C} le délai de cinq ans (${f.article}) a expiré le ${date(f.graceEnd, fr)}${f.bucketFull ? " (la limite de 20 % du III ne permet pas de le retenir)" : ""}.`,
  "advance-gate": (f) =>
    f.ownership === undefined || f.gate === undefined
      ? `avance en compte courant non admise par l'article ${f.article}.`
      : Number(f.gate) === 0
        ? `avance en compte courant exclue${C} le fonds ne détient aucune participation dans ${f.issuer}, ce qu'exige l'article ${f.article}.`
        : `avance en compte courant exclue${C} le fonds détient ${percentShort(f.ownership, fr)} du capital de ${f.issuer}, l'article ${f.article} exige au moins ${percentShort(f.gate, fr)}.`,
  "ownership-unknown": (f) =>
    `part du capital de l'émetteur détenue par le fonds inconnue (${f.article}).`,
  "eltif-beneficiary-listed": (f) =>
    `avance en compte courant à ${f.issuer}, dont les titres sont admis aux négociations (${LISTING_LABELS[f.listingStatus]?.[0] ?? f.listingStatus})${C} l'article ${f.article} ne retient que les avances aux sociétés dont les titres ne sont pas admis à la négociation sur un marché réglementé ou sur un système multilatéral de négociation${NBSP}; l'avance est rapportée à la limite de 15 %.`,
  "issuer-not-eligible": (f) => {
    if (f.test === "advance")
      return `avance en compte courant à ${f.issuer}, dont les titres ne sont pas retenus dans le quota${C} l'article ${f.article} ne retient que les avances aux sociétés qui en remplissent les conditions.`;
    const why =
      f.test === "flag"
        ? `l'émetteur n'est pas indiqué comme remplissant les conditions de l'article ${f.article} (${f.column})`
        : `la région de la société (${f.region}) ne fait pas partie des régions retenues par le fonds (${f.article})`;
    return f.issuer
      ? `avance en compte courant à ${f.issuer}${C} ${why}.`
      : `${why}.`;
  },
  "eligibility-unknown": (f) =>
    `éligibilité de la société inconnue${C} la colonne ${quote(f.column, fr)} est nécessaire.`,
  "entity-not-oecd": (f) =>
    `entité non indiquée comme constituée dans un État membre de l'OCDE (entityOecd), ce qu'exige l'article ${f.article}.`,
  "look-through-unknown": (f) =>
    `pourcentage de transparence de l'entité inconnu (${f.article}).`,
  "secondary-commitment": (f) =>
    f.test === "below"
      ? `acquisition secondaire${C} le fonds s'est engagé à souscrire ${euros(f.commitment, fr)}, moins que le rachat (${euros(f.cost, fr)}) que l'engagement doit atteindre (${f.article}).`
      : f.test === "unfulfilled"
        ? `acquisition secondaire${C} la durée de vie du fonds a pris fin le ${date(f.termDate, fr)} et les souscriptions réalisées depuis le rachat (${euros(f.subscribed, fr)}) n'atteignent pas sa valeur (${euros(f.cost, fr)}) (${f.article}).`
        : `impossible de dire si l'acquisition secondaire est retenue au titre de l'article ${f.article}${C} la colonne ${quote(f.column, fr)} est nécessaire.`,
  "holding-gate": (f) =>
    f.test === "stake"
      ? `la société holding détient ${percentShort(f.stake, fr)} du capital de l'une de ses filiales${C} l'article ${f.article} exige au moins ${percentShort(f.threshold, fr)} de chacune.`
      : f.test === "subsidiaries"
        ? `les filiales de la société holding ne remplissent pas toutes les conditions de l'article ${f.article}.`
        : `aucune filiale de la société holding ne remplit les conditions des I, II et III de l'article L. 214-30 (${f.article}).`,
  "holding-not-capital": (f) =>
    `${quote(assetClassFr(f.assetClass), fr)} d'une société holding${C} l'article ${f.article} ne rend éligibles que ses titres de capital.`,
  "holding-unknown": (f) =>
    `impossible de dire si la société holding remplit les conditions de l'article ${f.article}${C} la colonne ${quote(f.column, fr)} est nécessaire.`,
  "secondary-purchase": (f) =>
    `acquisition secondaire${C} les titres acquis auprès d'autres porteurs (${euros(f.secondary, fr)}) ne sont pas inférieurs aux titres reçus en contrepartie de souscriptions au capital de la même société (${euros(f.fresh, fr)}).`,
  "not-controlled": (f) => `participation non contrôlée (${f.article}).`,
  encumbered: (f) =>
    `actif grevé de sûretés ou de droits au profit de tiers (${f.article}).`,
  "opci-condition-unknown": (f) =>
    `impossible de dire si la position est retenue au titre de l'article ${f.article}${C} la colonne ${quote(f.column, fr)} est nécessaire.`,
  "opci-outside-list": (f) =>
    f.test === "traded-only"
      ? `le ${f.item}° ne retient que des actions négociées sur un marché (${f.article}).`
      : `le ${f.item}° ne retient que des sociétés dont les titres ne sont pas admis aux négociations (${f.article}).`,
  "opci-advance-gate": (f) =>
    f.ownership === undefined
      ? `avance en compte courant à ${f.issuer}, qui n'est pas une société du 2° ou du 3° détenue par le fonds (${f.article}).`
      : `avance en compte courant à ${f.issuer}, détenue à ${percentShort(f.ownership, fr)}${C} l'article ${f.article} exige au moins ${percentShort(f.gate ?? "0.05", fr)} du capital.`,
  "outside-every-rule": (f) =>
    f.assetClass === undefined
      ? `aucune règle de la catégorie ${f.fundType} ne retient une position sans catégorie d'actif`
      : `aucune règle de la catégorie ${f.fundType} ne retient un actif ${quote(assetClassFr(f.assetClass), fr)}`,
  disposed: (f) =>
    `cédé le ${date(f.date, fr)}, au plus tard à la date d'arrêté`,
  "not-yet-invested": (f) =>
    `investi le ${date(f.date, fr)}, après la date d'arrêté`,
  "not-measured": (f) =>
    `montant non mesurable${C} la colonne ${quote(f.header ?? f.column, fr)} est ${f.blank ? "vide" : "illisible"}`,
  "no-rule-applies": () => "aucune règle ne s'applique à ce fonds",

  "counted-unlisted": () => "titre non coté ou parts de SARL",
  "counted-within-bucket": (f) =>
    `retenu dans le quota dans la limite de ${percentShort(f.threshold, fr)} (${f.article})`,
  "counted-advance": (f) =>
    `le fonds détient ${percentShort(f.ownership, fr)} du capital de ${f.issuer}`,
  "counted-entity-look-through": (f) =>
    `${percentShort(f.share, fr)} de ${euros(f.amount, fr)}, investissement direct de l'entité dans des sociétés éligibles`,
  "counted-liquid": () => "instrument financier liquide",
  "counted-holding": (f) =>
    f.threshold === undefined
      ? `société holding remplissant les conditions de l'article ${f.article}`
      : `titres de société holding${C} retenus dans la limite de ${percentShort(f.threshold, fr)} (${f.article})`,
  "counted-secondary-commitment": (f) =>
    `rachat de ${euros(f.cost, fr)} avec un engagement de souscrire ${euros(f.commitment, fr)}${NBSP}; ${euros(f.subscribed, fr)} souscrits depuis${f.termDate ? `, durée de vie du fonds jusqu'au ${date(f.termDate, fr)}` : ""} (${f.article})`,
  "counted-eligible": () => "société éligible",
  "counted-item": (f) => `actif du ${f.item}° (L. 214-36 I)`,
  "counted-leverage-base": (f) =>
    `actif du ${f.item}°, retenu dans l'assiette de la limite de ${percentShort(f.threshold, fr)}`,
  "counted-look-through-debt": (f) =>
    `dette de ${euros(f.debt, fr)} retenue par transparence à hauteur de la participation de ${percentShort(f.share, fr)}`,
  "counted-region": (f) => `région ${f.region}`,
  "counted-fresh": (f) => FRESH_MODES_FR[f.mode] ?? f.mode,
  "counted-grace": (f) =>
    `admis aux négociations le ${date(f.listingDate, fr)}${NBSP}; retenu jusqu'au ${date(f.graceEnd, fr)}`,
  "counted-listed-in-bucket": (f) =>
    `admis aux négociations le ${date(f.listingDate, fr)} et conforme au III 1°${NBSP}; retenu dans la limite de ${percentShort(f.threshold, fr)}, sans délai de cinq ans`,
  "measured-against-limit": (f) =>
    `rapporté à la limite de ${percentShort(f.threshold, fr)}`,

  "column-twice": (f) =>
    `la colonne ${quote(f.header, fr)} fait double emploi avec ${quote(f.first, fr)}${NBSP}; seule la première est lue.`,
  "column-missing": (f) =>
    `le tableau ${f.table} n'a pas de colonne ${f.fr ? `${quote(f.fr, fr)} (${f.column})` : f.column}${NBSP}; les règles qui en ont besoin ne peuvent pas être calculées.${f.headersOnRow ? ` Les en-têtes semblent être à la ligne ${f.headersOnRow}${NBSP}: supprimez les lignes au-dessus, ou faites de la plage un tableau Excel nommé ${f.table}.` : ""}`,
  "totals-row": (f) =>
    `ligne ${quote(f.label, fr)} lue comme une ligne de total, non comme une position${NBSP}: ses montants n'entrent dans aucune somme.`,
  "cell-error": (f) => `la cellule contient l'erreur ${f.error}.`,
  "cell-unreadable": (f) =>
    f.readings
      ? `${quote(f.value, fr)} peut se lire ${decimalPlain(f.readings[0])} (virgule séparateur de milliers) ou ${decimalPlain(f.readings[1])} (virgule décimale)${NBSP}: écrivez le nombre sans cette virgule ambiguë.`
      : f.expected === "enum" && f.allowed
        ? `${quote(f.value, fr)} ne fait pas partie des valeurs admises (${f.allowed}).`
        : `${quote(f.value, fr)} n'est pas ${EXPECTED_FR[f.expected] ?? "une valeur valide"}.`,
  "holdings-empty": () =>
    `le tableau Holdings ne contient aucune ligne${NBSP}: chaque fonds est contrôlé sans aucune position.`,
  "fund-row-without-id": () =>
    `cette ligne du tableau Funds n'a pas d'identifiant de fonds (fundId)${NBSP}; elle ne peut pas être contrôlée.`,
  "table-missing": (f) =>
    `aucun tableau ${f.table} trouvé${NBSP}: ajoutez un tableau Excel nommé ${f.table}, ou une feuille nommée ${f.table} dont la première ligne non vide porte les en-têtes.`,
  "fund-id-duplicate": (f) =>
    `le fonds ${f.fundId} figure aux lignes ${f.rows.join(", ")} du tableau Funds${NBSP}; ses règles restent incomplètes tant qu'il n'est pas unique.`,
  "fund-type-needed": () =>
    "la catégorie de fonds (fundType) est nécessaire pour savoir quelles règles s'appliquent.",
  "fund-type-without-rules": (f) =>
    `aucune règle de cette version ne s'applique à la catégorie de fonds ${f.fundType}${NBSP}; ses lignes ont été lues mais pas contrôlées.`,
  "fund-id-needed": () =>
    `l'identifiant du fonds (fundId) est nécessaire${NBSP}: le classeur contient plusieurs fonds (ou aucun).`,
  "fund-not-in-funds": (f) =>
    `le fonds ${f.fundId || "(vide)"} ne figure pas dans le tableau Funds${NBSP}; ${f.table === "Holders" ? "ce porteur n'a pas été contrôlé" : f.table === "Orders" ? "cet ordre n'a pas été contrôlé" : "cette ligne n'a pas été contrôlée"}.`,
  "value-needed": needFr,
  "basis-cost-ignored": () =>
    `les règles de ce fonds se mesurent en valeur de marché sur l'actif total${NBSP}; la base coût historique (COST) est ignorée.`,
  "amount-negative": (f) =>
    `montant négatif (${euros(f.amount, fr)})${NBSP}: il est retenu tel quel${NBSP}; vérifiez le signe.`,
  "amount-implausible": (f) =>
    `montant de ${euros(f.amount, fr)}, supérieur à 10^15${NBSP}: vérifiez l'unité.`,
  "eltif-regime-not-met": (f) =>
    `${quote(fundColumnFr(f.given), fr)} est à oui, mais pas ${quote(fundColumnFr(f.missing), fr)}${C} le régime de 30 % de l'article ${f.article} exige les deux (objet principal de financement d'infrastructures et dénomination « ELTIF »)${NBSP}; le régime de 15 % s'applique.`,
  "acquisition-mode-blank": (f) =>
    `mode d'acquisition (acquisitionMode) non renseigné${NBSP}: la position n'est pas retenue ${f.rule ? `dans la règle ${f.rule}` : "au titre des titres reçus en contrepartie de souscriptions au capital"} (${f.article}).`,
  "base-partial": () =>
    `Le dénominateur du ratio est partiel${NBSP}: une valeur nécessaire à son calcul est vide ou illisible.`,
  "rows-unplaced": (f) =>
    `${f.rows.length + f.more > 1 ? "Lignes" : "Ligne"} ${f.rows.join(", ")}${f.more ? ` et ${count(f.more, fr, "autre", "autres")}` : ""} du tableau Holdings ${f.rows.length + f.more > 1 ? "impossibles" : "impossible"} à classer (colonne ${quote(holdingsColumnFr(f.column), fr)} ou dates de détention vides ou illisibles)${NBSP}: la position peut relever de cette règle.`,
  "rows-without-fund": (f) => {
    const many = f.rows.length + f.more > 1;
    return `${many ? "Les lignes" : "La ligne"} ${f.rows.join(", ")}${f.more ? ` et ${count(f.more, fr, "autre", "autres")}` : ""} du tableau ${f.table} ${many ? "ne sont rattachées" : "n'est rattachée"} à aucun fonds du tableau Funds (code fonds ${f.table === "Orders" ? "vide ou illisible" : "vide, inconnu ou illisible"})${NBSP}: ${many ? "elles peuvent" : "elle peut"} appartenir à ce fonds.`;
  },
  "entity-debt-blank": (f) =>
    f.rule
      ? `dettes de l'entité (entityDebt) non renseignées pour une société du ${f.item}°${C} elles sont comptées pour zéro dans la règle ${f.rule} (${f.article}).`
      : `dettes de l'entité (entityDebt) non renseignées pour un actif du ${f.item}°${C} elles sont comptées pour zéro dans la limite de ${percentShort(f.threshold, fr)} (${f.article}).`,
  "fund-id-case": (f) =>
    `${quote(f.value, fr)} est rattaché au fonds ${f.fundId} (ligne ${f.fundRow} du tableau Funds)${NBSP}: les codes fonds sont comparés sans tenir compte des majuscules ni des espaces en début et en fin. Vérifiez qu'il ne s'agit pas d'une faute de frappe.`,
  "first-year-end-too-early": (f) =>
    `la clôture du premier exercice (${date(f.firstYearEnd, fr)}) n'est pas postérieure à la date de constitution (${date(f.constitutionDate, fr)}).`,
  "chunk-failed": (f) =>
    `les lignes ${f.firstRow} à ${f.lastRow} de ${f.table} n'ont pas pu être ${f.what === "read" ? "lues" : "écrites"} malgré plusieurs tentatives (${f.error})${NBSP}; relancez l'opération.`,
  "api-unsupported": (f) =>
    `cette version d'Excel ne le permet pas${NBSP}: il faut ${f.api} ${f.version}. Mettez Excel à jour.`,
  "sample-unavailable": (f) =>
    `le classeur d'exemple (${f.file}) n'a pas pu être téléchargé (HTTP ${f.status}).`,
  "first-year-too-long": (f) =>
    `le premier exercice dure plus de 18${NBSP}mois (constitution le ${date(f.constitutionDate, fr)}, clôture le ${date(f.firstYearEnd, fr)}).`,
  "register-control-absent": (f) =>
    `le tableau ${f.table} n'a pas de colonne ${quote(f.column, fr)}${NBSP}: le contrôle ${f.rule} est incomplet sur chaque ligne qui en a besoin.`,
  "register-duplicate-id": (f) =>
    `l'identifiant ${f.id} figure déjà à la ligne ${f.firstRow} du tableau ${f.table}${NBSP}: cette ligne n'est pas retenue.`,
  "register-fund-and-offer": () =>
    `la ligne désigne à la fois un fonds et une offre${NBSP}: elle n'est pas retenue.`,
  "register-fund-unknown": (f) =>
    `le fonds ${f.fundId} ne figure pas dans le tableau Funds${NBSP}; cette ligne du tableau ${f.table} n'a pas été contrôlée.`,
  "register-offer-unknown": (f) =>
    `l'offre ${f.offerId} ne figure pas dans le tableau Offers${NBSP}; cette ligne n'a pas été contrôlée.`,
  "register-fund-needed": (f) =>
    `l'identifiant du fonds (fundId) est nécessaire${NBSP}: cette ligne du tableau ${f.table} ne désigne aucun fonds et le classeur n'en contient pas un seul${NBSP}; elle n'a pas été contrôlée.`,
  "register-issuer-needed": () =>
    `l'offre n'a pas de code émetteur (issuerId)${NBSP}: son montant sur douze mois ne peut pas être calculé${NBSP}; la ligne n'est pas retenue.`,
  "legacy-rule-unknown": (f) =>
    `règles historiques${NBSP}: ${quote(f.value, fr)} n'est pas un texte connu de cette version (seul 516-2 l'est)${NBSP}; la valeur est ignorée.`,
  "insider-legal-person": (f) =>
    `un investisseur ${f.investorType === "LEGAL" ? "personne morale" : "personne morale de droit public"} est indiqué comme dirigeant ou salarié de la société de gestion${NBSP}: la dispense ne vise que les dirigeants, salariés et personnes physiques agissant pour son compte${NBSP}; la ligne est appréciée selon le texte.`,
  "fx-rate-not-positive": (f) =>
    `le cours de change (${f.column}) n'est pas supérieur à zéro${NBSP}: la contre-valeur en euros est inconnue.`,
};

const RENDERERS: Record<Lang, Renderers> = { en: EN, fr: FR };

/** Every code the presenter knows (the keys of its exhaustive records). */
export const REASON_CODES = Object.keys(EN) as ReasonCode[];

/** An error's message in the language asked: from its reason code when it has one. */
export function errorText(e: unknown, lang: Lang): string {
  const why = (e as { why?: { code?: string; facts?: unknown } } | null)?.why;
  if (why && isKnownReason(why)) return renderReason(why, lang);
  return e instanceof Error ? e.message : String(e);
}

/** A code the presenter knows, with its facts. */
export function isKnownReason(r: {
  code?: string;
  facts?: unknown;
}): r is Reason {
  return (
    r.code !== undefined && r.facts !== undefined && Object.hasOwn(EN, r.code)
  );
}

export function renderReason(r: Reason, lang: Lang): string {
  const render = RENDERERS[lang][r.code] as (facts: Reason["facts"]) => string;
  return render(r.facts);
}

/**
 * The sentence for a coded item in the language asked. In English the engine's own sentence is
 * kept where there is one (it is what the JSON report, scripts and the README show, with every
 * detail the engine gave); the English renderers stand in where it is absent. An item with no
 * code this version knows (a diagnostic added elsewhere before it was given one) keeps its
 * English text.
 */
export function explain(
  item: { code?: string; facts?: unknown },
  english: string | undefined,
  lang: Lang,
): string {
  if (lang === "en" && english) return english;
  if (isKnownReason(item)) return renderReason(item, lang);
  return english ?? "";
}
