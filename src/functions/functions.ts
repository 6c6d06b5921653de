/* global CustomFunctions, Office */
// The worksheet functions =QUOTA.… . Metadata (functions.json) is generated from the JSDoc below.
// Each function streams: it answers from the shared workbook model and answers again whenever the
// model is re-read after an edit, until Excel cancels the call (the cell is edited or deleted, or
// an argument changes, which starts a new call). The answers themselves are in formulas.ts.
import {
  sharedWorkbookModel,
  type ModelSnapshot,
} from "../excel/workbook-model";
import {
  type Answer,
  checkAnswer,
  FormulaError,
  headroomAnswer,
  positionAnswer,
  ratioAnswer,
  reportAnswer,
  statusAnswer,
} from "./formulas";
import { type Language, languageOf, MESSAGES } from "./texts";
import { errorText } from "../present/reasons";
import { whatIfAnswer } from "./whatif-formula";

function displayLanguage(): Language {
  try {
    return languageOf(
      typeof Office === "undefined"
        ? undefined
        : Office.context?.displayLanguage,
    );
  } catch {
    return "en";
  }
}

function cellError(e: unknown): CustomFunctions.Error {
  const code =
    e instanceof FormulaError && e.code === "#N/A"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(
    code,
    e instanceof Error ? e.message : String(e),
  );
}

/** What a cell shows for a snapshot: the answer, or the error that stands in for it. */
function resultFor<T>(
  answer: Answer<T>,
  snapshot: ModelSnapshot,
  language: Language,
): T | CustomFunctions.Error {
  try {
    if (snapshot.status === "error" || !snapshot.workbook)
      throw new FormulaError(
        "#N/A",
        MESSAGES[language].readFailed(
          snapshot.failure === undefined
            ? (snapshot.error ?? "")
            : errorText(snapshot.failure, language),
        ),
      );
    return answer(snapshot.workbook);
  } catch (e) {
    return cellError(e);
  }
}

function sameResult(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof CustomFunctions.Error && b instanceof CustomFunctions.Error)
    return a.code === b.code && a.message === b.message;
  return (
    Array.isArray(a) &&
    Array.isArray(b) &&
    JSON.stringify(a) === JSON.stringify(b)
  );
}

/**
 * Checks the arguments at once (a bad one is shown without waiting for the workbook), then
 * answers from every snapshot of the model until Excel cancels the call. While the first read
 * is under way nothing is set, so Excel shows #BUSY! rather than a guess.
 */
function stream<T>(
  invocation: CustomFunctions.StreamingInvocation<T>,
  prepare: (language: Language) => Answer<T>,
): void {
  const language = displayLanguage();
  let answer: Answer<T>;
  try {
    answer = prepare(language);
  } catch (e) {
    invocation.setResult(cellError(e));
    return;
  }
  const model = sharedWorkbookModel();
  let last: unknown = undefined;
  const stop = model.subscribe((snapshot) => {
    const result = resultFor(answer, snapshot, language);
    if (last !== undefined && sameResult(last, result)) return;
    last = result;
    invocation.setResult(result);
  });
  invocation.onCanceled = stop;
  void model.start();
}

/**
 * Ratio of a quota rule for a fund, as a fraction (0.5312 for 53.12 %), from the workbook's Funds, Holdings and Holders tables.
 * @customfunction RATIO
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns The ratio; #N/A when a value the rule needs cannot be read.
 * @streaming
 */
export function ratio(
  rule: any,
  fundId: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (language) => ratioAnswer(rule, fundId, asOf, language));
}

/**
 * Status of a quota rule for a fund: pass, warning, breach, not-binding or incomplete.
 * @customfunction STATUS
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns The status of the rule.
 * @streaming
 */
export function status(
  rule: any,
  fundId: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<string>,
): void {
  stream(invocation, (language) => statusAnswer(rule, fundId, asOf, language));
}

/**
 * Headroom of a quota rule in EUR: the cushion above a minimum (or below a maximum); negative, the shortfall to cure.
 * @customfunction HEADROOM
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns The headroom in EUR.
 * @streaming
 */
export function headroom(
  rule: any,
  fundId: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (language) =>
    headroomAnswer(rule, fundId, asOf, language),
  );
}

/**
 * Every rule of a fund: rule, article, value, threshold, status, headroom and test date, spilled as a table.
 * @customfunction REPORT
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns One row per rule, under a header row.
 * @streaming
 */
export function report(
  fundId: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  stream(invocation, (language) => reportAnswer(fundId, asOf, language));
}

/**
 * What one position contributes to a rule in EUR, or why it is excluded, with the article.
 * @customfunction POSITION
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param lineId The position's lineId, as in the Holdings table.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns The amount counted, or the reason for the exclusion.
 * @streaming
 */
export function position(
  rule: any,
  fundId: any,
  lineId: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  stream(invocation, (language) =>
    positionAnswer(rule, fundId, lineId, asOf, language),
  );
}

/**
 * Every fund's worst status, with its counts of breaches, warnings and incomplete rules and the test date, spilled as a table.
 * @customfunction CHECK
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns One row per fund, under a header row.
 * @streaming
 */
export function check(
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  stream(invocation, (language) => checkAnswer(asOf, language));
}

/**
 * Pre-trade what-if: each rule of a fund before and after buying or selling a position, and the largest amount that keeps every rule met, spilled as a table.
 * @customfunction WHATIF
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param side "buy" or "sell".
 * @param amount Amount of the trade in EUR, at cost (a purchase's fair value is its cost).
 * @param [assetClass] Asset class of the position, as in the Holdings table (default EQUITY for a purchase).
 * @param [issuerId] Issuer of the position; for a sale, the issuer whose holdings are sold.
 * @param [listingStatus] UNLISTED (default), REGULATED, MTF_SME or MTF_OTHER.
 * @param [asOf] Test date; blank: the last month-end before today.
 * @param invocation Set by Excel.
 * @returns One row per rule under a header row, then the largest compliant amount and the rule that binds.
 * @streaming
 */
export function whatif(
  fundId: any,
  side: any,
  amount: any,
  assetClass: any,
  issuerId: any,
  listingStatus: any,
  asOf: any,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  stream(invocation, (language) =>
    whatIfAnswer(
      fundId,
      side,
      amount,
      assetClass,
      issuerId,
      listingStatus,
      asOf,
      language,
    ),
  );
}

// Start reading the workbook as soon as the runtime loads this bundle, so the first formula
// does not wait for it, and so the model exists with the task pane closed.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    if (typeof Excel !== "undefined") void sharedWorkbookModel().start();
  });
}
