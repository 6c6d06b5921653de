import { describe, expect, it } from "vitest";
import { parseBoolean, parseDate, parseEnum, parseNumber, parseNumberText, parsePercent } from "../../src/workbook/cells";
import { ASSET_CLASS_LABELS, enumIndex, HOLDINGS_SPEC, LISTING_LABELS } from "../../src/workbook/columns";

const num = (text: string) => {
  const r = parseNumberText(text);
  return r.ok ? r.value.toString() : `rejected: ${r.message}`;
};

describe("WORKBOOK-FORMAT §2 Numbers", () => {
  it("reads French numbers grouped with ordinary, no-break and narrow no-break spaces", () => {
    expect(num("1 234 567,89")).toBe("1234567.89");
    expect(num("1\u00A0234\u00A0567,89")).toBe("1234567.89");
    expect(num("1\u202F234\u202F567,89")).toBe("1234567.89");
    expect(num("12,5")).toBe("12.5");
    expect(num("1234,567")).toBe("1234.567");
  });
  it("reads English numbers", () => {
    expect(num("1,234,567.89")).toBe("1234567.89");
    expect(num("1234.5")).toBe("1234.5");
    expect(num("1.234")).toBe("1.234");
  });
  it("rejects 1,234, which reads both ways, instead of guessing", () => {
    expect(num("1,234")).toMatch(/^rejected: .*1234 \(English\) or 1\.234 \(French\)/);
    expect(num("-12,500")).toMatch(/^rejected/);
  });
  it("reads signs, accounting parentheses and a euro sign", () => {
    expect(num("-1 000,50")).toBe("-1000.5");
    expect(num("(1 000)")).toBe("-1000");
    expect(num("1 000 € ")).toBe("1000");
  });
  it("rejects text that is not a number", () => {
    expect(num("abc")).toMatch(/^rejected: "abc" is not a number/);
    expect(num("1 23")).toMatch(/^rejected/);
    expect(num("12.345,6")).toMatch(/^rejected/);
  });
  it("reads a numeric cell as the 15 significant digits Excel shows, never the binary noise", () => {
    const r = parseNumber(0.1 + 0.2);
    expect(r.ok && r.value.toString()).toBe("0.3");
    const big = parseNumber(123456789012345);
    expect(big.ok && big.value.toString()).toBe("123456789012345");
  });
});

describe("WORKBOOK-FORMAT §2 Percent", () => {
  const pct = (v: string | number) => {
    const r = parsePercent(v);
    return r.ok ? r.value.toString() : `rejected: ${r.message}`;
  };
  it("reads fractions and text with %", () => {
    expect(pct(0.05)).toBe("0.05");
    expect(pct("5 %")).toBe("0.05");
    expect(pct("5,5%")).toBe("0.055");
    expect(pct("12.5 %")).toBe("0.125");
    expect(pct(1)).toBe("1");
  });
  it("rejects 25 in a percent column and tells how 5 % is written", () => {
    expect(pct(25)).toMatch(/rejected: .*5 % is written 0\.05 or 5 %/);
    expect(pct("25")).toMatch(/rejected: .*5 % is written 0\.05 or 5 %/);
  });
  it("rejects negative percentages and percentages above 100 %", () => {
    expect(pct(-0.1)).toMatch(/rejected/);
    expect(pct("120 %")).toMatch(/rejected/);
  });
});

describe("WORKBOOK-FORMAT §2 Dates", () => {
  const d = (v: string | number | Date) => {
    const r = parseDate(v);
    return r.ok ? r.value : "rejected";
  };
  it("reads Excel serials, dates, ISO and French text", () => {
    expect(d(45657)).toBe("2024-12-31");
    expect(d(45657.75)).toBe("2024-12-31");
    expect(d(1)).toBe("1900-01-01");
    expect(d(61)).toBe("1900-03-01");
    expect(d(new Date(Date.UTC(2025, 11, 31)))).toBe("2025-12-31");
    expect(d("2025-12-31")).toBe("2025-12-31");
    expect(d("31/12/2025")).toBe("2025-12-31");
    expect(d("1/2/2025")).toBe("2025-02-01");
  });
  it("rejects impossible dates and other forms", () => {
    expect(d("31/02/2025")).toBe("rejected");
    expect(d("2025-13-01")).toBe("rejected");
    expect(d("12/31/2025")).toBe("rejected");
    expect(d("next week")).toBe("rejected");
    expect(d(60)).toBe("rejected");
  });
});

describe("WORKBOOK-FORMAT §2 Booleans and enums", () => {
  it("reads TRUE/FALSE, VRAI/FAUX, yes/no, oui/non, 1/0 and x", () => {
    for (const t of [true, "TRUE", "vrai", "Yes", "OUI", "1", 1, "x", "X"]) expect(parseBoolean(t)).toEqual({ ok: true, value: true });
    for (const f of [false, "FALSE", "Faux", "no", "non", "0", 0]) expect(parseBoolean(f)).toEqual({ ok: true, value: false });
    expect(parseBoolean("maybe").ok).toBe(false);
  });
  it("reads enums case-insensitively, and their French labels", () => {
    const assetClass = HOLDINGS_SPEC.columns.find((c) => c.name === "assetClass")!;
    const index = enumIndex(assetClass);
    expect(parseEnum("equity", index, [])).toEqual({ ok: true, value: "EQUITY" });
    expect(parseEnum("Avance en compte courant", index, [])).toEqual({ ok: true, value: "CURRENT_ACCOUNT_ADVANCE" });
    expect(parseEnum("parts de sarl", index, [])).toEqual({ ok: true, value: "SARL_PARTS" });
    expect(parseEnum("current account advance", index, []).ok).toBe(true);
    expect(parseEnum("Bitcoin", index, ["EQUITY"]).ok).toBe(false);
    // 19 of the contract, plus GUARANTEE and SUB_PARTICIPATION of WORKBOOK-FORMAT-LIVRE2 §1.3.
    expect(Object.keys(ASSET_CLASS_LABELS).length).toBe(21);
    const listing = enumIndex(HOLDINGS_SPEC.columns.find((c) => c.name === "listingStatus")!);
    expect(parseEnum("Marché réglementé", listing, [])).toEqual({ ok: true, value: "REGULATED" });
    expect(parseEnum("REGULATED_MARKET", listing, [])).toEqual({ ok: true, value: "REGULATED" });
    expect(Object.keys(LISTING_LABELS)).toEqual(["UNLISTED", "REGULATED", "MTF_SME", "MTF_OTHER"]);
  });
});
