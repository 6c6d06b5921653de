import type {
  Diagnostic,
  Fund,
  Holder,
  Holding,
  TableName,
  WorkbookModel,
} from "../engine/model";
import { FUNDS_SPEC, HOLDERS_SPEC, TABLE_SPECS } from "./columns";
import type { RawTable } from "./grid";
import { type ReadRow, readTable, valuesByName } from "./read-table";
import { registersOf } from "./read-registers";

/**
 * Turns the workbook's Funds, Holdings and Holders grids into the engine's model. The Excel
 * adapter and the xlsx reader both call this with the same grids, so both read alike.
 */
export function readWorkbook(
  tables: Partial<Record<TableName, RawTable>>,
): WorkbookModel {
  const diagnostics: Diagnostic[] = [];
  const read = (name: TableName) => {
    const raw = tables[name];
    if (!raw) return undefined;
    const result = readTable(raw, TABLE_SPECS[name]);
    // One by one: spreading ~100,000 diagnostics as arguments overflows the call stack.
    for (const d of result.diagnostics) diagnostics.push(d);
    return result;
  };

  const fundsRead = read("Funds");
  const holdingsRead = read("Holdings");
  const holdersRead = read("Holders");
  const registerReads: Partial<Record<TableName, ReturnType<typeof read>>> = {};
  const registers = registersOf((name) => {
    registerReads[name] = read(name);
    return registerReads[name];
  }, tables);
  // A register workbook needs neither Funds nor Holdings (WORKBOOK-FORMAT-REGISTERS §1).
  if (!fundsRead && !registers) diagnostics.push(missingTable("Funds"));
  if (!holdingsRead) {
    if (!registers) diagnostics.push(missingTable("Holdings"));
  } else if (holdingsRead.rows.length === 0)
    diagnostics.push({
      severity: "warning",
      table: "Holdings",
      sheet: tables.Holdings?.sheet,
      row: tables.Holdings?.headerRowNumber ?? 0,
      message:
        "The Holdings table has no rows: every fund is checked with no position.",
      code: "holdings-empty",
      facts: {},
    });

  const funds: Fund[] = [];
  for (const r of fundsRead?.rows ?? []) {
    const fund = toFund(r);
    if (fund) funds.push(fund);
    else if (!r.invalid.has("fundId")) {
      diagnostics.push({
        severity: "error",
        table: "Funds",
        sheet: tables.Funds?.sheet,
        row: r.row,
        column: "fundId",
        message: "This row of Funds has no fundId; it cannot be checked.",
        code: "fund-row-without-id",
        facts: {},
      });
    }
  }
  const holdings = (holdingsRead?.rows ?? []).map(toHolding);
  const holders = (holdersRead?.rows ?? []).map(toHolder);
  const sources: WorkbookModel["sources"] = {};
  if (fundsRead) sources.Funds = fundsRead.source;
  if (holdingsRead) sources.Holdings = holdingsRead.source;
  if (holdersRead) sources.Holders = holdersRead.source;
  const model: WorkbookModel = {
    funds,
    holdings,
    holders,
    diagnostics,
    sources,
  };
  if (registers) {
    for (const [name, r] of Object.entries(registerReads))
      if (r) sources[name as TableName] = r.source;
    model.registers = registers;
    if (!holdingsRead) model.holdingsAbsent = true;
  }
  return model;
}

function missingTable(name: TableName): Diagnostic {
  return {
    severity: "error",
    table: name,
    row: 0,
    message: `No ${name} table was found: add an Excel table named ${name}, or a sheet named ${name} whose first non-empty row holds the headers.`,
    code: "table-missing",
    facts: { table: name },
  };
}

/** The reader only assigns values its parsers produced for that column, so the casts below hold. */
function toFund(r: ReadRow): Fund | undefined {
  const v = valuesByName(FUNDS_SPEC, r);
  if (typeof v.fundId !== "string" || v.fundId === "") return undefined;
  return {
    ...(v as Partial<Fund>),
    fundId: v.fundId,
    row: r.row,
    invalid: r.invalid,
    overseasZone: v.overseasZone === true,
    isSicav: v.isSicav === true,
    liquidLabel: v.liquidLabel === true,
  };
}

/**
 * Built field by field from the row's values in the order of HOLDINGS_SPEC (a test holds the
 * two orders together), so every holding has the same shape and reading 100,000 rows stays fast.
 */
function toHolding(r: ReadRow): Holding {
  const [
    fundId,
    lineId,
    issuerId,
    issuerName,
    assetClass,
    costValue,
    fairValue,
    listingStatus,
    listingCountry,
    listingDate,
    marketCap,
    investmentDate,
    acquisitionMode,
    ownershipPct,
    lookThroughPct,
    entityOecd,
    fcpiEligible,
    fipEligible,
    region,
    opciCategory,
    encumbered,
    participationPct,
    entityDebt,
    controlledParticipation,
    masterId,
    hedgeOnly,
    disposalDate,
  ] = r.values as unknown as HoldingValues;
  return {
    row: r.row,
    invalid: r.invalid,
    fundId: fundId || undefined,
    lineId: lineId || String(r.row),
    issuerId: issuerId || undefined,
    issuerName,
    assetClass,
    costValue,
    fairValue,
    listingStatus,
    listingCountry,
    listingDate,
    marketCap,
    investmentDate,
    acquisitionMode,
    ownershipPct,
    lookThroughPct,
    entityOecd: entityOecd === true,
    fcpiEligible: fcpiEligible === true,
    fipEligible: fipEligible === true,
    region,
    opciCategory,
    encumbered: encumbered === true,
    participationPct,
    entityDebt,
    controlledParticipation: controlledParticipation === true,
    masterId,
    hedgeOnly: hedgeOnly === true,
    disposalDate,
  };
}

/** The Holdings columns in the order of HOLDINGS_SPEC. */
export const HOLDING_ORDER = [
  "fundId",
  "lineId",
  "issuerId",
  "issuerName",
  "assetClass",
  "costValue",
  "fairValue",
  "listingStatus",
  "listingCountry",
  "listingDate",
  "marketCap",
  "investmentDate",
  "acquisitionMode",
  "ownershipPct",
  "lookThroughPct",
  "entityOecd",
  "fcpiEligible",
  "fipEligible",
  "region",
  "opciCategory",
  "encumbered",
  "participationPct",
  "entityDebt",
  "controlledParticipation",
  "masterId",
  "hedgeOnly",
  "disposalDate",
] as const;

type ValuesOf<T extends readonly (keyof Holding)[]> = {
  -readonly [K in keyof T]: T[K] extends keyof Holding ? Holding[T[K]] : never;
};
type HoldingValues = ValuesOf<typeof HOLDING_ORDER>;

function toHolder(r: ReadRow): Holder {
  return {
    ...(valuesByName(HOLDERS_SPEC, r) as Partial<Holder>),
    row: r.row,
    invalid: r.invalid,
  };
}
