import { L214_31, type RatioParameter, ratioAt } from "../../law";
import { idKey } from "../id-key";
import type { FundContext } from "../fund-context";
import {
  compare,
  type Group,
  Groups,
  type Measure,
  perGroupCap,
  Tally,
} from "../measures";
import { type Reason, reason as why } from "../reasons";
import type { RuleDefinition, RuleResult } from "../result";
import { FIP_H10, FIP_H20, FIP_H30 } from "./fcpi-fip-definitions";

const VI = "L. 214-31 VI";
const publicLaw = (g: Group) => g.marked;

/** A cap of VI: its rule and law, the units it measures, its note, and the holders it reports one by one. */
type Cap = [
  RuleDefinition,
  RatioParameter,
  Measure,
  Reason?,
  typeof publicLaw?,
];

/**
 * L. 214-31 VI: the FIP's units "ne peuvent pas être détenues" above 20 % by one investor,
 * 10 % by one public-law legal person, 30 % by public-law legal persons together. Measured
 * on units (WORKBOOK-FORMAT §3), over the fund's rows of the Holders table.
 */
export function fipHolderRules(ctx: FundContext): RuleResult[] {
  const holders = new Groups();
  const [units, types] = [new Tally(ctx), new Tally(ctx)];
  // A row without holderId is some investor's, which one unread: any holder (a public-law one,
  // unless its type says otherwise) may hold it too. Its units stay on a holder of their own,
  // the least that investor holds.
  const [anyHolder, publicHolder] = [new Tally(ctx), new Tally(ctx)];
  for (const h of ctx.holders) {
    if (h.units === undefined) {
      ctx.needHolder(h, "units", { purpose: "holder-units", article: VI });
      units.unknown();
      continue;
    }
    if (h.holderType === undefined) {
      ctx.needHolder(h, "holderType", { purpose: "holder-type", article: VI });
      types.unknown();
    }
    if (h.holderId === undefined) {
      ctx.needHolder(h, "holderId", { purpose: "holder-units", article: VI });
      anyHolder.unknown();
      if (h.holderType !== "NATURAL" && h.holderType !== "LEGAL")
        publicHolder.unknown();
    }
    // One investor's rows whatever the case or spaces of its id (contract §3's reading of ids).
    const name = h.holderId?.trim() ?? `row ${h.row}`;
    const key = h.holderId === undefined ? name : idKey(h.holderId);
    const holder = holders.add(key, name, h.units);
    holder.marked ||= h.holderType === "PUBLIC_LAW_LEGAL";
    units.plus(h.units);
  }
  // No register: the caps cannot be measured (no base, and nothing complete).
  const noRegister = ctx.holders.length === 0;
  // A row of unread units adds to the base as much as to its holder: the base is known only when every row's units are.
  const base = {
    total: noRegister ? undefined : units.total,
    complete: units.complete,
  };
  if (noRegister) units.unknown();
  const byUnits = holders.bySize();
  const [top, topPublic] = [holders.largest(), holders.largest(publicLaw)];
  const typed = units.complete && types.complete;
  const caps: Cap[] = [
    [
      FIP_H20,
      L214_31.oneHolder,
      {
        total: top?.total ?? 0n,
        complete: units.complete && anyHolder.complete,
      },
      top && why("largest-holder", { holder: top.name, publicLaw: false }),
      () => true,
    ],
    [
      FIP_H10,
      L214_31.onePublicLawHolder,
      {
        total: topPublic?.total ?? 0n,
        complete: typed && publicHolder.complete,
      },
      topPublic
        ? why("largest-holder", { holder: topPublic.name, publicLaw: true })
        : why("no-public-holder", {}),
      publicLaw,
    ],
    [
      FIP_H30,
      L214_31.publicLawHolders,
      { total: holders.sum(publicLaw), complete: typed },
    ],
  ];
  return caps.map(([def, parameter, numerator, note, filter]) => {
    const threshold = ratioAt(parameter, ctx.asOf);
    const r = compare(ctx, def, {
      threshold,
      numerator,
      denominator: base,
      unit: "units",
      over: "holders",
      reasons: noRegister
        ? [why("holders-missing", {})]
        : [...(note ? [note] : []), why("measured-in-units", {})],
    });
    const groups = filter && byUnits.filter(filter);
    if (groups)
      r.groups = perGroupCap(ctx, def, threshold, groups, base.total, "units", {
        complete: numerator.complete,
        partialIsLeast: base.complete,
      });
    return r;
  });
}
