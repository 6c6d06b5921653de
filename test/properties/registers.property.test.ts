import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { TableName } from "../../src/engine/model";
import type { CellValue, RawTable } from "../../src/workbook/grid";
import { isBlank } from "../../src/workbook/grid";
import { TABLE_SPECS } from "../../src/workbook/columns";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS, anyCell } from "./arbitraries";

/** Values a register cell plausibly holds, so that rows reach every check, mixed with any cell at all. */
const PLAUSIBLE: CellValue[] = [
  "F1",
  "F2",
  "f1 ",
  "ZZ",
  "O1",
  "O2",
  "O3",
  "ISS-A",
  "ISS-B",
  "I1",
  "I2",
  "SMALL_OFFER",
  "CROWDFUNDING",
  "LARGE_TICKET",
  "HIGH_NOMINAL",
  "QUALIFIED",
  "EXISTING_PARTNERS",
  "Offre de moins de 8 M€",
  "EQUITY",
  "DEBT",
  "FUND_UNITS",
  "OTHER",
  "EQUITY_FUND",
  "BOND_FUND",
  "OFF_MARKET",
  "REGULATED",
  "Hors marché",
  "WRITTEN",
  "OTHER_MEANS",
  "STANDING",
  "INVESTMENT_FIRM",
  "L531_2",
  "NATURAL",
  "LEGAL",
  "STATE",
  "ACQUISITION",
  "2024-03-15",
  "2024-09-01",
  "2025-01-10",
  "31/12/2025",
  "2007-05-10 10:00",
  45000,
  45000.5,
  30000,
  29999.99,
  100000,
  500000,
  7500000,
  8000000,
  4000000,
  1e9,
  0,
  1,
  149,
  150,
  1.08503,
  101,
  100,
  "USD",
  "EUR",
  true,
  false,
  "oui",
  null,
  "516-2",
];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 1, arbitrary: anyCell },
);

function table(name: TableName, maxRows: number): fc.Arbitrary<RawTable> {
  const spec = TABLE_SPECS[name];
  return fc
    .subarray(
      spec.columns.map((c) => c.name),
      { minLength: 1 },
    )
    .chain((headers) =>
      fc.record({
        headers: fc.constant(headers as CellValue[]),
        rows: fc.array(
          fc.array(cell, {
            minLength: headers.length,
            maxLength: headers.length,
          }),
          { maxLength: maxRows },
        ),
      }),
    )
    .map(({ headers, rows }) => ({
      name,
      source: "table" as const,
      sheet: name,
      headerRowNumber: 1,
      firstColumn: 0,
      headers,
      rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
    }));
}

const funds: RawTable = {
  name: "Funds",
  source: "table",
  sheet: "Funds",
  headerRowNumber: 1,
  firstColumn: 0,
  headers: ["fundId", "fundType", "allege", "legacyRules"],
  rows: [
    { rowNumber: 2, cells: ["F1", "FCPR", true, "516-2"] },
    { rowNumber: 3, cells: ["F2", "FCPR", false, "RG AMF 516-2; 999"] },
  ],
};

/** The three registers, each now and then absent. */
const registers = [
  fc.option(table("Subscribers", 8), { nil: undefined }),
  fc.option(table("Offers", 6), { nil: undefined }),
  fc.option(table("Trades", 8), { nil: undefined }),
] as const;

describe("every register row is accounted for", () => {
  it("each Subscribers, Offers and Trades row is in a fund's or an offer's outcomes, or named by a diagnostic", () => {
    fc.assert(
      fc.property(
        ...registers,
        fc.boolean(),
        (Subscribers, Offers, Trades, withFunds) => {
          const tables = {
            ...(withFunds ? { Funds: funds } : {}),
            Subscribers,
            Offers,
            Trades,
          };
          const report = checkWorkbook(readWorkbook(tables), {
            asOf: "2025-12-31",
          });
          // A row that is not used is named by a diagnostic that says why: what it refers to is unknown or unreadable.
          const NOT_USED = new Set([
            "register-duplicate-id",
            "register-fund-and-offer",
            "register-fund-unknown",
            "register-offer-unknown",
            "register-fund-needed",
            "register-issuer-needed",
          ]);
          const diagnosed = new Set(
            [
              ...report.diagnostics,
              ...report.funds.flatMap((f) => f.diagnostics),
              ...(report.issuers ?? []).flatMap((i) => i.diagnostics),
            ]
              .filter(
                (d) =>
                  (d.code !== undefined && NOT_USED.has(d.code)) ||
                  (d.severity === "error" &&
                    ["fundId", "offerId", "issuerId"].includes(d.column ?? "")),
              )
              .map((d) => `${d.table}:${d.row}`),
          );
          const seen = new Map<string, number>();
          const note = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
          for (const f of report.funds) {
            for (const s of f.subscriptions ?? []) note(`Subscribers:${s.row}`);
            for (const t of f.trades ?? []) note(`Trades:${t.row}`);
          }
          for (const i of report.issuers ?? [])
            for (const o of i.offers) {
              note(`Offers:${o.row}`);
              for (const inv of o.investors)
                for (const row of inv.rows) note(`Subscribers:${row}`);
            }
          for (const [name, raw] of Object.entries({
            Subscribers,
            Offers,
            Trades,
          }))
            for (const r of raw?.rows ?? []) {
              if (r.cells.every(isBlank)) continue;
              const key = `${name}:${r.rowNumber}`;
              expect(seen.get(key) ?? 0, key).toBeLessThanOrEqual(1);
              expect(seen.has(key) || diagnosed.has(key), key).toBe(true);
            }
          // Three-valued outcomes: a row in breach or passing never rests on an unknown decisive check.
          for (const f of report.funds)
            for (const o of [...(f.subscriptions ?? []), ...(f.trades ?? [])]) {
              if (o.status === "pass") expect(o.decisive?.met).toBe(true);
              if (o.status === "breach") expect(o.decisive?.met).toBe(false);
            }
          // A rule in breach never shows positive headroom; a row incomplete leaves no "clear" summary.
          for (const r of [
            ...report.funds.flatMap((f) => f.rules),
            ...(report.issuers ?? []).flatMap((i) => i.rules),
          ])
            if (r.status === "breach" && r.headroom !== null)
              expect(
                r.headroom.startsWith("-") || /^0(\.0+)?$/.test(r.headroom),
              ).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

/** The table with its data rows in another order, each at its new worksheet row (a table sorted in Excel). */
function sortedAnew(
  t: RawTable | undefined,
  shift: number,
): RawTable | undefined {
  if (!t || t.rows.length === 0) return t;
  const k = shift % t.rows.length;
  const cells = [...t.rows.slice(k), ...t.rows.slice(0, k)].reverse();
  return {
    ...t,
    rows: cells.map((r, i) => ({ rowNumber: i + 2, cells: r.cells })),
  };
}

describe("registers sorted (property)", () => {
  it("sorting the Subscribers, Offers and Trades tables changes no register rule's figures or status, nor the order of the issuers", () => {
    fc.assert(
      fc.property(
        ...registers,
        fc.integer({ min: 0, max: 100 }),
        (Subscribers, Offers, Trades, shift) => {
          const run = (s?: RawTable, o?: RawTable, t?: RawTable) =>
            checkWorkbook(
              readWorkbook({
                Funds: funds,
                Subscribers: s,
                Offers: o,
                Trades: t,
              }),
              { asOf: "2025-12-31" },
            );
          const given = run(Subscribers, Offers, Trades);
          // A repeated offerId keeps its first row (the contract): which one is the table's order, by design.
          const repeated = [
            ...given.diagnostics,
            ...(given.issuers ?? []).flatMap((i) => i.diagnostics),
            ...given.funds.flatMap((f) => f.diagnostics),
          ].some((d) => d.code === "register-duplicate-id");
          fc.pre(!repeated);
          const sorted = run(
            sortedAnew(Subscribers, shift),
            sortedAnew(Offers, shift),
            sortedAnew(Trades, shift),
          );
          const figures = (r: typeof given) => [
            ...r.funds.map((f) => [
              f.fundId,
              f.rules.map((x) => [
                x.id,
                x.status,
                x.value,
                x.numerator,
                x.denominator,
                x.headroom,
              ]),
            ]),
            ...(r.issuers ?? []).map((i) => [
              i.issuerId,
              i.rules.map((x) => [
                x.id,
                x.status,
                x.value,
                x.numerator,
                x.denominator,
                x.headroom,
              ]),
            ]),
          ];
          expect(figures(sorted)).toEqual(figures(given));
        },
      ),
      RUNS,
    );
  });
});
