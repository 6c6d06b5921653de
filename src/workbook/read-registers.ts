import type {
  OfferRow,
  Registers,
  RegisterTable,
  SubscriptionRow,
  TradeRow,
} from "../engine/registers/types";

/** A text value, blank as undefined. */
const text = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : undefined;
import type { RawTable } from "./grid";
import type { TableRead } from "./read-table";
import { valuesByName } from "./read-table";
import {
  OFFERS_SPEC,
  SUBSCRIBERS_SPEC,
  TRADES_SPEC,
  type TableSpec,
} from "./columns";

/** A register's rows as records (their values by canonical column), with its columns and header row. */
function toRegister<R>(
  read: TableRead,
  raw: RawTable,
  spec: TableSpec,
  defaults: (row: number, values: Record<string, unknown>) => Partial<R>,
): RegisterTable<R> {
  return {
    rows: read.rows.map((r) => {
      const v = valuesByName(spec, r);
      return {
        ...v,
        ...defaults(r.row, v),
        row: r.row,
        invalid: r.invalid,
      } as R;
    }),
    columns: read.columns,
    headerRow: raw.headerRowNumber,
    sheet: raw.sheet,
  };
}

/** The register tables the workbook holds, as the engine reads them. */
export function registersOf(
  read: (name: "Subscribers" | "Offers" | "Trades") => TableRead | undefined,
  raw: { Subscribers?: RawTable; Offers?: RawTable; Trades?: RawTable },
): Registers | undefined {
  const out: Registers = {};
  const subs = read("Subscribers");
  if (subs && raw.Subscribers)
    out.subscribers = toRegister<SubscriptionRow>(
      subs,
      raw.Subscribers,
      SUBSCRIBERS_SPEC,
      (row, v) => ({
        subscriptionId:
          typeof v.subscriptionId === "string" && v.subscriptionId
            ? v.subscriptionId
            : String(row),
        fundId: text(v.fundId),
        offerId: text(v.offerId),
        investorId: text(v.investorId),
      }),
    );
  const offers = read("Offers");
  if (offers && raw.Offers)
    out.offers = toRegister<OfferRow>(
      offers,
      raw.Offers,
      OFFERS_SPEC,
      (_row, v) => ({
        offerId: text(v.offerId),
        issuerId: text(v.issuerId),
      }),
    );
  const trades = read("Trades");
  if (trades && raw.Trades)
    out.trades = toRegister<TradeRow>(
      trades,
      raw.Trades,
      TRADES_SPEC,
      (row, v) => ({
        tradeId:
          typeof v.tradeId === "string" && v.tradeId ? v.tradeId : String(row),
        fundId: text(v.fundId),
      }),
    );
  return out.subscribers || out.offers || out.trades ? out : undefined;
}
