import type { TableName } from "../engine/model";
import { type CellValue, errorText, type RawTable } from "../workbook/grid";
import { type NewHasher, sha256 } from "./sha256";

/**
 * The canonical fingerprint of a check's input: SHA-256 over the tables as read, written in a
 * canonical text that keeps what the engine reads (table, header, each cell's type and value)
 * and drops what it does not (formats, column order, where the table sits, the sheet's name,
 * blank rows and blank columns). The command line (from the .xlsx) and the pane (from the live
 * workbook) give the same hash for the same data. docs/evidence.md specifies the text byte for
 * byte, so a depositary can recompute it with another tool.
 */

export const CANONICAL_HEADER = "FQM-CANONICAL-TABLES 1";
/** Tables in the order the canonical text lists them. */
export const CANONICAL_TABLES: readonly TableName[] = [
  "Funds",
  "Holdings",
  "Holders",
];

export interface Fingerprint {
  /** SHA-256 of the canonical text, lower-case hex. */
  sha256: string;
  /** The first line of the canonical text: the version of the canonical form. */
  canonical: string;
  dateSystem: 1900 | 1904;
  /** Per table found: columns and rows that entered the fingerprint. */
  tables: Partial<Record<TableName, { columns: number; rows: number }>>;
}

export interface FingerprintOptions {
  /** The workbook counts dates from 1904 (default: the tables' own flag). */
  date1904?: boolean;
  newHasher?: NewHasher;
}

/** Excel's serial of 1970-01-01 in the 1900 date system; the 1904 system is 1,462 days behind. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

const float = new DataView(new ArrayBuffer(8));

/** IEEE 754 binary64, big-endian, lower-case hex; -0 is written as 0. */
function numberHex(n: number): string {
  float.setFloat64(0, n === 0 ? 0 : n);
  let out = "";
  for (let i = 0; i < 8; i++)
    out += float.getUint8(i).toString(16).padStart(2, "0");
  return out;
}

/** Bytes of the text in UTF-8 (a lone surrogate counts as U+FFFD, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * One cell as a token: `_` blank; `t`/`f` a boolean; `n` and 16 hex digits a number (a date
 * read as a date is its serial in the workbook's date system, as Excel stores it); `e` and `s`
 * an error or a text, each as its UTF-8 length, a colon and the text.
 */
export function cellToken(value: CellValue, date1904 = false): string {
  if (value === null || value === undefined || value === "") return "_";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return `n${numberHex(value)}`;
  if (value instanceof Date)
    return `n${numberHex(
      value.getTime() / 86_400_000 +
        UNIX_EPOCH_SERIAL -
        (date1904 ? DAYS_1900_TO_1904 : 0),
    )}`;
  // Office.js hands an error cell over as its text (#N/A), exceljs as an object: one token.
  const error = errorText(value);
  if (error !== undefined) return `e${utf8Length(error)}:${error}`;
  const text = typeof value === "string" ? value : String(value);
  return `s${utf8Length(text)}:${text}`;
}

const BLANK = "_";
const encoder = new TextEncoder();

/** Byte order of the tokens' UTF-8 (what `sort` gives on bytes in any other tool). */
function compareBytes(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

interface CanonicalTable {
  name: TableName;
  /** Source columns in canonical order. */
  order: number[];
  headers: string[];
  /** Indexes into raw.rows of the rows kept. */
  rows: number[];
  raw: RawTable;
}

function canonicalTable(
  raw: RawTable,
  date1904: boolean,
  newHasher: NewHasher,
): CanonicalTable {
  let width = raw.headers.length;
  for (const r of raw.rows) width = Math.max(width, r.cells.length);
  const headers = Array.from({ length: width }, (_, c) =>
    cellToken(raw.headers[c], date1904),
  );
  const used = headers.map((h) => h !== BLANK);
  const rows: number[] = [];
  raw.rows.forEach((row, i) => {
    let any = false;
    for (let c = 0; c < width; c++)
      if (cellToken(row.cells[c], date1904) !== BLANK) {
        any = true;
        used[c] = true;
      }
    if (any) rows.push(i);
  });
  const columns = headers.map((_, c) => c).filter((c) => used[c]);
  // Columns sort by their header; columns with the same header by the SHA-256 of their cells.
  const tieKey = new Map<number, string>();
  const keyOf = (c: number) => {
    let k = tieKey.get(c);
    if (k === undefined) {
      const h = newHasher();
      for (const i of rows)
        h.update(
          encoder.encode(`${cellToken(raw.rows[i].cells[c], date1904)}\n`),
        );
      k = h.hex();
      tieKey.set(c, k);
    }
    return k;
  };
  columns.sort(
    (a, b) =>
      compareBytes(headers[a], headers[b]) || compareBytes(keyOf(a), keyOf(b)),
  );
  return { name: raw.name, order: columns, headers, rows, raw };
}

/**
 * The canonical text, in pieces (concatenated, they are the text; docs/evidence.md):
 *
 *     FQM-CANONICAL-TABLES 1
 *     DATE-SYSTEM 1900
 *     TABLE Funds <columns> <rows>
 *     H\t<token>\t<token>…
 *     R\t<token>\t<token>…
 *
 * one H line per table, one R line per row kept, every line ended by a line feed.
 */
export function* canonicalText(
  tables: Partial<Record<TableName, RawTable>>,
  options: FingerprintOptions = {},
  counts: Fingerprint["tables"] = {},
): Generator<string> {
  const date1904 = dateSystemOf(tables, options) === 1904;
  const newHasher = options.newHasher ?? sha256;
  yield `${CANONICAL_HEADER}\nDATE-SYSTEM ${date1904 ? 1904 : 1900}\n`;
  for (const name of CANONICAL_TABLES) {
    const raw = tables[name];
    if (!raw) continue;
    const t = canonicalTable(raw, date1904, newHasher);
    counts[name] = { columns: t.order.length, rows: t.rows.length };
    yield `TABLE ${name} ${t.order.length} ${t.rows.length}\n`;
    yield `H${t.order.map((c) => `\t${t.headers[c]}`).join("")}\n`;
    let piece = "";
    for (const i of t.rows) {
      const cells = raw.rows[i].cells;
      piece += "R";
      for (const c of t.order) piece += `\t${cellToken(cells[c], date1904)}`;
      piece += "\n";
      if (piece.length > 65_536) {
        yield piece;
        piece = "";
      }
    }
    if (piece) yield piece;
  }
}

function dateSystemOf(
  tables: Partial<Record<TableName, RawTable>>,
  options: FingerprintOptions,
): 1900 | 1904 {
  const flag =
    options.date1904 ?? Object.values(tables).some((t) => t?.date1904 === true);
  return flag ? 1904 : 1900;
}

/** The fingerprint of the tables as read (by the command line from an .xlsx, or by the pane). */
export function fingerprintTables(
  tables: Partial<Record<TableName, RawTable>>,
  options: FingerprintOptions = {},
): Fingerprint {
  const newHasher = options.newHasher ?? sha256;
  const hasher = newHasher();
  const counts: Fingerprint["tables"] = {};
  for (const piece of canonicalText(tables, options, counts))
    hasher.update(encoder.encode(piece));
  return {
    sha256: hasher.hex(),
    canonical: CANONICAL_HEADER,
    dateSystem: dateSystemOf(tables, options),
    tables: counts,
  };
}
