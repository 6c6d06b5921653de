import type { ConditionText } from "../conditions";
import type { Direction, Operator, RuleDefinition } from "../result";

/** A rule as data, one argument a line: ID, article, direction, operator, the article's own words, titles. */
export const rule = (
  id: string,
  article: string,
  direction: Direction,
  operator: Operator | undefined,
  wording: string,
  en: string,
  fr: string,
): RuleDefinition => ({
  id,
  article,
  direction,
  ...(operator && { operator }),
  wording,
  title: { en, fr },
});

/** One condition of a rule that has several, as its article words it. */
export const condition = (
  id: string,
  article: string,
  wording: string,
  en: string,
  fr: string,
): ConditionText => ({ id, article, wording, title: { en, fr } });
