import { type Amount, formatAmount, scaleAmount } from "../amount";
import { addYears, type IsoDate } from "../dates";
import { Dec } from "../decimal";
import type { RuleResult } from "../result";
import { type Counted, Tally, infoCountRule } from "./aggregate";
import {
  type RegisterLaw,
  type Tri,
  amountNumber,
  and,
  or,
  registerLawAt,
} from "./logic";
import {
  type OutOfScope,
  amountFields,
  amountTest,
  decided,
  decisiveCheck,
  outOfScope,
  statusOf,
  withArticle,
} from "./outcome";
import type { RegisterReader } from "./row-values";
import type {
  CheckTest,
  RowCheck,
  SoitSoitReading,
  TradeOutcome,
  TradeRow,
} from "./types";

const EXEMPT_CLIENTS = new Set(["INVESTMENT_FIRM", "MARKET_MEMBER", "L531_2"]);

/** "516-2" or "RG AMF 516-2", as the Funds column legacyRules may write it. */
export function opts516(legacyRules: readonly string[] | undefined): boolean {
  return (legacyRules ?? []).some((v) => isRule516(v));
}

export function isRule516(value: string): boolean {
  const key = value.replace(/[\s.\-_]/g, "").toUpperCase();
  return key === "5162" || key === "RGAMF5162";
}

/**
 * 2° a) and c) "soit 5 % de la capitalisation boursière …, soit 7,5 millions d'euros". Under
 * "either" the amount must exceed the lower of the two; with the capitalisation blank, more than
 * 7.5 M€ still passes. Under "both" it must exceed each.
 */
function blockTrade(
  rule: "OTC-EQ" | "OTC-FUND-EQ",
  r: TradeRow,
  reader: RegisterReader<TradeRow>,
  amountBag: string[],
  t: RegisterLaw,
  reading: SoitSoitReading,
): RowCheck {
  const amount = r.amountEur; // read by the caller: its blank is in amountBag
  const capBag: string[] = [];
  const cap = reader.needed(r, "issuerMarketCap", capBag);
  const capLimit = cap === undefined ? undefined : scaleAmount(cap, t.capShare);
  const capTest: CheckTest = {
    name: "marketCapShare",
    met:
      amount === undefined || capLimit === undefined ? null : amount > capLimit,
    operator: ">",
    value: amount === undefined ? null : amountNumber(amount),
    ...(capLimit === undefined ? {} : { threshold: amountNumber(capLimit) }),
    unit: "EUR",
  };
  const blockTest = amountTest("blockAmount", amount, ">", t.block, false);
  const met =
    reading === "either"
      ? or(capTest.met, blockTest.met)
      : and(capTest.met, blockTest.met);
  const lower =
    capLimit !== undefined && capLimit < t.block ? capLimit : t.block;
  const higher =
    capLimit !== undefined && capLimit > t.block ? capLimit : t.block;
  const threshold = reading === "either" ? lower : higher;
  reader.settle(r, met, [...amountBag, ...capBag]);
  const tests = [capTest, blockTest];
  return withArticle({
    rule,
    ...amountFields(amount, ">", threshold),
    met,
    tests,
  });
}

export interface TradesResult {
  outcomes: TradeOutcome[];
  rules: RuleResult[];
}

/**
 * The Trades rows of one fund against RG AMF 516-2, for a fund that opts in (legacyRules);
 * any other fund's rows, and rows on a regulated market or after the as-of date, are `info`.
 */
export function checkTrades(
  optedIn: boolean,
  rows: TradeRow[],
  reader: RegisterReader<TradeRow>,
  asOf: IsoDate,
  reading: SoitSoitReading = "either",
): TradesResult {
  const t = registerLawAt(asOf);
  const outcomes: TradeOutcome[] = [];
  const tally = new Tally();
  const packages: Counted[] = [];
  let packageChecked = 0;
  for (const r of rows) {
    const base = {
      row: r.row,
      tradeId: r.tradeId,
      tradeDate: r.tradeDate,
      instrumentType: r.instrumentType,
      amountEur: r.amountEur === undefined ? null : formatAmount(r.amountEur),
    };
    const outside: OutOfScope | undefined = !optedIn
      ? { say: "not-opted-in", text: "516-2" }
      : r.venue === "REGULATED"
        ? { say: "regulated-market" }
        : r.tradeDate !== undefined && r.tradeDate > asOf
          ? { say: "after-as-of", date: r.tradeDate }
          : undefined;
    if (outside) {
      outcomes.push({ ...outOfScope(base, outside), allowedBy: null });
      continue;
    }
    const scopeBag: string[] = [];
    const venue = reader.needed(r, "venue", scopeBag);
    const date = reader.needed(r, "tradeDate", scopeBag);
    const scopeKnown = venue !== undefined && date !== undefined;

    const pkg = reader.evidence(r, "packageDeclared");
    if (pkg === true) {
      const c = withArticle({ rule: "OTC-PACKAGE", met: true });
      packageChecked++;
      packages.push({ row: r.row, id: r.tradeId, met: true });
      const allowedBy = "OTC-PACKAGE";
      outcomes.push({ ...base, ...decided("pass", c), checks: [c], allowedBy });
      continue;
    }
    // A package that may have been declared is listed first and decides last.
    const packageCheck: RowCheck[] = [];
    if (pkg === null) {
      packageChecked++;
      packageCheck.push(withArticle({ rule: "OTC-PACKAGE", met: null }));
    }

    const typeBag: string[] = [];
    const type = reader.needed(r, "instrumentType", typeBag);
    const instr = withArticle({
      rule: "OTC-INSTR",
      met: type === undefined ? null : type !== "OTHER",
    });

    const amountBag: string[] = [];
    const amount = reader.needed(r, "amountEur", amountBag);
    const routeChecks: RowCheck[] = [];
    let routeBags: string[] = [...amountBag];
    if (type === "EQUITY") {
      const eq = blockTrade("OTC-EQ", r, reader, amountBag, t, reading);
      routeChecks.push(eq);
      if (eq.met !== true) {
        const dealer = dealerCheck(r, amount, reader, t);
        routeChecks.push(dealer);
      }
      routeBags = [];
    } else if (type === "DEBT") {
      const debt = amountFields(amount, ">", t.debt);
      routeChecks.push(withArticle({ rule: "OTC-DEBT", ...debt }));
    } else if (type === "FUND_UNITS") {
      const clsBag: string[] = [];
      const cls = reader.needed(r, "fundClassification", clsBag);
      if (cls === "EQUITY_FUND") {
        routeChecks.push(
          blockTrade("OTC-FUND-EQ", r, reader, amountBag, t, reading),
        );
        routeBags = [];
      } else if (cls === "BOND_FUND") {
        const debt = amountFields(amount, ">", t.debt);
        routeChecks.push(withArticle({ rule: "OTC-FUND-BOND", ...debt }));
      } else {
        // 2° c) gives thresholds for "Actions" and "Obligations" funds only: other units are not allowed.
        const classTest: CheckTest = {
          name: "fundClassification",
          met: cls === undefined ? null : false,
        };
        for (const rule of ["OTC-FUND-EQ", "OTC-FUND-BOND"])
          routeChecks.push(
            withArticle({ rule, met: classTest.met, tests: [classTest] }),
          );
        reader.settle(r, classTest.met, clsBag);
        routeBags = [];
      }
    }
    const route: Tri =
      type === undefined
        ? null
        : type === "OTHER"
          ? false
          : type === "FUND_UNITS" && routeChecks.length === 2
            ? routeChecks[0].met
            : or(...routeChecks.map((c) => c.met));
    if (routeBags.length && routeChecks.length)
      reader.settle(r, routeChecks[0].met, routeBags);

    const req = requestCheck(r, type, date, reader, t);
    const checks = [...packageCheck, instr, ...routeChecks, req];

    const compliant = or(pkg, and(instr.met, route, req.met));
    reader.settle(r, instr.met, typeBag);
    if (compliant !== true) reader.settle(r, null, scopeBag);
    const status = statusOf(compliant, scopeKnown);
    const allowing = routeChecks.find((c) => c.met === true);
    const allowedBy = compliant === true ? (allowing?.rule ?? null) : null;
    // Incomplete with nothing unknown (the scope unknown): the failed check decides.
    const ordered = [instr, ...routeChecks, req, ...packageCheck];
    const decisive =
      decisiveCheck(status, ordered, allowing) ??
      ordered.find((c) => c.met === false)!;
    outcomes.push({ ...base, ...decided(status, decisive), checks, allowedBy });
    const counted = checks.filter((c) => c.rule !== "OTC-PACKAGE");
    tally.addRow({ row: r.row, id: r.tradeId }, compliant, scopeKnown, counted);
  }
  const rules = tally.rules();
  if (packageChecked)
    rules.push(infoCountRule("OTC-PACKAGE", packages, packageChecked));
  return { outcomes, rules };
}

/**
 * The dealer exception to 2° a): a firm dealing on own account, at least 500,000 €, a price
 * agreed in advance within 1 % of the VWAP, whose period starts no earlier than the agreement.
 */
function dealerCheck(
  r: TradeRow,
  amount: Amount | undefined,
  reader: RegisterReader<TradeRow>,
  t: RegisterLaw,
): RowCheck {
  const bag: string[] = [];
  const least = amountTest("amount", amount, ">=", t.dealer, false);
  const price = reader.needed(r, "agreedPrice", bag);
  const vwap = reader.needed(r, "referenceVwap", bag);
  let deviation: Dec | undefined;
  if (price !== undefined && vwap !== undefined && vwap.gt(0))
    deviation = price.minus(vwap).abs().dividedBy(vwap);
  const deviationTest: CheckTest = {
    name: "priceDeviation",
    met: deviation === undefined ? null : deviation.lte(t.deviation),
    operator: "<=",
    value: deviation === undefined ? null : deviation.toNumber(),
    threshold: t.deviation.toNumber(),
    unit: "fraction",
    ...(deviation === undefined ? {} : { exact: deviation.toString() }),
  };
  const own: CheckTest = {
    name: "ownAccount",
    met: reader.evidence(r, "counterpartyDealsOnOwnAccount"),
  };
  const agreedAt = reader.needed(r, "agreedAt", bag);
  const vwapFrom = reader.needed(r, "vwapFrom", bag);
  const window: CheckTest = {
    name: "vwapWindow",
    met:
      agreedAt === undefined || vwapFrom === undefined
        ? null
        : vwapFrom >= agreedAt,
  };
  const met = and(least.met, deviationTest.met, own.met, window.met);
  reader.settle(r, met, bag);
  return withArticle({
    rule: "OTC-DEALER",
    met,
    tests: [least, deviationTest, own, window],
  });
}

/**
 * 3°: a written request per transaction; exempt clients (investment firms, market members,
 * L. 531-2) may ask by any means, and may give a written standing request for debt securities,
 * which covers at most one year from its start.
 */
function requestCheck(
  r: TradeRow,
  type: TradeRow["instrumentType"],
  date: IsoDate | undefined,
  reader: RegisterReader<TradeRow>,
  t: RegisterLaw,
): RowCheck {
  const form = reader.control(r, "requestForm", "OTC-REQ");
  const client: Tri = r.invalid.has("clientCategory")
    ? null
    : EXEMPT_CLIENTS.has(r.clientCategory ?? "OTHER");
  const tests: CheckTest[] = [
    { name: "requestForm", met: form === null ? null : form !== undefined },
  ];
  let met: Tri;
  if (form === null) met = null;
  else if (form === undefined) met = false;
  else if (form === "WRITTEN") met = true;
  else if (form === "OTHER_MEANS") met = client;
  else {
    const bag: string[] = [];
    const from = reader.needed(r, "standingFrom", bag);
    let inPeriod: Tri = null;
    if (from !== undefined && date !== undefined) {
      const cap = addYears(from, t.standingYears);
      const until =
        r.standingUntil !== undefined && r.standingUntil < cap
          ? r.standingUntil
          : cap;
      inPeriod = date >= from && date <= until;
      // An unreadable end may come before the trade: within the year, whether it is covered is unknown.
      if (inPeriod && r.invalid.has("standingUntil")) inPeriod = null;
    }
    const debt: Tri = type === undefined ? null : type === "DEBT";
    tests.push(
      { name: "exemptClient", met: client },
      { name: "debtSecurities", met: debt },
      { name: "standingPeriod", met: inPeriod },
    );
    met = and(client, debt, inPeriod);
    reader.settle(r, met, bag);
  }
  if (form === "OTHER_MEANS") tests.push({ name: "exemptClient", met: client });
  return withArticle({ rule: "OTC-REQ", met, tests });
}
