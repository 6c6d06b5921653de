import type {
  Diagnostic,
  Fund,
  Holder,
  Holding,
  TableName,
  WorkbookModel,
} from "../engine/model";
import { TABLE_SPECS } from "./columns";
import type { RawTable } from "./grid";
import { type ReadRow, readTable } from "./read-table";

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
    diagnostics.push(...result.diagnostics);
    return result;
  };

  const fundsRead = read("Funds");
  const holdingsRead = read("Holdings");
  const holdersRead = read("Holders");
  if (!fundsRead) diagnostics.push(missingTable("Funds"));
  if (!holdingsRead) diagnostics.push(missingTable("Holdings"));
  else if (holdingsRead.rows.length === 0)
    diagnostics.push({
      severity: "warning",
      table: "Holdings",
      sheet: tables.Holdings?.sheet,
      row: tables.Holdings?.headerRowNumber ?? 0,
      message:
        "The Holdings table has no rows: every fund is checked with no position.",
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
      });
    }
  }
  const holdings = (holdingsRead?.rows ?? []).map(toHolding);
  const holders = (holdersRead?.rows ?? []).map(toHolder);
  return { funds, holdings, holders, diagnostics };
}

function missingTable(name: TableName): Diagnostic {
  return {
    severity: "error",
    table: name,
    row: 0,
    message: `No ${name} table was found: add an Excel table named ${name}, or a sheet named ${name} whose first non-empty row holds the headers.`,
  };
}

/** The reader only assigns values its parsers produced for that column, so the casts below hold. */
function toFund(r: ReadRow): Fund | undefined {
  const v = r.values;
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

/** Built field by field, so every holding has the same shape (reading 100,000 rows stays fast). */
function toHolding(r: ReadRow): Holding {
  const v = r.values as Partial<Holding>;
  return {
    row: r.row,
    invalid: r.invalid,
    fundId: v.fundId || undefined,
    lineId: v.lineId || String(r.row),
    issuerId: v.issuerId || undefined,
    issuerName: v.issuerName,
    assetClass: v.assetClass,
    costValue: v.costValue,
    fairValue: v.fairValue,
    listingStatus: v.listingStatus,
    listingCountry: v.listingCountry,
    listingDate: v.listingDate,
    marketCap: v.marketCap,
    investmentDate: v.investmentDate,
    acquisitionMode: v.acquisitionMode,
    ownershipPct: v.ownershipPct,
    lookThroughPct: v.lookThroughPct,
    entityOecd: v.entityOecd === true,
    fcpiEligible: v.fcpiEligible === true,
    fipEligible: v.fipEligible === true,
    region: v.region,
    opciCategory: v.opciCategory,
    encumbered: v.encumbered === true,
    participationPct: v.participationPct,
    entityDebt: v.entityDebt,
    controlledParticipation: v.controlledParticipation === true,
    masterId: v.masterId,
    hedgeOnly: v.hedgeOnly === true,
    disposalDate: v.disposalDate,
  };
}

function toHolder(r: ReadRow): Holder {
  return { ...(r.values as Partial<Holder>), row: r.row, invalid: r.invalid };
}
