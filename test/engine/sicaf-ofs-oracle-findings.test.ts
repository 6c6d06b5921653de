import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/engine/check";
import type { RuleResult } from "../../src/engine/result";
import { tableFromValues } from "../../src/workbook/range-grid";
import { readWorkbook } from "../../src/workbook/read-workbook";

// Minimal workbooks on which the plain reading of test/properties/sicaf-ofs-oracle.property.test.ts
// and the engine disagreed, with the law's answer (texts/cmf-livre-ii.txt, WORKBOOK-FORMAT-LIVRE2.md
// §1.2, §2.8, docs/workbook-format.md). Findings 1 to 5 were false passes.

const AS_OF = "2025-12-31";

type Table = Parameters<typeof tableFromValues>[0];
function fundOf(tables: Partial<Record<Table, unknown[][]>>) {
  const grids: Partial<Record<Table, ReturnType<typeof tableFromValues>>> = {};
  for (const [name, rows] of Object.entries(tables) as [Table, unknown[][]][])
    grids[name] = tableFromValues(name, rows as never);
  return checkWorkbook(readWorkbook(grids), { asOf: AS_OF }).funds[0];
}
const ruleIn = (fund: { rules: RuleResult[] }, id: string) =>
  fund.rules.find((r) => r.id === id);

const CASH = [
  ["fundId", "lineId", "assetClass", "fairValue"],
  ["F0", "L1", "CASH", 1_000_000],
];
const holders = (n: number, extra: unknown[][] = []) => [
  ["fundId", "holderId", "holderType", "units"],
  ...Array.from({ length: n }, (_, k) => ["F0", `H${k}`, "NATURAL", 10]),
  ...extra,
];

describe("FIA-CAP300K · L. 214-24 VI « Un FIA qui n'a pas délégué globalement la gestion de son portefeuille … dispose d'un capital initial d'au moins 300 000 € »", () => {
  it("finding 1: an unreadable selfManaged flag with an initial capital of 0 may be a self-managed AIF short of 300 000 €: incomplete, the fund not shown as checked", () => {
    // WORKBOOK-FORMAT.md §2: « unreadable values … each becomes a diagnostic …; the rules that
    // needed that value report incomplete for that fund ». Blank is « no » (§2 Booleans);
    // « peut-être » is neither yes nor no.
    const fund = fundOf({
      Funds: [
        [
          "fundId",
          "fundType",
          "selfManaged",
          "initialCapital",
          "warningMargin",
        ],
        ["F0", "FIVG", "peut-être", 0, 0],
      ],
      Holdings: CASH,
    });
    expect(ruleIn(fund, "FIA-CAP300K")?.status).toBe("incomplete");
    expect(fund.status).not.toBe("pass");
  });
});

describe("OFS-20INV · L. 214-190-1 IX « peuvent réserver la souscription … à vingt investisseurs au plus »", () => {
  it("finding 2: an unreadable reservedTo20Investors flag on an OFS of 25 investors may be a reserved fund above 20: incomplete, not a silent pass", () => {
    // LIVRE2 §2.8: the count binds « when reservedTo20Investors »; an unread flag may be yes.
    const fund = fundOf({
      Funds: [
        ["fundId", "fundType", "reservedTo20Investors", "warningMargin"],
        ["F0", "OFS", "peut-être", 0],
      ],
      Holdings: CASH,
      Holders: holders(25),
    });
    expect(ruleIn(fund, "OFS-20INV")?.status).toBe("incomplete");
    expect(fund.status).not.toBe("pass");
  });

  it("finding 6: 22 investors read and a row whose units are blank: already more than twenty, breach", () => {
    // docs/workbook-format.md: « A maximum already in breach stays in breach: such a row can
    // only add to what the readable rows show. » A row can only add an investor.
    const fund = fundOf({
      Funds: [
        ["fundId", "fundType", "reservedTo20Investors", "warningMargin"],
        ["F0", "OFS", true, 0],
      ],
      Holdings: CASH,
      Holders: holders(22, [["F0", "H0", "NATURAL", null]]),
    });
    expect(ruleIn(fund, "OFS-20INV")).toMatchObject({
      numerator: "22",
      status: "breach",
    });
  });
});

describe("FIVG-20INV · L. 214-26-1 « à vingt investisseurs au plus »", () => {
  it("finding 5: twenty holders H0…H19 and a holder written h0: 20 or 21 investors, which one unknown: incomplete, not pass", () => {
    // LIVRE2 §2.8: « distinct holderId of the fund's Holders rows with units > 0 ». The contract
    // matches fund ids ignoring case (and says so), never holder ids: « h0 » may be another
    // investor. Read as one, the count is 20; read apart, 21 > 20. The reading that never
    // overstates compliance cannot call that a pass.
    const fund = fundOf({
      Funds: [
        ["fundId", "fundType", "reservedTo20Investors", "warningMargin"],
        ["F0", "FIVG", true, 0],
      ],
      Holdings: CASH,
      Holders: holders(20, [["F0", "h0", "NATURAL", 10]]),
    });
    expect(ruleIn(fund, "FIVG-20INV")?.status).toBe("incomplete");
  });
});

const SICAF_COLUMNS = [
  "fundId",
  "fundType",
  "sharesIssued",
  "ownSharesHeld",
  "sharesBoughtYtd",
  "sharesResoldYtd",
  "sharePrice",
  "navPerShare",
  "warningMargin",
];
const sicaf = (...values: unknown[]) =>
  fundOf({
    Funds: [SICAF_COLUMNS, ["F0", "SICAF", ...values, 0]],
    Holdings: CASH,
  });

describe("SICAF-BUYBACK · L. 214-137 « Cette limite est toutefois portée à 25 % lorsque le cours des actions est inférieur de plus de 10 % à l'actif net par action »", () => {
  it("finding 3: a share price of -95 against a NAV of 100 is a sign error, not a discount of more than 10 %: 20 % of net buy-backs is not a pass", () => {
    // Read as written, -95 < 90 grants the 25 % limit; the price is 95 (a discount of 5 %), or
    // unknown: the limit is 10 % and 20 % is beyond it, or it is unknown. Never a pass.
    const fund = sicaf(1000, 0, 200, 0, -95, 100);
    expect(ruleIn(fund, "SICAF-BUYBACK")?.status).toBe("incomplete");
  });

  it("finding 4b: -500 shares bought in the year is no number of shares: incomplete, not a pass", () => {
    // « Le nombre d'actions pris en compte … correspond au nombre d'actions achetées, déduction
    // faite du nombre d'actions revendues »: a count is never below zero.
    const fund = sicaf(1000, 0, -500, 0, 100, 100);
    expect(ruleIn(fund, "SICAF-BUYBACK")?.status).toBe("incomplete");
  });

  it("finding 4c: -10 shares resold beside 80 bought is a sign error, not 90 net: incomplete, not a breach", () => {
    const fund = sicaf(1000, 0, 80, -10, 100, 100);
    expect(ruleIn(fund, "SICAF-BUYBACK")?.status).toBe("incomplete");
  });
});

describe("SICAF-OWN10 · L. 214-137 « ne peut posséder … plus de 10 % du total de ses propres actions »", () => {
  it("finding 4a: -500 own shares out of 1 000 is a sign error (500 would be 50 %): incomplete, not a pass", () => {
    const fund = sicaf(1000, -500, 0, 0, 100, 100);
    expect(ruleIn(fund, "SICAF-OWN10")?.status).toBe("incomplete");
  });
});

const OFS_COLUMNS = [
  "fundId",
  "fundType",
  "totalAssets",
  "uncalledSubscriptions",
  "warningMargin",
];
const OFS_HOLDINGS = [
  "fundId",
  "lineId",
  "assetClass",
  "fairValue",
  "maxLoss",
  "investmentDate",
];

describe("OFS-LOSS · L. 214-190-1 VI « La perte ou l'engagement net maximal … ne peuvent excéder la valeur de son actif et le cas échéant du montant non appelé des souscriptions »", () => {
  it("finding 7: the only loan's investmentDate is unreadable: held or not unknown, so incomplete, not a breach", () => {
    // docs/workbook-format.md: a binding maximum beyond its limit is a breach, partial, « Not when a
    // row's holding dates are unread (it may be in the numerator and sold) … then incomplete ».
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 100, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "RECEIVABLE", 100, 150, "31/02/2025"],
      ],
    });
    expect(ruleIn(fund, "OFS-LOSS")?.status).toBe("incomplete");
  });

  it("finding 8: 150 of maximum losses read over an asset of 100, and a loan without maxLoss: already beyond, breach", () => {
    // docs/workbook-format.md: « a binding maximum whose readable part is already beyond its
    // limit, over a base known in full, is a breach, partial: an unread value can only add to it ».
    // No amount of the fund is below zero.
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 100, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "RECEIVABLE", 50, 150, null],
        ["F0", "L2", "GUARANTEE", 0, null, null],
      ],
    });
    expect(ruleIn(fund, "OFS-LOSS")).toMatchObject({
      numerator: "150.00",
      status: "breach",
    });
  });

  it("finding 8b: the same with the loan's fair value blank too: its fair value is no part of the losses, still a breach", () => {
    // The numerator sums maximum losses (LIVRE2 §2.8); with totalAssets given, a fair value left
    // blank changes neither the losses nor the asset.
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 100, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "RECEIVABLE", 50, 150, null],
        ["F0", "L2", "RECEIVABLE", null, "n/a", null],
      ],
    });
    expect(ruleIn(fund, "OFS-LOSS")).toMatchObject({
      numerator: "150.00",
      status: "breach",
    });
  });

  it("finding 10: 150 of maximum losses over an asset of 100 beside a row of blank class whose maxLoss is -100: it may be an exposure, so incomplete, not a breach", () => {
    // docs/workbook-format.md: a row that cannot be placed « may belong to any rule of its fund »;
    // as a guarantee its -100 (kept as read, sign included) brings the losses to 50 ≤ 100.
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 100, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "RECEIVABLE", 50, 150, null],
        ["F0", "L2", null, 0, -100, null],
      ],
    });
    expect(ruleIn(fund, "OFS-LOSS")?.status).toBe("incomplete");
  });

  it("finding 12: 0.02 of maximum losses over an asset of 0.01, a loan valued below zero, and a row of blank class whose maxLoss is unreadable: incomplete, not a breach", () => {
    // docs/workbook-format.md: losses read beyond the limit are a breach « unless an amount of the
    // fund is below zero »: the row of blank class may be an exposure, and its unread maximum loss
    // may be below zero as the loan's fair value is, bringing the losses within the asset.
    const rows = [OFS_HOLDINGS, ["F0", "L1", "RECEIVABLE", -5000, 0.02, null]];
    const alone = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 0.01, 0, 0]],
      Holdings: rows,
    });
    expect(ruleIn(alone, "OFS-LOSS")?.status).toBe("breach");
    for (const maxLoss of ["n/a", null]) {
      const fund = fundOf({
        Funds: [OFS_COLUMNS, ["F0", "OFS", 0.01, 0, 0]],
        Holdings: [...rows, ["F0", "L2", null, 0, maxLoss, null]],
      });
      expect(ruleIn(fund, "OFS-LOSS")?.status).toBe("incomplete");
    }
  });

  it("finding 11: an advance in current account is a loan the OFS grants: its maximum loss of 150 over an asset of 100 is a breach, not a pass", () => {
    // VI: « au titre des tirages d'un prêt octroyé »; V: « peut … accorder des prêts ». LIVRE2 §2.8
    // names RECEIVABLE (loans granted) and leaves open which positions carry a maximum loss (§6 Q14):
    // leaving an advance out would overstate compliance.
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", 100, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "CURRENT_ACCOUNT_ADVANCE", 100, 150, null],
      ],
    });
    expect(ruleIn(fund, "OFS-LOSS")).toMatchObject({
      numerator: "150.00",
      status: "breach",
    });
  });

  it("finding 13: asset summed from the positions (blank totalAssets), 60 of maximum losses, and a cash line of -50 whose investmentDate is unreadable: sold or not, the asset is 50 or 100, so incomplete, not a breach", () => {
    // VI « la valeur de son actif »: blank totalAssets is the sum of the held positions' fair
    // values (WORKBOOK-FORMAT.md). Held, the cash line makes the asset 50 and the losses exceed it;
    // sold, the asset is 100 and they do not. docs/workbook-format.md: a maximum beyond its limit
    // is a breach « over a base known in full ».
    const withCash = (cash: number, investmentDate: unknown) =>
      ruleIn(
        fundOf({
          Funds: [OFS_COLUMNS, ["F0", "OFS", null, 0, 0]],
          Holdings: [
            OFS_HOLDINGS,
            ["F0", "L1", "RECEIVABLE", 100, 60, null],
            ["F0", "L2", "CASH", cash, null, investmentDate],
          ],
        }),
        "OFS-LOSS",
      );
    const unread = withCash(-50, "31/02/2025");
    expect(unread?.status).toBe("incomplete");
    // It says why: the base is not known in full, and the row cannot be placed.
    expect(unread?.reasons?.map((r) => r.code)).toEqual([
      "base-partial",
      "rows-unplaced",
    ]);
    // Read, the date settles it: held, the asset is 50 and 60 exceeds it.
    expect(withCash(-50, 45000)).toMatchObject({
      denominator: "50.00",
      status: "breach",
    });
    // Sold to the last cent (the asset 0), the same.
    expect(withCash(-100, "31/02/2025")?.status).toBe("incomplete");
    // A line of unread date worth more than zero can only lower the asset if sold: counted, the
    // asset is the most it can be, and losses beyond it stay a breach.
    const positive = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", null, 0, 0]],
      Holdings: [
        OFS_HOLDINGS,
        ["F0", "L1", "RECEIVABLE", 10, 60, null],
        ["F0", "L2", "CASH", 5, null, "31/02/2025"],
      ],
    });
    expect(ruleIn(positive, "OFS-LOSS")).toMatchObject({
      denominator: "15.00",
      status: "breach",
    });
  });

  it("finding 9: an asset worth 0 and no uncalled subscriptions, with a guarantee of 0.01 of maximum loss: it exceeds them, breach", () => {
    // « ne peuvent excéder » 0 + 0: any loss above zero exceeds it, whatever the ratio's division
    // gives (as SCPI-DEBT's maximum of 0, test/engine/livre2-oracle-findings.test.ts finding 1).
    const fund = fundOf({
      Funds: [OFS_COLUMNS, ["F0", "OFS", null, null, 0]],
      Holdings: [OFS_HOLDINGS, ["F0", "L1", "GUARANTEE", 0, 0.01, null]],
    });
    expect(ruleIn(fund, "OFS-LOSS")).toMatchObject({
      numerator: "0.01",
      denominator: "0.00",
      status: "breach",
    });
  });
});
