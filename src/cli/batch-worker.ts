import { parentPort } from "node:worker_threads";
import { checkWorkbookFile } from "./check-file";
import type { RegisterSettings } from "../engine/registers/types";
import { UnreadableWorkbookError } from "./xlsx-tables";

// One worker of `fund-quota check` over many workbooks: reads and checks the files it is sent.
parentPort?.on(
  "message",
  async ({
    file,
    asOf,
    positions,
    registers,
  }: {
    file: string;
    asOf: string;
    positions: boolean;
    registers?: RegisterSettings;
  }) => {
    try {
      parentPort?.postMessage({
        file,
        ...(await checkWorkbookFile(file, asOf, positions, registers)),
      });
    } catch (e) {
      const message =
        e instanceof UnreadableWorkbookError
          ? e.message
          : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
      parentPort?.postMessage({ file, error: message });
    }
  },
);
