import type { Diagnostic } from "../engine/model";
import type {
  FundReport,
  PositionOutcome,
  Reconciliation,
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
      "Headroom",
    ];
    const rows = fund.rules.map((r) => [
      r.id,
      r.article,
      pct(r.value) + (r.partial ? "*" : ""),
      thresholdText(r),
      r.status,
      r.headroom === null ? "—" : `${r.headroom} ${r.unit ?? "EUR"}`,
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
      if (r.failedConditions?.length) lines.push(...formatConditions(r));
      if (opts.positions && r.reconciliation)
        lines.push(...formatReconciliation(r.reconciliation));
    });
    if (fund.rules.some((r) => r.partial))
      lines.push("  * computed from the readable positions only");
  }
  for (const d of fund.diagnostics) lines.push(`  ${formatDiagnostic(d)}`);
  if (opts.positions && fund.positions)
    for (const line of formatPositions(fund.positions)) lines.push(line);
  return lines;
}

/** Each condition of a rule that failed one: its status, its measure and what to cure. */
function formatConditions(r: RuleResult): string[] {
  const lines: string[] = [];
  for (const c of r.conditions ?? []) {
    const measure =
      c.kind === "limit"
        ? `${pct(c.value)} ${thresholdText({ ...r, threshold: c.threshold, operator: c.operator })}`
        : c.kind === "gate" && c.threshold !== null
          ? `lowest share of capital ${pct(c.value)}, ${thresholdText({ ...r, threshold: c.threshold, operator: c.operator })}`
          : `${c.positions?.length ?? 0} position(s) outside the list`;
    const headroom =
      c.headroom === null
        ? ""
        : c.failed
          ? `, to cure ${c.headroom.replace(/^-/, "")} ${c.unit}`
          : `, headroom ${c.headroom} ${c.unit}`;
    lines.push(
      `      condition ${c.id} (${c.article}): ${c.status}, ${measure}${headroom}`,
    );
    for (const p of c.failed ? (c.positions ?? []) : [])
      lines.push(
        `        row ${p.row} ${p.lineId}: ${p.amount ?? "—"} ${c.unit}: ${p.reason}`,
      );
  }
  return lines;
}

/** From the fund's holdings to the numerator and denominator, line by line. */
function formatReconciliation(rec: Reconciliation): string[] {
  const rows = [
    ["Total holdings", "", rec.total, ""],
    ...[...rec.lines, ...rec.adjustments].map((l) => [
      `${l.numerator ? "N" : " "}${l.denominator ? "D" : " "} ${l.label.en}`,
      l.article ?? "",
      l.amount,
      String(l.count),
    ]),
    ["Numerator", "", rec.numerator, ""],
    ["Denominator", "", rec.denominator ?? "—", ""],
  ];
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((row) => row[i].length)),
  );
  return [
    `      Reconciliation (${rec.unit}; N: in the numerator, D: in the denominator):`,
    ...rows.map((row) =>
      `        ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(widths[2])}  ${row[3].padStart(widths[3])}`.trimEnd(),
    ),
  ];
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

function thresholdText(
  r: Pick<RuleResult, "threshold" | "operator" | "direction">,
): string {
  if (r.threshold === null) return "—";
  const op = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" }[
    r.operator ?? (r.direction === "min" ? ">=" : "<=")
  ];
  return `${op} ${Number((r.threshold * 100).toFixed(2))} %`;
}
