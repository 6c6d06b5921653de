/**
 * The strict host: Microsoft's Excel client (client.ts) whose every context.sync() is answered
 * here, against an emulated workbook (workbook.ts, objects.ts), enforcing what Excel enforces.
 *
 * Sources for the host behaviours emulated here:
 * - Request and response payload limits (5 MB on Excel on the web) and the error names:
 *   office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md
 *   ("Excel add-ins … payload size limit for requests and responses … 5 MB"); the client maps
 *   5103/5104 to RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 *   (excel-web-16.00.debug.js, RichApiMessageUtility).
 * - Cell-edit mode: Excel.RunOptions.delayForCellEdit (office-js-docs-pr, excel.runoptions):
 *   without it a batch fails while the user edits a cell; the client sets request flag 64.
 * - Requests run action by action and stop at the first failure: what ran before stays done
 *   (no transaction; office-js-docs-pr, OfficeExtension.Error: traceMessages lists the commands
 *   "executed before the error occurred", and its example batch keeps the paragraphs it
 *   inserted before failing).
 */
import {
  loadOfficeClient,
  type OfficeClient,
  type RichApiResult,
} from "./client";
import { HostObject, WorkbookObject } from "./objects";
import {
  type HostCell,
  HostFault,
  HostWorkbook,
  intersects,
  rectAddress,
} from "./workbook";

export const MB = 1024 * 1024;
export const FLAG_DELAY_FOR_CELL_EDIT = 64;

/** Office's own error codes for the failures the client maps itself (TOOLCHAIN.md). */
export const OOE = {
  requestPayloadSizeLimitExceeded: 5103,
  responsePayloadSizeLimitExceeded: 5104,
  invalidOperationInCellEditMode: 5004,
} as const;

export interface RequestRecord {
  /** 1-based, in the order the host received them. */
  index: number;
  /** UTF-8 bytes of the request body the client sent. */
  bytes: number;
  /** UTF-8 bytes of the response body (0 when the request was refused). */
  responseBytes: number;
  flags: number;
  actions: number;
  /** What the host answered: "ok", an Office error number, or an Excel error code. */
  outcome: "ok" | number | string;
  /** The action names and path names, for assertions on what the add-in asked. */
  names: string[];
}

export interface ScriptedFailure {
  /** Excel error code in the response body (default GeneralException). */
  code?: string;
  /** How many actions run before the failure (default: half of them): Excel has no rollback. */
  afterActions?: number;
  /** Or refuse the whole request at the transport with this Office error number. */
  officeError?: number;
}

export interface HostOptions {
  /** Requirement sets answered by Office.context.requirements.isSetSupported. */
  requirementSets?: Record<string, string>;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  displayLanguage?: string;
}

export const DEFAULT_REQUIREMENT_SETS: Record<string, string> = {
  ExcelApi: "1.20",
  DelayForCellEdit: "1.0",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.3",
};

type Path = {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
};
type Action = {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: {
    Select?: string[];
    Expand?: string[];
    Top?: number;
    Skip?: number;
  };
};

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class ExcelHost {
  readonly workbook = new HostWorkbook();
  readonly requests: RequestRecord[] = [];
  readonly client: OfficeClient;
  readonly settings = new Map<string, unknown>();
  /** The user is typing in a cell: batches without delayForCellEdit fail. */
  cellEditMode = false;
  requestLimitBytes: number;
  responseLimitBytes: number;
  private failures = new Map<number, ScriptedFailure>();
  private refs = new Map<string, HostObject>();
  private nextRef = 1;
  private installed: Record<string, unknown> | undefined;

  constructor(options: HostOptions = {}) {
    this.requestLimitBytes = options.requestLimitBytes ?? 5 * MB;
    this.responseLimitBytes = options.responseLimitBytes ?? 5 * MB;
    this.client = loadOfficeClient({
      execute: (message, callback) => this.execute(message, callback),
      requirementSets: options.requirementSets ?? DEFAULT_REQUIREMENT_SETS,
      settings: this.settings,
      displayLanguage: options.displayLanguage ?? "fr-FR",
    });
  }

  get Excel(): typeof Excel {
    return this.client.Excel;
  }

  /** Excel.run of the real client, answered by this host. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
  run(...args: unknown[]): Promise<unknown> {
    return (this.client.Excel.run as (...a: unknown[]) => Promise<unknown>)(
      ...args,
    );
  }

  /** Makes Excel, Office and OfficeExtension globals, for code under test that uses them. */
  install(): this {
    const g = globalThis as Record<string, unknown>;
    this.installed ??= {
      Excel: g.Excel,
      Office: g.Office,
      OfficeExtension: g.OfficeExtension,
    };
    g.Excel = this.client.Excel;
    g.Office = this.client.Office;
    g.OfficeExtension = this.client.OfficeExtension;
    return this;
  }

  uninstall(): void {
    if (!this.installed) return;
    Object.assign(globalThis, this.installed);
    this.installed = undefined;
  }

  /**
   * The user types values into a sheet (top-left cell, zero-based): the cells change, then the
   * host raises onChanged for every table the edit touches (event type 101) and for the sheet
   * (event type 10), as Excel does after an edit. Resolves once the handlers have been called.
   */
  async userEdits(
    sheetName: string,
    row: number,
    column: number,
    values: HostCell[][],
  ): Promise<void> {
    const sheet = this.workbook.sheet(sheetName);
    values.forEach((line, i) =>
      line.forEach((v, j) => sheet.setCell(row + i, column + j, v)),
    );
    this.workbook.writeStamp++;
    const rect = {
      r0: row,
      c0: column,
      r1: row + values.length - 1,
      c1: column + Math.max(1, ...values.map((l) => l.length)) - 1,
    };
    const address = rectAddress(rect);
    const entry = (
      type: number,
      targetId: string,
      extra: Record<string, unknown>,
    ) => ({
      messageCategory: 65536,
      messageType: type,
      targetId,
      message: JSON.stringify({
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheet.id,
        address,
        ...extra,
      }),
    });
    const entries = [
      ...this.workbook.tables
        .filter((t) => t.sheet === sheet && intersects(t.rect, rect))
        .map((t) => entry(101, t.id, { tableId: t.id })),
      entry(10, sheet.id, {}),
    ];
    this.client.deliver({ entries });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** The request that is the Nth from now (1 = the next one) fails as scripted. */
  failRequest(nth: number, failure: ScriptedFailure = {}): void {
    this.failures.set(this.requests.length + nth, failure);
  }

  maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }
  maxResponseBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
  clearRequests(): void {
    this.requests.length = 0;
    this.failures.clear();
  }

  private execute(
    message: unknown[],
    callback: (result: RichApiResult) => void,
  ): void {
    const body = String(message[4]);
    const flags = Number(message[6] ?? 0);
    const bytes = Buffer.byteLength(body, "utf8");
    const request = JSON.parse(body) as {
      Actions: Action[];
      ObjectPaths: Record<string, Path>;
    };
    const record: RequestRecord = {
      index: this.requests.length + 1,
      bytes,
      responseBytes: 0,
      flags,
      actions: request.Actions.length,
      outcome: "ok",
      names: request.Actions.map(
        (a) => a.Name || request.ObjectPaths[a.ObjectPathId]?.Name || "",
      ).filter(Boolean),
    };
    this.requests.push(record);
    const refuse = (code: number) => {
      record.outcome = code;
      setTimeout(
        () =>
          callback({
            status: "failed",
            error: { code, message: `Office error ${code}` },
          }),
        0,
      );
    };
    const scripted = this.failures.get(record.index);
    if (scripted?.officeError) return refuse(scripted.officeError);
    if (bytes > this.requestLimitBytes)
      return refuse(OOE.requestPayloadSizeLimitExceeded);
    if (this.cellEditMode && !(flags & FLAG_DELAY_FOR_CELL_EDIT))
      return refuse(OOE.invalidOperationInCellEditMode);

    const stopAt = scripted
      ? (scripted.afterActions ?? Math.floor(request.Actions.length / 2))
      : Infinity;
    const response = this.process(
      request,
      stopAt,
      scripted?.code ?? "GeneralException",
    );
    const text = JSON.stringify(response);
    record.responseBytes = Buffer.byteLength(text, "utf8");
    if (record.responseBytes > this.responseLimitBytes)
      return refuse(OOE.responsePayloadSizeLimitExceeded);
    if (response.Error) record.outcome = response.Error.Code;
    setTimeout(
      () => callback({ status: "succeeded", value: { data: [200, [], text] } }),
      0,
    );
  }

  private process(
    request: { Actions: Action[]; ObjectPaths: Record<string, Path> },
    stopAt: number,
    stopCode: string,
  ): {
    Results: { ActionId: number; Value: unknown }[];
    Error?: { Code: string; Message: string; Location: string };
  } {
    const memo = new Map<number, HostObject | null>();
    const root = new WorkbookObject(this.workbook);
    const args = (info: Path["ArgumentInfo"]): unknown[] =>
      (info?.Arguments ?? []).map((a, i) => {
        const ref = info?.ReferencedObjectPathIds?.[i];
        return ref ? resolve(ref) : a;
      });
    const resolve = (id: number): HostObject | null => {
      if (memo.has(id)) return memo.get(id)!;
      const p = request.ObjectPaths[id];
      if (!p)
        throw new HostFault("InvalidObjectPath", `Unknown object path ${id}.`);
      let obj: HostObject | null;
      switch (p.ObjectPathType) {
        case 1:
          obj = root;
          break;
        case 6:
          obj = this.refs.get(p.Name) ?? null;
          if (!obj)
            throw new HostFault(
              "InvalidObjectPath",
              `Unknown reference ${p.Name}.`,
            );
          break;
        case 7:
          obj = null;
          break;
        default: {
          const parent = resolve(p.ParentObjectPathId!);
          if (parent === null) obj = null;
          else if (p.ObjectPathType === 4) obj = parent.nav(p.Name);
          else if (p.ObjectPathType === 5)
            obj = findItem(parent, args(p.ArgumentInfo));
          else if (p.ObjectPathType === 3)
            obj = parent.call(
              p.Name,
              args(p.ArgumentInfo),
            ) as HostObject | null;
          else
            throw new HostFault(
              "NotImplemented",
              `Object path type ${p.ObjectPathType} is not emulated.`,
            );
        }
      }
      memo.set(id, obj);
      return obj;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    for (let i = 0; i < request.Actions.length; i++) {
      const a = request.Actions[i];
      if (i >= stopAt)
        return {
          Results: results,
          Error: {
            Code: stopCode,
            Message: "The host failed this request (scripted).",
            Location: "",
          },
        };
      // Reference bookkeeping (_KeepReference, _RemoveReference) and the client's own size check.
      if (a.ActionType === 3 && a.Name.startsWith("_")) continue;
      // Trace markers (context.trace, and the client's own after an event registration) do no
      // work, but the client runs its callbacks when their result comes back.
      if (a.ActionType === 5) {
        results.push({ ActionId: a.Id, Value: null });
        continue;
      }
      try {
        const obj = resolve(a.ObjectPathId);
        obj?.alive();
        switch (a.ActionType) {
          case 1:
            results.push({
              ActionId: a.Id,
              Value:
                obj === null ? null : instantiated(obj, () => this.keep(obj)),
            });
            break;
          case 2:
            results.push({
              ActionId: a.Id,
              Value: obj === null ? null : project(obj, a.QueryInfo),
            });
            break;
          case 3:
            if (obj === null)
              throw new HostFault(
                "InvalidObjectPath",
                "The object is a null object.",
              );
            results.push({
              ActionId: a.Id,
              Value: normalise(obj.call(a.Name, args(a.ArgumentInfo))),
            });
            break;
          case 4:
            if (obj === null)
              throw new HostFault(
                "InvalidObjectPath",
                "The object is a null object.",
              );
            obj.set(camel(a.Name), args(a.ArgumentInfo)[0]);
            break;
          default:
            throw new HostFault(
              "NotImplemented",
              `Action type ${a.ActionType} is not emulated.`,
            );
        }
      } catch (e) {
        if (!(e instanceof HostFault)) throw e;
        return {
          Results: results,
          Error: { Code: e.code, Message: e.message, Location: "" },
        };
      }
    }
    return { Results: results };
  }

  private keep(obj: HostObject): string {
    const id = `ref${this.nextRef++}`;
    this.refs.set(id, obj);
    return id;
  }
}

function findItem(parent: HostObject, args: unknown[]): HostObject {
  const it = (
    parent as { find?: (k: string) => HostObject | undefined }
  ).find?.(String(args[0]));
  if (!it)
    throw new HostFault(
      "ItemNotFound",
      `The requested resource ${String(args[0])} doesn't exist.`,
    );
  return it;
}

/** What Excel answers to an instantiate: a reference for entities, and the id where the class reads one. */
function instantiated(
  obj: HostObject,
  keep: () => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (obj.entity) out._ReferenceId = keep();
  if (obj.reportsId) out.Id = obj.itemId?.();
  return out;
}

function normalise(v: unknown): unknown {
  return v instanceof HostObject ? null : (v ?? null);
}

function project(obj: HostObject, query: Action["QueryInfo"]): unknown {
  const one = (o: HostObject, select: string[] | undefined) => {
    const out: Record<string, unknown> = {};
    const names = select && select.length ? select : o.scalars();
    for (const n of names) {
      if (n.includes("/"))
        throw new HostFault("NotImplemented", `Loading ${n} is not emulated.`);
      out[pascal(n)] = o.get(n);
    }
    const id = o.itemId?.();
    if (id !== undefined) out._Id = id;
    return out;
  };
  if (obj.items) {
    let items = obj.items();
    if (query?.Skip) items = items.slice(query.Skip);
    if (query?.Top !== undefined && query.Top >= 0)
      items = items.slice(0, query.Top);
    return { _Items: items.map((o) => one(o, query?.Select)) };
  }
  return one(obj, query?.Select);
}

export function createExcelHost(options: HostOptions = {}): ExcelHost {
  return new ExcelHost(options);
}
