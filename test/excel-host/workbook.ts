/**
 * The emulated host's workbook: sheets of cells (values and number formats), tables with header,
 * body and totals rows, conditional formats, named items, worksheet custom properties, and the
 * date system. Cells hold what Excel holds: numbers (dates are serials), text, booleans, errors.
 */

export interface ErrorCell {
  error: string;
}
/** null is a blank cell. */
export type HostCell = string | number | boolean | ErrorCell | null;

export class HostFault extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Zero-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetters(r.c0)}${r.r0 + 1}`;
  const b = `${columnLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** "A1", "A1:B2", "A:C", "3:5", with or without $ and a sheet prefix. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  rest = rest.replace(/\$/g, "");
  const parts = rest.split(":");
  const one = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2]))
      throw new HostFault(
        "InvalidArgument",
        `The address ${address} is not valid.`,
      );
    return {
      c: m[1] ? columnIndex(m[1]) : undefined,
      r: m[2] ? Number(m[2]) - 1 : undefined,
    };
  };
  const a = one(parts[0]);
  const b = parts.length > 1 ? one(parts[1]) : a;
  const rect = {
    r0: a.r ?? 0,
    c0: a.c ?? 0,
    r1: b.r ?? (a.r === undefined ? MAX_ROWS - 1 : a.r),
    c1: b.c ?? (a.c === undefined ? MAX_COLUMNS - 1 : a.c),
  };
  if (a.r === undefined && b.r === undefined) {
    rect.r0 = 0;
    rect.r1 = MAX_ROWS - 1;
  }
  if (a.c === undefined && b.c === undefined) {
    rect.c0 = 0;
    rect.c1 = MAX_COLUMNS - 1;
  }
  return { sheet, rect };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

let nextId = 1;
const newId = (prefix: string) =>
  `{${prefix}-${(nextId++).toString(16).padStart(8, "0")}}`;

export interface HostConditionalFormat {
  id: string;
  sheet: HostSheet;
  rect: Rect;
  type: string;
  /** Custom: the rule's formula, relative to the top-left cell of rect. */
  formula?: string;
  textRule?: unknown;
  fill?: string;
  font?: string;
  priority: number;
  deleted: boolean;
}

export class HostSheet {
  readonly id = newId("sheet");
  visibility = "Visible";
  deleted = false;
  readonly rows: (HostCell[] | undefined)[] = [];
  readonly formats: (string[] | undefined)[] = [];
  readonly hiddenRows = new Set<number>();
  readonly customProperties = new Map<string, { key: string; value: string }>();
  readonly conditionalFormats: HostConditionalFormat[] = [];
  readonly charts: Record<string, unknown>[] = [];

  constructor(
    readonly workbook: HostWorkbook,
    public name: string,
  ) {}

  cell(r: number, c: number): HostCell {
    return this.rows[r]?.[c] ?? null;
  }
  setCell(r: number, c: number, v: HostCell): void {
    (this.rows[r] ??= [])[c] = v;
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? "General";
  }
  setFormat(r: number, c: number, f: string): void {
    (this.formats[r] ??= [])[c] = f;
  }

  /** The values of a rectangle, as Excel returns them through Range.values. */
  values(rect: Rect): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = this.rows[r];
      const line: (string | number | boolean)[] = new Array(
        rect.c1 - rect.c0 + 1,
      );
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = row?.[c] ?? null;
        line[c - rect.c0] =
          v === null ? "" : typeof v === "object" ? v.error : v;
      }
      out.push(line);
    }
    return out;
  }

  /** The bottom-right of the cells holding a value (the used range, values only). */
  usedRect(): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (r0 < 0) r0 = r;
        r1 = r;
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      });
    });
    return r0 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Rows by number (1-based) that a custom conditional format of this sheet paints. */
  paintedRows(): Set<number> {
    const painted = new Set<number>();
    for (const cf of this.conditionalFormats) {
      if (cf.deleted || cf.type !== "Custom" || !cf.formula) continue;
      for (let r = cf.rect.r0; r <= cf.rect.r1; r++)
        if (
          this.workbook.evaluateRowFormula(
            this,
            cf.formula,
            r - cf.rect.r0,
            cf.rect,
          )
        )
          painted.add(r + 1);
    }
    return painted;
  }
}

export class HostTable {
  readonly id = newId("table");
  deleted = false;
  constructor(
    public name: string,
    public sheet: HostSheet,
    /** Header row and column span. */
    public r0: number,
    public c0: number,
    public c1: number,
    public bodyRows: number,
    public showTotals = false,
  ) {}
  get rect(): Rect {
    return {
      r0: this.r0,
      c0: this.c0,
      r1: this.r0 + this.bodyRows + (this.showTotals ? 1 : 0),
      c1: this.c1,
    };
  }
  get bodyRect(): Rect {
    return {
      r0: this.r0 + 1,
      c0: this.c0,
      r1: this.r0 + this.bodyRows,
      c1: this.c1,
    };
  }
  get headers(): string[] {
    return this.sheet
      .values({ r0: this.r0, c0: this.c0, r1: this.r0, c1: this.c1 })[0]
      .map(String);
  }
  columnIndex(header: string): number {
    const i = this.headers.findIndex(
      (h) => h.toLowerCase() === header.toLowerCase(),
    );
    if (i < 0)
      throw new HostFault(
        "ItemNotFound",
        `No column ${header} in ${this.name}.`,
      );
    return i;
  }
}

export interface HostName {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

/** Excel's worksheet serial for a date, in either date system. */
export function serialOf(
  year: number,
  month: number,
  day: number,
  date1904: boolean,
): number {
  const ms = Date.UTC(year, month - 1, day);
  if (date1904) return Math.round((ms - Date.UTC(1904, 0, 1)) / 86400000);
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  // Excel's phantom 29 February 1900: serials below 61 are one less.
  return serial < 61 ? serial - 1 : serial;
}

export class HostWorkbook {
  readonly sheets: HostSheet[] = [];
  readonly tables: HostTable[] = [];
  readonly names: HostName[] = [];
  activeSheet: HostSheet | undefined;
  date1904 = false;

  sheet(name: string): HostSheet {
    const s = this.findSheet(name);
    if (!s) throw new HostFault("ItemNotFound", `No sheet ${name}.`);
    return s;
  }
  findSheet(key: string): HostSheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
  }

  addSheet(name: string, rows: HostCell[][] = []): HostSheet {
    this.checkSheetName(name);
    const s = new HostSheet(this, name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && s.setCell(r, c, v)),
    );
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  checkSheetName(name: string, except?: HostSheet): void {
    if (
      !name ||
      name.length > 31 ||
      /[[\]:*?/\\]/.test(name) ||
      /^'|'$/.test(name)
    )
      throw new HostFault(
        "InvalidArgument",
        `The sheet name ${name} is not valid.`,
      );
    const clash = this.findSheet(name);
    if (
      clash &&
      clash !== except &&
      clash.name.toLowerCase() === name.toLowerCase()
    )
      throw new HostFault(
        "ItemAlreadyExists",
        `A sheet named ${name} already exists.`,
      );
  }

  deleteSheet(s: HostSheet): void {
    if (
      this.sheets.filter((x) => x.visibility === "Visible" && x !== s)
        .length === 0
    )
      throw new HostFault(
        "InvalidOperation",
        "A workbook must keep at least one visible sheet.",
      );
    s.deleted = true;
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const t of this.tables.filter((x) => x.sheet === s))
      this.removeTable(t);
    for (const n of this.names)
      if (this.nameSheet(n.formula) === s.name.toLowerCase())
        n.formula = "=#REF!";
    if (this.activeSheet === s)
      this.activeSheet = this.sheets.find((x) => x.visibility === "Visible");
  }

  private nameSheet(formula: string): string | undefined {
    try {
      return parseAddress(formula.replace(/^=/, "")).sheet?.toLowerCase();
    } catch {
      return undefined;
    }
  }

  /** Table and defined names share one namespace, case-insensitive. */
  checkName(name: string, except?: unknown): void {
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RrCc]$/.test(name)
    )
      throw new HostFault("InvalidArgument", `The name ${name} is not valid.`);
    const k = name.toLowerCase();
    const t = this.tables.find((x) => x.name.toLowerCase() === k);
    const n = this.names.find((x) => x.name.toLowerCase() === k);
    if ((t && t !== except) || (n && n !== except))
      throw new HostFault(
        "InvalidArgument",
        `The name ${name} is already used in this workbook.`,
      );
  }

  table(name: string): HostTable {
    const t = this.tables.find(
      (x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name,
    );
    if (!t) throw new HostFault("ItemNotFound", `No table ${name}.`);
    return t;
  }

  addTable(sheet: HostSheet, rect: Rect, name?: string): HostTable {
    for (const t of this.tables)
      if (t.sheet === sheet && intersects(t.rect, rect))
        throw new HostFault(
          "InvalidArgument",
          "A table cannot overlap another table.",
        );
    let chosen = name;
    if (chosen === undefined) {
      let n = 1;
      while (
        this.tables.some((t) => t.name.toLowerCase() === `table${n}`) ||
        this.names.some((x) => x.name.toLowerCase() === `table${n}`)
      )
        n++;
      chosen = `Table${n}`;
    }
    this.checkName(chosen);
    // Blank or repeated headers are replaced as Excel does ("Column1"…).
    const seen = new Set<string>();
    for (let c = rect.c0; c <= rect.c1; c++) {
      let h = sheet.cell(rect.r0, c);
      if (h === null || h === "") h = `Column${c - rect.c0 + 1}`;
      let text = typeof h === "object" ? h.error : String(h);
      for (let k = 2; seen.has(text.toLowerCase()); k++)
        text = `${String(h)}${k}`;
      seen.add(text.toLowerCase());
      sheet.setCell(rect.r0, c, text);
    }
    const t = new HostTable(
      chosen,
      sheet,
      rect.r0,
      rect.c0,
      rect.c1,
      rect.r1 - rect.r0,
    );
    this.tables.push(t);
    return t;
  }

  removeTable(t: HostTable): void {
    t.deleted = true;
    this.tables.splice(this.tables.indexOf(t), 1);
  }

  findName(name: string): HostName | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** The cells a defined name refers to. */
  nameRange(name: string): { sheet: HostSheet; rect: Rect } | undefined {
    const n = this.findName(name);
    if (!n || n.formula.startsWith("=#REF!")) return undefined;
    const { sheet, rect } = parseAddress(n.formula.replace(/^=/, ""));
    const s = sheet ? this.findSheet(sheet) : undefined;
    return s ? { sheet: s, rect } : undefined;
  }

  /**
   * Evaluates a conditional-format formula for one row of its range. Only the shapes the add-in
   * writes are understood: `=ISNUMBER(MATCH($X2,Name,0))` and `=COUNTIF(Name,$X2)>0`, where
   * Name is a defined name; anything else throws rather than guessing.
   */
  evaluateRowFormula(
    sheet: HostSheet,
    formula: string,
    rowOffset: number,
    at: Rect,
  ): boolean {
    const match =
      /^=ISNUMBER\(MATCH\((\$?[A-Z]+\$?\d+),([A-Za-z_][\w.]*),0\)\)$/i.exec(
        formula,
      ) ?? /^=COUNTIF\(([A-Za-z_][\w.]*),(\$?[A-Z]+\$?\d+)\)>0$/i.exec(formula);
    if (!match)
      throw new HostFault(
        "NotImplemented",
        `The host cannot evaluate ${formula}.`,
      );
    const [ref, name] = formula.toUpperCase().startsWith("=ISNUMBER")
      ? [match[1], match[2]]
      : [match[2], match[1]];
    const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/i.exec(ref)!;
    const col = columnIndex(m[2]);
    const row = Number(m[4]) - 1 + (m[3] ? 0 : rowOffset);
    const c = m[1] ? col : col + 0;
    void at;
    const key = sheet.cell(row, c);
    const list = this.lookupSet(name);
    if (key === null || typeof key === "object") return false;
    return list.has(String(key).toLowerCase());
  }

  private lookupCache = new Map<string, { stamp: string; set: Set<string> }>();
  private lookupSet(name: string): Set<string> {
    const at = this.nameRange(name);
    if (!at) return new Set();
    const stamp = `${at.sheet.id}:${at.rect.r0}:${at.rect.r1}:${at.rect.c0}:${this.writeStamp}`;
    const hit = this.lookupCache.get(name);
    if (hit && hit.stamp === stamp) return hit.set;
    const set = new Set<string>();
    for (const [v] of at.sheet.values({ ...at.rect, c1: at.rect.c0 }))
      if (v !== "") set.add(String(v).toLowerCase());
    this.lookupCache.set(name, { stamp, set });
    return set;
  }
  /** Bumped on every write, so cached lookups never go stale. */
  writeStamp = 0;

  /** The user sorts a table's body by one column (as Data › Sort does): rows move, formats with them. */
  sortTable(name: string, column: string, ascending = true): void {
    const t = this.table(name);
    const ci = t.c0 + t.columnIndex(column);
    const body = t.bodyRect;
    const rows: { cells: HostCell[]; formats: string[]; key: HostCell }[] = [];
    for (let r = body.r0; r <= body.r1; r++) {
      const cells: HostCell[] = [];
      const formats: string[] = [];
      for (let c = body.c0; c <= body.c1; c++) {
        cells.push(t.sheet.cell(r, c));
        formats.push(t.sheet.format(r, c));
      }
      rows.push({ cells, formats, key: t.sheet.cell(r, ci) });
    }
    const rank = (v: HostCell) =>
      typeof v === "number"
        ? 0
        : typeof v === "string"
          ? 1
          : typeof v === "boolean"
            ? 2
            : typeof v === "object" && v
              ? 3
              : 4;
    rows.sort((a, b) => {
      const ra = rank(a.key);
      const rb = rank(b.key);
      if (ra !== rb || ra >= 3) return ra - rb;
      const x = a.key as string | number;
      const y = b.key as string | number;
      const d =
        typeof x === "number"
          ? x - (y as number)
          : String(x).localeCompare(String(y));
      return ascending ? d : -d;
    });
    rows.forEach((row, i) =>
      row.cells.forEach((v, j) => {
        t.sheet.setCell(body.r0 + i, body.c0 + j, v);
        t.sheet.setFormat(body.r0 + i, body.c0 + j, row.formats[j]);
      }),
    );
    this.writeStamp++;
  }

  /** The user filters a table: rows whose cell fails the test are hidden (they keep their place). */
  filterTable(
    name: string,
    column: string,
    keep: (value: HostCell) => boolean,
  ): void {
    const t = this.table(name);
    const ci = t.c0 + t.columnIndex(column);
    for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++)
      if (keep(t.sheet.cell(r, ci))) t.sheet.hiddenRows.delete(r);
      else t.sheet.hiddenRows.add(r);
  }

  clearFilters(name: string): void {
    const t = this.table(name);
    for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++)
      t.sheet.hiddenRows.delete(r);
  }
}
