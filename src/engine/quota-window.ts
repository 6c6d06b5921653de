import { addMonths, addYears, type IsoDate } from "./dates";
import { L214_28, requireVersion } from "../law";
import type { FundContext } from "./fund-context";
import { reason } from "./reasons";
import type { QuotaWindow } from "./result";

/**
 * L. 214-28 V: the quota binds "au plus tard lors de l'inventaire de clôture de l'exercice
 * suivant l'exercice de la constitution … et jusqu'à la clôture du cinquième exercice".
 * Financial year 1 ends on firstYearEnd; later years end on its anniversaries, so the window
 * runs from the close of year 2 to the close of year 5, both days included.
 */
export function quotaWindow(
  ctx: FundContext,
  article = "L. 214-28 V",
): QuotaWindow | undefined {
  const f = ctx.fund;
  if (f.firstYearEnd === undefined) {
    ctx.needFund("firstYearEnd", { purpose: "quota-window" });
    return undefined;
  }
  if (f.constitutionDate !== undefined) {
    if (f.firstYearEnd <= f.constitutionDate) {
      ctx.warn(
        "Funds",
        f.row,
        "firstYearEnd",
        reason("first-year-end-too-early", {
          firstYearEnd: f.firstYearEnd,
          constitutionDate: f.constitutionDate,
        }),
      );
    } else if (f.firstYearEnd > addMonths(f.constitutionDate, 18)) {
      ctx.warn(
        "Funds",
        f.row,
        "firstYearEnd",
        reason("first-year-too-long", {
          firstYearEnd: f.firstYearEnd,
          constitutionDate: f.constitutionDate,
        }),
      );
    }
  }
  return {
    // Year n closes n - 1 years after the first year end (src/law/l214-28.ts, V).
    from: addYears(
      f.firstYearEnd,
      requireVersion(L214_28.windowFirstYear, ctx.asOf).value - 1,
    ),
    until: addYears(
      f.firstYearEnd,
      requireVersion(L214_28.windowLastYear, ctx.asOf).value - 1,
    ),
    article,
  };
}

export function isWithin(window: QuotaWindow, date: IsoDate): boolean {
  return (
    window.from <= date && (window.until === undefined || date <= window.until)
  );
}
