import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Diagnostic, TableName } from "../../engine/model";
import type { RawTable } from "../../workbook/grid";
import { diagnosticColumn, diagnosticExplanation } from "../../present/report";
import { format, type Strings } from "../i18n";
import type { Language } from "../operations";
import { diagnosticTarget } from "../use-quota-check";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "4px", maxHeight: "180px", overflowY: "auto" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Every reading problem with table, row, the column as the user wrote its header, and value, and a link that selects the cell. */
export function DiagnosticsList(props: { diagnostics: Diagnostic[]; tables: Partial<Record<TableName, RawTable>>; t: Strings; language?: Language; onSelect(sheet: string, cell: string): void }) {
  const s = useStyles();
  return (
    <div className={s.list} role="list" aria-label={props.t.diagnostics}>
      {props.diagnostics.map((d, i) => {
        const target = diagnosticTarget(d, props.tables);
        const column = diagnosticColumn(d);
        return (
          <Text size={200} key={i} role="listitem" data-diagnostic={`${d.table}:${d.row}:${d.column ?? ""}`}>
            <span className={d.severity === "error" ? s.error : undefined}>{props.t.severity[d.severity]}</span> · {d.table}
            {d.row ? ` · ${format(props.t.rowNumber, { row: d.row })}` : ""}
            {column ? ` · ${format(props.t.columnHeader, { header: column })}` : ""}
            {d.value ? ` · “${d.value}”` : ""}: {diagnosticExplanation(d, props.language ?? "en")}{" "}
            {target && (
              <Link onClick={() => props.onSelect(target.sheet, target.cell)}>
                {props.t.goToCell} {target.cell}
              </Link>
            )}
          </Text>
        );
      })}
    </div>
  );
}
