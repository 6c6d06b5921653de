// Writes the files derived from the column specs: npm run generate:columns.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  FORMAT_DOC,
  HOLDING_RECORD_FILE,
  holdingRecordSource,
  withColumnTables,
} from "./generate-columns";

const root = path.resolve(__dirname, "..");
writeFileSync(path.join(root, HOLDING_RECORD_FILE), holdingRecordSource());
const doc = path.join(root, FORMAT_DOC);
writeFileSync(doc, withColumnTables(readFileSync(doc, "utf8")));
