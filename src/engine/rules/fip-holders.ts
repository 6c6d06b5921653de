import { type Amount, formatAmount, ZERO } from "../amount";
import { Dec } from "../decimal";
import { L214_31, ratioAt } from "../../law";
import type { FundContext } from "../fund-context";
import { evaluateRatio } from "../ratio";
import { type Reason, reason as why } from "../reasons";
import type { GroupResult, RuleDefinition, RuleResult } from "../result";
import { FIP_H10, FIP_H20, FIP_H30 } from "./fcpi-fip-definitions";

/** VI 1°, 2° and 3°, at the test date (src/law/l214-31.ts). */
const H20 = (asOf: string) => ratioAt(L214_31.oneHolder, asOf);
const H10 = (asOf: string) => ratioAt(L214_31.onePublicLawHolder, asOf);
const H30 = (asOf: string) => ratioAt(L214_31.publicLawHolders, asOf);

/**
 * L. 214-31 VI: the FIP's units "ne peuvent pas être détenues" above 20 % by one investor,
 * 10 % by one public-law legal person, 30 % by public-law legal persons together. Measured
 * on units (WORKBOOK-FORMAT §3), over the fund's rows of the Holders table.
 */
export function fipHolderRules(ctx: FundContext): RuleResult[] {
  const byHolder = new Map<string, { units: Amount; publicLaw: boolean }>();
  let total = ZERO;
  let unitsComplete = true;
  let typesComplete = true;
  for (const h of ctx.holders) {
    if (h.units === undefined) {
      ctx.needHolder(
        h,
        "units",
        "units is needed to measure the holder caps of L. 214-31 VI.",
      );
      unitsComplete = false;
      continue;
    }
    if (h.holderType === undefined) {
      ctx.needHolder(
        h,
        "holderType",
        "holderType is needed: public-law legal persons have their own caps (L. 214-31 VI 2° and 3°).",
      );
      typesComplete = false;
    }
    const key = h.holderId ?? `row ${h.row}`;
    const entry = byHolder.get(key) ?? { units: ZERO, publicLaw: false };
    entry.units += h.units;
    entry.publicLaw ||= h.holderType === "PUBLIC_LAW_LEGAL";
    byHolder.set(key, entry);
    total += h.units;
  }
  const noRegister = ctx.holders.length === 0;
  const denominator = noRegister ? undefined : total;
  const message = noRegister
    ? "No row of the Holders table belongs to this fund: the holder caps cannot be measured."
    : undefined;

  const largest = (filter: (e: { publicLaw: boolean }) => boolean) => {
    let best: [string, Amount] | undefined;
    for (const [id, e] of byHolder)
      if (filter(e) && (best === undefined || e.units > best[1]))
        best = [id, e.units];
    return best;
  };
  const rule = (
    def: RuleDefinition,
    threshold: Dec,
    numerator: Amount,
    complete: boolean,
    note?: string,
    groups?: GroupResult[],
    noteReason?: Reason,
  ) => {
    const r = evaluateRatio({
      rule: def,
      threshold,
      numerator,
      denominator,
      binding: true,
      complete: complete && !noRegister,
      warningMargin: ctx.warningMargin,
      unit: "units",
      message:
        message ??
        `${note ? `${note} ` : ""}Measured in units of the fund: numerator, denominator and headroom are units, not EUR.`,
      reasons: noRegister
        ? [why("holders-missing", {})]
        : [...(noteReason ? [noteReason] : []), why("measured-in-units", {})],
    });
    if (groups) r.groups = groups;
    return r;
  };
  const groupsOf = (
    filter: (e: { publicLaw: boolean }) => boolean,
    threshold: Dec,
  ) =>
    [...byHolder]
      .filter(([, e]) => filter(e))
      .sort((a, b) =>
        b[1].units > a[1].units ? 1 : b[1].units < a[1].units ? -1 : 0,
      )
      .map(([id, e]) => {
        const g = evaluateRatio({
          rule: FIP_H20,
          threshold,
          numerator: e.units,
          denominator,
          binding: true,
          complete: true,
          warningMargin: ctx.warningMargin,
        });
        return {
          key: id,
          value: g.value,
          numerator: formatAmount(e.units),
          status: g.status,
          unit: "units" as const,
        };
      });

  const top = largest(() => true);
  const topPublic = largest((e) => e.publicLaw);
  let publicTotal = ZERO;
  for (const e of byHolder.values()) if (e.publicLaw) publicTotal += e.units;
  return [
    rule(
      FIP_H20,
      H20(ctx.asOf),
      top?.[1] ?? ZERO,
      unitsComplete,
      top ? `Largest holder: ${top[0]}.` : undefined,
      groupsOf(() => true, H20(ctx.asOf)),
      top
        ? why("largest-holder", { holder: top[0], publicLaw: false })
        : undefined,
    ),
    rule(
      FIP_H10,
      H10(ctx.asOf),
      topPublic?.[1] ?? ZERO,
      unitsComplete && typesComplete,
      topPublic
        ? `Largest public-law holder: ${topPublic[0]}.`
        : "No public-law legal person holds units.",
      groupsOf((e) => e.publicLaw, H10(ctx.asOf)),
      topPublic
        ? why("largest-holder", { holder: topPublic[0], publicLaw: true })
        : why("no-public-holder", {}),
    ),
    rule(FIP_H30, H30(ctx.asOf), publicTotal, unitsComplete && typesComplete),
  ];
}
