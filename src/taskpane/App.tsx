import { Accordion, Button, FluentProvider, makeStyles, MessageBar, MessageBarBody, Text, ToggleButton, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { todayIso } from "../engine/dates";
import { errorText } from "../present/reasons";
import { columnLetter } from "../workbook/read-table";
import { AsOfBar, AsOfChoices } from "./components/AsOfBar";
import { DiagnosticsList } from "./components/DiagnosticsList";
import { FirstRun } from "./components/FirstRun";
import { FundCard } from "./components/FundCard";
import { FundSummary, SummaryCounts } from "./components/FundSummary";
import { Legend } from "./components/Legend";
import { SettingsPanel } from "./components/SettingsPanel";
import { format, formatDate, languageOf, plural, STRINGS } from "./i18n";
import type { PaneSettings, WorkbookOperations } from "./operations";
import { periodEnds } from "./period-ends";
import { fundsWorstFirst } from "./summary";
import { useQuotaCheck } from "./use-quota-check";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "8px 10px", fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1 },
  // The task pane's own header already shows the add-in's name: the heading is for screen readers.
  title: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", margin: "-1px" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: "4px" },
});

/**
 * The task pane at month-end: the as-of date, then the funds worst first with what to cure,
 * then the actions on the sheet, the legend, the reading problems and each fund's rules and positions.
 */
export function App({ ops }: { ops: WorkbookOperations }) {
  const s = useStyles();
  const [settings, setSettings] = useState<PaneSettings | undefined>();
  const [showSettings, setShowSettings] = useState(false);
  const [highlighted, setHighlighted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [openFunds, setOpenFunds] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ intent: "success" | "error" | "info"; text: string } | undefined>();
  const language = languageOf(ops.displayLanguage(), settings?.language);
  const t = STRINGS[language];

  useEffect(() => {
    ops.loadSettings().then(setSettings, () => setSettings({}));
  }, [ops]);

  const check = useQuotaCheck(ops, settings);
  const report = check.report;
  const allDiagnostics = useMemo(() => (report ? [...report.diagnostics, ...report.funds.flatMap((f) => f.diagnostics)] : []), [report]);
  const ordered = useMemo(() => (report ? fundsWorstFirst(report.funds) : []), [report]);

  const act = useCallback(
    async (action: () => Promise<string>) => {
      setBusy(true);
      try {
        setNotice({ intent: "success", text: await action() });
      } catch (e) {
        setNotice({ intent: "error", text: format(t.error, { message: errorText(e, language) }) });
      } finally {
        setBusy(false);
      }
    },
    [t, language]
  );

  const selectRow = (row: number) => {
    const holdings = check.tables.Holdings;
    if (holdings) void act(async () => (await ops.select(holdings.sheet, `${columnLetter(holdings.firstColumn)}${row}`), format(t.goToRow, { row })));
  };

  /** Go to a row of a register (Subscribers, Offers, Trades), where the workbook holds it. */
  const selectRegisterRow = (table: "Subscribers" | "Offers" | "Trades", row: number) => {
    const found = check.tables[table];
    if (found) void act(async () => (await ops.select(found.sheet, `${columnLetter(found.firstColumn)}${row}`), format(t.goToRow, { row })));
  };

  /** From the summary to the fund's rules: open its card, bring it into view and give it the focus. */
  const openFund = (fundId: string) => {
    setOpenFunds((open) => (open.includes(fundId) ? open : [...open, fundId]));
    requestAnimationFrame(() => {
      const card = [...document.querySelectorAll<HTMLElement>("[data-fund]")].find((e) => e.dataset.fund === fundId);
      const header = card?.querySelector("button");
      header?.scrollIntoView({ block: "start" });
      header?.focus();
    });
  };

  const chooseAsOf = (asOf: string | undefined) => setSettings((current) => ({ ...current, asOf }));

  const insertTemplate = () =>
    void act(async () => {
      const r = await ops.insertTemplate(language);
      void check.run();
      return format(t.templateDone, { created: r.created.join(", ") || "—", skipped: r.skipped.join(", ") || "—" });
    });

  const firstRun = report !== undefined && !check.tables.Funds && !check.tables.Holdings;
  const emptyTables = report !== undefined && !firstRun && report.funds.length === 0;
  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <main className={s.root} aria-busy={check.running}>
        <h1 className={s.title}>{t.title}</h1>
        <AsOfBar asOfUsed={report?.asOf} chosen={settings?.asOf || undefined} live={check.live} language={language} t={t} running={check.running} onCheck={() => void check.run()} />
        {notice && (
          <MessageBar intent={notice.intent} role="status">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {check.error && (
          <MessageBar intent="error">
            <MessageBarBody>{format(t.error, { message: check.failure === undefined ? check.error : errorText(check.failure, language) })}</MessageBarBody>
          </MessageBar>
        )}
        {firstRun && (
          <FirstRun
            t={t}
            busy={busy}
            onInsertTemplate={insertTemplate}
            onOpenSample={() =>
              void act(async () => {
                await ops.openSample();
                // Excel opens it in a new window and this workbook is unchanged; a re-check costs nothing.
                void check.run();
                return t.sampleOpened;
              })
            }
          />
        )}
        {emptyTables && (
          <MessageBar intent="info">
            <MessageBarBody>{t.emptyTables}</MessageBarBody>
          </MessageBar>
        )}
        {report && !firstRun && !emptyTables && (
          <section className={s.section} aria-label={t.summaryTitle} data-summary>
            <SummaryCounts report={report} language={language} t={t} />
            <FundSummary report={report} language={language} t={t} onOpen={openFund} />
          </section>
        )}
        {report && !firstRun && <AsOfChoices chosen={settings?.asOf || undefined} funds={check.funds} today={todayIso()} language={language} t={t} onChoose={chooseAsOf} />}
        {report && !firstRun && (
          <div className={s.toolbar} role="toolbar" aria-label={t.moreActions}>
            <ToggleButton
              checked={highlighted}
              disabled={!report.funds.length || busy}
              data-action="highlight"
              onClick={() =>
                void act(async () => {
                  if (highlighted) {
                    await ops.clearHighlights();
                    setHighlighted(false);
                    return t.highlightsCleared;
                  }
                  const n = await ops.highlightBreaches(report);
                  setHighlighted(true);
                  return plural(language, n, t.highlighted);
                })
              }
            >
              {highlighted ? t.clearHighlight : t.highlight}
            </ToggleButton>
            <Button disabled={!report.funds.length || busy} data-action="report" onClick={() => void act(async () => (await ops.writeReport(report, language), t.reportWritten))}>
              {t.writeReport}
            </Button>
            {ops.freezeMonthEnd && (
              <Button
                disabled={!report.funds.length || busy}
                data-action="freeze"
                onClick={() =>
                  void act(async () => {
                    const n = await ops.freezeMonthEnd!(report, language);
                    return format(t.monthEndFrozen, { date: formatDate(report.asOf, language), n });
                  })
                }
              >
                {t.freezeMonthEnd}
              </Button>
            )}
            <Button appearance="subtle" disabled={busy} data-action="template" onClick={insertTemplate}>
              {t.insertTemplate}
            </Button>
            <Button appearance="subtle" onClick={() => setShowSettings(!showSettings)} aria-expanded={showSettings}>
              {t.settings}
            </Button>
          </div>
        )}
        {showSettings && settings && (
          <SettingsPanel
            settings={settings}
            t={t}
            onSave={(next) => {
              setSettings(next);
              setShowSettings(false);
              void act(async () => (await ops.saveSettings(next), t.settingsSaved));
            }}
          />
        )}
        {report && !firstRun && !emptyTables && <Legend language={language} t={t} />}
        {!firstRun && allDiagnostics.length > 0 && (
          <section className={s.section}>
            <Text as="h2" size={300} weight="semibold">
              {t.diagnostics} ({allDiagnostics.length})
            </Text>
            <DiagnosticsList diagnostics={allDiagnostics} tables={check.tables} t={t} language={language} onSelect={(sheet, cell) => void act(async () => (await ops.select(sheet, cell), `${sheet}!${cell}`))} />
          </section>
        )}
        {report && ordered.length > 0 && (
          <section className={s.section} aria-labelledby="details-title">
            <Text as="h2" id="details-title" size={300} weight="semibold">
              {t.details}
            </Text>
            <Accordion multiple collapsible openItems={openFunds} onToggle={(_, d) => setOpenFunds(d.openItems as string[])}>
              {ordered.map((fund) => (
                <FundCard
                  key={fund.fundId}
                  fund={fund}
                  language={language}
                  t={t}
                  onSelectRow={selectRow}
                  periodEnds={periodEnds(check.funds.find((f) => f.fundId === fund.fundId)?.firstYearEnd, todayIso())}
                  onChooseAsOf={chooseAsOf}
                  registers={[
                    { table: "Subscribers", rows: fund.subscriptions ?? [] },
                    { table: "Trades", rows: fund.trades ?? [] },
                  ]}
                  onSelectRegisterRow={selectRegisterRow}
                />
              ))}
              {(report.issuers ?? []).map((issuer) => (
                <FundCard
                  key={`issuer:${issuer.issuerId}`}
                  fund={{ fundId: issuer.issuerId, fundName: issuer.issuerName, status: issuer.status, rules: issuer.rules, diagnostics: issuer.diagnostics }}
                  language={language}
                  t={t}
                  onSelectRow={selectRow}
                  registers={[{ table: "Offers", rows: issuer.offers }]}
                  onSelectRegisterRow={selectRegisterRow}
                />
              ))}
            </Accordion>
          </section>
        )}
      </main>
    </FluentProvider>
  );
}
