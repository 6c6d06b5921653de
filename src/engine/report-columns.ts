/** The columns of a rule row, as the report sheet and the command line's --out file both write them. */
export const RULE_HEADERS = [
  "Fund",
  "Fund name",
  "Type",
  "Rule",
  "Article",
  "Value",
  "Threshold",
  "Status",
  "Headroom EUR",
  "Message",
];
