import type { IsoDate } from "./dates";

/**
 * The codes of the other Livre II rules (WORKBOOK-FORMAT-LIVRE2), with their facts. A sentence of
 * a rule's message is one `l2-note` with a key; a position's cause is one `l2-position` with a key.
 * The sentences themselves are in src/present/reasons-livre2.ts, in French and English.
 */
export const L2_NOTES = [
  "forest-other-assets",
  "raise-deadline",
  "raise-before-deadline",
  "orders-ignored",
  "price-gap",
  "buyback-limit",
  "buyback-price-unknown",
  "fcpe-regime-164",
  "fcpe-regime-165",
  "fcpe-sol-feeder",
  "fcpe-sol-advances",
  "fcpe-foreign-not-binding",
  "fcpe-foreign-exempt",
  "commitment-from",
  "first-year-end-needed",
  "binding-from",
  "investors",
  "investors-case",
  "claim-unread",
  "holders-missing",
  "value-negative",
  "debt-without-maximum",
  "values-missing",
  "scpi-debt",
  "not-assessed",
  "masters-strategy",
] as const;
export type L2Note = (typeof L2_NOTES)[number];

export const L2_POSITIONS = [
  "scpi-category-0",
  "scpi-2-listed",
  "scpi-joint-liability",
  "scpi-advance-gate",
] as const;
export type L2Position = (typeof L2_POSITIONS)[number];
/** The positions a gate refuses (a row the product could not read may meet it); the others a closed list or a prohibition does. */
export const L2_GATES: ReadonlySet<L2Position> = new Set(["scpi-advance-gate"]);

export interface Livre2ReasonFacts {
  "l2-note": {
    key: L2Note;
    article?: string;
    amount?: string;
    count?: number;
    share?: string;
    threshold?: string;
    date?: IsoDate;
    column?: string;
    name?: string;
  };
  "l2-position": {
    key: L2Position;
    article: string;
    issuer?: string;
    ownership?: string;
  };
  /** A position counted in a Livre II rule's numerator. */
  "l2-counted": { article: string };
}
