import path from "node:path";
import { type History, buildHistory } from "../evidence/history";
import type { PackSheet, SheetCell } from "../evidence/pack-sheets";
import { type Lang, date as dateText, percent } from "../present/format";
import { statusLabel } from "../present/report";
import { packReports, packXlsx } from "./evidence";
import type { CliIo } from "./fund-quota";
import { refusalMessage } from "./messages";
import { refusalToWrite, writeFileAtomically } from "./safe-write";

/**
 * `fund-quota history PACK… [--out history.xlsx|.csv|.json]`: the ratios of every fund over the
 * month-ends of the packs, and each rule that went from passing to breach with the positions
 * that moved it.
 */

const WORDS = {
  en: {
    sheet: "History",
    transitions: "Into breach",
    headers: [
      "As of",
      "Fund",
      "Fund name",
      "Rule",
      "Value",
      "Threshold",
      "Status",
      "Numerator",
      "Denominator",
      "Source",
    ],
    moveHeaders: [
      "Fund",
      "Rule",
      "From",
      "To",
      "Value before",
      "Value after",
      "Line",
      "Issuer",
      "Counted before",
      "Counted after",
      "Change",
    ],
    intoBreach: "went into breach",
    movedBy: "moved by",
  },
  fr: {
    sheet: "Historique des ratios",
    transitions: "Passages en dépassement",
    headers: [
      "Date d'arrêté",
      "Fonds",
      "Nom du fonds",
      "Règle",
      "Ratio",
      "Seuil",
      "Statut",
      "Numérateur",
      "Dénominateur",
      "Source",
    ],
    moveHeaders: [
      "Fonds",
      "Règle",
      "Du",
      "Au",
      "Ratio avant",
      "Ratio après",
      "Ligne",
      "Émetteur",
      "Retenu avant",
      "Retenu après",
      "Variation",
    ],
    intoBreach: "passée en dépassement",
    movedBy: "lignes en cause",
  },
} as const;

const num = (v: string | null): SheetCell => (v === null ? null : Number(v));

export function historySheets(history: History, lang: Lang): PackSheet[] {
  const w = WORDS[lang];
  const kinds = [
    "text",
    "text",
    "text",
    "text",
    "percent",
    "percent",
    "text",
    "amount",
    "amount",
    "text",
  ] as const;
  const moveKinds = [
    "text",
    "text",
    "text",
    "text",
    "percent",
    "percent",
    "text",
    "text",
    "amount",
    "amount",
    "amount",
  ] as const;
  return [
    {
      name: w.sheet,
      columns: w.headers.map((header, i) => ({ header, kind: kinds[i] })),
      rows: history.points.map((p) => [
        dateText(p.asOf, lang),
        p.fundId,
        p.fundName ?? "",
        p.rule,
        p.value,
        p.threshold,
        statusLabel(p.status, lang),
        num(p.numerator),
        num(p.denominator),
        p.source ?? "",
      ]),
    },
    {
      name: w.transitions,
      columns: w.moveHeaders.map((header, i) => ({
        header,
        kind: moveKinds[i],
      })),
      rows: history.transitions.flatMap((t) =>
        (t.moves.length ? t.moves : [undefined]).map((m): SheetCell[] => [
          t.fundId,
          t.rule,
          dateText(t.from.asOf, lang),
          dateText(t.to.asOf, lang),
          t.from.value,
          t.to.value,
          m?.lineId ?? "",
          m?.issuer ?? "",
          num(m?.before ?? null),
          num(m?.after ?? null),
          num(m?.change ?? null),
        ]),
      ),
    },
  ];
}

function csvField(v: SheetCell): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The history points as CSV (RFC 4180, comma, exact decimal strings, ISO dates). */
export function historyCsv(history: History): string {
  const lines = [
    "asOf,fundId,fundName,rule,value,threshold,status,numerator,denominator,source,intoBreachMovedBy",
  ];
  for (const p of history.points) {
    const t = history.transitions.find(
      (x) => x.fundId === p.fundId && x.rule === p.rule && x.to.asOf === p.asOf,
    );
    const moved = t
      ? t.moves.map((m) => `${m.lineId} ${m.change}`).join("; ")
      : "";
    lines.push(
      [
        p.asOf,
        p.fundId,
        p.fundName ?? "",
        p.rule,
        p.value,
        p.threshold,
        p.status,
        p.numerator,
        p.denominator,
        p.source ?? "",
        moved,
      ]
        .map((v) => csvField(v ?? null))
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The history in words, one line per rule that went into breach. */
export function historyText(history: History, lang: Lang): string {
  const w = WORDS[lang];
  const dates = [...new Set(history.points.map((p) => p.asOf))];
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  const lines = [
    `${w.sheet}${colon}${dates.map((d) => dateText(d, lang)).join(", ")}`,
  ];
  for (const t of history.transitions)
    lines.push(
      `${t.rule}, ${lang === "fr" ? "fonds" : "fund"} ${t.fundId}${colon}${w.intoBreach} ${dateText(t.from.asOf, lang)} → ${dateText(t.to.asOf, lang)} (${t.from.value === null ? "—" : percent(t.from.value, lang)} → ${t.to.value === null ? "—" : percent(t.to.value, lang)})${
        t.moves.length
          ? `; ${w.movedBy}${colon}${t.moves
              .slice(0, 5)
              .map((m) => `${m.lineId} ${m.change}`)
              .join(", ")}`
          : ""
      }`,
    );
  return `${lines.join("\n")}\n`;
}

export async function historyCommand(
  packs: string[],
  options: { out?: string; json?: boolean; lang: Lang },
  io: CliIo,
  fail: (line: string) => number,
): Promise<number> {
  if (!packs.length) return fail("history: name at least one evidence pack");
  let history: History;
  try {
    history = buildHistory(packs.flatMap((p) => packReports(p)));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const { out, lang } = options;
  if (out !== undefined) {
    // Never over an existing file: a history is written to a new one.
    const refusal = await refusalToWrite(out, packs, false, async () => false);
    if (refusal) return fail(refusalMessage(refusal, lang));
    const ext = path.extname(out).toLowerCase();
    const data =
      ext === ".json"
        ? new TextEncoder().encode(`${JSON.stringify(history, null, 2)}\n`)
        : ext === ".csv"
          ? new TextEncoder().encode(historyCsv(history))
          : await packXlsx(historySheets(history, lang), "Quota history");
    await writeFileAtomically(out, data, io.writeFile);
  }
  if (options.json) io.stdout(`${JSON.stringify(history, null, 2)}\n`);
  else io.stdout(historyText(history, lang));
  return 0;
}
