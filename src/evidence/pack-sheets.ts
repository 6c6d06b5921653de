import type { Report, RuleResult } from "../engine/result";
import {
  RECONCILIATION_HEADERS,
  reconciliationRows,
} from "../present/report-columns";
import type { LawReference } from "../law/parameter";
import { type Lang, date as dateText } from "../present/format";
import {
  contributionNote,
  diagnosticText,
  exclusionText,
  ruleExplanation,
  statusLabel,
} from "../present/report";
import { SHEET_WORDS, unitCell } from "../present/sheet";

/**
 * The evidence pack's report as sheets of typed cells, in the pack's language: a cover (what
 * was checked, when, on which data, under which law), then results, positions, diagnostics and
 * reconciliation. Plain data, so the column widths can be computed (and tested) before any
 * file is written.
 */

export type SheetCell = string | number | null;

/** How a column shows its numbers: the Excel number format and the width it needs. */
export type ColumnKind = "text" | "amount" | "percent" | "integer" | "date";

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  amount: "#,##0.00",
  percent: "0.00%",
  integer: "0",
  date: "dd/mm/yyyy",
};

export interface PackColumn {
  header: string;
  kind: ColumnKind;
}

export interface PackSheet {
  name: string;
  columns: PackColumn[];
  rows: SheetCell[][];
}

/** What the cover states besides the report itself. */
export interface PackFacts {
  asOf: string;
  /** Generation time, as Paris shows it ("02/12/2026 08:15"). */
  generatedAt: string;
  productVersion: string;
  inputFile: string;
  fileSha256: string;
  fingerprint: string;
}

const WORDS = {
  en: {
    sheets: {
      cover: "Evidence",
      results: "Results",
      positions: "Positions",
      diagnostics: "Diagnostics",
      reconciliation: "Reconciliation",
    },
    cover: ["Item", "Value"],
    title: "Fund Quota Monitor — evidence pack",
    asOf: "As of",
    generated: "Generated (Paris time)",
    version: "Product version",
    input: "Workbook checked",
    fileHash: "File SHA-256",
    fingerprint: "Fingerprint of the tables (SHA-256, docs/evidence.md)",
    counts: "Funds · rules · breaches · warnings · incomplete",
    law: "Law applied",
    extra: ["Numerator", "Denominator", "Law version"],
    diagnostics: [
      "Fund",
      "Severity",
      "Table",
      "Sheet",
      "Cell",
      "Row",
      "Column",
      "Value",
      "Message",
    ],
    inForce: (from: string | null, until: string | null) =>
      `${from ? `from ${from}` : "start not in the reference texts"}${until ? ` to ${until}` : ", in force"}`,
  },
  fr: {
    sheets: {
      cover: "Dossier de preuve",
      results: "Résultats",
      positions: "Lignes du portefeuille",
      diagnostics: "Anomalies de lecture",
      reconciliation: "Rapprochement",
    },
    cover: ["Élément", "Valeur"],
    title: "Fund Quota Monitor — dossier de preuve du contrôle",
    asOf: "Date d'arrêté",
    generated: "Généré le (heure de Paris)",
    version: "Version du produit",
    input: "Classeur contrôlé",
    fileHash: "Empreinte du fichier (SHA-256)",
    fingerprint: "Empreinte des tableaux (SHA-256, docs/evidence.md)",
    counts: "Fonds · règles · dépassements · à surveiller · incomplètes",
    law: "Texte appliqué",
    extra: ["Numérateur", "Dénominateur", "Version du texte"],
    diagnostics: [
      "Fonds",
      "Gravité",
      "Tableau",
      "Feuille",
      "Cellule",
      "Ligne du tableau",
      "Colonne",
      "Valeur",
      "Message",
    ],
    inForce: (from: string | null, until: string | null) =>
      `${from ? `depuis le ${dateText(from, "fr")}` : "entrée en vigueur hors des textes de référence"}${until ? ` jusqu'au ${dateText(until, "fr")}` : ", en vigueur"}`,
  },
} as const;

export function sheetNames(lang: Lang): (typeof WORDS)[Lang]["sheets"] {
  return WORDS[lang].sheets;
}

const amount = (v: string | null): SheetCell => (v === null ? null : Number(v));

function lawText(law: LawReference | undefined, lang: Lang): string {
  if (!law) return "";
  return `${law.article} (${WORDS[lang].inForce(law.validFrom, law.validUntil)})`;
}

/** Every version of the law the report applied, once each, in the order met. */
export function lawsApplied(report: Report): LawReference[] {
  const seen = new Map<string, LawReference>();
  for (const f of report.funds)
    for (const r of f.rules as RuleResult[])
      if (r.law) {
        const key = `${r.law.parameter}|${r.law.article}|${r.law.validFrom}|${r.law.validUntil}`;
        if (!seen.has(key)) seen.set(key, r.law);
      }
  return [...seen.values()];
}

export function packSheets(
  report: Report,
  facts: PackFacts,
  lang: Lang,
): PackSheet[] {
  const w = WORDS[lang];
  const s = SHEET_WORDS[lang];
  const text = (header: string): PackColumn => ({ header, kind: "text" });
  const sum = report.summary;
  const cover: PackSheet = {
    name: w.sheets.cover,
    columns: [text(w.cover[0]), text(w.cover[1])],
    rows: [
      [w.title, ""],
      [w.asOf, dateText(report.asOf, lang)],
      [w.generated, facts.generatedAt],
      [w.version, facts.productVersion],
      [w.input, facts.inputFile],
      [w.fileHash, facts.fileSha256],
      [w.fingerprint, facts.fingerprint],
      [
        w.counts,
        [sum.funds, sum.rules, sum.breaches, sum.warnings, sum.incomplete].join(
          " · ",
        ),
      ],
      ...lawsApplied(report).map((l): SheetCell[] => [
        w.law,
        `${lawText(l, lang)} — ${l.wording}`,
      ]),
    ],
  };
  const ruleKinds: ColumnKind[] = [
    "text",
    "text",
    "text",
    "text",
    "text",
    "percent",
    "percent",
    "text",
    "amount",
    "text",
    "text",
  ];
  const results: PackSheet = {
    name: w.sheets.results,
    columns: [
      ...s.ruleHeaders.map((header, i) => ({ header, kind: ruleKinds[i] })),
      { header: w.extra[0], kind: "amount" },
      { header: w.extra[1], kind: "amount" },
      text(w.extra[2]),
    ],
    rows: report.funds.flatMap((f) =>
      f.rules.map((r): SheetCell[] => [
        f.fundId,
        f.fundName ?? "",
        f.fundType ?? "",
        r.id,
        r.article,
        r.value,
        r.threshold,
        statusLabel(r.status, lang) + (r.partial ? s.partial : ""),
        amount(r.headroom),
        unitCell(r.unit, lang),
        ruleExplanation(r, lang) ?? "",
        amount(r.numerator),
        amount(r.denominator),
        lawText(r.law, lang),
      ]),
    ),
  };
  const positionKinds: ColumnKind[] = [
    "text",
    "integer",
    "text",
    "text",
    "text",
    "amount",
    "text",
    "text",
    "text",
    "text",
  ];
  const positionRows: SheetCell[][] = [];
  for (const f of report.funds)
    for (const p of f.positions ?? []) {
      const base: SheetCell[] = [
        f.fundId,
        p.row,
        p.lineId,
        p.issuerName ?? p.issuerId ?? "",
        p.assetClass ?? "",
        amount(p.amount),
      ];
      for (const c of p.counted)
        positionRows.push([
          ...base,
          c.rule,
          s.counted,
          c.article,
          [c.amount, contributionNote(c, lang)].filter(Boolean).join(" — "),
        ]);
      for (const e of p.excluded)
        positionRows.push([
          ...base,
          e.rule,
          s.excluded,
          e.article ?? "",
          exclusionText(e, lang),
        ]);
      if (!p.counted.length && !p.excluded.length)
        positionRows.push([
          ...base,
          "",
          p.unreadable?.length ? s.unreadable : s.notConcerned,
          "",
          p.unreadable?.join(", ") ?? "",
        ]);
    }
  const positions: PackSheet = {
    name: w.sheets.positions,
    columns: s.positionHeaders.map((header, i) => ({
      header,
      kind: positionKinds[i],
    })),
    rows: positionRows,
  };
  const diagnosticKinds: ColumnKind[] = [
    "text",
    "text",
    "text",
    "text",
    "text",
    "integer",
    "text",
    "text",
    "text",
  ];
  const diagnosticRows = [
    ...report.diagnostics.map((d) => ({ fund: "", d })),
    ...report.funds.flatMap((f) =>
      f.diagnostics.map((d) => ({ fund: f.fundId, d })),
    ),
  ].map(({ fund, d }): SheetCell[] => [
    fund,
    d.severity,
    d.table,
    d.sheet ?? "",
    d.cell ?? "",
    d.row,
    d.header ?? d.column ?? "",
    d.value ?? "",
    diagnosticText(d, lang),
  ]);
  const diagnostics: PackSheet = {
    name: w.sheets.diagnostics,
    columns: w.diagnostics.map((header, i) => ({
      header,
      kind: diagnosticKinds[i],
    })),
    rows: diagnosticRows,
  };
  const reconciliationKinds: ColumnKind[] = [
    "text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "amount",
    "integer",
    "text",
    "text",
    "text",
  ];
  const reconciliation: PackSheet = {
    name: w.sheets.reconciliation,
    columns: RECONCILIATION_HEADERS[lang].map((header, i) => ({
      header,
      kind: reconciliationKinds[i],
    })),
    rows: reconciliationRows(report, lang),
  };
  return [cover, results, positions, diagnostics, reconciliation];
}

/** Widest text a column may ask for: longer text wraps in its cell instead. */
export const MAX_TEXT_WIDTH = 80;

/**
 * The text Excel shows for a cell in a column of that kind, at its widest (grouping and decimal
 * separators of either language): what the column must hold for Excel not to show `###`.
 */
export function shownText(value: SheetCell, kind: ColumnKind): string {
  if (value === null || value === "") return "";
  if (typeof value === "string") return value;
  switch (kind) {
    case "amount":
      return new Intl.NumberFormat("en-US", {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value);
    case "percent":
      return `${(value * 100).toFixed(2)}%`;
    case "integer":
      return Math.round(value).toString();
    case "date":
      return "00/00/0000";
    default:
      return String(value);
  }
}

/**
 * Column widths in Excel's unit (the width of one digit of the default font): the widest value
 * shown, plus room for the bold header's filter button; numbers are never cut (Excel would show
 * `###`), text is capped and wraps.
 */
export function columnWidths(sheet: PackSheet): number[] {
  return sheet.columns.map((col, c) => {
    // The header is bold and carries a filter button: about two digits more.
    let widest = Math.ceil(col.header.length * 1.1) + 3;
    for (const row of sheet.rows) {
      const shown = shownText(row[c] ?? null, col.kind);
      const need =
        typeof row[c] === "number"
          ? shown.length + 2
          : Math.min(shown.length + 1, MAX_TEXT_WIDTH);
      if (need > widest) widest = need;
    }
    return Math.min(
      widest,
      Math.max(MAX_TEXT_WIDTH, numericWidth(sheet, c, col.kind)),
    );
  });
}

/** The width the column's numbers need alone (never capped). */
function numericWidth(sheet: PackSheet, c: number, kind: ColumnKind): number {
  let widest = 0;
  for (const row of sheet.rows)
    if (typeof row[c] === "number")
      widest = Math.max(widest, shownText(row[c], kind).length + 2);
  return widest;
}
