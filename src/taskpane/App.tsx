import {
  Accordion,
  Button,
  Divider,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  ToggleButton,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { columnLetter } from "../workbook/read-table";
import { DiagnosticsList } from "./components/DiagnosticsList";
import { FundCard } from "./components/FundCard";
import { SettingsPanel } from "./components/SettingsPanel";
import { format, languageOf, STRINGS } from "./i18n";
import type { PaneSettings, WorkbookOperations } from "./operations";
import { useQuotaCheck } from "./use-quota-check";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  summary: { display: "flex", gap: "12px", flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
  breaches: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The task pane: check every fund, drill into a rule's positions, highlight, write the report. */
export function App({ ops }: { ops: WorkbookOperations }) {
  const s = useStyles();
  const [settings, setSettings] = useState<PaneSettings | undefined>();
  const [showSettings, setShowSettings] = useState(false);
  const [highlighted, setHighlighted] = useState(false);
  const [notice, setNotice] = useState<{ intent: "success" | "error" | "info"; text: string } | undefined>();
  const language = languageOf(ops.displayLanguage(), settings?.language);
  const t = STRINGS[language];

  useEffect(() => {
    ops.loadSettings().then(setSettings, () => setSettings({}));
  }, [ops]);

  const check = useQuotaCheck(ops, settings);
  const report = check.report;
  const allDiagnostics = useMemo(() => (report ? [...report.diagnostics, ...report.funds.flatMap((f) => f.diagnostics)] : []), [report]);

  const act = useCallback(
    async (action: () => Promise<string>) => {
      try {
        setNotice({ intent: "success", text: await action() });
      } catch (e) {
        setNotice({ intent: "error", text: format(t.error, { message: e instanceof Error ? e.message : String(e) }) });
      }
    },
    [t]
  );

  const selectRow = (row: number) => {
    const holdings = check.tables.Holdings;
    if (holdings) void act(async () => (await ops.select(holdings.sheet, `${columnLetter(holdings.firstColumn)}${row}`), format(t.goToRow, { row })));
  };

  const counts = report?.summary;
  const noTables = report !== undefined && !check.tables.Funds && !check.tables.Holdings;
  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <main className={s.root} aria-busy={check.running}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <div className={s.toolbar} role="toolbar">
          <Button appearance="primary" onClick={() => void check.run()} disabled={check.running} data-action="check">
            {check.running ? t.checking : t.check}
          </Button>
          <ToggleButton
            checked={highlighted}
            disabled={!report}
            data-action="highlight"
            onClick={() =>
              void act(async () => {
                if (highlighted) {
                  await ops.clearHighlights();
                  setHighlighted(false);
                  return t.highlightsCleared;
                }
                const n = await ops.highlightBreaches(report!);
                setHighlighted(true);
                return format(t.highlighted, { count: n });
              })
            }
          >
            {highlighted ? t.clearHighlight : t.highlight}
          </ToggleButton>
          <Button disabled={!report} data-action="report" onClick={() => void act(async () => (await ops.writeReport(report!), t.reportWritten))}>
            {t.writeReport}
          </Button>
          <Button
            data-action="template"
            onClick={() =>
              void act(async () => {
                const r = await ops.insertTemplate(language);
                void check.run();
                return format(t.templateDone, { created: r.created.join(", ") || "—", skipped: r.skipped.join(", ") || "—" });
              })
            }
          >
            {t.insertTemplate}
          </Button>
          <Button appearance="subtle" onClick={() => setShowSettings(!showSettings)} aria-expanded={showSettings}>
            {t.settings}
          </Button>
          {check.running && <Spinner size="tiny" />}
        </div>
        {showSettings && settings && (
          <SettingsPanel
            settings={settings}
            t={t}
            onSave={(next) => {
              setSettings(next);
              setShowSettings(false);
              void act(async () => (await ops.saveSettings(next), t.save));
            }}
          />
        )}
        {notice && (
          <MessageBar intent={notice.intent} role="status">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {check.error && (
          <MessageBar intent="error">
            <MessageBarBody>{format(t.error, { message: check.error })}</MessageBarBody>
          </MessageBar>
        )}
        {noTables && (
          <MessageBar intent="info">
            <MessageBarBody>{t.noTables}</MessageBarBody>
          </MessageBar>
        )}
        {report && counts && (
          <div className={s.summary} data-summary>
            <Text>
              {t.asOf} {report.asOf}
            </Text>
            <Text>
              {counts.funds} {t.funds}
            </Text>
            <Text className={counts.breaches ? s.breaches : undefined}>
              {counts.breaches} {t.breaches}
            </Text>
            <Text>
              {counts.warnings} {t.warnings}
            </Text>
            <Text>
              {counts.incomplete} {t.incomplete}
            </Text>
            {check.live && <Text size={200}>{t.liveUpdated}</Text>}
          </div>
        )}
        {allDiagnostics.length > 0 && (
          <>
            <Text weight="semibold">
              {t.diagnostics} ({allDiagnostics.length})
            </Text>
            <DiagnosticsList diagnostics={allDiagnostics} tables={check.tables} t={t} onSelect={(sheet, cell) => void act(async () => (await ops.select(sheet, cell), `${sheet}!${cell}`))} />
          </>
        )}
        <Divider />
        {report && (
          <Accordion multiple collapsible defaultOpenItems={report.funds.filter((f) => f.status === "breach").map((f) => f.fundId)}>
            {report.funds.map((fund) => (
              <FundCard key={fund.fundId} fund={fund} language={language} t={t} onSelectRow={selectRow} />
            ))}
          </Accordion>
        )}
      </main>
    </FluentProvider>
  );
}
