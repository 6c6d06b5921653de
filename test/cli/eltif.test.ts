import { beforeAll, describe, expect, it } from "vitest";
import { addSheet, tempDir } from "../helpers/xlsx";
import { custom, run } from "./cli-harness";

// FPCI-CCA30 (L. 214-160 II 1°, al. 2) from a workbook written with the French headers of the contract.
let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const AS_OF = ["--as-of", "2025-12-31"];

const eltifWorkbook = (name: string, label: string | null) =>
  custom(dir, name, (wb) => {
    addSheet(wb, "Funds", 1, [
      [
        "Code fonds",
        "Type de fonds",
        "Date de constitution",
        "Clôture du premier exercice",
        "Montant libéré des souscriptions",
        "Marge d'alerte",
        "Label ELTIF",
        "Objet principal : infrastructures",
      ],
      ["INFRA", "FPCI", "2022-01-01", "2022-12-31", 1000, 0, label, "oui"],
    ]);
    addSheet(wb, "Holdings", 1, [
      [
        "Code fonds",
        "Code émetteur",
        "Type d'actif",
        "Coût d'acquisition",
        "Pourcentage de détention",
      ],
      ["INFRA", "A", "EQUITY", 200, 0.1],
      ["INFRA", "A", "CURRENT_ACCOUNT_ADVANCE", 350, null],
      ["INFRA", null, "CASH", 450, null],
    ]);
  });

describe("FPCI-CCA30 — L. 214-160 II 1°, al. 2, through the command line", () => {
  it("French headers: the advances are retained up to 30 %, the 50 000 above it named in both languages", async () => {
    const file = await eltifWorkbook("eltif.xlsx", "oui");
    const en = await run(["check", file, ...AS_OF]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /FPCI-CCA30 +L\. 214-160 II 1°, al\. 2 +35\.00 %/,
    );
    expect(en.stdout).toMatch(/FCPR-Q50 .* 50\.00 % +≥ 50 % +pass/);
    expect(en.stdout).toContain(
      "50 EUR of advances above the 30 % limit are not counted toward the quota (a limit on counting, not a breach).",
    );
    const fr = await run(["check", file, "--lang", "fr", ...AS_OF]);
    expect(fr.stdout).toContain("FPCI-CCA30");
    expect(fr.stdout).toMatch(
      /50,00\s€ d'avances en compte courant au-delà de la limite de 30\s%, non retenues dans le quota \(limite de prise en compte, et non dépassement\)\./,
    );
  });

  it("an unreadable Label ELTIF: the 15 % regime, the quota incomplete (exit 3), never the 30 % reading", async () => {
    const file = await eltifWorkbook("eltif-unreadable.xlsx", "peut-être");
    const { code, stdout } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(stdout).not.toContain("FPCI-CCA30 ");
    expect(stdout).toContain(
      "eltifLabel cannot be read: the 15 % regime is applied",
    );
  });
});
