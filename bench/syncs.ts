// The pane's Office operations on the strict host (test/excel-host): Microsoft's Excel client
// answered by the emulated host, which records every request. Reported: the requests each
// operation makes and the largest payload, request or response, against Excel's ~5 MB limit.
import { checkWorkbook } from "../src/engine/check";
import { excelOperations } from "../src/excel/excel-operations";
import { BREACH_NAME_PREFIX } from "../src/excel/highlight";
import { readWorkbook } from "../src/workbook/read-workbook";
import { type ExcelHost, workbookWithHoldings } from "../test/excel-host";

export interface OperationPayload {
  requests: number;
  /** Largest request body, and largest response body, in bytes. */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export interface PayloadBench {
  holdings: number;
  read: OperationPayload;
  highlight: OperationPayload & { rules: number; paintedRows: number };
  writeReport: OperationPayload & { positionRows: number };
}

function measured(host: ExcelHost): OperationPayload {
  const r = {
    requests: host.requests.length,
    maxRequestBytes: host.maxRequestBytes(),
    maxResponseBytes: host.maxResponseBytes(),
  };
  host.clearRequests();
  return r;
}

export async function benchPayload(
  sizes = [1_000, 100_000],
): Promise<PayloadBench[]> {
  const out: PayloadBench[] = [];
  for (const holdings of sizes) {
    const host = (await workbookWithHoldings(holdings)).install();
    try {
      const ops = excelOperations();
      const tables = await ops.readTables();
      const read = measured(host);
      const report = checkWorkbook(readWorkbook(tables), {
        asOf: "2025-12-31",
        positions: true,
      });
      const paintedRows = await ops.highlightBreaches(report);
      const rules = host.workbook
        .sheet("Holdings")
        .conditionalFormats.filter((cf) =>
          cf.formula?.includes(BREACH_NAME_PREFIX),
        ).length;
      const highlight = { ...measured(host), rules, paintedRows };
      await ops.writeReport(report);
      const writeReport = {
        ...measured(host),
        positionRows: host.workbook.table("QuotaReportPositions").bodyRows,
      };
      out.push({ holdings, read, highlight, writeReport });
    } finally {
      host.uninstall();
    }
  }
  return out;
}
