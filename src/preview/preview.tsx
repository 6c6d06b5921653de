import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import sample from "./sample-grids.generated.json";
import { type Sheet, SimulatedWorkbook } from "./simulated-workbook";
import { SheetView } from "./SheetView";

/* global document, window */

// The real pane next to a simulated workbook built from examples/sample-funds.xlsx.
const workbook = new SimulatedWorkbook((sample as { sheets: Sheet[] }).sheets);
const language = new URLSearchParams(window.location.search).get("lang") ?? "en-US";
const ops = workbook.operations(language);
(window as unknown as { fundQuotaPreview: SimulatedWorkbook }).fundQuotaPreview = workbook;

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ display: "grid", gridTemplateColumns: "380px 1fr", height: "100vh" }}>
        <div style={{ overflowY: "auto", borderRight: "1px solid #e0e0e0" }}>
          <App ops={ops} />
        </div>
        <SheetView workbook={workbook} />
      </div>
    </FluentProvider>
  );
}
