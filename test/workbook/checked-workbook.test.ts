import { describe, expect, it } from "vitest";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { checkWorkbook } from "../../src/engine/check";
import { Dec } from "../../src/engine/decimal";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { SAMPLE } from "../helpers/sample-sheets";

describe("CheckedWorkbook: one read, one report per test date", () => {
  it("gives the command line's report on each date, from one parsed model", async () => {
    const tables = findTables(await loadWorkbook(SAMPLE));
    const workbook = new CheckedWorkbook(tables);
    const model = workbook.model;
    for (const asOf of ["2025-12-31", "2024-12-31"]) {
      expect(workbook.report(asOf)).toEqual(checkWorkbook(readWorkbook(tables), { asOf }));
      expect(workbook.report(asOf)).toBe(workbook.report(asOf));
    }
    expect(workbook.model).toBe(model);
    expect(workbook.fund("2025-12-31", "FCPR-IS2")?.fundId).toBe("FCPR-IS2");
    expect(workbook.fund("2025-12-31", "F-none")).toBeUndefined();
  });

  it("keeps 12 dates of rules and 2 of explained positions, dropping the least recently used", async () => {
    const workbook = new CheckedWorkbook(findTables(await loadWorkbook(SAMPLE)));
    const first = workbook.report("2020-01-31");
    for (let m = 1; m <= 12; m++) workbook.report(`2021-${String(m).padStart(2, "0")}-28`);
    expect(workbook.reportsKept).toBe(12);
    expect(workbook.report("2020-01-31")).not.toBe(first);
    for (const d of ["2025-01-31", "2025-02-28", "2025-03-31"]) workbook.report(d, true);
    expect(workbook.reportsKept).toBe(14);
    expect(workbook.report("2025-03-31", true).funds[0].positions?.length).toBeGreaterThan(0);
  });

  it("gives the pane's report too: every position explained, with its default warning margin", async () => {
    const tables = findTables(await loadWorkbook(SAMPLE));
    const workbook = new CheckedWorkbook(tables);
    const margin = new Dec("0.05");
    const options = { asOf: "2025-12-31", positions: true, defaultWarningMargin: margin };
    expect(workbook.report("2025-12-31", true, margin)).toEqual(checkWorkbook(readWorkbook(tables), options));
    expect(workbook.report("2025-12-31", true, margin)).not.toBe(workbook.report("2025-12-31", true));
  });

  it("after an edit, gives each date asked before the edit the full check's report, re-checking the edited fund only", async () => {
    const tables = findTables(await loadWorkbook(SAMPLE));
    let workbook = new CheckedWorkbook(tables);
    // 15 month-ends from January 2024: the cache keeps the last 12.
    const dates = Array.from({ length: 15 }, (_, m) => new Date(Date.UTC(2024, m + 1, 0)).toISOString().slice(0, 10));
    for (const d of dates) workbook.report(d);
    const holdings = workbook.tables.Holdings!;
    const cost = holdings.headers.findIndex((h) => h === "costValue" || h === "Coût d'acquisition");
    const row = holdings.rows.find((r) => typeof r.cells[cost] === "number")!;
    workbook = workbook.withEdits([{ table: "Holdings", row: row.rowNumber, column: cost, value: (row.cells[cost] as number) + 1_000_000 }]);
    for (const d of dates.slice(-12)) expect(workbook.report(d)).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf: d }));
    // The 12 dates kept re-check one fund each; a date dropped from the cache is checked in full.
    const funds = workbook.report(dates[0]).funds.length;
    expect(workbook.fundsChecked).toBe(12 + funds);
  });

  it("with registers, a Holdings edit keeps the register rows and rules, and a register edit checks every fund again", async () => {
    const tables = findTables(await loadWorkbook(SAMPLE));
    let workbook = new CheckedWorkbook(tables);
    const asOf = "2025-12-31";
    const before = workbook.report(asOf);
    const is2 = before.funds.find((f) => f.fundId === "FCPR-IS2")!;
    expect(is2.subscriptions?.length).toBeGreaterThan(0);
    expect(before.issuers?.length).toBe(1);
    // A Holdings edit to another fund: IS2's report (with its register rules) is carried over unchanged.
    const holdings = workbook.tables.Holdings!;
    const fundCol = holdings.headers.findIndex((h) => h === "fundId" || h === "Code fonds");
    const cost = holdings.headers.findIndex((h) => h === "costValue" || h === "Coût d'acquisition");
    const row = holdings.rows.find((r) => r.cells[fundCol] === "FCPR-CC1" && typeof r.cells[cost] === "number")!;
    workbook = workbook.withEdits([{ table: "Holdings", row: row.rowNumber, column: cost, value: (row.cells[cost] as number) + 1 }]);
    const after = workbook.report(asOf);
    expect(after).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf }));
    expect(workbook.fundsChecked).toBe(1);
    expect(after.funds.find((f) => f.fundId === "FCPR-IS2")!.rules.length).toBe(is2.rules.length);
    // An edit to a register row: the whole workbook is read and checked again.
    const subscribers = workbook.tables.Subscribers!;
    const amount = subscribers.headers.findIndex((h) => h === "amount" || h === "Montant souscrit");
    workbook = workbook.withEdits([{ table: "Subscribers", row: subscribers.rows[0].rowNumber, column: amount, value: 1 }]);
    expect(workbook.report(asOf)).toEqual(checkWorkbook(readWorkbook(workbook.tables), { asOf }));
    expect(workbook.fundsChecked).toBe(before.funds.length);
  });
});
