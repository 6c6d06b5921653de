import type { LawParameter } from "../parameter";
import { CPI } from "./cpi";
import { FCPE } from "./fcpe";
import { OFS_FIA } from "./ofs-fia";
import { PEA } from "./pea";
import { SCPI } from "./scpi";
import { SEF } from "./sef";
import { SICAF } from "./sicaf";
import { LEFT_OUT } from "./left-out";

export { CPI, FCPE, OFS_FIA, PEA, SCPI, SEF, SICAF };

/** The other Livre II parameters, by family (thresholds may be fractions such as "1/3", see fraction.ts). */
export const LAW_LIVRE2 = {
  SEF,
  SCPI,
  SICAF,
  FCPE,
  "PEA, PEA-PME": PEA,
  "compte PME innovation": CPI,
  "OFS, FIA": OFS_FIA,
  "left out of the first build": LEFT_OUT,
} as const;

export const LIVRE2_PARAMETERS: readonly LawParameter<unknown>[] =
  Object.values(LAW_LIVRE2).flatMap(
    (family) => Object.values(family) as LawParameter<unknown>[],
  );

const UCITS_LIKE = new Set(["OPCVM", "FIVG", "OFS"]);

/** The parameter each Livre II rule compares its value with; the PEA rules' by the fund's type (a–c or d, e). */
export const LIVRE2_RULE_PARAMETER: Record<
  string,
  (f: { fundType?: string; overseasZone?: boolean }) => LawParameter<unknown>
> = {
  "SEF-FOREST60": () => SEF.forest,
  "SEF-FOREST51": () => SEF.forestWithLoans,
  "SEF-RAISE15": () => SEF.raise,
  "SCPI-RAISE15": () => SCPI.raise,
  "SCPI-ASSET": () => SCPI.assetList,
  "SCPI-CCA5": () => SCPI.advancesOutside,
  "SCPI-DEBT": () => SCPI.borrowing,
  "SCPI-SELL10": () => SCPI.sellOrders,
  "SCPI-PRICE10": () => SCPI.priceGap,
  "SICAF-OWN10": () => SICAF.ownShares,
  "FCPE-SCOPE": () => FCPE.scope,
  "FCPE-SOL5": () => FCPE.solidarityMin,
  "FCPE-SOL10": () => FCPE.solidarityMax,
  "FCPE-PE30": () => FCPE.privateEquity,
  "FCPE-PER-UNL10": () => FCPE.perUnlisted,
  "FCPE-PER-EMP10": () => FCPE.perEmployer,
  "FCPE-PER-AIF50": () => FCPE.perAif,
  "FCPE-FOREIGN": () => FCPE.foreignLiquid,
  "PEA-FUND75": (f) =>
    UCITS_LIKE.has(f.fundType ?? "") ? PEA.fundStrict : PEA.fundCommitment,
  "PEAPME-FUND75": (f) =>
    UCITS_LIKE.has(f.fundType ?? "")
      ? PEA.pmeFundStrict
      : PEA.pmeFundCommitment,
  "PEAPME-EQ23": () => PEA.pmeEquity,
  "CPI-FUND80": () => CPI.fund80,
  "CPI-FRESH40": () => CPI.fresh40,
  "OFS-LOSS": () => OFS_FIA.ofsLoss,
  "FIVG-20INV": () => OFS_FIA.fivgInvestors,
  "OFS-20INV": () => OFS_FIA.ofsInvestors,
  "FIA-CAP300K": () => OFS_FIA.selfManagedCapital,
  "OPCI-UNLIM": () => LEFT_OUT.opciUnlimited,
  "FIA-FEED85M": () => LEFT_OUT.fiaSeveralMasters,
};
