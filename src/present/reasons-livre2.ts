import type { ReasonFacts } from "../engine/reasons";
import type {
  L2Note,
  L2Position,
  Livre2ReasonFacts,
} from "../engine/reasons-livre2";
import {
  NBSP,
  type Lang,
  count,
  date,
  euros,
  percentShort,
  quote,
} from "./format";

type Facts<C extends keyof Livre2ReasonFacts> = ReasonFacts[C];
type NoteFacts = Facts<"l2-note">;
type Renderers = {
  [C in keyof Livre2ReasonFacts]: (facts: Facts<C>) => string;
};

const C = `${NBSP}:`;
const art = (f: { article?: string }) => f.article ?? "";
const pct = (v: string | undefined, lang: Lang) =>
  v === undefined ? "—" : percentShort(v, lang);

/** The sentences of the other Livre II rules' messages, by key, in English. */
const NOTES_EN: Record<L2Note, (f: NoteFacts) => string> = {
  "forest-other-assets": (f) =>
    `${f.count} position(s) neither forest assets nor cash or liquid instruments (${euros(f.amount ?? "0", "en")}): named, not a breach (${art(f)} does not say « exclusivement »).`,
  "raise-deadline": (f) =>
    `Deadline for the public to subscribe 15 % of the maximum capital: ${f.date} (${art(f)}).`,
  "raise-before-deadline": (f) =>
    `Below 15 % before the deadline of ${f.date}: not yet binding (${art(f)}).`,
  "orders-ignored": (f) =>
    f.name
      ? `Order ${f.name} is dated after the as-of date or is for 0 units: ignored.`
      : `${f.count} order(s) dated after the as-of date or for 0 units were ignored.`,
  "price-gap": (f) =>
    `Gap between subscription price and reconstitution value: ${euros(f.amount ?? "0", "en")} per unit, measured on the reconstitution value (${art(f)}).`,
  "buyback-limit": (f) =>
    `Limit applied: ${pct(f.threshold, "en")} of the capital; the discount of the price to the net asset value is tested at the as-of date only (${art(f)}).`,
  "buyback-price-unknown": () =>
    "Share price or net asset value per share blank: the 10 % limit applies, and a value between 10 % and 25 % cannot be judged.",
  "fcpe-regime-164": () =>
    "At most one third in employer-group securities: L. 214-164 applies.",
  "fcpe-regime-165": () =>
    "More than one third in employer-group securities: L. 214-165 applies.",
  "fcpe-sol-feeder": (f) =>
    `The solidarity fund is a feeder of ${f.name}: its master is checked as a fund of its own (${art(f)}).`,
  "fcpe-sol-advances": (f) =>
    `${f.count} advance(s) or receivable(s) of solidarity enterprises are not « parts ou titres » and are not counted.`,
  "fcpe-foreign-not-binding": (f) =>
    `The fund holds no unlisted group security above one third of its asset: ${art(f)} does not bind.`,
  "fcpe-foreign-exempt": (f) =>
    `A liquidity mechanism or the group's buy-back commitment applies (${art(f)} 1° and 2°): the net asset value must still be established at least once a year.`,
  "commitment-from": (f) =>
    `The commitment binds from the close of the fourth financial year, ${f.date} (${art(f)}).`,
  "first-year-end-needed": (f) =>
    `firstYearEnd is needed to know when the commitment of ${art(f)} binds.`,
  "binding-from": (f) => `Binds from ${f.date} (bindingFrom).`,
  investors: (f) => `${f.count} distinct holder(s) with units (${art(f)}).`,
  "investors-case": (f) =>
    `Some holder ids differ from another only by case: counted as one investor, though written apart they are ${f.count}; which they are is unknown (${art(f)}).`,
  "claim-unread": (f) =>
    `${f.column} cannot be read as yes or no: the fund may be under ${art(f)}, which is not judged.`,
  "value-negative": (f) =>
    `${f.column} is below zero: a number of shares, a price or a net asset value is not, so it is not used (${art(f)}).`,
  "holders-missing": () =>
    "No row of the Holders table belongs to this fund: its investors cannot be counted.",
  "debt-without-maximum": (f) =>
    `The fund has debts but no maximum set by the general meeting (agBorrowingMax) (${art(f)}).`,
  "values-missing": (f) =>
    `${f.count} position(s) lack ${f.column}: the rule cannot be judged (${art(f)}).`,
  "scpi-debt": (f) =>
    `Borrowings ${euros(f.amount ?? "0", "en")} plus the debts of the 2° companies at the participation held, over the maximum set by the general meeting.`,
  "not-assessed": (f) => `Not assessed: ${f.name} (${art(f)}).`,
  "masters-strategy": (f) =>
    f.name
      ? `Masters with the strategy ${f.name}, measured together (${art(f)}).`
      : `No master units carry a masterStrategy (${art(f)}).`,
};

const NOTES_FR: Record<L2Note, (f: NoteFacts) => string> = {
  "forest-other-assets": (f) =>
    `${count(f.count ?? 0, "fr", "position", "positions")} ni forestière(s) ni en liquidités ou valeurs assimilées (${euros(f.amount ?? "0", "fr")})${C} signalée(s), sans dépassement (l'article ${art(f)} ne dit pas «${NBSP}exclusivement${NBSP}»).`,
  "raise-deadline": (f) =>
    `Date limite de souscription par le public de 15${NBSP}% du capital maximal${C} ${date(f.date ?? "", "fr")} (${art(f)}).`,
  "raise-before-deadline": (f) =>
    `Moins de 15${NBSP}% avant la date limite du ${date(f.date ?? "", "fr")}${C} pas encore applicable (${art(f)}).`,
  "orders-ignored": (f) =>
    f.name
      ? `ordre ${f.name} postérieur à la date d'arrêté ou portant sur 0 part${C} non retenu.`
      : `${count(f.count ?? 0, "fr", "ordre postérieur", "ordres postérieurs")} à la date d'arrêté ou portant sur 0 part, non retenu(s).`,
  "price-gap": (f) =>
    `Écart entre prix de souscription et valeur de reconstitution${C} ${euros(f.amount ?? "0", "fr")} par part, rapporté à la valeur de reconstitution (${art(f)}).`,
  "buyback-limit": (f) =>
    `Limite retenue${C} ${pct(f.threshold, "fr")} du capital${NBSP}; la décote du cours sur l'actif net par action est appréciée à la date d'arrêté seulement (${art(f)}).`,
  "buyback-price-unknown": () =>
    `Cours de l'action ou actif net par action non renseigné${C} la limite de 10${NBSP}% s'applique, et une valeur comprise entre 10 et 25${NBSP}% ne peut pas être appréciée.`,
  "fcpe-regime-164": () =>
    `Au plus un tiers de titres du groupe employeur${C} régime de l'article L. 214-164.`,
  "fcpe-regime-165": () =>
    `Plus du tiers de titres du groupe employeur${C} régime de l'article L. 214-165.`,
  "fcpe-sol-feeder": (f) =>
    `Le fonds solidaire est nourricier de ${f.name}${C} son maître est contrôlé comme un fonds à part entière (${art(f)}).`,
  "fcpe-sol-advances": (f) =>
    `${count(f.count ?? 0, "fr", "avance ou créance", "avances ou créances")} sur des entreprises solidaires, qui ne sont pas des «${NBSP}parts ou titres${NBSP}», non retenue(s).`,
  "fcpe-foreign-not-binding": (f) =>
    `Le fonds ne détient pas plus du tiers de titres du groupe dont certains non admis aux négociations${C} l'article ${art(f)} ne s'applique pas.`,
  "fcpe-foreign-exempt": (f) =>
    `Mécanisme de liquidité ou engagement de rachat du groupe (${art(f)} 1° et 2°)${C} la valeur liquidative doit néanmoins être établie au moins une fois par an.`,
  "commitment-from": (f) =>
    `L'engagement s'applique à compter de la clôture du quatrième exercice, le ${date(f.date ?? "", "fr")} (${art(f)}).`,
  "first-year-end-needed": (f) =>
    `La date de clôture du premier exercice (firstYearEnd) est nécessaire pour savoir quand l'engagement de l'article ${art(f)} s'applique.`,
  "binding-from": (f) =>
    `Applicable à compter du ${date(f.date ?? "", "fr")} (date de début d'application).`,
  investors: (f) =>
    `${count(f.count ?? 0, "fr", "porteur distinct", "porteurs distincts")} détenant des parts (${art(f)}).`,
  "investors-case": (f) =>
    `Des identifiants de porteurs ne diffèrent d'un autre que par la casse${C} comptés comme un seul investisseur, ils sont ${f.count} écrits tels quels${NBSP}; on ne sait pas lequel des deux est juste (${art(f)}).`,
  "claim-unread": (f) =>
    `${quote(f.column ?? "", "fr")} ne se lit ni oui ni non${C} le fonds relève peut-être de l'article ${art(f)}, qui n'est pas apprécié.`,
  "value-negative": (f) =>
    `${quote(f.column ?? "", "fr")} est négatif${C} un nombre d'actions, un cours ou un actif net par action ne l'est jamais, la valeur n'est pas retenue (${art(f)}).`,
  "holders-missing": () =>
    `Aucune ligne du tableau Holders ne se rattache à ce fonds${C} ses investisseurs ne peuvent pas être comptés.`,
  "debt-without-maximum": (f) =>
    `Le fonds a des dettes mais aucun maximum fixé par l'assemblée générale n'est renseigné (${art(f)}).`,
  "values-missing": (f) =>
    `${count(f.count ?? 0, "fr", "position", "positions")} sans valeur dans la colonne ${quote(f.column ?? "", "fr")}${C} la règle ne peut pas être appréciée (${art(f)}).`,
  "scpi-debt": (f) =>
    `Emprunts de ${euros(f.amount ?? "0", "fr")} et dettes des sociétés du 2° à proportion de la participation détenue, rapportés au maximum fixé par l'assemblée générale.`,
  "not-assessed": (f) => `Non examiné${C} ${f.name} (${art(f)}).`,
  "masters-strategy": (f) =>
    f.name
      ? `Maîtres de la stratégie ${f.name}, mesurés ensemble (${art(f)}).`
      : `Aucune part de maître n'indique de stratégie (${art(f)}).`,
};

const POSITIONS_EN: Record<L2Position, (f: Facts<"l2-position">) => string> = {
  "scpi-category-0": (f) =>
    `not among the assets of ${f.article}, of which the asset is « exclusivement constitué ».`,
  "scpi-2-listed": (f) =>
    `a 2° company must not be admitted to trading (${f.article}).`,
  "scpi-joint-liability": (f) =>
    `its members answer « indéfiniment et solidairement » for its debts (${f.article}).`,
  "scpi-advance-gate": (f) =>
    f.ownership === undefined
      ? `advance to ${f.issuer ?? "a company"}, which is not one of the fund's 2° or 3° companies (${f.article}).`
      : `advance to ${f.issuer ?? "a company"}, held ${percentShort(f.ownership, "en")}: ${f.article} requires at least 5 % of the capital.`,
};

const POSITIONS_FR: Record<L2Position, (f: Facts<"l2-position">) => string> = {
  "scpi-category-0": (f) =>
    `actif hors de la liste de l'article ${f.article}, dont l'actif est «${NBSP}exclusivement constitué${NBSP}».`,
  "scpi-2-listed": (f) =>
    `une société du 2° ne peut pas être admise aux négociations (${f.article}).`,
  "scpi-joint-liability": (f) =>
    `ses associés répondent indéfiniment et solidairement de ses dettes (${f.article}).`,
  "scpi-advance-gate": (f) =>
    f.ownership === undefined
      ? `avance en compte courant à ${f.issuer ?? "une société"}, qui n'est pas une société du 2° ou du 3° détenue par le fonds (${f.article}).`
      : `avance en compte courant à ${f.issuer ?? "une société"}, détenue à ${percentShort(f.ownership, "fr")}${C} l'article ${f.article} exige au moins 5${NBSP}% du capital.`,
};

export const EN_LIVRE2: Renderers = {
  "l2-note": (f) => NOTES_EN[f.key](f),
  "l2-position": (f) => POSITIONS_EN[f.key](f),
  "l2-counted": (f) => `counted (${f.article})`,
};

export const FR_LIVRE2: Renderers = {
  "l2-note": (f) => NOTES_FR[f.key](f),
  "l2-position": (f) => POSITIONS_FR[f.key](f),
  "l2-counted": (f) => `retenu (${f.article})`,
};
