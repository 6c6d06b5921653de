import type { Diagnostic, TableName, TableSource } from "../model";
import { type Reason, reason } from "../reasons";
import { coded } from "../../present/english";
import type { Tri } from "./logic";
import type { RegisterRow, RegisterTable } from "./types";

export type RegisterTableName = Extract<
  TableName,
  "Subscribers" | "Offers" | "Trades"
>;

/**
 * How a check reads a register row (contract §2): a value it needs is unknown when blank or
 * unreadable (a blank one gets a diagnostic naming the user's header, once the check turns out
 * unknown); evidence is what the register shows, so a blank or absent evidence column is "not
 * evidenced"; the per-row controls of an absent column are unknown, with one warning on the header.
 */
export class RegisterReader<R extends RegisterRow> {
  readonly diagnostics: Diagnostic[] = [];
  private readonly absentWarned = new Set<string>();
  private readonly blankNoted = new Set<string>();

  constructor(
    readonly table: RegisterTableName,
    private readonly register: RegisterTable<R>,
    private readonly source: TableSource | undefined,
  ) {}

  has(column: string): boolean {
    return this.register.columns.has(column);
  }

  /** A value a check needs; records a blank cell in `bag` so the check can report it if unknown. */
  needed<K extends keyof R & string>(
    r: R,
    column: K,
    bag: string[],
  ): R[K] | undefined {
    const v = r[column];
    if (v === undefined && !r.invalid.has(column) && this.has(column))
      bag.push(column);
    return v;
  }

  /** Evidence: true when the register shows it; null only when the cell is unreadable. */
  evidence<K extends keyof R & string>(r: R, column: K): Tri {
    if (r.invalid.has(column)) return null;
    return r[column] === true;
  }

  /** A per-row control: unknown when its column is absent (one warning on the header row). */
  control<K extends keyof R & string>(
    r: R,
    column: K,
    rule: string,
  ): R[K] | null {
    if (!this.has(column)) {
      if (!this.absentWarned.has(column)) {
        this.absentWarned.add(column);
        this.diagnostics.push({
          severity: "warning",
          table: this.table,
          row: this.register.headerRow,
          column,
          sheet: this.register.sheet ?? this.source?.sheet,
          ...coded(
            reason("register-control-absent", {
              table: this.table,
              column,
              rule,
            }),
          ),
        });
      }
      return null;
    }
    if (r.invalid.has(column)) return null;
    return r[column];
  }

  /** After a check: the blank cells it needed get their diagnostic when it came out unknown. */
  settle(r: R, met: Tri, bag: string[]): void {
    if (met !== null) return;
    for (const column of bag) {
      const key = `${r.row}:${column}`;
      if (this.blankNoted.has(key)) continue;
      this.blankNoted.add(key);
      const header = this.source?.headers[column];
      const purpose = "register-check";
      const why = reason("value-needed", { column, header, purpose });
      this.diagnostics.push(this.rowDiagnostic(r.row, column, "warning", why));
    }
  }

  /** A diagnostic on a row (on one cell when `column` is given), with a reason of its own. */
  rowDiagnostic(
    row: number,
    column: string | undefined,
    severity: Diagnostic["severity"],
    why: Reason,
    value?: string,
  ): Diagnostic {
    const header = column ? this.source?.headers[column] : undefined;
    const letter = column ? this.source?.letters[column] : undefined;
    return {
      severity,
      table: this.table,
      row,
      column,
      header: header !== undefined && header !== column ? header : undefined,
      sheet: this.source?.sheet,
      cell: letter ? `${letter}${row}` : undefined,
      value,
      ...coded(why),
    };
  }
}
