import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

/**
 * Loads Microsoft's own Excel client (`@microsoft/office-js`, the file Excel on the web loads) in a
 * Node `vm` context with a minimal window/document. The script is compiled once per worker; every
 * host gets a fresh context, so no state leaks between tests.
 */
const CLIENT = path.resolve(
  __dirname,
  "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js",
);

let compiled: vm.Script | undefined;

export interface RichApiResult {
  status: "succeeded" | "failed";
  value?: { data: [number, string[], string] };
  error?: { code: number; message?: string };
}

/** The seam: every context.sync() of Excel.run without a URL ends here (TOOLCHAIN.md). */
export type RichApiExecutor = (
  message: unknown[],
  callback: (result: RichApiResult) => void,
) => void;

export interface OfficeClient {
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
  /** Delivers a RichApi event message to the handlers the client registered. */
  deliver(message: { entries: unknown[] }): void;
}

export interface ClientOptions {
  execute: RichApiExecutor;
  /** Requirement sets the emulated host supports, e.g. { ExcelApi: "1.20" }. */
  requirementSets: Record<string, string>;
  settings: Map<string, unknown>;
  displayLanguage: string;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function loadOfficeClient(options: ClientOptions): OfficeClient {
  compiled ??= new vm.Script(fs.readFileSync(CLIENT, "utf8"), {
    filename: "excel-web-16.00.debug.js",
  });
  const element = () => ({
    style: {},
    setAttribute() {},
    appendChild() {},
  });
  const document = {
    readyState: "complete",
    cookie: "",
    addEventListener() {},
    removeEventListener() {},
    getElementsByTagName: () => [],
    createElement: element,
    head: element(),
    body: element(),
  };
  const sandbox: Record<string, unknown> = {
    document,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    location: { href: "https://localhost/taskpane.html", search: "", hash: "" },
    navigator: { userAgent: "node" },
    addEventListener() {},
    removeEventListener() {},
  };
  const ctx = vm.createContext(sandbox);
  sandbox.window = ctx;
  sandbox.self = ctx;
  sandbox.top = ctx;
  compiled.runInContext(ctx);
  const osf = sandbox.OSF as {
    DDA: {
      RichApi: { executeRichApiRequestAsync: RichApiExecutor } & Record<
        string,
        unknown
      >;
    };
  };
  osf.DDA.RichApi.executeRichApiRequestAsync = options.execute;
  // Events (table and worksheet onChanged…) reach the client through the RichApi message
  // manager; the client registers one dispatcher there and filters by event type and target.
  const eventHandlers: ((message: unknown) => void)[] = [];
  (osf.DDA.RichApi as Record<string, unknown>).richApiMessageManager = {
    register(handler: (message: unknown) => void) {
      eventHandlers.push(handler);
      return Promise.resolve();
    },
  };

  // The Common API pieces the add-in uses: requirement sets, document settings, language.
  // The client's Office.context is a getter over a host that is absent here: shadow it.
  const office = Object.create((sandbox.Office ?? {}) as object) as Record<
    string,
    unknown
  >;
  sandbox.Office = office;
  const { settings } = options;
  Object.defineProperty(office, "AsyncResultStatus", {
    value: { Succeeded: "succeeded", Failed: "failed" },
  });
  Object.defineProperty(office, "context", {
    value: {
      displayLanguage: options.displayLanguage,
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          const have = options.requirementSets[name];
          if (have === undefined) return false;
          return version === undefined
            ? true
            : versionAtLeast(have, String(version));
        },
      },
      document: {
        settings: {
          get: (key: string) =>
            settings.has(key) ? structuredClone(settings.get(key)) : null,
          set: (key: string, value: unknown) =>
            void settings.set(key, structuredClone(value)),
          remove: (key: string) => void settings.delete(key),
          saveAsync(callback?: (r: { status: string }) => void) {
            setTimeout(() => callback?.({ status: "succeeded" }), 0);
          },
        },
      },
    },
  });
  return {
    deliver: (message) => eventHandlers.forEach((h) => h(message)),
    Excel: sandbox.Excel as typeof Excel,
    Office: office as unknown as typeof Office,
    OfficeExtension: sandbox.OfficeExtension as typeof OfficeExtension,
  };
}
