import { amountFromDecimal } from "../engine/amount";
import {
  ASSET_CLASSES,
  type AssetClass,
  LISTING_STATUSES,
  type ListingStatus,
} from "../engine/model";
import { type Trade, whatIf } from "../evidence/whatif";
import { decimalFromCellNumber, parseNumberText } from "../workbook/cells";
import { type Answer, asOfArg, asOfIn, FormulaError } from "./formulas";
import { type Language, statusWord } from "./texts";

/**
 * =QUOTA.WHATIF: the fund's rules if it bought or sold a position, from the same checked
 * workbook as every other function, through the engine's what-if (src/evidence/whatif.ts).
 */

type Cell = string | number;

const WORDS = {
  en: {
    headers: [
      "Rule",
      "Value before",
      "Status before",
      "Value after",
      "Status after",
      "Headroom after",
    ],
    largest: "Largest compliant amount",
    unbounded: "no rule limits this trade",
    blocked: "not met before the trade",
    side: (v: string) => `side must be "buy" or "sell", not "${v}"`,
    amount: (v: string) => `amount must be a positive number, not "${v}"`,
    assetClass: (v: string) => `unknown asset class "${v}"`,
    listing: (v: string) => `unknown listing status "${v}"`,
    fund: (v: string) => `no fund ${v} in the Funds table`,
    sale: "a sale needs the issuerId of the holdings sold, and no more than they hold",
  },
  fr: {
    headers: [
      "Règle",
      "Ratio avant",
      "Statut avant",
      "Ratio après",
      "Statut après",
      "Marge après",
    ],
    largest: "Montant maximal conforme",
    unbounded: "aucune règle ne limite cette opération",
    blocked: "non respectée avant l'opération",
    side: (v: string) =>
      `le sens doit être « achat » ou « vente », pas « ${v} »`,
    amount: (v: string) =>
      `le montant doit être un nombre positif, pas « ${v} »`,
    assetClass: (v: string) => `type d'actif inconnu « ${v} »`,
    listing: (v: string) => `statut de cotation inconnu « ${v} »`,
    fund: (v: string) => `aucun fonds ${v} dans la table Funds`,
    sale: "une cession demande l'issuerId des lignes cédées, dans la limite de ce qu'elles détiennent",
  },
} as const;

const one = (v: unknown): unknown =>
  Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1
    ? v[0][0]
    : v;
const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function enumArg<T extends string>(
  v: unknown,
  values: readonly T[],
  error: (v: string) => string,
): T | undefined {
  const x = one(v);
  if (blank(x) || x === 0) return undefined;
  const s = String(x).trim().toUpperCase();
  if (!(values as readonly string[]).includes(s))
    throw new FormulaError("#VALUE!", error(String(x)));
  return s as T;
}

/**
 * Arguments: fundId, side ("buy"/"sell", or "achat"/"vente"), amount in EUR, asset class,
 * issuerId, listing status, as-of date. One row per rule under a header row, then the largest
 * compliant amount and the rule that binds.
 */
export function whatIfAnswer(
  fundId: unknown,
  side: unknown,
  amount: unknown,
  assetClass: unknown,
  issuerId: unknown,
  listingStatus: unknown,
  asOf: unknown,
  language: Language = "en",
): Answer<Cell[][]> {
  const w = WORDS[language];
  const fund = String(one(fundId) ?? "").trim();
  if (!fund) throw new FormulaError("#VALUE!", w.fund("?"));
  const s = String(one(side) ?? "")
    .trim()
    .toLowerCase();
  const sideOf = ["buy", "achat", "acheter"].includes(s)
    ? "buy"
    : ["sell", "vente", "cession", "vendre", "céder"].includes(s)
      ? "sell"
      : undefined;
  if (!sideOf) throw new FormulaError("#VALUE!", w.side(String(one(side))));
  const a = one(amount);
  const parsed =
    typeof a === "number"
      ? { ok: true as const, value: decimalFromCellNumber(a) }
      : parseNumberText(String(a ?? ""));
  if (!parsed.ok || parsed.value.isNegative() || parsed.value.isZero())
    throw new FormulaError("#VALUE!", w.amount(String(a)));
  const cls = enumArg<AssetClass>(assetClass, ASSET_CLASSES, w.assetClass);
  const listing = enumArg<ListingStatus>(
    listingStatus,
    LISTING_STATUSES,
    w.listing,
  );
  const issuer = blank(one(issuerId))
    ? undefined
    : String(one(issuerId)).trim();
  if (sideOf === "sell" && !issuer) throw new FormulaError("#VALUE!", w.sale);
  const date = asOfArg(asOf, language);
  const trade: Trade = {
    fundId: fund,
    side: sideOf,
    position: {
      ...(cls
        ? { assetClass: cls }
        : sideOf === "buy"
          ? { assetClass: "EQUITY" as const }
          : {}),
      ...(listing ? { listingStatus: listing } : {}),
      ...(issuer ? { issuerId: issuer } : {}),
    },
  };
  const cost = amountFromDecimal(parsed.value);
  return (workbook) => {
    let result;
    try {
      result = whatIf(
        workbook.model,
        trade,
        cost,
        asOfIn(date, workbook, language),
      );
    } catch (e) {
      throw new FormulaError(
        "#N/A",
        e instanceof RangeError && e.message.startsWith("no fund")
          ? w.fund(fund)
          : w.sale,
      );
    }
    const rows: Cell[][] = [[...w.headers]];
    for (const r of result.rules)
      rows.push([
        r.id,
        r.before.value ?? "",
        statusWord(r.before.status, language),
        r.after.value ?? "",
        statusWord(r.after.status, language),
        r.after.headroom === null ? "" : Number(r.after.headroom),
      ]);
    const l = result.largest;
    rows.push([
      w.largest,
      l.amount === null ? "" : Number(l.amount),
      l.binding ??
        (l.unbounded
          ? w.unbounded
          : l.blockedBy
            ? `${l.blockedBy.join(", ")} ${w.blocked}`
            : ""),
      "",
      "",
      "",
    ]);
    return rows;
  };
}
