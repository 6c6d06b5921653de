// gzip size of the task pane and functions bundles, as npm run build writes them.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export function benchBundle(): {
  sharedKB: number;
  taskpaneKB: number;
  functionsKB: number;
  totalKB: number;
} {
  const root = path.resolve(__dirname, "..");
  const out = path.join(root, "dist/addin");
  if (!existsSync(path.join(out, "taskpane.js")))
    execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/webpack-cli/bin/cli.js"),
        "--mode",
        "production",
      ],
      { cwd: root, stdio: "pipe" },
    );
  const kb = (f: string) =>
    Math.round(gzipSync(readFileSync(path.join(out, f))).length / 102.4) / 10;
  const taskpaneKB = kb("taskpane.js");
  const functionsKB = kb("functions.js");
  // The code both use ships once, in shared.js (webpack.config.js).
  const sharedKB = kb("shared.js");
  return {
    sharedKB,
    taskpaneKB,
    functionsKB,
    totalKB: Math.round((sharedKB + taskpaneKB + functionsKB) * 10) / 10,
  };
}
