import { amountFromString } from "../../../src/engine/amount";
import { checkWorkbook } from "../../../src/engine/check";
import { Dec } from "../../../src/engine/decimal";
import type { Fund, WorkbookModel } from "../../../src/engine/model";
import type {
  OfferRow,
  RegisterSettings,
  SubscriptionRow,
  TradeRow,
} from "../../../src/engine/registers/types";
import type { Report } from "../../../src/engine/result";
import { TABLE_SPECS } from "../../../src/workbook/columns";

export const eur = (text: string) => amountFromString(text);
export const dec = (text: string) => new Dec(text);

const all = (table: "Subscribers" | "Offers" | "Trades") =>
  new Set(TABLE_SPECS[table].columns.map((c) => c.name));

export interface Registers {
  funds?: Partial<Fund>[];
  subscribers?: Partial<SubscriptionRow>[];
  offers?: Partial<OfferRow>[];
  trades?: Partial<TradeRow>[];
  /** Columns to leave out of a table's header. */
  without?: Partial<Record<"Subscribers" | "Offers" | "Trades", string[]>>;
}

/** A workbook model with register tables, rows numbered from 2 as under a header row. */
export function registersModel(r: Registers): WorkbookModel {
  const cols = (t: "Subscribers" | "Offers" | "Trades") => {
    const s = all(t);
    for (const c of r.without?.[t] ?? []) s.delete(c);
    return s;
  };
  const rows = <T>(
    list: Partial<T>[] | undefined,
    extra: (i: number) => Partial<T>,
  ) =>
    (list ?? []).map(
      (x, i) =>
        ({ row: i + 2, invalid: new Set<string>(), ...extra(i), ...x }) as T,
    );
  const model: WorkbookModel = {
    funds: (r.funds ?? []).map(
      (f, i) =>
        ({
          row: i + 2,
          invalid: new Set(),
          fundId: `F${i + 1}`,
          fundType: "FCPR",
          overseasZone: false,
          isSicav: false,
          liquidLabel: false,
          ...f,
        }) as Fund,
    ),
    holdings: [],
    holders: [],
    diagnostics: [],
    holdingsAbsent: true,
    registers: {},
  };
  if (r.subscribers)
    model.registers!.subscribers = {
      rows: rows<SubscriptionRow>(r.subscribers, (i) => ({
        subscriptionId: `S${i + 1}`,
      })),
      columns: cols("Subscribers"),
      headerRow: 1,
    };
  if (r.offers)
    model.registers!.offers = {
      rows: rows<OfferRow>(r.offers, (i) => ({
        offerId: `O${i + 1}`,
        issuerId: "ISS",
      })),
      columns: cols("Offers"),
      headerRow: 1,
    };
  if (r.trades)
    model.registers!.trades = {
      rows: rows<TradeRow>(r.trades, (i) => ({ tradeId: `T${i + 1}` })),
      columns: cols("Trades"),
      headerRow: 1,
    };
  return model;
}

export function check(
  r: Registers,
  asOf = "2025-12-31",
  registers?: RegisterSettings,
): Report {
  return checkWorkbook(registersModel(r), { asOf, registers });
}
