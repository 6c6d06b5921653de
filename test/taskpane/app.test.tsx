// @vitest-environment jsdom
import "../helpers/jsdom-setup";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SimulatedWorkbook, type Sheet } from "../../src/preview/simulated-workbook";
import { App } from "../../src/taskpane/App";
import type { WorkbookOperations } from "../../src/taskpane/operations";
import { sampleSheets } from "../helpers/sample-sheets";

let sheets: Sheet[];
beforeAll(async () => {
  const grids = await sampleSheets();
  sheets = Object.entries(grids).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((c) => c ?? "")) }));
});
afterEach(cleanup);

/** The pane with the simulated workbook's operations, each one spied on. */
function setup(language = "en-US", mutate?: (wb: SimulatedWorkbook) => void) {
  const workbook = new SimulatedWorkbook(structuredClone(sheets));
  mutate?.(workbook);
  const ops = workbook.operations(language);
  const spied = Object.fromEntries(Object.entries(ops).map(([k, fn]) => [k, vi.fn(fn as (...a: unknown[]) => unknown)])) as unknown as WorkbookOperations & Record<string, ReturnType<typeof vi.fn>>;
  spied.loadSettings = vi.fn(async () => ({ asOf: "2025-12-31" }));
  render(<App ops={spied} />);
  return { workbook, ops: spied };
}

const fund = (id: string) => document.querySelector(`[data-fund="${id}"]`) as HTMLElement;

describe("task pane", () => {
  it("checks the workbook on open and shows every fund with its worst status", async () => {
    const { ops } = setup();
    await waitFor(() => expect(document.querySelectorAll("[data-fund]")).toHaveLength(12));
    expect(ops.readTables).toHaveBeenCalledTimes(1);
    expect(fund("FCPR-IS2").querySelector("[data-status]")?.getAttribute("data-status")).toBe("breach");
    expect(fund("FCPR-RA3").querySelector("[data-status]")?.getAttribute("data-status")).toBe("warning");
    expect(document.querySelector("[data-summary]")?.textContent).toMatch(/As of 2025-12-31.*12 funds.*9 breaches/);
  });

  it("drills a breach down to its positions, with the reason and the article, and selects the row in the sheet", async () => {
    const { ops } = setup();
    await waitFor(() => expect(fund("FCPR-IS2")).toBeTruthy());
    const card = fund("FCPR-IS2");
    // Funds in breach open on their own.
    const rule = within(card).getByRole("button", { name: "FCPR-CCA15" });
    fireEvent.click(rule);
    const list = card.querySelector('[data-positions-for="FCPR-CCA15"]') as HTMLElement;
    expect(list.textContent).toMatch(/L\. 214-28 II 1° · not an advance allowed by II 1°/);
    fireEvent.click(within(card).getByRole("button", { name: "FCPR-Q50" }));
    const q50 = card.querySelector('[data-positions-for="FCPR-Q50"]') as HTMLElement;
    expect(q50.textContent).toMatch(/advance excluded: the fund holds 4 % of .*, L\. 214-28 II 1° requires at least 5 %/);
    fireEvent.click(within(q50.querySelector('[data-row="49"]') as HTMLElement).getByText("FCPR-IS2-017"));
    await waitFor(() => expect(ops.select).toHaveBeenCalledWith("Holdings", "A49"));
  });

  it("highlights breaches, writes the report and removes the highlights on demand", async () => {
    const { ops, workbook } = setup();
    await waitFor(() => expect(fund("FCPR-IS2")).toBeTruthy());
    fireEvent.click(document.querySelector('[data-action="highlight"]')!);
    await waitFor(() => expect(ops.highlightBreaches).toHaveBeenCalledTimes(1));
    expect(workbook.highlighted.has(49)).toBe(true);
    fireEvent.click(document.querySelector('[data-action="report"]')!);
    await waitFor(() => expect(workbook.sheet("Quota report")).toBeDefined());
    expect(screen.getByRole("status").textContent).toMatch(/“Quota report” sheet was written/);
    fireEvent.click(document.querySelector('[data-action="highlight"]')!);
    await waitFor(() => expect(ops.clearHighlights).toHaveBeenCalledTimes(1));
    expect(workbook.highlighted.size).toBe(0);
  });

  it("re-checks after an edit in the tables, once, after a pause", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { ops, workbook } = setup();
      await waitFor(() => expect(fund("FCPR-RA3")).toBeTruthy());
      const header = workbook.sheet("Holdings")!.rows[0];
      const row = workbook.sheet("Holdings")!.rows.findIndex((r) => r[0] === "FCPR-RA3" && r[header.indexOf("assetClass")] === "CASH");
      act(() => {
        workbook.edit("Holdings", row, header.indexOf("assetClass"), "EQUITY");
        workbook.edit("Holdings", row, header.indexOf("costValue"), 3900000);
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      await waitFor(() => expect(ops.readTables).toHaveBeenCalledTimes(2));
      await waitFor(() => expect(fund("FCPR-RA3").querySelector("[data-status]")?.getAttribute("data-status")).toBe("pass"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("lists reading problems with a link that selects the offending cell", async () => {
    const { ops } = setup("en-US", (wb) => {
      const holdings = wb.sheet("Holdings")!;
      holdings.rows[4][holdings.rows[0].indexOf("costValue")] = "1,234";
    });
    await waitFor(() => expect(document.querySelector('[data-diagnostic="Holdings:5:costValue"]')).toBeTruthy());
    const d = document.querySelector('[data-diagnostic="Holdings:5:costValue"]') as HTMLElement;
    expect(d.textContent).toMatch(/“1,234”.*can be read as 1234 \(English\) or 1\.234 \(French\)/);
    fireEvent.click(within(d).getByText(/Go to cell F5/));
    await waitFor(() => expect(ops.select).toHaveBeenCalledWith("Holdings", "F5"));
  });

  it("speaks French when Office does", async () => {
    setup("fr-FR");
    await waitFor(() => expect(screen.getByRole("button", { name: "Contrôler" })).toBeTruthy());
    await waitFor(() => expect(fund("FCPR-IS2").textContent).toMatch(/dépassement/));
  });

  it("shows names from the workbook as text, never as markup", async () => {
    setup("en-US", (wb) => {
      const holdings = wb.sheet("Holdings")!;
      holdings.rows[1][holdings.rows[0].indexOf("issuerName")] = '<img src=x onerror="window.__pwned=1">';
    });
    await waitFor(() => expect(fund("FCPR-CC1")).toBeTruthy());
    fireEvent.click(within(fund("FCPR-CC1")).getByRole("button", { name: /Capital Croissance I/ }));
    fireEvent.click(within(fund("FCPR-CC1")).getByRole("button", { name: "FCPR-Q50" }));
    expect(fund("FCPR-CC1").textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(document.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
