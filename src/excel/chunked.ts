import type { Reason } from "../engine/reasons";
/**
 * Excel refuses a request or a response over about 5 MB (Excel on the web; office-js-docs-pr,
 * "Resource limits and performance optimization for Office Add-ins"), and Microsoft advises
 * reading and writing large ranges in chunks. Every chunk of the add-in aims at this many bytes,
 * sized from the bytes per row measured on the rows already seen, and never plans above the
 * hard ceiling.
 */
export const CHUNK_TARGET_BYTES = 3 * 1024 * 1024;
export const REQUEST_CEILING_BYTES = 4 * 1024 * 1024;
/** The first chunk is small: it measures the bytes per row. */
export const FIRST_CHUNK_ROWS = 500;
const ATTEMPTS = 3;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON: what the request or response body carries for it. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Rows per chunk for the widest row seen so far, with a floor of one row. */
export function rowsPerChunk(bytesPerRow: number): number {
  return Math.max(1, Math.floor(CHUNK_TARGET_BYTES / Math.max(1, bytesPerRow)));
}

/** A chunk that still failed after its retries, with what it concerned. */
export class ChunkError extends Error {
  /** The failure as a code and its facts, for the pane's message in the user's language. */
  readonly why: Reason;
  constructor(
    readonly what: string,
    readonly table: string,
    readonly firstRow: number,
    readonly lastRow: number,
    readonly reason: unknown,
  ) {
    super(
      `Could not ${what} rows ${firstRow}–${lastRow} of ${table} after ${ATTEMPTS} attempts: ${errorCode(reason)}.`,
    );
    this.name = "ChunkError";
    this.why = {
      code: "chunk-failed",
      facts: {
        what: what === "write" ? "write" : "read",
        table,
        firstRow,
        lastRow,
        error: errorCode(reason),
      },
    };
  }
}

export function errorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e)
    return String((e as { code: unknown }).code);
  return e instanceof Error ? e.message : String(e);
}

const TOO_LARGE = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);
/** Faults a new attempt cannot cure. */
const FINAL = new Set([
  "ItemNotFound",
  "InvalidArgument",
  "InvalidReference",
  "AccessDenied",
  "ApiNotFound",
  "InvalidObjectPath",
]);

export function isTooLarge(e: unknown): boolean {
  return TOO_LARGE.has(errorCode(e));
}

/**
 * Runs one chunk, retrying it. `run` gets the attempt's row count: a chunk refused as too large
 * is retried at half its rows, down to one row, without counting as an attempt (the caller then
 * carries on with the rows that remain, in chunks no larger). Any other fault gets three
 * attempts in all; faults a retry cannot cure fail at once.
 */
export async function withRetry<T>(
  rows: number,
  run: (rows: number) => Promise<T>,
): Promise<{ value: T; rows: number }> {
  let attempt = 0;
  let n = rows;
  for (;;) {
    try {
      return { value: await run(n), rows: n };
    } catch (e) {
      if (isTooLarge(e) && n > 1) {
        n = Math.ceil(n / 2);
        continue;
      }
      attempt++;
      if (attempt >= ATTEMPTS || FINAL.has(errorCode(e))) throw e;
    }
  }
}

/** True when the thrown value is an Office.js error with this code. */
export function hasCode(e: unknown, code: string): boolean {
  return errorCode(e) === code;
}
