// The custom-function side of the strict Excel host: how Excel calls a function of the add-in and
// takes its results. What it enforces, and where the behaviour is written down:
// - An optional argument left out arrives as null (office-js-docs-pr, docs/excel/custom-functions-parameter-options.md:
//   "When no value is specified for an optional parameter, Excel assigns it the value null").
// - A reference to a blank cell arrives as 0 on desktop Excel (Windows, Mac) and as null on Excel on
//   the web (OfficeDev/office-js issues #4702, #5262, #1951).
// - A reference to a cell holding an error: Excel does not call the function and the cell shows the
//   error, unless the metadata sets allowErrorForDataTypeAny, in which case the error is passed in
//   (docs/excel/custom-functions-errors.md, "Errors as custom function inputs").
// - About 5 MB per custom-function argument on Excel on the web (OfficeDev/office-js #4654).
// - A streaming function reports through invocation.setResult, as often as it likes; Excel calls
//   invocation.onCanceled when the cell is edited or deleted, or when an argument changes, and then
//   starts a new call (docs/excel/custom-functions-web-reqs.md, "Streaming and cancelable functions").

export type Platform = "desktop" | "web";

/** An argument as the formula gives it: a literal, a reference to one cell, or left out. */
export type Argument =
  | { literal: string | number | boolean }
  | { cell: string | number | boolean | null | { error: string } }
  | { omitted: true };

export const literal = (value: string | number | boolean): Argument => ({
  literal: value,
});
export const cell = (
  value: string | number | boolean | null | { error: string },
): Argument => ({ cell: value });
export const omitted: Argument = { omitted: true };

/** Excel on the web refuses a custom-function argument over about 5 MB. */
export const ARGUMENT_LIMIT_BYTES = 5 * 1024 * 1024;

const ERROR_CODES: Record<string, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/** The CustomFunctions global the functions bundle expects: Error and ErrorCode, as custom-functions-runtime declares them. */
export class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

export function installCustomFunctionsGlobal(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = { Error: CustomFunctionError, ErrorCode: ERROR_CODES };
}

/** What the cell shows: a value, or an error with its message. */
export type Shown =
  | { value: unknown }
  | { error: string; message: string };

export interface Call {
  /** Every result the function set, in order. */
  results: Shown[];
  /** The cell's current result; undefined while the function has set none (#BUSY!). */
  latest(): Shown | undefined;
  /** Resolves with the next result the function sets. */
  next(): Promise<Shown>;
  /** The cell is edited or deleted, or an argument changed. */
  cancel(): void;
  /** Whether Excel called the function at all (not with an error argument, by default). */
  called: boolean;
}

function shown(value: unknown): Shown {
  if (value instanceof Error) {
    const code = (value as { code?: string }).code ?? "#VALUE!";
    return { error: code, message: value.message };
  }
  return { value };
}

export interface CallOptions {
  platform: Platform;
  /** The metadata's allowErrorForDataTypeAny. */
  allowErrors?: boolean;
}

/** Marshals each argument as the platform does, then calls the streaming function. */
export function callStreaming(
  fn: (...args: any[]) => void,
  args: Argument[],
  options: CallOptions,
): Call {
  installCustomFunctionsGlobal();
  const results: Shown[] = [];
  const waiting: ((s: Shown) => void)[] = [];
  let onCanceled: (() => void) | undefined;
  const call: Call = {
    results,
    latest: () => results[results.length - 1],
    next: () => new Promise((resolve) => waiting.push(resolve)),
    cancel: () => onCanceled?.(),
    called: false,
  };
  const values: unknown[] = [];
  for (const arg of args) {
    if ("omitted" in arg) values.push(null);
    else if ("literal" in arg) values.push(arg.literal);
    else if (arg.cell === null) values.push(options.platform === "desktop" ? 0 : null);
    else if (typeof arg.cell === "object") {
      if (!options.allowErrors) {
        // Excel shows the argument's error in the cell and never calls the function.
        results.push({ error: arg.cell.error, message: "" });
        return call;
      }
      values.push(new CustomFunctionError(arg.cell.error));
    } else values.push(arg.cell);
  }
  for (const v of values) {
    const bytes = Buffer.byteLength(JSON.stringify(v ?? null), "utf8");
    if (bytes > ARGUMENT_LIMIT_BYTES)
      throw new Error(`A custom-function argument of ${bytes} bytes is over Excel's ${ARGUMENT_LIMIT_BYTES}-byte limit.`);
  }
  const invocation = {
    setResult(value: unknown) {
      const s = shown(value);
      results.push(s);
      for (const w of waiting.splice(0)) w(s);
    },
    set onCanceled(handler: (() => void) | undefined) {
      onCanceled = handler;
    },
    get onCanceled() {
      return onCanceled;
    },
  };
  call.called = true;
  fn(...values, invocation);
  return call;
}
