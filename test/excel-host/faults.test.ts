import { afterEach, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Report } from "../../src/engine/result";
import { excelOperations } from "../../src/excel/excel-operations";
import { BREACH_NAME_PREFIX } from "../../src/excel/highlight";
import { ROLE_KEY, STATE_KEY } from "../../src/excel/own-sheets";
import { readTables } from "../../src/excel/read-tables";
import { writeReportSheet } from "../../src/excel/report-sheet";
import { readWorkbook } from "../../src/workbook/read-workbook";
import {
  createExcelHost,
  type ExcelHost,
  holdingsRows,
  workbookWithHoldings,
} from ".";
import type { HostCell } from "./workbook";

const AS_OF = "2025-12-31";
let host: ExcelHost | undefined;
afterEach(() => host?.uninstall());

async function setUp(n = 300, options = {}) {
  host = (await workbookWithHoldings(n, options)).install();
  const ops = excelOperations();
  const tables = await ops.readTables();
  const report = checkWorkbook(readWorkbook(tables), {
    asOf: AS_OF,
    positions: true,
  });
  return { host, ops, report };
}

const role = (h: ExcelHost, r: string) =>
  h.workbook.sheets.filter(
    (s) => s.customProperties.get(ROLE_KEY.toLowerCase())?.value === r,
  );

/** The workbook holds one report, complete and visible, no staging sheet, no TableN. */
function expectOneCompleteReport(h: ExcelHost, report: Report) {
  expect(role(h, "report-staging")).toEqual([]);
  const reports = role(h, "report");
  expect(reports).toHaveLength(1);
  expect(reports[0].visibility).toBe("Visible");
  expect(reports[0].customProperties.has(STATE_KEY.toLowerCase())).toBe(false);
  // The reading problems get their table only when there are some.
  const problems =
    report.diagnostics.length +
    report.funds.reduce((k, f) => k + f.diagnostics.length, 0);
  expect(h.workbook.tables.map((t) => t.name).sort()).toEqual(
    [
      "Funds",
      "Holders",
      "Holdings",
      ...(problems ? ["QuotaReportDiagnostics"] : []),
      "QuotaReportPositions",
      "QuotaReportReconciliation",
      "QuotaReportRules",
    ].sort(),
  );
  const rules = h.workbook.table("QuotaReportRules");
  expect(rules.sheet).toBe(reports[0]);
  expect(rules.bodyRows).toBe(
    report.funds.reduce((s, f) => s + f.rules.length, 0),
  );
  expect(h.workbook.sheets.some((s) => /writing/.test(s.name))).toBe(false);
}

describe("a fault in the middle of a write leaves nothing half-built (scripted failing sync)", () => {
  it("Write report: whichever request fails, the workbook keeps the previous report or the new one, complete, and no debris", async () => {
    const { host: h, ops, report } = await setUp();
    await ops.writeReport(report);
    h.clearRequests();
    await ops.writeReport(report);
    const requests = h.requests.length;
    expect(requests).toBeGreaterThan(5);
    for (let n = 1; n <= requests; n++) {
      const marker = `run ${n}`;
      h.failRequest(n);
      await h
        .run((c) => writeReportSheet(c, report, marker))
        .catch(() => undefined);
      expectOneCompleteReport(h, report);
      // The report on the sheet is either the previous one or this run's.
      h.clearRequests();
    }
  });

  it("Write report: a fault that persists leaves the previous report; the next run cleans up what was left", async () => {
    const { host: h, ops, report } = await setUp();
    await ops.writeReport(report);
    // The staging sheet is built, then every later request fails (the recovery too).
    for (let k = 8; k < 40; k++) h.failRequest(k, { afterActions: 0 });
    await expect(
      h.run((c) => writeReportSheet(c, report, "broken")),
    ).rejects.toBeTruthy();
    expect(role(h, "report")).toHaveLength(1);
    h.clearRequests();
    await ops.writeReport(report);
    expectOneCompleteReport(h, report);
  });

  it("Highlight: whichever request fails, the rows painted are still exactly the breaching ones", async () => {
    const { host: h, ops, report } = await setUp();
    await ops.highlightBreaches(report);
    const expected = h.workbook.sheet("Holdings").paintedRows();
    expect(expected.size).toBeGreaterThan(0);
    h.clearRequests();
    await ops.highlightBreaches(report);
    const requests = h.requests.length;
    for (let n = 1; n <= requests; n++) {
      h.clearRequests();
      h.failRequest(n, { afterActions: 0 });
      h.failRequest(n + 1, { afterActions: 0 });
      h.failRequest(n + 2, { afterActions: 0 });
      await ops.highlightBreaches(report).catch(() => undefined);
      expect(h.workbook.sheet("Holdings").paintedRows()).toEqual(expected);
    }
    h.clearRequests();
    await ops.highlightBreaches(report);
    expect(
      h.workbook
        .sheet("Holdings")
        .conditionalFormats.filter((cf) =>
          cf.formula?.includes(BREACH_NAME_PREFIX),
        ),
    ).toHaveLength(1);
  });

  it("a failed read chunk is retried; one that keeps failing is reported with its table and rows", async () => {
    host = (await workbookWithHoldings(2000)).install();
    const h = host;
    h.failRequest(4);
    const ok = await h.run((c) => readTables(c));
    expect(ok.tables.Holdings!.rows).toHaveLength(2000);
    expect(h.requests.some((r) => r.outcome === "GeneralException")).toBe(true);
    h.clearRequests();
    for (const k of [4, 5, 6]) h.failRequest(k, { afterActions: 0 });
    await expect(h.run((c) => readTables(c))).rejects.toThrow(
      /rows 1–500 of Holdings/,
    );
  });
});

describe("what Excel does that a stand-in forgives", () => {
  it("a renamed report sheet is found by its id and keeps its new name; tables keep their names", async () => {
    const { host: h, ops, report } = await setUp();
    await ops.writeReport(report);
    h.workbook.sheet("Quota report").name = "Rapport quotas";
    await ops.writeReport(report);
    expect(role(h, "report").map((s) => s.name)).toEqual(["Rapport quotas"]);
    expect(h.workbook.findSheet("Quota report")).toBeUndefined();
    expectOneCompleteReport(h, report);
  });

  it("a user's sheet named like the report is never touched", async () => {
    const { host: h, ops, report } = await setUp();
    h.workbook.addSheet("Quota report", [["my own notes"]]);
    await ops.writeReport(report);
    expect(h.workbook.sheet("Quota report").cell(0, 0)).toBe("my own notes");
    expect(role(h, "report").map((s) => s.name)).toEqual(["Quota report 2"]);
  });

  it("re-checks wait for the user to leave cell-edit mode (delayForCellEdit) instead of failing", async () => {
    const { host: h, ops } = await setUp(50);
    h.cellEditMode = true;
    await expect(h.run((c) => readTables(c))).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    const tables = await ops.readTables();
    expect(tables.Holdings!.rows).toHaveLength(50);
  });

  it("a 1904 workbook reads the same dates as its 1900 twin", async () => {
    const a = await setUp(300);
    const dates1900 = readWorkbook(await a.ops.readTables()).holdings.map(
      (x) => x.investmentDate,
    );
    a.host.uninstall();
    const b = await setUp(300, { date1904: true });
    expect(b.host.workbook.date1904).toBe(true);
    const dates1904 = readWorkbook(await b.ops.readTables()).holdings.map(
      (x) => x.investmentDate,
    );
    expect(dates1904).toEqual(dates1900);
    expect(dates1900.filter(Boolean).length).toBeGreaterThan(100);
  });

  it("an Excel table's totals row is never read as a holding", async () => {
    const { host: h, ops } = await setUp(300, { totalsRow: true });
    expect(h.workbook.table("Holdings").showTotals).toBe(true);
    const model = readWorkbook(await ops.readTables());
    expect(model.holdings).toHaveLength(300);
    expect(model.diagnostics.some((d) => /totals/i.test(d.message))).toBe(
      false,
    );
  });

  it("a plain sheet's totals row is excluded with a warning naming the row", async () => {
    const { ops } = await setUp(300, { as: "sheets", totalsRow: true });
    const model = readWorkbook(await ops.readTables());
    expect(model.holdings).toHaveLength(300);
    const d = model.diagnostics.find(
      (x) => x.table === "Holdings" && x.row === 302,
    );
    expect(d).toMatchObject({ severity: "warning", value: "Total" });
  });

  it("an error value in a cell becomes a diagnostic naming the cell, and the row is kept", async () => {
    host = (await workbookWithHoldings(100)).install();
    const t = host.workbook.table("Holdings");
    host.workbook
      .sheet("Holdings")
      .setCell(5, t.columnIndex("costValue"), { error: "#N/A" });
    const model = readWorkbook(await excelOperations().readTables());
    expect(model.holdings).toHaveLength(100);
    expect(
      model.diagnostics.find((d) => d.row === 6 && d.column === "costValue"),
    ).toMatchObject({ severity: "error", value: "#N/A" });
  });

  it("reads a table wherever it sits, with worksheet row numbers (Holdings at B3 of a sheet named Positions)", async () => {
    host = createExcelHost().install();
    const grids = await holdingsRows(40);
    const wb = host.workbook;
    const place = (
      sheet: string,
      rows: HostCell[][],
      r0: number,
      c0: number,
      name: string,
    ) => {
      const s = wb.addSheet(sheet);
      rows.forEach((row, r) =>
        row.forEach((v, c) => v !== null && s.setCell(r0 + r, c0 + c, v)),
      );
      wb.addTable(
        s,
        { r0, c0, r1: r0 + rows.length - 1, c1: c0 + rows[0].length - 1 },
        name,
      );
    };
    place("Funds", grids.Funds as HostCell[][], 0, 0, "Funds");
    place("Positions", grids.Holdings as HostCell[][], 2, 1, "Holdings");
    const read = await excelOperations().readTables();
    expect(read.Holdings).toMatchObject({
      sheet: "Positions",
      headerRowNumber: 3,
      firstColumn: 1,
    });
    expect(read.Holdings!.rows[0].rowNumber).toBe(4);
    const model = readWorkbook(read);
    expect(model.holdings[0]).toMatchObject({
      row: 4,
      lineId: grids.Holdings[1][1],
    });
  });

  it("the user's own conditional formats and cells are left as they were by highlight and clear", async () => {
    const { host: h, ops, report } = await setUp(200);
    const sheet = h.workbook.sheet("Holdings");
    const mine = {
      id: "user",
      sheet,
      rect: { r0: 1, c0: 5, r1: 200, c1: 5 },
      type: "Custom",
      formula: "=COUNTIF(UserList,$B2)>0",
      priority: 0,
      deleted: false,
    };
    sheet.conditionalFormats.push(mine);
    h.workbook.names.push({
      name: "UserList",
      formula: "=Holdings!$B$2:$B$3",
      comment: "",
      visible: true,
    });
    const before = JSON.stringify(sheet.rows);
    await ops.highlightBreaches(report);
    await ops.clearHighlights();
    expect(sheet.conditionalFormats).toEqual([mine]);
    expect(JSON.stringify(sheet.rows)).toBe(before);
    expect(h.workbook.findName("UserList")).toBeDefined();
  });

  it("highlight and report also wait for the user to leave cell-edit mode", async () => {
    const { host: h, ops, report } = await setUp(100);
    h.cellEditMode = true;
    expect(await ops.highlightBreaches(report)).toBeGreaterThan(0);
    await ops.writeReport(report);
    expectOneCompleteReport(h, report);
    expect(h.requests.every((r) => (r.flags & 64) === 64)).toBe(true);
  });

  it("asks for one undo step only where ExcelApi 1.20 is supported, and falls back when the host answers UndoNotSupported", async () => {
    const { host: h, ops, report } = await setUp(100);
    // ExcelApi 1.20 (default here): a refusal of the grouping runs the same write again, ungrouped.
    h.failRequest(1, { code: "UndoNotSupported", afterActions: 0 });
    await ops.writeReport(report);
    expectOneCompleteReport(h, report);
    h.uninstall();
    // Below 1.20 the write is not grouped, so such an answer is not expected and is reported.
    const old = (
      await workbookWithHoldings(100, {
        requirementSets: { ExcelApi: "1.12", DelayForCellEdit: "1.0" },
      })
    ).install();
    host = old;
    old.failRequest(1, { code: "UndoNotSupported", afterActions: 0 });
    await expect(excelOperations().writeReport(report)).rejects.toMatchObject({
      code: "UndoNotSupported",
    });
  });

  it("a host with a lower payload limit gets smaller chunks: refused chunks are halved, and later ones stay small", async () => {
    const { host: h, ops, report } = await setUp(3000);
    h.clearRequests();
    h.responseLimitBytes = 150_000;
    h.requestLimitBytes = 150_000;
    const tables = await ops.readTables();
    expect(tables.Holdings!.rows).toHaveLength(3000);
    await ops.writeReport(report);
    expectOneCompleteReport(h, report);
    const refused = h.requests.filter(
      (r) => r.outcome === 5103 || r.outcome === 5104,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(12);
    const answered = h.requests.filter((r) => r.outcome === "ok");
    expect(
      Math.max(...answered.map((r) => Math.max(r.bytes, r.responseBytes))),
    ).toBeLessThanOrEqual(150_000);
  });

  it("the pane's watch calls back when the user edits a table, and stops when asked", async () => {
    const { host: h, ops } = await setUp(50);
    let changes = 0;
    const stop = await ops.watchTables(() => void changes++);
    await h.userEdits("Holdings", 2, 5, [[1000]]);
    expect(changes).toBe(1);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.userEdits("Holdings", 2, 5, [[2000]]);
    expect(changes).toBe(1);
  });
});
