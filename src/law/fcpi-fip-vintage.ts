import type { RatioParameter } from "./parameter";

/**
 * The FCPI and FIP quota depends on the fund's vintage: 60 % for a fund constituted before
 * 1 January 2014, 70 % after. The version is looked up at the fund's constitution date, never at
 * the test date. The 60 % wording is not in the reference texts (consolidated in 2024): it is the
 * contract's convention (WORKBOOK-FORMAT §1, quotaThreshold), to be checked against Légifrance.
 */
export function vintageQuota(id: string, article: string): RatioParameter {
  return {
    id,
    description: "main quota, by the fund's constitution date",
    keyedOn: "constitution-date",
    versions: [
      {
        value: "0.6",
        validFrom: null,
        validUntil: "2013-12-31",
        article,
        paragraph: "I",
        wording: "pour 60 % au moins",
        outsideReferenceTexts: true,
        note: "Funds constituted before 1 January 2014 (WORKBOOK-FORMAT §1); earlier wording, not in the reference texts.",
      },
      {
        value: "0.7",
        validFrom: "2014-01-01",
        validUntil: null,
        article,
        paragraph: "I",
        wording: "pour 70 % au moins",
      },
    ],
  };
}
