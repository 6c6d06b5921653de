import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/functions/formulas";
import { positionAnswer, ratioAnswer } from "../../src/functions/formulas";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import type { CellValue } from "../../src/workbook/grid";
import { rawTable as table } from "../helpers/raw-table";


/** An FCPR at cost: one unlisted share, one cash line (excluded), one share whose cost cannot be read. */
const workbook = () =>
  new CheckedWorkbook({
    Funds: table("Funds", ["Code fonds", "Type de fonds", "Date de constitution", "Clôture du premier exercice", "Montant libéré des souscriptions"], [
      ["F1", "FCPR", "2020-01-15", "2020-12-31", 1000000],
    ]),
    Holdings: table("Holdings", ["Code fonds", "Ligne", "Type d'actif", "Prix de revient"], [
      ["F1", "L1", "Actions", 600000],
      ["F1", "L2", "Liquidités", 100000],
      ["F1", "L3", "Actions", "abc"],
    ]),
  });

const run = <T,>(answer: Answer<T>): T | string => {
  try {
    return answer(workbook());
  } catch (e) {
    return (e as Error).message;
  }
};

describe("worksheet functions in French: every message through src/present, columns by the user's headers", () => {
  it("QUOTA.POSITION gives an exclusion's reason in French", () => {
    const shown = String(run(positionAnswer("FCPR-Q50", "F1", "L2", "2025-12-31", "fr")));
    expect(shown).toMatch(/^exclue/);
    expect(shown).not.toMatch(/\b(is not|among|counts|the quota)\b/);
  });

  it("QUOTA.POSITION names an unreadable column by the header the user wrote", () => {
    const shown = String(run(positionAnswer("FCPR-Q50", "F1", "L3", "2025-12-31", "fr")));
    expect(shown).toContain("Prix de revient");
    expect(shown).not.toContain("costValue");
  });

  it("QUOTA.RATIO of an incomplete rule explains why in French", () => {
    const shown = String(run(ratioAnswer("FCPR-Q50", "F1", "2025-12-31", "fr")));
    expect(shown).toMatch(/^La règle FCPR-Q50 est incomplète/);
    expect(shown).not.toMatch(/\b(is needed|unreadable|the base)\b/);
  });
});
