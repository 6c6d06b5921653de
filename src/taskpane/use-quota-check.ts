import { useCallback, useEffect, useRef, useState } from "react";
import { checkWorkbook } from "../engine/check";
import { defaultAsOf } from "../engine/as-of";
import { Dec } from "../engine/decimal";
import type { Diagnostic, TableName } from "../engine/model";
import type { Report } from "../engine/result";
import type { RawTable } from "../workbook/grid";
import { columnLetter } from "../workbook/read-table";
import { readWorkbook } from "../workbook/read-workbook";
import type { PaneSettings, WorkbookOperations } from "./operations";

export const LIVE_DEBOUNCE_MS = 800;

/** What the pane needs of each fund row beyond the report: its closing dates. */
export interface FundDates {
  fundId: string;
  fundName?: string;
  firstYearEnd?: string;
}

export interface CheckState {
  report?: Report;
  funds: FundDates[];
  tables: Partial<Record<TableName, RawTable>>;
  running: boolean;
  error?: string;
  /** The failure itself: a coded one is shown in the pane's language. */
  failure?: unknown;
  /** Set after a re-check caused by an edit in the tables. */
  live: boolean;
}

/** Reads the tables through the operations and runs the engine; re-runs after edits, debounced. */
export function useQuotaCheck(
  ops: WorkbookOperations,
  settings: PaneSettings | undefined,
) {
  const [state, setState] = useState<CheckState>({
    tables: {},
    funds: [],
    running: false,
    live: false,
  });
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const run = useCallback(
    async (live = false) => {
      setState((s) => ({
        ...s,
        running: true,
        error: undefined,
        failure: undefined,
      }));
      try {
        const tables = await ops.readTables();
        const s = settingsRef.current;
        const model = readWorkbook(tables);
        const funds = model.funds.map((f) => ({
          fundId: f.fundId,
          fundName: f.fundName,
          firstYearEnd: f.firstYearEnd,
        }));
        const report = checkWorkbook(model, {
          asOf: s?.asOf || defaultAsOf(),
          positions: true,
          defaultWarningMargin:
            s?.warningMargin === undefined
              ? undefined
              : new Dec(String(s.warningMargin)),
        });
        setState({ report, tables, funds, running: false, live });
        return report;
      } catch (e) {
        setState((prev) => ({
          ...prev,
          running: false,
          error: e instanceof Error ? e.message : String(e),
          failure: e,
        }));
        return undefined;
      }
    },
    [ops],
  );

  useEffect(() => {
    if (settings === undefined) return;
    void run();
  }, [run, settings]);

  // Live re-check: edits arrive in bursts while the accountant types; wait for a pause.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    ops
      .watchTables(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(true), LIVE_DEBOUNCE_MS);
      })
      .then(
        (s) => {
          if (cancelled) s();
          else stop = s;
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      stop?.();
    };
  }, [ops, run]);

  return { ...state, run };
}

/** The sheet and cell a diagnostic points at, for the link that selects it. */
export function diagnosticTarget(
  d: Diagnostic,
  tables: Partial<Record<TableName, RawTable>>,
): { sheet: string; cell: string } | undefined {
  const t = tables[d.table];
  const sheet = d.sheet ?? t?.sheet;
  if (!sheet || !d.row) return undefined;
  if (d.cell) return { sheet, cell: d.cell };
  const index = t
    ? t.headers.findIndex(
        (h) => typeof h === "string" && h.trim() === (d.header ?? d.column),
      )
    : -1;
  return {
    sheet,
    cell: `${columnLetter((t?.firstColumn ?? 0) + Math.max(index, 0))}${d.row}`,
  };
}
