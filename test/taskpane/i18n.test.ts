import { describe, expect, it } from "vitest";
import { formatAmount, formatDate, formatEur, plural, STRINGS } from "../../src/taskpane/i18n";

describe("the pane's words and numbers", () => {
  it("writes euros the French way, exactly, through Intl", () => {
    expect(formatEur("1234567.89", "fr")).toBe("1\u202f234\u202f567,89\u00a0€");
    expect(formatEur("12345678901234567.89", "fr")).toBe("12\u202f345\u202f678\u202f901\u202f234\u202f567,89\u00a0€");
    expect(formatEur("1234567.89", "en")).toBe("€1,234,567.89");
  });

  it("writes dates 31/12/2025 in French and 31 Dec 2025 in English", () => {
    expect(formatDate("2025-12-31", "fr")).toBe("31/12/2025");
    expect(formatDate("2025-12-31", "en")).toBe("31 Dec 2025");
  });

  it("chooses plural forms with Intl.PluralRules: French singular for 0 and 1, no “0 incomplets”", () => {
    const fr = STRINGS.fr;
    expect(plural("fr", 0, fr.incompleteFunds)).toBe("aucun fonds incomplet");
    expect(plural("fr", 1, fr.incompleteFunds)).toBe("1 fonds incomplet");
    expect(plural("fr", 2, fr.incompleteFunds)).toBe("2 fonds incomplets");
    expect(plural("fr", 1, fr.rules)).toBe("1 règle");
    expect(plural("fr", 1500, fr.rules)).toBe("1\u202f500 règles");
    // French plural rules put a million in their "many" category: it takes the plural form.
    expect(plural("fr", 1_000_000, fr.rules)).toBe("1\u202f000\u202f000 règles");
    expect(plural("en", 1, STRINGS.en.rules)).toBe("1 rule");
    expect(plural("en", 0, STRINGS.en.incompleteFunds)).toBe("no incomplete fund");
  });

  it("gives every amount its unit: euros, or units of the fund", () => {
    expect(formatAmount("600.00", "units", "fr")).toBe("600 parts");
    expect(formatAmount("1", "units", "fr")).toBe("1 part");
    expect(formatAmount("2100", "units", "en")).toBe("2,100 units");
    expect(formatAmount("500000", "EUR", "fr")).toBe("500\u202f000,00\u00a0€");
  });

  it("puts a non-breaking space before the French colon, and has every English word in French", () => {
    expect(STRINGS.fr.toCure).toBe("Montant à régulariser\u00a0: {amount}");
    expect(Object.keys(STRINGS.fr).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(JSON.stringify(STRINGS.fr)).not.toMatch(/Signaler|base COST/);
  });
});
