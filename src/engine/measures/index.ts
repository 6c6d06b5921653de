/**
 * The measures every rule is written with (ARCHITECTURE.md, "Measures"): a share of a selection
 * (Tally), the largest group and the per-group cap (Groups, perGroupCap), the closed list and the
 * gate (Breaches), and the comparison that turns them into a result (compare).
 */
export { Breaches } from "./breaches";
export {
  type Comparison,
  compare,
  type Evaluation,
  isMeasured,
  measuredLike,
  limitOf,
  partialIsLeast,
} from "./compare";
export { type Group, Groups, perGroupCap } from "./groups";
export { count, fundBase, made, type Measure, Tally, unknownIn } from "./tally";
export {
  classifyingColumn,
  heldUnknown,
  unreadHoldingDate,
  reportUnplacedRows,
  settle,
  settleRowsOfNoFund,
} from "./uncertain";
