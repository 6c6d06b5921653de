import { compareText } from "../compare-text";
import { idKey } from "../id-key";
import type { IsoDate } from "../dates";
import type { Diagnostic, Fund, WorkbookModel } from "../model";
import { attachLaw } from "../law-of-results";
import { type Reason, reason } from "../reasons";
import { coded } from "../../present/english";
import type { FundReport, RuleResult } from "../result";
import { appendTo } from "./aggregate";
import { checkIssuer } from "./offers";
import { RegisterReader, type RegisterTableName } from "./row-values";
import { checkSubscribers } from "./subscribers";
import { checkTrades, isRule516, opts516 } from "./trades";
import type {
  IssuerReport,
  OfferRow,
  RegisterRow,
  RegisterSettings,
  RegisterTable,
  SubscriptionRow,
  TradeRow,
} from "./types";

export const REGISTER_TABLES: readonly RegisterTableName[] = [
  "Subscribers",
  "Offers",
  "Trades",
];

export function isRegisterTable(table: string): table is RegisterTableName {
  return (REGISTER_TABLES as readonly string[]).includes(table);
}

export interface RegistersResult {
  issuers: IssuerReport[];
  /** Diagnostics of register rows that belong to no fund or issuer. */
  diagnostics: Diagnostic[];
}

const key = idKey;

/**
 * Checks the workbook's registers (WORKBOOK-FORMAT-REGISTERS) and adds their rules and row
 * outcomes to the fund reports; returns the issuers of the Offers register. Every register row
 * ends in a fund's or an offer's outcomes, or in a diagnostic naming its row.
 */
export function checkRegisters(
  model: WorkbookModel,
  funds: FundReport[],
  readerDiagnostics: Diagnostic[],
  asOf: IsoDate,
  settings: RegisterSettings = {},
): RegistersResult {
  const registers = model.registers ?? {};
  const workbook: Diagnostic[] = [];
  const fundByKey = new Map<string, Fund>();
  for (const f of model.funds)
    if (!fundByKey.has(key(f.fundId))) fundByKey.set(key(f.fundId), f);
  const reportOf = new Map(funds.map((r) => [key(r.fundId), r]));
  const fundIds = new Set(model.funds.map((f) => f.fundId));
  const single = fundIds.size === 1 ? [...fundIds][0] : undefined;
  /** The fund a register row names; a blank fundId names the only fund, where allowed. */
  const fundOf = (fundId: string | undefined, blankIsSingle: boolean) => {
    const id = fundId ?? (blankIsSingle ? single : undefined);
    return id === undefined ? undefined : fundByKey.get(key(id));
  };

  // Funds columns: legacyRules values the product does not know.
  for (const f of model.funds)
    for (const v of f.legacyRules ?? [])
      if (!isRule516(v)) {
        const report = reportOf.get(key(f.fundId));
        const header = model.sources?.Funds?.headers.legacyRules;
        const d: Diagnostic = {
          severity: "warning",
          table: "Funds",
          row: f.row,
          column: "legacyRules",
          header:
            header !== undefined && header !== "legacyRules"
              ? header
              : undefined,
          value: v,
          ...coded(reason("legacy-rule-unknown", { value: v })),
        };
        if (report) report.diagnostics.push(d);
        else workbook.push(d);
      }

  const subs = registers.subscribers;
  const offersTable = registers.offers;
  const trades = registers.trades;
  const readerOf = <R extends RegisterRow>(
    name: RegisterTableName,
    table?: RegisterTable<R>,
  ) =>
    new RegisterReader<R>(
      name,
      table ?? { rows: [], columns: new Set(), headerRow: 0 },
      model.sources?.[name],
    );
  const subReader = readerOf<SubscriptionRow>("Subscribers", subs);
  const offerReader = readerOf<OfferRow>("Offers", offersTable);
  const tradeReader = readerOf<TradeRow>("Trades", trades);
  /** A row that goes to no fund or issuer: an error on it, kept with the workbook. */
  const rowError = (
    reader: Pick<RegisterReader<RegisterRow>, "rowDiagnostic">,
    row: number,
    column: string,
    why: Reason,
    value?: string,
  ) => workbook.push(reader.rowDiagnostic(row, column, "error", why, value));

  // Where each register row went: a fund, an issuer, or nowhere (its diagnostic says why).
  const entityOfRow = new Map<string, { fund?: string; issuer?: string }>();
  const place = (
    table: RegisterTableName,
    row: number,
    to: { fund?: string; issuer?: string },
  ) => entityOfRow.set(`${table}:${row}`, to);

  /** A Subscribers or Trades row to the fund it names, or an error naming the row. */
  const toFund = <R extends SubscriptionRow | TradeRow>(
    reader: RegisterReader<R>,
    r: R,
    blankIsSingle: boolean,
    byFund: Map<string, R[]>,
  ) => {
    const fund = fundOf(r.fundId, blankIsSingle);
    const table = reader.table as "Subscribers" | "Trades";
    if (!fund) {
      const why =
        r.fundId === undefined
          ? reason("register-fund-needed", { table })
          : reason("register-fund-unknown", { table, fundId: r.fundId });
      return rowError(reader, r.row, "fundId", why, r.fundId);
    }
    appendTo(byFund, fund.fundId, r);
    place(table, r.row, { fund: fund.fundId });
  };

  // Offers: one per offerId, grouped by issuer.
  const offerById = new Map<string, OfferRow>();
  /** Offers that belong to an issuer: the others' rows are not used. */
  const usedOffers = new Set<OfferRow>();
  // An issuer's offers whatever the case or spaces of its id, as fund ids match (contract §3): the
  // twelve months of « ACME » and « Acme » are one total, named by the first spelling in code-point order.
  const issuers = new Map<
    string,
    { id: string; name?: string; offers: OfferRow[] }
  >();
  for (const o of offersTable?.rows ?? []) {
    if (o.offerId !== undefined) {
      const first = offerById.get(o.offerId);
      if (first) {
        const why = reason("register-duplicate-id", {
          table: "Offers",
          column: "offerId",
          id: o.offerId,
          firstRow: first.row,
        });
        rowError(offerReader, o.row, "offerId", why, o.offerId);
        continue;
      }
      offerById.set(o.offerId, o);
    }
    if (o.issuerId === undefined) {
      if (!o.invalid.has("issuerId"))
        rowError(
          offerReader,
          o.row,
          "issuerId",
          reason("register-issuer-needed", {}),
        );
      continue;
    }
    if (o.offerId !== undefined) usedOffers.add(o);
    const issuer = key(o.issuerId);
    const spelling = o.issuerId.trim();
    const entry = issuers.get(issuer) ?? { id: spelling, offers: [] };
    if (spelling < entry.id) entry.id = spelling;
    entry.name ??= o.issuerName;
    entry.offers.push(o);
    issuers.set(issuer, entry);
    place("Offers", o.row, { issuer });
  }

  // Subscribers: a fund's subscriptions, or acquisitions in an offer.
  const subsByFund = new Map<string, SubscriptionRow[]>();
  const acquisitions = new Map<OfferRow, SubscriptionRow[]>();
  for (const r of subs?.rows ?? []) {
    if (r.fundId !== undefined && r.offerId !== undefined) {
      rowError(
        subReader,
        r.row,
        "offerId",
        reason("register-fund-and-offer", {}),
      );
      continue;
    }
    if (r.offerId !== undefined) {
      const offer = offerById.get(r.offerId);
      if (!offer || !usedOffers.has(offer)) {
        const why = reason("register-offer-unknown", { offerId: r.offerId });
        rowError(subReader, r.row, "offerId", why, r.offerId);
        continue;
      }
      appendTo(acquisitions, offer, r);
      if (offer.issuerId !== undefined)
        place("Subscribers", r.row, { issuer: key(offer.issuerId) });
      continue;
    }
    if (r.invalid.has("fundId") || r.invalid.has("offerId")) continue; // the reader's diagnostic names the row
    // With an Offers table, a blank fundId may be a missing offerId: it names no fund.
    toFund(subReader, r, offersTable === undefined, subsByFund);
  }
  const tradesByFund = new Map<string, TradeRow[]>();
  for (const r of trades?.rows ?? [])
    if (!r.invalid.has("fundId")) toFund(tradeReader, r, true, tradesByFund);

  // Each fund: its subscriptions and trades, in register order.
  for (const fund of model.funds) {
    const report = reportOf.get(key(fund.fundId));
    if (!report || report.fundId !== fund.fundId) continue;
    const rules: RuleResult[] = [];
    const fundSubs = subsByFund.get(fund.fundId);
    if (fundSubs) {
      const s = checkSubscribers(fund, fundSubs, subReader, asOf);
      report.subscriptions = s.outcomes;
      rules.push(...s.rules);
    }
    const fundTrades = tradesByFund.get(fund.fundId);
    if (fundTrades) {
      const t = checkTrades(
        opts516(fund.legacyRules),
        fundTrades,
        tradeReader,
        asOf,
        settings.soitSoit,
      );
      report.trades = t.outcomes;
      rules.push(...t.rules);
    }
    attachLaw(rules, { asOf });
    report.rules.push(...rules);
  }

  const issuerReports: IssuerReport[] = [];
  // By issuerId, not in the order of the Offers rows: sorting the register lists them the same.
  const byId = [...issuers.values()].sort((a, b) => compareText(a.id, b.id));
  for (const { id: issuerId, ...entry } of byId) {
    const result = checkIssuer(
      entry.offers,
      acquisitions,
      offerReader,
      subReader,
      asOf,
    );
    attachLaw(result.rules, { asOf });
    issuerReports.push({
      issuerId,
      issuerName: entry.name,
      status: result.status,
      rules: result.rules,
      offers: result.offers,
      diagnostics: [],
    });
  }

  // Diagnostics of register rows go with their fund or issuer; the rest stay with the workbook.
  const issuerById = new Map(issuerReports.map((i) => [key(i.issuerId), i]));
  const file = (d: Diagnostic) => {
    const to = d.row ? entityOfRow.get(`${d.table}:${d.row}`) : undefined;
    if (to?.fund !== undefined) reportOf.get(key(to.fund))?.diagnostics.push(d);
    else if (to?.issuer !== undefined)
      issuerById.get(to.issuer)?.diagnostics.push(d);
    else workbook.push(d);
  };
  for (const d of [
    ...readerDiagnostics,
    ...subReader.diagnostics,
    ...offerReader.diagnostics,
    ...tradeReader.diagnostics,
  ])
    file(d);
  for (const i of issuerReports)
    i.diagnostics.sort(
      (a, b) => a.table.localeCompare(b.table) || a.row - b.row,
    );
  return { issuers: issuerReports, diagnostics: workbook };
}
