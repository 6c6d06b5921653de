import { Dec } from "../engine/decimal";
import type { IsoDate } from "../engine/dates";

/**
 * One version of a parameter of the law: its value and the text that states it, in force from
 * `validFrom` to `validUntil` (both days included). `validFrom` null: in force before every date
 * the product checks, its start not being in the reference texts; `validUntil` null: still in force.
 */
export interface LawVersion<T> {
  value: T;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  /** The article, e.g. "L. 214-28". */
  article: string;
  /** The paragraph within it, e.g. "II 1°"; empty for an article that has none. */
  paragraph: string;
  /** The text's own words for the value, quoted from the reference texts. */
  wording: string;
  /** Set when the version's wording is not in the reference texts (an earlier wording, a convention of the contract). */
  outsideReferenceTexts?: true;
  /** Where the version comes from when it is not the reference texts, or why it ends. */
  note?: string;
}

/**
 * A dated parameter: every version of one threshold, cap, window or list, oldest first, with no
 * gap or overlap. `keyedOn` says which date picks the version: the test date of the report, or
 * the fund's constitution date (the FCPI/FIP vintage).
 */
export interface LawParameter<T> {
  id: string;
  description: string;
  keyedOn: "as-of" | "constitution-date";
  versions: readonly LawVersion<T>[];
}

/** A ratio as an exact decimal string ("0.7"): never a binary float. */
export type RatioParameter = LawParameter<string>;

/**
 * A list the law closes: the asset classes (the contract's codes) or the items of an article that
 * enter a rule's numerator or base.
 */
export type ListParameter<T extends string | number = string> = LawParameter<
  readonly T[]
>;

export function parameter<T>(p: LawParameter<T>): LawParameter<T> {
  return p;
}

/** The version in force on `date`, or undefined when no version covers it. */
export function versionAt<T>(
  p: LawParameter<T>,
  date: IsoDate,
): LawVersion<T> | undefined {
  // Indexed: an iterator per lookup in code not yet compiled (each re-check looks up several).
  const versions = p.versions;
  for (let k = 0; k < versions.length; k++) {
    const v = versions[k];
    if (v.validFrom !== null && date < v.validFrom) continue;
    if (v.validUntil !== null && date > v.validUntil) continue;
    return v;
  }
  return undefined;
}

/** The version in force on `date`; a parameter of a rule always covers the dates it is asked about. */
export function requireVersion<T>(
  p: LawParameter<T>,
  date: IsoDate,
): LawVersion<T> {
  const v = versionAt(p, date);
  if (!v) throw new Error(`No version of ${p.id} is in force on ${date}.`);
  return v;
}

/**
 * The date to look a vintage parameter up at: the fund's constitution date; unknown, the youngest
 * vintage (the latest version), which for the FCPI/FIP quota is the strictest: a missing date never
 * lowers the quota.
 */
export function vintageDate<T>(
  p: LawParameter<T>,
  constitutionDate: IsoDate | undefined,
  asOf: IsoDate,
): IsoDate {
  if (constitutionDate !== undefined) return constitutionDate;
  const latest = p.versions[p.versions.length - 1]?.validFrom;
  return latest !== null && latest !== undefined && latest > asOf
    ? latest
    : asOf;
}

const DECIMALS = new WeakMap<LawVersion<string>, Dec>();

/** The ratio of the version in force on `date`, as the engine's exact decimal (built once per version). */
export function ratioAt(p: RatioParameter, date: IsoDate): Dec {
  const v = requireVersion(p, date);
  let d = DECIMALS.get(v);
  if (d === undefined) {
    d = new Dec(v.value);
    DECIMALS.set(v, d);
  }
  return d;
}

const SETS = new WeakMap<
  LawVersion<readonly unknown[]>,
  ReadonlySet<unknown>
>();

/** The list in force on `date`, as a set (built once per version). */
export function listAt<T extends string | number>(
  p: ListParameter<T>,
  date: IsoDate,
): ReadonlySet<T> {
  const v = requireVersion(p, date);
  let set = SETS.get(v);
  if (set === undefined) {
    set = new Set(v.value);
    SETS.set(v, set);
  }
  return set as ReadonlySet<T>;
}

/** What a rule result says of the law it applied (RuleResult.law). */
export interface LawReference {
  /** Article and paragraph, e.g. "L. 214-28 II 1°". */
  article: string;
  /** The text's own words for the threshold, e.g. « pour 50 % au moins ». */
  wording: string;
  /** First day in force (ISO); null when its start is not in the reference texts. */
  validFrom: IsoDate | null;
  /** Last day in force (ISO); null while in force. */
  validUntil: IsoDate | null;
  /** The parameter's id in src/law, e.g. "l214-28.quota". */
  parameter: string;
  /** The date the version was looked up at (the test date, or the fund's constitution date for a vintage). */
  lookedUpAt: IsoDate;
  /** Set when the wording is not in the reference texts. */
  outsideReferenceTexts?: true;
}

export function referenceOf<T>(
  p: LawParameter<T>,
  v: LawVersion<T>,
  lookedUpAt: IsoDate,
): LawReference {
  const ref: LawReference = {
    article: v.paragraph ? `${v.article} ${v.paragraph}` : v.article,
    wording: v.wording,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    parameter: p.id,
    lookedUpAt,
  };
  if (v.outsideReferenceTexts) ref.outsideReferenceTexts = true;
  return ref;
}

/** A parameter with one version, in force on every date the product checks. */
export function inForce<T>(
  id: string,
  description: string,
  v: Pick<
    LawVersion<T>,
    "value" | "article" | "paragraph" | "wording" | "note"
  >,
): LawParameter<T> {
  return {
    id,
    description,
    keyedOn: "as-of",
    versions: [{ ...v, validFrom: null, validUntil: null }],
  };
}
