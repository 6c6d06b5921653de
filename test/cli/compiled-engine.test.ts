import { describe, expect, it } from "vitest";
import { checkWorkbook as checkFromSource } from "../../src/engine/check";
import { CheckedWorkbook as CheckedFromSource } from "../../src/workbook/checked-workbook";
import { tableFromValues as tableFromSource } from "../../src/workbook/range-grid";
import { readWorkbook as readFromSource } from "../../src/workbook/read-workbook";
import { fundsGrid, HOLDING_HEADERS, holdingsGrid } from "../../bench/data";
import * as compiled from "../../bench/product";

// `npm run bench` times the engine that fund-quota runs (dist/node, built by `npm test` and by
// `npm run bench` first): these tests hold that build to the source's reports, so that the
// figures are the figures of the engine the other tests check.
const AS_OF = "2025-12-31";
const funds = fundsGrid(3);
const holdings = holdingsGrid(3_000, 3);

describe("the engine the bench times (bench/product.ts)", () => {
  it("is the compiled build, not the source the tests import", () => {
    expect(compiled.checkWorkbook).not.toBe(checkFromSource);
    expect(compiled.CheckedWorkbook).not.toBe(CheckedFromSource);
  });

  it("gives the source's report on the bench's workbook", () => {
    const fromSource = checkFromSource(
      readFromSource({
        Funds: tableFromSource("Funds", funds),
        Holdings: tableFromSource("Holdings", holdings),
      }),
      { asOf: AS_OF },
    );
    const fromBuild = compiled.checkWorkbook(
      compiled.readWorkbook({
        Funds: compiled.tableFromValues("Funds", funds),
        Holdings: compiled.tableFromValues("Holdings", holdings),
      }),
      { asOf: AS_OF },
    );
    expect(fromSource.funds).toHaveLength(3);
    expect(fromBuild).toEqual(fromSource);
  });

  it("re-checks an edited cell to the source's report", () => {
    const cost = HOLDING_HEADERS.indexOf("costValue");
    const edit = {
      table: "Holdings" as const,
      row: 2,
      column: cost,
      value: 123_456.78,
    };
    const fromSource = new CheckedFromSource({
      Funds: tableFromSource("Funds", funds),
      Holdings: tableFromSource("Holdings", holdings),
    });
    const fromBuild = new compiled.CheckedWorkbook({
      Funds: compiled.tableFromValues("Funds", funds),
      Holdings: compiled.tableFromValues("Holdings", holdings),
    });
    fromSource.report(AS_OF);
    fromBuild.report(AS_OF);
    const editedSource = fromSource.withEdits([edit]);
    const editedBuild = fromBuild.withEdits([edit]);
    expect(editedBuild.report(AS_OF)).toEqual(editedSource.report(AS_OF));
    expect(editedBuild.fundsChecked).toBe(1);
    expect(editedBuild.report(AS_OF)).not.toEqual(fromBuild.report(AS_OF));
  });
});
