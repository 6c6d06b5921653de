import type { Amount } from "../amount";
import type { Dec } from "../decimal";
import { reason } from "../reasons";
import { toEuros } from "./logic";
import type { RegisterReader } from "./row-values";
import type { RegisterRow } from "./types";

interface Priced extends RegisterRow {
  currency?: string;
  fxRate?: Dec;
}

/**
 * The euro amount of a row's `column` (contract §3.3), or undefined when it is unknown: the
 * amount blank or unreadable, the currency unreadable, or a foreign amount without a usable rate.
 */
export function eurosOf<R extends Priced>(
  reader: RegisterReader<R>,
  r: R,
  column: keyof R & string,
  bag: string[],
): Amount | undefined {
  const amount = reader.needed(r, column, bag) as Amount | undefined;
  if (r.invalid.has("currency")) return undefined;
  const currency = r.currency?.toUpperCase();
  if (currency !== undefined && currency !== "EUR") {
    const rate = reader.needed(r, "fxRate", bag) as Dec | undefined;
    if (rate !== undefined && !rate.gt(0)) {
      reader.diagnostics.push(
        reader.rowDiagnostic(
          r.row,
          "fxRate",
          "error",
          reason("fx-rate-not-positive", { column: "fxRate" }),
          rate.toString(),
        ),
      );
      return undefined;
    }
  }
  if (amount === undefined) return undefined;
  return toEuros(amount, currency, r.fxRate);
}
