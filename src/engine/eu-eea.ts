/** Members of the European Union and the other States party to the EEA agreement (L. 214-28 III 1°). */
const EU_EEA = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  // EEA, outside the EU
  "IS",
  "LI",
  "NO",
]);

export function isEuEea(countryCode: string): boolean {
  // "EL" is the EU's own code for Greece.
  return EU_EEA.has(countryCode === "EL" ? "GR" : countryCode);
}
