import { CheckedWorkbook } from "../workbook/checked-workbook";
import type { CellEdit } from "../workbook/edits";
import type { CellValue } from "../workbook/grid";
import { readTables, type ReadResult, TABLE_NAMES } from "./read-tables";

/* global Excel */

/**
 * The one model of the workbook in the add-in's shared runtime. It reads Funds, Holdings and
 * Holders through readTables, checks them as `fund-quota check` does (CheckedWorkbook), and keeps
 * that current: a change to one of the tables (or a table of those names added later) schedules a
 * re-read after a pause, run with delayForCellEdit so that a user typing in a cell delays it
 * instead of failing it. The worksheet functions answer from it (with the task pane closed too)
 * and the pane reads its tables from it. A refused read is an error state, never the last pass.
 */

export type ModelStatus = "loading" | "ready" | "error";

export interface ModelSnapshot {
  status: ModelStatus;
  /** Counts the reads that ended (successful or not); each one is a new snapshot. */
  version: number;
  /** The checked workbook; only when status is "ready". */
  workbook?: CheckedWorkbook;
  /** The tables and where they are; only when status is "ready". */
  read?: ReadResult;
  /** Why the last read failed; only when status is "error". */
  error?: string;
  /** The failure itself, which may carry a reason code for the pane's message. */
  failure?: unknown;
}

/** How the model reaches Excel: Excel.run in the add-in, the host harness in tests. */
export interface ModelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** A user in cell-edit mode delays the request instead of failing it (Excel.RunOptions.delayForCellEdit). */
export const excelHost: ModelHost = {
  run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
};

/** Edits come in bursts while the accountant types or pastes: re-read after this pause. */
export const REREAD_DEBOUNCE_MS = 500;
/** After a failed read, try again on its own after this long (then twice, then thrice as long), three times. */
export const RETRY_AFTER_FAILURE_MS = 2000;
const RETRIES_AFTER_FAILURE = 3;
/**
 * Edits to at most this many Holdings cells are read on their own (one request) and re-check only
 * their funds; a larger change (a paste, a sort) reads the tables again.
 */
export const CELLS_READ_ON_THEIR_OWN = 2000;

/** A changed range of a sheet, zero-based, as a table change event gives its address. */
interface ChangedRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

type Listener = (snapshot: ModelSnapshot) => void;

export class WorkbookModelStore {
  private snapshot: ModelSnapshot = { status: "loading", version: 0 };
  private readonly listeners = new Set<Listener>();
  private readonly changeListeners = new Set<() => void>();
  private started?: Promise<void>;
  private inFlight?: Promise<void>;
  private again = false;
  private timer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private failuresInARow = 0;
  /** Ids of the tables read, and of the sheets read as tables, whose changes matter. */
  private watchedTables = new Set<string>();
  private watchedSheets = new Set<string>();
  /** Ids of every sheet holding one of the tables, for recalculations. */
  private dataSheets = new Set<string>();
  /** Tables and sheets whose own onChanged already calls the model. */
  private readonly heard = new Set<string>();
  private watching = false;
  /** The Holdings table's id: its cell edits can be read on their own. */
  private holdingsTableId?: string;
  /** Holdings ranges edited since the last read, when nothing else changed. */
  private editedRanges: ChangedRange[] = [];
  /** A change was seen that only a read of the whole tables takes in. */
  private wholeReadNeeded = false;
  /** Reads sent to the host, for tests and the bench. */
  reads = 0;
  /** Of those, reads of edited cells only. */
  cellReads = 0;

  constructor(
    private readonly host: ModelHost,
    private readonly debounceMs = REREAD_DEBOUNCE_MS,
    private readonly retryMs = RETRY_AFTER_FAILURE_MS,
  ) {}

  current(): ModelSnapshot {
    return this.snapshot;
  }

  /**
   * Answers from tables read elsewhere (the browser preview, tests) without reading Excel.
   * Listeners are told as after a read.
   */
  load(read: ReadResult): ModelSnapshot {
    this.started ??= Promise.resolve();
    this.snapshot = {
      status: "ready",
      version: this.snapshot.version + 1,
      workbook: checked(read, this.snapshot.workbook),
      read,
    };
    for (const listener of [...this.listeners]) listener(this.snapshot);
    return this.snapshot;
  }

  /** Watch the tables, then read them; later calls return the same promise. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.watch();
      await this.refresh();
    })();
    return this.started;
  }

  /** Calls back with every new snapshot, and at once with the current one when it is not loading. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.snapshot.status !== "loading") listener(this.snapshot);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stops scheduled reads (a closing document, the end of a test); listeners hear no more. */
  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = undefined;
    this.listeners.clear();
    this.changeListeners.clear();
  }

  /** Whether table changes reach the model; without them, a reader should ask for a fresh read. */
  get watchingChanges(): boolean {
    return this.watching;
  }

  /** True while a change has been seen that the current snapshot does not include yet. */
  get pending(): boolean {
    return this.timer !== undefined || this.inFlight !== undefined;
  }

  /**
   * Calls back when a change to the tables is seen, once per burst, before the re-read it
   * schedules (the pane's live re-check; its readTables then waits for that re-read).
   */
  onTablesChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  /**
   * A change was seen: re-read after a pause, so a burst of edits costs one read. Without the
   * range it changed (or for a range outside Holdings' cells), the whole tables are read again.
   */
  schedule(edited?: ChangedRange): void {
    // The collection's event and the table's own both report an edit: keep each range once.
    const same = (r: ChangedRange) =>
      edited !== undefined &&
      r.row === edited.row &&
      r.column === edited.column &&
      r.rows === edited.rows &&
      r.columns === edited.columns;
    if (!edited || this.editedRanges.length >= 100) this.wholeReadNeeded = true;
    else if (!this.editedRanges.some(same)) this.editedRanges.push(edited);
    const burstStarts = this.timer === undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.debounceMs);
    if (burstStarts)
      for (const listener of [...this.changeListeners]) listener();
  }

  /** Re-reads now (a read already under way is followed by one more) and returns the new snapshot. */
  async refresh(): Promise<ModelSnapshot> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.inFlight) {
      this.again = true;
      await this.inFlight;
      return this.snapshot;
    }
    this.inFlight = this.readUntilCurrent();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
    return this.snapshot;
  }

  /** The snapshot once no change is waiting to be read: what the pane checks. */
  async settled(): Promise<ModelSnapshot> {
    // Until the first read ends (start() may still be registering the events), wait for it.
    if (this.snapshot.status === "loading") await this.start();
    while (this.pending) {
      if (this.inFlight) await this.inFlight;
      else await this.refresh();
    }
    return this.snapshot;
  }

  private async readUntilCurrent(): Promise<void> {
    do {
      this.again = false;
      await this.readOnce();
    } while (this.again);
  }

  private async readOnce(): Promise<void> {
    this.reads++;
    let next: ModelSnapshot;
    const edited = this.takeEditedRanges();
    try {
      const cells = edited && (await this.readEditedCells(edited));
      if (cells) next = cells;
      else {
        const read = await this.host.run(async (context) => {
          const result = await readTables(context);
          await this.learnIds(context, result);
          return result;
        });
        next = {
          status: "ready",
          version: this.snapshot.version + 1,
          workbook: checked(read, this.snapshot.workbook),
          read,
        };
      }
    } catch (e) {
      // Never keep answering from the previous read: it may be the pass the edit just broke.
      next = {
        status: "error",
        version: this.snapshot.version + 1,
        error: e instanceof Error ? e.message : String(e),
        failure: e,
      };
    }
    this.snapshot = next;
    if (next.status === "ready") this.failuresInARow = 0;
    else if (++this.failuresInARow <= RETRIES_AFTER_FAILURE) {
      // A passing fault (a busy host, a sheet being recalculated) should not leave the
      // cells in error until the next edit.
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.refresh();
      }, this.retryMs * this.failuresInARow);
    }
    if (next.status === "ready" && this.started && !this.watching)
      await this.watch();
    for (const listener of [...this.listeners]) listener(next);
  }

  /**
   * The ranges edited since the last read when they are all the model needs to read (cells of
   * Holdings' data rows, few enough, nothing else changed, a good read to start from); else
   * undefined, and the tables are read whole.
   */
  private takeEditedRanges(): ChangedRange[] | undefined {
    const ranges = this.editedRanges;
    const whole = this.wholeReadNeeded;
    this.editedRanges = [];
    this.wholeReadNeeded = false;
    const at = this.snapshot.read?.locations.Holdings;
    if (
      whole ||
      ranges.length === 0 ||
      this.snapshot.status !== "ready" ||
      !at ||
      at.source !== "table"
    )
      return undefined;
    let cells = 0;
    for (const r of ranges) {
      cells += r.rows * r.columns;
      const inside =
        r.row > at.rowIndex &&
        r.row + r.rows <= at.rowIndex + at.rowCount &&
        r.column >= at.columnIndex &&
        r.column + r.columns <= at.columnIndex + at.columnCount;
      if (!inside) return undefined;
    }
    return cells <= CELLS_READ_ON_THEIR_OWN ? ranges : undefined;
  }

  /** Reads only the edited Holdings cells (one request) and re-checks only their funds. */
  private async readEditedCells(
    ranges: ChangedRange[],
  ): Promise<ModelSnapshot | undefined> {
    const read = this.snapshot.read!;
    const workbook = this.snapshot.workbook!;
    const at = read.locations.Holdings!;
    this.cellReads++;
    const values = await this.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(at.sheet);
      const loaded = ranges.map((r) => {
        const range = sheet.getRangeByIndexes(
          r.row,
          r.column,
          r.rows,
          r.columns,
        );
        range.load("values");
        return range;
      });
      await context.sync();
      return loaded.map((range) => range.values as unknown[][]);
    });
    const edits: CellEdit[] = [];
    ranges.forEach((r, i) =>
      values[i].forEach((cells, dr) =>
        cells.forEach((value, dc) =>
          edits.push({
            table: "Holdings",
            // Worksheet row as Excel displays it; column within the table.
            row: r.row + dr + 1,
            column: r.column + dc - at.columnIndex,
            value: value as CellValue,
          }),
        ),
      ),
    );
    const next = workbook.withEdits(edits);
    if (next.tables.Holdings?.rows.length !== read.tables.Holdings?.rows.length)
      return undefined;
    return {
      status: "ready",
      version: this.snapshot.version + 1,
      workbook: next,
      read: { ...read, tables: next.tables },
    };
  }

  /** Which table and sheet ids to watch, read in the same batch as the tables. */
  private async learnIds(
    context: Excel.RequestContext,
    read: ReadResult,
  ): Promise<void> {
    const tables = TABLE_NAMES.map((name) =>
      context.workbook.tables.getItemOrNullObject(name),
    );
    const located = Object.values(read.locations).filter(
      (l) => l !== undefined,
    );
    const sheets = located.map((l) => ({
      source: l!.source,
      sheet: context.workbook.worksheets.getItemOrNullObject(l!.sheet),
    }));
    for (const t of tables) t.load("id");
    for (const s of sheets) s.sheet.load("id");
    await context.sync();
    this.watchedTables = new Set(
      tables.filter((t) => !t.isNullObject).map((t) => t.id),
    );
    const holdings = tables[TABLE_NAMES.indexOf("Holdings")];
    this.holdingsTableId = holdings.isNullObject ? undefined : holdings.id;
    const found = sheets.filter((s) => !s.sheet.isNullObject);
    this.watchedSheets = new Set(
      found.filter((s) => s.source === "sheet").map((s) => s.sheet.id),
    );
    this.dataSheets = new Set(found.map((s) => s.sheet.id));
    // Each table's (and plain sheet's) own onChanged too (ExcelApi 1.7): a host may raise a
    // change for the table it touched rather than for the collection; a burst of both costs one read.
    let added = false;
    const hear = (
      id: string,
      events: OfficeExtension.EventHandlers<unknown>,
    ) => {
      if (this.heard.has(id)) return;
      this.heard.add(id);
      events.add(async (e: unknown) =>
        this.schedule(this.editedRange(e as Excel.TableChangedEventArgs)),
      );
      added = true;
    };
    for (const t of tables) if (!t.isNullObject) hear(t.id, t.onChanged);
    for (const s of found)
      if (s.source === "sheet") hear(s.sheet.id, s.sheet.onChanged);
    if (added) await context.sync();
  }

  /** Workbook-wide events, so tables added, deleted or re-created later are seen too. */
  private async watch(): Promise<void> {
    this.watching = true;
    let changesWatched = false;
    try {
      await this.host.run(async (context) => {
        const tables = context.workbook.tables;
        // ExcelApi 1.7: data changed in any table; only ours matter.
        // While a read is under way, any table's change may be one it missed.
        tables.onChanged.add(async (e: Excel.TableChangedEventArgs) => {
          if (this.watchedTables.has(e.tableId) || this.inFlight)
            this.schedule(this.editedRange(e));
        });
        await context.sync();
        changesWatched = true;
        // ExcelApi 1.8–1.9: a Funds, Holdings or Holders table created (or re-created) later,
        // one deleted, and edits in a sheet read as a table (a sheet named Holdings, no table).
        tables.onAdded.add(async () => {
          if (this.missesATable()) this.schedule();
        });
        tables.onDeleted.add(async (e: Excel.TableDeletedEventArgs) => {
          if (
            this.watchedTables.has(e.tableId) ||
            TABLE_NAMES.some(
              (n) => n.toLowerCase() === e.tableName?.toLowerCase(),
            )
          )
            this.schedule();
        });
        // ExcelApi 1.8: cells of a table that are formulas over another sheet change by
        // recalculation, which raises no change event.
        context.workbook.worksheets.onCalculated.add(
          async (e: Excel.WorksheetCalculatedEventArgs) => {
            if (this.dataSheets.has(e.worksheetId)) this.schedule();
          },
        );
        context.workbook.worksheets.onChanged.add(
          async (e: Excel.WorksheetChangedEventArgs) => {
            if (this.watchedSheets.has(e.worksheetId) || this.inFlight)
              this.schedule();
          },
        );
        await context.sync();
      });
    } catch {
      // Without ExcelApi 1.9 the table events registered first still work; without
      // those, try again after the next read.
      if (!changesWatched) this.watching = false;
    }
  }

  /** The cells a change event says were edited in Holdings, or undefined (any other change). */
  private editedRange(
    e: Excel.TableChangedEventArgs,
  ): ChangedRange | undefined {
    if (
      e?.changeType !== "RangeEdited" ||
      e.tableId === undefined ||
      e.tableId !== this.holdingsTableId
    )
      return undefined;
    return parseAddress(e.address);
  }

  /** Whether one of Funds, Holdings, Holders is not read from an Excel table yet. */
  private missesATable(): boolean {
    const locations = this.snapshot.read?.locations ?? {};
    return TABLE_NAMES.some((n) => locations[n]?.source !== "table");
  }
}

/** "F12", "B3:D40" or "Holdings!$B$3:$D$40", zero-based; undefined for anything else (whole rows or columns). */
export function parseAddress(
  address: string | undefined,
): ChangedRange | undefined {
  const m =
    /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(
      address ?? "",
    );
  if (!m) return undefined;
  const column = (letters: string) =>
    [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const [c0, r0] = [column(m[1]), Number(m[2]) - 1];
  const [c1, r1] = m[3] ? [column(m[3]), Number(m[4]) - 1] : [c0, r0];
  if (r1 < r0 || c1 < c0) return undefined;
  return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

/**
 * The check of a read; the date system travels with it (ReadResult.date1904 when the reader
 * knows it). After an edit, the new read is compared with the last one: only the funds of the
 * Holdings rows whose cells changed are checked again (CheckedWorkbook.withTables).
 */
function checked(read: ReadResult, last?: CheckedWorkbook): CheckedWorkbook {
  const date1904 = read.date1904 === true;
  return last
    ? last.withTables(read.tables, date1904)
    : new CheckedWorkbook(read.tables, date1904);
}

const SHARED = Symbol.for("fundQuotaMonitor.workbookModel");
type Shared = {
  [SHARED]?: { model: WorkbookModelStore; excel: unknown };
};

/** The Excel client of this runtime; one model belongs to one client, so to one workbook. */
const currentExcel = (): unknown =>
  typeof Excel === "undefined" ? undefined : Excel;

/**
 * The runtime's one model. The pane and the functions are separate bundles (two webpack
 * entries, each with its own copy of this module) loaded into the same shared runtime, so the
 * instance lives on the runtime's global object, not in a module variable. It belongs to the
 * Excel client it was made with (a runtime has one; a test host installs its own).
 */
export function sharedWorkbookModel(): WorkbookModelStore {
  const g = globalThis as Shared;
  const excel = currentExcel();
  if (!g[SHARED] || g[SHARED].excel !== excel) {
    g[SHARED]?.model.dispose();
    g[SHARED] = { model: new WorkbookModelStore(excelHost), excel };
  }
  return g[SHARED].model;
}

/** Replaces the runtime's model (tests, the browser preview); returns the previous one. */
export function installWorkbookModel(
  model: WorkbookModelStore | undefined,
): WorkbookModelStore | undefined {
  const g = globalThis as Shared;
  const previous = g[SHARED]?.model;
  g[SHARED] = model ? { model, excel: currentExcel() } : undefined;
  return previous;
}
