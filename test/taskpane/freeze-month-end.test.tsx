// @vitest-environment jsdom
import "../helpers/jsdom-setup";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SimulatedWorkbook } from "../../src/preview/simulated-workbook";
import { App } from "../../src/taskpane/App";
import type { WorkbookOperations } from "../../src/taskpane/operations";
import { sampleSheets } from "../helpers/sample-sheets";

afterEach(cleanup);

async function pane(language: string, withFreeze: boolean) {
  const grids = await sampleSheets();
  const sheets = Object.entries(grids).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((c) => c ?? "")) }));
  const ops: WorkbookOperations = new SimulatedWorkbook(sheets, async () => sheets).operations(language);
  ops.loadSettings = async () => ({ asOf: "2025-12-31" });
  const freeze = vi.fn(async () => 42);
  if (withFreeze) ops.freezeMonthEnd = freeze;
  render(<App ops={ops} />);
  await waitFor(() => expect(document.querySelector("[data-fund-row]")).toBeTruthy());
  return freeze;
}

describe("Freeze month-end in the pane", () => {
  it("hands the checked report to the workbook in the pane's language and says what it did, in French", async () => {
    const freeze = await pane("fr-FR", true);
    const button = document.querySelector<HTMLButtonElement>('[data-action="freeze"]')!;
    expect(button.textContent).toBe("Figer la fin de mois");
    fireEvent.click(button);
    await waitFor(() => expect(freeze).toHaveBeenCalledTimes(1));
    const [report, language] = freeze.mock.calls[0] as unknown as [{ asOf: string }, string];
    expect(report.asOf).toBe("2025-12-31");
    expect(language).toBe("fr");
    await waitFor(() => expect(screen.getByRole("status").textContent?.replace(/[\u00a0\u202f]/g, " ")).toContain("Fin de mois du 31/12/2025 figée : 42 ratios"));
  });

  it("is not offered where the host keeps no history (the browser preview)", async () => {
    await pane("en-US", false);
    expect(document.querySelector('[data-action="freeze"]')).toBeNull();
  });
});
