import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest, DEV_URL, DEV_ID, PRODUCTION_ID } = require("../../scripts/manifest-urls.cjs");

// Offline check of the structure the Office documentation requires of a shared-runtime add-in
// with custom functions (office-addin-manifest validate needs the network).
const root = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");

function parse(text: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(text, "text/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}
const doc = parse(xml);
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string) => {
  const found = all(tag);
  expect(found, tag).toHaveLength(1);
  return found[0];
};
const resources = new Map<string, Element>();
for (const tag of ["bt:Image", "bt:Url", "bt:String"]) for (const e of all(tag)) resources.set(e.getAttribute("id")!, e);
const resource = (resid: string | null) => {
  expect(resid).toBeTruthy();
  const r = resources.get(resid!);
  expect(r, `resid ${resid}`).toBeDefined();
  return r!;
};

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel workbooks with a GUID id", () => {
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("requires the sets the code uses: ExcelApi 1.12 (worksheet custom properties), SharedRuntime 1.1, CustomFunctionsRuntime 1.2 (CustomFunctions.Error)", () => {
    const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets.sort()).toEqual(["CustomFunctionsRuntime 1.2", "ExcelApi 1.12", "SharedRuntime 1.1"]);
    // Newer APIs are used only after Office.context.requirements.isSetSupported says so.
    const excel = readFileSync(path.join(root, "src/excel/excel-operations.ts"), "utf8");
    expect(excel).toMatch(/isSetSupported\("ExcelApi", "1\.20"\)[\s\S]*mergeUndoGroup/);
    expect(readFileSync(path.join(root, "src/excel/own-sheets.ts"), "utf8")).toMatch(/customProperties/);
    expect(readFileSync(path.join(root, "src/functions/functions.ts"), "utf8")).toMatch(/CustomFunctions\.Error/);
  });

  it("has one Id for development and another for production", () => {
    expect(one("Id").textContent).toBe(DEV_ID);
    expect(PRODUCTION_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(PRODUCTION_ID).not.toBe(DEV_ID);
    const prod = parse(productionManifest(xml, "https://quota.example.com/addin/"));
    expect(prod.getElementsByTagName("Id")[0].textContent).toBe(PRODUCTION_ID);
  });

  it("runs the task pane, the ribbon and the custom functions in one long-lived runtime", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid");
    expect(resource(resid).getAttribute("DefaultValue")).toMatch(/\/taskpane\.html$/);
    const cf = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    expect(cf).toBeDefined();
    expect(cf.getElementsByTagName("Page")[0].getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(resid);
    expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
    const action = one("Action");
    expect(action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(resid);
  });

  it("declares the custom functions' script, metadata (with its French version) and the QUOTA namespace", () => {
    const cf = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const loc = (tag: string) => resource(cf.getElementsByTagName(tag)[0].getElementsByTagName("SourceLocation")[0].getAttribute("resid"));
    expect(loc("Script").getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
    const metadata = loc("Metadata");
    expect(metadata.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    expect(metadata.getElementsByTagName("bt:Override")[0].getAttribute("Value")).toMatch(/\/functions\.fr\.json$/);
    expect(resource(cf.getElementsByTagName("Namespace")[0].getAttribute("resid")).getAttribute("DefaultValue")).toBe("QUOTA");
  });

  it("resolves every resid, and every URL is https", () => {
    for (const e of Array.from(doc.getElementsByTagName("*"))) {
      const resid = e.getAttribute("resid");
      if (resid) {
        expect(resid.length).toBeLessThanOrEqual(32);
        resource(resid);
      }
    }
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("points its icons at files that exist in assets/", () => {
    for (const e of [...all("bt:Image").filter((i) => i.hasAttribute("id")), one("IconUrl"), one("HighResolutionIconUrl")]) {
      const url = e.getAttribute("DefaultValue")!;
      expect(existsSync(path.join(root, new URL(url).pathname)), url).toBe(true);
    }
  });

  it("is rewritten for production with no development URL left", () => {
    const prod = productionManifest(xml, "https://quota.example.com/addin/");
    expect(prod).not.toContain(DEV_URL.slice(0, -1));
    expect(prod).toContain("https://quota.example.com/addin/functions.json");
    parse(prod);
    expect(() => productionManifest(xml, "http://insecure.example.com/")).toThrow(/https/);
  });
});
