import { describe, expect, it } from "vitest";
import { diagnosticText, ruleExplanation } from "../../src/present/report";
import { CheckedWorkbook } from "../../src/workbook/checked-workbook";
import { rawTable as table } from "../helpers/raw-table";

/**
 * An FCPR and an FCPI with French headers and the values their rules need left blank: the class of
 * a line, the fund's share of an issuer's capital for an advance, the listing country of a listed
 * share, the first financial year's end, the FCPI's constitution date and eligibility.
 */
const report = () =>
  new CheckedWorkbook({
    Funds: table(
      "Funds",
      [
        "Code fonds",
        "Type de fonds",
        "Date de constitution",
        "Clôture du premier exercice",
        "Montant libéré des souscriptions",
      ],
      [
        ["F1", "FCPR", "2020-01-15", "", 1000000],
        ["F2", "FCPI", "", "2020-12-31", 1000000],
      ],
    ),
    Holdings: table(
      "Holdings",
      [
        "Code fonds",
        "Ligne",
        "Type d'actif",
        "Prix de revient",
        "Code émetteur",
        "Cotation",
        "Date d'admission",
        "Date d'investissement",
      ],
      [
        ["F1", "L1", "Actions", 600000, "E1", "", "", "2021-01-10"],
        ["F1", "L2", "", 100000, "E2", "", "", "2021-01-10"],
        [
          "F1",
          "L3",
          "Avance en compte courant",
          50000,
          "E3",
          "",
          "",
          "2021-01-10",
        ],
        [
          "F1",
          "L4",
          "Actions",
          50000,
          "E4",
          "Marché réglementé",
          "2019-01-01",
          "2021-01-10",
        ],
        ["F2", "L5", "Actions", 700000, "E5", "", "", "2021-01-10"],
      ],
    ),
  }).report("2025-12-31");

/** English words a French sentence never holds (the workbook's codes and quoted headers aside). */
const ENGLISH =
  /\b(the|of|is|are|and|not|to|with|which|needed|blank|unreadable|missing|cannot|fund|rule|row|company|advance)\b/;
const words = (text: string) =>
  text.replace(
    /«[^»]*»|\([a-z]+[A-Z]\w*\)|\b[A-Z][A-Z0-9_]+(-[A-Z0-9]+)*\b|\b(Funds|Holdings)\b/g,
    "",
  );

describe("values the rules need, in French: the user's own header and what the value decides", () => {
  const r = report();
  const diagnostics = r.funds.flatMap((f) => f.diagnostics);
  const needs = diagnostics.filter((d) => d.code === "value-needed");

  it("every needed value says what it decides, with a purpose, in both languages", () => {
    expect(needs.length).toBeGreaterThanOrEqual(4);
    for (const d of needs) {
      expect(d.facts, d.message).toHaveProperty("purpose");
      const fr = diagnosticText(d, "fr");
      expect(words(fr), fr).not.toMatch(ENGLISH);
      expect(fr).not.toMatch(/\p{L}:/u);
      expect(diagnosticText(d, "en")).toContain(d.message);
    }
  });

  it("names the column by the user's header in French, and keeps the canonical name in the JSON's English", () => {
    const classOf = needs.find((d) => d.column === "assetClass")!;
    expect(classOf.message).toBe(
      "assetClass is needed to place the position in a paragraph of L. 214-28.",
    );
    expect(diagnosticText(classOf, "fr")).toContain(
      "colonne «\u00a0Type d'actif\u00a0»",
    );
    expect(diagnosticText(classOf, "fr")).toContain(
      "rattacher la position à l'un des paragraphes de l'article L.\u00a0214-28".replace(
        "L.\u00a0",
        "L. ",
      ),
    );
  });

  it("L. 214-30 I: the vintage of the quota, with the date and the threshold from the law, in French formats", () => {
    const vintage = needs.find((d) => d.column === "constitutionDate")!;
    expect(vintage.message).toBe(
      "constitutionDate is needed: a fund constituted before 2014-01-01 keeps a 60 % quota (or give quotaThreshold).",
    );
    const fr = diagnosticText(vintage, "fr");
    expect(fr).toContain("01/01/2014");
    expect(fr).toContain("60\u00a0%");
    expect(fr).toContain("«\u00a0Date de constitution\u00a0»");
  });

  it("a rule a row may enter says why in French too: its reasons carry the note on the unplaced row", () => {
    const settled = new CheckedWorkbook({
      Funds: table(
        "Funds",
        [
          "Code fonds",
          "Type de fonds",
          "Clôture du premier exercice",
          "Montant libéré des souscriptions",
        ],
        [["F1", "FCPR", "2020-12-31", 1000000]],
      ),
      Holdings: table(
        "Holdings",
        [
          "Code fonds",
          "Ligne",
          "Type d'actif",
          "Prix de revient",
          "Date d'investissement",
        ],
        [
          ["F1", "L1", "Actions", 600000, "2021-01-10"],
          ["F1", "L2", "Actions", 100000, "31/13/2021"],
        ],
      ),
    }).report("2025-12-31");
    const q50 = settled.funds[0].rules.find((x) => x.id === "FCPR-Q50")!;
    expect(q50.status).toBe("incomplete");
    expect(q50.message).toContain("Holdings row 3 cannot be placed");
    const fr = ruleExplanation(q50, "fr") ?? "";
    expect(fr).toMatch(/Ligne 3 du tableau Holdings impossible à classer/);
    expect(words(fr), fr).not.toMatch(ENGLISH);
  });
});
