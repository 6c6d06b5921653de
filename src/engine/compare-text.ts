/**
 * Texts (ids, ISO dates) in code-point order, none first: the same order on every machine and in
 * every language, where a tie between rows must not be broken by the rows' order.
 */
export const compareText = (
  a: string | undefined,
  b: string | undefined,
): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;
