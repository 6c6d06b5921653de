import { compareText } from "../compare-text";
import { type Amount, formatAmount } from "../amount";
import { addMonths, type IsoDate } from "../dates";
import { registerRule } from "../../law/registers";
import type { GroupResult, RuleResult, Status } from "../result";
import { worstStatus } from "../result";
import { Tally } from "./aggregate";
import { eurosOf } from "./euros";
import {
  type RegisterLaw,
  type Tri,
  amountNumber,
  and,
  lawAmount,
  not,
  registerLawAt,
} from "./logic";
import {
  allTests,
  amountFields,
  decided,
  decisiveCheck,
  isOneOf,
  outOfScope,
  ruleCheck,
  statusOf,
} from "./outcome";
import {
  rowReasonEnglish,
  twelveMonthEnglish,
} from "../../present/registers-english";
import type { RegisterReader } from "./row-values";
import type {
  OfferInvestor,
  OfferOutcome,
  OfferRow,
  RowCheck,
  SubscriptionRow,
} from "./types";

/** The cases whose amounts count towards the 8 M€ over twelve months of D. 411-2-1 IV. */
const countsOver12Months = (offerCase: OfferRow["offerCase"]) =>
  offerCase === "SMALL_OFFER" || offerCase === "CROWDFUNDING";

/** Offers of the same day by offerId, then row: the running total's order (docs/workbook-format.md). */
const byDateThenId = (a: OfferRow, b: OfferRow) =>
  compareText(a.offerDate, b.offerDate) ||
  compareText(a.offerId, b.offerId) ||
  a.row - b.row;

function amountCheck(
  rule: string,
  amount: Amount | undefined,
  operator: "<" | ">=",
  threshold: Amount,
  key?: string,
): RowCheck {
  return {
    rule,
    article: registerRule(rule).article,
    ...(key !== undefined ? { key } : {}),
    ...amountFields(amount, operator, threshold),
  };
}

/**
 * L. 411-2 1° « ou à des investisseurs qualifiés »: with no non-qualified offeree the offer needs
 * no own account. A blank count may be 0, so without own account shown it is unknown, not failed.
 */
function ownAccountMet(nonQualified: number | undefined, own: Tri): Tri {
  if (nonQualified === 0 || own === true) return true;
  return nonQualified === undefined ? null : own;
}

export interface IssuerResult {
  rules: RuleResult[];
  offers: OfferOutcome[];
  status: Status;
}

/**
 * One issuer's offers (L. 411-2, D. 411-2-1): each offer against the rule of its case, the
 * 8 M€ over twelve months of D. 411-2-1 IV on the SMALL_OFFER and CROWDFUNDING offers
 * (windows from the first offer, anniversary included, not rolling), and the 100,000 € per
 * investor and per distinct offer from the offer's Subscribers rows.
 */
export function checkIssuer(
  offers: OfferRow[],
  acquisitions: Map<OfferRow, SubscriptionRow[]>,
  offerReader: RegisterReader<OfferRow>,
  subscriberReader: RegisterReader<SubscriptionRow>,
  asOf: IsoDate,
): IssuerResult {
  const t = registerLawAt(asOf);
  const eur = new Map<OfferRow, Amount | undefined>();
  const amountBag = new Map<OfferRow, string[]>();
  for (const o of offers) {
    // Another case's amount is only shown: read when given, its blank never reported.
    const bag: string[] = [];
    const read = countsOver12Months(o.offerCase) || o.offerAmount !== undefined;
    eur.set(o, read ? eurosOf(offerReader, o, "offerAmount", bag) : undefined);
    amountBag.set(o, bag);
  }
  const windows = twelveMonthWindows(offers, eur, asOf, t);
  const outcomes: OfferOutcome[] = [];
  const tally = new Tally();
  for (const o of offers) {
    const offerId = o.offerId ?? String(o.row);
    const investors = investorsOf(acquisitions.get(o) ?? [], subscriberReader);
    const amount = eur.get(o);
    const base = {
      row: o.row,
      offerId,
      offerCase: o.offerCase,
      offerDate: o.offerDate,
      amountEur: amount === undefined ? null : formatAmount(amount),
      window: windows.checkOf.get(o)?.key ?? null,
      investors: investors,
    };
    if (o.offerDate !== undefined && o.offerDate > asOf) {
      const date = o.offerDate;
      outcomes.push(
        outOfScope(base, { say: "after-as-of", date, offer: true }),
      );
      continue;
    }
    const dateBag: string[] = [];
    const date = offerReader.needed(o, "offerDate", dateBag);
    const caseBag: string[] = [];
    const offerCase = offerReader.needed(o, "offerCase", caseBag);
    const checks: RowCheck[] = [];
    const bag: string[] = [];
    switch (offerCase) {
      case "QUALIFIED": {
        const n = offerReader.needed(o, "nonQualifiedOfferees", bag);
        const own = offerReader.evidence(o, "ownAccount");
        checks.push(
          allTests("OFF-QI", [
            {
              name: "nonQualifiedOfferees",
              met: n === undefined ? null : n < t.circle,
              operator: "<",
              value: n ?? null,
              threshold: t.circle,
              unit: "count",
            },
            { name: "ownAccount", met: ownAccountMet(n, own) },
          ]),
        );
        break;
      }
      case "CROWDFUNDING": {
        const type = offerReader.needed(o, "securityType", bag);
        const channel = offerReader.needed(o, "channel", bag);
        const admitted = offerReader.evidence(o, "admittedToTrading");
        const sites = ["INVESTMENT_FIRM_WEBSITE", "CIP_WEBSITE"] as const;
        checks.push(
          allTests("OFF-CF", [
            { name: "securityType", met: isOneOf(type, ["EQUITY", "DEBT"]) },
            { name: "notAdmittedToTrading", met: not(admitted) },
            { name: "channel", met: isOneOf(channel, sites) },
          ]),
        );
        break;
      }
      case "EXISTING_PARTNERS": {
        const type = offerReader.needed(o, "securityType", bag);
        const partners = offerReader.evidence(o, "existingPartnersOnly");
        const types = ["EQUITY", "PARTS_SOCIALES"] as const;
        checks.push(
          allTests("OFF-EXIST", [
            { name: "existingPartnersOnly", met: partners },
            { name: "securityType", met: isOneOf(type, types) },
          ]),
        );
        break;
      }
      case "SMALL_OFFER":
        checks.push(amountCheck("OFF-8M", amount, "<", t.small));
        bag.push(...(amountBag.get(o) ?? []));
        break;
      case "LARGE_TICKET":
        if (investors.length === 0)
          checks.push(ruleCheck("OFF-100K-INV", null));
        for (const inv of investors)
          checks.push(
            amountCheck(
              "OFF-100K-INV",
              inv.amountEur === null ? undefined : lawAmount(inv.amountEur),
              ">=",
              t.ticket,
              inv.investorId,
            ),
          );
        break;
      case "HIGH_NOMINAL": {
        const nominal = eurosOf(offerReader, o, "nominalPerSecurity", bag);
        checks.push(amountCheck("OFF-100K-NOM", nominal, ">=", t.nominal));
        break;
      }
      default:
        break;
    }
    if (countsOver12Months(offerCase)) {
      const w = windows.checkOf.get(o);
      checks.push(w ?? ruleCheck("OFF-12M", null));
      if (!w) offerReader.settle(o, null, dateBag);
      if (offerCase === "CROWDFUNDING")
        offerReader.settle(o, w?.met ?? null, amountBag.get(o) ?? []);
    }
    const met =
      offerCase === undefined ? null : and(...checks.map((c) => c.met));
    offerReader.settle(o, checks[0]?.met ?? null, bag);
    offerReader.settle(o, met, caseBag);
    const status = statusOf(met, date !== undefined);
    // An unknown row with no unknown check is decided by a failed one, else by its case.
    const decisive = decisiveCheck(status, checks, checks[0]) ??
      checks.find((c) => c.met === false) ?? {
        rule: "offerCase",
        article: "L. 411-2, D. 411-2-1",
        met: null,
      };
    const caseUnknown = rowReasonEnglish({ say: "offer-case-unknown" });
    outcomes.push({
      ...base,
      ...decided(
        status,
        decisive,
        offerCase === undefined ? caseUnknown : undefined,
      ),
      checks,
    });
    const counted = checks.filter((c) => c.rule !== "OFF-12M");
    tally.addRow({ row: o.row, id: offerId }, met, date !== undefined, counted);
  }
  const rules = tally.rules();
  if (windows.groups.length || windows.unplaced)
    rules.push(twelveMonthRule(windows.groups, windows.unplaced, t));
  return {
    rules,
    offers: outcomes,
    status: rules.length ? worstStatus(rules) : "info",
  };
}

/** The offer's Subscribers rows by investor, every row listed (none goes unaccounted). */
function investorsOf(
  rows: SubscriptionRow[],
  reader: RegisterReader<SubscriptionRow>,
): OfferInvestor[] {
  const byInvestor = new Map<string, { rows: number[]; sum: Amount | null }>();
  for (const r of rows) {
    const bag: string[] = [];
    const investor = reader.needed(r, "investorId", bag);
    const amount = eurosOf(reader, r, "amount", bag);
    if (investor === undefined || amount === undefined)
      reader.settle(r, null, bag);
    const key = investor ?? "";
    const entry = byInvestor.get(key) ?? { rows: [], sum: 0n };
    entry.rows.push(r.row);
    entry.sum =
      entry.sum === null || amount === undefined || investor === undefined
        ? null
        : entry.sum + amount;
    byInvestor.set(key, entry);
  }
  return [...byInvestor].map(([investorId, e]) => ({
    investorId,
    rows: e.rows,
    amountEur: e.sum === null ? null : formatAmount(e.sum),
  }));
}

/** A window as reported (`group`) and its running total. */
interface Window {
  group: GroupResult;
  total: Amount;
  unknown: boolean;
  /** The offer whose running total first reaches the ceiling. */
  breaker?: string;
}

interface Windows {
  groups: Window[];
  /** Each placed offer's OFF-12M check, keyed by its window. */
  checkOf: Map<OfferRow, RowCheck>;
  /** Offers that may count but cannot be placed (date or case unknown). */
  unplaced: number;
}

/**
 * D. 411-2-1 IV (contract §3.4): the issuer's SMALL_OFFER and CROWDFUNDING offers up to the
 * as-of date, in windows that start at the first offer D and end on D + 12 months (same day,
 * clamped to the month's end), both included; the first offer after a window opens the next.
 * Each offer carries the window's running total up to itself.
 */
function twelveMonthWindows(
  offers: OfferRow[],
  eur: Map<OfferRow, Amount | undefined>,
  asOf: IsoDate,
  t: RegisterLaw,
): Windows {
  const countedCase = (o: OfferRow) => countsOver12Months(o.offerCase);
  const placeable = offers
    .filter(
      (o) => countedCase(o) && o.offerDate !== undefined && o.offerDate <= asOf,
    )
    // The same day: by offerId, then row, not in the rows' order, so that sorting the register
    // never changes which offer reaches the 8 M€.
    .sort(byDateThenId);
  const unplaced = offers.filter(
    (o) =>
      (countedCase(o) && o.offerDate === undefined) ||
      (o.offerCase === undefined &&
        (o.offerDate === undefined || o.offerDate <= asOf)),
  );
  const windows: Windows = {
    groups: [],
    checkOf: new Map(),
    unplaced: unplaced.length,
  };
  let current: Window | undefined;
  for (const o of placeable) {
    if (!current || o.offerDate! > current.group.until!) {
      const group: GroupResult = {
        key: o.offerDate!,
        from: o.offerDate!,
        until: addMonths(o.offerDate!, t.months),
        offers: [],
        value: 0,
        numerator: "0.00",
        status: "pass",
        unit: "EUR",
      };
      current = { group, total: 0n, unknown: false };
      windows.groups.push(current);
    }
    const amount = eur.get(o);
    if (amount === undefined) current.unknown = true;
    else current.total += amount;
    current.group.offers!.push(o.offerId ?? String(o.row));
    // Amounts are never negative in an offer: a known total at 8 M€ is a breach whatever is unknown.
    const reached = current.total >= t.twelve;
    const met: Tri = reached ? false : current.unknown ? null : true;
    if (reached && current.breaker === undefined)
      current.breaker = o.offerId ?? String(o.row);
    const { key } = current.group;
    const total = amountCheck("OFF-12M", current.total, "<", t.twelve, key);
    windows.checkOf.set(o, { ...total, met });
  }
  if (unplaced.length)
    doubtPassesNearUnplaced(placeable, unplaced, eur, windows.checkOf, t);
  for (const { group, total, unknown } of windows.groups) {
    group.value = amountNumber(total);
    group.numerator = formatAmount(total);
    group.status =
      total >= t.twelve ? "breach" : unknown ? "incomplete" : "pass";
  }
  return windows;
}

/**
 * D. 411-2-1 IV with offers that cannot be placed (date or case unknown; contract §3.1: an unreadable
 * value never makes a pass). A window that holds an offer started at most twelve months before it,
 * so the offer's running total is at most the placed offers from then up to it, plus the unplaced
 * offers that may fall there (any whose date is unknown). A pass stands only when that most is below
 * the ceiling; otherwise its OFF-12M is unknown.
 */
function doubtPassesNearUnplaced(
  placed: OfferRow[],
  unplaced: OfferRow[],
  eur: Map<OfferRow, Amount | undefined>,
  checkOf: Map<OfferRow, RowCheck>,
  t: RegisterLaw,
): void {
  const reaches = (from: OfferRow, o: OfferRow) =>
    addMonths(from.offerDate!, t.months) >= o.offerDate!;
  // The placed offers that may share a window with `o` and come up to it: placed[first..o].
  let first = 0;
  const most = new WindowSum(eur);
  for (const o of placed) {
    most.add(o);
    while (!reaches(placed[first], o)) most.remove(placed[first++]);
    const check = checkOf.get(o)!;
    if (check.met !== true) continue;
    const mayPrecede = (u: OfferRow) =>
      u.offerDate === undefined || (byDateThenId(u, o) < 0 && reaches(u, o));
    const near = unplaced.filter(mayPrecede);
    if (!most.belowWith(near, t.twelve))
      checkOf.set(o, { ...check, met: null });
  }
}

/** A sum of offer amounts in euros that knows how many of them are unknown. */
class WindowSum {
  private known: Amount = 0n;
  private unknown = 0;

  constructor(private readonly eur: Map<OfferRow, Amount | undefined>) {}

  add(o: OfferRow): void {
    const a = this.eur.get(o);
    if (a === undefined) this.unknown++;
    else this.known += a;
  }

  remove(o: OfferRow): void {
    const a = this.eur.get(o);
    if (a === undefined) this.unknown--;
    else this.known -= a;
  }

  /** Whether the sum with `more` is certainly below `ceiling` (an unknown amount may be any). */
  belowWith(more: OfferRow[], ceiling: Amount): boolean {
    let total = this.known;
    for (const o of more) {
      const a = this.eur.get(o);
      if (a === undefined) return false;
      total += a;
    }
    return this.unknown === 0 && total < ceiling;
  }
}

/** OFF-12M for the issuer: the largest window total, its headroom, every window. */
function twelveMonthRule(
  groups: Windows["groups"],
  unplaced: number,
  t: RegisterLaw,
): RuleResult {
  const law = registerRule("OFF-12M");
  const largest = groups.reduce<Amount>(
    (m, g) => (g.total > m ? g.total : m),
    0n,
  );
  const breaches = groups.filter((g) => g.group.status === "breach");
  const unknown =
    unplaced > 0 || groups.some((g) => g.group.status === "incomplete");
  const breach = breaches.length > 0;
  const status: Status = breach ? "breach" : unknown ? "incomplete" : "pass";
  const worst = groups.find((g) => g.total === largest)?.group;
  const result: RuleResult = {
    id: "OFF-12M",
    article: law.article,
    direction: "max",
    operator: "<",
    threshold: amountNumber(t.twelve),
    value: amountNumber(largest),
    numerator: formatAmount(largest),
    denominator: null,
    unit: "EUR",
    headroom: formatAmount(t.twelve - largest),
    status,
    message: twelveMonthEnglish({
      status,
      largest: formatAmount(largest),
      threshold: formatAmount(t.twelve),
      from: worst?.from,
      until: worst?.until,
      breaches: breaches.map(({ group, breaker }) => ({
        ...group,
        breaker,
        offers: group.offers!,
        total: group.numerator,
      })),
    }),
    groups: groups.map((g) => g.group),
    version: law.version,
  };
  if (status === "incomplete") result.partial = true;
  return result;
}
