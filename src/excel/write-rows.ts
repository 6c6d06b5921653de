import {
  ChunkError,
  FIRST_CHUNK_ROWS,
  jsonBytes,
  rowsPerChunk,
  withRetry,
} from "./chunked";

/* global Excel */

export interface RowsToWrite {
  /** Where the rows go, as the user will see it named (a table such as QuotaReportPositions), for the error message. */
  label: string;
  /** Zero-based worksheet row and column of the first cell. */
  rowIndex: number;
  columnIndex: number;
  values: (string | number | boolean)[][];
  /** Number format of each column ("@" keeps text as text), or of each cell. */
  numberFormat: string[] | ((row: number) => string[]);
}

/**
 * Writes rows in chunks sized from the bytes per row measured on the first chunk, number formats
 * before values in each request (so "=…" or "001" stay text). A chunk is retried, then reported
 * with its rows. Writing the same rows again gives the same cells: a retry is harmless.
 */
export async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  w: RowsToWrite,
): Promise<void> {
  const total = w.values.length;
  const width = total ? w.values[0].length : 0;
  const formatOf = (r: number) =>
    typeof w.numberFormat === "function" ? w.numberFormat(r) : w.numberFormat;
  let chunk = Math.min(FIRST_CHUNK_ROWS, total);
  let cap = Infinity;
  let widest = 0;
  for (let done = 0; done < total;) {
    const want = Math.min(chunk, total - done);
    let written = 0;
    try {
      const { rows } = await withRetry(want, async (n) => {
        const values = w.values.slice(done, done + n);
        const formats = values.map((_, i) => formatOf(done + i));
        const range = sheet.getRangeByIndexes(
          w.rowIndex + done,
          w.columnIndex,
          n,
          width,
        );
        range.numberFormat = formats;
        range.values = values;
        // One sync per chunk is the point: each stays under the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        widest = Math.max(
          widest,
          Math.ceil((jsonBytes(values) + jsonBytes(formats)) / n),
        );
        return n;
      });
      written = rows;
    } catch (e) {
      throw new ChunkError(
        "write",
        w.label,
        w.rowIndex + done + 1,
        w.rowIndex + done + want,
        e,
      );
    }
    done += written;
    // A host that refused a chunk as too large gets no larger chunk afterwards.
    if (written < want) cap = written;
    chunk = Math.min(rowsPerChunk(widest), cap);
  }
}
