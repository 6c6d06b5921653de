import { type Amount, formatAmount, minAmount, ZERO } from "../amount";
import { L214_160, L214_28, listAt, ratioAt } from "../../law";
import { Dec } from "../decimal";
import type { FundContext, Position } from "../fund-context";
import type { Holding, ListingStatus } from "../model";
import { addNote, measureAgain, readAs, reading } from "./measure-again";
import { compare, count, Tally } from "../measures";
import { type Reason, reason as why } from "../reasons";
import type { RuleResult } from "../result";
import { FPCI_CCA30 } from "./fpci-definitions";
import { type AdvanceCap, capOf, issuerOwnership } from "./l214-28-limits";

/**
 * L. 214-160 II 1°, second paragraph: « L'actif d'un fonds professionnel de capital investissement
 * ou d'une société de libre partenariat peut également comprendre des avances en compte courant,
 * qui ne sont retenues dans le quota … qu'à concurrence de 30 % du total de l'actif, dès lors que
 * les conditions suivantes sont vérifiées : a) L'objet principal du fonds est de financer … des
 * actifs d'infrastructure … ; b) Le fonds a reçu l'autorisation d'utiliser la dénomination
 * " ELTIF " … Ces avances … peuvent être consenties directement à une société appartenant au
 * groupe dans lequel le fonds détient une participation. Les titres émis par la société
 * bénéficiaire … ne sont pas admis à la négociation sur un marché réglementé ou sur un système
 * multilatéral de négociation ».
 */
const ARTICLE = FPCI_CCA30.article;
const FLAGS = ["eltifLabel", "infrastructureObject"] as const;
type Flag = (typeof FLAGS)[number];

export type EltifRegime =
  | { kind: "eltif" }
  | { kind: "standard" }
  /** A flag is unreadable and no flag says no: the 15 % regime applies, unless the outcome depends on it. */
  | { kind: "unknown"; column: Flag };

/**
 * Which regime the fund's advances follow. Both flags yes: the 30 % regime. A flag blank, no or
 * absent: the 15 % one (a half-claimed regime is a warning). Unreadable: unknown.
 */
export function eltifRegime(ctx: FundContext): EltifRegime {
  const f = ctx.fund;
  // The paragraph names the FPCI and the SLP only (an FPS measured through the FPCI rules for the PEA is not one).
  if (f.fundType !== "FPCI" && f.fundType !== "SLP")
    return { kind: "standard" };
  const state = (c: Flag) =>
    f[c] === true ? "yes" : f.invalid.has(c) ? "unknown" : "no";
  const states = FLAGS.map(state);
  if (states.every((s) => s === "yes")) return { kind: "eltif" };
  const given = FLAGS.find((c) => state(c) === "yes");
  const missing = FLAGS.find((c) => state(c) === "no");
  if (missing) {
    if (given)
      ctx.warn(
        "Funds",
        f.row,
        missing,
        why("eltif-regime-not-met", { given, missing, article: ARTICLE }),
      );
    return { kind: "standard" };
  }
  return {
    kind: "unknown",
    column: FLAGS.find((c) => state(c) === "unknown")!,
  };
}

/** The advances of the 30 % regime: taken before II 1°, retained in the quota up to 30 % of the asset. */
export class EltifAdvances implements AdvanceCap {
  readonly measure: Tally;
  /** The advances the quota could not retain above 30 % (those of II 1° included), once retain() ran. */
  private excess?: Amount;
  private readonly beneficiaries: ReadonlySet<string>;
  /**
   * The advances whose regime is unknown: their listingStatus unreadable, or their participation
   * unknown (no ownershipPct on them or their issuer's rows).
   */
  readonly regimeUnknown: Position[] = [];

  constructor(
    private readonly ctx: FundContext,
    /** The quota the advances count in; none for an SLP, which has no quota of its own to report. */
    private readonly quotaId?: string,
  ) {
    this.measure = new Tally(ctx);
    this.beneficiaries = listAt(L214_160.eltifBeneficiaryListing, ctx.asOf);
  }

  take(p: Position): boolean {
    const { ctx } = this;
    const h = p.holding;
    // Without a name or id, the line names it (the user's own id, in any language).
    const issuer = h.issuerName ?? h.issuerId ?? (h.lineId || `#${h.row}`);
    // For an advance, listingStatus is the listing of the beneficiary's securities (blank: unlisted).
    const listing = h.listingStatus ?? "UNLISTED";
    const out = (r: Parameters<FundContext["leaveOut"]>[2]) =>
      ctx.leaveOut(p, FPCI_CCA30.id, r);
    if (h.invalid.has("listingStatus")) {
      // Unreadable (a blank one is unlisted): the beneficiary's securities may be admitted to
      // trading, so either regime could be the advance's. It stays under II 1° (the 15 % limit,
      // never the more favourable 30 %), and what the 30 % regime retains is unknown.
      this.measure.unknown();
      this.regimeUnknown.push(p);
      if (!this.quotaId) out(why("ownership-unknown", { article: ARTICLE }));
      return false;
    }
    if (!this.beneficiaries.has(listing))
      return out(
        why("eltif-beneficiary-listed", {
          issuer,
          listingStatus: listing,
          article: ARTICLE,
        }),
      );
    // « à une société appartenant au groupe dans lequel le fonds détient une participation »: the
    // row's ownershipPct is the fund's participation in the beneficiary or in its group.
    const ownership = h.ownershipPct ?? issuerOwnership(ctx, h.issuerId);
    if (ownership === undefined) {
      this.regimeUnknown.push(p);
      // Either regime could be the advance's (without a participation II 1° refuses it): both are
      // unknown. For an FPCI, II 1° records the diagnostic and the exclusion; for an SLP, here.
      if (this.quotaId) this.measure.unknown();
      else {
        this.measure.unknown(h, "ownershipPct", {
          purpose: "eltif-advance",
          article: ARTICLE,
        });
        out(why("ownership-unknown", { article: ARTICLE }));
      }
      return false;
    }
    // No participation: not this regime; for an FPCI, II 1° refuses it and FPCI-CCA15 reports the breach.
    if (ownership.lte(0))
      return out(
        why("advance-gate", {
          issuer,
          ownership: ownership.toString(),
          gate: "0",
          article: ARTICLE,
        }),
      );
    const threshold = ratioAt(L214_160.eltifAdvances, ctx.asOf);
    const amount = this.measure.add(p, {
      rule: FPCI_CCA30.id,
      article: ARTICLE,
      explain: why("measured-against-limit", {
        threshold: threshold.toString(),
        article: ARTICLE,
      }),
    });
    if (amount !== undefined && this.quotaId) {
      const explain = why("counted-advance", {
        issuer,
        ownership: ownership.toString(),
        article: ARTICLE,
      });
      count(ctx, p, { rule: this.quotaId, article: ARTICLE, explain }, amount);
    }
    return true;
  }

  /** « qu'à concurrence de 30 % »: these advances and those II 1° counted, together, up to 30 % of the base. */
  retain(advancesCounted: Amount, reasons: Reason[]): Amount {
    const total = advancesCounted + this.measure.total;
    const threshold = ratioAt(L214_160.eltifAdvances, this.ctx.asOf);
    const cap = capOf(this.ctx, threshold);
    const retained = cap === undefined ? total : minAmount(total, cap);
    this.excess = total - retained;
    if (this.excess > ZERO) {
      const r = why("advances-above-cap", {
        amount: formatAmount(this.excess),
        threshold: threshold.toString(),
        article: ARTICLE,
      });
      reasons.push(r);
    }
    return retained;
  }

  result(): RuleResult {
    const { ctx } = this;
    const threshold = ratioAt(L214_160.eltifAdvances, ctx.asOf);
    let above = this.excess;
    if (above === undefined) {
      const cap = capOf(ctx, threshold);
      above =
        cap !== undefined && this.measure.total > cap
          ? this.measure.total - cap
          : ZERO;
    }
    const over = above > ZERO;
    return compare(ctx, FPCI_CCA30, {
      threshold,
      numerator: this.measure,
      reasons: over
        ? [
            why("advances-above-cap", {
              amount: formatAmount(above),
              threshold: threshold.toString(),
              article: ARTICLE,
              limitRule: true,
            }),
          ]
        : undefined,
    });
  }
}

/** A flag of the regime is unreadable: the diagnostic says what it decides. */
const needFlag = (ctx: FundContext, column: Flag) =>
  ctx.needFund(column, {
    purpose: "eltif-regime",
    article: ARTICLE,
    threshold: ratioAt(L214_160.eltifAdvances, ctx.asOf).toString(),
  });

/**
 * A flag of the regime is unreadable: the 15 % regime was applied. When the 30 % regime would give
 * another status, the result depends on the flag and is `incomplete`, never the better reading.
 */
export function settleUnknownRegime(
  ctx: FundContext,
  results: RuleResult[],
  column: Flag,
  evaluate: (inner: FundContext) => RuleResult[],
): void {
  const advances = listAt(L214_28.advanceClasses, ctx.asOf);
  if (!ctx.heldPositions().some((p) => advances.has(p.holding.assetClass!)))
    return;
  needFlag(ctx, column);
  const holdings = ctx.positions.map((p) => p.holding);
  const note = why("eltif-regime-unknown", { column, article: ARTICLE });
  measureAgain(ctx, [holdings], results, evaluate, note);
}

/**
 * An SLP: its articles set its investment rules (L. 214-162-1 VI), but L. 214-160 II 1°, al. 2 names
 * it: with both flags, FPCI-CCA30 reports the advances the quota of L. 214-28 I would retain (the
 * PEA and PEA-PME commitments measure that quota through the FPCI rules).
 */
export function evaluateSlpAdvances(ctx: FundContext): RuleResult[] {
  const regime = eltifRegime(ctx);
  if (regime.kind === "standard") return [];
  const classes = listAt(L214_28.advanceClasses, ctx.asOf);
  const held = ctx
    .heldPositions()
    .filter((p) => classes.has(p.holding.assetClass!));
  if (regime.kind === "unknown" && held.length === 0) return [];
  const advances = new EltifAdvances(ctx);
  for (const p of held) advances.take(p);
  const r = advances.result();
  if (regime.kind === "unknown") {
    needFlag(ctx, regime.column);
    r.status = "incomplete";
    // An SLP has no 15 % regime to fall back on.
    const { column } = regime;
    addNote(
      r,
      why("eltif-regime-unknown", { column, article: ARTICLE, slp: true }),
    );
  }
  return [r];
}

/**
 * Advances of the 30 % regime whose regime is unknown: a participation unknown (ownershipPct
 * blank or unreadable, none on their issuer's other rows; without one II 1° refuses them), or a
 * listingStatus unreadable (admitted to trading, they stay under II 1°). The rules were measured
 * with neither regime; they are measured again with every reading of what is unknown, and a rule
 * whose status differs depends on the cells: `incomplete` (FPCI-CCA15's breach too: the advance
 * may be the 30 % regime's), never the better reading.
 */
export function settleUnknownAdvanceRegime(
  ctx: FundContext,
  results: RuleResult[],
  unknown: readonly Position[],
  evaluate: (inner: FundContext) => RuleResult[],
): void {
  if (unknown.length === 0) return;
  const rows = new Set(unknown.map((p) => p.holding));
  // No share on the row nor on its issuer's other rows (as EltifAdvances.take reads it).
  const noShare = (h: Holding) =>
    h.ownershipPct === undefined &&
    issuerOwnership(ctx, h.issuerId) === undefined;
  // The unknown ones with a participation (or none) and, when unreadable, a listing given.
  const given =
    (participation: boolean, listing: ListingStatus) => (h: Holding) => {
      const values: Partial<Holding> = {};
      // Any share is a participation (L214_160.advanceGate, and the 30 % regime's).
      if (noShare(h)) values.ownershipPct = new Dec(participation ? 1 : 0);
      if (h.invalid.has("listingStatus")) values.listingStatus = listing;
      return readAs(h, values, ["ownershipPct", "listingStatus"]);
    };
  // Only what is unknown is read both ways.
  const participations = unknown.some((p) => noShare(p.holding))
    ? [true, false]
    : [true];
  const listings: ListingStatus[] = unknown.some((p) =>
    p.holding.invalid.has("listingStatus"),
  )
    ? ["UNLISTED", "REGULATED"]
    : ["UNLISTED"];
  const readings = participations.flatMap((participation) =>
    listings.map((listing) =>
      reading(ctx, rows, given(participation, listing)),
    ),
  );
  const lines = unknown.map((p) => p.holding.lineId).sort();
  const note = why("eltif-advance-unknown", { lines, article: ARTICLE });
  measureAgain(ctx, readings, results, evaluate, note);
}
