import type { FundReport, RuleResult } from "../engine/result";
import type { IssuerReport } from "../engine/registers/types";
import { type Lang, NBSP, colon, count } from "../present/format";
import {
  type RegisterOutcome,
  failingFirst,
  legacyMark,
  rowKey,
  rowReason,
  rowStatusLabel,
} from "../present/registers";

/** The register rows of a fund or an issuer in the text report: failing rows first. */

const TITLES = {
  en: {
    subscriptions: "Subscribers (RG AMF 412-113):",
    trades: "Off-market trades (RG AMF 516-2):",
    offers: "Offers (L. 411-2, D. 411-2-1):",
    row: "row",
    others: (pass: number, info: number) =>
      `${count(pass, "en", "row", "rows")} compliant, ${count(info, "en", "row", "rows")} not checked (--positions lists them).`,
    issuers: "Issuers (offers to the public):",
  },
  fr: {
    subscriptions: `Souscripteurs (RG AMF 412-113)${NBSP}:`,
    trades: `Exécutions hors marché réglementé (RG AMF 516-2)${NBSP}:`,
    offers: `Offres (L. 411-2, D. 411-2-1)${NBSP}:`,
    row: "ligne",
    others: (pass: number, info: number) =>
      `${count(pass, "fr", "ligne conforme", "lignes conformes")}, ${count(info, "fr", "ligne non contrôlée", "lignes non contrôlées")} (--positions les détaille).`,
    issuers: `Émetteurs (offres au public)${NBSP}:`,
  },
};

function rowLines(
  title: string,
  rows: readonly RegisterOutcome[] | undefined,
  all: boolean,
  lang: Lang,
): string[] {
  if (!rows?.length) return [];
  const w = TITLES[lang];
  const lines = [`  ${title}`];
  let pass = 0;
  let info = 0;
  for (const o of failingFirst(rows)) {
    if (!all && (o.status === "pass" || o.status === "info")) {
      if (o.status === "pass") pass++;
      else info++;
      continue;
    }
    lines.push(
      `    ${w.row} ${o.row} ${rowKey(o)}${colon(lang)}${rowStatusLabel(o.status, lang)}${colon(lang)}${rowReason(o, lang)}`,
    );
  }
  if (pass || info) lines.push(`    ${w.others(pass, info)}`);
  return lines;
}

/** A fund's subscriptions and trades. */
export function fundRegisterLines(
  fund: FundReport,
  all: boolean,
  lang: Lang,
): string[] {
  const w = TITLES[lang];
  return [
    ...rowLines(w.subscriptions, fund.subscriptions, all, lang),
    ...rowLines(w.trades, fund.trades, all, lang),
  ];
}

/** An issuer's offers. */
export function issuerOfferLines(
  issuer: IssuerReport,
  all: boolean,
  lang: Lang,
): string[] {
  return rowLines(TITLES[lang].offers, issuer.offers, all, lang);
}

export function issuersTitle(lang: Lang): string {
  return TITLES[lang].issuers;
}

/** The rule ID as the table shows it, with the mark of a historical text. */
export function ruleLabel(r: RuleResult, lang: Lang): string {
  return r.legacy ? `${r.id} ${legacyMark(lang)}` : r.id;
}
