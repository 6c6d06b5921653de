// One folder for every temporary file of a test run (test/helpers/xlsx.ts: tempDir), removed when
// the run ends: the CLI tests write hundreds of workbooks, which were left behind in the system's
// temporary folder at each run. Each run has its own folder, so two runs side by side never
// remove each other's files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "fund-quota-tests-"));
  // Set before the workers start: they inherit it.
  process.env.FUND_QUOTA_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
