/**
 * A small stand-in for the parts of the Excel object model the add-in writes with: it records
 * what each range receives, which sheets are added, deleted, renamed or hidden, and counts syncs.
 */
export interface RangeRecord {
  address: string;
  values?: unknown[][];
  numberFormat?: unknown[][];
  dataValidation: { rule?: unknown };
  /** Order in which properties were set, to check that formats come before values. */
  writes: string[];
}

export interface SheetRecord {
  name: string;
  visibility?: string;
  deleted: boolean;
  ranges: RangeRecord[];
  tables: { range: unknown; name: string }[];
  charts: number;
}

export function fakeExcel(
  existing: { sheets?: string[]; tables?: string[] } = {},
) {
  const sheets = new Map<string, SheetRecord>();
  const tableNames = new Set(existing.tables ?? []);
  let syncs = 0;
  /** Every property write, in order, as "address:property". */
  const log: string[] = [];
  const sheetApi = (rec: SheetRecord) => ({
    get name() {
      return rec.name;
    },
    set name(v: string) {
      sheets.delete(rec.name);
      rec.name = v;
      sheets.set(v, rec);
    },
    set visibility(v: string) {
      rec.visibility = v;
    },
    isNullObject: false,
    getRange(address: string) {
      const r: RangeRecord = { address, dataValidation: {}, writes: [] };
      rec.ranges.push(r);
      return new Proxy(
        {
          format: { font: {}, autofitColumns() {} },
          conditionalFormats: {
            add: () => ({
              textComparison: { format: { fill: {}, font: {} } },
              custom: { rule: {}, format: { fill: {}, font: {} } },
            }),
          },
          dataValidation: r.dataValidation,
          select() {},
        },
        {
          set(target, prop, value) {
            r.writes.push(String(prop));
            log.push(`${address}:${String(prop)}`);
            if (prop === "values") r.values = value;
            else if (prop === "numberFormat") r.numberFormat = value;
            else (target as Record<string | symbol, unknown>)[prop] = value;
            return true;
          },
        },
      );
    },
    tables: {
      add(range: unknown) {
        const t = { range, name: "" };
        rec.tables.push(t);
        return t;
      },
    },
    charts: { add: () => ((rec.charts += 1), { title: {} }) },
    delete() {
      rec.deleted = true;
    },
    activate() {},
  });
  const add = (name: string) => {
    const rec: SheetRecord = {
      name,
      deleted: false,
      ranges: [],
      tables: [],
      charts: 0,
    };
    sheets.set(name, rec);
    return rec;
  };
  for (const s of existing.sheets ?? []) add(s);
  const context = {
    workbook: {
      worksheets: {
        add: (name: string) => sheetApi(add(name)),
        getItemOrNullObject: (name: string) => {
          const rec = sheets.get(name);
          return rec && !rec.deleted
            ? sheetApi(rec)
            : { isNullObject: true, load() {} };
        },
        getItem: (name: string) => sheetApi(sheets.get(name)!),
      },
      tables: {
        getItemOrNullObject: (name: string) => ({
          isNullObject: !tableNames.has(name),
          load() {},
        }),
      },
    },
    async sync() {
      syncs++;
    },
  };
  return {
    context: context as unknown as Excel.RequestContext,
    sheets,
    syncs: () => syncs,
    log,
  };
}

export function installExcelEnums(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ConditionalFormatType: { custom: "Custom", containsText: "ContainsText" },
    ConditionalTextOperator: { contains: "Contains" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SheetVisibility: { hidden: "Hidden" },
  };
}
