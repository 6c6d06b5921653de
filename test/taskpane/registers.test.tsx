// @vitest-environment jsdom
import "../helpers/jsdom-setup";
import { cleanup, fireEvent, render, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SimulatedWorkbook, type Sheet } from "../../src/preview/simulated-workbook";
import { App } from "../../src/taskpane/App";
import type { WorkbookOperations } from "../../src/taskpane/operations";
import { tableFromValues } from "../../src/workbook/range-grid";
import { sampleSheets } from "../helpers/sample-sheets";

let sheets: Sheet[];
beforeAll(async () => {
  const grids = await sampleSheets();
  sheets = Object.entries(grids).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((c) => c ?? "")) }));
});
afterEach(cleanup);

function setup(language: string) {
  const workbook = new SimulatedWorkbook(structuredClone(sheets), async () => structuredClone(sheets));
  const ops = workbook.operations(language);
  const spied = Object.fromEntries(Object.entries(ops).map(([k, fn]) => [k, vi.fn(fn as (...a: unknown[]) => unknown)])) as unknown as WorkbookOperations &
    Record<string, ReturnType<typeof vi.fn>>;
  spied.loadSettings = vi.fn(async () => ({ asOf: "2025-12-31" }));
  // The registers of the sample, read as the add-in reads them (the browser preview shows the portfolio only).
  spied.readTables = vi.fn(async () => {
    const tables = await ops.readTables();
    for (const name of ["Subscribers", "Offers", "Trades"] as const) {
      const sheet = workbook.sheet(name);
      if (sheet) tables[name] = tableFromValues(name, sheet.rows, 1, 0, name);
    }
    return tables;
  });
  render(<App ops={spied} />);
  return spied;
}
const card = (id: string) => document.querySelector(`[data-fund="${id}"]`) as HTMLElement;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("the pane's register view, per fund and per issuer", () => {
  it("lists a fund's subscribers and trades failing rows first, with the decisive check and its article, and goes to the row", async () => {
    const ops = setup("en-US");
    await waitFor(() => expect(card("FCPR-IS2")).toBeTruthy());
    fireEvent.click(card("FCPR-IS2").querySelector("button") as HTMLElement);
    await waitFor(() => expect(card("FCPR-IS2").querySelector('[data-register="Subscribers"]')).toBeTruthy());
    const subscribers = card("FCPR-IS2").querySelector('[data-register="Subscribers"]') as HTMLElement;
    const statuses = [...subscribers.querySelectorAll<HTMLElement>("[data-row]")].map((r) => `${r.dataset.row}:${r.dataset.status}`);
    expect(statuses).toEqual(["4:breach", "2:pass", "3:pass", "5:pass"]);
    expect(text(subscribers.querySelector('[data-row="4"]'))).toMatch(/FCPRA-ELIG \(RG AMF 412-113 I\)/);
    const trades = card("FCPR-IS2").querySelector('[data-register="Trades"]') as HTMLElement;
    expect(text(trades.querySelector('[data-row="3"]'))).toMatch(/OTC-DEBT \(RG AMF 516-2 2° b\)\).*30000\.00 EUR, threshold > 30000\.00 EUR/);
    fireEvent.click(within(trades.querySelector('[data-row="3"]') as HTMLElement).getByText("OTC-002"));
    await waitFor(() => expect(ops.select).toHaveBeenCalledWith("Trades", "A3"));
  });

  it("shows the issuer after the funds, in French, its failing offer first with « D. 411-2-1 IV »", async () => {
    setup("fr-FR");
    await waitFor(() => expect(card("ISS-OFR")).toBeTruthy());
    fireEvent.click(card("ISS-OFR").querySelector("button") as HTMLElement);
    fireEvent.click(card("FCPR-IS2").querySelector("button") as HTMLElement);
    await waitFor(() => expect(card("ISS-OFR").querySelector('[data-register="Offers"]')).toBeTruthy());
    const offers = card("ISS-OFR").querySelector('[data-register="Offers"]') as HTMLElement;
    const first = offers.querySelector("[data-row]") as HTMLElement;
    expect(first.dataset.status).toBe("breach");
    expect(text(first)).toMatch(/Dépassement.*Offres sur douze mois inférieures à 8 M€ \(D\. 411-2-1 IV\)/);
    expect(text(card("ISS-OFR"))).toMatch(/OFF-12M/);
    expect(text(card("FCPR-IS2"))).toMatch(/FCPRA-ELIG \(texte historique\)/);
  });
});
