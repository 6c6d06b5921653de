/* global Excel */

/**
 * The add-in finds its own sheets by a worksheet custom property (ExcelApi 1.12), never by
 * their name: the user may rename them, and may own a sheet of the same name.
 * office-js-docs-pr, docs/excel/excel-add-ins-workbooks.md ("Custom properties" at worksheet
 * level) and the Excel.WorksheetCustomPropertyCollection reference.
 */
export const ROLE_KEY = "FundQuotaMonitor.role";

export type SheetRole = "report" | "report-staging" | "breach-list";

export interface OwnSheet {
  name: string;
  role: SheetRole;
  /** For a staging report: "complete" once every row is written. */
  state?: string;
}

export const STATE_KEY = "FundQuotaMonitor.state";

/** Every sheet of the workbook that carries the add-in's role property; two syncs. */
export async function findOwnSheets(
  context: Excel.RequestContext,
): Promise<OwnSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const probes = sheets.items.map((ws) => {
    const role = ws.customProperties.getItemOrNullObject(ROLE_KEY);
    const state = ws.customProperties.getItemOrNullObject(STATE_KEY);
    role.load("value");
    state.load("value");
    return { name: ws.name, role, state };
  });
  await context.sync();
  return probes
    .filter((p) => !p.role.isNullObject)
    .map((p) => ({
      name: p.name,
      role: p.role.value as SheetRole,
      state: p.state.isNullObject ? undefined : p.state.value,
    }));
}

/** A sheet name not yet used in the workbook, from a wished one ("Quota report", "Quota report 2"…). */
export async function freeSheetName(
  context: Excel.RequestContext,
  wished: string,
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  let name = wished;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wished} ${i}`;
  return name;
}
