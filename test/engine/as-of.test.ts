import { describe, expect, it } from "vitest";
import { defaultAsOf, lastMonthEndBefore } from "../../src/engine/as-of";

describe("default as-of: the last calendar month-end before today", () => {
  it("on 2 December tests 30 November", () => {
    expect(lastMonthEndBefore("2026-12-02")).toBe("2026-11-30");
  });
  it("on a month-end itself still tests the month before (its books are not closed)", () => {
    expect(lastMonthEndBefore("2026-12-31")).toBe("2026-11-30");
  });
  it("on the first of the month tests the day before", () => {
    expect(lastMonthEndBefore("2026-03-01")).toBe("2026-02-28");
    expect(lastMonthEndBefore("2028-03-01")).toBe("2028-02-29");
  });
  it("at the turn of a year tests 31 December of the year before", () => {
    expect(lastMonthEndBefore("2027-01-01")).toBe("2026-12-31");
    expect(lastMonthEndBefore("2027-01-15")).toBe("2026-12-31");
  });
  it("reads the local calendar date of the clock", () => {
    expect(defaultAsOf(new Date(2026, 0, 1, 0, 5))).toBe("2025-12-31");
    expect(defaultAsOf(new Date(2026, 6, 31, 23, 55))).toBe("2026-06-30");
  });
});
