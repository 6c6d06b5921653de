import { addMonths, addYears, type IsoDate } from "./dates";
import { L214_28, requireVersion } from "../law";
import type { FundContext } from "./fund-context";
import { reason } from "./reasons";
import type { Fund } from "./model";
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
  const dates = windowDates(f, f.firstYearEnd, ctx.asOf);
  if (dates.tooEarly)
    ctx.warn(
      "Funds",
      f.row,
      "firstYearEnd",
      reason("first-year-end-too-early", {
        firstYearEnd: f.firstYearEnd,
        constitutionDate: f.constitutionDate!,
      }),
    );
  else if (dates.tooLong)
    ctx.warn(
      "Funds",
      f.row,
      "firstYearEnd",
      reason("first-year-too-long", {
        firstYearEnd: f.firstYearEnd,
        constitutionDate: f.constitutionDate!,
      }),
    );
  return { from: dates.from, until: dates.until, article };
}

/** What a fund's window is on a date, and what its first year's end says (the warnings above). */
interface WindowDates {
  asOf: IsoDate;
  firstYearEnd: IsoDate;
  constitutionDate: IsoDate | undefined;
  tooEarly: boolean;
  tooLong: boolean;
  from: IsoDate;
  until: IsoDate;
}

/** The last date's window of each fund: every re-check of a fund after an edit asks the same. */
const lastWindow = new WeakMap<Fund, WindowDates>();

function windowDates(
  f: Fund,
  firstYearEnd: IsoDate,
  asOf: IsoDate,
): WindowDates {
  const c = f.constitutionDate;
  const last = lastWindow.get(f);
  if (
    last !== undefined &&
    last.asOf === asOf &&
    last.firstYearEnd === firstYearEnd &&
    last.constitutionDate === c
  )
    return last;
  const tooEarly = c !== undefined && firstYearEnd <= c;
  const dates: WindowDates = {
    asOf,
    firstYearEnd,
    constitutionDate: c,
    tooEarly,
    tooLong:
      f.constitutionDate !== undefined &&
      !tooEarly &&
      firstYearEnd > addMonths(f.constitutionDate, 18),
    // Year n closes n - 1 years after the first year end (src/law/l214-28.ts, V).
    from: addYears(
      firstYearEnd,
      requireVersion(L214_28.windowFirstYear, asOf).value - 1,
    ),
    until: addYears(
      firstYearEnd,
      requireVersion(L214_28.windowLastYear, asOf).value - 1,
    ),
  };
  lastWindow.set(f, dates);
  return dates;
}

export function isWithin(window: QuotaWindow, date: IsoDate): boolean {
  return (
    window.from <= date && (window.until === undefined || date <= window.until)
  );
}
