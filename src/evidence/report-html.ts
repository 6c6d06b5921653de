import type { FundReport, Report, RuleResult, Status } from "../engine/result";
import { type Lang, date as dateText, euros, percent } from "../present/format";
import {
  basisLabel,
  headroomText,
  ratioText,
  statusLabel,
  thresholdText,
} from "../present/report";
import { type History, type HistoryPoint, seriesOf } from "./history";
import type { PackFacts } from "./pack-sheets";

/**
 * report.html of the evidence pack: one self-contained page (no script, no external file),
 * printable on A4, with a summary per fund, a gauge of each ratio against its threshold, and,
 * when earlier month-ends are known, an SVG chart of each ratio against its threshold over time.
 */

const COLORS: Record<Status, string> = {
  pass: "#107c10",
  warning: "#b35c00",
  breach: "#c50f1f",
  incomplete: "#616161",
  "not-binding": "#5c6b7a",
  info: "#0f6cbd",
  triggered: "#8a3707",
};
const SERIES = [
  "#0f6cbd",
  "#8764b8",
  "#038387",
  "#ca5010",
  "#4f6bed",
  "#986f0b",
];

const WORDS = {
  en: {
    title: "Quota check — evidence pack",
    asOf: "As of",
    generated: "Generated (Paris time)",
    version: "Product version",
    input: "Workbook",
    fileHash: "File SHA-256",
    fingerprint: "Fingerprint of the tables",
    rule: "Rule",
    article: "Article",
    ratio: "Ratio",
    threshold: "Threshold",
    status: "Status",
    headroom: "Headroom",
    gauge: "Ratio against threshold",
    history: "History of the ratios",
    movedBy: "Went into breach; positions that moved it",
    change: "change",
    summary: (n: number, breaches: number) =>
      `${n} fund${n === 1 ? "" : "s"}, ${breaches} rule${breaches === 1 ? "" : "s"} in breach`,
  },
  fr: {
    title: "Contrôle des quotas — dossier de preuve",
    asOf: "Date d'arrêté",
    generated: "Généré le (heure de Paris)",
    version: "Version du produit",
    input: "Classeur",
    fileHash: "Empreinte du fichier (SHA-256)",
    fingerprint: "Empreinte des tableaux (SHA-256)",
    rule: "Règle",
    article: "Article",
    ratio: "Ratio",
    threshold: "Seuil",
    status: "Statut",
    headroom: "Marge",
    gauge: "Ratio au regard du seuil",
    history: "Historique des ratios",
    movedBy: "Passée en dépassement\u00a0; lignes qui l'ont fait varier",
    change: "variation",
    summary: (n: number, breaches: number) =>
      `${n} fonds, ${breaches} règle${breaches > 1 ? "s" : ""} en dépassement`,
  },
} as const;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A horizontal gauge: the ratio as a bar, the threshold as a mark, both on one scale. */
export function gaugeSvg(rule: RuleResult, lang: Lang): string {
  if (rule.value === null || rule.threshold === null || rule.unit === "units")
    return "";
  const W = 220;
  const H = 22;
  const top =
    Math.max(1, rule.value, rule.threshold) === 1
      ? 1
      : Math.max(rule.value, rule.threshold) * 1.1;
  const x = (v: number) => Math.max(0, Math.min(W, (v / top) * W));
  const label = `${ratioText(rule.value, lang)} / ${thresholdText(rule, lang)}`;
  return `<svg class="gauge" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title><rect x="0" y="5" width="${W}" height="12" fill="#edebe9"/><rect x="0" y="5" width="${x(rule.value).toFixed(1)}" height="12" fill="${COLORS[rule.status]}"/><line x1="${x(rule.threshold).toFixed(1)}" x2="${x(rule.threshold).toFixed(1)}" y1="1" y2="21" stroke="#201f1e" stroke-width="2"/></svg>`;
}

/** One fund's ratios over the month-ends: a line per rule, its threshold dashed in the same colour. */
export function historySvg(
  series: Map<string, HistoryPoint[]>,
  lang: Lang,
  title: string,
): string {
  const dates = [
    ...new Set([...series.values()].flat().map((p) => p.asOf)),
  ].sort();
  if (dates.length < 2) return "";
  const W = 640;
  const H = 260;
  const left = 48;
  const right = 150;
  const bottom = 30;
  const values = [...series.values()]
    .flat()
    .flatMap((p) => [p.value ?? 0, p.threshold ?? 0]);
  const top = Math.max(0.1, ...values) * 1.1;
  const x = (d: string) =>
    left + (dates.indexOf(d) / (dates.length - 1)) * (W - left - right);
  const y = (v: number) => 10 + (1 - v / top) * (H - 10 - bottom);
  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = (top * t) / 4;
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e1dfdd"/><text x="${left - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="10">${escapeHtml(percent(v, lang))}</text>`,
    );
  }
  for (const d of dates)
    parts.push(
      `<text x="${x(d).toFixed(1)}" y="${H - 10}" text-anchor="middle" font-size="10">${escapeHtml(dateText(d, lang))}</text>`,
    );
  let i = 0;
  for (const [rule, points] of series) {
    const color = SERIES[i % SERIES.length];
    const withValue = points.filter((p) => p.value !== null);
    parts.push(
      `<polyline class="ratio" data-rule="${escapeHtml(rule)}" fill="none" stroke="${color}" stroke-width="2" points="${withValue.map((p) => `${x(p.asOf).toFixed(1)},${y(p.value!).toFixed(1)}`).join(" ")}"/>`,
      `<polyline class="threshold" fill="none" stroke="${color}" stroke-dasharray="5 4" stroke-width="1" points="${points.map((p) => `${x(p.asOf).toFixed(1)},${y(p.threshold!).toFixed(1)}`).join(" ")}"/>`,
      ...withValue.map(
        (p) =>
          `<circle cx="${x(p.asOf).toFixed(1)}" cy="${y(p.value!).toFixed(1)}" r="4" fill="${COLORS[p.status]}"><title>${escapeHtml(`${rule} ${dateText(p.asOf, lang)}: ${ratioText(p.value, lang)} (${statusLabel(p.status, lang)})`)}</title></circle>`,
      ),
      `<text x="${W - right + 8}" y="${18 + i * 16}" font-size="11" fill="${color}">${escapeHtml(rule)}</text>`,
    );
    i++;
  }
  return `<svg class="history" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}

function fundSection(
  f: FundReport,
  lang: Lang,
  history: History | undefined,
): string {
  const w = WORDS[lang];
  const rows = f.rules
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.article)}</td><td class="num">${escapeHtml(ratioText(r.value, lang))}</td><td>${escapeHtml(thresholdText(r, lang))}</td><td><span class="status" style="color:${COLORS[r.status]}">${escapeHtml(statusLabel(r.status, lang))}</span></td><td class="num">${escapeHtml(headroomText(r.headroom, r.unit, lang, r.status))}</td><td>${gaugeSvg(r, lang)}</td></tr>`,
    )
    .join("");
  const series = history ? seriesOf(history, f.fundId) : new Map();
  const chart = historySvg(series, lang, `${w.history} — ${f.fundId}`);
  const moved = (history?.transitions ?? [])
    .filter((t) => t.fundId === f.fundId)
    .map(
      (t) =>
        `<li><strong>${escapeHtml(t.rule)}</strong> ${escapeHtml(dateText(t.from.asOf, lang))} → ${escapeHtml(dateText(t.to.asOf, lang))}${lang === "fr" ? "\u00a0: " : ": "}${escapeHtml(ratioText(t.from.value, lang))} → ${escapeHtml(ratioText(t.to.value, lang))}<ul>${t.moves
          .slice(0, 10)
          .map(
            (m) =>
              `<li>${escapeHtml(m.lineId)}${m.issuer ? ` (${escapeHtml(m.issuer)})` : ""} — ${w.change} ${escapeHtml(euros(m.change, lang))}</li>`,
          )
          .join("")}</ul></li>`,
    )
    .join("");
  return `<section class="fund" data-fund="${escapeHtml(f.fundId)}"><h2>${escapeHtml(f.fundId)}${f.fundName ? ` — ${escapeHtml(f.fundName)}` : ""} <span class="status" style="color:${COLORS[f.status]}">${escapeHtml(statusLabel(f.status, lang))}</span></h2><p class="meta">${escapeHtml([f.fundType, f.basis ? basisLabel(f.basis, lang) : undefined].filter(Boolean).join(" · "))}</p><table><thead><tr><th>${w.rule}</th><th>${w.article}</th><th>${w.ratio}</th><th>${w.threshold}</th><th>${w.status}</th><th>${w.headroom}</th><th>${w.gauge}</th></tr></thead><tbody>${rows}</tbody></table>${chart ? `<h3>${w.history}</h3>${chart}` : ""}${moved ? `<h3>${escapeHtml(w.movedBy)}</h3><ul>${moved}</ul>` : ""}</section>`;
}

export function reportHtml(
  report: Report,
  facts: PackFacts,
  lang: Lang,
  history?: History,
): string {
  const w = WORDS[lang];
  const meta: [string, string][] = [
    [w.asOf, dateText(report.asOf, lang)],
    [w.generated, facts.generatedAt],
    [w.version, facts.productVersion],
    [w.input, facts.inputFile],
    [w.fileHash, facts.fileSha256],
    [w.fingerprint, facts.fingerprint],
  ];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${w.title} — ${dateText(report.asOf, lang)}`)}</title>
<style>
body{font-family:"Segoe UI",Arial,sans-serif;color:#201f1e;margin:24px;font-size:13px}
h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:24px 0 4px}h3{font-size:14px;margin:12px 0 4px}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:0 0 12px}dt{font-weight:600}dd{margin:0;word-break:break-all}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e1dfdd;padding:3px 6px;text-align:left;vertical-align:middle}
td.num{text-align:right;white-space:nowrap}.status{font-weight:600}.meta{margin:0;color:#605e5c}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0}.fund{break-inside:avoid-page}}
</style></head>
<body><h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.summary(report.summary.funds, report.summary.breaches))}</p>
<dl>${meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>
${report.funds.map((f) => fundSection(f, lang, history)).join("\n")}
</body></html>
`;
}
