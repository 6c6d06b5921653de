import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useReducer } from "react";
import { REPORT_SHEET } from "../excel/report-sheet";
import { columnLetter } from "../workbook/read-table";
import type { SimulatedWorkbook } from "./simulated-workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, height: "100vh" },
  grid: { overflow: "auto", flex: 1, border: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: "12px" },
  table: { borderCollapse: "collapse", whiteSpace: "nowrap" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 6px", maxWidth: "220px", overflow: "hidden", textOverflow: "ellipsis" },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, position: "sticky", top: 0 },
  flagged: { backgroundColor: "#FDE7E9", color: "#A4262C" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  chart: { padding: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, maxHeight: "40vh", overflow: "auto" },
});

/** A read-mostly view of the simulated workbook: tabs, cells, the add-in's highlights, the report chart. Double-click a cell to edit it. */
export function SheetView({ workbook }: { workbook: SimulatedWorkbook }) {
  const s = useStyles();
  const [, refresh] = useReducer((x: number) => x + 1, 0);
  useEffect(() => workbook.subscribe(refresh), [workbook]);
  const sheet = workbook.sheet(workbook.activeSheet);
  const width = Math.max(0, ...(sheet?.rows.map((r) => r.length) ?? [0]));
  const selectedRow = workbook.selection?.sheet === sheet?.name ? Number(/\d+$/.exec(workbook.selection?.cell ?? "")?.[0]) : undefined;

  useEffect(() => {
    if (selectedRow) document.querySelector(`[data-sheet-row="${selectedRow}"]`)?.scrollIntoView({ block: "center" });
  }, [selectedRow, sheet?.name]);

  return (
    <section className={s.root} aria-label="Workbook">
      <TabList selectedValue={workbook.activeSheet} onTabSelect={(_, d) => workbook.activate(String(d.value))}>
        {workbook.sheets.map((sh) => (
          <Tab key={sh.name} value={sh.name}>
            {sh.name}
          </Tab>
        ))}
      </TabList>
      <div className={s.grid}>
        <table className={s.table} data-sheet={sheet?.name}>
          <thead>
            <tr>
              <th className={`${s.cell} ${s.head}`} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={`${s.cell} ${s.head}`}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet?.rows.map((row, r) => {
              const n = r + 1;
              const flagged = sheet.name === "Holdings" && workbook.highlighted.has(n);
              return (
                <tr key={n} data-sheet-row={n} data-flagged={flagged || undefined} className={flagged ? s.flagged : undefined}>
                  <td className={`${s.cell} ${s.head}`}>{n}</td>
                  {Array.from({ length: width }, (_, c) => (
                    <td
                      key={c}
                      className={`${s.cell} ${n === selectedRow && c === 0 ? s.selected : ""}`}
                      title={String(row[c] ?? "")}
                      onDoubleClick={() => {
                        const value = window.prompt(`${sheet.name}!${columnLetter(c)}${n}`, String(row[c] ?? ""));
                        if (value !== null) workbook.edit(sheet.name, r, c, value !== "" && !Number.isNaN(Number(value)) ? Number(value) : value);
                      }}
                    >
                      {String(row[c] ?? "")}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sheet?.name === REPORT_SHEET && workbook.chart.length > 0 && (
        <div className={s.chart} data-chart>
          <Text weight="semibold">Quotas against their thresholds</Text>
          <svg width="520" height={workbook.chart.length * 22 + 10} role="img" aria-label="Quotas against their thresholds">
            {workbook.chart.map((b, i) => {
              const scale = 220;
              const y = i * 22 + 4;
              return (
                <g key={b.label}>
                  <text x="0" y={y + 12} fontSize="10">
                    {b.label}
                  </text>
                  <rect x="200" y={y} width={Math.min(1.2, b.value) * scale} height="8" fill="#0F6CBD" />
                  <rect x="200" y={y + 9} width={Math.min(1.2, b.threshold) * scale} height="6" fill="#C4C4C4" />
                  <text x={206 + Math.min(1.2, Math.max(b.value, b.threshold)) * scale} y={y + 12} fontSize="10">
                    {(b.value * 100).toFixed(1)} % / {(b.threshold * 100).toFixed(0)} %
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      )}
    </section>
  );
}
