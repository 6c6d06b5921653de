/**
 * The host side of the Excel object model: what each ObjectPath (property, method, indexer)
 * leads to, what each property reads and writes. Only what the add-in uses, done as Excel does
 * it (names as the client sends them: PascalCase paths and actions, camelCase query selects).
 */
import {
  HostFault,
  type HostCell,
  type HostConditionalFormat,
  type HostName,
  type HostSheet,
  type HostTable,
  type HostWorkbook,
  intersects,
  parseAddress,
  quoteSheet,
  type Rect,
  rectAddress,
  serialOf,
} from "./workbook";

export abstract class HostObject {
  /** Entities get a reference id, so the client can use objects it created in later syncs. */
  readonly entity: boolean = true;
  /** Objects whose class reads an `Id` from the instantiate result (worksheets, tables, formats). */
  readonly reportsId: boolean = false;
  nav(name: string): HostObject {
    throw new HostFault(
      "NotImplemented",
      `${this.constructor.name}.${name} is not emulated.`,
    );
  }
  call(name: string, args: unknown[]): unknown {
    void args;
    throw new HostFault(
      "NotImplemented",
      `${this.constructor.name}.${name}() is not emulated.`,
    );
  }
  get(name: string): unknown {
    throw new HostFault(
      "NotImplemented",
      `${this.constructor.name}.${name} is not emulated.`,
    );
  }
  set(name: string, value: unknown): void {
    void value;
    throw new HostFault(
      "NotImplemented",
      `Setting ${this.constructor.name}.${name} is not emulated.`,
    );
  }
  /** Scalar properties loaded by a bare load(). */
  scalars(): string[] {
    return [];
  }
  /** For collections: the items a load("items/…") returns. */
  items?(): HostObject[];
  /** The id a collection item is addressed by (sent back as `_Id`). */
  itemId?(): string;
  alive(): void {}
}

/** Formatting objects (font, fill, format, chart title…): accepted and kept, not interpreted. */
class Bag extends HostObject {
  override readonly entity = false;
  readonly props: Record<string, unknown> = {};
  readonly children: Record<string, Bag> = {};
  override nav(name: string): HostObject {
    return (this.children[name] ??= new Bag());
  }
  override call(name: string): unknown {
    if (/^Autofit(Columns|Rows)$/.test(name)) return null;
    return super.call(name, []);
  }
  override get(name: string): unknown {
    return this.props[name] ?? null;
  }
  override set(name: string, value: unknown): void {
    this.props[name] = value;
  }
}

const cellOf = (v: unknown): HostCell => {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
};

function grid(
  value: unknown,
  rows: number,
  cols: number,
  what: string,
): unknown[][] {
  if (!Array.isArray(value))
    return Array.from({ length: rows }, () => Array(cols).fill(value));
  if (
    value.length !== rows ||
    value.some((r) => !Array.isArray(r) || r.length !== cols)
  )
    throw new HostFault(
      "InvalidArgument",
      `The ${what} array does not match the range's ${rows} × ${cols} cells.`,
    );
  return value as unknown[][];
}

export class RangeObject extends HostObject {
  constructor(
    readonly sheet: HostSheet,
    readonly rect: Rect,
  ) {
    super();
  }
  override alive(): void {
    if (this.sheet.deleted)
      throw new HostFault(
        "InvalidObjectPath",
        "The range's sheet was deleted.",
      );
  }
  get rows(): number {
    return this.rect.r1 - this.rect.r0 + 1;
  }
  get cols(): number {
    return this.rect.c1 - this.rect.c0 + 1;
  }
  private sub(r0: number, c0: number, r1: number, c1: number): RangeObject {
    return new RangeObject(this.sheet, { r0, c0, r1, c1 });
  }
  override scalars(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "numberFormat",
    ];
  }
  override nav(name: string): HostObject {
    this.alive();
    switch (name) {
      case "Worksheet":
        return new SheetObject(this.sheet);
      case "ConditionalFormats":
        return new ConditionalFormatsObject(this);
      case "Format":
      case "DataValidation":
        return new Bag();
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    this.alive();
    const { r0, c0, r1, c1 } = this.rect;
    const n = (i: number) => Number(args[i]);
    switch (name) {
      case "GetCell":
        return this.sub(r0 + n(0), c0 + n(1), r0 + n(0), c0 + n(1));
      case "GetRow":
        return this.sub(r0 + n(0), c0, r0 + n(0), c1);
      case "GetColumn":
        return this.sub(r0, c0 + n(0), r1, c0 + n(0));
      case "GetLastRow":
        return this.sub(r1, c0, r1, c1);
      case "GetResizedRange":
        return this.sub(r0, c0, r1 + n(0), c1 + n(1));
      case "GetOffsetRange":
        return this.sub(r0 + n(0), c0 + n(1), r1 + n(0), c1 + n(1));
      case "GetBoundingRect": {
        const o = args[0] as RangeObject;
        return this.sub(
          Math.min(r0, o.rect.r0),
          Math.min(c0, o.rect.c0),
          Math.max(r1, o.rect.r1),
          Math.max(c1, o.rect.c1),
        );
      }
      case "GetRangeByIndexes":
        return this.sub(
          r0 + n(0),
          c0 + n(1),
          r0 + n(0) + n(2) - 1,
          c0 + n(1) + n(3) - 1,
        );
      case "Select":
        this.sheet.workbook.activeSheet = this.sheet;
        return null;
      case "Clear":
        // Only rows that exist can hold anything: a whole column is cleared in its used part.
        for (
          let r = r0;
          r <=
          Math.min(
            r1,
            Math.max(this.sheet.rows.length, this.sheet.formats.length) - 1,
          );
          r++
        )
          for (let c = c0; c <= c1; c++) {
            if (args[0] !== "Formats") this.sheet.setCell(r, c, null);
            if (args[0] !== "Contents") this.sheet.setFormat(r, c, "General");
          }
        this.sheet.workbook.writeStamp++;
        return null;
    }
    return super.call(name, args);
  }
  override get(name: string): unknown {
    this.alive();
    switch (name) {
      case "address":
        return `${quoteSheet(this.sheet.name)}!${rectAddress(this.rect)}`;
      case "rowIndex":
        return this.rect.r0;
      case "columnIndex":
        return this.rect.c0;
      case "rowCount":
        return this.rows;
      case "columnCount":
        return this.cols;
      case "values":
        return this.sheet.values(this.rect);
      case "numberFormat": {
        const out: string[][] = [];
        for (let r = this.rect.r0; r <= this.rect.r1; r++) {
          const line: string[] = [];
          for (let c = this.rect.c0; c <= this.rect.c1; c++)
            line.push(this.sheet.format(r, c));
          out.push(line);
        }
        return out;
      }
      case "valueTypes":
        return this.sheet.values(this.rect).map((row, i) =>
          row.map((_, j) => {
            const v = this.sheet.cell(this.rect.r0 + i, this.rect.c0 + j);
            return v === null
              ? "Empty"
              : typeof v === "number"
                ? "Double"
                : typeof v === "boolean"
                  ? "Boolean"
                  : typeof v === "object"
                    ? "Error"
                    : "String";
          }),
        );
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    this.alive();
    const { r0, c0 } = this.rect;
    if (name === "values") {
      const g = grid(value, this.rows, this.cols, "values");
      g.forEach((row, i) =>
        row.forEach((v, j) => {
          let cell = cellOf(v);
          // Excel parses text typed into a cell unless the cell is formatted as text.
          if (
            typeof cell === "string" &&
            this.sheet.format(r0 + i, c0 + j) !== "@"
          ) {
            if (cell.startsWith("=")) cell = { error: "#NAME?" };
            else if (
              /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell.trim())
            )
              cell = Number(cell);
          }
          this.sheet.setCell(r0 + i, c0 + j, cell);
        }),
      );
      this.sheet.workbook.writeStamp++;
      return;
    }
    if (name === "numberFormat") {
      const g = grid(value, this.rows, this.cols, "numberFormat");
      g.forEach((row, i) =>
        row.forEach((v, j) => this.sheet.setFormat(r0 + i, c0 + j, String(v))),
      );
      return;
    }
    super.set(name, value);
  }
}

export class SheetObject extends HostObject {
  override readonly reportsId = true;
  constructor(readonly sheet: HostSheet) {
    super();
  }
  override alive(): void {
    if (this.sheet.deleted)
      throw new HostFault("InvalidObjectPath", "The sheet was deleted.");
  }
  override itemId(): string {
    return this.sheet.id;
  }
  override scalars(): string[] {
    return ["id", "name", "position", "visibility"];
  }
  override nav(name: string): HostObject {
    this.alive();
    switch (name) {
      case "Tables":
        return new TablesObject(this.sheet.workbook, this.sheet);
      case "CustomProperties":
        return new CustomPropertiesObject(this.sheet);
      case "Charts":
        return new ChartsObject(this.sheet);
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    this.alive();
    const wb = this.sheet.workbook;
    switch (name) {
      case "GetRange": {
        const { sheet, rect } = parseAddress(
          String(args[0] ?? "A1:XFD1048576"),
        );
        if (sheet && sheet.toLowerCase() !== this.sheet.name.toLowerCase())
          throw new HostFault(
            "InvalidArgument",
            "The address names another sheet.",
          );
        return new RangeObject(this.sheet, rect);
      }
      case "GetRangeByIndexes": {
        const [r, c, rc, cc] = args.map(Number);
        return new RangeObject(this.sheet, {
          r0: r,
          c0: c,
          r1: r + rc - 1,
          c1: c + cc - 1,
        });
      }
      case "GetUsedRange":
      case "GetUsedRangeOrNullObject": {
        const used = this.sheet.usedRect();
        if (!used && name === "GetUsedRange")
          return new RangeObject(this.sheet, { r0: 0, c0: 0, r1: 0, c1: 0 });
        return used ? new RangeObject(this.sheet, used) : null;
      }
      case "Delete":
        wb.deleteSheet(this.sheet);
        return null;
      case "Activate":
        wb.activeSheet = this.sheet;
        return null;
    }
    return super.call(name, args);
  }
  override get(name: string): unknown {
    this.alive();
    switch (name) {
      case "id":
        return this.sheet.id;
      case "name":
        return this.sheet.name;
      case "visibility":
        return this.sheet.visibility;
      case "position":
        return this.sheet.workbook.sheets.indexOf(this.sheet);
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    this.alive();
    if (name === "name") {
      this.sheet.workbook.checkSheetName(String(value), this.sheet);
      this.sheet.name = String(value);
      return;
    }
    if (name === "visibility") {
      if (!["Visible", "Hidden", "VeryHidden"].includes(String(value)))
        throw new HostFault(
          "InvalidArgument",
          `Visibility ${String(value)} is not valid.`,
        );
      if (
        value !== "Visible" &&
        this.sheet.workbook.sheets.filter(
          (s) => s !== this.sheet && s.visibility === "Visible",
        ).length === 0
      )
        throw new HostFault(
          "InvalidOperation",
          "A workbook must keep at least one visible sheet.",
        );
      this.sheet.visibility = String(value);
      return;
    }
    super.set(name, value);
  }
}

abstract class Collection extends HostObject {
  override readonly entity = false;
  abstract override items(): HostObject[];
  find(key: string): HostObject | undefined {
    return this.items().find((i) => i.itemId?.() === key);
  }
  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case "GetCount":
        return this.items().length;
      case "GetItemAt": {
        const it = this.items()[Number(args[0])];
        if (!it)
          throw new HostFault("ItemNotFound", `No item at ${String(args[0])}.`);
        return it;
      }
      case "GetItem": {
        const it = this.find(String(args[0]));
        if (!it)
          throw new HostFault(
            "ItemNotFound",
            `The requested resource ${String(args[0])} doesn't exist.`,
          );
        return it;
      }
      case "GetItemOrNullObject":
        return this.find(String(args[0])) ?? null;
    }
    return super.call(name, args);
  }
}

export class SheetsObject extends Collection {
  constructor(readonly wb: HostWorkbook) {
    super();
  }
  override items(): HostObject[] {
    return this.wb.sheets.map((s) => new SheetObject(s));
  }
  override find(key: string): HostObject | undefined {
    const s = this.wb.findSheet(key);
    return s ? new SheetObject(s) : undefined;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Add") {
      let n = args[0] as string | undefined;
      if (n === undefined || n === null) {
        let i = this.wb.sheets.length + 1;
        while (this.wb.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      return new SheetObject(this.wb.addSheet(n));
    }
    if (name === "GetActiveWorksheet")
      return new SheetObject(this.wb.activeSheet ?? this.wb.sheets[0]);
    return super.call(name, args);
  }
}

class TableObject extends HostObject {
  override readonly reportsId = true;
  constructor(readonly table: HostTable) {
    super();
  }
  override alive(): void {
    if (this.table.deleted)
      throw new HostFault("InvalidObjectPath", "The table was deleted.");
  }
  override itemId(): string {
    return this.table.id;
  }
  override scalars(): string[] {
    return ["id", "name", "showTotals", "showHeaders"];
  }
  override nav(name: string): HostObject {
    this.alive();
    if (name === "Worksheet") return new SheetObject(this.table.sheet);
    if (name === "Columns") return new ColumnsObject(this.table);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    this.alive();
    const t = this.table;
    switch (name) {
      case "GetRange":
        return new RangeObject(t.sheet, t.rect);
      case "GetDataBodyRange":
        return new RangeObject(
          t.sheet,
          t.bodyRows ? t.bodyRect : { ...t.bodyRect, r1: t.bodyRect.r0 },
        );
      case "GetHeaderRowRange":
        return new RangeObject(t.sheet, { ...t.rect, r1: t.r0 });
      case "GetTotalRowRange":
      case "GetTotalRowRangeOrNullObject":
        if (!t.showTotals) {
          if (name.endsWith("NullObject")) return null;
          throw new HostFault("ItemNotFound", "The table has no totals row.");
        }
        return new RangeObject(t.sheet, { ...t.rect, r0: t.rect.r1 });
      case "Delete":
        t.sheet.workbook.removeTable(t);
        return null;
    }
    return super.call(name, args);
  }
  override get(name: string): unknown {
    this.alive();
    switch (name) {
      case "id":
        return this.table.id;
      case "name":
        return this.table.name;
      case "showTotals":
        return this.table.showTotals;
      case "showHeaders":
        return true;
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    this.alive();
    if (name === "name") {
      this.table.sheet.workbook.checkName(String(value), this.table);
      this.table.name = String(value);
      return;
    }
    if (name === "showTotals") {
      this.table.showTotals = Boolean(value);
      return;
    }
    super.set(name, value);
  }
}

class ColumnObject extends HostObject {
  constructor(
    readonly table: HostTable,
    readonly index: number,
  ) {
    super();
  }
  override itemId(): string {
    return String(this.index + 1);
  }
  override scalars(): string[] {
    return ["id", "index", "name"];
  }
  override get(name: string): unknown {
    if (name === "index") return this.index;
    if (name === "id") return this.index + 1;
    if (name === "name") return this.table.headers[this.index];
    return super.get(name);
  }
}

class ColumnsObject extends Collection {
  constructor(readonly table: HostTable) {
    super();
  }
  override items(): HostObject[] {
    return this.table.headers.map((_, i) => new ColumnObject(this.table, i));
  }
  override find(key: string): HostObject | undefined {
    const i = this.table.headers.findIndex(
      (h) => h.toLowerCase() === key.toLowerCase(),
    );
    return i >= 0
      ? new ColumnObject(this.table, i)
      : /^\d+$/.test(key) && Number(key) <= this.table.headers.length
        ? new ColumnObject(this.table, Number(key) - 1)
        : undefined;
  }
}

export class TablesObject extends Collection {
  constructor(
    readonly wb: HostWorkbook,
    readonly sheet?: HostSheet,
  ) {
    super();
  }
  override items(): HostObject[] {
    return this.wb.tables
      .filter((t) => !this.sheet || t.sheet === this.sheet)
      .map((t) => new TableObject(t));
  }
  override find(key: string): HostObject | undefined {
    const t = this.wb.tables.find(
      (x) =>
        (x.name.toLowerCase() === key.toLowerCase() || x.id === key) &&
        (!this.sheet || x.sheet === this.sheet),
    );
    return t ? new TableObject(t) : undefined;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Add") {
      if (args[1] !== true)
        throw new HostFault(
          "NotImplemented",
          "Tables without headers are not emulated.",
        );
      let sheet = this.sheet;
      let rect: Rect;
      if (args[0] instanceof RangeObject) {
        args[0].alive();
        sheet = args[0].sheet;
        rect = args[0].rect;
      } else {
        const a = parseAddress(String(args[0]));
        rect = a.rect;
        if (a.sheet) sheet = this.wb.sheet(a.sheet);
      }
      if (!sheet)
        throw new HostFault(
          "InvalidArgument",
          "The table's address has no sheet.",
        );
      return new TableObject(this.wb.addTable(sheet, rect));
    }
    return super.call(name, args);
  }
}

class CustomPropertyObject extends HostObject {
  constructor(
    readonly sheet: HostSheet,
    readonly key: string,
  ) {
    super();
  }
  private get entry() {
    const e = this.sheet.customProperties.get(this.key.toLowerCase());
    if (!e)
      throw new HostFault(
        "InvalidObjectPath",
        "The custom property was deleted.",
      );
    return e;
  }
  override itemId(): string {
    return this.key;
  }
  override scalars(): string[] {
    return ["key", "value"];
  }
  override get(name: string): unknown {
    if (name === "key") return this.entry.key;
    if (name === "value") return this.entry.value;
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    if (name === "value") this.entry.value = String(value);
    else super.set(name, value);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Delete") {
      this.sheet.customProperties.delete(this.key.toLowerCase());
      return null;
    }
    return super.call(name, args);
  }
}

/** Worksheet custom properties (ExcelApi 1.12): keys are case-insensitive, values text. */
class CustomPropertiesObject extends Collection {
  constructor(readonly sheet: HostSheet) {
    super();
  }
  override items(): HostObject[] {
    return [...this.sheet.customProperties.values()].map(
      (e) => new CustomPropertyObject(this.sheet, e.key),
    );
  }
  override find(key: string): HostObject | undefined {
    const e = this.sheet.customProperties.get(key.toLowerCase());
    return e ? new CustomPropertyObject(this.sheet, e.key) : undefined;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Add") {
      const key = String(args[0]);
      if (!key || key.length > 255)
        throw new HostFault("InvalidArgument", "The key is not valid.");
      const existing = this.sheet.customProperties.get(key.toLowerCase());
      if (existing) existing.value = String(args[1]);
      else
        this.sheet.customProperties.set(key.toLowerCase(), {
          key,
          value: String(args[1]),
        });
      return new CustomPropertyObject(this.sheet, key);
    }
    return super.call(name, args);
  }
}

class ChartsObject extends Collection {
  constructor(readonly sheet: HostSheet) {
    super();
  }
  override items(): HostObject[] {
    return [];
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Add") {
      // ChartCollection.add(type, sourceData, seriesBy), ExcelApi 1.1 (office-js-docs-pr,
      // docs/excel/excel-add-ins-charts.md): the type and series orientation are kept too.
      const bag = new Bag();
      bag.props.type = args[0];
      bag.props.seriesBy = args[2];
      bag.props.source =
        args[1] instanceof RangeObject ? rectAddress(args[1].rect) : args[1];
      this.sheet.charts.push(bag.props);
      return Object.assign(bag, { entity: true });
    }
    return super.call(name, args);
  }
}

class RuleObject extends HostObject {
  override readonly entity = false;
  constructor(readonly cf: HostConditionalFormat) {
    super();
  }
  override get(name: string): unknown {
    if (name === "formula" || name === "formulaLocal")
      return this.cf.formula ?? null;
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    if (name === "formula" || name === "formulaLocal") {
      this.cf.formula = String(value);
      this.cf.sheet.workbook.evaluateRowFormula(
        this.cf.sheet,
        this.cf.formula,
        0,
        this.cf.rect,
      );
      return;
    }
    super.set(name, value);
  }
}

class CfFormatObject extends HostObject {
  override readonly entity = false;
  constructor(
    readonly cf: HostConditionalFormat,
    readonly part?: "fill" | "font",
  ) {
    super();
  }
  override nav(name: string): HostObject {
    if (name === "Fill") return new CfFormatObject(this.cf, "fill");
    if (name === "Font") return new CfFormatObject(this.cf, "font");
    return new Bag();
  }
  override get(name: string): unknown {
    if (name === "color" && this.part) return this.cf[this.part] ?? null;
    return null;
  }
  override set(name: string, value: unknown): void {
    if (name === "color" && this.part) this.cf[this.part] = String(value);
  }
}

class CfKindObject extends HostObject {
  override readonly entity = false;
  constructor(readonly cf: HostConditionalFormat) {
    super();
  }
  override nav(name: string): HostObject {
    if (name === "Rule") return new RuleObject(this.cf);
    if (name === "Format") return new CfFormatObject(this.cf);
    return super.nav(name);
  }
  override set(name: string, value: unknown): void {
    if (name === "rule") this.cf.textRule = value;
    else super.set(name, value);
  }
}

class ConditionalFormatObject extends HostObject {
  override readonly reportsId = true;
  constructor(readonly cf: HostConditionalFormat) {
    super();
  }
  override alive(): void {
    if (this.cf.deleted)
      throw new HostFault(
        "InvalidObjectPath",
        "The conditional format was deleted.",
      );
  }
  override itemId(): string {
    return this.cf.id;
  }
  override scalars(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  override nav(name: string): HostObject {
    this.alive();
    if (name === "Custom" && this.cf.type === "Custom")
      return new CfKindObject(this.cf);
    if (name === "TextComparison" && this.cf.type === "ContainsText")
      return new CfKindObject(this.cf);
    if (name === "Custom" || name === "TextComparison")
      throw new HostFault(
        "InvalidOperation",
        `This conditional format is of type ${this.cf.type}.`,
      );
    return super.nav(name);
  }
  override get(name: string): unknown {
    this.alive();
    if (name === "id") return this.cf.id;
    if (name === "type") return this.cf.type;
    if (name === "priority") return this.cf.priority;
    if (name === "stopIfTrue") return false;
    return super.get(name);
  }
  override call(name: string, args: unknown[]): unknown {
    this.alive();
    if (name === "Delete") {
      this.cf.deleted = true;
      const list = this.cf.sheet.conditionalFormats;
      list.splice(list.indexOf(this.cf), 1);
      return null;
    }
    if (name === "GetRange")
      return new RangeObject(this.cf.sheet, this.cf.rect);
    return super.call(name, args);
  }
}

let cfCounter = 0;

/** The conditional formats that intersect a range (Range.conditionalFormats). */
class ConditionalFormatsObject extends Collection {
  constructor(readonly range: RangeObject) {
    super();
  }
  private list(): HostConditionalFormat[] {
    return this.range.sheet.conditionalFormats.filter((cf) =>
      intersects(cf.rect, this.range.rect),
    );
  }
  override items(): HostObject[] {
    return this.list().map((cf) => new ConditionalFormatObject(cf));
  }
  override call(name: string, args: unknown[]): unknown {
    const sheet = this.range.sheet;
    if (name === "Add") {
      const type = String(args[0]);
      if (!["Custom", "ContainsText"].includes(type))
        throw new HostFault(
          "NotImplemented",
          `Conditional format ${type} is not emulated.`,
        );
      const cf: HostConditionalFormat = {
        id: `cf${++cfCounter}`,
        sheet,
        rect: { ...this.range.rect },
        type,
        priority: 0,
        deleted: false,
      };
      // A new rule goes on top of the others.
      sheet.conditionalFormats.forEach((x) => x.priority++);
      sheet.conditionalFormats.unshift(cf);
      return new ConditionalFormatObject(cf);
    }
    if (name === "ClearAll") {
      for (const cf of this.list())
        new ConditionalFormatObject(cf).call("Delete", []);
      return null;
    }
    return super.call(name, args);
  }
}

class NamedItemObject extends HostObject {
  constructor(
    readonly wb: HostWorkbook,
    readonly item: HostName,
  ) {
    super();
  }
  override alive(): void {
    if (!this.wb.names.includes(this.item))
      throw new HostFault("InvalidObjectPath", "The name was deleted.");
  }
  override itemId(): string {
    return this.item.name;
  }
  override scalars(): string[] {
    return ["name", "formula", "comment", "visible", "type"];
  }
  override get(name: string): unknown {
    this.alive();
    switch (name) {
      case "name":
        return this.item.name;
      case "formula":
        return this.item.formula;
      case "comment":
        return this.item.comment;
      case "visible":
        return this.item.visible;
      case "type":
        return this.item.formula.startsWith("=#REF!") ? "Error" : "Range";
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    this.alive();
    if (name === "formula") this.item.formula = String(value);
    else if (name === "visible") this.item.visible = Boolean(value);
    else if (name === "comment") this.item.comment = String(value);
    else super.set(name, value);
    this.wb.writeStamp++;
  }
  override call(name: string, args: unknown[]): unknown {
    this.alive();
    if (name === "Delete") {
      this.wb.names.splice(this.wb.names.indexOf(this.item), 1);
      this.wb.writeStamp++;
      return null;
    }
    if (name === "GetRange" || name === "GetRangeOrNullObject") {
      const at = this.wb.nameRange(this.item.name);
      if (!at) {
        if (name === "GetRangeOrNullObject") return null;
        throw new HostFault(
          "InvalidReference",
          "The name does not refer to a range.",
        );
      }
      return new RangeObject(at.sheet, at.rect);
    }
    return super.call(name, args);
  }
}

class NamesObject extends Collection {
  constructor(readonly wb: HostWorkbook) {
    super();
  }
  override items(): HostObject[] {
    return this.wb.names.map((n) => new NamedItemObject(this.wb, n));
  }
  override find(key: string): HostObject | undefined {
    const n = this.wb.findName(key);
    return n ? new NamedItemObject(this.wb, n) : undefined;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Add") {
      const n = String(args[0]);
      this.wb.checkName(n);
      const ref = args[1];
      const formula =
        ref instanceof RangeObject
          ? `=${quoteSheet(ref.sheet.name)}!${rectAddress(ref.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`
          : String(ref).startsWith("=")
            ? String(ref)
            : `=${String(ref)}`;
      const item: HostName = {
        name: n,
        formula,
        comment: String(args[2] ?? ""),
        visible: true,
      };
      this.wb.names.push(item);
      this.wb.writeStamp++;
      return new NamedItemObject(this.wb, item);
    }
    return super.call(name, args);
  }
}

class FunctionResultObject extends HostObject {
  override readonly entity = false;
  constructor(
    readonly value: unknown,
    readonly error: string | null,
  ) {
    super();
  }
  override scalars(): string[] {
    return ["value", "error"];
  }
  override get(name: string): unknown {
    if (name === "value") return this.value;
    if (name === "error") return this.error;
    return super.get(name);
  }
}

/** workbook.functions (ExcelApi 1.2): only DATE, which reveals the date system. */
class FunctionsObject extends HostObject {
  override readonly entity = false;
  constructor(readonly wb: HostWorkbook) {
    super();
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === "Date") {
      const [y, m, d] = args.map(Number);
      const serial = serialOf(y < 1900 ? y + 1900 : y, m, d, this.wb.date1904);
      return serial < 0
        ? new FunctionResultObject("#NUM!", "#NUM!")
        : new FunctionResultObject(serial, null);
    }
    return super.call(name, args);
  }
}

export class WorkbookObject extends HostObject {
  override readonly entity = false;
  constructor(readonly wb: HostWorkbook) {
    super();
  }
  override scalars(): string[] {
    return ["name"];
  }
  override nav(name: string): HostObject {
    switch (name) {
      case "Worksheets":
        return new SheetsObject(this.wb);
      case "Tables":
        return new TablesObject(this.wb);
      case "Names":
        return new NamesObject(this.wb);
      case "Functions":
        return new FunctionsObject(this.wb);
    }
    return super.nav(name);
  }
  override get(name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    return super.get(name);
  }
}
