/**
 * An array property that is another object's array with a few slots replaced, copied only when
 * someone reads the whole array. One edited cell at 100,000 rows would otherwise copy the table's
 * rows and the model's holdings (100,000 references each) per edit; the edit path reads the
 * edited slots only (slotOf), and every other reader gets the copy, made once.
 */

/**
 * An array property not made yet (a table's rows while they are only its grid, range-grid.ts):
 * its length and slots, read without making it, and the array itself, made when read whole.
 */
export interface UnmadeArray {
  readonly length: number;
  at(i: number): unknown;
  whole(): readonly unknown[];
}

/** The arrays not made yet, by owner and key: the first edit of a new read makes no 100,000 rows. */
const unmade = new WeakMap<object, Map<PropertyKey, UnmadeArray>>();

/** owner[key] is not made yet: this view reads it (undefined: it is made, read it as it is). */
export function setUnmadeArray(
  owner: object,
  key: PropertyKey,
  view: UnmadeArray | undefined,
): void {
  let views = unmade.get(owner);
  if (view === undefined) views?.delete(key);
  else {
    if (!views) unmade.set(owner, (views = new Map()));
    views.set(key, view);
  }
}

function unmadeOf(owner: object, key: PropertyKey): UnmadeArray | undefined {
  return unmade.get(owner)?.get(key);
}

interface Patch {
  /** The array patched, or a view of it while it is not made (read whole when the copy is). */
  base: readonly unknown[] | UnmadeArray;
  slots: Map<number, unknown>;
}

function slotIn(base: Patch["base"], i: number): unknown {
  return Array.isArray(base) ? base[i] : (base as UnmadeArray).at(i);
}

/**
 * An object's patched arrays by key, and whether its other own keys are plain values: a copy
 * patchedCopy made, whose next copy reads them without a descriptor each. Were a key made an
 * accessor later, reading it for a copy would still give its value (only the accessor's cost).
 */
class PatchedKeys extends Map<PropertyKey, Patch> {
  plain = false;
}

/**
 * Where an object keeps its PatchedKeys: a key of its own, not a WeakMap entry (an edit copies the
 * table and the model, and a WeakMap write per copy costs more than a property before V8 compiles
 * the edit's path). Not enumerable: spreads, Object.assign, JSON and clones do not see it.
 */
const PATCHES = Symbol("patched arrays");

function patchesOf(owner: object): PatchedKeys | undefined {
  return (owner as { [PATCHES]?: PatchedKeys })[PATCHES];
}

/** Past this many replaced slots the copy is made at once: each edit copies the map of slots. */
const MAX_SLOTS = 64;

/** owner[key][i], without making owner[key]'s copy. */
export function slotOf<T>(owner: object, key: PropertyKey, i: number): T {
  const patch = patchesOf(owner)?.get(key);
  if (!patch) {
    const view = unmadeOf(owner, key);
    if (view) return view.at(i) as T;
    return (owner as Record<PropertyKey, T[]>)[key][i];
  }
  return (patch.slots.has(i) ? patch.slots.get(i) : slotIn(patch.base, i)) as T;
}

/** owner[key].length, without making owner[key]'s copy. */
export function lengthOf(owner: object, key: PropertyKey): number {
  const patch = patchesOf(owner)?.get(key);
  return patch
    ? patch.base.length
    : (unmadeOf(owner, key) ?? (owner as Record<PropertyKey, unknown[]>)[key])
        .length;
}

/**
 * A shallow copy of source, without reading its properties, whose array source[key] is the same
 * array with the given slots replaced (copied when first read whole). Its other patched arrays
 * are patched the same way.
 */
export function patchedCopy<T extends object>(
  source: T,
  key: keyof T & PropertyKey,
  slots: ReadonlyMap<number, unknown>,
): T {
  const proto = Object.getPrototypeOf(source) as object | null;
  // A plain object starts as an object literal, whose keys V8 keeps in fast mode: a copy made by
  // defineProperties is a dictionary, slower to make and to read on every edit.
  const copy = (proto === Object.prototype ? {} : Object.create(proto)) as T;
  const patched = patchesOf(source);
  // A copy made here has plain values but for its patched arrays: its next copy reads them
  // without a descriptor each (an edit copies the table and the model once each).
  const plain = patched?.plain === true;
  let allPlain = true;
  const keys = Reflect.ownKeys(source);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === PATCHES) continue; // the copy's own are made below
    if (k === key || patched?.has(k)) {
      definePatched(copy, k, source, k === key ? slots : NO_SLOTS);
      continue;
    }
    if (plain) {
      (copy as Record<PropertyKey, unknown>)[k] = (
        source as Record<PropertyKey, unknown>
      )[k];
      continue;
    }
    const d = Object.getOwnPropertyDescriptor(source, k)!;
    if (d.writable && d.enumerable && d.configurable)
      (copy as Record<PropertyKey, unknown>)[k] = d.value;
    else {
      Object.defineProperty(copy, k, d);
      allPlain = false;
    }
  }
  const own = patchesOf(copy);
  if (own !== undefined) own.plain = allPlain;
  return copy;
}

const NO_SLOTS: ReadonlyMap<number, unknown> = new Map();

/**
 * Defines owner[key] as previous[key] with the given slots replaced (an enumerable property, so
 * spreads, JSON and clones see a plain array).
 */
function definePatched(
  owner: object,
  key: PropertyKey,
  previous: object,
  slots: ReadonlyMap<number, unknown>,
): void {
  const before = patchesOf(previous)?.get(key);
  const base = before
    ? before.base
    : (unmadeOf(previous, key) ??
      (previous as Record<PropertyKey, readonly unknown[]>)[key]);
  // forEach, not destructured entries or a Map made from a Map: both iterate entry by entry in
  // code not yet compiled (an edit's first hundred copies).
  const merged = new Map<number, unknown>();
  before?.slots.forEach((v, i) => merged.set(i, v));
  slots.forEach((v, i) => merged.set(i, v));
  let own = patchesOf(owner);
  if (!own) {
    own = new PatchedKeys();
    Object.defineProperty(owner, PATCHES, { value: own });
  }
  own.set(key, { base, slots: merged });
  if (merged.size > MAX_SLOTS) materialize(owner, key);
  else Object.defineProperty(owner, key, accessorOf(key));
}

/** The patched array made whole, once: from then on owner[key] is a plain array. */
function materialize(owner: object, key: PropertyKey): unknown[] {
  const { base, slots } = patchesOf(owner)!.get(key)!;
  const array = (
    Array.isArray(base) ? base : (base as UnmadeArray).whole()
  ).slice();
  slots.forEach((v, i) => (array[i] = v));
  settle(owner, key, array);
  return array;
}

function settle(owner: object, key: PropertyKey, value: unknown): void {
  patchesOf(owner)?.delete(key);
  Object.defineProperty(owner, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** The accessor of a patched key, one per key name (not two closures per edit). */
const accessors = new Map<PropertyKey, PropertyDescriptor>();
function accessorOf(key: PropertyKey): PropertyDescriptor {
  let a = accessors.get(key);
  if (!a)
    accessors.set(
      key,
      (a = {
        enumerable: true,
        configurable: true,
        get(this: object) {
          return materialize(this, key);
        },
        set(this: object, value: unknown) {
          settle(this, key, value);
        },
      }),
    );
  return a;
}
