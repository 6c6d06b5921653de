import { type Amount, formatAmount, scaleAmount } from "../amount";
import { addYears, type IsoDate } from "../dates";
import { Dec } from "../decimal";
import { requireVersion } from "../../law/parameter";
import { REGISTER_LAW, registerRule } from "../../law/registers";
import type { RuleResult } from "../result";
import { type Counted, countRule, infoCountRule } from "./aggregate";
import { type Tri, amountNumber, and, compare, lawAmount, or } from "./logic";
import { decisiveSentence, statusOf } from "./outcome";
import { rowReasonEnglish } from "../../present/registers-english";
import type { RegisterReader } from "./row-values";
import type {
  CheckTest,
  RowCheck,
  SoitSoitReading,
  TradeOutcome,
  TradeRow,
} from "./types";

const ROUTE_RULES = [
  "OTC-INSTR",
  "OTC-EQ",
  "OTC-DEALER",
  "OTC-DEBT",
  "OTC-FUND-EQ",
  "OTC-FUND-BOND",
  "OTC-REQ",
] as const;

const EXEMPT_CLIENTS = new Set(["INVESTMENT_FIRM", "MARKET_MEMBER", "L531_2"]);

/** "516-2" or "RG AMF 516-2", as the Funds column legacyRules may write it. */
export function opts516(legacyRules: readonly string[] | undefined): boolean {
  return (legacyRules ?? []).some((v) => isRule516(v));
}

export function isRule516(value: string): boolean {
  const key = value.replace(/[\s.\-_]/g, "").toUpperCase();
  return key === "5162" || key === "RGAMF5162";
}

function thresholds(asOf: IsoDate) {
  return {
    capShare: new Dec(requireVersion(REGISTER_LAW.capShare, asOf).value),
    block: lawAmount(requireVersion(REGISTER_LAW.blockAmount, asOf).value),
    debt: lawAmount(requireVersion(REGISTER_LAW.debtAmount, asOf).value),
    dealer: lawAmount(requireVersion(REGISTER_LAW.dealerAmount, asOf).value),
    deviation: new Dec(
      requireVersion(REGISTER_LAW.dealerDeviation, asOf).value,
    ),
    standingYears: requireVersion(REGISTER_LAW.standingYears, asOf).value,
  };
}
type Thresholds = ReturnType<typeof thresholds>;

function withArticle(c: Omit<RowCheck, "article">): RowCheck {
  return { ...c, article: registerRule(c.rule).article } as RowCheck;
}

function exceeds(
  rule: string,
  amount: Amount | undefined,
  threshold: Amount,
): RowCheck {
  return withArticle({
    rule,
    met: amount === undefined ? null : compare(amount, ">", threshold),
    operator: ">",
    value: amount === undefined ? null : amountNumber(amount),
    threshold: amountNumber(threshold),
    unit: "EUR",
    ...(amount === undefined ? {} : { exact: formatAmount(amount) }),
  });
}

/**
 * 2° a) and c) "soit 5 % de la capitalisation boursière …, soit 7,5 millions d'euros". Under
 * "either" the amount must exceed the lower of the two; with the capitalisation blank, more than
 * 7.5 M€ still passes. Under "both" it must exceed each.
 */
function blockTrade(
  rule: "OTC-EQ" | "OTC-FUND-EQ",
  amount: Amount | undefined,
  cap: Amount | undefined,
  capUnreadable: boolean,
  t: Thresholds,
  reading: SoitSoitReading,
): RowCheck {
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
  const blockTest: CheckTest = {
    name: "blockAmount",
    met: amount === undefined ? null : amount > t.block,
    operator: ">",
    value: amount === undefined ? null : amountNumber(amount),
    threshold: amountNumber(t.block),
    unit: "EUR",
  };
  void capUnreadable;
  const met =
    reading === "either"
      ? or(capTest.met, blockTest.met)
      : and(capTest.met, blockTest.met);
  const threshold =
    capLimit === undefined
      ? t.block
      : reading === "either"
        ? capLimit < t.block
          ? capLimit
          : t.block
        : capLimit > t.block
          ? capLimit
          : t.block;
  return withArticle({
    rule,
    met,
    operator: ">",
    value: amount === undefined ? null : amountNumber(amount),
    threshold: amountNumber(threshold),
    unit: "EUR",
    ...(amount === undefined ? {} : { exact: formatAmount(amount) }),
    tests: [capTest, blockTest],
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
  const t = thresholds(asOf);
  const outcomes: TradeOutcome[] = [];
  const counted = new Map<string, Counted[]>();
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
    const info = (
      scope: TradeOutcome["scope"],
      reason: string,
    ): TradeOutcome => ({
      ...base,
      status: "info",
      scope,
      reason,
      checks: [],
      allowedBy: null,
    });
    if (!optedIn) {
      outcomes.push(
        info(
          "not-opted-in",
          rowReasonEnglish({ say: "not-opted-in", text: "516-2" }),
        ),
      );
      continue;
    }
    if (r.venue === "REGULATED") {
      outcomes.push(
        info("regulated-market", rowReasonEnglish({ say: "regulated-market" })),
      );
      continue;
    }
    if (r.tradeDate !== undefined && r.tradeDate > asOf) {
      outcomes.push(
        info(
          "after-as-of",
          rowReasonEnglish({ say: "after-as-of", date: r.tradeDate }),
        ),
      );
      continue;
    }
    const scopeBag: string[] = [];
    const venue = reader.needed(r, "venue", scopeBag);
    const date = reader.needed(r, "tradeDate", scopeBag);
    const scopeKnown = venue !== undefined && date !== undefined;

    const checks: RowCheck[] = [];
    const pkg = reader.evidence(r, "packageDeclared");
    if (pkg === true) {
      const c = withArticle({ rule: "OTC-PACKAGE", met: true });
      packageChecked++;
      packages.push({ row: r.row, id: r.tradeId, met: true });
      outcomes.push({
        ...base,
        status: "pass",
        reason: decisiveSentence("pass", c),
        decisive: { rule: c.rule, article: c.article, met: true },
        checks: [c],
        allowedBy: "OTC-PACKAGE",
      });
      continue;
    }
    if (pkg === null) {
      packageChecked++;
      checks.push(withArticle({ rule: "OTC-PACKAGE", met: null }));
    }

    const typeBag: string[] = [];
    const type = reader.needed(r, "instrumentType", typeBag);
    const instr = withArticle({
      rule: "OTC-INSTR",
      met: type === undefined ? null : type !== "OTHER",
    });
    checks.push(instr);

    const amountBag: string[] = [];
    const amount = reader.needed(r, "amountEur", amountBag);
    const routeChecks: RowCheck[] = [];
    let routeBags: string[] = [...amountBag];
    if (type === "EQUITY") {
      const capBag: string[] = [];
      const cap = reader.needed(r, "issuerMarketCap", capBag);
      const eq = blockTrade(
        "OTC-EQ",
        amount,
        cap,
        r.invalid.has("issuerMarketCap"),
        t,
        reading,
      );
      routeChecks.push(eq);
      reader.settle(r, eq.met, [...amountBag, ...capBag]);
      if (eq.met !== true) {
        const dealer = dealerCheck(r, amount, reader, t);
        routeChecks.push(dealer);
      }
      routeBags = [];
    } else if (type === "DEBT") {
      routeChecks.push(exceeds("OTC-DEBT", amount, t.debt));
    } else if (type === "FUND_UNITS") {
      const clsBag: string[] = [];
      const cls = reader.needed(r, "fundClassification", clsBag);
      if (cls === "EQUITY_FUND") {
        const capBag: string[] = [];
        const cap = reader.needed(r, "issuerMarketCap", capBag);
        const c = blockTrade(
          "OTC-FUND-EQ",
          amount,
          cap,
          r.invalid.has("issuerMarketCap"),
          t,
          reading,
        );
        routeChecks.push(c);
        reader.settle(r, c.met, [...amountBag, ...capBag]);
        routeBags = [];
      } else if (cls === "BOND_FUND") {
        routeChecks.push(exceeds("OTC-FUND-BOND", amount, t.debt));
      } else {
        // 2° c) gives thresholds for "Actions" and "Obligations" funds only: other units are not allowed.
        const classTest: CheckTest = {
          name: "fundClassification",
          met: cls === undefined ? null : false,
        };
        routeChecks.push(
          withArticle({
            rule: "OTC-FUND-EQ",
            met: classTest.met,
            tests: [classTest],
          }),
        );
        routeChecks.push(
          withArticle({
            rule: "OTC-FUND-BOND",
            met: classTest.met,
            tests: [classTest],
          }),
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
    checks.push(...routeChecks);

    const req = requestCheck(r, type, date, reader, t);
    checks.push(req);

    const compliant = or(pkg, and(instr.met, route, req.met));
    reader.settle(r, instr.met, typeBag);
    if (compliant !== true) reader.settle(r, null, scopeBag);
    const status = statusOf(compliant, scopeKnown);
    const allowedBy =
      compliant === true
        ? (routeChecks.find((c) => c.met === true)?.rule ?? null)
        : null;
    const ordered = [instr, ...routeChecks, req];
    const decisive =
      status === "pass"
        ? routeChecks.find((c) => c.met === true)!
        : status === "breach"
          ? ordered.find((c) => c.met === false)!
          : (ordered.find((c) => c.met === null) ??
            checks.find((c) => c.met === null) ??
            ordered.find((c) => c.met === false)!);
    outcomes.push({
      ...base,
      status,
      reason: decisiveSentence(status, decisive),
      decisive: {
        rule: decisive.rule,
        article: decisive.article,
        met: decisive.met,
      },
      checks,
      allowedBy,
    });
    // Only trades that are not allowed count against a rule (contract §4).
    for (const c of checks) {
      if (c.rule === "OTC-PACKAGE") continue;
      const list = counted.get(c.rule) ?? [];
      list.push({
        row: r.row,
        id: r.tradeId,
        met: compliant === true ? true : scopeKnown ? c.met : null,
      });
      counted.set(c.rule, list);
    }
  }
  const rules: RuleResult[] = [];
  for (const id of ROUTE_RULES) {
    const list = counted.get(id);
    if (list?.length) rules.push(countRule(id, list, "trade"));
  }
  if (packageChecked)
    rules.push(infoCountRule("OTC-PACKAGE", packages, packageChecked, "trade"));
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
  t: Thresholds,
): RowCheck {
  const bag: string[] = [];
  const amountTest: CheckTest = {
    name: "amount",
    met: amount === undefined ? null : compare(amount, ">=", t.dealer),
    operator: ">=",
    value: amount === undefined ? null : amountNumber(amount),
    threshold: amountNumber(t.dealer),
    unit: "EUR",
  };
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
  const met = and(amountTest.met, deviationTest.met, own.met, window.met);
  reader.settle(r, met, bag);
  return withArticle({
    rule: "OTC-DEALER",
    met,
    tests: [amountTest, deviationTest, own, window],
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
  t: Thresholds,
): RowCheck {
  const form = reader.control(r, "requestForm", "OTC-REQ");
  const client: Tri | undefined = r.invalid.has("clientCategory")
    ? null
    : EXEMPT_CLIENTS.has(r.clientCategory ?? "OTHER");
  const formTest: CheckTest = { name: "requestForm", met: null };
  const tests: CheckTest[] = [formTest];
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
    } else if (r.invalid.has("standingUntil")) inPeriod = null;
    const debt: Tri = type === undefined ? null : type === "DEBT";
    tests.push(
      { name: "exemptClient", met: client },
      { name: "debtSecurities", met: debt },
      { name: "standingPeriod", met: inPeriod },
    );
    met = and(client, debt, inPeriod);
    reader.settle(r, met, bag);
  }
  formTest.met = form === null ? null : form !== undefined;
  if (form === "OTHER_MEANS") tests.push({ name: "exemptClient", met: client });
  return withArticle({ rule: "OTC-REQ", met, tests });
}
