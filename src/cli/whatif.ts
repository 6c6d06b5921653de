import { amountFromDecimal } from "../engine/amount";
import { isValidIsoDate } from "../engine/dates";
import {
  ASSET_CLASSES,
  type AssetClass,
  LISTING_STATUSES,
  type ListingStatus,
} from "../engine/model";
import type { Status } from "../engine/result";
import {
  type Trade,
  type TradedPosition,
  type WhatIf,
  whatIf,
} from "../evidence/whatif";
import { type Lang, date as dateText, euros } from "../present/format";
import { headroomText, ratioText, statusLabel } from "../present/report";
import { parseNumberText, parsePercent } from "../workbook/cells";
import { readWorkbook } from "../workbook/read-workbook";
import type { CliIo } from "./fund-quota";
import { EXIT_CODES } from "./outcome";
import { findTables, loadWorkbook } from "./xlsx-tables";

/**
 * `fund-quota whatif FILE --fund ID --buy AMOUNT [--asset-class EQUITY] [--issuer ID]
 * [--listing UNLISTED] [--date YYYY-MM-DD] [--fair-value AMOUNT] [--ownership 10%]`, or
 * `--sell AMOUNT --line ID | --issuer ID`: each rule of the fund before and after, and the
 * largest amount that keeps every rule met.
 */

export interface WhatIfArgs {
  fund?: string;
  buy?: string;
  sell?: string;
  "asset-class"?: string;
  issuer?: string;
  line?: string;
  listing?: string;
  date?: string;
  "fair-value"?: string;
  ownership?: string;
  json?: boolean;
}

const WORDS = {
  en: {
    title: (fund: string, asOf: string, side: string, amount: string) =>
      `What-if for ${fund} as of ${asOf}: ${side} ${amount}`,
    buy: "buy",
    sell: "sell",
    largest: "Largest compliant amount",
    binding: (rule: string) => `${rule} binds`,
    unbounded: "no rule limits this trade",
    blocked: (rules: string[]) =>
      `none: ${rules.join(", ")} not met even with the smallest trade`,
    usage:
      "whatif FILE --fund ID (--buy AMOUNT [--asset-class CLASS] [--issuer ID] [--listing STATUS] [--date YYYY-MM-DD] [--fair-value AMOUNT] [--ownership PCT] | --sell AMOUNT (--line ID | --issuer ID))",
  },
  fr: {
    title: (fund: string, asOf: string, side: string, amount: string) =>
      `Simulation avant opération pour ${fund} au ${asOf}\u00a0: ${side} ${amount}`,
    buy: "achat de",
    sell: "cession de",
    largest: "Montant maximal conforme",
    binding: (rule: string) => `règle limitante\u00a0: ${rule}`,
    unbounded: "aucune règle ne limite cette opération",
    blocked: (rules: string[]) =>
      `aucun\u00a0: ${rules.join(", ")} non respectée(s) même avec la plus petite opération`,
    usage:
      "whatif FICHIER --fund ID (--buy MONTANT [--asset-class TYPE] [--issuer ID] [--listing STATUT] [--date AAAA-MM-JJ] [--fair-value MONTANT] [--ownership PCT] | --sell MONTANT (--line ID | --issuer ID))",
  },
} as const;

function amountArg(text: string | undefined) {
  if (text === undefined) return undefined;
  const parsed = parseNumberText(text);
  return parsed.ok && !parsed.value.isNegative()
    ? amountFromDecimal(parsed.value)
    : null;
}

/** The trade the arguments describe, or why they do not describe one. */
export function tradeOf(
  a: WhatIfArgs,
): { trade: Trade; cost: bigint; fair?: bigint } | { error: string } {
  if (!a.fund) return { error: "--fund is required" };
  if ((a.buy === undefined) === (a.sell === undefined))
    return { error: "give one of --buy AMOUNT or --sell AMOUNT" };
  const cost = amountArg(a.buy ?? a.sell);
  if (cost === null || cost === undefined)
    return { error: `not an amount: ${a.buy ?? a.sell}` };
  const fair = amountArg(a["fair-value"]);
  if (fair === null) return { error: `not an amount: ${a["fair-value"]}` };
  const position: TradedPosition = {};
  if (a["asset-class"] !== undefined) {
    const c = a["asset-class"].trim().toUpperCase();
    if (!(ASSET_CLASSES as readonly string[]).includes(c))
      return { error: `unknown asset class ${a["asset-class"]}` };
    position.assetClass = c as AssetClass;
  } else if (a.buy !== undefined) position.assetClass = "EQUITY";
  if (a.listing !== undefined) {
    const l = a.listing.trim().toUpperCase();
    if (!(LISTING_STATUSES as readonly string[]).includes(l))
      return { error: `unknown listing status ${a.listing}` };
    position.listingStatus = l as ListingStatus;
  }
  if (a.issuer !== undefined) position.issuerId = a.issuer;
  if (a.line !== undefined) position.lineId = a.line;
  if (a.date !== undefined) {
    if (!isValidIsoDate(a.date)) return { error: `not a date: ${a.date}` };
    position.investmentDate = a.date;
  }
  if (a.ownership !== undefined) {
    const p = parsePercent(a.ownership);
    if (!p.ok) return { error: p.message };
    position.ownershipPct = p.value;
  }
  if (a.sell !== undefined && !position.lineId && !position.issuerId)
    return { error: "--sell needs --line ID or --issuer ID" };
  return {
    trade: {
      fundId: a.fund,
      side: a.buy !== undefined ? "buy" : "sell",
      position,
    },
    cost,
    ...(fair !== undefined ? { fair } : {}),
  };
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - s.length));

export function whatIfText(w: WhatIf, lang: Lang): string {
  const t = WORDS[lang];
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  const lines = [
    t.title(
      w.fundId,
      dateText(w.asOf, lang),
      w.side === "buy" ? t.buy : t.sell,
      euros(w.cost, lang),
    ),
  ];
  for (const r of w.rules) {
    const state = (s: {
      value: number | null;
      status: Status;
      headroom: string | null;
    }) =>
      `${ratioText(s.value, lang)} ${statusLabel(s.status, lang)} (${headroomText(s.headroom, r.unit, lang, s.status)})`;
    lines.push(`  ${pad(r.id, 14)}${state(r.before)} → ${state(r.after)}`);
  }
  const l = w.largest;
  lines.push(
    `${t.largest}${colon}${
      l.amount !== null
        ? `${euros(l.amount, lang)}${l.binding ? ` (${t.binding(l.binding)})` : ""}`
        : l.unbounded
          ? t.unbounded
          : t.blocked(l.blockedBy ?? [])
    }`,
  );
  return `${lines.join("\n")}\n`;
}

export async function whatIfCommand(
  targets: string[],
  args: WhatIfArgs,
  asOf: string,
  lang: Lang,
  io: CliIo,
  fail: (line: string) => number,
): Promise<number> {
  if (targets.length !== 1) return fail(`${WORDS[lang].usage}`);
  const parsed = tradeOf(args);
  if ("error" in parsed) return fail(`${parsed.error}\n${WORDS[lang].usage}`);
  let result: WhatIf;
  try {
    const model = readWorkbook(findTables(await loadWorkbook(targets[0])));
    result = whatIf(model, parsed.trade, parsed.cost, asOf, parsed.fair);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  io.stdout(
    args.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : whatIfText(result, lang),
  );
  const after = result.rules.map((r) => r.after.status);
  if (after.includes("breach")) return EXIT_CODES.breach;
  if (after.includes("incomplete")) return EXIT_CODES.unchecked;
  return EXIT_CODES.clear;
}
