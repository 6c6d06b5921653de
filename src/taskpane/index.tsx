import { createRoot } from "react-dom/client";
import { excelOperations } from "../excel/excel-operations";
import { App } from "./App";

/* global document, Office */

Office.onReady((info) => {
  const root = document.getElementById("root");
  if (!root || info.host !== Office.HostType.Excel) return;
  createRoot(root).render(<App ops={excelOperations()} />);
});
