// Generated from HOLDINGS_SPEC (src/workbook/columns.ts) by `npm run generate:columns`:
// do not edit. One object literal keeps every holding in one shape, which keeps reading
// 100,000 rows fast; the typecheck holds its fields to the Holding type.
import type { Holding } from "../engine/model";
import type { ReadRow } from "./read-table";

/** A holding from its row's values, in the order of HOLDINGS_SPEC; a yes/no column left blank or absent is no. */
export function holdingFromValues(r: ReadRow): Holding {
  const v = r.values;
  return {
    row: r.row,
    invalid: r.invalid,
    fundId: v[0] as Holding["fundId"],
    lineId: v[1] as Holding["lineId"],
    issuerId: v[2] as Holding["issuerId"],
    issuerName: v[3] as Holding["issuerName"],
    assetClass: v[4] as Holding["assetClass"],
    costValue: v[5] as Holding["costValue"],
    fairValue: v[6] as Holding["fairValue"],
    listingStatus: v[7] as Holding["listingStatus"],
    listingCountry: v[8] as Holding["listingCountry"],
    listingDate: v[9] as Holding["listingDate"],
    marketCap: v[10] as Holding["marketCap"],
    investmentDate: v[11] as Holding["investmentDate"],
    acquisitionMode: v[12] as Holding["acquisitionMode"],
    ownershipPct: v[13] as Holding["ownershipPct"],
    lookThroughPct: v[14] as Holding["lookThroughPct"],
    entityOecd: v[15] === true,
    fcpiEligible: v[16] === true,
    fipEligible: v[17] === true,
    region: v[18] as Holding["region"],
    opciCategory: v[19] as Holding["opciCategory"],
    encumbered: v[20] === true,
    participationPct: v[21] as Holding["participationPct"],
    entityDebt: v[22] as Holding["entityDebt"],
    controlledParticipation: v[23] === true,
    masterId: v[24] as Holding["masterId"],
    hedgeOnly: v[25] === true,
    disposalDate: v[26] as Holding["disposalDate"],
    forestCategory: v[27] as Holding["forestCategory"],
    scpiCategory: v[28] as Holding["scpiCategory"],
    jointLiabilityEntity: v[29] === true,
    solidarityEnterprise: v[30] === true,
    entitySolidarityShare: v[31] as Holding["entitySolidarityShare"],
    heldFundType: v[32] as Holding["heldFundType"],
    employerGroup: v[33] === true,
    issuerCountry: v[34] as Holding["issuerCountry"],
    corporateTax: v[35] === true,
    preferenceShares: v[36] === true,
    issuerEmployees: v[37] as Holding["issuerEmployees"],
    issuerTurnover: v[38] as Holding["issuerTurnover"],
    issuerBalanceSheet: v[39] as Holding["issuerBalanceSheet"],
    issuerMarketCap: v[40] as Holding["issuerMarketCap"],
    issuerMarketCapLow4y: v[41] as Holding["issuerMarketCapLow4y"],
    instrumentListing: v[42] as Holding["instrumentListing"],
    cpiEligible: v[43] === true,
    maxLoss: v[44] as Holding["maxLoss"],
    masterStrategy: v[45] as Holding["masterStrategy"],
  };
}
