import { type Amount, formatAmount } from "../amount";
import type { IsoDate } from "../dates";
import { Dec } from "../decimal";
import { type LawParameter, requireVersion } from "../../law/parameter";
import { REGISTER_LAW, registerRule } from "../../law/registers";
import type { Fund } from "../model";
import { reason } from "../reasons";
import type { RuleResult } from "../result";
import { countRule, infoCountRule, type Counted } from "./aggregate";
import { eurosOf } from "./euros";
import { type Tri, amountNumber, and, compare, lawAmount, or } from "./logic";
import { decisiveSentence, statusOf } from "./outcome";
import { rowReasonEnglish } from "../../present/registers-english";
import type { RegisterReader } from "./row-values";
import type {
  CheckTest,
  InitialSubscription,
  RowCheck,
  SubscriptionOutcome,
  SubscriptionRow,
} from "./types";

const ELIGIBILITY = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "INSIDER"];

/** The law's numbers for the test date. */
function thresholds(asOf: IsoDate) {
  const v = (p: LawParameter<string>) => requireVersion(p, asOf).value;
  return {
    initial: lawAmount(v(REGISTER_LAW.initialSubscription)),
    years: new Dec(v(REGISTER_LAW.sectorYears)),
    assets: lawAmount(v(REGISTER_LAW.depositsAndPortfolio)),
    balanceSheet: lawAmount(v(REGISTER_LAW.balanceSheet)),
    turnover: lawAmount(v(REGISTER_LAW.turnover)),
    equity: lawAmount(v(REGISTER_LAW.equity)),
    criteria: requireVersion(REGISTER_LAW.criteriaMet, asOf).value,
    large: lawAmount(v(REGISTER_LAW.largeSubscription)),
  };
}

/** A threshold test on an exact amount, unknown when the amount is. */
function amountTest(
  name: string,
  value: Amount | null | undefined,
  operator: ">=" | ">",
  threshold: Amount,
): CheckTest {
  const known = value !== null && value !== undefined;
  return {
    name,
    met: known ? compare(value, operator, threshold) : null,
    operator,
    value: known ? amountNumber(value) : null,
    threshold: amountNumber(threshold),
    unit: "EUR",
    ...(known ? { exact: formatAmount(value) } : {}),
  };
}

function check(rule: string, met: Tri, tests?: CheckTest[]): RowCheck {
  const c: RowCheck = { rule, article: registerRule(rule).article, met };
  if (tests) c.tests = tests;
  return c;
}

/**
 * "Souscription initiale" (contract §3.5): the investor's first operation in the fund, the
 * earliest-dated rows added together; unknown when a date or an amount of those rows is.
 */
function initialSubscriptions(
  rows: SubscriptionRow[],
  eur: Map<SubscriptionRow, Amount | undefined>,
): Map<string, InitialSubscription> {
  const byInvestor = new Map<string, SubscriptionRow[]>();
  for (const r of rows) {
    if (r.investorId === undefined) continue;
    const list = byInvestor.get(r.investorId);
    if (list) list.push(r);
    else byInvestor.set(r.investorId, [r]);
  }
  const out = new Map<string, InitialSubscription>();
  for (const [investor, list] of byInvestor) {
    if (list.some((r) => r.subscriptionDate === undefined)) {
      out.set(investor, { amountEur: null, date: null, rows: [] });
      continue;
    }
    const first = list.reduce(
      (d, r) => (r.subscriptionDate! < d ? r.subscriptionDate! : d),
      list[0].subscriptionDate!,
    );
    const firstRows = list.filter((r) => r.subscriptionDate === first);
    const amounts = firstRows.map((r) => eur.get(r));
    out.set(investor, {
      amountEur: amounts.every((a) => a !== undefined)
        ? formatAmount(amounts.reduce((s, a) => s + a!, 0n))
        : null,
      date: first,
      rows: firstRows.map((r) => r.row),
    });
  }
  return out;
}

export interface SubscribersResult {
  outcomes: SubscriptionOutcome[];
  rules: RuleResult[];
}

/**
 * The Subscribers rows of one fund. A fund marked `allege` has each row checked against
 * RG AMF 412-113 (eligibility I, warning II, rules and acknowledgement III); any other fund's
 * rows are read and listed as `info` (historical text, not opted in).
 */
export function checkSubscribers(
  fund: Fund,
  rows: SubscriptionRow[],
  reader: RegisterReader<SubscriptionRow>,
  asOf: IsoDate,
): SubscribersResult {
  const t = thresholds(asOf);
  const eur = new Map<SubscriptionRow, Amount | undefined>();
  const amountBags = new Map<SubscriptionRow, string[]>();
  for (const r of rows) {
    const bag: string[] = [];
    eur.set(r, eurosOf(reader, r, "amount", bag));
    amountBags.set(r, bag);
  }
  const initials = initialSubscriptions(rows, eur);
  const outcomes: SubscriptionOutcome[] = [];
  const counted: Record<string, Counted[]> = {
    "FCPRA-ELIG": [],
    "FCPRA-WARN": [],
    "FCPRA-ACK": [],
  };
  const failures: Counted[] = [];
  for (const r of rows) {
    const amount = eur.get(r);
    const base = {
      row: r.row,
      subscriptionId: r.subscriptionId,
      investorId: r.investorId,
      amountEur: amount === undefined ? null : formatAmount(amount),
    };
    if (!fund.allege) {
      outcomes.push({
        ...base,
        status: "info",
        scope: "not-opted-in",
        reason: rowReasonEnglish({ say: "not-opted-in", text: "412-113" }),
        checks: [],
        eligibleUnder: [],
        initialSubscription: null,
      });
      continue;
    }
    if (r.subscriptionDate !== undefined && r.subscriptionDate > asOf) {
      outcomes.push({
        ...base,
        status: "info",
        scope: "after-as-of",
        reason: rowReasonEnglish({
          say: "after-as-of",
          date: r.subscriptionDate,
        }),
        checks: [],
        eligibleUnder: [],
        initialSubscription: null,
      });
      continue;
    }
    const dateBag: string[] = [];
    const date = reader.needed(r, "subscriptionDate", dateBag);
    const investorBag: string[] = [];
    const investor = reader.needed(r, "investorId", investorBag);
    const initial = investor === undefined ? undefined : initials.get(investor);
    const initialAmount =
      initial?.amountEur == null ? null : lawAmount(initial.amountEur);
    const initialTest = (op: ">=", threshold: Amount) =>
      amountTest("initialSubscription", initialAmount, op, threshold);
    // A blank amount, rate or investor of the first operation makes the thresholds unknown.
    const firstRows = initial
      ? rows.filter(
          (x) => initial.rows.includes(x.row) && x.investorId === investor,
        )
      : [];

    const category = r.invalid.has("investorCategory")
      ? null
      : r.investorCategory;
    const e123 = (value: string): Tri =>
      category === null ? null : category === value;
    const checks: RowCheck[] = [
      check("E1", e123("L214_38_INVESTOR")),
      check("E2", e123("STATE")),
      check("E3", e123("SUPRANATIONAL")),
    ];

    const i4 = initialTest(">=", t.initial);
    const years: CheckTest = r.invalid.has("financialSectorYears")
      ? {
          name: "financialSectorYears",
          met: null,
          operator: ">=",
          value: null,
          threshold: t.years.toNumber(),
          unit: "years",
        }
      : {
          name: "financialSectorYears",
          met:
            r.financialSectorYears !== undefined &&
            r.financialSectorYears.gte(t.years),
          operator: ">=",
          value: r.financialSectorYears?.toNumber() ?? null,
          threshold: t.years.toNumber(),
          unit: "years",
        };
    checks.push(check("E4", and(i4.met, years.met), [i4, years]));

    const helps: CheckTest[] = (
      ["assistsCompanies", "assistsManager", "privateEquityExperience"] as const
    ).map((name) => ({ name, met: reader.evidence(r, name) }));
    const i5 = initialTest(">=", t.initial);
    checks.push(
      check("E5", and(i5.met, or(...helps.map((h) => h.met))), [i5, ...helps]),
    );

    const i6 = initialTest(">=", t.initial);
    const assets = evidenceAmount(
      "depositsAndPortfolio",
      r.invalid.has("depositsAndPortfolio"),
      r.depositsAndPortfolio,
      ">=",
      t.assets,
    );
    checks.push(check("E6", and(i6.met, assets.met), [i6, assets]));

    const figures = [
      evidenceAmount(
        "balanceSheetTotal",
        r.invalid.has("balanceSheetTotal"),
        r.balanceSheetTotal,
        ">",
        t.balanceSheet,
      ),
      evidenceAmount(
        "turnover",
        r.invalid.has("turnover"),
        r.turnover,
        ">",
        t.turnover,
      ),
      evidenceAmount(
        "equity",
        r.invalid.has("equity"),
        r.equity,
        ">",
        t.equity,
      ),
    ];
    const trues = figures.filter((f) => f.met === true).length;
    const unknowns = figures.filter((f) => f.met === null).length;
    const natural: Tri = r.invalid.has("investorType")
      ? null
      : r.investorType === "NATURAL";
    const twoOfThree: Tri =
      trues >= t.criteria ? true : trues + unknowns < t.criteria ? false : null;
    // "Aux sociétés": never a natural person.
    const e7 = and(natural === null ? null : !natural, twoOfThree);
    checks.push(
      check("E7", e7, [
        { name: "company", met: natural === null ? null : !natural },
        ...figures,
      ]),
    );

    const i8 = initialTest(">=", t.large);
    checks.push(check("E8", i8.met, [i8]));

    const legal =
      r.investorType === "LEGAL" || r.investorType === "PUBLIC_LAW_LEGAL";
    const insiderFlag = reader.evidence(r, "insider");
    if (insiderFlag === true && legal)
      reader.diagnostics.push(
        reader.rowDiagnostic(
          r.row,
          "insider",
          "warning",
          reason("insider-legal-person", { investorType: r.investorType! }),
        ),
      );
    const legalTri: Tri = r.invalid.has("investorType") ? null : legal;
    const insider = and(insiderFlag, legalTri === null ? null : !legalTri);
    checks.push(check("INSIDER", insider));

    // II and III bind insiders too (contract §3.6, §3.7).
    const warned = reader.control(r, "warningGiven", "FCPRA-WARN");
    const warn: Tri = warned === null ? null : warned === true;
    checks.push(check("FCPRA-WARN", warn));

    const delivered = reader.control(r, "rulesDeliveredDate", "FCPRA-ACK");
    const acknowledged = reader.control(r, "acknowledgementDate", "FCPRA-ACK");
    const onOrBefore = (d: IsoDate | null | undefined): CheckTest["met"] =>
      d === null
        ? null
        : d === undefined
          ? false
          : date === undefined
            ? null
            : d <= date;
    const ackTests: CheckTest[] = [
      { name: "rulesDeliveredDate", met: onOrBefore(delivered) },
      { name: "acknowledgementDate", met: onOrBefore(acknowledged) },
    ];
    const ack = and(...ackTests.map((x) => x.met));
    checks.push(check("FCPRA-ACK", ack, ackTests));
    reader.settle(r, ack, dateBag);

    const eligibility = checks.filter((c) => ELIGIBILITY.includes(c.rule));
    const eligible = or(...eligibility.map((c) => c.met));
    if (eligible === null) {
      reader.settle(r, eligible, investorBag);
      reader.settle(r, eligible, dateBag);
      for (const x of firstRows)
        reader.settle(x, eligible, amountBags.get(x) ?? []);
    }
    const compliant = and(eligible, warn, ack);
    const scopeKnown = date !== undefined;
    const status = statusOf(compliant, scopeKnown);
    const elig: RowCheck = {
      rule: "FCPRA-ELIG",
      article: registerRule("FCPRA-ELIG").article,
      met: eligible,
    };
    const order = [
      elig,
      checks.find((c) => c.rule === "FCPRA-WARN")!,
      checks.find((c) => c.rule === "FCPRA-ACK")!,
    ];
    const eligibleUnder = eligibility
      .filter((c) => c.met === true)
      .map((c) => c.rule);
    const decisiveCheck =
      status === "pass"
        ? checks.find((c) => c.rule === eligibleUnder[0])!
        : status === "breach"
          ? order.find((c) => c.met === false)!
          : (order.find((c) => c.met === null) ?? elig);
    const decisive =
      decisiveCheck === elig && eligible === null
        ? (eligibility.find((c) => c.met === null) ?? elig)
        : decisiveCheck;
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
      eligibleUnder,
      initialSubscription: initial ?? null,
    });
    const key = { row: r.row, id: r.subscriptionId };
    // A row whose date is unknown may be out of scope: its failures are not certain.
    const counts = (x: Tri): Tri =>
      compliant === true ? true : scopeKnown ? x : null;
    counted["FCPRA-ELIG"].push({ ...key, met: counts(eligible) });
    counted["FCPRA-WARN"].push({ ...key, met: counts(warn) });
    counted["FCPRA-ACK"].push({ ...key, met: counts(ack) });
    if (status === "breach") failures.push({ ...key, met: false });
  }
  const rules: RuleResult[] = [];
  if (counted["FCPRA-ELIG"].length) {
    for (const id of ["FCPRA-ELIG", "FCPRA-WARN", "FCPRA-ACK"])
      rules.push(countRule(id, counted[id], "subscription"));
    rules.push(
      infoCountRule(
        "FCPRA-DEPO",
        failures,
        counted["FCPRA-ELIG"].length,
        "subscription",
      ),
    );
  }
  return { outcomes, rules };
}

/** An evidence figure (E6, E7): blank is not evidenced (false), unreadable is unknown. */
function evidenceAmount(
  name: string,
  unreadable: boolean,
  value: Amount | undefined,
  operator: ">=" | ">",
  threshold: Amount,
): CheckTest {
  if (unreadable)
    return {
      name,
      met: null,
      operator,
      value: null,
      threshold: amountNumber(threshold),
      unit: "EUR",
    };
  const test = amountTest(name, value, operator, threshold);
  return value === undefined ? { ...test, met: false } : test;
}
