import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openSampleWorkbook, SAMPLE_FILE, toBase64 } from "../../src/excel/open-sample";

const sample = readFileSync(path.resolve(__dirname, "../../examples/sample-funds.xlsx"));
const g = globalThis as unknown as Record<string, unknown>;

function host(supports18: boolean) {
  const createWorkbook = vi.fn(async () => undefined);
  const fetch = vi.fn(async () => ({ ok: true, status: 200, arrayBuffer: async () => sample.buffer.slice(sample.byteOffset, sample.byteOffset + sample.byteLength) }));
  g.Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && (supports18 || version !== "1.8") } } };
  g.Excel = { createWorkbook };
  g.fetch = fetch;
  g.window = { location: { href: "https://addin.example/taskpane.html?_host_Info=Excel" } };
  return { createWorkbook, fetch };
}

afterEach(() => {
  for (const k of ["Office", "Excel", "window"]) delete g[k];
});

describe("opening the sample", () => {
  it("fetches the file from the add-in's own URL when asked, and opens it as a new workbook (ExcelApi 1.8)", async () => {
    const { createWorkbook, fetch } = host(true);
    const realFetch = globalThis.fetch;
    try {
      await openSampleWorkbook();
    } finally {
      g.fetch = realFetch;
    }
    expect(fetch).toHaveBeenCalledWith(`https://addin.example/${SAMPLE_FILE}`);
    expect(createWorkbook).toHaveBeenCalledTimes(1);
    const base64 = (createWorkbook.mock.calls[0] as unknown as [string])[0];
    expect(Buffer.from(base64, "base64").equals(sample)).toBe(true);
  });

  it("says so, and opens nothing, where Excel lacks ExcelApi 1.8", async () => {
    const { createWorkbook, fetch } = host(false);
    const realFetch = globalThis.fetch;
    try {
      await expect(openSampleWorkbook()).rejects.toThrow(/ExcelApi 1\.8/);
    } finally {
      g.fetch = realFetch;
    }
    expect(fetch).not.toHaveBeenCalled();
    expect(createWorkbook).not.toHaveBeenCalled();
  });

  it("encodes bytes in base64 exactly, beyond one slice of 32 KB", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes.buffer)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
