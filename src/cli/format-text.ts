import type { Diagnostic } from "../engine/model";
import type {
  FundReport,
  PositionOutcome,
  Reconciliation,
  Report,
  RuleResult,
  Status,
} from "../engine/result";
import {
  amountIn,
  colon,
  count,
  date,
  decimal,
  integer,
  type Lang,
  NBSP,
} from "../present/format";
import {
  basisLabel,
  conditionNothingToCure,
  conditionPositionText,
  contributionNote,
  diagnosticText,
  exclusionText,
  headroomText,
  ratioText,
  ruleExplanation,
  ruleValueText,
  statusLabel,
  summaryCounts,
  thresholdText,
} from "../present/report";

import {
  fundRegisterLines,
  issuerOfferLines,
  issuersTitle,
  ruleLabel,
} from "./format-registers";
import {
  isRegisterRule,
  registerRuleText,
  registerThresholdText,
  registerValueText,
} from "../present/registers";
import type { IssuerReport } from "../engine/registers/types";

export interface TextOptions {
  color: boolean;
  positions: boolean;
  /** Language of the whole text (default English). */
  lang?: Lang;
}

const COLORS: Record<Status, string> = {
  breach: "\x1b[31;1m",
  warning: "\x1b[33m",
  incomplete: "\x1b[35m",
  pass: "\x1b[32m",
  "not-binding": "\x1b[2m",
  info: "\x1b[36m",
  triggered: "\x1b[34;1m",
};
const RESET = "\x1b[0m";

/** The words of the layout, per language; sentences come from src/present. */
const WORDS = {
  en: {
    asOf: "as of",
    workbook: "Workbook:",
    quotaWindow: (from: string, until: string | undefined, article: string) =>
      `Quota binds from ${from}${until ? ` to ${until}` : ""} (${article}).`,
    header: ["Rule", "Article", "Value", "Threshold", "Status", "Headroom"],
    partial: "* computed from the readable positions only",
    condition: "condition",
    lowestShare: "lowest share of capital",
    outsideList: (n: number) => `${n} position(s) outside the list`,
    headroom: "headroom",
    toCure: "to cure",
    row: "row",
    reconciliation: (unit: string) =>
      `Reconciliation (${unit}; N: in the numerator, D: in the denominator):`,
    total: "Total holdings",
    numerator: "Numerator",
    denominator: "Denominator",
    positions: "Positions:",
    countsUntil: "counts until",
    countedIn: (rule: string, amount: string) =>
      `counted in ${rule} for ${amount}`,
    excludedFrom: (rule: string) => `excluded from ${rule}`,
  },
  fr: {
    asOf: "arrêté au",
    workbook: `Classeur${NBSP}:`,
    quotaWindow: (from: string, until: string | undefined, article: string) =>
      `Période d'application du quota${NBSP}: ${until ? `du ${from} au ${until}` : `à compter du ${from}`} (${article}).`,
    header: ["Règle", "Article", "Ratio", "Seuil", "Statut", "Marge"],
    partial: "* calculé sur les seules lignes lisibles",
    condition: "Condition",
    lowestShare: "part du capital la plus faible",
    outsideList: (n: number) =>
      `${count(n, "fr", "position hors de la liste", "positions hors de la liste")}`,
    headroom: "marge",
    toCure: "montant à régulariser",
    row: "ligne",
    reconciliation: (unit: string) =>
      `Rapprochement (${unit === "units" ? "parts" : unit}${NBSP}; N${NBSP}: au numérateur, D${NBSP}: au dénominateur)${NBSP}:`,
    total: "Total du portefeuille",
    numerator: "Numérateur",
    denominator: "Dénominateur",
    positions: `Lignes du portefeuille${NBSP}:`,
    countsUntil: "retenue jusqu'au",
    countedIn: (rule: string, amount: string) =>
      `retenue dans ${rule} pour ${amount}`,
    excludedFrom: (rule: string) =>
      rule === "*" ? "exclue de toutes les règles" : `exclue de ${rule}`,
  },
};

/** The human report: one compact table per fund, its diagnostics, and a one-line summary. */
export function formatText(
  report: Report,
  source: string,
  opts: TextOptions,
): string {
  const lang = opts.lang ?? "en";
  const w = WORDS[lang];
  const out: string[] = [
    `Fund Quota Monitor${colon(lang)}${source}, ${w.asOf} ${date(report.asOf, lang)}`,
    "",
  ];
  // Line by line: spreading a large array as arguments overflows the call stack.
  for (const fund of report.funds) {
    for (const line of formatFund(fund, opts, lang)) out.push(line);
    out.push("");
  }
  if (report.issuers?.length) {
    out.push(issuersTitle(lang), "");
    for (const issuer of report.issuers) {
      for (const line of formatIssuer(issuer, opts, lang)) out.push(line);
      out.push("");
    }
  }
  if (report.diagnostics.length) {
    out.push(w.workbook);
    for (const d of report.diagnostics)
      out.push(`  ${formatDiagnostic(d, lang)}`);
    out.push("");
  }
  const s = report.summary;
  const words = summaryCounts(s, lang);
  const paint = (status: Status, text: string) =>
    opts.color ? `${COLORS[status]}${text}${RESET}` : text;
  if (s.issuers)
    words.head += `, ${count(s.issuers, lang, lang === "fr" ? "émetteur" : "issuer", lang === "fr" ? "émetteurs" : "issuers")}`;
  out.push(
    `${words.head}${colon(lang)}${paint(s.breaches ? "breach" : "pass", words.breaches)}, ${paint("warning", words.warnings)}, ${paint("incomplete", words.incomplete)}, ${words.triggered ? `${paint("triggered", words.triggered)}, ` : ""}${words.diagnostics}.`,
  );
  return out.join("\n") + "\n";
}

/** An issuer of the Offers register, laid out as a fund: its rules, then its offers. */
function formatIssuer(
  issuer: IssuerReport,
  opts: TextOptions,
  lang: Lang,
): string[] {
  const asFund: FundReport = {
    fundId: issuer.issuerId,
    fundName: issuer.issuerName,
    status: issuer.status,
    rules: issuer.rules,
    diagnostics: issuer.diagnostics,
  };
  return formatFund(
    asFund,
    opts,
    lang,
    issuerOfferLines(issuer, opts.positions, lang),
  );
}

function formatFund(
  fund: FundReport,
  opts: TextOptions,
  lang: Lang,
  registerLines: string[] = fundRegisterLines(fund, opts.positions, lang),
): string[] {
  const w = WORDS[lang];
  const title = [
    fund.fundId,
    fund.fundName,
    fund.fundType,
    fund.basis ? basisLabel(fund.basis, lang) : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  const lines = [
    `${title}${colon(lang)}${paintStatus(fund.status, opts, lang)}`,
  ];
  if (fund.quotaWindow)
    lines.push(
      `  ${w.quotaWindow(date(fund.quotaWindow.from, lang), fund.quotaWindow.until && date(fund.quotaWindow.until, lang), fund.quotaWindow.article)}`,
    );
  // The portfolio's rules, then the registers' rules in a table of their own.
  const portfolio = fund.rules.filter((r) => !isRegisterRule(r));
  const registers = fund.rules.filter((r) => isRegisterRule(r));
  for (const rules of [portfolio, registers]) {
    if (!rules.length) continue;
    const header = w.header;
    const rows = rules.map((r) => [
      ruleLabel(r, lang),
      r.article,
      (isRegisterRule(r)
        ? registerValueText(r, lang)
        : ruleValueText(r, lang)) + (r.partial ? "*" : ""),
      isRegisterRule(r)
        ? registerThresholdText(r, lang)
        : thresholdText(r, lang),
      statusLabel(r.status, lang),
      headroomText(r.headroom, r.unit, lang, r.status),
    ]);
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((row) => row[i].length)),
    );
    const fmt = (cells: string[]) =>
      "  " +
      cells
        .map((c, i) =>
          i >= 2 && i !== 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]),
        )
        .join("  ");
    lines.push(fmt(header));
    rules.forEach((r, i) => {
      const line = fmt(rows[i]);
      lines.push(opts.color ? `${COLORS[r.status]}${line}${RESET}` : line);
      const message = isRegisterRule(r)
        ? registerRuleText(r, lang)
        : ruleExplanation(r, lang);
      if (message && r.status !== "pass") lines.push(`      ${message}`);
      if (r.failedConditions?.length) lines.push(...formatConditions(r, lang));
      if (opts.positions && r.reconciliation)
        lines.push(...formatReconciliation(r.reconciliation, lang));
    });
    if (rules.some((r) => r.partial)) lines.push(`  ${w.partial}`);
  }
  for (const line of registerLines) lines.push(line);
  for (const d of fund.diagnostics)
    lines.push(`  ${formatDiagnostic(d, lang)}`);
  if (opts.positions && fund.positions)
    for (const line of formatPositions(fund.positions, lang)) lines.push(line);
  return lines;
}

/** Each condition of a rule that failed one: its status, its measure and what to cure. */
function formatConditions(r: RuleResult, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const c of r.conditions ?? []) {
    const limit = thresholdText(
      { ...r, threshold: c.threshold, operator: c.operator },
      lang,
    );
    const measure =
      c.kind === "limit"
        ? `${ratioText(c.value, lang)} ${limit}`
        : c.kind === "gate" && c.threshold !== null
          ? `${w.lowestShare} ${ratioText(c.value, lang)}, ${limit}`
          : w.outsideList(c.positions?.length ?? 0);
    const headroom =
      c.headroom === null
        ? ""
        : c.headroom.startsWith("-") && !conditionNothingToCure(c.status)
          ? `, ${w.toCure} ${amountIn(c.headroom.slice(1), c.unit, lang)}`
          : `, ${w.headroom} ${amountIn(c.headroom, c.unit, lang)}`;
    // In French the condition's title names it; its id is for scripts (--json).
    const name = lang === "fr" ? `«${NBSP}${c.title.fr}${NBSP}»` : c.id;
    lines.push(
      `      ${w.condition} ${name} (${c.article})${colon(lang)}${statusLabel(c.status, lang)}, ${measure}${headroom}`,
    );
    for (const p of c.failed ? (c.positions ?? []) : [])
      lines.push(
        `        ${w.row} ${p.row} ${p.lineId}${colon(lang)}${p.amount === null ? "—" : amountIn(p.amount, c.unit, lang)}${colon(lang)}${conditionPositionText(p, lang)}`,
      );
  }
  return lines;
}

/** From the fund's holdings to the numerator and denominator, line by line. */
function formatReconciliation(rec: Reconciliation, lang: Lang): string[] {
  const w = WORDS[lang];
  const amount = (a: string) => (lang === "en" ? a : decimal(a, lang));
  const rows = [
    [w.total, "", amount(rec.total), ""],
    ...[...rec.lines, ...rec.adjustments].map((l) => [
      `${l.numerator ? "N" : " "}${l.denominator ? "D" : " "} ${l.label[lang]}`,
      l.article ?? "",
      amount(l.amount),
      lang === "en" ? String(l.count) : integer(l.count, lang),
    ]),
    [w.numerator, "", amount(rec.numerator), ""],
    [
      w.denominator,
      "",
      rec.denominator === null ? "—" : amount(rec.denominator),
      "",
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((row) => row[i].length)),
  );
  return [
    `      ${w.reconciliation(rec.unit)}`,
    ...rows.map((row) =>
      `        ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(widths[2])}  ${row[3].padStart(widths[3])}`.trimEnd(),
    ),
  ];
}

function formatPositions(positions: PositionOutcome[], lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = [`  ${w.positions}`];
  for (const p of positions) {
    const who = [p.lineId, p.issuerName ?? p.issuerId, p.assetClass]
      .filter(Boolean)
      .join(" · ");
    lines.push(
      `    ${w.row} ${p.row} ${who}${colon(lang)}${p.amount === null ? "—" : amountIn(p.amount, "EUR", lang)}${p.graceEndsOn ? `, ${w.countsUntil} ${date(p.graceEndsOn, lang)}` : ""}`,
    );
    for (const c of p.counted) {
      const note = contributionNote(c, lang);
      lines.push(
        `      ${w.countedIn(c.rule, amountIn(c.amount, "EUR", lang))} (${c.article})${note ? `${colon(lang)}${note}` : ""}`,
      );
    }
    for (const e of p.excluded)
      lines.push(
        `      ${w.excludedFrom(e.rule)}${e.article ? ` (${e.article})` : ""}${colon(lang)}${exclusionText(e, lang)}`,
      );
  }
  return lines;
}

export function formatDiagnostic(d: Diagnostic, lang: Lang = "en"): string {
  return diagnosticText(d, lang);
}

function paintStatus(status: Status, opts: TextOptions, lang: Lang): string {
  const word = statusLabel(status, lang);
  return opts.color ? `${COLORS[status]}${word}${RESET}` : word;
}
