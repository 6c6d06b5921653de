import type { IsoDate } from "./dates";
import { isEuEeaOn } from "../law/eu-eea";

/** Members of the European Union and the other States party to the EEA agreement on `date` (L. 214-28 III 1°); the dated list is in src/law/eu-eea.ts. */
export function isEuEea(countryCode: string, date: IsoDate): boolean {
  return isEuEeaOn(countryCode, date);
}
