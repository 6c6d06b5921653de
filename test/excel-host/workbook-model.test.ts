import { afterEach, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { Report } from "../../src/engine/result";
import { excelOperations } from "../../src/excel/excel-operations";
import { excelHost, installWorkbookModel, WorkbookModelStore } from "../../src/excel/workbook-model";
import * as QUOTA from "../../src/functions/functions";
import { statusWord } from "../../src/functions/texts";
import type { RawTable } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { defaultAsOf } from "../../src/engine/as-of";
import { type Call, callStreaming, cell, literal, omitted } from "./custom-functions";
import { enableEvents } from "./events";
import { createExcelHost, type ExcelHost, FLAG_DELAY_FOR_CELL_EDIT, holdingsRows, type HostCell, workbookWithHoldings } from "./index";
import { EVENT_TYPE } from "./events";

// The shared workbook model and the streaming =QUOTA.… functions, through Microsoft's Excel client
// answered by the strict host: reads, change events, cell-edit mode and refused reads.
const AS_OF = "2025-12-31";
const DEBOUNCE_MS = 20;

let host: ExcelHost | undefined;
let previous: WorkbookModelStore | undefined;
const calls: Call[] = [];
afterEach(() => {
  for (const c of calls.splice(0)) c.cancel();
  installWorkbookModel(previous)?.dispose();
  host?.uninstall();
  host = undefined;
});

/** What the engine gives for the host's cells as they are now, read without Office.js. */
function engineReport(h: ExcelHost, asOf = AS_OF): Report {
  const tables: Partial<Record<"Funds" | "Holdings" | "Holders", RawTable>> = {};
  for (const name of ["Funds", "Holdings", "Holders"] as const) {
    const t = h.workbook.tables.find((x) => x.name === name && !x.deleted);
    if (!t) continue;
    tables[name] = tableFromValues(name, t.sheet.values(t.rect), t.r0 + 1, t.c0, t.sheet.name);
  }
  return checkWorkbook(readWorkbook(tables), { asOf });
}

async function start(holdings: number) {
  host = (await workbookWithHoldings(holdings)).install();
  const events = enableEvents(host);
  const model = new WorkbookModelStore(excelHost, DEBOUNCE_MS);
  previous = installWorkbookModel(model);
  await model.start();
  return { host, events, model };
}

function open(
  fn: (...args: any[]) => void,
  args: Parameters<typeof callStreaming>[1],
  platform: Parameters<typeof callStreaming>[2]["platform"] = "web",
): Call {
  const call = callStreaming(fn, args, { platform });
  calls.push(call);
  return call;
}

/** The client hands events to their handlers asynchronously, as Excel does. */
const eventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The body row (0-based) of the first equity line of a fund, and its cost. */
function firstEquity(h: ExcelHost, fundId: string): { row: number; cost: number } {
  const t = h.workbook.table("Holdings");
  const values = t.sheet.values(t.bodyRect);
  const fund = t.columnIndex("fundId");
  const cls = t.columnIndex("assetClass");
  const cost = t.columnIndex("costValue");
  const row = values.findIndex((r) => r[fund] === fundId && r[cls] === "EQUITY" && typeof r[cost] === "number");
  return { row, cost: values[row][cost] as number };
}

describe("the workbook model, read through the real office-js client", () => {
  // Desktop Excel passes a blank cell as 0 and Excel on the web as null (custom-functions.ts): both marshallings.
  for (const [holdings, platform] of [[1_000, "web"], [100_000, "web"], [100_000, "desktop"]] as const) {
    it(`reads ${holdings.toLocaleString("en")} holdings and every function equals the engine on the same cells (${platform})`, async () => {
      const { host, model } = await start(holdings);
      const snapshot = model.current();
      expect(snapshot.error).toBeUndefined();
      expect(snapshot.status).toBe("ready");
      expect(host.maxRequestBytes()).toBeLessThan(4 * 1024 * 1024);
      const expected = engineReport(host);
      expect(snapshot.workbook!.report(AS_OF)).toEqual(expected);
      // Every fund × rule of the first copy of the sample, through the streaming functions (French Excel).
      for (const fund of expected.funds.filter((f) => !f.fundId.includes("~"))) {
        for (const r of fund.rules) {
          const call = open(QUOTA.status, [literal(r.id), cell(fund.fundId), literal(AS_OF)], platform);
          expect(call.latest(), `${fund.fundId} ${r.id}`).toEqual({ value: statusWord(r.status, "fr") });
        }
      }
      // A blank as-of cell (0 on desktop, null on the web) means the last month-end before today.
      const byDefault = snapshot.workbook!.report(defaultAsOf());
      for (const fund of byDefault.funds.filter((f) => !f.fundId.includes("~")).slice(0, 3)) {
        const r = fund.rules[0];
        const call = open(QUOTA.status, [literal(r.id), cell(fund.fundId), cell(null)], platform);
        expect(call.latest(), `${fund.fundId} ${r.id}, blank as-of`).toEqual({ value: statusWord(r.status, "fr") });
      }
    }, 300_000);
  }
});

describe("keeping the functions current", () => {
  for (const holdings of [1_000, 100_000]) {
    it(
      `${holdings.toLocaleString("en")} holdings: an edit to a Holdings cell raises a change event, the model re-reads, and the streaming function emits the new value`,
      async () => {
        const { host, events, model } = await start(holdings);
        const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR" && f.rules[0].status !== "incomplete")!;
        const call = open(QUOTA.ratio, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
        expect(call.latest()).toEqual({ value: fund.rules[0].value });
        const reads = model.reads;

        const { row, cost } = firstEquity(host, fund.fundId);
        const next = call.next();
        events.editTableCell("Holdings", row, "costValue", cost - 1_000_000);
        const shown = await next;

        const after = engineReport(host).funds.find((f) => f.fundId === fund.fundId)!.rules[0];
        expect(after.value).not.toBe(fund.rules[0].value);
        expect(shown).toEqual({ value: after.value });
        expect(model.reads).toBe(reads + 1);
        expect(host.maxRequestBytes()).toBeLessThan(4 * 1024 * 1024);
        expect(host.maxResponseBytes()).toBeLessThan(5 * 1024 * 1024);
      },
      300_000,
    );
  }

  it("a burst of edits costs one re-read after the pause", async () => {
    const { host, events, model } = await start(1_000);
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR")!;
    const { row, cost } = firstEquity(host, fund.fundId);
    const reads = model.reads;
    for (let i = 1; i <= 5; i++) events.editTableCell("Holdings", row, "costValue", cost - i * 1000);
    await eventsDelivered();
    expect(model.pending).toBe(true);
    await model.settled();
    expect(model.reads).toBe(reads + 1);
  });

  it("a table value recalculated from another sheet (no change event) also re-reads the tables", async () => {
    const { host, events } = await start(1_000);
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR" && f.rules[0].status !== "incomplete")!;
    const call = open(QUOTA.ratio, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
    const { row, cost } = firstEquity(host, fund.fundId);
    const next = call.next();
    events.recalculateTableCell("Holdings", row, "costValue", cost + 250_000);
    const after = engineReport(host).funds.find((f) => f.fundId === fund.fundId)!.rules[0];
    expect(await next).toEqual({ value: after.value });
  });

  it("after a refused read the model tries again on its own, and the cells recover without an edit", async () => {
    host = (await workbookWithHoldings(1_000)).install();
    enableEvents(host);
    const model = new WorkbookModelStore(excelHost, DEBOUNCE_MS, 30);
    previous = installWorkbookModel(model);
    for (let n = 1; n <= 8; n++) host.failRequest(n, { afterActions: 0 });
    await model.start();
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR")!;
    const call = open(QUOTA.status, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
    expect(call.latest()).toMatchObject({ error: "#N/A" });
    host.clearRequests();
    expect(await call.next()).toEqual({ value: statusWord(fund.rules[0].status, "fr") });
  });

  it("a Holdings table added after the workbook was opened is read, and the functions answer from it", async () => {
    const grids = await holdingsRows(1_000);
    host = createExcelHost().install();
    const events = enableEvents(host);
    const add = (name: "Funds" | "Holdings" | "Holders") => {
      const rows = grids[name] as HostCell[][];
      const sheet = host!.workbook.addSheet(name === "Holdings" ? "Portefeuille" : name, rows);
      return host!.workbook.addTable(sheet, { r0: 0, c0: 0, r1: rows.length - 1, c1: rows[0].length - 1 }, name);
    };
    add("Funds");
    add("Holders");
    const model = new WorkbookModelStore(excelHost, DEBOUNCE_MS);
    previous = installWorkbookModel(model);
    await model.start();
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR")!;
    const call = open(QUOTA.headroom, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
    expect(call.latest()).toEqual({ value: Number(fund.rules[0].headroom) });

    const next = call.next();
    const table = add("Holdings");
    events.raise(EVENT_TYPE.tableAdded, { tableId: table.id, worksheetId: table.sheet.id, source: "Local" });
    const after = engineReport(host).funds.find((f) => f.fundId === fund.fundId)!.rules[0];
    expect(after.headroom).not.toBe(fund.rules[0].headroom);
    expect(await next).toEqual({ value: Number(after.headroom) });
  });

  it("a user in cell-edit mode delays the re-read (delayForCellEdit) instead of failing it", async () => {
    const { host, events, model } = await start(1_000);
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR" && f.rules[0].status !== "incomplete")!;
    const call = open(QUOTA.headroom, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
    const { row, cost } = firstEquity(host, fund.fundId);
    host.cellEditMode = true;
    // Without the option Excel refuses the batch while the user edits a cell.
    await expect(host.run(async (context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    host.clearRequests();
    const next = call.next();
    events.editTableCell("Holdings", row, "costValue", cost + 500_000);
    const shown = await next;
    const after = engineReport(host).funds.find((f) => f.fundId === fund.fundId)!.rules[0];
    expect(shown).toEqual({ value: Number(after.headroom) });
    expect(model.current().status).toBe("ready");
    expect(host.requests.length).toBeGreaterThan(0);
    for (const r of host.requests) expect(r.flags & FLAG_DELAY_FOR_CELL_EDIT, `request ${r.index}`).toBe(FLAG_DELAY_FOR_CELL_EDIT);
  });

  it("a refused read shows an error, never the value from before the edit, and the next read recovers", async () => {
    const { host, events } = await start(1_000);
    const fund = engineReport(host).funds.find((f) => f.fundType === "FCPR")!;
    const call = open(QUOTA.status, [literal("FCPR-Q50"), cell(fund.fundId), literal(AS_OF)]);
    const before = call.latest();
    const { row, cost } = firstEquity(host, fund.fundId);

    // Every request fails for a while: the read gives up after its retries.
    for (let n = 1; n <= 8; n++) host.failRequest(n, { afterActions: 0 });
    const failed = call.next();
    events.editTableCell("Holdings", row, "costValue", cost - 5_000_000);
    expect(await failed).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^les tableaux du classeur n'ont pas pu être lus/) });
    expect(call.latest()).not.toEqual(before);
    host.clearRequests(); // the fault is over

    const recovered = call.next();
    events.editTableCell("Holdings", row, "costValue", cost - 5_000_001);
    const after = engineReport(host).funds.find((f) => f.fundId === fund.fundId)!.rules[0];
    expect(await recovered).toEqual({ value: statusWord(after.status, "fr") });
  });

  it("a second as-of date is checked from the model without reading the workbook again", async () => {
    const { host, model } = await start(1_000);
    const fund = engineReport(host).funds[0];
    open(QUOTA.report, [cell(fund.fundId), literal(AS_OF)]);
    const requests = host.requests.length;
    const reads = model.reads;
    const other = open(QUOTA.report, [cell(fund.fundId), literal("2024-12-31")]);
    const blank = open(QUOTA.check, [omitted]);
    expect(host.requests.length).toBe(requests);
    expect(model.reads).toBe(reads);
    const rows = (other.latest() as { value: unknown[][] }).value;
    expect(rows.slice(1).map((r) => r[4])).toEqual(engineReport(host, "2024-12-31").funds[0].rules.map((r) => statusWord(r.status, "fr") + (r.partial ? " (partiel)" : "")));
    expect(rows[1][7]).toBe("31/12/2024");
    expect((blank.latest() as { value: unknown[][] }).value[0][7]).toBe("Date d'arrêté");
  });

  it("the pane's operations read their tables from the same model and hear of each burst of changes", async () => {
    const { host, events, model } = await start(1_000);
    const ops = excelOperations();
    const reads = model.reads;
    const tables = await ops.readTables();
    expect(model.reads).toBe(reads);
    expect(tables.Holdings?.rows.length).toBe(1_000);
    let heard = 0;
    const stop = await ops.watchTables(() => heard++);
    const fund = engineReport(host).funds[0];
    const { row, cost } = firstEquity(host, fund.fundId);
    events.editTableCell("Holdings", row, "costValue", cost + 1);
    await eventsDelivered();
    await model.settled();
    expect(heard).toBe(1);
    stop();
  });
});

describe("an edit re-read on its own", () => {
  it("reads only the edited Holdings cells in one request, re-checks only their fund, and gives the full read's report", async () => {
    const { host, events, model } = await start(10_000);
    const before = model.current().workbook!.report(AS_OF);
    const fund = before.funds.find((f) => f.fundType === "FCPR" && f.rules[0].status !== "incomplete")!;
    const { row, cost } = firstEquity(host, fund.fundId);
    const [reads, cellReads, requests] = [model.reads, model.cellReads, host.requests.length];
    events.editTableCell("Holdings", row, "costValue", cost - 1_000_000);
    events.editTableCell("Holdings", row + 1, "assetClass", "Créance");
    await eventsDelivered();
    await model.settled();
    expect([model.reads, model.cellReads]).toEqual([reads + 1, cellReads + 1]);
    // One request for the cells, not one per chunk of the tables
    // (the client's release of its references follows in a request of its own, with no data)
    const sent = host.requests.slice(requests).filter((r) => r.names.some((n) => n !== "_RemoveReference"));
    expect(sent).toHaveLength(1);
    // Each edit is heard by the collection's and the table's own event: each cell is read once.
    // A few hundred bytes each way, where reading the tables moves megabytes.
    expect(sent[0].bytes).toBeLessThan(4096);
    expect(sent[0].responseBytes).toBeLessThan(4096);
    const workbook = model.current().workbook!;
    const report = workbook.report(AS_OF);
    expect(report).toEqual(engineReport(host));
    expect(report.funds.find((f) => f.fundId === fund.fundId)!.rules[0].value).not.toBe(fund.rules[0].value);
    // Every fund but the edited rows' is the previous report's own.
    const same = report.funds.filter((f, i) => f === before.funds[i]).length;
    expect(same).toBeGreaterThanOrEqual(report.funds.length - 2);
    expect(workbook.fundsChecked).toBeLessThanOrEqual(2);
  });

  it("reads the tables whole when the change is not to Holdings' cells: a Funds edit, a header renamed", async () => {
    const { host, events, model } = await start(1_000);
    const funds = host.workbook.table("Funds");
    const cellReads = model.cellReads;
    events.editTableCell("Funds", 0, "paidUpSubscriptions", 123_456);
    await eventsDelivered();
    await model.settled();
    expect(model.cellReads).toBe(cellReads);
    expect(model.current().workbook!.report(AS_OF)).toEqual(engineReport(host));
    expect(funds.name).toBe("Funds");
  });
});

describe("the pane opened before the model's first read ends", () => {
  it("waits for that read instead of failing", async () => {
    host = (await workbookWithHoldings(1_000)).install();
    enableEvents(host);
    const model = new WorkbookModelStore(excelHost, DEBOUNCE_MS);
    previous = installWorkbookModel(model);
    void model.start();
    const tables = await excelOperations().readTables();
    expect(tables.Holdings?.rows.length).toBe(1_000);
    expect(model.reads).toBe(1);
  });
});
