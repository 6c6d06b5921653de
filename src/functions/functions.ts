/* global CustomFunctions */
// The worksheet functions =QUOTA.… . Metadata (functions.json) is generated from the JSDoc
// below; the work is done by formulas.ts, which tests call without the Office runtime.
import {
  FormulaError,
  quotaCheck,
  quotaHeadroom,
  quotaPosition,
  quotaRatio,
  quotaReport,
  quotaStatus,
} from "./formulas";

function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    const code =
      e instanceof FormulaError && e.code === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    throw new CustomFunctions.Error(
      code,
      e instanceof Error ? e.message : String(e),
    );
  }
}

/**
 * Ratio of a quota rule for a fund, as a fraction (0.5312 for 53.12 %).
 * @customfunction RATIO
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns The ratio; #N/A when a value the rule needs cannot be read.
 */
export function ratio(
  rule: string,
  fundId: any,
  funds: any[][],
  holdings: any[][],
  asOf?: any,
  holders?: any[][],
): number {
  return run(() => quotaRatio(rule, fundId, funds, holdings, asOf, holders));
}

/**
 * Status of a quota rule for a fund: pass, warning, breach, not-binding or incomplete.
 * @customfunction STATUS
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns The status of the rule.
 */
export function status(
  rule: string,
  fundId: any,
  funds: any[][],
  holdings: any[][],
  asOf?: any,
  holders?: any[][],
): string {
  return run(() => quotaStatus(rule, fundId, funds, holdings, asOf, holders));
}

/**
 * Headroom of a quota rule in EUR: the cushion above a minimum (or below a maximum); negative, the shortfall to cure.
 * @customfunction HEADROOM
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns The headroom in EUR.
 */
export function headroom(
  rule: string,
  fundId: any,
  funds: any[][],
  holdings: any[][],
  asOf?: any,
  holders?: any[][],
): number {
  return run(() => quotaHeadroom(rule, fundId, funds, holdings, asOf, holders));
}

/**
 * Every rule of a fund: rule, article, value, threshold, status and headroom, spilled as a table.
 * @customfunction REPORT
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns One row per rule, under a header row.
 */
export function report(
  fundId: any,
  funds: any[][],
  holdings: any[][],
  asOf?: any,
  holders?: any[][],
): any[][] {
  return run(() => quotaReport(fundId, funds, holdings, asOf, holders));
}

/**
 * What one position contributes to a rule in EUR, or why it is excluded, with the article.
 * @customfunction POSITION
 * @param rule Rule ID, for example "FCPR-Q50".
 * @param fundId Fund ID, as in the fundId column of the Funds table.
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param lineId The position's lineId.
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns The amount counted, or the reason for the exclusion.
 */
export function position(
  rule: string,
  fundId: any,
  funds: any[][],
  holdings: any[][],
  lineId: any,
  asOf?: any,
  holders?: any[][],
): any {
  return run(() =>
    quotaPosition(rule, fundId, funds, holdings, lineId, asOf, holders),
  );
}

/**
 * Every fund's worst status, with its counts of breaches, warnings and incomplete rules, spilled as a table.
 * @customfunction CHECK
 * @param funds The Funds table with its header row, for example Funds[#All].
 * @param holdings The Holdings table with its header row, for example Holdings[#All].
 * @param [asOf] Test date (default: the last month-end before today).
 * @param [holders] The Holders table with its header row, for example Holders[#All]; needed for the holder caps of an FIP.
 * @returns One row per fund, under a header row.
 */
export function check(
  funds: any[][],
  holdings: any[][],
  asOf?: any,
  holders?: any[][],
): any[][] {
  return run(() => quotaCheck(funds, holdings, asOf, holders));
}
