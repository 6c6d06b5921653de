import ExcelJS from "exceljs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addTable, save, tempDir } from "../helpers/xlsx";
import { run } from "./cli-harness";

/** A register workbook in French headers: one allégé FCPR with subscribers, one fund opted into 516-2, two issuers. */
async function registerWorkbook(
  options: {
    withHoldings?: boolean;
    failing?: boolean;
    offersOnly?: boolean;
  } = {},
) {
  const dir = tempDir();
  const wb = new ExcelJS.Workbook();
  const failing = options.failing ?? true;
  if (!options.offersOnly) {
    addTable(
      wb,
      "Fonds",
      "Funds",
      "A1",
      ["Code fonds", "Type de fonds", "FCPR allégé", "Règles historiques"],
      [
        ["ALG", "FCPR", "oui", null],
        ["BLT", "FCPR", "non", "RG AMF 516-2"],
      ],
    );
    addTable(
      wb,
      "Souscripteurs",
      "Subscribers",
      "A1",
      [
        "Code fonds",
        "N° de bulletin",
        "Investisseur",
        "Type d'investisseur",
        "Date de souscription",
        "Montant souscrit",
        "Années dans le secteur financier",
        "Avertissement remis",
        "Date de remise du règlement",
        "Date de la reconnaissance écrite",
      ],
      [
        [
          "ALG",
          "B-01",
          "P1",
          "Personne physique",
          "10/01/2006",
          500000,
          null,
          "oui",
          "02/01/2006",
          "10/01/2006",
        ],
        [
          "ALG",
          "B-02",
          "P2",
          "Personne physique",
          "12/01/2006",
          failing ? 29999.99 : 30000,
          2,
          "oui",
          "02/01/2006",
          "12/01/2006",
        ],
      ],
    );
    addTable(
      wb,
      "Blotter",
      "Trades",
      "A1",
      [
        "Code fonds",
        "Référence",
        "Date de l'opération",
        "Type d'instrument",
        "Lieu d'exécution",
        "Montant en euros",
        "Forme de la demande",
      ],
      [
        [
          "BLT",
          "T-01",
          "10/05/2006",
          "Titres de créance",
          "Hors marché",
          30000.01,
          "Écrite",
        ],
        [
          "BLT",
          "T-02",
          "11/05/2006",
          "Titres de créance",
          "Hors marché",
          failing ? 30000 : 45000,
          "Écrite",
        ],
        ["BLT", "T-03", "12/05/2006", "Actions", "Marché réglementé", 10, null],
      ],
    );
  }
  addTable(
    wb,
    "Offres",
    "Offers",
    "A1",
    [
      "Offre",
      "Code émetteur",
      "Émetteur",
      "Cas de dispense",
      "Date de l'offre",
      "Montant de l'offre",
    ],
    [
      [
        "A1",
        "ISS-A",
        "Alpha SAS",
        "Offre de moins de 8 M€",
        "15/03/2006",
        3000000,
      ],
      ["A2", "ISS-A", "Alpha SAS", "SMALL_OFFER", "01/06/2006", 4000000],
      [
        "A3",
        "ISS-A",
        "Alpha SAS",
        "OFF-8M",
        "01/09/2006",
        failing ? 1000000 : 999999.99,
      ],
    ],
  );
  if (options.withHoldings)
    addTable(
      wb,
      "Portefeuille",
      "Holdings",
      "A1",
      ["Code fonds", "Type d'actif", "Coût d'acquisition"],
      [["ALG", "EQUITY", 10]],
    );
  return save(wb, path.join(dir, "registres.xlsx"));
}

describe("fund-quota check on register workbooks (WORKBOOK-FORMAT-REGISTERS)", () => {
  it("JSON: every row outcome, the funds' register rules and the issuers after the funds; exit 1 on a failing row", async () => {
    const file = await registerWorkbook();
    const { code, stdout } = await run([
      "check",
      file,
      "--as-of",
      "2006-12-31",
      "--json",
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).indexOf("issuers")).toBeGreaterThan(
      Object.keys(report).indexOf("funds"),
    );
    const alg = report.funds.find(
      (f: { fundId: string }) => f.fundId === "ALG",
    );
    expect(alg.rules.map((r: { id: string }) => r.id)).toEqual([
      "FCPRA-ELIG",
      "FCPRA-WARN",
      "FCPRA-ACK",
      "FCPRA-DEPO",
    ]);
    expect(
      alg.subscriptions.map((s: { subscriptionId: string; status: string }) => [
        s.subscriptionId,
        s.status,
      ]),
    ).toEqual([
      ["B-01", "pass"],
      ["B-02", "breach"],
    ]);
    const blt = report.funds.find(
      (f: { fundId: string }) => f.fundId === "BLT",
    );
    expect(blt.trades.map((t: { status: string }) => t.status)).toEqual([
      "pass",
      "breach",
      "info",
    ]);
    expect(
      blt.rules.find((r: { id: string }) => r.id === "OTC-DEBT"),
    ).toMatchObject({ legacy: true, value: 1, unit: "count" });
    expect(report.issuers).toHaveLength(1);
    expect(
      report.issuers[0].rules.find((r: { id: string }) => r.id === "OFF-12M"),
    ).toMatchObject({ status: "breach", headroom: "0.00" });
    expect(report.summary.issuers).toBe(1);
    // No quota rule is listed and no diagnostic is given when Holdings is absent beside the registers.
    expect(report.diagnostics).toEqual([]);
    expect(
      alg.rules.some((r: { id: string }) => r.id.startsWith("FCPR-")),
    ).toBe(false);
  });

  it("text in French: issuers after the funds, « (texte historique) », the failing row with its article", async () => {
    const file = await registerWorkbook();
    const { stdout } = await run([
      "check",
      file,
      "--as-of",
      "2006-12-31",
      "--lang",
      "fr",
    ]);
    expect(stdout.indexOf("Émetteurs")).toBeGreaterThan(stdout.indexOf("BLT"));
    expect(stdout).toContain("OTC-DEBT (texte historique)");
    expect(stdout).toContain("OFF-12M");
    expect(stdout).not.toContain("OFF-12M (texte historique)");
    expect(stdout).toMatch(/ligne 3 B-02\u00a0: Dépassement\u00a0: Non admis/);
    expect(stdout).toMatch(/ligne 4 A3\u00a0: Dépassement.*D\. 411-2-1 IV/);
    expect(stdout).toContain("8\u202f000\u202f000,00\u00a0€");
    expect(stdout).toMatch(/émetteur en dépassement/);
  });

  it.skipIf(!process.env.SHOW_TEXT)(
    "prints the text report (SHOW_TEXT=1)",
    async () => {
      const file = await registerWorkbook();
      for (const lang of ["fr", "en"])
        console.log(
          (await run(["check", file, "--as-of", "2006-12-31", "--lang", lang]))
            .stdout,
        );
    },
  );

  it("text in English marks historical rules", async () => {
    const file = await registerWorkbook();
    const { stdout, last } = await run([
      "check",
      file,
      "--as-of",
      "2006-12-31",
    ]);
    expect(stdout).toContain("FCPRA-ELIG (historical text)");
    expect(stdout).toContain("Issuers (offers to the public):");
    expect(last).toMatch(/and 1 issuer in breach/);
  });

  it("exit 0 when every checked row of every register complies", async () => {
    const file = await registerWorkbook({ failing: false });
    const { code, last } = await run(["check", file, "--as-of", "2006-12-31"]);
    expect(last).toContain("exit code 0");
    expect(code).toBe(0);
  });

  it("an offers-only workbook is not « no table found »", async () => {
    const file = await registerWorkbook({ offersOnly: true, failing: false });
    const { code, stdout, last } = await run([
      "check",
      file,
      "--as-of",
      "2006-12-31",
      "--json",
    ]);
    expect(JSON.parse(stdout).diagnostics).toEqual([]);
    expect(code).toBe(0);
    expect(last).not.toContain("table");
  });

  it("--soit-soit takes either or both; anything else exits 2", async () => {
    const file = await registerWorkbook();
    expect(
      (
        await run([
          "check",
          file,
          "--soit-soit",
          "both",
          "--as-of",
          "2006-12-31",
        ])
      ).code,
    ).toBe(1);
    expect(
      (await run(["check", file, "--soit-soit", "ou", "--as-of", "2006-12-31"]))
        .code,
    ).toBe(2);
  });

  it("--out writes issuer rows with the issuerId in place of the fund", async () => {
    const file = await registerWorkbook();
    const out = path.join(path.dirname(file), "rapport.xlsx");
    await run(["check", file, "--as-of", "2006-12-31", "--out", out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values: unknown[][] = [];
    wb.worksheets[0].eachRow((r) =>
      values.push((r.values as unknown[]).slice(1)),
    );
    expect(
      values.some(
        (v) => v[1] === "ISS-A" && v[4] === "OFF-12M" && v[8] === "breach",
      ),
    ).toBe(true);
    expect(values.some((v) => v[1] === "ALG" && v[4] === "FCPRA-ELIG")).toBe(
      true,
    );
  });
});
