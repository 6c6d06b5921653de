import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Rows, addSheet, addTable, tempDir } from "../helpers/xlsx";
import { FUNDS, HOLDINGS, compliant, custom, fund, run, short, workbook } from "./cli-harness";

// Exit codes of `fund-quota check` (docs/workbook-format.md §4): 0 every rule of every fund checked
// and none in breach; 1 a breach; 2 a file cannot be read; 3 no breach but something not checked.
// A month-end script reads 0 as "compliant": anything short of a full check must not give 0.
let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const AS_OF = ["--as-of", "2025-12-31"];

describe("exit code 0: every rule of every fund checked, none in breach", () => {
  it("a compliant fund", async () => {
    const file = await workbook(dir, "clear.xlsx", [fund("A")], compliant("A"));
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(0);
    expect(last).toBe("No breach: all 4 rules of 1 fund checked as of 2025-12-31 (exit code 0).");
  });

  it("a fund within its warning margin: still 0, and the summary counts the warning", async () => {
    const watched = ["W", "Fund W", "FCPR", "2022-01-01", "2022-12-31", 100, "2 %"];
    const file = await workbook(dir, "warning.xlsx", [watched], [["W", "EQUITY", 51], ["W", "CASH", 49]]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(0);
    expect(last).toBe("No breach: all 4 rules of 1 fund checked as of 2025-12-31, 1 warning (exit code 0).");
    expect((await run(["check", file, "--lang", "fr", ...AS_OF])).last).toBe(
      "Aucun dépassement\u00a0: les 4 règles du fonds sont respectées au 31/12/2025, dont 1 à surveiller (code de sortie 0).",
    );
  });
});

describe("exit code 1: at least one breach", () => {
  it("a fund short of its 50 % quota, next to a compliant one", async () => {
    const file = await workbook(dir, "breach.xlsx", [fund("A"), fund("B")], [...compliant("A"), ...short("B")]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(1);
    expect(last).toBe("1 fund in breach (1 rule) as of 2025-12-31 (exit code 1).");
  });

  it("a breach outranks what could not be checked, and the summary says both", async () => {
    // Advances of 30 % of the paid-up subscriptions, beyond L. 214-28 II 1°'s 15 %: the row of GHOST can only add to them.
    const advances = [["B", "EQUITY", 60], ["B", "CURRENT_ACCOUNT_ADVANCE", 30], ["B", "CASH", 10]];
    const file = await workbook(dir, "breach-and-orphan.xlsx", [fund("B")], [...advances, ["GHOST", "EQUITY", 10]]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(1);
    // The row of GHOST may be B's (docs/workbook-format.md, "A row that no fund takes"): B's other rules cannot pass.
    expect(last).toMatch(/^1 fund in breach \(1 rule\) as of 2025-12-31; also not checked: 3 rules could not be computed; 1 row belongs to a fund missing from the Funds table; 1 value could not be read \(exit code 1\)\.$/);
  });

  it("not a quota the readable rows miss while a row of no fund could reach it: that is exit code 3", async () => {
    const file = await workbook(dir, "short-and-orphan.xlsx", [fund("B")], [...short("B"), ["GHOST", "EQUITY", 30]]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toContain("1 row belongs to a fund missing from the Funds table");
  });
});

describe("exit code 3: nothing in breach, but something could not be checked", () => {
  it("a rule is incomplete (an unreadable amount it needed)", async () => {
    const file = await workbook(dir, "incomplete.xlsx", [fund("A")], [...compliant("A"), ["A", "EQUITY", "abc"]]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toMatch(/^Incomplete check as of 2025-12-31: no breach found, but \d+ rules? could not be computed.* \(see the reading problems\)/);
    expect(last).toMatch(/\(exit code 3\)\.$/);
  });

  it("holdings of a fund that is not in Funds", async () => {
    const file = await workbook(dir, "unknown-fund.xlsx", [fund("A")], [...compliant("A"), ["B", "EQUITY", 10]]);
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toContain("1 row belongs to a fund missing from the Funds table");
  });

  it("an empty workbook", async () => {
    const file = await custom(dir, "empty.xlsx", (wb) => wb.addWorksheet("Sheet1"));
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toBe("Incomplete check as of 2025-12-31: no breach found, but no Funds table found; no Holdings table found (exit code 3).");
  });

  it("a workbook whose sheets are not named Funds and Holdings", async () => {
    const file = await custom(dir, "other-names.xlsx", (wb) => {
      addSheet(wb, "Fonds du mois", 1, [FUNDS, fund("A")]);
      addSheet(wb, "Portefeuille", 1, [HOLDINGS, ...compliant("A")]);
    });
    const { code, stdout } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(stdout).toContain("no Funds table found");
  });

  it("Funds found, Holdings not", async () => {
    // A young fund: its quota does not bind yet, so with no holdings nothing is in breach.
    const young = ["A", "Fund A", "FCPR", "2025-06-01", "2025-12-31", 100, 0];
    const file = await custom(dir, "no-holdings.xlsx", (wb) => addTable(wb, "Data", "Funds", "A1", FUNDS, [young]));
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toContain("no Holdings table found");
  });

  it("a Funds table with no fund in it", async () => {
    const file = await workbook(dir, "no-fund.xlsx", [], compliant("A"));
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toContain("the workbook holds no fund");
  });

  it("a fund whose type names no rule", async () => {
    const file = await workbook(dir, "no-type.xlsx", [["A", "Fund A", "", "2022-01-01", "2022-12-31", 100, 0]], compliant("A"));
    const { code, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toMatch(/1 fund with no rule to apply/);
  });

  it("the JSON report gives the same exit code", async () => {
    const file = await custom(dir, "empty-json.xlsx", (wb) => wb.addWorksheet("Sheet1"));
    const { code, stdout } = await run(["check", file, "--json", ...AS_OF]);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ asOf: "2025-12-31", funds: [] });
  });

  it("through the installed command too (the code a script sees)", async () => {
    const file = await custom(dir, "empty-bin.xlsx", (wb) => wb.addWorksheet("Sheet1"));
    const bin = path.resolve(__dirname, "../../bin/fund-quota.js");
    const result = spawnSync(process.execPath, [bin, "check", file, ...AS_OF], { encoding: "utf8", env: { ...process.env, LANG: "C", LC_ALL: "" } });
    expect(result.status).toBe(3);
  });
});

describe("exit code 2: a file cannot be read at all", () => {
  it("a file that is not a workbook: one line on stderr, and the summary says so", async () => {
    const file = path.join(dir, "not-a-workbook.xlsx");
    writeFileSync(file, "plain text");
    const { code, stderr, last } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(last).toBe("Unreadable: 1 of 1 workbook could not be read (as of 2025-12-31) (exit code 2).");
  });
});

describe("exit codes over several workbooks (a folder)", () => {
  async function folder(...books: [string, Rows, Rows][]) {
    const d = tempDir();
    for (const [name, funds, holdings] of books) await workbook(d, name, funds, holdings);
    return d;
  }

  it("0 when every workbook is clear", async () => {
    const d = await folder(["a.xlsx", [fund("A")], compliant("A")], ["b.xlsx", [fund("B")], compliant("B")]);
    const { code, last } = await run(["check", d, ...AS_OF]);
    expect(code).toBe(0);
    expect(last).toBe("No breach: all 8 rules of 2 funds checked as of 2025-12-31 (exit code 0).");
  });

  it("1 when one workbook holds a breach", async () => {
    const d = await folder(["a.xlsx", [fund("A")], compliant("A")], ["b.xlsx", [fund("B")], short("B")]);
    const { code, last } = await run(["check", d, ...AS_OF]);
    expect(code).toBe(1);
    expect(last).toBe("1 fund in breach (1 rule) as of 2025-12-31 (exit code 1).");
  });

  it("3 when one workbook is empty and the others are clear", async () => {
    const d = await folder(["a.xlsx", [fund("A")], compliant("A")]);
    await custom(d, "b-empty.xlsx", (wb) => wb.addWorksheet("Sheet1"));
    const { code, last } = await run(["check", d, ...AS_OF]);
    expect(code).toBe(3);
    expect(last).toBe("Incomplete check as of 2025-12-31: no breach found, but no Funds table found in 1 workbook; no Holdings table found in 1 workbook (exit code 3).");
  });

  it("2 when one workbook cannot be read, with the breaches of the others in the summary", async () => {
    const d = await folder(["a.xlsx", [fund("A")], short("A")]);
    writeFileSync(path.join(d, "broken.xlsx"), "not a workbook");
    const { code, last } = await run(["check", d, ...AS_OF]);
    expect(code).toBe(2);
    expect(last).toBe("Unreadable: 1 of 2 workbooks could not be read; in the others, 1 fund in breach (1 rule) as of 2025-12-31 (exit code 2).");
  });

  it("3 when the folder holds only reports the command wrote", async () => {
    const d = await folder(["a.xlsx", [fund("A")], compliant("A")]);
    const reports = tempDir();
    await run(["check", d, "--out", path.join(reports, "report.xlsx"), ...AS_OF]);
    const { code, stderr } = await run(["check", reports, ...AS_OF]);
    expect(stderr).toMatch(/report\.xlsx is a report fund-quota wrote: not a fund workbook, not checked\./);
    expect(code).toBe(3);
  });
});

describe("the summary line in French", () => {
  it("uses the glossary's words, French dates and a non-breaking space before the colon", async () => {
    const clear = await workbook(dir, "fr-clear.xlsx", [fund("A"), fund("B")], [...compliant("A"), ...compliant("B")]);
    expect((await run(["check", clear, "--lang", "fr", ...AS_OF])).last).toBe(
      "Aucun dépassement\u00a0: les 8 règles des 2 fonds sont respectées au 31/12/2025 (code de sortie 0).",
    );
    const breach = await workbook(dir, "fr-breach.xlsx", [fund("A"), fund("B")], [...short("A"), ...short("B")]);
    expect((await run(["check", breach, "--lang", "fr", ...AS_OF])).last).toBe("2 fonds en dépassement (2 règles) au 31/12/2025 (code de sortie 1).");
    const empty = await custom(dir, "fr-empty.xlsx", (wb) => wb.addWorksheet("Feuil1"));
    const { code, last } = await run(["check", empty, ...AS_OF], { env: { LANG: "fr_FR.UTF-8" } });
    expect(code).toBe(3);
    expect(last).toBe(
      "Contrôle incomplet au 31/12/2025\u00a0: aucun dépassement constaté, mais aucun tableau Funds trouvé\u00a0; aucun tableau Holdings trouvé (code de sortie 3).",
    );
  });

  it("takes the language from LC_ALL before LC_MESSAGES before LANG, and --lang over all", async () => {
    const file = await workbook(dir, "lang.xlsx", [fund("A")], compliant("A"));
    expect((await run(["check", file, ...AS_OF], { env: { LC_ALL: "en_US.UTF-8", LANG: "fr_FR.UTF-8" } })).last).toMatch(/^No breach/);
    expect((await run(["check", file, ...AS_OF], { env: { LC_MESSAGES: "fr_FR", LANG: "en_GB" } })).last).toMatch(/^Aucun dépassement/);
    expect((await run(["check", file, "--lang", "en", ...AS_OF], { env: { LANG: "fr_FR.UTF-8" } })).last).toMatch(/^No breach/);
    const bad = await run(["check", file, "--lang", "de"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('fund-quota: --lang must be fr or en, not "de".\n');
  });
});

describe("the as-of date", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("defaults to the last calendar month-end before today, at the turn of a year, and is printed in the header and the summary", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 0, 2, 9, 0));
    const file = await workbook(dir, "as-of.xlsx", [fund("A")], compliant("A"));
    const { stdout, last } = await run(["check", file]);
    expect(stdout.split("\n")[0]).toBe("Fund Quota Monitor: as-of.xlsx, as of 2025-12-31");
    expect(last).toContain("as of 2025-12-31");
    const fr = await run(["check", file, "--lang", "fr"]);
    expect(fr.last).toContain("au 31/12/2025");
  });

  it("on the last day of a month still tests the month before (at the turn of a month)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 2, 31, 18, 0));
    const file = await workbook(dir, "as-of-march.xlsx", [fund("A")], compliant("A"));
    const json = await run(["check", file, "--json"]);
    expect(JSON.parse(json.stdout).asOf).toBe("2026-02-28");
    expect((await run(["check", file])).last).toContain("as of 2026-02-28");
  });

  it("--help says what the default is, and every exit code", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/default: the last calendar month-end before today/);
    for (const c of ["0", "1", "2", "3"]) expect(stdout).toMatch(new RegExp(`^  ${c}  `, "m"));
    const fr = await run(["--help", "--lang", "fr"]);
    expect(fr.stdout).toMatch(/la dernière fin de mois avant aujourd'hui/);
    expect(fr.stdout).toMatch(/Codes de sortie/);
  });
});


describe("SCPI-PRICE10, SCPI-SELL10 · L. 214-94: a triggered event is counted in the summary line and leaves the exit code alone", () => {
  const scpis = (n: number) =>
    custom(dir, `events-${n}.xlsx`, (wb) => {
      const ids = ["S1", "S2"].slice(0, n);
      addSheet(wb, "Funds", 1, [
        ["fundId", "fundName", "fundType", "totalAssets", "subscriptionPrice", "reconstitutionValue"],
        // L. 214-94: a price more than 10 % away from the reconstitution value triggers the event.
        ...ids.map((id) => [id, `SCPI ${id}`, "SCPI", 1000, 120, 100]),
      ]);
      addSheet(wb, "Holdings", 1, [["fundId", "assetClass", "fairValue", "scpiCategory"], ...ids.map((id) => [id, "REAL_ESTATE", 1000, 1])]);
    });

  it("one event triggered, nothing in breach: exit 0, « 1 event triggered » / « 1 événement déclenché »", async () => {
    const file = await scpis(1);
    const { code, stdout } = await run(["check", file, ...AS_OF]);
    expect(code).toBe(0);
    expect(stdout).toContain(", 0 incomplete, 1 event triggered, 0 diagnostic(s).");
    const fr = await run(["check", file, "--lang", "fr", ...AS_OF]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain(", 1 événement déclenché, 0 anomalie de lecture.");
  });

  it("two events: the plural in both languages; a summary with none says nothing of events", async () => {
    const file = await scpis(2);
    expect((await run(["check", file, ...AS_OF])).stdout).toContain(", 2 events triggered, ");
    expect((await run(["check", file, "--lang", "fr", ...AS_OF])).stdout).toContain(", 2 événements déclenchés, ");
    const clear = await workbook(dir, "no-event.xlsx", [fund("A")], compliant("A"));
    expect((await run(["check", clear, ...AS_OF])).stdout).not.toMatch(/triggered|déclenché/);
  });
});
