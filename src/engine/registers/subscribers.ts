import { type Amount, formatAmount } from "../amount";
import type { IsoDate } from "../dates";
import type { Fund } from "../model";
import { reason } from "../reasons";
import type { RuleResult } from "../result";
import { Tally, appendTo, infoCountRule, type Counted } from "./aggregate";
import { eurosOf } from "./euros";
import { type Tri, and, lawAmount, not, or, registerLawAt } from "./logic";
import {
  type OutOfScope,
  allTests,
  amountTest,
  decided,
  decisiveCheck,
  outOfScope,
  ruleCheck,
  statusOf,
} from "./outcome";
import type { RegisterReader } from "./row-values";
import type {
  CheckTest,
  InitialSubscription,
  RowCheck,
  SubscriptionOutcome,
  SubscriptionRow,
} from "./types";

/**
 * "Souscription initiale" (contract §3.5): the investor's first operation in the fund, the
 * earliest-dated rows added together; unknown when a date or an amount of those rows is.
 */
function initialSubscriptions(
  rows: SubscriptionRow[],
  eur: Map<SubscriptionRow, Amount | undefined>,
): Map<string, InitialSubscription> {
  const byInvestor = new Map<string, SubscriptionRow[]>();
  for (const r of rows)
    if (r.investorId !== undefined) appendTo(byInvestor, r.investorId, r);
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
  const t = registerLawAt(asOf);
  const eur = new Map<SubscriptionRow, Amount | undefined>();
  const amountBags = new Map<SubscriptionRow, string[]>();
  for (const r of rows) {
    const bag: string[] = [];
    eur.set(r, eurosOf(reader, r, "amount", bag));
    amountBags.set(r, bag);
  }
  const initials = initialSubscriptions(rows, eur);
  const outcomes: SubscriptionOutcome[] = [];
  const tally = new Tally();
  const failures: Counted[] = [];
  for (const r of rows) {
    const amount = eur.get(r);
    const base = {
      row: r.row,
      subscriptionId: r.subscriptionId,
      investorId: r.investorId,
      amountEur: amount === undefined ? null : formatAmount(amount),
    };
    const outside: OutOfScope | undefined = !fund.allege
      ? { say: "not-opted-in", text: "412-113" }
      : r.subscriptionDate !== undefined && r.subscriptionDate > asOf
        ? { say: "after-as-of", date: r.subscriptionDate }
        : undefined;
    if (outside) {
      const none = { eligibleUnder: [], initialSubscription: null };
      outcomes.push({ ...outOfScope(base, outside), ...none });
      continue;
    }
    const dateBag: string[] = [];
    const date = reader.needed(r, "subscriptionDate", dateBag);
    const investorBag: string[] = [];
    const investor = reader.needed(r, "investorId", investorBag);
    const initial = investor === undefined ? undefined : initials.get(investor);
    const initialAmount =
      initial?.amountEur == null ? null : lawAmount(initial.amountEur);
    // I 4° to 6° and 8°: an initial subscription of at least the threshold, and the paragraph's tests.
    const withInitial = (
      rule: string,
      threshold: Amount,
      met: Tri,
      tests: CheckTest[],
    ) => {
      const i = amountTest(
        "initialSubscription",
        initialAmount,
        ">=",
        threshold,
      );
      return ruleCheck(rule, and(i.met, met), [i, ...tests]);
    };
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
      ruleCheck("E1", e123("L214_38_INVESTOR")),
      ruleCheck("E2", e123("STATE")),
      ruleCheck("E3", e123("SUPRANATIONAL")),
    ];

    const sectorYears = r.invalid.has("financialSectorYears")
      ? null
      : r.financialSectorYears;
    const years: CheckTest = {
      name: "financialSectorYears",
      met:
        sectorYears === null
          ? null
          : sectorYears !== undefined && sectorYears.gte(t.years),
      operator: ">=",
      value: sectorYears?.toNumber() ?? null,
      threshold: t.years.toNumber(),
      unit: "years",
    };
    checks.push(withInitial("E4", t.initial, years.met, [years]));

    const helps: CheckTest[] = (
      ["assistsCompanies", "assistsManager", "privateEquityExperience"] as const
    ).map((name) => ({ name, met: reader.evidence(r, name) }));
    const helped = or(...helps.map((h) => h.met));
    checks.push(withInitial("E5", t.initial, helped, helps));

    const assets = evidenceAmount(r, "depositsAndPortfolio", ">=", t.assets);
    checks.push(withInitial("E6", t.initial, assets.met, [assets]));

    const figures = [
      evidenceAmount(r, "balanceSheetTotal", ">", t.balanceSheet),
      evidenceAmount(r, "turnover", ">", t.turnover),
      evidenceAmount(r, "equity", ">", t.equity),
    ];
    const trues = figures.filter((f) => f.met === true).length;
    const unknowns = figures.filter((f) => f.met === null).length;
    const twoOfThree: Tri =
      trues >= t.criteria ? true : trues + unknowns < t.criteria ? false : null;
    // "Aux sociétés": a legal person the register shows; blank is not evidenced (false).
    const company: Tri = r.invalid.has("investorType")
      ? null
      : r.investorType !== undefined && r.investorType !== "NATURAL";
    const e7Tests = [{ name: "company", met: company }, ...figures];
    checks.push(ruleCheck("E7", and(company, twoOfThree), e7Tests));

    checks.push(withInitial("E8", t.large, true, []));

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
    const insider = and(insiderFlag, not(legalTri));
    checks.push(ruleCheck("INSIDER", insider));
    const eligibility = [...checks]; // I: 1° to 8°, and the insiders of its last paragraph

    // II and III bind insiders too (contract §3.6, §3.7).
    const warned = reader.control(r, "warningGiven", "FCPRA-WARN");
    const warn = warned === null ? null : warned === true;
    const warnCheck = ruleCheck("FCPRA-WARN", warn);
    checks.push(warnCheck);

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
    const ackCheck = allTests("FCPRA-ACK", [
      { name: "rulesDeliveredDate", met: onOrBefore(delivered) },
      { name: "acknowledgementDate", met: onOrBefore(acknowledged) },
    ]);
    checks.push(ackCheck);
    reader.settle(r, ackCheck.met, dateBag);

    const eligible = or(...eligibility.map((c) => c.met));
    if (eligible === null) {
      reader.settle(r, eligible, investorBag);
      reader.settle(r, eligible, dateBag);
      for (const x of firstRows)
        reader.settle(x, eligible, amountBags.get(x) ?? []);
    }
    const compliant = and(eligible, warnCheck.met, ackCheck.met);
    const scopeKnown = date !== undefined;
    const status = statusOf(compliant, scopeKnown);
    const elig = ruleCheck("FCPRA-ELIG", eligible);
    const order = [elig, warnCheck, ackCheck];
    const eligibleUnder = eligibility
      .filter((c) => c.met === true)
      .map((c) => c.rule);
    const allowing = eligibility.find((c) => c.met === true);
    const first = decisiveCheck(status, order, allowing) ?? elig;
    // Unknown eligibility is decided by its first unknown case.
    const decisive =
      first === elig && eligible === null
        ? (eligibility.find((c) => c.met === null) ?? elig)
        : first;
    outcomes.push({
      ...base,
      ...decided(status, decisive),
      checks,
      eligibleUnder,
      initialSubscription: initial ?? null,
    });
    const key = { row: r.row, id: r.subscriptionId };
    tally.addRow(key, compliant, scopeKnown, order);
    if (status === "breach") failures.push({ ...key, met: false });
  }
  const evaluated = tally.size("FCPRA-ELIG");
  const rules = tally.rules();
  if (evaluated) rules.push(infoCountRule("FCPRA-DEPO", failures, evaluated));
  return { outcomes, rules };
}

/** An evidence figure (E6, E7): blank is not evidenced (false), unreadable is unknown. */
function evidenceAmount(
  r: SubscriptionRow,
  name: "depositsAndPortfolio" | "balanceSheetTotal" | "turnover" | "equity",
  operator: ">=" | ">",
  threshold: Amount,
): CheckTest {
  if (r.invalid.has(name)) return amountTest(name, null, operator, threshold);
  const value = r[name];
  const test = amountTest(name, value, operator, threshold);
  return value === undefined ? { ...test, met: false } : test;
}
