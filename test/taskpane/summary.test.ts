import { describe, expect, it } from "vitest";
import type { FundReport, RuleResult, Status } from "../../src/engine/result";
import { STATUS_COLORS } from "../../src/taskpane/components/StatusBadge";
import { conditionNothingToCure, headroomText } from "../../src/present/report";
import { amountToCure, fundsWorstFirst, worstRule } from "../../src/taskpane/summary";

const rule = (id: string, status: Status, value: number | null, threshold: number | null, operator: RuleResult["operator"], headroom: string | null = null): RuleResult => ({
  id,
  article: "L. 214-28",
  direction: operator === ">=" ? "min" : "max",
  operator,
  threshold,
  value,
  numerator: null,
  denominator: null,
  status,
  headroom,
});
const fund = (fundId: string, status: Status, rules: RuleResult[] = []): FundReport => ({ fundId, status, rules, diagnostics: [] });

describe("worst first", () => {
  it("orders breach, incomplete, warning, pass, not-binding, then information, keeping the workbook's order among equals", () => {
    const funds = [fund("nb", "not-binding"), fund("p1", "pass"), fund("b1", "breach"), fund("i", "info"), fund("w", "warning"), fund("inc", "incomplete"), fund("b2", "breach"), fund("p2", "pass")];
    expect(fundsWorstFirst(funds).map((f) => f.fundId)).toEqual(["b1", "b2", "inc", "w", "p1", "p2", "nb", "i"]);
  });

  it("picks the rule of the worst status, and among breaches the one furthest beyond its threshold", () => {
    const f = fund("F", "breach", [
      rule("Q50", "breach", 0.48, 0.5, ">="),
      rule("CCA15", "breach", 0.3, 0.15, "<="),
      rule("LIQ", "incomplete", null, 0.05, ">="),
    ]);
    expect(worstRule(f)?.id).toBe("CCA15");
    expect(worstRule(fund("G", "pass", [rule("A", "pass", 0.9, 0.5, ">="), rule("B", "pass", 0.55, 0.5, ">=")]))?.id).toBe("B");
    // A closed list (a zero limit) that holds is nothing to watch.
    expect(worstRule(fund("H", "pass", [rule("ASSET", "pass", 0, 0, "<="), rule("RE60", "pass", 0.7, 0.6, ">=")]))?.id).toBe("RE60");
  });

  it("turns a negative headroom into a positive amount to cure, and nothing else", () => {
    expect(amountToCure(rule("Q", "breach", 0.4, 0.5, ">=", "-2500000.00"))).toBe("2500000.00");
    expect(amountToCure(rule("Q", "pass", 0.6, 0.5, ">=", "500000.00"))).toBeUndefined();
    expect(amountToCure(rule("Q", "warning", 0.1, 0.1, "<=", "-0.00"))).toBeUndefined();
  });

  it("has nothing to cure on a counting cap above its limit (info) or a triggered event", () => {
    expect(amountToCure(rule("FPCI-CCA30", "info", 0.32, 0.3, "<=", "-400000.00"))).toBeUndefined();
    expect(amountToCure(rule("SCPI-SELL10", "triggered", 0.12, 0.1, ">=", "-2000.00"))).toBeUndefined();
    expect(headroomText("-400000.00", "EUR", "fr", "info")).toBe(headroomText("-400000.00", "EUR", "fr").replace("à régulariser ", "-"));
    expect(conditionNothingToCure("not-binding")).toBe(true);
    expect(conditionNothingToCure("breach")).toBe(false);
    expect(headroomText("-400000.00", "EUR", "fr", "breach")).toMatch(/^à régulariser 400\u202f000,00\u00a0€$/);
  });
});

describe("status colours", () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  const hue = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max === min) return undefined;
    const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
    return (h * 60 + 360) % 360;
  };

  it("reads at WCAG 2.1 AA contrast (4.5:1) on white and on each status's own tint", () => {
    for (const [status, { fg, bg }] of Object.entries(STATUS_COLORS)) {
      expect(contrast(fg, "#FFFFFF"), status).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, bg), status).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("never shows incomplete or not-binding in green", () => {
    expect(hue(STATUS_COLORS.pass.fg)).toBeGreaterThan(80);
    expect(hue(STATUS_COLORS.pass.fg)).toBeLessThan(160);
    for (const status of ["incomplete", "not-binding"] as const) {
      const h = hue(STATUS_COLORS[status].fg);
      expect(h === undefined || h < 80 || h > 160, status).toBe(true);
    }
  });
});
