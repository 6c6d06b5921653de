import type { Diagnostic } from "../engine/model";
import type {
  FundReport,
  PositionOutcome,
  Report,
  RuleResult,
  Status,
} from "../engine/result";

export interface TextOptions {
  color: boolean;
  positions: boolean;
}

const COLORS: Record<Status, string> = {
  breach: "\x1b[31;1m",
  warning: "\x1b[33m",
  incomplete: "\x1b[35m",
  pass: "\x1b[32m",
  "not-binding": "\x1b[2m",
  info: "\x1b[36m",
};
const RESET = "\x1b[0m";

/** The human report: one compact table per fund, its diagnostics, and a one-line summary. */
export function formatText(
  report: Report,
  source: string,
  opts: TextOptions,
): string {
  const out: string[] = [
    `Fund Quota Monitor: ${source}, as of ${report.asOf}`,
    "",
  ];
  // Line by line: spreading a large array as arguments overflows the call stack.
  for (const fund of report.funds) {
    for (const line of formatFund(fund, opts)) out.push(line);
    out.push("");
  }
  if (report.diagnostics.length) {
    out.push("Workbook:");
    for (const d of report.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    out.push("");
  }
  const s = report.summary;
  const paint = (status: Status, text: string) =>
    opts.color ? `${COLORS[status]}${text}${RESET}` : text;
  out.push(
    `${s.funds} fund(s), ${s.rules} rule(s): ${paint(s.breaches ? "breach" : "pass", `${s.breaches} breach(es)`)}, ${paint("warning", `${s.warnings} warning(s)`)}, ${paint("incomplete", `${s.incomplete} incomplete`)}, ${s.diagnostics} diagnostic(s).`,
  );
  return out.join("\n") + "\n";
}

function formatFund(fund: FundReport, opts: TextOptions): string[] {
  const title = [
    fund.fundId,
    fund.fundName,
    fund.fundType,
    fund.basis ? `basis ${fund.basis}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  const lines = [`${title}: ${paintStatus(fund.status, opts)}`];
  if (fund.quotaWindow)
    lines.push(
      `  Quota binds from ${fund.quotaWindow.from}${fund.quotaWindow.until ? ` to ${fund.quotaWindow.until}` : ""} (${fund.quotaWindow.article}).`,
    );
  if (fund.rules.length) {
    const header = [
      "Rule",
      "Article",
      "Value",
      "Threshold",
      "Status",
      "Headroom EUR",
    ];
    const rows = fund.rules.map((r) => [
      r.id,
      r.article,
      pct(r.value) + (r.partial ? "*" : ""),
      thresholdText(r),
      r.status,
      r.headroom ?? "—",
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
    fund.rules.forEach((r, i) => {
      const line = fmt(rows[i]);
      lines.push(opts.color ? `${COLORS[r.status]}${line}${RESET}` : line);
      if (r.message && r.status !== "pass") lines.push(`      ${r.message}`);
    });
    if (fund.rules.some((r) => r.partial))
      lines.push("  * computed from the readable positions only");
  }
  for (const d of fund.diagnostics) lines.push(`  ${formatDiagnostic(d)}`);
  if (opts.positions && fund.positions)
    for (const line of formatPositions(fund.positions)) lines.push(line);
  return lines;
}

function formatPositions(positions: PositionOutcome[]): string[] {
  const lines = ["  Positions:"];
  for (const p of positions) {
    const who = [p.lineId, p.issuerName ?? p.issuerId, p.assetClass]
      .filter(Boolean)
      .join(" · ");
    lines.push(
      `    row ${p.row} ${who}: ${p.amount ?? "—"} EUR${p.graceEndsOn ? `, counts until ${p.graceEndsOn}` : ""}`,
    );
    for (const c of p.counted)
      lines.push(
        `      counted in ${c.rule} for ${c.amount} (${c.article})${c.note ? `: ${c.note}` : ""}`,
      );
    for (const e of p.excluded)
      lines.push(
        `      excluded from ${e.rule}${e.article ? ` (${e.article})` : ""}: ${e.reason}`,
      );
  }
  return lines;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.table, d.row ? `row ${d.row}` : undefined, d.column]
    .filter(Boolean)
    .join(", ");
  const value = d.value !== undefined && d.value !== "" ? ` [${d.value}]` : "";
  return `${d.severity}: ${where}${value}: ${d.message}`;
}

function paintStatus(status: Status, opts: TextOptions): string {
  return opts.color ? `${COLORS[status]}${status}${RESET}` : status;
}

function pct(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(2)} %`;
}

function thresholdText(r: RuleResult): string {
  if (r.threshold === null) return "—";
  const op = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" }[
    r.operator ?? (r.direction === "min" ? ">=" : "<=")
  ];
  return `${op} ${Number((r.threshold * 100).toFixed(2))} %`;
}
