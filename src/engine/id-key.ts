/**
 * How ids match (contract §3: "Fund ids match ignoring case and surrounding spaces"): the same
 * reading for every id that names one thing across rows (a fund, a master, a holder), so that
 * `h1` and `H1 ` are one holder and their units are capped together.
 */
export function idKey(id: string): string {
  return id.trim().toUpperCase();
}
