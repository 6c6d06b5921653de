import { describe, expect, it } from "vitest";
import { formatText } from "../../src/cli/format-text";
import { checkWorkbook } from "../../src/engine/check";
import { fcpr, fundOf, holder, holding, unlisted } from "../helpers/build";

// The text report shows each amount with its unit, what to cure in a rule with several
// conditions, and with --positions each rule's reconciliation.

function text(positions: boolean) {
  const fip = fundOf("FIP", {
    fundId: "F2",
    constitutionDate: "2022-01-15",
    chosenRegions: ["Bretagne"],
  });
  const report = checkWorkbook(
    {
      funds: [fcpr(), fip],
      holdings: [
        unlisted("500000"),
        holding({
          assetClass: "CURRENT_ACCOUNT_ADVANCE",
          costValue: "50000",
          ownershipPct: "0.04",
          lineId: "ADV-1",
        }),
        unlisted("100000", { fundId: "F2" }),
      ],
      holders: [
        holder({
          fundId: "F2",
          holderId: "H1",
          holderType: "NATURAL",
          units: "300",
        }),
        holder({
          fundId: "F2",
          holderId: "H2",
          holderType: "NATURAL",
          units: "700",
        }),
      ],
      diagnostics: [],
    },
    { asOf: "2025-12-31", positions },
  );
  return formatText(report, "book.xlsx", { color: false, positions });
}

describe("text report", () => {
  it("labels each headroom with its unit: EUR for amounts, units for the FIP holder caps", () => {
    const out = text(false);
    expect(out).not.toContain("Headroom EUR");
    expect(out).toMatch(/FCPR-Q50 .* pass +0\.00 EUR/);
    expect(out).toMatch(/FIP-H20 .* breach +-500\.00 units/);
  });

  it("L. 214-28 II 1°: a breach of the 5 % gate shows each condition and the position to cure, never a positive headroom", () => {
    const out = text(false);
    expect(out).toMatch(/FCPR-CCA15 .* breach +-50000\.00 EUR/);
    expect(out).toContain(
      "condition limit-15 (L. 214-28 II 1°): pass, 5.00 % ≤ 15 %, headroom 100000.00 EUR",
    );
    expect(out).toContain(
      "condition gate-5 (L. 214-28 II 1°): breach, lowest share of capital 4.00 %, ≥ 5 %, to cure 50000.00 EUR",
    );
    expect(out).toMatch(/row \d+ ADV-1: 50000\.00 EUR: advance excluded/);
  });

  it("with --positions, each rule's reconciliation leads from the holdings to numerator and denominator", () => {
    expect(text(false)).not.toContain("Reconciliation");
    const out = text(true);
    expect(out).toContain(
      "Reconciliation (EUR; N: in the numerator, D: in the denominator):",
    );
    expect(out).toContain(
      "Reconciliation (units; N: in the numerator, D: in the denominator):",
    );
    expect(out).toMatch(
      /ND Counted in the numerator +L\. 214-28 I +500000\.00 +1/,
    );
    expect(out).toMatch(
      /D Paid-up subscriptions minus the holdings held +450000\.00 +0/,
    );
    expect(out).toMatch(/Numerator +500000\.00/);
    expect(out).toMatch(/Denominator +1000000\.00/);
  });
});
