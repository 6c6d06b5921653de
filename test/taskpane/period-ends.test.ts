import { describe, expect, it } from "vitest";
import { periodEnds } from "../../src/taskpane/period-ends";
import { dateChoices } from "../../src/taskpane/components/AsOfBar";

describe("a fund's own closing dates, from its first financial year-end", () => {
  it("takes the last anniversary on or before today, and the half-year end before today", () => {
    expect(periodEnds("2023-12-31", "2026-12-02")).toEqual({ yearEnd: "2025-12-31", halfYearEnd: "2026-06-30" });
    expect(periodEnds("2023-06-30", "2026-12-02")).toEqual({ yearEnd: "2026-06-30", halfYearEnd: "2025-12-31" });
    expect(periodEnds("2023-03-31", "2026-12-02")).toEqual({ yearEnd: "2026-03-31", halfYearEnd: "2026-09-30" });
  });

  it("counts a year-end falling today as past", () => {
    expect(periodEnds("2023-12-31", "2026-12-31")).toEqual({ yearEnd: "2026-12-31", halfYearEnd: "2026-06-30" });
  });

  it("keeps a month-end a month-end: 30 June plus six months is 31 December, 28 February becomes 29 February in a leap year", () => {
    expect(periodEnds("2022-06-30", "2023-01-05")?.halfYearEnd).toBe("2022-12-31");
    expect(periodEnds("2023-02-28", "2024-03-01")?.yearEnd).toBe("2024-02-29");
    expect(periodEnds("2023-08-31", "2024-03-01")?.halfYearEnd).toBe("2024-02-29");
  });

  it("offers nothing before the first year-end, or without one", () => {
    expect(periodEnds("2027-12-31", "2026-12-02")).toBeUndefined();
    expect(periodEnds(undefined, "2026-12-02")).toBeUndefined();
  });

  it("groups funds that share a date into one choice, latest first", () => {
    const choices = dateChoices(
      [
        { fundId: "A", firstYearEnd: "2023-12-31" },
        { fundId: "B", fundName: "Fonds B", firstYearEnd: "2022-12-31" },
        { fundId: "C", firstYearEnd: "2023-06-30" },
      ],
      "2026-12-02",
    );
    expect(choices).toEqual([
      { date: "2026-06-30", yearEnd: ["C"], halfYearEnd: ["A", "Fonds B"] },
      { date: "2025-12-31", yearEnd: ["A", "Fonds B"], halfYearEnd: ["C"] },
    ]);
  });
});
