import { createRoot } from "react-dom/client";
import { createElement } from "react";

/* global document, Office */
Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(createElement("p", null, "Fund Quota Monitor"));
});
