import type { Status } from "../engine/result";
import { type Register, registerRule } from "../law/registers";

/**
 * The registers' English text fields (a row's `reason`, a register rule's `message`), made from
 * their facts: the one place they are written; the JSON report keeps them for scripts and faces.
 * The engine imports this module as it imports english.ts (src/present/registers.ts says the same
 * facts in French).
 */

/** Why a register row came out as it did, as facts. */
export type RowFacts =
  | {
      say: "decisive";
      status: Status;
      rule: string;
      article: string;
      met: boolean | null;
    }
  | { say: "after-as-of"; date: string; offer?: boolean }
  | { say: "not-opted-in"; text: "412-113" | "516-2" }
  | { say: "regulated-market" }
  | { say: "offer-case-unknown" };

export function rowReasonEnglish(f: RowFacts): string {
  switch (f.say) {
    case "decisive": {
      const where = `${f.rule} (${f.article})`;
      if (f.status === "pass") return `Allowed under ${where}.`;
      if (f.status === "breach") return `Not allowed: ${where} is not met.`;
      return f.met === null
        ? `Incomplete: ${where} cannot be decided from the register.`
        : `Incomplete: the row's date is unknown, so whether it is checked is unknown (${where}).`;
    }
    case "after-as-of":
      return `Not checked: ${f.offer ? "the offer is " : ""}dated ${f.date}, after the as-of date.`;
    case "not-opted-in":
      return f.text === "412-113"
        ? "Not checked: historical text (RG AMF 412-113); the fund is not marked allege."
        : "Not checked: historical text (RG AMF 516-2); the fund does not list it in legacyRules.";
    case "regulated-market":
      return "Executed on a regulated market: RG AMF 516-2 does not apply.";
    case "offer-case-unknown":
      return "Incomplete: the offer's case (offerCase) is unknown, so the rule that applies is unknown.";
  }
}

/** One row (or one investor of an offer) a register rule names. */
export interface NamedRow {
  row: number;
  id: string;
  key?: string;
}

/** What a register's rows are called, one and several. */
const NOUN: Record<Register, [string, string]> = {
  subscribers: ["subscription", "subscriptions"],
  trades: ["trade", "trades"],
  offers: ["offer", "offers"],
};
/** "3 trades": `n` rows of the register rule `id` reads. */
const rows = (n: number, id: string) =>
  `${n} ${NOUN[registerRule(id).register][n === 1 ? 0 : 1]}`;

function named(list: NamedRow[]): string {
  const shown = list
    .slice(0, 10)
    .map(
      (c) =>
        `${c.id}${c.key !== undefined ? ` / ${c.key}` : ""} (row ${c.row})`,
    );
  return (
    shown.join(", ") +
    (list.length > 10 ? `, and ${list.length - 10} more` : "")
  );
}

/** A count rule of a register: the rows failing it, or unknown on it, or how many were checked. */
export function countRuleEnglish(
  id: string,
  failing: NamedRow[],
  unknown: NamedRow[],
  checked: number,
): string {
  if (failing.length)
    return `${rows(failing.length, id)} not meeting ${id}: ${named(failing)}.`;
  if (unknown.length)
    return `${id} is unknown on ${rows(unknown.length, id)}: ${named(unknown)}.`;
  return `${rows(checked, id)} checked, none failing.`;
}

/** FCPRA-DEPO and OTC-PACKAGE: the rows to report, or allowed as an element of an agreement. */
export function infoRuleEnglish(id: string, list: NamedRow[]): string {
  const n = list.length;
  if (id === "FCPRA-DEPO")
    return n
      ? `${rows(n, id)} to report to the AMF (failures of I, II or III): ${named(list)}.`
      : "No failure of I, II or III to report to the AMF.";
  return n
    ? `${rows(n, id)} allowed as an element of a wider agreement: ${named(list)}.`
    : "No trade declared as an element of a wider agreement.";
}

/** OFF-12M: the windows in breach, or the total unknown, or the largest total below the threshold. */
export function twelveMonthEnglish(f: {
  status: Status;
  largest: string;
  threshold: string;
  from?: string;
  until?: string;
  breaches: {
    breaker?: string;
    key: string;
    offers: string[];
    total: string;
  }[];
}): string {
  if (f.status === "breach")
    return `The offers of ${f.from} to ${f.until} total ${f.largest} EUR, not below ${f.threshold} EUR: ${f.breaches
      .map(
        (g) =>
          `offer ${g.breaker} brings the window from ${g.key} (offers ${g.offers.join(", ")}) to ${g.total} EUR`,
      )
      .join("; ")}.`;
  if (f.status === "incomplete")
    return "The twelve-month total is unknown: an offer's amount, date or case could not be read.";
  return `Largest twelve-month total ${f.largest} EUR, below ${f.threshold} EUR.`;
}
