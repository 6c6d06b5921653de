import { Dec } from "../../engine/decimal";
import type { IsoDate } from "../../engine/dates";
import { type LawParameter, requireVersion } from "../parameter";

/**
 * A threshold as the text states it: an exact decimal ("0.75") or a fraction the text writes in
 * words ("1/3" for « un tiers », "2/3" for « les deux tiers »), so that ⅓ and ⅔ are compared
 * exactly, in integers, never through a rounded decimal.
 */
export interface Fraction {
  p: Dec;
  q: Dec;
}

const CACHE = new Map<string, Fraction>();

export function parseFraction(text: string): Fraction {
  let f = CACHE.get(text);
  if (!f) {
    const [p, q] = text.split("/");
    f = { p: new Dec(p), q: new Dec(q ?? "1") };
    CACHE.set(text, f);
  }
  return f;
}

/** The fraction of the version in force on `date`. */
export function fractionAt(p: LawParameter<string>, date: IsoDate): Fraction {
  return parseFraction(requireVersion(p, date).value);
}

/** The nearest JSON number, as the report carries it (⅓ → 0.3333333333333333). */
export function fractionNumber(f: Fraction): number {
  return f.p.toNumber() / f.q.toNumber();
}
