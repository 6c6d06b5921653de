import type { IsoDate } from "../engine/dates";
import { type LawParameter, versionAt } from "./parameter";

/**
 * The States of L. 214-28 III 1° « un Etat membre de l'Union européenne ou … un autre Etat partie
 * à l'accord sur l'Espace économique européen », each dated. Membership is a fact outside the
 * reference texts (accession and withdrawal treaties): `validFrom` null for the States that were
 * members before every date the product checks. A position is judged with the list in force at
 * the test date: a market in the United Kingdom is an EU market up to 31 January 2020.
 */
const ARTICLE = "L. 214-28";
const PARAGRAPH = "III 1°";
const WORDING =
  "d'un Etat membre de l'Union européenne ou d'un autre Etat partie à l'accord sur l'Espace économique européen";

function member(
  code: string,
  validFrom: IsoDate | null,
  validUntil: IsoDate | null = null,
  note?: string,
): LawParameter<boolean> {
  return {
    id: `eu-eea.${code}`,
    description: `${code} in the EU or the EEA`,
    keyedOn: "as-of",
    versions: [
      {
        value: true,
        validFrom,
        validUntil,
        article: ARTICLE,
        paragraph: PARAGRAPH,
        wording: WORDING,
        ...(note ? { note } : {}),
      },
    ],
  };
}

const SINCE_BEFORE = null;
const ENLARGEMENT_2004 = "2004-05-01";
const ENLARGEMENT_2007 = "2007-01-01";

export const EU_EEA_MEMBERS: readonly LawParameter<boolean>[] = [
  ...[
    "AT",
    "BE",
    "DK",
    "FI",
    "FR",
    "DE",
    "GR",
    "IE",
    "IT",
    "LU",
    "NL",
    "PT",
    "ES",
    "SE",
  ].map((c) => member(c, SINCE_BEFORE)),
  ...["CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI"].map((c) =>
    member(c, ENLARGEMENT_2004, null, "EU accession, 1 May 2004."),
  ),
  member("BG", ENLARGEMENT_2007, null, "EU accession, 1 January 2007."),
  member("RO", ENLARGEMENT_2007, null, "EU accession, 1 January 2007."),
  member("HR", "2013-07-01", null, "EU accession, 1 July 2013."),
  member(
    "GB",
    SINCE_BEFORE,
    "2020-01-31",
    "Left the EU on 31 January 2020; the EEA agreement ceased to apply to it then.",
  ),
  // EEA, outside the EU.
  member("IS", SINCE_BEFORE),
  member("LI", SINCE_BEFORE),
  member("NO", SINCE_BEFORE),
];

const BY_CODE = new Map(
  EU_EEA_MEMBERS.map((p) => [p.id.slice("eu-eea.".length), p]),
);

/** Whether the State is in the EU or the EEA on `date`. "EL" is the EU's own code for Greece. */
export function isEuEeaOn(countryCode: string, date: IsoDate): boolean {
  const p = BY_CODE.get(countryCode === "EL" ? "GR" : countryCode);
  return p !== undefined && versionAt(p, date)?.value === true;
}
