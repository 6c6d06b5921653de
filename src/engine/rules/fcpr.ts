import { compareText } from "../compare-text";
import { foldedCodes, idKey } from "../id-key";
import { addNote } from "./measure-again";
import { settleUnreadListing } from "./unread-listing";
import {
  type Amount,
  amountFromDecimal,
  ExactSum,
  formatAmount,
  scaleAmount,
  scaleMillionths,
} from "../amount";
import { addYears } from "../dates";
import type { Dec } from "../decimal";
import {
  isEuEeaOn,
  L214_160,
  L214_28,
  listAt,
  type RatioParameter,
  ratioAt,
  requireVersion,
} from "../../law";
import type { Excluded, FundContext, Position } from "../fund-context";
import {
  type AmountChange,
  type Coded,
  INVALID,
  type MemoField,
  per,
} from "../fund-columns";
import { MemoKey } from "../memo-key";
import { english } from "../../present/english";
import {
  compare,
  count,
  made,
  measuredLike,
  Tally,
  unknownIn,
  type Evaluation,
} from "../measures";
import {
  type AssetClass,
  type CodeArray,
  type Fund,
  type ListingStatus,
  MILLIONTHS_PER_CENT,
  NO_CENTS,
} from "../model";
import { quotaWindow } from "../quota-window";
import {
  type Need as NeedWhy,
  type Reason,
  type ReasonFacts,
  reason as why,
} from "../reasons";
import type {
  Contribution,
  ExclusionCode,
  QuotaWindow,
  RuleDefinition,
  RuleResult,
} from "../result";
import {
  FCPR_B20,
  FCPR_CCA15,
  FCPR_L5Y,
  FCPR_LIQ5,
  FCPR_Q50,
} from "./fcpr-definitions";
import {
  advancesRule,
  bucketRule,
  CAP_20,
  capOf,
  Grace,
  quotaBinds,
  cappedSums,
  countAdvanceInQuotaAt,
  gateAdvanceAt,
  gateColumns,
  type GateColumns,
  advanceIssuer,
  type AdvanceCap,
  type GateLog,
  type GateRules,
  listedRule,
  newGateLog,
} from "./l214-28-limits";

const ART_I = "L. 214-28 I";
const ART_III_1 = "L. 214-28 III 1°";
const ART_III_2 = "L. 214-28 III 2°";
const ART_IV = "L. 214-28 IV";
const UNLISTED = why("counted-unlisted", { article: ART_I });

/** III 1°: "capitalisation boursière … inférieure à 150 millions d'euros" (strictly below), as an amount. */
let lastLimit: { asOf: string; limit: Amount } | undefined;
const smallCapLimit = (asOf: string): Amount =>
  lastLimit?.asOf === asOf
    ? lastLimit.limit
    : (lastLimit = {
        asOf,
        limit: amountFromDecimal(ratioAt(L214_28.smallCapLimit, asOf)),
      }).limit;

/** The classes each paragraph takes, at the test date (src/law/l214-28.ts). */
export function quotaClasses(asOf: string) {
  return {
    /** I: "titres associatifs, titres participatifs, titres de capital … ou donnant accès au capital". */
    securities: listAt(L214_28.quotaSecurities, asOf),
    sarl: listAt(L214_28.sarlParts, asOf),
    advances: listAt(L214_28.advanceClasses, asOf),
    entities: listAt(L214_28.entityClasses, asOf),
    /** III 1°: "titres de capital, ou donnant accès au capital" only. */
    smallCaps: listAt(L214_28.smallCapSecurities, asOf),
    /** III 2°: "titres de créance … ou des créances sur ces entités". */
    debt: listAt(L214_28.unlistedIssuerDebt, asOf),
  };
}

/**
 * Where the sort puts a position, one byte per position: the loops over 100,000 rows compare
 * small numbers, not the kinds of buckets of several shapes. The sorts from I on say whether an
 * issuer's securities count in I (an exclusion says they do not).
 */
const enum To {
  NOT_HELD,
  UNKNOWN,
  ADVANCE,
  ENTITY,
  I,
  III1,
  III2,
  IV,
  OUT,
  /** Only in the table by class and status: a listed security, which its own row decides. */
  LISTED,
}
type Paragraph = To.I | To.III1 | To.III2 | To.IV | To.ADVANCE | To.ENTITY;
/**
 * What an issuer's securities say of an advance to it: none held, none counted in I, some
 * counted. As bits, so that what two securities say together is their bitwise or.
 */
const enum InI {
  NO_SECURITY = 0,
  NOT_COUNTED = 1,
  COUNTED = 3,
}
/** The paragraphs a position can be sorted into; shared objects, so sorting 100,000 rows allocates nothing. */
const SORTED = {
  I: { to: To.I },
  III1: { to: To.III1 },
  III2: { to: To.III2 },
  IV: { to: To.IV },
  ADVANCE: { to: To.ADVANCE },
  ENTITY: { to: To.ENTITY },
} as const;
/** A value the sort needs is blank: the column, and what it decides (the diagnostic's facts). */
type Need = { column: string; why: NeedWhy };
type Out = {
  to: To.OUT;
  article: string;
  why: Reason & { code: ExclusionCode };
  reason?: string;
};
type Bucket = { to: Paragraph } | Out | ({ to: To.UNKNOWN } & Need);
const out = (why: Out["why"], article?: string): Out => ({
  to: To.OUT,
  article: article ?? (why.facts as { article: string }).article,
  why,
});

type SmallCapTest =
  | { ok: true }
  | { ok: false; facts: ReasonFacts["not-small-cap"] }
  | ({ ok: "unknown" } & Need);

/**
 * What differs between the funds that apply L. 214-28: the FCPR itself, and the FPCI through
 * L. 214-160 (advances to any company it holds a participation in, entity rights of any State
 * counted at their direct or indirect look-through).
 */
export interface L21428Profile {
  quota: RuleDefinition;
  advances: RuleDefinition;
  bucket: RuleDefinition;
  listed: RuleDefinition;
  /** Smallest share of the company's capital an advance needs; zero means "a participation". */
  advanceGate: RatioParameter;
  advanceArticle: "L. 214-28 II 1°" | "L. 214-160 II 1°";
  entityOecdRequired: boolean;
  entityArticle: string;
  defaultThreshold: RatioParameter;
  /** Advances retained under a regime of their own before II 1° (the ELTIF FPCI's 30 %). */
  advanceCap?: AdvanceCap;
}

const FCPR_PROFILE: L21428Profile = {
  quota: FCPR_Q50,
  advances: FCPR_CCA15,
  bucket: FCPR_B20,
  listed: FCPR_L5Y,
  advanceGate: L214_28.advanceGate,
  advanceArticle: "L. 214-28 II 1°",
  entityOecdRequired: true,
  entityArticle: "L. 214-28 II 2°",
  defaultThreshold: L214_28.quota,
};

const NO_POSITION = new Int32Array(0);
const NO_ISSUER = new Uint8Array(0);

/**
 * Per-fund measures of the sort of positions into the paragraphs of L. 214-28. Each is partial when
 * a value it needed is unknown; the quota reads direct, bucket, advances and entities, so it is
 * partial when any of them is. The positions are read by index from the fund's columns, with what
 * the sort needs of each distinct class, status or country worked out once.
 */
class Sorted {
  /**
   * By issuer code: whether the fund counts the issuer's securities in I, directly or within the
   * five years of IV (InI), as the sort and IV find them: what an advance to the issuer needs.
   */
  issuerInI: Uint8Array = NO_ISSUER;
  /** Each row's issuer numbered within the fund (issuerInI's index): a read's issuers are many more. */
  readonly issuerSlot: { slots: CodeArray; count: number };
  /** I, and IV within five years. */
  readonly direct: Tally;
  /** IV within five years. */
  readonly listed: Tally;
  /** III 1°, III 2° and IV securities placed in the 20 % bucket. */
  readonly bucket: Tally;
  /** The receivables in the bucket (FPCI holding limit). */
  bucketReceivables: Amount = 0n;
  /** The advances the quota counts. */
  readonly qualifying: Tally;
  /** II 2°, by look-through. */
  readonly entities: Tally;
  /** Every advance, against the 15 %, and those the gate refuses. */
  readonly gate: GateLog;
  readonly grace = new Grace();
  /** The law's values on the as-of date, looked up once per fund rather than once per row. */
  readonly cap20Text: string;
  /** How a position counts in I and III (count copies it): one object each per fund, none per row. */
  readonly counted: Record<"I" | "III1" | "III2", Omit<Contribution, "amount">>;
  /** The rules and article of II 1° as the gate and the quota's count of advances take them. */
  readonly gateRules: GateRules;
  /** Indices of the positions listed after purchase (IV), in the rows' order. */
  listedAfter: Int32Array = NO_POSITION;
  /** Indices of the held advances (II 1°) and entity rights (II 2°), in the rows' order. */
  advances: Int32Array = NO_POSITION;
  entityRights: Int32Array = NO_POSITION;
  /** The columns the sort reads. */
  readonly cls: Coded<AssetClass | undefined>;
  readonly listing: Coded<ListingStatus | undefined>;
  readonly listingDate: Coded<string | undefined>;
  readonly investmentDate: Coded<string | undefined>;
  readonly country: Coded<string | undefined>;
  /** The market capitalisation by row: its code, and each code's amount (in millionths while a safe integer, else NaN). */
  readonly marketCap: CodedAmounts;
  readonly issuer: Coded<string | undefined>;
  /**
   * By class and listing status (code of the class × listing statuses + code of the status): the
   * paragraph when they decide it, as they do for most rows; undefined for a listed security,
   * which its listing date or III 1° decides.
   */
  readonly decided: (Bucket | undefined)[];
  /** decided as one byte each (To.LISTED for undefined), for the loop over the rows. */
  readonly decidedTo: Uint8Array;
  readonly smallCapClass: boolean[];
  readonly receivable: boolean[];
  /** By code of listingStatus: blank or UNLISTED. */
  readonly unlisted: boolean[];
  /** By code of listingCountry: an EU or EEA State on the as-of date. */
  readonly eea: boolean[];
  /** III 1°'s market capitalisation limit, and as a number for the safe integers of a column. */
  readonly limit: Amount;
  readonly capLimit: number;

  constructor(
    readonly ctx: FundContext,
    readonly prof: L21428Profile,
  ) {
    this.direct = new Tally(ctx);
    this.listed = new Tally(ctx);
    this.bucket = new Tally(ctx);
    this.qualifying = new Tally(ctx);
    this.entities = new Tally(ctx);
    this.gate = newGateLog(ctx);
    const law = sortLaw(prof, ctx.asOf);
    this.cap20Text = law.cap20Text;
    this.counted = law.counted;
    this.gateRules = {
      quotaId: prof.quota.id,
      advancesId: prof.advances.id,
      article: prof.advanceArticle,
      gate: law.gate,
      log: this.gate,
    };
    const classes = law.classes;
    const c = ctx.columns;
    this.cls = c.coded("assetClass");
    this.listing = c.coded("listingStatus");
    this.listingDate = c.coded("listingDate");
    this.investmentDate = c.coded("investmentDate");
    this.country = c.coded("listingCountry");
    this.marketCap = c.memo("capMillionths", CAP_FIELDS, () =>
      byCode(c.coded("marketCap")),
    );
    this.issuer = c.coded("issuerId");
    this.issuerSlot = c.memo("issuerSlots", ISSUER_FIELDS, () =>
      slotsOf(this.issuer, c.length),
    );
    // Worked out once per version of the columns: an edit of an amount keeps it.
    const byValue = c.memo(BY_VALUE_KEY.of(ctx.asOf), BY_VALUE_FIELDS, () =>
      this.sortByValue(classes),
    );
    this.unlisted = byValue.unlisted;
    this.decided = byValue.decided;
    this.decidedTo = byValue.decidedTo;
    this.smallCapClass = byValue.smallCapClass;
    this.eea = byValue.eea;
    this.receivable = byValue.receivable;
    this.limit = smallCapLimit(ctx.asOf);
    this.capLimit = Number(this.limit);
  }

  /** What the sort needs of each distinct class, listing status and country (the fields above). */
  private sortByValue(classes: ReturnType<typeof quotaClasses>) {
    const asOf = this.ctx.asOf;
    const unlisted = per(this.listing, (l) => (l ?? "UNLISTED") === "UNLISTED");
    const decided = this.cls.values.flatMap((k) =>
      unlisted.map((u) => decidedBy(k, u, classes)),
    );
    const among = (list: ReadonlySet<AssetClass>) =>
      per(this.cls, (k) => k !== undefined && list.has(k));
    return {
      unlisted,
      decided,
      decidedTo: Uint8Array.from(decided, (b) => b?.to ?? To.LISTED),
      smallCapClass: among(classes.smallCaps),
      eea: per(this.country, (c) => c !== undefined && isEuEeaOn(c, asOf)),
      receivable: among(listAt(L214_160.receivableClasses, asOf)),
    };
  }

  /** A security of the issuer of the position at index i, counted in I or not. */
  noteSecurity(i: number, counted: boolean): void {
    const c = this.issuerSlot.slots[i];
    this.issuerInI[c] |= counted ? InI.COUNTED : InI.NOT_COUNTED;
  }

  issuerAt(i: number): string | undefined {
    return this.issuer.values[this.issuer.codes[i]];
  }

  /** The listing date of a position the sort put in IV (admitted to trading after its purchase). */
  listingDateAt(i: number): string {
    return this.listingDate.values[this.listingDate.codes[i]]!;
  }

  /** IV: the listing date of a position admitted to trading after its purchase; else undefined. */
  listedAfterPurchase(i: number): string | undefined {
    const listed = this.listingDate.values[this.listingDate.codes[i]];
    if (listed === undefined) return undefined;
    const invested = this.investmentDate.values[this.investmentDate.codes[i]];
    return invested === undefined || invested < listed ? listed : undefined;
  }

  /** III 1° without its facts: met, not met, or the column it needs. */
  smallCapKind(i: number): SmallCapKind {
    const cap = this.marketCap;
    const x = cap.millionths[cap.codes[i]];
    const c = this.country.codes[i];
    const [country, eea] = [this.country.values[c], this.eea[c]];
    // A safe integer compares with Number(limit) as with the limit (past 2^53 it exceeds them all).
    return x === x
      ? smallCapKind(country, eea, x, this.capLimit)
      : smallCapKind(country, eea, cap.values[cap.codes[i]], this.limit);
  }
}

const BY_VALUE_KEY = new MemoKey("sortByValue");
const PASSES_KEY = new MemoKey("passes");
const SORT_KEY = new MemoKey("sort");

/** The fields of Sorted's memos: constants, not an array per check. */
const ISSUER_FIELDS: readonly MemoField[] = ["issuerId"];
const CAP_FIELDS: readonly MemoField[] = ["marketCap"];

/** A coded amount column, with its amounts by code in millionths where a safe integer (NaN otherwise: blank, or past 2^53). */
type CodedAmounts = Coded<Amount | undefined> & { millionths: Float64Array };

function byCode(column: Coded<Amount | undefined>): CodedAmounts {
  const { codes, values } = column;
  const millionths = new Float64Array(values.length);
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    millionths[c] =
      v !== undefined && v <= SAFE_MILLIONTHS && v >= -SAFE_MILLIONTHS
        ? Number(v)
        : NaN;
  }
  return { codes, values, millionths };
}

const SAFE_MILLIONTHS = BigInt(Number.MAX_SAFE_INTEGER);
const BY_VALUE_FIELDS: readonly MemoField[] = [
  "assetClass",
  "listingStatus",
  "listingCountry",
];

/** What the sort reads of the law on a date, for a profile: the same for each of its funds. */
interface SortLaw {
  readonly classes: ReturnType<typeof quotaClasses>;
  readonly cap20Text: string;
  readonly counted: Sorted["counted"];
  readonly gate: Dec;
}

/** The last date's SortLaw of each profile: a check (or an edit) asks one date for every fund. */
const lastSortLaw = new WeakMap<
  L21428Profile,
  { asOf: string; law: SortLaw }
>();

function sortLaw(prof: L21428Profile, asOf: string): SortLaw {
  const last = lastSortLaw.get(prof);
  if (last?.asOf === asOf) return last.law;
  const cap20Text = CAP_20(asOf).toString();
  const explain = why("counted-within-bucket", {
    threshold: cap20Text,
    article: "L. 214-28 III",
  });
  const inBucket = (article: string) => ({
    rule: prof.bucket.id,
    article,
    explain,
  });
  const law: SortLaw = {
    classes: quotaClasses(asOf),
    cap20Text,
    counted: {
      I: { rule: prof.quota.id, article: ART_I, explain: UNLISTED },
      III1: inBucket(ART_III_1),
      III2: inBucket(ART_III_2),
    },
    gate: ratioAt(prof.advanceGate, asOf),
  };
  lastSortLaw.set(prof, { asOf, law });
  return law;
}

/**
 * A coded column's codes renumbered within the fund, in the order of first appearance; the codes
 * themselves when the column has no more values than the fund has rows (one fund per read).
 */
function slotsOf(
  column: Coded<unknown>,
  n: number,
): { slots: CodeArray; count: number } {
  const { codes, values } = column;
  // Ids that differ only by case or surrounding spaces are one issuer (contract §3).
  const fold = foldedCodes(values);
  if (fold === null && values.length <= n)
    return { slots: codes, count: values.length };
  if (fold !== null) return foldedSlots(codes, fold, n);
  let slotOfCode = slotsOfCodes.get(values);
  if (slotOfCode === undefined)
    slotsOfCodes.set(
      values,
      (slotOfCode = new Int32Array(values.length).fill(-1)),
    );
  const slots = new Uint32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    let slot = slotOfCode[code];
    if (slot < 0) slotOfCode[code] = slot = count++;
    slots[i] = slot;
  }
  // Left as found (all -1) for the next fund.
  for (let i = 0; i < n; i++) slotOfCode[codes[i]] = -1;
  return { slots, count };
}

/** slotsOf when some issuers are written several ways: each code's slot is its folded code's. */
function foldedSlots(
  codes: CodeArray,
  fold: Int32Array,
  n: number,
): { slots: CodeArray; count: number } {
  const slotOfCode = new Map<number, number>();
  const slots = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const code = fold[codes[i]];
    let slot = slotOfCode.get(code);
    if (slot === undefined) slotOfCode.set(code, (slot = slotOfCode.size));
    slots[i] = slot;
  }
  return { slots, count: slotOfCode.size };
}

/**
 * slotsOf's slot of each code, -1 between calls: one array per read's values (shared by the
 * read's funds), not one per fund; it goes with the read.
 */
const slotsOfCodes = new WeakMap<readonly unknown[], Int32Array>();

export function evaluateFcpr(ctx: FundContext): Evaluation {
  const evaluation = evaluateL21428(ctx, FCPR_PROFILE);
  evaluation.rules.push(...liquidLabelRules(ctx));
  settleUnreadListing(
    ctx,
    evaluation.rules,
    (inner) => evaluateFcpr(inner).rules,
  );
  return evaluation;
}

/**
 * XII, for an FCPR and for the FCPI and the FIP, which « sont des fonds communs de placement à
 * risques » (L. 214-30 I, L. 214-31 I): the 5 % of liquid instruments, when the fund claims them.
 * An unreadable `liquidLabel` may be a claim: the rule is measured, and a shortfall is
 * `incomplete`, never left unreported.
 */
export function liquidLabelRules(ctx: FundContext): RuleResult[] {
  if (ctx.fund.liquidLabel) return [liquidLabelRule(ctx)];
  if (!ctx.fund.invalid.has("liquidLabel")) return [];
  const r = liquidLabelRule(ctx);
  if (r.status !== "pass" && r.status !== "warning") {
    r.status = "incomplete";
    r.partial = true;
  }
  addNote(r, why("liquid-label-unknown", { article: "L. 214-28 XII" }));
  return [r];
}

/** The quota of L. 214-28 I with its II, III, IV and V, for any fund that applies it. */
export function evaluateL21428(
  ctx: FundContext,
  prof: L21428Profile,
): Evaluation {
  const t = new Sorted(ctx, prof);
  const sort = sortPositions(t);
  const carried = passesCarried(t);
  const kept = carried?.kept;
  const runs = kept === undefined || !sameInputs(t, kept);
  const before = runs && carried ? measuresOf(t) : undefined;
  if (runs) {
    // What the sort found of the issuers, which IV adds to: a copy of this check's own.
    t.issuerInI = sort.inI.slice();
    allocateListedAfterPurchase(t, sort.issuers, capOf(ctx, CAP_20(ctx.asOf)));
    // Advances last: whether they count depends on their issuer's securities.
    countAdvances(t);
    countEntitiesRights(t);
  } else addPasses(t, kept);
  const record =
    before && ctx.filed === before.filed
      ? passesOf(t, before, sort)
      : undefined;
  if (carried && runs) carried.kept = record;
  const window = quotaWindow(ctx);
  return {
    rules: results(ctx, t, window, runs ? record : kept),
    quotaWindow: window,
  };
}

/**
 * What the passes after the sort (IV, II 1°, II 2°) added to the measures of one version of the
 * fund, with the rules they alone decide (II 1°, III, IV), kept for the next version of the fund:
 * after an edit of amounts none of them reads (rows of other paragraphs), a plain check takes
 * them as they were instead of running the passes and those rules again. Kept only from passes
 * that filed no diagnostic, and taken only when everything else they read is the same (sameInputs).
 */
interface Passes {
  readonly prof: L21428Profile;
  readonly fund: Fund;
  readonly denominator: Amount | undefined;
  readonly denominatorComplete: boolean;
  readonly warningMargin: Dec;
  /** The rows that cannot be placed (the note every rule's result carries). */
  readonly unplaced: readonly number[];
  /** The workbook's rows no fund takes (a note too): the same object while the preparation is. */
  readonly withoutFund: FundContext["withoutFund"];
  /** The measures (measuresOf) before the passes, and what the passes added to each (the bucket's total before is read by IV). */
  readonly before: Measures;
  readonly added: readonly Amount[];
  readonly completeAfter: readonly boolean[];
  /** Each row's paragraph: an edited row of IV, II 1° or II 2° runs the passes again (carryPasses). */
  readonly paragraphs: Uint8Array;
  /** II 1°, III and IV as results() made them, and what III was measured against (copied for each report). */
  rules?: { bucketLimit: Amount; results: readonly RuleResult[] };
}

/** The measures the passes add to, in one order (the bucket's place: BUCKET). */
const passMeasures = (t: Sorted): Tally[] => [
  t.direct,
  t.listed,
  t.bucket,
  t.qualifying,
  t.entities,
  t.gate.advances,
];

const BUCKET = 2;

interface Measures {
  readonly totals: readonly Amount[];
  readonly complete: readonly boolean[];
  /** ctx.filed: the passes filed no diagnostic when it is the same after them. */
  readonly filed: number;
}

function measuresOf(t: Sorted): Measures {
  const tallies = passMeasures(t);
  return {
    totals: tallies.map((m) => m.total),
    complete: tallies.map((m) => m.complete),
    filed: t.ctx.filed,
  };
}

function passesOf(t: Sorted, before: Measures, sort: Sort): Passes {
  const { ctx } = t;
  const after = measuresOf(t);
  return {
    prof: t.prof,
    fund: ctx.fund,
    denominator: ctx.denominator,
    denominatorComplete: ctx.denominatorComplete,
    warningMargin: ctx.warningMargin,
    unplaced: ctx.unplaced.map((h) => h.row),
    withoutFund: ctx.withoutFund,
    before,
    added: after.totals.map((x, m) => x - before.totals[m]),
    completeAfter: after.complete,
    paragraphs: sort.paragraphs,
  };
}

/**
 * Whether the passes would read the same as when they were kept: the same profile, fund, base,
 * margin, unplaced rows and rows of no fund, the same measures complete before them, and the same bucket (IV fills
 * it from its total).
 * Their rows' fields and amounts are the same: the memo's fields (PASS_FIELDS), and carryPasses.
 */
function sameInputs(t: Sorted, kept: Passes): boolean {
  const { ctx } = t;
  if (
    kept.prof !== t.prof ||
    kept.fund !== ctx.fund ||
    kept.denominator !== ctx.denominator ||
    kept.denominatorComplete !== ctx.denominatorComplete ||
    kept.warningMargin !== ctx.warningMargin ||
    kept.withoutFund !== ctx.withoutFund ||
    kept.unplaced.length !== ctx.unplaced.length
  )
    return false;
  for (let k = 0; k < kept.unplaced.length; k++)
    if (kept.unplaced[k] !== ctx.unplaced[k].row) return false;
  // In passMeasures' order, without its array.
  const complete = kept.before.complete;
  if (
    t.direct.complete !== complete[0] ||
    t.listed.complete !== complete[1] ||
    t.bucket.complete !== complete[BUCKET] ||
    t.qualifying.complete !== complete[3] ||
    t.entities.complete !== complete[4] ||
    t.gate.advances.complete !== complete[5]
  )
    return false;
  // Of the measures' totals, IV reads the bucket's only.
  return t.bucket.total === kept.before.totals[BUCKET];
}

/** The kept passes' sums added to the measures, as running them would. */
function addPasses(t: Sorted, kept: Passes): void {
  const tallies = passMeasures(t);
  for (let m = 0; m < tallies.length; m++) {
    if (kept.added[m] !== 0n) tallies[m].plus(kept.added[m]);
    if (!kept.completeAfter[m]) tallies[m].complete = false;
  }
}

/**
 * The kept passes of the fund's previous version, in a holder of this version's own; undefined
 * when a check explains positions (the passes record outcomes), without a basis, or with a regime
 * of advances of its own (the ELTIF FPCI's, which reads its advances' positions).
 */
function passesCarried(t: Sorted): { kept?: Passes } | undefined {
  const { ctx, prof } = t;
  if (ctx.explain || ctx.basis === undefined || prof.advanceCap)
    return undefined;
  return ctx.columns.summing(
    PASSES_KEY.of(ctx.asOf, ctx.basis, prof.quota.id),
    PASS_FIELDS,
    ctx.basis === "COST" ? "costValue" : "fairValue",
    () => ({}),
    carryPasses,
  );
}

/** The passes kept over an edit of amounts, unless an edited row is one they read. */
function carryPasses(
  previous: { kept?: Passes },
  { slots }: AmountChange,
): { kept?: Passes } {
  const kept = previous.kept;
  if (kept === undefined) return {};
  for (let s = 0; s < slots.length; s++)
    if (READ_BY_PASSES[kept.paragraphs[slots[s]]] === 1) return {};
  return { kept };
}

/** By paragraph, 1 for the rows whose amounts the passes after the sort read. */
const READ_BY_PASSES = Uint8Array.from({ length: To.LISTED + 1 }, (_, to) =>
  to === To.IV || to === To.ADVANCE || to === To.ENTITY ? 1 : 0,
);

/**
 * Sorts each held position into its paragraph and adds the securities of I and III to their
 * measures: the 20 % bucket fills with III 1° and III 2° items first, then with IV items while it
 * stays within 20 % (those are kept for their issuers' turn); advances and entity rights are kept
 * for theirs. Done in passes over the paragraphs, one byte per position: a position's paragraph
 * decides where its amount goes and what is kept of it, and no pass depends on another's order.
 *
 * The pass over the rows (sortPass) is kept from one version of the fund to the next: after an
 * edit of amounts only, its sums are patched with the edited rows' differences (patchSort).
 */
function sortPositions(t: Sorted): Sort {
  const { ctx } = t;
  const sort =
    ctx.basis === undefined
      ? sortPass(t, ctx.held)
      : ctx.columns.summing(
          SORT_KEY.of(ctx.asOf, ctx.explain, ctx.basis, t.prof.quota.id),
          SORT_FIELDS,
          ctx.basis === "COST" ? "costValue" : "fairValue",
          // Unnamed: a named closure is renamed on each call in the bench's build (esbuild keepNames).
          () => sortPass(t, ctx.held),
          patchSort,
        );
  const { paragraphs, totals, alone, kept } = sort;
  // Indexed loops, not for…of: an iterator per loop in code not yet compiled (an edit's first
  // hundred re-checks).
  for (let s = 0; s < SUMMED.length; s++) {
    const to = SUMMED[s];
    const total = totals[to];
    if (typeof total === "number") summedIn(t, to).plusMillionths(total);
    else summedIn(t, to).plus(total);
  }
  // One by one and in the rows' order, as the pass met them (their diagnostics' order).
  for (let k = 0; k < alone.length; k++)
    summedIn(t, paragraphs[alone[k]]).takeAt(alone[k]);
  t.listedAfter = kept[To.IV];
  t.advances = kept[To.ADVANCE];
  t.entityRights = kept[To.ENTITY];
  const unknown = kept[To.UNKNOWN];
  for (let k = 0; k < unknown.length; k++)
    leaveOutOfSort(t, unknown[k], To.UNKNOWN);
  if (ctx.explain)
    for (const to of [To.I, To.III1, To.III2, To.OUT])
      for (const i of kept[to]) explainSorted(t, i, to);
  if (t.receivable.includes(true)) addReceivables(t, paragraphs);
  return sort;
}

/**
 * What the sort works out over every row, from the columns and the basis amounts alone (nothing
 * is added to a measure here): shared by the versions of the fund, never written to.
 */
interface Sort {
  /** Each position's paragraph (To.NOT_HELD for a position not held). */
  readonly paragraphs: Uint8Array;
  /** By paragraph, the positions later passes take (KEPT), in the rows' order; empty for the others. */
  readonly kept: readonly Int32Array[];
  /** By issuer slot: what the issuer's securities say (InI). */
  readonly inI: Uint8Array;
  /**
   * By paragraph of SUMMED: the exact sum of its amounts that are numbers (safe integers in
   * millionths), as a number while it is a safe integer, else a BigInt.
   */
  readonly totals: readonly (number | bigint)[];
  /** The positions of those paragraphs whose amount is not a number (a BigInt, or none), in order. */
  readonly alone: Int32Array;
  /** IV: the positions listed after purchase grouped by issuer, in order of admission. */
  readonly issuers: ReturnType<typeof issuersByAdmission>;
}

/** The fields the sort reads besides the basis amount (held: the two dates; IV: the rows). */
const SORT_FIELDS: readonly MemoField[] = [
  "assetClass",
  "listingStatus",
  "listingDate",
  "listingCountry",
  "marketCap",
  "investmentDate",
  "disposalDate",
  "issuerId",
  "row",
];

/**
 * Every field the passes after the sort and the rules they decide read of any row (carryPasses):
 * the sort's, the gate's share of capital (of the advance's row or of its issuer's), II 2°'s,
 * the names an advance's reasons give, and which cells are unreadable.
 */
const PASS_FIELDS: readonly MemoField[] = [
  ...SORT_FIELDS,
  "ownershipPct",
  "entityOecd",
  "lookThroughPct",
  "issuerName",
  "lineId",
  INVALID,
];

function sortPass(t: Sorted, held: Uint8Array): Sort {
  const counts = new Int32Array(To.LISTED + 1);
  const paragraphs = paragraphsOf(t, held, counts);
  // The positions later passes take, grouped by paragraph (below).
  const kept = t.ctx.explain ? KEPT_EXPLAINED : KEPT;
  const { next, start, total } = groupsOf(counts, kept);
  const order = new Int32Array(total + 1);
  // One sum per paragraph; those of the paragraphs not summed are written and never read.
  const sums = new Float64Array(To.LISTED + 1);
  const inI = new Uint8Array(t.issuerSlot.count);
  const spilled: Spilled = { alone: [] };
  takeByParagraph(t, paragraphs, { sums, kept, next, order, inI, spilled });
  const totals: (number | bigint)[] = [];
  for (const to of SUMMED) {
    const big = spilled.big?.[to];
    totals[to] = big === undefined ? sums[to] : big + BigInt(sums[to]);
  }
  const positions = Array.from(kept, (k, to) =>
    order.subarray(start[to], start[to] + k * counts[to]),
  );
  return {
    paragraphs,
    kept: positions,
    inI,
    totals,
    alone: Int32Array.from(spilled.alone),
    issuers: issuersByAdmission(t, positions[To.IV]),
  };
}

/**
 * The sort of the previous version with the edited rows' amounts taken out and their new ones
 * added, when only amounts changed; undefined when a row's amount is or was not a number (it is
 * taken alone: the pass again).
 */
function patchSort(
  sort: Sort,
  { slots, before, after }: AmountChange,
): Sort | undefined {
  const totals = sort.totals.slice();
  for (let s = 0; s < slots.length; s++) {
    const k = slots[s];
    const to = sort.paragraphs[k];
    if (to !== To.I && to !== To.III1 && to !== To.III2) continue;
    // Two reads, not a destructured pair: an iterator per slot in code not yet compiled.
    const x = before[s];
    const y = after[k];
    if (x !== x || y !== y) return undefined;
    totals[to] = plusExact(plusExact(totals[to], -x), y);
  }
  return Object.assign({}, sort, { totals });
}

/**
 * total + x exactly, x a safe integer: as a number while the sum is a safe integer (a sum of
 * safe integers that stays within ±(2^53 − 1) is exact; one past it is seen as past it), else a BigInt.
 */
function plusExact(total: number | bigint, x: number): number | bigint {
  if (typeof total === "bigint") return total + BigInt(x);
  const sum = total + x;
  return sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER
    ? sum
    : BigInt(total) + BigInt(x);
}

/**
 * Each position's paragraph (To.NOT_HELD for a position not held), and how many each paragraph
 * has. Like takeByParagraph, a function that is its loop: V8 compiles a loop on the stack while it
 * runs, and code after it that had not run yet would deoptimise it on every check.
 */
function paragraphsOf(
  t: Sorted,
  held: Uint8Array,
  counts: Int32Array,
): Uint8Array {
  const paragraphs = new Uint8Array(held.length);
  const [classes, statuses] = [t.cls.codes, t.listing.codes];
  const [decided, perClass] = [t.decidedTo, t.unlisted.length];
  for (let i = 0; i < held.length; i++) {
    const code = classes[i];
    const to =
      held[i] === 0 ? To.NOT_HELD : decided[code * perClass + statuses[i]];
    const paragraph = to === To.LISTED ? listedTo(t, i, code) : to;
    paragraphs[i] = paragraph;
    counts[paragraph]++;
  }
  return paragraphs;
}

/** The paragraphs whose securities add their amount to a measure in the sort. */
const SUMMED = [To.I, To.III1, To.III2] as const;

/** The measure a summed paragraph adds to. */
const summedIn = (t: Sorted, to: To): Tally =>
  to === To.I ? t.direct : t.bucket;

/**
 * What a security says of its issuer (InI): counted in I for I, not counted for the others from I
 * on (an exclusion says the issuer's securities do not count), nothing for the rest.
 */
const SECURITY_SAYS = Uint8Array.from({ length: To.LISTED + 1 }, (_, to) =>
  to === To.I ? InI.COUNTED : to > To.I ? InI.NOT_COUNTED : InI.NO_SECURITY,
);

/**
 * By paragraph, 1 for the positions sortPositions keeps for the later passes: listed after
 * purchase (IV), advances and entity rights; those it could not sort (unknown: their diagnostic,
 * and the measures partial); and, on an explained check, every held position (what the sort says).
 */
const KEPT = Uint8Array.from({ length: To.LISTED + 1 }, (_, to) =>
  to === To.IV || to === To.ADVANCE || to === To.ENTITY || to === To.UNKNOWN
    ? 1
    : 0,
);
const KEPT_EXPLAINED = Uint8Array.from({ length: To.LISTED + 1 }, (_, to) =>
  to === To.NOT_HELD ? 0 : 1,
);

/**
 * Where each kept paragraph's positions start in one list (start), and where each paragraph's
 * next position goes (next): a paragraph not kept writes to the slot after the kept ones (total),
 * which no group reads.
 */
function groupsOf(counts: Int32Array, kept: Uint8Array) {
  const start = new Int32Array(kept.length);
  let total = 0;
  for (let to = 0; to < kept.length; to++)
    if (kept[to] === 1) [start[to], total] = [total, total + counts[to]];
  const next = start.map((at, to) => (kept[to] === 1 ? at : total));
  return { next, start, total };
}

/**
 * The sort's pass over the positions, with no branch the data decides:
 * - the amounts of I, III 1° and III 2° summed by paragraph as numbers (sums): integer millionths
 *   whose every partial sum is a safe integer are exact (ExactSum's proof); a position whose
 *   amount is not a number (a BigInt, or none), or that would take its sum past 2^53, is taken on
 *   its own;
 * - what each security says of its issuer (issuerInI), as bits;
 * - the kept positions placed in order, grouped by paragraph (a counting sort).
 */
function takeByParagraph(
  t: Sorted,
  paragraphs: Uint8Array,
  into: {
    sums: Float64Array;
    kept: Uint8Array;
    next: Int32Array;
    order: Int32Array;
    inI: Uint8Array;
    spilled: Spilled;
  },
): void {
  const cents = t.ctx.cents;
  if (cents !== null) return takeByParagraphInCents(t, paragraphs, cents, into);
  const { sums, kept, next, order, inI, spilled } = into;
  const [m, issuers] = [t.ctx.millionths, t.issuerSlot.slots];
  for (let i = 0; i < paragraphs.length; i++) {
    const to = paragraphs[i];
    const sum = sums[to] + m[i];
    if (sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER)
      sums[to] = sum;
    else spill(m[i], i, to, sums, spilled);
    inI[issuers[i]] |= SECURITY_SAYS[to];
    order[next[to]] = i;
    next[to] += kept[to];
  }
}

/**
 * takeByParagraph over the read's column of cents (FundContext.cents): the same pass with the
 * sums in cents, each a safe integer as in millionths, turned into millionths at the end (exact:
 * into a BigInt past 2^53). A loop of its own: one loop reading two kinds of array would be
 * compiled for neither.
 */
function takeByParagraphInCents(
  t: Sorted,
  paragraphs: Uint8Array,
  cents: Int32Array,
  into: Parameters<typeof takeByParagraph>[2],
): void {
  const { sums, kept, next, order, inI, spilled } = into;
  const issuers = t.issuerSlot.slots;
  // A local, not the imported binding: the modules the tests load (Vite's) read an imported
  // binding through a getter at each use, tsc's CommonJS from the exports.
  const blank = NO_CENTS;
  for (let i = 0; i < paragraphs.length; i++) {
    const to = paragraphs[i];
    const c = cents[i];
    const sum = sums[to] + c;
    if (
      c !== blank &&
      sum <= Number.MAX_SAFE_INTEGER &&
      sum >= -Number.MAX_SAFE_INTEGER
    )
      sums[to] = sum;
    else spillCents(c, i, to, sums, spilled);
    inI[issuers[i]] |= SECURITY_SAYS[to];
    order[next[to]] = i;
    next[to] += kept[to];
  }
  for (const to of SUMMED) {
    const millionths = sums[to] * MILLIONTHS_PER_CENT;
    if (
      millionths <= Number.MAX_SAFE_INTEGER &&
      millionths >= -Number.MAX_SAFE_INTEGER
    )
      sums[to] = millionths;
    else {
      const big = (spilled.big ??= []);
      big[to] = (big[to] ?? 0n) + BigInt(sums[to]) * PER_CENT_BIG;
      sums[to] = 0;
    }
  }
}

const PER_CENT_BIG = BigInt(MILLIONTHS_PER_CENT);

/** spill() of an amount in cents, its paragraph's sum in cents: a blank is taken alone, a sum past 2^53 goes to the BigInt in millionths. */
function spillCents(
  c: number,
  i: number,
  to: To,
  sums: Float64Array,
  spilled: Spilled,
): void {
  if (c === NO_CENTS) return spill(NaN, i, to, sums, spilled);
  if (to === To.I || to === To.III1 || to === To.III2) {
    const big = (spilled.big ??= []);
    big[to] = (big[to] ?? 0n) + (BigInt(sums[to]) + BigInt(c)) * PER_CENT_BIG;
  }
  sums[to] = 0;
}

/** What takeByParagraph could not add as numbers: BigInt sums by paragraph, and the positions taken alone. */
interface Spilled {
  big?: bigint[];
  alone: number[];
}

/**
 * An amount takeByParagraph cannot add as a number: one that is not a number (a BigInt, or none)
 * is taken alone later, in a paragraph summed; one that would take its paragraph's sum past 2^53
 * goes with the sum so far to the paragraph's BigInt.
 */
function spill(
  x: number,
  i: number,
  to: To,
  sums: Float64Array,
  spilled: Spilled,
): void {
  const summed = to === To.I || to === To.III1 || to === To.III2;
  if (x !== x) {
    if (summed) spilled.alone.push(i);
    return;
  }
  if (summed) {
    const big = (spilled.big ??= []);
    big[to] = (big[to] ?? 0n) + BigInt(sums[to]) + BigInt(x);
  }
  sums[to] = 0;
}

/** On an explained row: how a security of I or III counts, or why the quota cannot take it. */
function explainSorted(t: Sorted, i: number, to: To): void {
  const p = t.ctx.explainedAt(i);
  if (!p) return;
  if (to === To.OUT) return leaveOutOfSort(t, i, to);
  const counted =
    to === To.I
      ? t.counted.I
      : to === To.III1
        ? t.counted.III1
        : t.counted.III2;
  const amount = t.ctx.amountAt(i);
  if (amount !== undefined) count(t.ctx, p, counted, amount);
}

/** The receivables in the bucket (FPCI holding limit): those of III whose amount can be read. */
function addReceivables(t: Sorted, paragraphs: Uint8Array): void {
  for (let i = 0; i < paragraphs.length; i++) {
    const to = paragraphs[i];
    if ((to === To.III1 || to === To.III2) && t.receivable[t.cls.codes[i]]) {
      const amount = t.ctx.amountAt(i);
      if (amount !== undefined) t.bucketReceivables += amount;
    }
  }
}

/** II 1° for each held advance, in the rows' order. */
function countAdvances(t: Sorted): void {
  if (t.advances.length === 0) return;
  const columns = gateColumns(t.ctx);
  for (let k = 0; k < t.advances.length; k++) {
    const i = t.advances[k];
    if (!t.prof.advanceCap?.take(t.ctx.positionAt(i)))
      countAdvance(t, i, columns);
  }
}

/** II 2° for each held entity right, in the rows' order. */
function countEntitiesRights(t: Sorted): void {
  if (t.entityRights.length === 0) return;
  const columns: EntityColumns = {
    oecd: t.ctx.columns.coded("entityOecd"),
    lookThrough: t.ctx.columns.coded("lookThroughPct"),
  };
  for (let k = 0; k < t.entityRights.length; k++)
    countEntityRights(t, t.entityRights[k], columns);
}

/** The columns II 2° reads. */
type EntityColumns = {
  oecd: Coded<boolean | undefined>;
  lookThrough: Coded<Dec | undefined>;
};

/** A held position's paragraph with what an exclusion or an unknown value says (for the rows the quota cannot take). */
function bucketAt(t: Sorted, i: number): Bucket {
  const code = t.cls.codes[i];
  const decided = t.decided[code * t.unlisted.length + t.listing.codes[i]];
  return decided ?? sortListedSecurity(t, i, code);
}

/** A position the quota cannot take: why, on an explained row; an unknown value also marks the measures partial. */
function leaveOutOfSort(t: Sorted, i: number, to: To): void {
  const { ctx } = t;
  const rule = t.prof.quota.id;
  const p = ctx.explainedAt(i);
  if (to === To.OUT) {
    if (!p) return;
    const b = bucketAt(t, i) as Out;
    // Rendered once per shared outcome; keys in the report's order for these rows.
    const { code, facts } = b.why;
    b.reason ??= english(b.why);
    ctx.exclude(p, {
      rule,
      reason: b.reason,
      article: b.article,
      code,
      facts,
    } as Excluded);
    return;
  }
  const b = bucketAt(t, i) as Need;
  t.direct.unknown(ctx.holdings[i], b.column, b.why);
  unknownIn(t.bucket, t.listed);
  if (p)
    ctx.exclude(p, {
      rule,
      code: "unclassified",
      facts: { column: b.column },
    });
}

/** The paragraph a class and a listing status decide, if they do (all but listed securities). */
function decidedBy(
  cls: AssetClass | undefined,
  unlisted: boolean,
  classes: ReturnType<typeof quotaClasses>,
): Bucket | undefined {
  if (cls === undefined) return CLASS_UNKNOWN;
  switch (categoryOf(cls, classes)) {
    case Category.SARL:
      return SORTED.I;
    case Category.ADVANCE:
      return SORTED.ADVANCE;
    case Category.ENTITY:
      return SORTED.ENTITY;
    case Category.SECURITY:
      return unlisted ? SORTED.I : undefined;
    case Category.DEBT:
      return unlisted ? SORTED.III2 : LISTED_DEBT;
    default:
      return notAQuotaAsset(cls);
  }
}

const LISTED_DEBT = out(why("listed-debt", { article: ART_III_2 }));

/** A security admitted to trading: after its purchase (IV), or before it (III 1° or out). */
function listedTo(t: Sorted, i: number, code: number): To {
  // Admitted after purchase (IV); admitted after the as-of date, it was still unlisted on that date.
  const listingDate = t.listedAfterPurchase(i);
  if (listingDate !== undefined) return listingDate > t.ctx.asOf ? To.I : To.IV;
  if (!t.smallCapClass[code]) return To.OUT;
  const kind = t.smallCapKind(i);
  return kind === "yes" ? To.III1 : kind === "no" ? To.OUT : To.UNKNOWN;
}

/** listedTo with what an exclusion or an unknown value says. */
function sortListedSecurity(t: Sorted, i: number, code: number): Bucket {
  const to = listedTo(t, i, code);
  if (to === To.I || to === To.IV || to === To.III1)
    return to === To.I ? SORTED.I : to === To.IV ? SORTED.IV : SORTED.III1;
  if (!t.smallCapClass[code]) {
    const assetClass = t.cls.values[code]!;
    return out(why("listed-when-bought", { assetClass, article: ART_III_1 }));
  }
  if (to === To.OUT) {
    const h = t.ctx.holdings[i];
    const test = smallCap(h.listingCountry, h.marketCap, t.ctx.asOf);
    return out(why("not-small-cap", (test as { facts: NotSmallCap }).facts));
  }
  const need = needForIII1(
    t.smallCapKind(i) as "listingCountry" | "marketCap",
    t.ctx.asOf,
  );
  return { to: To.UNKNOWN, column: need.column, why: need.why };
}

const enum Category {
  SARL,
  ADVANCE,
  ENTITY,
  SECURITY,
  DEBT,
  OTHER,
}

/** The first of the paragraphs' class lists that holds the class, in the order the sort asks them. */
function categoryOf(
  cls: AssetClass,
  classes: ReturnType<typeof quotaClasses>,
): Category {
  if (classes.sarl.has(cls)) return Category.SARL;
  if (classes.advances.has(cls)) return Category.ADVANCE;
  if (classes.entities.has(cls)) return Category.ENTITY;
  if (classes.securities.has(cls)) return Category.SECURITY;
  if (classes.debt.has(cls)) return Category.DEBT;
  return Category.OTHER;
}

/** What each value the sort needs decides (the diagnostics' facts). */
const PARAGRAPH: NeedWhy = { purpose: "paragraph", article: "L. 214-28" };
const SMALL_CAP_MARKET: NeedWhy = {
  purpose: "small-cap-market",
  article: ART_III_1,
};
const LOOK_THROUGH: NeedWhy = {
  purpose: "look-through",
  article: "L. 214-28 II 2°",
};
const CLASS_UNKNOWN: Bucket = {
  to: To.UNKNOWN,
  column: "assetClass",
  why: PARAGRAPH,
};

const NOT_A_QUOTA_ASSET = new Map<AssetClass, Bucket>();
/** One shared outcome per asset class (cash, fund units…): the same reason for every such row. */
function notAQuotaAsset(cls: AssetClass): Bucket {
  let b = NOT_A_QUOTA_ASSET.get(cls);
  if (!b) {
    const facts = { assetClass: cls, article: "L. 214-28 I à IV" };
    b = out(why("not-a-quota-asset", facts), ART_I);
    NOT_A_QUOTA_ASSET.set(cls, b);
  }
  return b;
}

/** III 1°: an EU/EEA market and a market capitalisation "inférieure à 150 millions d'euros". */
export function smallCapTest(p: Position, asOf: string): SmallCapTest {
  return smallCap(p.holding.listingCountry, p.holding.marketCap, asOf);
}

type NotSmallCap = ReasonFacts["not-small-cap"];

function smallCap(
  country: string | undefined,
  marketCap: Amount | undefined,
  asOf: string,
): SmallCapTest {
  const eea = country !== undefined && isEuEeaOn(country, asOf);
  const kind = smallCapKind(country, eea, marketCap, smallCapLimit(asOf));
  if (kind === "yes") return SMALL_CAP;
  if (kind !== "no") return needForIII1(kind, asOf);
  const no = (facts: NotSmallCap): SmallCapTest => ({ ok: false, facts });
  if (!eea)
    return no({ test: "outside-eea", country: country!, article: ART_III_1 });
  const limit = smallCapLimit(asOf);
  const [cap, limitText] = [marketCap!, limit].map(formatAmount);
  return no({
    test: "market-cap",
    marketCap: cap,
    limit: limitText,
    article: ART_III_1,
  });
}

const SMALL_CAP: SmallCapTest = Object.freeze({ ok: true });

type SmallCapKind = "yes" | "no" | "listingCountry" | "marketCap";

/** III 1° without its facts (nothing allocated); the market capitalisation in millionths, a number or a BigInt. */
function smallCapKind<T extends Amount | number>(
  country: string | undefined,
  eea: boolean,
  marketCap: T | undefined,
  limit: T,
): SmallCapKind {
  if (country === undefined) return "listingCountry";
  if (!eea) return "no";
  if (marketCap === undefined) return "marketCap";
  return marketCap < limit ? "yes" : "no";
}

function needForIII1(
  column: "listingCountry" | "marketCap",
  asOf: string,
): Extract<SmallCapTest, { ok: "unknown" }> {
  const why: NeedWhy =
    column === "listingCountry"
      ? SMALL_CAP_MARKET
      : {
          purpose: "small-cap-size",
          article: ART_III_1,
          threshold: formatAmount(smallCapLimit(asOf)),
        };
  return { ok: "unknown", column, why };
}

/**
 * IV: securities admitted to trading after purchase count for five years from admission,
 * unless they met III at admission and the 20 % limit holds with them, in which case they
 * join the bucket with no time limit. Issuers are taken in order of admission.
 */
function allocateListedAfterPurchase(
  t: Sorted,
  /** The positions listed after purchase, by issuer in order of admission. */
  { rows, start }: ReturnType<typeof issuersByAdmission>,
  cap20: Amount | undefined,
): void {
  const graceEnds = new GraceEnds(t);
  for (let g = 0; g + 1 < start.length; g++)
    allocateIssuer(t, rows, start[g], start[g + 1], cap20, graceEnds);
}

/**
 * The positions listed after purchase grouped by issuer (a row without an issuer is an issuer of
 * its own), issuers that may join the 20 % in order of their first admission, then (admitted the
 * same day) of their issuerId, or lineId for a row without one, in code-point order: the same
 * order whatever the rows' order, so that sorting the table never moves a company into or out of
 * the 20 %. The others, which never join it, come first in the order of their first row (their
 * place changes nothing). Issuer g's positions are rows[start[g]] … rows[start[g + 1] − 1], in
 * the rows' order. Typed arrays and issuer codes: no list or object per issuer.
 */
function issuersByAdmission(
  t: Sorted,
  listed: Int32Array,
): { rows: Int32Array; start: Int32Array } {
  const groupOf = new Int32Array(listed.length);
  const groups = groupByIssuer(t, listed, groupOf);
  const order = admissionOrder(t, groups);
  return groupedRows(listed, groupOf, groups.size, order);
}

/** Groups numbered in the order of their first row, with what orders them. */
type IssuerGroups = {
  firstListed: string[];
  /** The index of the group's first position (its issuerId, or its lineId, orders it). */
  firstIndex: number[];
  firstRow: number[];
  size: number[];
  /** Every position of the group met III 1° (only such an issuer may join the 20 %). */
  small: boolean[];
};

/**
 * Numbers the groups of the listed positions (groupOf) and returns them. Each pass of the three
 * is a function that is its loop: V8 compiles a loop on the stack while it runs, and code after
 * it that had not run yet would deoptimise it on every check.
 */
function groupByIssuer(
  t: Sorted,
  listed: Int32Array,
  groupOf: Int32Array,
): IssuerGroups {
  const { columns } = t.ctx;
  // By issuer slot, ids folded (a map: a fund of a large read has few of the read's issuers).
  const groupOfIssuer = new Map<number, number>();
  const groups: IssuerGroups = {
    firstListed: [],
    firstIndex: [],
    firstRow: [],
    size: [],
    small: [],
  };
  const { firstListed, firstIndex, firstRow, size, small } = groups;
  for (let k = 0; k < listed.length; k++) {
    const i = listed[k];
    const listingDate = t.listingDateAt(i);
    const row = columns.rowAt(i);
    const issuer = t.issuerAt(i) === undefined ? -1 : t.issuerSlot.slots[i];
    const isSmall = t.smallCapKind(i) === "yes";
    let g = issuer < 0 ? undefined : groupOfIssuer.get(issuer);
    if (g === undefined) {
      g = size.length;
      if (issuer >= 0) groupOfIssuer.set(issuer, g);
      firstListed.push(listingDate);
      firstIndex.push(i);
      firstRow.push(row);
      size.push(1);
      small.push(isSmall);
    } else {
      if (listingDate < firstListed[g]) firstListed[g] = listingDate;
      if (row < firstRow[g]) firstRow[g] = row;
      size[g]++;
      if (!isSmall) small[g] = false;
    }
    groupOf[k] = g;
  }
  return groups;
}

/**
 * The groups that never join the 20 % in the order of their first row, then those that may, in
 * order of their first admission, then of their key (issuerId, else lineId), then of their first
 * row: only the latter compete for the 20 %, so only they are sorted, by texts.
 */
function admissionOrder(t: Sorted, groups: IssuerGroups): number[] {
  const { firstListed, firstIndex, firstRow, small } = groups;
  const order: number[] = [];
  const competing: number[] = [];
  for (let g = 0; g < firstRow.length; g++)
    (small[g] ? competing : order).push(g);
  if (competing.length === 0) return order;
  // An issuer's key as ids match (its rows may spell it several ways), else the row's lineId.
  const keyOf = (g: number) => {
    const issuer = t.issuerAt(firstIndex[g]);
    return issuer !== undefined
      ? idKey(issuer)
      : (t.ctx.holdings[firstIndex[g]].lineId ?? "");
  };
  const key = new Map(competing.map((g) => [g, keyOf(g)]));
  competing.sort(
    (a, b) =>
      compareText(firstListed[a], firstListed[b]) ||
      compareText(key.get(a), key.get(b)) ||
      firstRow[a] - firstRow[b],
  );
  for (let c = 0; c < competing.length; c++) order.push(competing[c]);
  return order;
}

/** The positions by group in that order, and where each group starts. */
function groupedRows(
  listed: Int32Array,
  groupOf: Int32Array,
  size: number[],
  order: number[],
): { rows: Int32Array; start: Int32Array } {
  const next = new Int32Array(order.length);
  const start = groupStarts(size, order, next);
  const rows = new Int32Array(listed.length);
  for (let k = 0; k < listed.length; k++) rows[next[groupOf[k]]++] = listed[k];
  return { rows, start };
}

/** Where each group starts in that order; next[g] is group g's start. */
function groupStarts(
  size: number[],
  order: number[],
  next: Int32Array,
): Int32Array {
  const start = new Int32Array(order.length + 1);
  for (let o = 0; o < order.length; o++) {
    next[order[o]] = start[o];
    start[o + 1] = start[o] + size[order[o]];
  }
  return start;
}

/** The end of IV's five years for each listing date, worked out once per distinct date. */
class GraceEnds {
  private readonly ends: (string | undefined)[] = [];
  private years?: number;

  constructor(private readonly t: Sorted) {}

  /** The end of the five years of the position at index i. */
  at(i: number): string {
    const code = this.t.listingDate.codes[i];
    let end = this.ends[code];
    if (end === undefined) {
      const { asOf } = this.t.ctx;
      this.years ??= requireVersion(L214_28.listedYears, asOf).value;
      end = addYears(this.t.listingDateAt(i), this.years);
      this.ends[code] = end;
    }
    return end;
  }
}

/** IV for one issuer's positions rows[from] … rows[to − 1]: in the bucket if they all meet III and fit, else five years each. */
function allocateIssuer(
  t: Sorted,
  rows: Int32Array,
  from: number,
  to: number,
  cap20: Amount | undefined,
  graceEnds: GraceEnds,
): void {
  const { ctx } = t;
  const { holdings, asOf } = ctx;
  let meetsIII = true;
  let unknown: Extract<SmallCapTest, { ok: "unknown" }> | undefined;
  for (let k = from; k < to; k++) {
    const kind = t.smallCapKind(rows[k]);
    if (kind === "yes") continue;
    meetsIII = false;
    if (kind !== "no") unknown ??= needForIII1(kind, asOf);
  }
  // The issuer's sum in millionths as numbers where the positions give them (no BigInt per row),
  // only for an issuer that meets III; each amount is read either way (a diagnostic when none).
  const sum = meetsIII ? new ExactSum() : undefined;
  let unreadable = false;
  for (let k = from; k < to; k++)
    if (!(sum ? ctx.addBasisAt(sum, rows[k]) : readable(ctx, rows[k])))
      unreadable = true;
  // Bucket or five years: either way the issuer's unknowns reach both, and the quota.
  if (unreadable) unknownIn(t.bucket, t.listed);
  if (unknown) {
    for (let k = from; k < to; k++)
      ctx.needHolding(holdings[rows[k]], unknown.column, unknown.why);
    unknownIn(t.bucket, t.listed);
  }
  // The sums as BigInts only for an issuer that meets III (most do not, at 100,000 rows).
  const fits =
    sum !== undefined &&
    cap20 !== undefined &&
    t.bucket.total + sum.value() <= cap20;
  const rule = t.prof.quota.id;
  const article = ART_IV;
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const p = ctx.explainedAt(i);
    if (fits) {
      if (!t.bucket.plusAt(i) || !p) continue;
      const explain = why("counted-listed-in-bucket", {
        listingDate: t.listingDateAt(i),
        threshold: t.cap20Text,
        article: ART_IV,
      });
      count(
        ctx,
        p,
        { rule: t.prof.bucket.id, article: ART_IV, explain },
        p.amount!,
      );
      continue;
    }
    const graceEnd = graceEnds.at(i);
    if (p) p.outcome.graceEndsOn = graceEnd;
    if (asOf > graceEnd) {
      if (!p) continue;
      const listingDate = t.listingDateAt(i);
      const facts = { listingDate, graceEnd, article, bucketFull: meetsIII };
      ctx.leaveOut(p, rule, why("five-years-ended", facts));
      continue;
    }
    t.noteSecurity(i, true);
    t.grace.add(graceEnd);
    if (!t.direct.plusAt(i)) continue;
    t.listed.plusAt(i);
    if (!p) continue;
    const listingDate = t.listingDateAt(i);
    const explain = why("counted-grace", { listingDate, graceEnd, article });
    count(ctx, p, { rule, article, explain }, p.amount!);
  }
}

/** Whether the amount at index i can be read (addBasisAt without a sum: its diagnostic when not). */
function readable(ctx: FundContext, i: number): boolean {
  const x = ctx.millionthsAt(i);
  return x === x || ctx.basisAmountAt(i) !== undefined;
}

/**
 * II 1°: advances are allowed only to companies in which the fund holds at least 5 % of the
 * capital, and count toward the quota only when those companies meet the conditions of I.
 */
function countAdvance(t: Sorted, i: number, columns: GateColumns): void {
  const { ctx, prof } = t;
  const article = prof.advanceArticle;
  const gate = gateAdvanceAt(ctx, i, t.gateRules, columns);
  if (gate === "unknown") return;
  const p = ctx.explainedAt(i);
  if (gate === "refused") {
    if (p) {
      const facts = { issuer: advanceIssuer(p.holding), article };
      ctx.leaveOut(p, prof.advances.id, why("advance-gate", facts));
    }
    return;
  }
  // The issuer's securities say; an issuer with none here is eligible when unlisted.
  const inI =
    t.issuerAt(i) === undefined
      ? InI.NO_SECURITY
      : t.issuerInI[t.issuerSlot.slots[i]];
  const eligible =
    inI === InI.NO_SECURITY
      ? t.unlisted[t.listing.codes[i]]
      : inI === InI.COUNTED;
  if (!eligible) {
    if (p) {
      const issuer = advanceIssuer(p.holding);
      const facts = { test: "advance" as const, issuer, article };
      ctx.leaveOut(p, prof.quota.id, why("issuer-not-eligible", facts));
    }
    return;
  }
  countAdvanceInQuotaAt(ctx, i, t.qualifying, t.gateRules, columns);
}

/** II 2°: rights in an OECD entity count "qu'à concurrence du pourcentage d'investissement direct" in eligible companies. */
function countEntityRights(
  t: Sorted,
  i: number,
  { oecd, lookThrough }: EntityColumns,
): void {
  const { ctx } = t;
  const { quota, entityArticle: article, entityOecdRequired } = t.prof;
  const rule = quota.id;
  const p = ctx.explainedAt(i);
  if (entityOecdRequired && !oecd.values[oecd.codes[i]]) {
    const h = ctx.holdings[i];
    // Unreadable, not « no »: the rights may count, so the quota cannot miss them for sure.
    if (h.invalid.has("entityOecd")) {
      t.entities.unknown(h, "entityOecd", { purpose: "paragraph", article });
      if (p)
        ctx.leaveOut(
          p,
          rule,
          why("eligibility-unknown", { column: "entityOecd", article }),
        );
      return;
    }
    if (p) ctx.leaveOut(p, rule, why("entity-not-oecd", { article }));
    return;
  }
  const share = lookThrough.values[lookThrough.codes[i]];
  if (share === undefined) {
    t.entities.unknown(ctx.holdings[i], "lookThroughPct", LOOK_THROUGH);
    if (p) ctx.leaveOut(p, rule, why("look-through-unknown", { article }));
    return;
  }
  // A plain check sums the counted share as a number when it is one exactly (no BigInt per row).
  const x = ctx.millionthsAt(i);
  const scaled = x === x && !p ? scaleMillionths(x, share) : NaN;
  if (scaled === scaled) return t.entities.plusMillionths(scaled);
  const amount = ctx.basisAmountAt(i);
  if (amount === undefined) return t.entities.unknown();
  const counted = scaleAmount(amount, share);
  t.entities.plus(counted);
  if (!p) return;
  const explain = why("counted-entity-look-through", {
    share: share.toString(),
    amount: formatAmount(amount),
    article,
  });
  count(ctx, p, { rule, article, explain }, counted);
}

/** XII: "instruments financiers liquides tels que définis par décret" are the rows marked LIQUID_INSTRUMENT. */
function liquidLabelRule(ctx: FundContext): RuleResult {
  const liquid = new Tally(ctx);
  const classes = listAt(L214_28.liquidInstruments, ctx.asOf);
  const article = "L. 214-28 XII";
  const cls = ctx.columns.coded("assetClass");
  const counted = per(cls, (k) => k !== undefined && classes.has(k));
  const contribution = {
    rule: FCPR_LIQ5.id,
    article,
    explain: why("counted-liquid", { article }),
  };
  for (let i = 0; i < ctx.held.length; i++)
    if (ctx.held[i] === 1 && counted[cls.codes[i]])
      liquid.takeAt(i, contribution);
  return compare(ctx, FCPR_LIQ5, {
    threshold: ratioAt(L214_28.liquidLabel, ctx.asOf),
    numerator: liquid,
  });
}

function results(
  ctx: FundContext,
  t: Sorted,
  window: QuotaWindow | undefined,
  /** The passes kept (their rules are taken) or being kept (their rules are recorded). */
  passes?: Passes,
): RuleResult[] {
  const { bucketCounted, advancesCounted, aboveLimit, noteReasons } =
    cappedSums(ctx, t.bucket.total, t.qualifying.total, t.bucketReceivables);
  const { quota, advances, bucket, listed, advanceGate, advanceArticle } =
    t.prof;
  const cap = t.prof.advanceCap;
  const advancesRetained = cap
    ? cap.retain(advancesCounted, noteReasons)
    : advancesCounted;
  const q50 = compare(ctx, quota, {
    threshold:
      ctx.fund.quotaThreshold ?? ratioAt(t.prof.defaultThreshold, ctx.asOf),
    numerator: made(
      t.direct.total + bucketCounted + advancesRetained + t.entities.total,
      t.direct,
      t.bucket,
      t.gate.advances,
      t.entities,
      cap?.measure ?? t.gate.advances,
      { total: 0n, complete: window !== undefined },
    ),
    binding: quotaBinds(ctx, window, noteReasons),
    reasons: noteReasons,
  });
  const bucketLimit = bucketCounted + aboveLimit;
  const kept = passes?.rules;
  if (kept !== undefined && kept.bucketLimit === bucketLimit) {
    // A loop, not a spread of a map: this runs on each edit's re-check.
    const rules = [q50];
    for (let k = 0; k < kept.results.length; k++)
      rules.push(copyResult(kept.results[k]));
    return rules;
  }
  const rules = [
    q50,
    advancesRule(
      ctx,
      advances,
      t.gate,
      ratioAt(advanceGate, ctx.asOf),
      advanceArticle,
    ),
    ...(cap ? [cap.result()] : []),
    // Only the part above 20 % is "above the 20 % limit"; receivables above their own limit are noted on the quota.
    bucketRule(ctx, bucket, t.bucket, bucketLimit),
    listedRule(ctx, listed, t.listed, t.grace, { article: ART_IV }),
  ];
  // Recorded as made: the report's copies are changed after (the law, a duplicated fund's status).
  if (passes !== undefined && kept === undefined && !cap)
    passes.rules = { bucketLimit, results: rules.slice(1).map(copyResult) };
  return rules;
}

/**
 * A copy of a rule's result that a report may change as a new one (its status, message, reasons
 * and law, and its conditions' statuses): the result and its conditions copied, key for key.
 */
function copyResult(r: RuleResult): RuleResult {
  const copy = Object.assign({}, r);
  const conditions = r.conditions;
  if (conditions) {
    // A loop, not a map with a callback: this runs for each kept rule on each edit's re-check.
    const copies: NonNullable<RuleResult["conditions"]> = [];
    for (let c = 0; c < conditions.length; c++)
      copies.push(Object.assign({}, conditions[c]));
    copy.conditions = copies;
  }
  return measuredLike(copy, r);
}
