import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../src/engine/amount";
import { checkWorkbook } from "../../src/engine/check";
import type { RuleResult } from "../../src/engine/result";
import type { CellValue } from "../../src/workbook/grid";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";
import { RUNS } from "./arbitraries";

// The register texts read a second time, plainly: L. 411-2 and D. 411-2-1 (offers), RG AMF
// 412-113 (FCPR allégé subscribers) and RG AMF 516-2 (execution outside a regulated market). One
// object per row, BigInt millionths of a euro, three-valued checks (true, false, null = unknown),
// the 12-month windows walked in date order (offers of one day by offerId, docs/workbook-format.md).
// The reading follows the French texts (../shared/regulation/texts/), RULES.md §3 and the contract
// (WORKBOOK-FORMAT-REGISTERS.md), not the engine's code. Random workbooks go through the same
// reader as every face: tableFromValues → readWorkbook → checkWorkbook.

type Tri = boolean | null;
/** Three-valued AND and OR (contract §3.1: false dominates AND, true dominates OR). */
const and = (...xs: Tri[]): Tri =>
  xs.includes(false) ? false : xs.includes(null) ? null : true;
const or = (...xs: Tri[]): Tri =>
  xs.includes(true) ? true : xs.includes(null) ? null : false;
/** A yes/no evidence cell: blank is "not evidenced" (false); an unreadable text is unknown (contract §2). */
const yesNo = (v: boolean | null | string): Tri =>
  typeof v === "string" ? null : v === true;
const notOf = (t: Tri): Tri => (t === null ? null : !t);
const statusOf = (t: Tri) =>
  t === true ? "pass" : t === false ? "breach" : "incomplete";

const SCALE = 1_000_000n;
const EUR = (euros: number) => BigInt(euros) * SCALE;
/** Exchange rates as the register gives them (units of the currency for one euro), with 5 decimals. */
const RATES = [1.08503, 0.85, 1.1, 7.4608];
const rateScaled = (rate: number) => BigInt(Math.round(rate * 100_000));

/**
 * Contract §3.3: the euro amount is the amount ÷ fxRate, kept to the millionth (half away from
 * zero), never rounded to the cent first. EUR or blank currency: the amount itself. Null when a
 * foreign amount has no rate, or the amount is blank.
 */
function eurMillionths(
  cents: number | null,
  currency: string | null,
  rate: number | null,
): bigint | null {
  if (cents === null) return null;
  if (currency === null || currency === "EUR") return BigInt(cents) * 10_000n;
  if (rate === null) return null;
  const num = BigInt(cents) * 10_000n * 100_000n;
  const den = rateScaled(rate);
  return (2n * num + den) / (2n * den);
}

/** The same day `months` later, clamped to the month's end (contract §3.4). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const cellOfCents = (cents: number | null): CellValue =>
  cents === null ? null : cents / 100;

/** An entity's status from its rows' (contract §4: the worst of its rules, each a count of its rows). */
const worstOf = (statuses: string[]) =>
  statuses.includes("breach")
    ? "breach"
    : statuses.includes("incomplete")
      ? "incomplete"
      : "pass";

const ruleOf = (rules: RuleResult[], id: string) =>
  rules.find((r) => r.id === id);

const metOf = (
  o: { checks: { rule: string; met: boolean | null; key?: string }[] },
  rule: string,
  key?: string,
) =>
  o.checks.find((c) => c.rule === rule && (key === undefined || c.key === key))
    ?.met;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Offers: L. 411-2 1° to 3°, D. 411-2-1 I to IV
// ─────────────────────────────────────────────────────────────────────────────────────────────

const OFFER_CASES = [
  "QUALIFIED",
  "CROWDFUNDING",
  "EXISTING_PARTNERS",
  "SMALL_OFFER",
  "LARGE_TICKET",
  "HIGH_NOMINAL",
] as const;
type OfferCase = (typeof OFFER_CASES)[number];

/** Dates on both sides of the December 2021 rewording of L. 411-2 2°, the anniversaries of 12-month windows, a 29 February. */
const OFFER_DATES = [
  "2021-06-01",
  "2021-12-23",
  "2021-12-24",
  "2022-01-10",
  "2022-06-01",
  "2022-06-02",
  "2022-12-23",
  "2022-12-24",
  "2024-02-29",
  "2025-02-28",
  "2025-03-01",
  "2024-03-15",
  "2025-03-15",
  "2025-03-16",
  "2025-12-31",
  "2026-01-01",
];
const AS_OFS = ["2025-12-31", "2022-12-23", "2025-03-15", "2021-12-31"];

interface Offer {
  offerId: string;
  issuer: string;
  offerCase: OfferCase;
  offerDate: string;
  cents: number | null;
  currency: string | null;
  rate: number | null;
  securityType: string | null;
  /** Yes/no cells, or an unreadable text ("peut-être"). */
  admitted: boolean | null | string;
  channel: string | null;
  nonQualified: number | null;
  ownAccount: boolean | null | string;
  partnersOnly: boolean | null | string;
  nominalCents: number | null;
}

interface OfferSub {
  offer: number;
  investor: string;
  cents: number | null;
  currency: string | null;
  rate: number | null;
}

const offerAmount = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      1_000_000_00,
      2_000_000_00,
      3_000_000_00,
      3_999_999_99,
      4_000_000_00,
      7_999_999_99,
      8_000_000_00,
      500_000_00,
      1,
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 900_000_000 }) },
);

const offer = (offerId: string): fc.Arbitrary<Offer> =>
  fc.record({
    offerId: fc.constant(offerId),
    issuer: fc.constantFrom("ISS-A", "ISS-A", "ISS-B"),
    offerCase: fc.constantFrom<OfferCase>(
      ...OFFER_CASES,
      "SMALL_OFFER",
      "CROWDFUNDING",
    ),
    offerDate: fc.constantFrom(...OFFER_DATES),
    cents: fc.oneof(
      { weight: 12, arbitrary: offerAmount },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    currency: fc.constantFrom(null, null, null, "EUR", "USD"),
    rate: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...RATES) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    securityType: fc.constantFrom(
      "EQUITY",
      "DEBT",
      "PARTS_SOCIALES",
      "OTHER",
      null,
      "XYZ",
    ),
    admitted: fc.constantFrom<boolean | null | string>(
      true,
      false,
      false,
      null,
      "peut-être",
    ),
    channel: fc.constantFrom(
      "INVESTMENT_FIRM_WEBSITE",
      "CIP_WEBSITE",
      "OTHER",
      null,
      "XYZ",
    ),
    nonQualified: fc.constantFrom(0, 1, 149, 150, 151, 10, null),
    ownAccount: fc.constantFrom<boolean | null | string>(
      true,
      false,
      null,
      "peut-être",
    ),
    partnersOnly: fc.constantFrom<boolean | null | string>(
      true,
      false,
      null,
      "peut-être",
    ),
    nominalCents: fc.constantFrom(100_000_00, 99_999_99, 250_000_00, null),
  });

const offersWorkbook = fc
  .uniqueArray(
    fc.constantFrom(
      "A1",
      "A2",
      "A3",
      "B1",
      "B2",
      "C",
      "D",
      "E",
      "Z",
      "a0",
      "b",
    ),
    {
      minLength: 1,
      maxLength: 9,
    },
  )
  .chain((ids) =>
    fc.record({
      offers: fc.tuple(...ids.map(offer)),
      subs: fc.array(
        fc.record({
          offer: fc.nat({ max: ids.length - 1 }),
          investor: fc.constantFrom("I1", "I2", "I3"),
          cents: fc.constantFrom(
            100_000_00,
            99_999_99,
            50_000_00,
            49_999_99,
            60_000_00,
            1_000_00,
            null,
          ),
          currency: fc.constantFrom(null, null, "USD"),
          rate: fc.constantFrom(...RATES, null),
        }),
        { maxLength: 8 },
      ),
      asOf: fc.constantFrom(...AS_OFS),
    }),
  );

const OFFER_HEADERS = [
  "offerId",
  "issuerId",
  "offerCase",
  "offerDate",
  "offerAmount",
  "currency",
  "fxRate",
  "securityType",
  "admittedToTrading",
  "channel",
  "nonQualifiedOfferees",
  "ownAccount",
  "existingPartnersOnly",
  "nominalPerSecurity",
];

function offerTables(offers: Offer[], subs: OfferSub[]) {
  const rows = offers.map((o) => [
    o.offerId,
    o.issuer,
    o.offerCase,
    o.offerDate,
    cellOfCents(o.cents),
    o.currency,
    o.rate,
    o.securityType,
    o.admitted,
    o.channel,
    o.nonQualified,
    o.ownAccount,
    o.partnersOnly,
    cellOfCents(o.nominalCents),
  ]);
  // Subscribed on the offer's day: what an investor acquires in an offer.
  const subRows = subs.map((s, k) => [
    `S${k}`,
    offers[s.offer].offerId,
    s.investor,
    offers[s.offer].offerDate,
    cellOfCents(s.cents),
    s.currency,
    s.currency === null ? null : s.rate,
  ]);
  return {
    Offers: tableFromValues("Offers", [OFFER_HEADERS, ...rows]),
    Subscribers: tableFromValues("Subscribers", [
      [
        "subscriptionId",
        "offerId",
        "investorId",
        "subscriptionDate",
        "amount",
        "currency",
        "fxRate",
      ],
      ...subRows,
    ]),
  };
}

interface OfferExpected {
  status: string;
  checks: Record<string, Tri>;
  /** OFF-100K-INV per investor. */
  investors: Map<string, Tri>;
  window: string | null;
}

const EIGHT_MILLION = EUR(8_000_000);
const HUNDRED_K = EUR(100_000);
/** D. 411-4 (outside the reference texts, contract §3.2): « inférieur à un seuil fixé par décret », 150. */
const CIRCLE = 150;

/** A window of D. 411-2-1 IV: its first and last days, its total (null: unknown), its offers in order. */
interface Window {
  from: string;
  until: string;
  total: bigint | null;
  offers: string[];
}

/** One issuer's offers, read from the text. */
function expectedOffers(
  offers: Offer[],
  subs: OfferSub[],
  asOf: string,
): {
  byOffer: Map<string, OfferExpected>;
  windows: Window[];
} {
  const byOffer = new Map<string, OfferExpected>();
  const amountOf = (o: Offer) => eurMillionths(o.cents, o.currency, o.rate);
  // D. 411-2-1 IV: « sur une période de douze mois qui suit la date de la première offre »; the
  // offers counted are those of I (SMALL_OFFER) and of L. 411-2 2° (CROWDFUNDING), made by the as-of date.
  const counted = offers
    .filter(
      (o) =>
        (o.offerCase === "SMALL_OFFER" || o.offerCase === "CROWDFUNDING") &&
        o.offerDate <= asOf,
    )
    .sort((a, b) =>
      a.offerDate !== b.offerDate
        ? a.offerDate < b.offerDate
          ? -1
          : 1
        : a.offerId < b.offerId
          ? -1
          : a.offerId > b.offerId
            ? 1
            : 0,
    );
  const twelve = new Map<string, { met: Tri; window: string }>();
  const windows: Window[] = [];
  let from = "";
  let until = "";
  let known = 0n;
  let unknown = false;
  for (const o of counted) {
    if (from === "" || o.offerDate > until) {
      from = o.offerDate;
      until = addMonths(from, 12);
      known = 0n;
      unknown = false;
      windows.push({ from, until, total: 0n, offers: [] });
    }
    const a = amountOf(o);
    if (a === null) unknown = true;
    else known += a;
    windows[windows.length - 1].total = unknown ? null : known;
    windows[windows.length - 1].offers.push(o.offerId);
    // « inférieur à 8 000 000 d'euros »: the running total up to this offer; amounts are never negative.
    const met: Tri = known >= EIGHT_MILLION ? false : unknown ? null : true;
    twelve.set(o.offerId, { met, window: from });
  }
  for (const o of offers) {
    const checks: Record<string, Tri> = {};
    const investors = new Map<string, Tri>();
    const eur = amountOf(o);
    switch (o.offerCase) {
      case "QUALIFIED":
        // L. 411-2 1°: « un cercle restreint d'investisseurs agissant pour compte propre » of fewer than
        // 150 persons, or qualified investors only (no non-qualified offeree: no own-account condition).
        checks["OFF-QI"] =
          o.nonQualified === null
            ? null
            : o.nonQualified === 0
              ? true
              : and(o.nonQualified < CIRCLE, yesNo(o.ownAccount));
        break;
      case "CROWDFUNDING":
        // L. 411-2 2° a) « titres financiers mentionnés au 1 ou au 2 du II de l'article L. 211-1 qui ne
        // sont pas admis aux négociations »; b) through an investment firm's or a CIP's website.
        // A blank type or channel is a value the check needs (unknown); a blank admittedToTrading, a
        // yes/no, shows no admission (contract §2: a blank evidence cell is "not evidenced").
        checks["OFF-CF"] = and(
          o.securityType === null || o.securityType === "XYZ"
            ? null
            : o.securityType === "EQUITY" || o.securityType === "DEBT",
          notOf(yesNo(o.admitted)),
          o.channel === null || o.channel === "XYZ"
            ? null
            : o.channel === "INVESTMENT_FIRM_WEBSITE" ||
                o.channel === "CIP_WEBSITE",
        );
        break;
      case "EXISTING_PARTNERS":
        // L. 411-2 3°: « titres de capital ou de parts sociales » offered « exclusivement » to partners.
        checks["OFF-EXIST"] = and(
          o.securityType === null || o.securityType === "XYZ"
            ? null
            : o.securityType === "EQUITY" ||
                o.securityType === "PARTS_SOCIALES",
          yesNo(o.partnersOnly),
        );
        break;
      case "SMALL_OFFER":
        // D. 411-2-1 I: « inférieur à 8 000 000 euros ou à la contre-valeur de ce montant en devises ».
        checks["OFF-8M"] = eur === null ? null : eur < EIGHT_MILLION;
        break;
      case "HIGH_NOMINAL": {
        // D. 411-2-1 III: « dont la valeur nominale s'élève au moins à 100 000 euros ».
        const nominal = eurMillionths(o.nominalCents, o.currency, o.rate);
        checks["OFF-100K-NOM"] = nominal === null ? null : nominal >= HUNDRED_K;
        break;
      }
      case "LARGE_TICKET": {
        // D. 411-2-1 II: « au moins 100 000 euros … par investisseur et par offre distincte ».
        const index = offers.indexOf(o);
        const sums = new Map<string, bigint | null>();
        for (const s of subs) {
          if (s.offer !== index) continue;
          const a = eurMillionths(s.cents, s.currency, s.rate);
          const before = sums.has(s.investor) ? sums.get(s.investor)! : 0n;
          sums.set(
            s.investor,
            before === null || a === null ? null : before + a,
          );
        }
        for (const [investor, sum] of sums)
          investors.set(investor, sum === null ? null : sum >= HUNDRED_K);
        // No Subscribers row: nothing shows the investors' tickets (contract §3.1).
        checks["OFF-100K-INV"] =
          sums.size === 0 ? null : and(...investors.values());
        break;
      }
    }
    const t = twelve.get(o.offerId);
    if (t) checks["OFF-12M"] = t.met;
    const status =
      o.offerDate > asOf ? "info" : statusOf(and(...Object.values(checks)));
    byOffer.set(o.offerId, {
      status,
      checks,
      investors,
      window: t ? t.window : null,
    });
  }
  return { byOffer, windows };
}

describe("OFF-QI, OFF-CF, OFF-EXIST, OFF-8M, OFF-100K-INV, OFF-100K-NOM, OFF-12M: L. 411-2 1° to 3° and D. 411-2-1 I to IV, read plainly, against the engine (property)", () => {
  it("each offer's checks and status, its 12-month window, and each issuer's counts and largest 12-month total (« inférieur à 8 000 000 d'euros »: <; « au moins 100 000 euros »: ≥)", () => {
    fc.assert(
      fc.property(offersWorkbook, ({ offers, subs, asOf }) => {
        const report = checkWorkbook(readWorkbook(offerTables(offers, subs)), {
          asOf,
        });
        for (const issuerId of ["ISS-A", "ISS-B"]) {
          const own = offers.filter((o) => o.issuer === issuerId);
          const issuer = (report.issuers ?? []).find(
            (i) => i.issuerId === issuerId,
          );
          if (own.length === 0) {
            expect(issuer).toBeUndefined();
            continue;
          }
          expect(issuer, issuerId).toBeDefined();
          const ownSubs = subs
            .filter((s) => offers[s.offer].issuer === issuerId)
            .map((s) => ({ ...s, offer: own.indexOf(offers[s.offer]) }));
          const want = expectedOffers(own, ownSubs, asOf);
          for (const o of own) {
            const got = issuer!.offers.find((x) => x.offerId === o.offerId)!;
            const w = want.byOffer.get(o.offerId)!;
            const label = `${o.offerId} ${o.offerCase} ${o.offerDate}`;
            expect(got.status, label).toBe(w.status);
            const eur = eurMillionths(o.cents, o.currency, o.rate);
            if (eur !== null)
              expect(got.amountEur, label).toBe(formatAmount(eur));
            if (w.status === "info") continue;
            for (const [rule, met] of Object.entries(w.checks))
              if (rule !== "OFF-100K-INV")
                expect(metOf(got, rule), `${label} ${rule}`).toBe(met);
            for (const [investor, met] of w.investors)
              expect(
                metOf(got, "OFF-100K-INV", investor),
                `${label} ${investor}`,
              ).toBe(met);
            if (w.window !== null) expect(got.window, label).toBe(w.window);
          }
          // Per issuer: the count of offers (offer-and-investor pairs for II) failing each check.
          const live = own.filter(
            (o) => want.byOffer.get(o.offerId)!.status !== "info",
          );
          // Contract §3.9: only the a)–c) wording of L. 411-2 2° is a historical text, whatever the
          // offer's date (before or after its December 2021 rewording); D. 411-2-1 and 1°, 3° run as in force.
          for (const r of issuer!.rules)
            expect(r.legacy, r.id).toBe(r.id === "OFF-CF" ? true : undefined);
          if (live.length > 0)
            expect(issuer!.status, issuerId).toBe(
              worstOf(live.map((o) => want.byOffer.get(o.offerId)!.status)),
            );
          for (const rule of [
            "OFF-QI",
            "OFF-CF",
            "OFF-EXIST",
            "OFF-8M",
            "OFF-100K-NOM",
          ]) {
            const failing = live.filter(
              (o) => want.byOffer.get(o.offerId)!.checks[rule] === false,
            ).length;
            const r = ruleOf(issuer!.rules, rule);
            if (r) expect(r.value, `${issuerId} ${rule}`).toBe(failing);
            else expect(failing, `${issuerId} ${rule} not listed`).toBe(0);
          }
          const pairs = live
            .flatMap((o) => [
              ...want.byOffer.get(o.offerId)!.investors.values(),
            ])
            .filter((m) => m === false).length;
          const inv = ruleOf(issuer!.rules, "OFF-100K-INV");
          if (inv) expect(inv.value, `${issuerId} OFF-100K-INV`).toBe(pairs);
          // OFF-12M: the largest window total, when every amount counted is known.
          if (want.windows.length > 0) {
            const r = ruleOf(issuer!.rules, "OFF-12M")!;
            expect(r, `${issuerId} OFF-12M`).toBeDefined();
            expect(r.groups?.map((g) => g.key)).toEqual(
              want.windows.map((x) => x.from),
            );
            want.windows.forEach((x, k) => {
              expect(r.groups![k].until).toBe(x.until);
              expect(r.groups![k].offers).toEqual(x.offers);
              if (x.total !== null)
                expect(r.groups![k].numerator, `window ${x.from}`).toBe(
                  formatAmount(x.total),
                );
            });
            if (want.windows.every((x) => x.total !== null)) {
              const max = want.windows.reduce(
                (m, x) => (x.total! > m ? x.total! : m),
                0n,
              );
              expect(r.numerator, `${issuerId} OFF-12M`).toBe(
                formatAmount(max),
              );
              expect(r.status).toBe(max < EIGHT_MILLION ? "pass" : "breach");
              // Headroom: 8 000 000 minus the largest total, to the cent and never overstated.
              const [units, cents = ""] = r.headroom!.split(".");
              const headroom =
                BigInt(units.replace("-", "")) * SCALE +
                BigInt(cents.padEnd(6, "0"));
              const signed = units.startsWith("-") ? -headroom : headroom;
              const exact = EIGHT_MILLION - max;
              expect(signed <= exact, r.headroom!).toBe(true);
              expect(exact - signed < 10_000n, r.headroom!).toBe(true);
            }
          } else expect(ruleOf(issuer!.rules, "OFF-12M")).toBeUndefined();
        }
      }),
      RUNS,
    );
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Subscribers of an FCPR allégé: RG AMF 412-113 I to III
// ─────────────────────────────────────────────────────────────────────────────────────────────

const SUB_AS_OF = "2025-12-31";
const SUB_DATES = [
  "2024-01-10",
  "2024-01-10",
  "2024-06-01",
  "2025-12-31",
  "2026-01-02",
];

interface Sub {
  fund: "F1" | "F2";
  investor: string;
  investorType: string | null;
  operation: string | null;
  date: string;
  cents: number | null;
  currency: string | null;
  rate: number | null;
  category: string | null;
  /** Years in the financial sector, in hundredths. */
  yearsHundredths: number | null;
  assistsCompanies: boolean | null;
  assistsManager: boolean | null;
  peExperience: boolean | null;
  depositsCents: number | null;
  balanceSheetCents: number | null;
  turnoverCents: number | null;
  equityCents: number | null;
  insider: boolean | null;
  /** A yes/no, or an unreadable text. */
  warning: boolean | null | string;
  rulesDelivered: string | null;
  acknowledged: string | null;
}

const sub: fc.Arbitrary<Sub> = fc.record({
  fund: fc.constantFrom<"F1" | "F2">("F1", "F1", "F1", "F2"),
  investor: fc.constantFrom("I1", "I2", "I3", "I4"),
  investorType: fc.constantFrom(
    "NATURAL",
    "LEGAL",
    "PUBLIC_LAW_LEGAL",
    null,
    "XYZ",
  ),
  operation: fc.constantFrom("SUBSCRIPTION", "ACQUISITION", null),
  date: fc.constantFrom(...SUB_DATES),
  cents: fc.oneof(
    {
      weight: 15,
      arbitrary: fc.constantFrom(
        30_000_00,
        29_999_99,
        20_000_00,
        15_000_00,
        5_000_00,
        500_000_00,
        499_999_99,
        250_000_00,
        10_000_00,
      ),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  currency: fc.constantFrom(null, null, null, null, "EUR", "USD"),
  rate: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...RATES) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  category: fc.constantFrom(
    null,
    null,
    null,
    null,
    "L214_38_INVESTOR",
    "STATE",
    "SUPRANATIONAL",
    "XYZ",
  ),
  yearsHundredths: fc.constantFrom(null, null, 99, 100, 300),
  assistsCompanies: fc.constantFrom(null, null, false, true),
  assistsManager: fc.constantFrom(null, null, false, true),
  peExperience: fc.constantFrom(null, null, false, true),
  depositsCents: fc.constantFrom(null, null, 1_000_000_00, 999_999_99),
  balanceSheetCents: fc.constantFrom(null, 20_000_000_00, 20_000_000_01),
  turnoverCents: fc.constantFrom(null, 40_000_000_00, 40_000_000_01),
  equityCents: fc.constantFrom(null, 2_000_000_00, 2_000_000_01),
  insider: fc.constantFrom(null, null, false, true),
  warning: fc.constantFrom<boolean | null | string>(
    true,
    true,
    true,
    false,
    null,
    "peut-être",
  ),
  rulesDelivered: fc.constantFrom(
    "2024-01-09",
    "2024-01-10",
    "2024-01-10",
    "2024-06-02",
    null,
  ),
  acknowledged: fc.constantFrom(
    "2024-01-10",
    "2024-01-10",
    "2024-01-01",
    "2024-06-02",
    null,
  ),
});

const SUB_COLUMNS = [
  "subscriptionId",
  "fundId",
  "investorId",
  "investorType",
  "operation",
  "subscriptionDate",
  "amount",
  "currency",
  "fxRate",
  "investorCategory",
  "financialSectorYears",
  "assistsCompanies",
  "assistsManager",
  "privateEquityExperience",
  "depositsAndPortfolio",
  "balanceSheetTotal",
  "turnover",
  "equity",
  "insider",
  "warningGiven",
  "rulesDeliveredDate",
  "acknowledgementDate",
] as const;
/** Columns that may be left out of the header: the three per-row controls, and evidence columns. */
const DROPPABLE = [
  "warningGiven",
  "rulesDeliveredDate",
  "acknowledgementDate",
  "insider",
  "depositsAndPortfolio",
  "privateEquityExperience",
] as const;

const subsWorkbook = fc.record({
  subs: fc.array(sub, { minLength: 1, maxLength: 12 }),
  /** Investors who also acquired, earlier, 1 000 € of securities in an issuer's offer: not units of the fund. */
  inOffer: fc.array(fc.constantFrom("I1", "I2", "I3", "I4"), { maxLength: 3 }),
  dropped: fc.subarray([...DROPPABLE], { maxLength: 2 }),
});

function subscriberTables(
  subs: Sub[],
  dropped: readonly string[],
  inOffer: string[],
) {
  const columns = [
    ...SUB_COLUMNS.filter((c) => !dropped.includes(c)),
    "offerId",
  ];
  const offerRow = (
    investor: string,
    k: number,
  ): Record<string, CellValue> => ({
    subscriptionId: `X${k}`,
    offerId: "X",
    investorId: investor,
    subscriptionDate: "2023-01-01",
    amount: 1_000,
    warningGiven: true,
  });
  const values = (s: Sub, k: number): Record<string, CellValue> => ({
    subscriptionId: `S${k}`,
    // Fund ids match ignoring case and surrounding spaces (contract §2): now and then " f1".
    fundId: s.fund === "F1" && k % 3 === 2 ? " f1" : s.fund,
    investorId: s.investor,
    investorType: s.investorType,
    operation: s.operation,
    subscriptionDate: s.date,
    amount: cellOfCents(s.cents),
    currency: s.currency,
    fxRate: s.currency === null ? null : s.rate,
    investorCategory: s.category,
    financialSectorYears:
      s.yearsHundredths === null ? null : s.yearsHundredths / 100,
    assistsCompanies: s.assistsCompanies,
    assistsManager: s.assistsManager,
    privateEquityExperience: s.peExperience,
    depositsAndPortfolio: cellOfCents(s.depositsCents),
    balanceSheetTotal: cellOfCents(s.balanceSheetCents),
    turnover: cellOfCents(s.turnoverCents),
    equity: cellOfCents(s.equityCents),
    insider: s.insider,
    warningGiven: s.warning,
    rulesDeliveredDate: s.rulesDelivered,
    acknowledgementDate: s.acknowledged,
  });
  return {
    Funds: tableFromValues("Funds", [
      ["fundId", "fundType", "allege"],
      ["F1", "FCPR", true],
      ["F2", "FCPR", false],
    ]),
    Subscribers: tableFromValues("Subscribers", [
      [...columns],
      ...subs.map((s, k) => {
        const v = values(s, k);
        return columns.map((c) => v[c] ?? null);
      }),
      ...inOffer.map((investor, k) => {
        const v = offerRow(investor, k);
        return columns.map((c) => v[c] ?? null);
      }),
    ]),
    ...(inOffer.length > 0
      ? {
          Offers: tableFromValues("Offers", [
            ["offerId", "issuerId", "offerCase", "offerDate"],
            ["X", "ISS", "LARGE_TICKET", "2023-01-01"],
          ]),
        }
      : {}),
  };
}

interface SubExpected {
  status: string;
  checks: Record<string, Tri>;
  eligibleUnder: string[];
  initial: bigint | null;
}

const THIRTY_K = EUR(30_000);

/** One FCPR allégé's subscribers, read from RG AMF 412-113 and the contract (§3.5 to §3.7). */
function expectedSubscribers(
  subs: Sub[],
  present: (column: string) => boolean,
): SubExpected[] {
  const eurOf = (s: Sub) => eurMillionths(s.cents, s.currency, s.rate);
  return subs.map((s) => {
    if (s.date > SUB_AS_OF)
      return { status: "info", checks: {}, eligibleUnder: [], initial: null };
    // « souscription initiale »: the investor's earliest-dated rows in this fund, added together.
    const own = subs.filter((x) => x.investor === s.investor);
    const first = own.reduce((d, x) => (x.date < d ? x.date : d), own[0].date);
    let initial: bigint | null = 0n;
    for (const x of own) {
      if (x.date !== first) continue;
      const a = eurOf(x);
      initial = initial === null || a === null ? null : initial + a;
    }
    const atLeast = (limit: bigint): Tri =>
      initial === null ? null : initial >= limit;
    // Unreadable values (not one of the contract's) are unknown, with a diagnostic (contract §2).
    const legal: Tri =
      s.investorType === "XYZ"
        ? null
        : s.investorType === "LEGAL" || s.investorType === "PUBLIC_LAW_LEGAL";
    const category = (c: string): Tri =>
      s.category === "XYZ" ? null : s.category === c;
    const above = (cents: number | null, euros: number) =>
      cents !== null && BigInt(cents) * 10_000n > EUR(euros);
    const criteria = [
      above(s.balanceSheetCents, 20_000_000),
      above(s.turnoverCents, 40_000_000),
      above(s.equityCents, 2_000_000),
    ].filter(Boolean).length;
    const col = <T>(column: string, v: T | null): T | null =>
      present(column) ? v : null;
    const checks: Record<string, Tri> = {
      E1: category("L214_38_INVESTOR"),
      E2: category("STATE"),
      E3: category("SUPRANATIONAL"),
      // 4° « d'au moins de 30 000 euros » and « pendant au moins un an ».
      E4: and(
        atLeast(THIRTY_K),
        s.yearsHundredths !== null && s.yearsHundredths >= 100,
      ),
      // 5° 30 000 € and one of a), b), c).
      E5: and(
        atLeast(THIRTY_K),
        s.assistsCompanies === true ||
          s.assistsManager === true ||
          col("privateEquityExperience", s.peExperience) === true,
      ),
      // 6° « supérieure ou égale à 1 000 000 euros ».
      E6: and(
        atLeast(THIRTY_K),
        col("depositsAndPortfolio", s.depositsCents) !== null &&
          BigInt(s.depositsCents!) * 10_000n >= EUR(1_000_000),
      ),
      // 7° « aux sociétés » meeting two of three criteria, each « supérieur à ».
      E7: and(legal, criteria >= 2),
      // 8° « supérieure ou égale à 500 000 euros ».
      E8: atLeast(EUR(500_000)),
      // « Les seuils mentionnés au I ne sont pas applicables » to the management company's people:
      // natural persons (a legal person marked insider is assessed as worded, contract §3.6).
      INSIDER: and(
        col("insider", s.insider) === true,
        legal === null ? null : !legal,
      ),
      // II: the warning; an absent column is unknown (contract §2), a blank cell not evidenced.
      "FCPRA-WARN": !present("warningGiven")
        ? null
        : typeof s.warning === "string"
          ? null
          : s.warning === true,
      // III: the rules « préalablement » and the acknowledgement « lors de la souscription »: both on
      // or before the subscription date.
      "FCPRA-ACK": and(
        present("rulesDeliveredDate")
          ? s.rulesDelivered !== null && s.rulesDelivered <= s.date
          : null,
        present("acknowledgementDate")
          ? s.acknowledged !== null && s.acknowledged <= s.date
          : null,
      ),
    };
    const categories = [
      "E1",
      "E2",
      "E3",
      "E4",
      "E5",
      "E6",
      "E7",
      "E8",
      "INSIDER",
    ];
    const eligible = or(...categories.map((c) => checks[c]));
    checks["FCPRA-ELIG"] = eligible;
    return {
      status: statusOf(
        and(eligible, checks["FCPRA-WARN"], checks["FCPRA-ACK"]),
      ),
      checks,
      eligibleUnder: categories.filter((c) => checks[c] === true),
      initial,
    };
  });
}

describe("E1 to E8, INSIDER, FCPRA-ELIG, FCPRA-WARN, FCPRA-ACK: RG AMF 412-113 I, II and III, read plainly, against the engine (property)", () => {
  it("each subscription's checks, categories met, initial subscription and status, and the fund's counts (« au moins » ≥, « supérieur à » >)", () => {
    fc.assert(
      fc.property(subsWorkbook, ({ subs, dropped, inOffer }) => {
        const report = checkWorkbook(
          readWorkbook(subscriberTables(subs, dropped, inOffer)),
          { asOf: SUB_AS_OF },
        );
        const present = (c: string) => !(dropped as string[]).includes(c);
        const rowsOf = (fund: string) =>
          subs.map((s, k) => ({ s, k })).filter((x) => x.s.fund === fund);
        // F2 is not an FCPR allégé: its rows are read and listed as info, no FCPRA rule is listed.
        const f2 = report.funds.find((f) => f.fundId === "F2")!;
        for (const { k } of rowsOf("F2")) {
          const got = f2.subscriptions!.find(
            (o) => o.subscriptionId === `S${k}`,
          )!;
          expect(got.status, `S${k} of F2`).toBe("info");
        }
        expect(f2.rules.filter((r) => r.id.startsWith("FCPRA"))).toEqual([]);
        const own = rowsOf("F1");
        if (own.length === 0) return;
        const f1 = report.funds.find((f) => f.fundId === "F1")!;
        const want = expectedSubscribers(
          own.map((x) => x.s),
          present,
        );
        own.forEach(({ k, s }, i) => {
          const got = f1.subscriptions!.find(
            (o) => o.subscriptionId === `S${k}`,
          )!;
          const w = want[i];
          const label = `S${k} ${s.investor} ${s.date}`;
          expect(got.status, label).toBe(w.status);
          if (w.status === "info") return;
          for (const [rule, met] of Object.entries(w.checks))
            if (rule !== "FCPRA-ELIG")
              expect(metOf(got, rule), `${label} ${rule}`).toBe(met);
          expect([...got.eligibleUnder].sort(), label).toEqual(
            [...w.eligibleUnder].sort(),
          );
          if (w.initial !== null)
            expect(got.initialSubscription?.amountEur, label).toBe(
              formatAmount(w.initial),
            );
        });
        // The fund's counts: the subscriptions that fail I (none of E1–E8, INSIDER), II, III.
        const live = want.filter((w) => w.status !== "info");
        if (live.length > 0)
          expect(f1.status).toBe(worstOf(live.map((w) => w.status)));
        for (const r of f1.rules) expect(r.legacy, r.id).toBe(true);
        // IV: the depositary informs the AMF of the failures of I, II or III: an info count.
        const depo = ruleOf(f1.rules, "FCPRA-DEPO");
        if (live.length > 0) {
          expect(depo?.status).toBe("info");
          expect(depo?.value).toBe(
            live.filter((w) => w.status === "breach").length,
          );
        }
        for (const rule of ["FCPRA-ELIG", "FCPRA-WARN", "FCPRA-ACK"]) {
          const r = ruleOf(f1.rules, rule);
          if (live.length === 0) {
            expect(r, rule).toBeUndefined();
            continue;
          }
          const failing = live.filter((w) => w.checks[rule] === false).length;
          const unknown = live.some((w) => w.checks[rule] === null);
          expect(r?.value, rule).toBe(failing);
          expect(r?.denominator, rule).toBe(String(live.length));
          expect(r?.status, rule).toBe(
            failing > 0 ? "breach" : unknown ? "incomplete" : "pass",
          );
        }
      }),
      RUNS,
    );
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Execution outside a regulated market: RG AMF 516-2 1° to 3° and last paragraph
// ─────────────────────────────────────────────────────────────────────────────────────────────

interface Trade {
  fund: "F1" | "F2" | "F3";
  date: string;
  instrument: string;
  classification: string | null;
  venue: string;
  cents: number | null;
  capCents: number | null;
  ownAccount: boolean | null;
  /** Prices in ten-thousandths; the VWAP is 100 or 33.33 or blank, prices about 1 % from them. */
  priceUnits: number | null;
  vwapUnits: number | null;
  agreedAt: string | null;
  vwapFrom: string | null;
  client: string | null;
  form: string | null;
  standingFrom: string;
  standingUntil: string | null;
  packageDeclared: boolean | null;
}

const trade: fc.Arbitrary<Trade> = fc.record({
  fund: fc.constantFrom<"F1" | "F2" | "F3">("F1", "F1", "F1", "F2", "F3"),
  date: fc.constantFrom(
    "2006-05-10",
    "2007-03-01",
    "2007-05-10",
    "2007-05-11",
    "2007-12-31",
    "2008-01-02",
  ),
  instrument: fc.constantFrom(
    "EQUITY",
    "EQUITY",
    "DEBT",
    "DEBT",
    "FUND_UNITS",
    "OTHER",
    "XYZ",
  ),
  classification: fc.constantFrom("EQUITY_FUND", "BOND_FUND", "OTHER", null),
  venue: fc.constantFrom("OFF_MARKET", "OFF_MARKET", "OFF_MARKET", "REGULATED"),
  cents: fc.constantFrom(
    30_000_00,
    30_000_01,
    500_000_00,
    499_999_99,
    7_500_000_00,
    7_500_000_01,
    5_000_000_00,
    5_000_000_01,
    5_000_000_02,
    1_000_000_00,
    10_000_00,
    null,
  ),
  // 5 % of 100 000 000,20 € is 5 000 000,01 €: « dépasse » needs one cent more.
  capCents: fc.constantFrom(
    null,
    100_000_000_00,
    100_000_000_20,
    200_000_000_00,
    10_000_000_00,
  ),
  ownAccount: fc.constantFrom(true, true, false, null),
  priceUnits: fc.constantFrom(
    1_010_000,
    1_010_100,
    990_000,
    989_900,
    1_000_000,
    336_633,
    336_634,
    329_967,
    329_966,
    null,
  ),
  vwapUnits: fc.constantFrom(1_000_000, 1_000_000, 333_300, 333_300, null),
  agreedAt: fc.constantFrom(
    "2007-05-10 10:00",
    "2007-05-10 10:00",
    "2007-05-10",
    null,
  ),
  vwapFrom: fc.constantFrom(
    "2007-05-10 10:00",
    "2007-05-10 09:59",
    "2007-05-10 10:01",
    "2007-05-10",
    null,
  ),
  client: fc.constantFrom(
    null,
    "OTHER",
    "INVESTMENT_FIRM",
    "MARKET_MEMBER",
    "L531_2",
    "XYZ",
  ),
  form: fc.constantFrom("WRITTEN", "OTHER_MEANS", "STANDING", "STANDING", null),
  standingFrom: fc.constantFrom("2006-05-10", "2007-01-01", "2007-05-10"),
  standingUntil: fc.constantFrom(
    "2007-05-10",
    "2008-06-01",
    "2007-03-01",
    null,
  ),
  packageDeclared: fc.constantFrom(null, false, false, false, true),
});

const TRADE_COLUMNS = [
  "tradeId",
  "fundId",
  "tradeDate",
  "instrumentType",
  "fundClassification",
  "venue",
  "amountEur",
  "issuerMarketCap",
  "counterpartyDealsOnOwnAccount",
  "agreedPrice",
  "referenceVwap",
  "agreedAt",
  "vwapFrom",
  "clientCategory",
  "requestForm",
  "standingFrom",
  "standingUntil",
  "packageDeclared",
];

const tradesWorkbook = fc.record({
  trades: fc.array(trade, { minLength: 1, maxLength: 12 }),
  asOf: fc.constantFrom("2007-12-31", "2008-06-30"),
  /** requestForm absent from the header: OTC-REQ unknown (contract §2). */
  noRequestColumn: fc.constantFrom(false, false, false, true),
});

function tradeTables(trades: Trade[], noRequestColumn: boolean) {
  const columns = TRADE_COLUMNS.filter(
    (c) => !(noRequestColumn && c === "requestForm"),
  );
  const values = (t: Trade, k: number): Record<string, CellValue> => ({
    tradeId: `T${k}`,
    fundId: t.fund,
    tradeDate: t.date,
    instrumentType: t.instrument,
    fundClassification: t.classification,
    venue: t.venue,
    amountEur: cellOfCents(t.cents),
    issuerMarketCap: cellOfCents(t.capCents),
    counterpartyDealsOnOwnAccount: t.ownAccount,
    agreedPrice: t.priceUnits === null ? null : t.priceUnits / 10_000,
    referenceVwap: t.vwapUnits === null ? null : t.vwapUnits / 10_000,
    agreedAt: t.agreedAt,
    vwapFrom: t.vwapFrom,
    clientCategory: t.client,
    requestForm: t.form,
    standingFrom: t.standingFrom,
    standingUntil: t.standingUntil,
    packageDeclared: t.packageDeclared,
  });
  return {
    Funds: tableFromValues("Funds", [
      ["fundId", "fundType", "legacyRules"],
      ["F1", "FCPR", "516-2"],
      ["F2", "FCPR", null],
      ["F3", "FCPR", "RG AMF 516-2"],
    ]),
    Trades: tableFromValues("Trades", [
      columns,
      ...trades.map((t, k) => {
        const v = values(t, k);
        return columns.map((c) => v[c]);
      }),
    ]),
  };
}

interface TradeExpected {
  status: string;
  checks: Record<string, Tri>;
  allowedBy: string | null;
}

/** A date alone is 00:00 (contract §2): date-times compare as text once written in full. */
const minute = (s: string) => (s.length === 10 ? `${s} 00:00` : s);

/** One trade, read from RG AMF 516-2 and the contract (§3.8). */
function expectedTrade(
  t: Trade,
  asOf: string,
  requestColumn: boolean,
): TradeExpected {
  if (t.venue === "REGULATED" || t.fund === "F2" || t.date > asOf)
    return { status: "info", checks: {}, allowedBy: null };
  // Last paragraph: « Les conditions prévues ci-dessus ne s'appliquent pas » to a declared package.
  if (t.packageDeclared === true)
    return {
      status: "pass",
      checks: { "OTC-PACKAGE": true },
      allowedBy: "OTC-PACKAGE",
    };
  const amount = t.cents === null ? null : BigInt(t.cents) * 10_000n;
  /** amount > limit, unknown when the amount is blank. */
  const over = (limit: bigint): Tri =>
    amount === null ? null : amount > limit;
  const checks: Record<string, Tri> = {};
  // 1° « instruments financiers mentionnés aux 1°, 2° et 3° du I de l'article L. 211-1 ».
  // An unreadable type (not one of the contract's values) is unknown, with a diagnostic.
  const unreadableType = t.instrument === "XYZ";
  checks["OTC-INSTR"] = unreadableType
    ? null
    : ["EQUITY", "DEBT", "FUND_UNITS"].includes(t.instrument);
  // 2° a) and c): « dépasse … soit 5 % de la capitalisation boursière …, soit 7,5 millions d'euros »
  // (the « either » reading, contract §3.2: above the lower of the two).
  const block = (): Tri =>
    or(
      over(EUR(7_500_000)),
      t.capCents === null
        ? null
        : over((BigInt(t.capCents) * 10_000n * 5n) / 100n),
    );
  const above30k = over(EUR(30_000));
  let route: Tri = false;
  let routeRule: string | null = null;
  if (t.instrument === "EQUITY") {
    checks["OTC-EQ"] = block();
    // The dealer exception to a): own account, « égal à ou dépasse 500 000 euros », a price « ne
    // s'écartant pas de plus de 1 % » of a VWAP whose period « commence au plus tôt au moment de l'accord ».
    const deviation: Tri =
      t.priceUnits === null || t.vwapUnits === null
        ? null
        : 100 * Math.abs(t.priceUnits - t.vwapUnits) <= t.vwapUnits;
    const period: Tri =
      t.agreedAt === null || t.vwapFrom === null
        ? null
        : minute(t.vwapFrom) >= minute(t.agreedAt);
    if (checks["OTC-EQ"] !== true)
      checks["OTC-DEALER"] = and(
        t.ownAccount === true,
        amount === null ? null : amount >= EUR(500_000),
        deviation,
        period,
      );
    route =
      checks["OTC-EQ"] === true
        ? true
        : or(checks["OTC-EQ"], checks["OTC-DEALER"]);
    routeRule = checks["OTC-EQ"] === true ? "OTC-EQ" : "OTC-DEALER";
  } else if (t.instrument === "DEBT") {
    // b) « 30 000 euros ».
    route = checks["OTC-DEBT"] = above30k;
    routeRule = "OTC-DEBT";
  } else if (t.instrument === "FUND_UNITS") {
    if (t.classification === "EQUITY_FUND") {
      route = checks["OTC-FUND-EQ"] = block();
      routeRule = "OTC-FUND-EQ";
    } else if (t.classification === "BOND_FUND") {
      route = checks["OTC-FUND-BOND"] = above30k;
      routeRule = "OTC-FUND-BOND";
    } else {
      // Neither « Actions » nor « Obligations »: no threshold of c) allows them (contract §3.8); a
      // blank classification is a value both need (unknown).
      route = t.classification === null ? null : false;
      checks["OTC-FUND-EQ"] = checks["OTC-FUND-BOND"] = route;
    }
  } else if (unreadableType) route = null;
  // 3° « par écrit et pour chaque transaction »; « par tout moyen » for investment firms, market
  // members and L. 531-2; those may give a written standing request for debt securities, « la durée
  // de la dérogation ne peut excéder un an ».
  const exempt: Tri =
    t.client === "XYZ"
      ? null
      : ["INVESTMENT_FIRM", "MARKET_MEMBER", "L531_2"].includes(
          t.client ?? "OTHER",
        );
  let request: Tri;
  if (!requestColumn) request = null;
  else if (t.form === "WRITTEN") request = true;
  else if (t.form === "OTHER_MEANS") request = exempt;
  else if (t.form === "STANDING" && unreadableType) {
    const inYear =
      t.date >= t.standingFrom &&
      t.date <= addMonths(t.standingFrom, 12) &&
      (t.standingUntil === null || t.date <= t.standingUntil);
    request = and(exempt, null, inYear);
  } else if (t.form === "STANDING") {
    if (exempt === false || t.instrument !== "DEBT" || t.date < t.standingFrom)
      request = false;
    else {
      const year = addMonths(t.standingFrom, 12);
      if (t.date > year) request = false;
      // A blank end states no period shorter than the year (the year « caps the request; it does
      // not void it », contract §3.8).
      else
        request = and(
          exempt,
          t.standingUntil === null || t.date <= t.standingUntil,
        );
    }
  } else request = false;
  checks["OTC-REQ"] = request;
  const allowed = and(checks["OTC-INSTR"], route, request);
  return {
    status: statusOf(allowed),
    checks,
    allowedBy: allowed === true ? routeRule : null,
  };
}

describe("OTC-INSTR, OTC-EQ, OTC-DEALER, OTC-DEBT, OTC-FUND-EQ, OTC-FUND-BOND, OTC-REQ, OTC-PACKAGE: RG AMF 516-2, read plainly, against the engine (property)", () => {
  it("each off-market trade's checks, route and status, and the fund's counts of trades not allowed (« dépasse » >, « égal à ou dépasse » ≥, « pas de plus de 1 % » ≤)", () => {
    fc.assert(
      fc.property(tradesWorkbook, ({ trades, asOf, noRequestColumn }) => {
        const report = checkWorkbook(
          readWorkbook(tradeTables(trades, noRequestColumn)),
          { asOf },
        );
        for (const fundId of ["F1", "F2", "F3"]) {
          const own = trades
            .map((t, k) => ({ t, k }))
            .filter((x) => x.t.fund === fundId);
          if (own.length === 0) continue;
          const fund = report.funds.find((f) => f.fundId === fundId)!;
          const want = own.map((x) =>
            expectedTrade(x.t, asOf, !noRequestColumn),
          );
          own.forEach(({ k, t }, i) => {
            const got = fund.trades!.find((o) => o.tradeId === `T${k}`)!;
            const w = want[i];
            const label = `T${k} ${t.instrument} ${t.date}`;
            expect(got.status, label).toBe(w.status);
            if (w.status === "info") return;
            for (const [rule, met] of Object.entries(w.checks))
              expect(metOf(got, rule), `${label} ${rule}`).toBe(met);
            if (w.status === "pass")
              expect(got.allowedBy, label).toBe(w.allowedBy);
          });
          // Per fund: the trades not allowed that fail each check (contract §4).
          const live = want.filter((w) => w.status !== "info");
          for (const rule of [
            "OTC-INSTR",
            "OTC-EQ",
            "OTC-DEALER",
            "OTC-DEBT",
            "OTC-FUND-EQ",
            "OTC-FUND-BOND",
            "OTC-REQ",
          ]) {
            const failing = live.filter(
              (w) => w.status === "breach" && w.checks[rule] === false,
            ).length;
            const r = ruleOf(fund.rules, rule);
            if (r) expect(r.value, `${fundId} ${rule}`).toBe(failing);
            else expect(failing, `${fundId} ${rule} not listed`).toBe(0);
          }
          if (live.length > 0)
            // Packages are counted as info (contract §4): a fund with packages alone is info.
            expect(fund.status, fundId).toBe(
              live.every((w) => w.allowedBy === "OTC-PACKAGE")
                ? "info"
                : worstOf(live.map((w) => w.status)),
            );
          for (const r of fund.rules) expect(r.legacy, r.id).toBe(true);
          const packages = live.filter(
            (w) => w.allowedBy === "OTC-PACKAGE",
          ).length;
          const p = ruleOf(fund.rules, "OTC-PACKAGE");
          if (p) expect(p.value, `${fundId} OTC-PACKAGE`).toBe(packages);
        }
      }),
      RUNS,
    );
  });
});
