import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRegisterRule } from "../../src/present/registers";
import { checkFile } from "../../src/cli/check-file";
import { findTables, loadWorkbook } from "../../src/cli/xlsx-tables";
import { defaultAsOf } from "../../src/engine/as-of";
import type { Report, RuleResult } from "../../src/engine/result";
import { installWorkbookModel, WorkbookModelStore } from "../../src/excel/workbook-model";
import * as QUOTA from "../../src/functions/functions";
import { type Argument, callStreaming, cell, literal, omitted, type Platform, type Shown } from "../excel-host/custom-functions";
import { cliWorkbooks } from "../helpers/cli-workbooks";

// Each =QUOTA.… function, called as Excel calls it (streaming, with desktop and web marshalling of its
// small arguments), equals `fund-quota check` on the sample and on every workbook the CLI tests check.
const AS_OF = "2025-12-31";
const AS_OF_SERIAL = 46022; // 31/12/2025 in a date cell
const PLATFORMS: Platform[] = ["desktop", "web"];

const refused = () => ({ run: () => Promise.reject(new Error("this test model reads no workbook")) });

interface Book {
  name: string;
  cli: Report;
  cliDefault: Report;
  cliPositions: Report;
  model: WorkbookModelStore;
}
let books: Book[] = [];
let previous: WorkbookModelStore | undefined;

beforeAll(async () => {
  for (const { name, file } of await cliWorkbooks()) {
    const model = new WorkbookModelStore(refused());
    model.load({ tables: findTables(await loadWorkbook(file)), locations: {} });
    books.push({
      name,
      cli: await checkFile(file, AS_OF, false),
      cliDefault: await checkFile(file, defaultAsOf(), false),
      cliPositions: await checkFile(file, AS_OF, true),
      model,
    });
  }
}, 60_000);
afterAll(() => {
  installWorkbookModel(previous);
  books = [];
});

function answer(fn: (...args: any[]) => void, args: Argument[], platform: Platform): Shown {
  const call = callStreaming(fn, args, { platform });
  const shown = call.latest();
  call.cancel();
  if (!shown) throw new Error("the function set no result");
  return shown;
}

/** What the cell must show for a rule's number: the value, or #N/A when the rule is incomplete or has none. */
function expectedNumber(r: RuleResult, value: number | null): Partial<Shown> {
  return r.status === "incomplete" || value === null ? { error: "#N/A" } : { value };
}

const asOfArgs: [string, Argument, (b: Book) => Report][] = [
  ["a date cell", cell(AS_OF_SERIAL), (b) => b.cli],
  ["ISO text", literal(AS_OF), (b) => b.cli],
  ["a blank cell (0 on desktop, null on the web)", cell(null), (b) => b.cliDefault],
  ["left out", omitted, (b) => b.cliDefault],
];

describe("=QUOTA.RATIO, STATUS, HEADROOM equal fund-quota check for every fund × rule", () => {
  for (const platform of PLATFORMS) {
    for (const [what, asOf, expectedReport] of asOfArgs) {
      it(`${platform}, as-of given as ${what}`, () => {
        let compared = 0;
        for (const book of books) {
          previous ??= installWorkbookModel(book.model);
          installWorkbookModel(book.model);
          for (const fund of expectedReport(book).funds) {
            // The register rules (WORKBOOK-FORMAT-REGISTERS) are not served by the functions, which are unchanged.
            for (const r of fund.rules.filter((x) => !isRegisterRule(x))) {
              const args = [literal(r.id), cell(fund.fundId), asOf];
              const where = `${book.name} ${fund.fundId} ${r.id}`;
              expect(answer(QUOTA.status, args, platform), where).toEqual({ value: r.status });
              expect(answer(QUOTA.ratio, args, platform), where).toMatchObject(expectedNumber(r, r.value));
              expect(answer(QUOTA.headroom, args, platform), where).toMatchObject(expectedNumber(r, r.headroom === null ? null : Number(r.headroom)));
              compared++;
            }
          }
        }
        // The sample alone has 55 fund × rule results; the other workbooks add theirs.
        expect(compared).toBeGreaterThan(55);
      });
    }
  }
});

describe("=QUOTA.REPORT, CHECK and POSITION equal fund-quota check", () => {
  for (const platform of PLATFORMS) {
    it(`${platform}: REPORT spills each fund's rules with the CLI's statuses and values, and the test date`, () => {
      for (const book of books) {
        installWorkbookModel(book.model);
        for (const fund of book.cli.funds) {
          const shown = answer(QUOTA.report, [cell(fund.fundId), cell(AS_OF_SERIAL)], platform);
          expect("value" in shown, `${book.name} ${fund.fundId}`).toBe(true);
          const rows = (shown as { value: unknown[][] }).value;
          expect(rows[0]).toEqual(["Rule", "Article", "Value", "Threshold", "Status", "Headroom", "Unit", "As of"]);
          const portfolio = new Set(fund.rules.filter((x) => !isRegisterRule(x)).map((x) => x.id));
          expect(rows.slice(1).filter((r) => portfolio.has(r[0] as string)).map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual(
            fund.rules.filter((x) => !isRegisterRule(x)).map((r) => [r.id, r.value ?? "", r.status + (r.partial ? " (partial)" : ""), r.headroom === null ? "" : Number(r.headroom), r.unit === "units" || r.unit === "count" ? r.unit : "€", AS_OF])
          );
        }
      }
    });

    it(`${platform}: CHECK gives each fund's worst status, and shows the default test date when as-of is blank`, () => {
      for (const book of books) {
        installWorkbookModel(book.model);
        const shown = answer(QUOTA.check, [cell(null)], platform) as { value: unknown[][] };
        expect(shown.value.slice(1).map((r) => [r[0], r[3], r[7]])).toEqual(book.cliDefault.funds.map((f) => [f.fundId, f.status, defaultAsOf()]));
      }
    });

    it(`${platform}: POSITION gives what each position of the sample contributes to each rule, as the CLI's positions`, () => {
      const book = books[0];
      installWorkbookModel(book.model);
      let compared = 0;
      for (const fund of book.cliPositions.funds) {
        const rule = fund.rules[0];
        for (const p of fund.positions ?? []) {
          if (!p.lineId) continue;
          const counted = p.counted.filter((c) => c.rule === rule.id);
          const shown = answer(QUOTA.position, [literal(rule.id), cell(fund.fundId), cell(p.lineId), cell(AS_OF_SERIAL)], platform);
          if (counted.length) expect(shown, `${fund.fundId} ${p.lineId}`).toEqual({ value: counted.reduce((s, c) => s + Number(c.amount), 0) });
          else expect(shown, `${fund.fundId} ${p.lineId}`).toMatchObject({ value: expect.stringMatching(/^(excluded|unreadable|not concerned)/) });
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }
});

describe("the small arguments under both marshallings", () => {
  it("a blank fundId cell (0 on desktop, null on the web) says the fund ID is missing, on both", () => {
    installWorkbookModel(books[0].model);
    expect(answer(QUOTA.status, [literal("FCPR-Q50"), cell(null), omitted], "desktop")).toMatchObject({ error: "#N/A", message: "fundId is missing (the cell is blank or holds 0)" });
    expect(answer(QUOTA.status, [literal("FCPR-Q50"), cell(null), omitted], "web")).toMatchObject({ error: "#VALUE!", message: "fundId is missing" });
  });

  it("an error value in the as-of cell: Excel shows it without calling the function, or, if passed in, a clear #VALUE!", () => {
    installWorkbookModel(books[0].model);
    const fund = books[0].cli.funds[0];
    const args = [literal("FCPR-Q50"), cell(fund.fundId), cell({ error: "#N/A" })];
    const notCalled = callStreaming(QUOTA.ratio, args, { platform: "web" });
    expect(notCalled.called).toBe(false);
    expect(notCalled.latest()).toMatchObject({ error: "#N/A" });
    const passed = callStreaming(QUOTA.ratio, args, { platform: "desktop", allowErrors: true });
    expect(passed.latest()).toEqual({ error: "#VALUE!", message: "asOf holds the error #N/A: fix that cell first" });
  });

  it("a bad date, an unknown rule, a rule the fund does not have and an unknown line give their messages", () => {
    installWorkbookModel(books[0].model);
    const fund = books[0].cli.funds.find((f) => f.fundType === "FCPR")!;
    expect(answer(QUOTA.ratio, [literal("FCPR-Q50"), cell(fund.fundId), literal("tomorrow")], "web")).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^asOf is not a date: tomorrow/) });
    expect(answer(QUOTA.ratio, [literal(true), cell(fund.fundId), omitted], "web")).toMatchObject({ error: "#VALUE!" });
    expect(answer(QUOTA.ratio, [literal("FCPR-Q55"), cell(fund.fundId), omitted], "web")).toEqual({ error: "#VALUE!", message: "unknown rule FCPR-Q55" });
    expect(answer(QUOTA.ratio, [literal("OPCI-RE60"), cell(fund.fundId), omitted], "web")).toMatchObject({ error: "#N/A", message: expect.stringMatching(/does not apply to FCPR/) });
    expect(answer(QUOTA.position, [literal("FCPR-Q50"), cell(fund.fundId), literal("Z-9"), omitted], "web")).toEqual({ error: "#N/A", message: `no position Z-9 in fund ${fund.fundId}` });
    expect(answer(QUOTA.ratio, [literal("FCPR-Q50"), cell("F-none"), omitted], "desktop")).toEqual({ error: "#N/A", message: "no fund F-none" });
  });

  it("a date cell in a 1904-date workbook means the day that workbook shows (its serial is 1,462 smaller)", async () => {
    const book = books[0];
    const model = new WorkbookModelStore(refused());
    const tables = books[0].model.current().read!.tables;
    model.load({ tables, locations: {}, date1904: true } as Parameters<WorkbookModelStore["load"]>[0]);
    installWorkbookModel(model);
    const fund = book.cli.funds.find((f) => f.fundType === "FCPR")!;
    expect(answer(QUOTA.status, [literal("FCPR-Q50"), cell(fund.fundId), cell(AS_OF_SERIAL - 1462)], "desktop")).toEqual({ value: fund.rules[0].status });
    const rows = (answer(QUOTA.report, [cell(fund.fundId), cell(AS_OF_SERIAL - 1462)], "web") as { value: unknown[][] }).value;
    expect(rows[1][7]).toBe(AS_OF);
  });
});

describe("one preparation: the workbook where the faces once disagreed", () => {
  it("a fund id given twice, a blank fundId and a fundId differing by case give the same report to the CLI, the pane and every function", async () => {
    const book = books.find((b) => b.name === "divergent.xlsx")!;
    expect(book).toBeDefined();
    // The pane reads its tables from the same workbook model and asks it for the detailed report.
    const snapshot = book.model.current();
    if (snapshot.status !== "ready" || !snapshot.workbook) throw new Error(`model not ready: ${snapshot.status}`);
    const pane = snapshot.workbook.report(AS_OF, true);
    const summary = (r: Report) =>
      r.funds.map((f) => [f.fundId, f.rules.map((x) => [x.id, x.status, x.value, x.numerator, x.headroom])]);
    expect(summary(pane)).toEqual(summary(book.cliPositions));
    expect(pane.diagnostics.map((d) => [d.row, d.column])).toEqual(book.cli.diagnostics.map((d) => [d.row, d.column]));
    // The duplicated fund is never a pass; the other fund's rules are computed.
    const f1 = book.cli.funds.find((f) => f.fundId === "F1");
    expect(f1?.rules.every((r) => r.status !== "pass")).toBe(true);
    installWorkbookModel(book.model);
    for (const platform of PLATFORMS)
      for (const f of book.cli.funds)
        for (const r of f.rules)
          expect(answer(QUOTA.status, [literal(r.id), cell(f.fundId), cell(AS_OF_SERIAL)], platform)).toEqual({ value: r.status });
  });
});
