import { reason, ReasonError } from "../engine/reasons";
/* global Excel, Office, fetch, window, btoa */

/** Where the add-in serves the sample workbook (copied next to taskpane.html by the build). */
export const SAMPLE_FILE = "sample-funds.xlsx";

export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Opens the sample in a new workbook; the current one is left as it is. Excel.createWorkbook
 * is in ExcelApi 1.8 (office-js-docs-pr: excel-add-ins-workbooks.md, "Create a workbook").
 * The file is fetched from the add-in's own URL when asked for, so it stays out of the bundle.
 */
export async function openSampleWorkbook(): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8"))
    throw new ReasonError(
      reason("api-unsupported", { api: "ExcelApi", version: "1.8" }),
      "This version of Excel cannot open a new workbook from an add-in (ExcelApi 1.8).",
    );
  const response = await fetch(
    new URL(SAMPLE_FILE, window.location.href).toString(),
  );
  if (!response.ok)
    throw new ReasonError(
      reason("sample-unavailable", {
        file: SAMPLE_FILE,
        status: response.status,
      }),
      `${SAMPLE_FILE}: HTTP ${response.status}`,
    );
  await Excel.createWorkbook(toBase64(await response.arrayBuffer()));
}
