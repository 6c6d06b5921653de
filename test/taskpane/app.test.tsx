// @vitest-environment jsdom
import "../helpers/jsdom-setup";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SimulatedWorkbook, type Sheet } from "../../src/preview/simulated-workbook";
import { App } from "../../src/taskpane/App";
import { reason, ReasonError } from "../../src/engine/reasons";
import type { WorkbookOperations } from "../../src/taskpane/operations";
import { sampleSheets } from "../helpers/sample-sheets";

let sheets: Sheet[];
beforeAll(async () => {
  const grids = await sampleSheets();
  sheets = Object.entries(grids).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((c) => c ?? "")) }));
});
afterEach(cleanup);

/** The pane with the simulated workbook's operations, each one spied on. */
function setup(language = "en-US", mutate?: (wb: SimulatedWorkbook) => void, options: { empty?: boolean; asOf?: string } = {}) {
  const workbook = new SimulatedWorkbook(options.empty ? [] : structuredClone(sheets), async () => structuredClone(sheets));
  mutate?.(workbook);
  const ops = workbook.operations(language);
  const spied = Object.fromEntries(Object.entries(ops).map(([k, fn]) => [k, vi.fn(fn as (...a: unknown[]) => unknown)])) as unknown as WorkbookOperations & Record<string, ReturnType<typeof vi.fn>>;
  spied.loadSettings = vi.fn(async () => ({ asOf: options.asOf ?? "2025-12-31" }));
  render(<App ops={spied} />);
  return { workbook, ops: spied };
}

/** Makes one cost value of FCPR-CC1 unreadable, so its 50 % quota is incomplete. */
const unreadableCost = (wb: SimulatedWorkbook) => {
  const holdings = wb.sheet("Holdings")!;
  const row = holdings.rows.findIndex((r) => r[0] === "FCPR-CC1");
  holdings.rows[row][holdings.rows[0].indexOf("costValue")] = "abc";
};

/** Text as a reader sees it: the narrow and ordinary non-breaking spaces of French typography as spaces. */
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ");
const rows = () => [...document.querySelectorAll<HTMLElement>("[data-fund-row]")];
const row = (id: string) => document.querySelector(`[data-fund-row="${id}"]`) as HTMLElement;
const card = (id: string) => document.querySelector(`[data-fund="${id}"]`) as HTMLElement;

describe("summary of funds, worst first", () => {
  it("lists breaches, then incomplete, warning, pass and information, in the workbook's order within each", async () => {
    setup("en-US", unreadableCost);
    await waitFor(() => expect(rows()).toHaveLength(22));
    expect(rows().map((r) => `${r.dataset.fundRow}:${r.dataset.status}`)).toEqual([
      "FCPR-IS2:breach",
      "FCPI-DT6:breach",
      "FIP-GO7:breach",
      "FPCI-PE8:breach",
      "OPCI-PA9:breach",
      "FEED-AE11:breach",
      "SEF-FO13:breach",
      "SCPI-RE14:breach",
      "SICAF-CI15:breach",
      "FCPE-ES16:breach",
      "OPCVM-PM17:breach",
      "FIVG-RI18:breach",
      "OFS-DP19:breach",
      "FPS-PP20:breach",
      "SLP-CI21:breach",
      "SCR-IN22:breach",
      "FCPR-CC1:incomplete",
      "FCPR-RA3:warning",
      "FCPR-NV4:pass",
      "FCPR-IM5:pass",
      "OPCI-LG10:pass",
      "FIA-MF12:info",
    ]);
  });

  it("shows each fund's worst rule, its ratio against the threshold with the law's operator, and the amount to cure", async () => {
    setup("en-US");
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    expect(text(row("FCPR-IS2"))).toContain("FCPR-Q50 · 40.00% against ≥ 50%");
    expect(text(row("FCPR-IS2"))).toContain("To cure: €2,500,000.00");
    // A maximum: the operator is the rule's own (≤), and the region rule is further beyond its limit than the quota.
    expect(row("FIP-GO7").dataset.worstRule).toBe("FIP-REG25");
    expect(text(row("FIP-GO7"))).toContain("31.00% against ≤ 25%");
    expect(text(row("FIP-GO7"))).toContain("To cure: €1,200,000.00");
    // A closed list failed while the 15 % limit holds: the row names what to cure, not the limit's ratio.
    expect(text(row("FEED-AE11"))).toContain("OPCVM-FEED15 · 1 position at issue");
    expect(text(row("FEED-AE11"))).toContain("To cure: €900,000.00");
    expect(text(row("FEED-AE11"))).not.toMatch(/Headroom|against ≤ 15%/);
    expect(text(row("FCPR-RA3"))).toContain("Headroom: €500,000.00");
  });

  it("speaks French: words of the trade, 1 234 567,89 € and the as-of date as 31/12/2025", async () => {
    setup("fr-FR", unreadableCost);
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    expect(text(row("FCPR-IS2"))).toContain("Dépassement");
    expect(text(row("FCPR-IS2"))).toContain("FCPR-Q50 · 40,00 % (seuil : au moins 50 %)");
    expect(text(row("FCPR-IS2"))).toContain("Montant à régulariser : 2 500 000,00 €");
    expect(text(row("FCPR-CC1"))).toContain("Incomplet");
    expect(text(row("FCPR-RA3"))).toContain("À surveiller");
    expect(text(row("FCPR-RA3"))).toContain("Marge : 500 000,00 €");
    // French typography: a non-breaking space before the colon, a narrow one inside numbers and before %.
    expect(row("FCPR-IS2").textContent).toContain("régulariser\u00a0: 2\u202f500\u202f000,00\u00a0€");
    expect(text(document.querySelector("[data-as-of]"))).toContain("Arrêté au 31/12/2025");
    expect(text(document.body)).not.toMatch(/Signaler|base COST|0 incomplets/);
    expect(screen.getByRole("button", { name: "Surligner les dépassements" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Générer le rapport" })).toBeTruthy();
  });
});

describe("counts in funds and in rules", () => {
  it("counts funds in breach out of all funds, and the rules, in English", async () => {
    setup("en-US");
    await waitFor(() => expect(document.querySelector("[data-headline]")).toBeTruthy());
    // 19 portfolio rules, FCPR-IS2's two register rules and the issuer's OFF-12M in breach (as the command counts them).
    expect(text(document.querySelector("[data-headline]"))).toBe("16 funds in breach out of 22 · 1 issuer in breach · 22 rules");
    expect(text(document.querySelector("[data-secondary]"))).toBe("No incomplete fund · 3 funds to watch (3 rules)");
  });

  it("writes the plurals the French way, with no “0 incomplets”", async () => {
    setup("fr-FR");
    await waitFor(() => expect(document.querySelector("[data-headline]")).toBeTruthy());
    expect(text(document.querySelector("[data-headline]"))).toBe("16 fonds en dépassement sur 22 · 1 émetteur en dépassement · 22 règles");
    expect(text(document.querySelector("[data-secondary]"))).toBe("Aucun fonds incomplet · 3 fonds à surveiller (3 règles)");
  });

  it("agrees the singular: one incomplete fund, one rule", async () => {
    setup("fr-FR", unreadableCost);
    await waitFor(() => expect(row("FCPR-CC1")?.dataset.status).toBe("incomplete"));
    expect(text(document.querySelector("[data-secondary]"))).toBe("1 fonds incomplet (1 règle) · 3 fonds à surveiller (3 règles)");
    cleanup();
    setup("en-US", unreadableCost);
    await waitFor(() => expect(row("FCPR-CC1")?.dataset.status).toBe("incomplete"));
    expect(text(document.querySelector("[data-secondary]"))).toBe("1 incomplete fund (1 rule) · 3 funds to watch (3 rules)");
  });

  it("never says « aucun dépassement » while an issuer's offers are in breach", async () => {
    setup("fr-FR", (wb) => {
      wb.sheets.find((s) => s.name === "Funds")!.rows.splice(2);
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(text(document.querySelector("[data-headline]"))).toBe("1 émetteur en dépassement · 1 règle");
  });

  it("says when nothing is in breach", async () => {
    setup("fr-FR", (wb) => {
      wb.sheets.find((s) => s.name === "Funds")!.rows.splice(2);
      wb.sheets.find((s) => s.name === "Offers")!.rows.splice(1);
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(text(document.querySelector("[data-headline]"))).toBe("Aucun dépassement sur 1 fonds");
  });
});

describe("drill-down and keyboard", () => {
  it("opens a fund's rules from its summary row, moves the focus there, and goes on to positions and the sheet row", async () => {
    const { ops } = setup();
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    expect(card("FCPR-IS2").querySelector("[data-rule]")).toBeNull();
    fireEvent.click(row("FCPR-IS2"));
    await waitFor(() => expect(card("FCPR-IS2").querySelector('[data-rule="FCPR-Q50"]')).toBeTruthy());
    await waitFor(() => expect(document.activeElement).toBe(card("FCPR-IS2").querySelector("button")));
    fireEvent.click(within(card("FCPR-IS2")).getByRole("button", { name: "FCPR-CCA15" }));
    const list = card("FCPR-IS2").querySelector('[data-positions-for="FCPR-CCA15"]') as HTMLElement;
    expect(list.textContent).toMatch(/L\. 214-28 II 1° · not an advance allowed by II 1°/);
    fireEvent.click(within(card("FCPR-IS2")).getByRole("button", { name: "FCPR-Q50" }));
    const q50 = card("FCPR-IS2").querySelector('[data-positions-for="FCPR-Q50"]') as HTMLElement;
    expect(q50.textContent).toMatch(/advance excluded: the fund holds 4 % of .*, L\. 214-28 II 1° requires at least 5 %/);
    fireEvent.click(within(q50.querySelector('[data-row="49"]') as HTMLElement).getByText("FCPR-IS2-017"));
    await waitFor(() => expect(ops.select).toHaveBeenCalledWith("Holdings", "A49"));
  });

  it("makes every summary row a native button in the tab order, worst first, so Enter and Space open it", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(22));
    for (const r of rows()) {
      expect(r.tagName).toBe("BUTTON");
      expect(r.getAttribute("type")).toBe("button");
      expect(r.tabIndex).toBe(0);
    }
    // Tab order follows the document: the summary comes before the actions and the detail cards.
    const focusables = [...document.querySelectorAll<HTMLElement>("button, a[href], input, select, [tabindex]")].filter((e) => e.tabIndex >= 0);
    const firstRow = focusables.indexOf(rows()[0]);
    const highlight = focusables.indexOf(document.querySelector('[data-action="highlight"]') as HTMLElement);
    expect(firstRow).toBeGreaterThan(focusables.indexOf(document.querySelector('[data-action="check"]') as HTMLElement));
    expect(firstRow).toBeLessThan(highlight);
  });

  it("keeps the legend: an icon and a word for each status, and what the highlighted rows mean", async () => {
    setup("fr-FR");
    await waitFor(() => expect(document.querySelector("[data-legend]")).toBeTruthy());
    const legend = document.querySelector("[data-legend]") as HTMLElement;
    for (const status of ["breach", "incomplete", "warning", "pass", "not-binding"]) expect(legend.querySelector(`[data-legend-status="${status}"] [data-icon="${status}"]`)).toBeTruthy();
    expect(text(legend)).toContain("Non applicable à cette date");
    expect(text(legend.querySelector("[data-legend-highlight]"))).toContain("Lignes surlignées dans la feuille Holdings");
    // Every status shows its own icon shape, not only a colour.
    const shapes = new Set(["breach", "incomplete", "warning", "pass", "not-binding"].map((s) => legend.querySelector(`[data-icon="${s}"]`)!.innerHTML.replace(/fill="[^"]*"|stroke="[^"]*"/g, "")));
    expect(shapes.size).toBe(5);
  });

  it("has no accessibility violation that axe-core finds in the summary", async () => {
    setup("fr-FR", unreadableCost);
    await waitFor(() => expect(rows()).toHaveLength(22));
    // jsdom has no layout: axe leaves colour contrast to the browser test.
    const result = await axe.run(document.body, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"], rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("what to cure, in its unit, and how the ratio was reached", () => {
  it("lists each condition of a rule and which failed, with the amount to cure", async () => {
    setup("fr-FR");
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    fireEvent.click(row("FCPR-IS2"));
    await waitFor(() => expect(card("FCPR-IS2").querySelector('[data-rule="FCPR-CCA15"]')).toBeTruthy());
    const rule = card("FCPR-IS2").querySelector('[data-rule="FCPR-CCA15"]') as HTMLElement;
    expect(rule.querySelector('[data-condition="limit-15"] [data-status]')?.getAttribute("data-status")).toBe("pass");
    const gate = rule.querySelector('[data-condition="gate-5"]') as HTMLElement;
    expect(gate.dataset.failed).toBe("true");
    expect(text(gate)).toContain("Montant à régulariser : 400 000,00 €");
    expect(text(rule.querySelector("[data-headroom]"))).toBe("Montant à régulariser : 400 000,00 €");
  });

  it("counts the FIP holder caps in units of the fund, never in euros", async () => {
    setup("fr-FR");
    await waitFor(() => expect(row("FIP-GO7")).toBeTruthy());
    fireEvent.click(row("FIP-GO7"));
    await waitFor(() => expect(card("FIP-GO7").querySelector('[data-rule="FIP-H20"]')).toBeTruthy());
    expect(text(card("FIP-GO7").querySelector('[data-rule="FIP-H20"] [data-headroom]'))).toBe("Marge : 600 parts");
    expect(card("FIP-GO7").querySelector('[data-rule="FIP-H20"]')?.textContent).not.toContain("€");
  });

  it("reconciles the fund's holdings to the rule's numerator and denominator, line by line", async () => {
    setup("fr-FR");
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    fireEvent.click(row("FCPR-IS2"));
    await waitFor(() => expect(card("FCPR-IS2").querySelector('[data-rule="FCPR-Q50"]')).toBeTruthy());
    fireEvent.click(within(card("FCPR-IS2")).getByRole("button", { name: "FCPR-Q50" }));
    const table = card("FCPR-IS2").querySelector("[data-reconciliation]") as HTMLElement;
    expect(text(table.querySelector("caption"))).toContain("Rapprochement");
    const amounts = [...table.querySelectorAll("[data-reconciliation-line]:not([data-adjustment]) td:last-child")].map((td) => Number(text(td).replace(/[ €]/g, "").replace(",", ".")));
    const total = Number(text(table.querySelector("tr td:last-child")).replace(/[ €]/g, "").replace(",", "."));
    expect(total).toBe(23300000);
    // Shown as the engine computed them: the lines add up to the fund's total.
    expect(Math.round(amounts.reduce((a, b) => a + b, 0) * 100)).toBe(total * 100);
    expect(text(table.querySelector("[data-reconciliation-numerator]"))).toBe("Numérateur10 000 000,00 €");
  });
});

describe("as-of date", () => {
  it("shows the date used and, blank, the last month-end; a fund's own closing dates are one click away", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(2026, 11, 2, 9, 0) });
    try {
      const { ops } = setup("fr-FR", undefined, { asOf: "" });
      await waitFor(() => expect(document.querySelector("[data-as-of]")?.getAttribute("data-as-of")).toBe("2026-11-30"));
      expect(text(document.querySelector("[data-as-of]"))).toBe("Arrêté au 30/11/2026 (dernière fin de mois)");
      // FCPR-CC1 closes its first year on 30/06/2023: its year-end before today is 30/06/2026, its half-year end 31/12/2025.
      const yearEnd = document.querySelector('[data-as-of-choice="2026-06-30"]') as HTMLElement;
      expect(text(yearEnd)).toBe("Clôture 30/06/2026");
      expect(yearEnd.getAttribute("title")).toContain("Capital Croissance I");
      fireEvent.click(yearEnd);
      await waitFor(() => expect(document.querySelector("[data-as-of]")?.getAttribute("data-as-of")).toBe("2026-06-30"));
      expect(text(document.querySelector("[data-as-of]"))).toBe("Arrêté au 30/06/2026 (date choisie)");
      expect(ops.readTables).toHaveBeenCalledTimes(2);
      fireEvent.click(document.querySelector('[data-as-of-choice="default"]') as HTMLElement);
      await waitFor(() => expect(document.querySelector("[data-as-of]")?.getAttribute("data-as-of")).toBe("2026-11-30"));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("first run", () => {
  it("offers an empty template or the sample instead of errors when there is no Funds or Holdings table", async () => {
    const { ops, workbook } = setup("fr-FR", undefined, { empty: true });
    await waitFor(() => expect(document.querySelector("[data-first-run]")).toBeTruthy());
    expect(document.querySelector('[role="list"][aria-label="Anomalies de lecture"]')).toBeNull();
    expect(document.querySelector(".fui-MessageBar")).toBeNull();
    expect(screen.getByRole("button", { name: "Insérer un modèle vierge" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ouvrir l'exemple" }));
    await waitFor(() => expect(ops.openSample).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(rows()).toHaveLength(22));
    expect(workbook.samplesOpened).toBe(1);
  });

  it("says in French why an action failed, from the failure's reason code", async () => {
    const { ops } = setup("fr-FR", undefined, { empty: true });
    (ops.openSample as unknown as ReturnType<typeof vi.fn>).mockImplementation(async () => {
      throw new ReasonError(reason("api-unsupported", { api: "ExcelApi", version: "1.8" }), "This version of Excel cannot open a new workbook from an add-in (ExcelApi 1.8).");
    });
    await waitFor(() => expect(document.querySelector("[data-first-run]")).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Ouvrir l'exemple" }));
    await waitFor(() => expect(document.querySelector(".fui-MessageBar")).toBeTruthy());
    const shown = text(document.querySelector(".fui-MessageBar"));
    expect(shown).toContain("cette version d'Excel ne le permet pas : il faut ExcelApi 1.8");
    expect(shown).not.toMatch(/cannot|workbook/);
  });

  it("inserts the template on new sheets in the pane's language, then asks for the funds", async () => {
    const { ops, workbook } = setup("fr-FR", undefined, { empty: true });
    await waitFor(() => expect(document.querySelector("[data-first-run]")).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Insérer un modèle vierge" }));
    await waitFor(() => expect(ops.insertTemplate).toHaveBeenCalledWith("fr"));
    expect(workbook.sheet("Funds")!.rows[0]).toContain("Code fonds");
    await waitFor(() => expect(text(document.body)).toContain("Les tableaux Funds et Holdings sont en place"));
    expect(document.querySelector("[data-first-run]")).toBeNull();
  });
});

describe("actions on the sheet", () => {
  it("highlights breaches, writes the report and removes the highlights on demand", async () => {
    const { ops, workbook } = setup();
    await waitFor(() => expect(row("FCPR-IS2")).toBeTruthy());
    fireEvent.click(document.querySelector('[data-action="highlight"]')!);
    await waitFor(() => expect(ops.highlightBreaches).toHaveBeenCalledTimes(1));
    expect(workbook.highlighted.has(49)).toBe(true);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/rows? of Holdings highlighted/));
    fireEvent.click(document.querySelector('[data-action="report"]')!);
    await waitFor(() => expect(workbook.sheet("Quota report")).toBeDefined());
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/“Quota report” sheet was written/));
    fireEvent.click(document.querySelector('[data-action="highlight"]')!);
    await waitFor(() => expect(ops.clearHighlights).toHaveBeenCalledTimes(1));
    expect(workbook.highlighted.size).toBe(0);
  });

  it("re-checks after an edit in the tables, once, after a pause", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { ops, workbook } = setup();
      await waitFor(() => expect(row("FCPR-RA3")).toBeTruthy());
      const header = workbook.sheet("Holdings")!.rows[0];
      const r = workbook.sheet("Holdings")!.rows.findIndex((x) => x[0] === "FCPR-RA3" && x[header.indexOf("assetClass")] === "CASH");
      act(() => {
        workbook.edit("Holdings", r, header.indexOf("assetClass"), "EQUITY");
        workbook.edit("Holdings", r, header.indexOf("costValue"), 3900000);
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      await waitFor(() => expect(ops.readTables).toHaveBeenCalledTimes(2));
      await waitFor(() => expect(row("FCPR-RA3").dataset.status).toBe("pass"));
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

  it("in French, explains rule messages, exclusions and reading problems in French", async () => {
    setup("fr-FR", (wb) => {
      const holdings = wb.sheet("Holdings")!;
      holdings.rows[4][holdings.rows[0].indexOf("costValue")] = "1,234";
    });
    await waitFor(() => expect(document.querySelector('[data-diagnostic="Holdings:5:costValue"]')).toBeTruthy());
    const d = document.querySelector('[data-diagnostic="Holdings:5:costValue"]') as HTMLElement;
    expect(text(d)).toMatch(/« 1,234 » peut se lire 1 234 .* ou 1,234 \(virgule décimale\)/);
    fireEvent.click(row("FCPR-IS2"));
    await waitFor(() => expect(card("FCPR-IS2").querySelector('[data-rule="FCPR-Q50"]')).toBeTruthy());
    expect(text(card("FCPR-IS2"))).toContain("avance en compte courant exclue : le fonds détient 4 % du capital de");
    fireEvent.click(within(card("FCPR-IS2")).getByRole("button", { name: "FCPR-Q50" }));
    const q50 = card("FCPR-IS2").querySelector('[data-positions-for="FCPR-Q50"]') as HTMLElement;
    expect(text(q50)).toContain("titre non coté ou parts de SARL");
    expect(text(q50)).not.toMatch(/\b(advance|excluded|unlisted|the fund)\b/);
  });

  it("names the column by the user's own header, as the command line does, for the reader's and the engine's problems", async () => {
    setup("fr-FR", (wb) => {
      const holdings = wb.sheet("Holdings")!;
      const h = holdings.rows[0];
      h[h.indexOf("costValue")] = "Prix de revient";
      holdings.rows[4][h.indexOf("Prix de revient")] = "abc";
      // A blank cost on a fund measured at cost: the engine's "value needed", on another row.
      holdings.rows[6][h.indexOf("Prix de revient")] = "";
    });
    await waitFor(() => expect(document.querySelector('[data-diagnostic="Holdings:5:costValue"]')).toBeTruthy());
    const unreadable = document.querySelector('[data-diagnostic="Holdings:5:costValue"]') as HTMLElement;
    expect(text(unreadable)).toContain("colonne « Prix de revient »");
    expect(text(unreadable)).not.toContain("costValue");
    const needed = document.querySelector('[data-diagnostic="Holdings:7:costValue"]') as HTMLElement;
    expect(needed).toBeTruthy();
    expect(text(needed)).toContain("colonne « Prix de revient »");
    expect(text(needed)).not.toContain("costValue");
  });

  it("shows names from the workbook as text, never as markup", async () => {
    setup("en-US", (wb) => {
      const holdings = wb.sheet("Holdings")!;
      holdings.rows[1][holdings.rows[0].indexOf("issuerName")] = '<img src=x onerror="window.__pwned=1">';
    });
    await waitFor(() => expect(row("FCPR-CC1")).toBeTruthy());
    fireEvent.click(row("FCPR-CC1"));
    await waitFor(() => expect(within(card("FCPR-CC1")).getByRole("button", { name: "FCPR-Q50" })).toBeTruthy());
    fireEvent.click(within(card("FCPR-CC1")).getByRole("button", { name: "FCPR-Q50" }));
    expect(card("FCPR-CC1").textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(document.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
