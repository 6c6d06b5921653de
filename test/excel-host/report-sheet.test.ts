import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/engine/result";
import { writeReportSheet } from "../../src/excel/report-sheet";
import { createExcelHost, type ExcelHost } from ".";

let host: ExcelHost | undefined;
afterEach(() => host?.uninstall());

const report: Report = {
  asOf: "2025-12-31",
  funds: [
    {
      fundId: "F1",
      fundName: '=HYPERLINK("http://evil.example","click")',
      fundType: "FCPR",
      basis: "COST",
      status: "breach",
      rules: [
        {
          id: "FCPR-Q50",
          article: "L. 214-28 I",
          direction: "min",
          threshold: 0.5,
          value: 0.4,
          numerator: "400.00",
          denominator: "1000.00",
          status: "breach",
          headroom: "-100.00",
        },
      ],
      diagnostics: [],
      positions: [
        {
          row: 2,
          lineId: "@SUM(A1)",
          issuerName: "<img src=x onerror=alert(1)>",
          amount: "400.00",
          counted: [
            { rule: "FCPR-Q50", amount: "400.00", article: "L. 214-28 I" },
          ],
          excluded: [],
        },
      ],
    },
  ],
  diagnostics: [],
  summary: {
    funds: 1,
    rules: 1,
    breaches: 1,
    warnings: 0,
    incomplete: 0,
    diagnostics: 0,
  },
};

describe("the report sheet on the strict host", () => {
  it("writes text cells as text: a name that looks like a formula stays a string (Excel parses text written to a General cell)", async () => {
    host = createExcelHost().install();
    host.workbook.addSheet("Holdings");
    await host.run((c) => writeReportSheet(c, report, "2026-01-05 09:00"));
    const rules = host.workbook.table("QuotaReportRules");
    const sheet = rules.sheet;
    expect(sheet.name).toBe("Quota report");
    const row = rules.bodyRect.r0;
    expect(sheet.cell(row, 1)).toBe(
      '=HYPERLINK("http://evil.example","click")',
    );
    expect(sheet.format(row, 1)).toBe("@");
    expect(sheet.cell(row, 5)).toBe(0.4);
    const positions = host.workbook.table("QuotaReportPositions");
    expect(sheet.cell(positions.bodyRect.r0, 2)).toBe("@SUM(A1)");
    expect(sheet.charts).toHaveLength(1);
  });
});

describe("the report sheet's reconciliation, on the strict host", () => {
  it("writes every rule's reconciliation as a table whose amounts lead to the numerator and denominator", async () => {
    const detailed: Report = JSON.parse(JSON.stringify(report));
    detailed.funds[0].rules[0].reconciliation = {
      unit: "EUR",
      total: "1000.00",
      lines: [
        {
          reason: "counted",
          label: { en: "Counted in the numerator", fr: "Retenu au numérateur" },
          article: "L. 214-28 I",
          amount: "400.00",
          count: 1,
          numerator: true,
          denominator: true,
        },
        {
          reason: "outside-rule",
          label: { en: "Not examined by the rule", fr: "Hors du champ de la règle" },
          amount: "600.00",
          count: 3,
          numerator: false,
          denominator: true,
        },
      ],
      adjustments: [],
      numerator: "400.00",
      denominator: "1000.00",
    };
    host = createExcelHost().install();
    host.workbook.addSheet("Holdings");
    await host.run((c) => writeReportSheet(c, detailed, "2026-01-05 09:00"));
    const table = host.workbook.table("QuotaReportReconciliation");
    // Total, two lines, numerator, denominator.
    expect(table.bodyRows).toBe(5);
    const sheet = table.sheet;
    const r0 = table.bodyRect.r0;
    const amounts = [0, 1, 2, 3, 4].map((i) => sheet.cell(r0 + i, 6));
    expect(amounts).toEqual([1000, 400, 600, 400, 1000]);
    expect(sheet.cell(r0 + 1, 4)).toBe("counted");
  });
});

describe("the report sheet in French, on the strict host", () => {
  it("writes headers, statuses, outcome words and dates as a French fund accountant reads them", async () => {
    host = createExcelHost().install();
    host.workbook.addSheet("Holdings");
    await host.run((c) =>
      writeReportSheet(c, report, "05/01/2026 10:00", "fr"),
    );
    const rules = host.workbook.table("QuotaReportRules");
    const sheet = rules.sheet;
    const header = rules.bodyRect.r0 - 1;
    expect(sheet.cell(header, 0)).toBe("Fonds");
    expect(sheet.cell(header, 7)).toBe("Statut");
    expect(sheet.cell(header, 8)).toBe("Marge");
    expect(sheet.cell(rules.bodyRect.r0, 7)).toBe("Dépassement");
    expect(String(sheet.cell(0, 0))).toContain("au 31/12/2025");
    const positions = host.workbook.table("QuotaReportPositions");
    expect(sheet.cell(positions.bodyRect.r0 - 1, 7)).toBe("Traitement");
    expect(sheet.cell(positions.bodyRect.r0, 7)).toBe("retenue");
    expect(String(sheet.cell(positions.bodyRect.r0, 9))).toMatch(/^400,00\s€/);
  });
});

describe("the report sheet's reading problems, on the strict host", () => {
  it("names each column by the user's own header, as the command line does, with the cell to go to", async () => {
    const withProblem: Report = structuredClone(report);
    const fund = withProblem.funds[0];
    fund.diagnostics = [
      {
        severity: "error",
        table: "Holdings",
        row: 3,
        column: "costValue",
        header: "Prix de revient",
        value: "abc",
        sheet: "Holdings",
        cell: "F3",
        message: '"abc" is not an amount.',
        code: "cell-unreadable",
        facts: { value: "abc", expected: "money", column: "costValue", header: "Prix de revient" },
      },
    ];
    fund.positions!.push({ row: 3, lineId: "L3", amount: null, counted: [], excluded: [], unreadable: ["costValue"] });
    host = createExcelHost().install();
    host.workbook.addSheet("Holdings");
    await host.run((c) => writeReportSheet(c, withProblem, "05/01/2026 10:00", "fr"));
    const problems = host.workbook.table("QuotaReportDiagnostics");
    const sheet = problems.sheet;
    const top = problems.bodyRect.r0;
    expect(sheet.cell(top - 1, 3)).toBe("Colonne");
    expect(sheet.cell(top, 3)).toBe("Prix de revient");
    expect(sheet.cell(top, 5)).toBe("F3");
    expect(String(sheet.cell(top, 7))).toMatch(/^«\sabc\s» n'est pas un montant/);
    const positions = host.workbook.table("QuotaReportPositions");
    expect(sheet.cell(positions.bodyRect.r0 + 1, 7)).toBe("illisible");
    expect(sheet.cell(positions.bodyRect.r0 + 1, 9)).toBe("Prix de revient");
  });
});
