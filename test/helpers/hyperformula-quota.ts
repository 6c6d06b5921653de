// A test-and-benchmark harness (dev dependency, GPL-3.0, never shipped): registers the QUOTA.*
// functions in HyperFormula so that real formulas over real ranges are evaluated and recalculated.
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { FormulaError, quotaHeadroom, quotaPosition, quotaRatio, quotaStatus } from "../../src/functions/formulas";

type Args = unknown[];
type Ast = { args: Parameters<FunctionPlugin["runFunction"]>[0] };
type State = Parameters<FunctionPlugin["runFunction"]>[1];

/** HyperFormula's internal values to what Excel hands a custom function. */
function plain(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) return { error: `#${value.type}` };
  if (value && typeof value === "object" && "val" in value) return (value as { val: number }).val;
  return value;
}

function gridOf(range: unknown): unknown[][] {
  return range instanceof SimpleRangeValue ? range.rawData().map((row) => row.map(plain)) : [[plain(range)]];
}

function call(compute: () => unknown) {
  try {
    return compute();
  } catch (e) {
    if (e instanceof FormulaError) return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
    throw e;
  }
}

const A = FunctionArgumentType;
const ruleArgs = [{ argumentType: A.STRING }, { argumentType: A.SCALAR }, { argumentType: A.RANGE }, { argumentType: A.RANGE }];
const asOfArg = { argumentType: A.SCALAR, optionalArg: true };
const holdersArg = { argumentType: A.RANGE, optionalArg: true };

/** Counts how often the functions were called, so a benchmark can tell calls from cache hits. */
export const calls = { count: 0 };

export class QuotaPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "QUOTA.RATIO": { method: "ratio", parameters: [...ruleArgs, asOfArg, holdersArg] },
    "QUOTA.STATUS": { method: "status", parameters: [...ruleArgs, asOfArg, holdersArg] },
    "QUOTA.HEADROOM": { method: "headroom", parameters: [...ruleArgs, asOfArg, holdersArg] },
    "QUOTA.POSITION": { method: "position", parameters: [...ruleArgs, { argumentType: A.SCALAR }, asOfArg, holdersArg] },
  };

  private invoke(ast: Ast, state: State, name: string, fn: (...args: Args) => unknown) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: Args) => {
      calls.count++;
      const [rule, fund, funds, holdings, ...rest] = args;
      return call(() => fn(rule, plain(fund), gridOf(funds), gridOf(holdings), ...rest.map((v) => (v instanceof SimpleRangeValue ? gridOf(v) : plain(v))))) as never;
    });
  }

  ratio(ast: Ast, state: State) {
    return this.invoke(ast, state, "QUOTA.RATIO", quotaRatio as (...args: Args) => unknown);
  }
  status(ast: Ast, state: State) {
    return this.invoke(ast, state, "QUOTA.STATUS", quotaStatus as (...args: Args) => unknown);
  }
  headroom(ast: Ast, state: State) {
    return this.invoke(ast, state, "QUOTA.HEADROOM", quotaHeadroom as (...args: Args) => unknown);
  }
  position(ast: Ast, state: State) {
    return this.invoke(ast, state, "QUOTA.POSITION", quotaPosition as (...args: Args) => unknown);
  }
}

let registered = false;
export function registerQuotaPlugin(): void {
  if (registered) return;
  const names = Object.keys(QuotaPlugin.implementedFunctions);
  HyperFormula.registerFunctionPlugin(QuotaPlugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  registered = true;
}

export function quotaWorkbook(sheets: Record<string, unknown[][]>, maxRows = 200_000): HyperFormula {
  registerQuotaPlugin();
  return HyperFormula.buildFromSheets(sheets as Record<string, (string | number | boolean | null)[][]>, { licenseKey: "gpl-v3", maxRows, smartRounding: false });
}
