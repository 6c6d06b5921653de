import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { type Sheet, SimulatedWorkbook } from "./simulated-workbook";
import { SheetView } from "./SheetView";

/* global document, window */

// The real pane next to a simulated workbook built from examples/sample-funds.xlsx.
// ?lang=fr-FR: Office's display language; ?empty=1: a workbook without tables (first run);
// ?pane=only: the pane alone, at the window's width (as in a narrow Excel task pane).
const params = new URLSearchParams(window.location.search);
const language = params.get("lang") ?? "en-US";
// The sample is a chunk of its own, loaded when needed, as the add-in fetches it on demand.
const loadSample = () => import("./sample-grids.generated.json").then((m) => structuredClone((m.default as { sheets: Sheet[] }).sheets));

async function start() {
  const workbook = new SimulatedWorkbook(params.get("empty") ? [] : await loadSample(), loadSample);
  const ops = workbook.operations(language);
  (window as unknown as { fundQuotaPreview: SimulatedWorkbook }).fundQuotaPreview = workbook;
  const root = document.getElementById("root");
  if (!root) return;
  const paneOnly = params.get("pane") === "only";
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      {paneOnly ? (
        <App ops={ops} />
      ) : (
        <div style={{ display: "grid", gridTemplateColumns: "380px 1fr", height: "100vh" }}>
          <div style={{ overflowY: "auto", borderRight: "1px solid #e0e0e0" }}>
            <App ops={ops} />
          </div>
          <SheetView workbook={workbook} />
        </div>
      )}
    </FluentProvider>
  );
}

void start();
