import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FundReport, Report, RuleResult } from "../engine/result";
import { percent } from "../present/format";
import { statusLabel } from "../present/report";
import {
  checkCopy,
  MANIFEST,
  type Manifest,
  PACK_KIND,
  sha256Of,
} from "./evidence";
import { EVIDENCE_MESSAGES } from "./evidence-messages";
import type { Lang } from "./messages";
import type { CliIo } from "./fund-quota";

/** One way a pack differs from its recomputation. */
export type Difference =
  /** A file of the pack whose bytes are not those the manifest lists (or which is gone). */
  | { kind: "file"; path: string; old: string; new: string | null }
  /** The fingerprint of an input's tables, recomputed from the pack's copy. */
  | { kind: "fingerprint"; file: string; old: string; new: string | null }
  /** A rule whose result is not the one in the pack's report. */
  | {
      kind: "rule";
      file: string;
      fundId: string;
      rule: string;
      fields: { field: RuleField; old: unknown; new: unknown }[];
    }
  /** A fund or rule found on one side only. */
  | {
      kind: "missing";
      file: string;
      fundId: string;
      rule?: string;
      side: "pack" | "recomputed";
    };

const RULE_FIELDS = [
  "status",
  "value",
  "threshold",
  "numerator",
  "denominator",
  "headroom",
  "law",
] as const;
type RuleField = (typeof RULE_FIELDS)[number];

export interface Verification {
  differences: Difference[];
  /** Rules recomputed. */
  rules: number;
}

export class NotAPackError extends Error {}

function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new NotAPackError("no such folder");
  if (!existsSync(file)) throw new NotAPackError(`no ${MANIFEST}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    throw new NotAPackError(`${MANIFEST} cannot be read`);
  }
  if (manifest.kind !== PACK_KIND || !Array.isArray(manifest.inputs))
    throw new NotAPackError(`${MANIFEST} is not the manifest of a pack`);
  return manifest;
}

function fieldOf(r: RuleResult, field: RuleField): unknown {
  if (field === "law")
    return r.law
      ? `${r.law.article} ${r.law.validFrom ?? ""}…${r.law.validUntil ?? ""}`
      : null;
  return r[field] ?? null;
}

export function compareReports(
  file: string,
  old: Report,
  now: Report,
): { differences: Difference[]; rules: number } {
  const differences: Difference[] = [];
  const byId = (funds: FundReport[]) =>
    new Map(funds.map((f) => [f.fundId, f]));
  const oldFunds = byId(old.funds);
  const newFunds = byId(now.funds);
  let rules = 0;
  for (const [fundId, f] of oldFunds) {
    const g = newFunds.get(fundId);
    if (!g) {
      differences.push({ kind: "missing", file, fundId, side: "recomputed" });
      continue;
    }
    const newRules = new Map(g.rules.map((r) => [r.id, r]));
    for (const r of f.rules) {
      const s = newRules.get(r.id);
      if (!s) {
        differences.push({
          kind: "missing",
          file,
          fundId,
          rule: r.id,
          side: "recomputed",
        });
        continue;
      }
      rules++;
      const fields = RULE_FIELDS.flatMap((field) => {
        const a = fieldOf(r, field);
        const b = fieldOf(s, field);
        return a === b ? [] : [{ field, old: a, new: b }];
      });
      if (fields.length)
        differences.push({ kind: "rule", file, fundId, rule: r.id, fields });
    }
    const oldIds = new Set(f.rules.map((r) => r.id));
    for (const r of g.rules)
      if (!oldIds.has(r.id))
        differences.push({
          kind: "missing",
          file,
          fundId,
          rule: r.id,
          side: "pack",
        });
  }
  for (const fundId of newFunds.keys())
    if (!oldFunds.has(fundId))
      differences.push({ kind: "missing", file, fundId, side: "pack" });
  return { differences, rules };
}

/** Recomputes a pack: every file's SHA-256, each input's fingerprint and report. */
export async function verifyPack(dir: string): Promise<Verification> {
  const manifest = readManifest(dir);
  const differences: Difference[] = [];
  const at = (relative: string) => path.join(dir, ...relative.split("/"));
  for (const f of manifest.files) {
    const now = existsSync(at(f.path))
      ? sha256Of(new Uint8Array(readFileSync(at(f.path))))
      : null;
    if (now !== f.sha256)
      differences.push({ kind: "file", path: f.path, old: f.sha256, new: now });
  }
  let rules = 0;
  for (const input of manifest.inputs) {
    if (!input.reports || !input.fingerprint) continue;
    if (!existsSync(at(input.file))) continue; // Reported above as a file gone.
    let checked: Awaited<ReturnType<typeof checkCopy>>;
    try {
      checked = await checkCopy(
        at(input.file),
        manifest.asOf,
        manifest.registers,
      );
    } catch {
      // The copy no longer reads as a workbook: its SHA-256 is reported above.
      checked = {};
    }
    const fingerprint = checked.fingerprint?.sha256 ?? null;
    if (fingerprint !== input.fingerprint.sha256)
      differences.push({
        kind: "fingerprint",
        file: input.file,
        old: input.fingerprint.sha256,
        new: fingerprint,
      });
    if (!existsSync(at(input.reports.json)) || !checked.report) continue;
    const old = JSON.parse(
      readFileSync(at(input.reports.json), "utf8"),
    ) as Report;
    const compared = compareReports(input.file, old, checked.report);
    differences.push(...compared.differences);
    rules += compared.rules;
  }
  return { differences, rules };
}

function valueText(field: RuleField, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return "—";
  if ((field === "value" || field === "threshold") && typeof v === "number")
    return percent(v, lang);
  if (field === "status") return statusLabel(v as RuleResult["status"], lang);
  return String(v);
}

const FIELD_WORDS: Record<Lang, Record<RuleField, string>> = {
  en: {
    status: "status",
    value: "value",
    threshold: "threshold",
    numerator: "numerator",
    denominator: "denominator",
    headroom: "headroom",
    law: "law",
  },
  fr: {
    status: "statut",
    value: "ratio",
    threshold: "seuil",
    numerator: "numérateur",
    denominator: "dénominateur",
    headroom: "marge",
    law: "texte appliqué",
  },
};

/** One difference on one line, in the user's language. */
export function differenceText(d: Difference, lang: Lang): string {
  const fr = lang === "fr";
  const colon = fr ? "\u00a0: " : ": ";
  switch (d.kind) {
    case "file":
      return d.new === null
        ? `${d.path}${colon}${fr ? "fichier absent" : "file missing"}`
        : `${d.path}${colon}SHA-256 ${d.old} → ${d.new}`;
    case "fingerprint":
      return `${d.file}${colon}${fr ? "empreinte des tableaux" : "fingerprint of the tables"} ${d.old} → ${d.new ?? "—"}`;
    case "missing": {
      const what = d.rule
        ? `${d.rule}, ${fr ? "fonds" : "fund"} ${d.fundId}`
        : `${fr ? "fonds" : "fund"} ${d.fundId}`;
      const side =
        d.side === "pack"
          ? fr
            ? "absent du dossier, présent au recalcul"
            : "not in the pack, found when recomputed"
          : fr
            ? "dans le dossier, absent au recalcul"
            : "in the pack, not found when recomputed";
      return `${what}${colon}${side}`;
    }
    case "rule":
      return `${d.rule}, ${fr ? "fonds" : "fund"} ${d.fundId}${colon}${d.fields
        .map(
          (f) =>
            `${FIELD_WORDS[lang][f.field]} ${valueText(f.field, f.old, lang)} → ${valueText(f.field, f.new, lang)}`,
        )
        .join(", ")}`;
  }
}

/** `fund-quota verify DIR`: 0 identical, 1 different, 2 not a pack. */
export async function verifyCommand(
  targets: string[],
  lang: Lang,
  io: CliIo,
  fail: (line: string) => number,
): Promise<number> {
  const say = EVIDENCE_MESSAGES[lang];
  const dir = targets[0];
  if (dir === undefined || targets.length > 1)
    return fail(say.notAPack(targets.join(" ") || "?", "one folder expected"));
  let result: Verification;
  try {
    result = await verifyPack(dir);
  } catch (e) {
    return fail(say.notAPack(dir, e instanceof Error ? e.message : String(e)));
  }
  for (const d of result.differences) io.stdout(`${differenceText(d, lang)}\n`);
  if (result.differences.length === 0) {
    io.stdout(`${say.identical(dir, result.rules)}\n`);
    return 0;
  }
  io.stdout(`${say.different(result.differences.length)}\n`);
  return 1;
}
