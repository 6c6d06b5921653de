/**
 * An array property that is another object's array with a few slots replaced, copied only when
 * someone reads the whole array. One edited cell at 100,000 rows would otherwise copy the table's
 * rows and the model's holdings (100,000 references each) per edit; the edit path reads the
 * edited slots only (slotOf), and every other reader gets the copy, made once.
 */

interface Patch {
  base: readonly unknown[];
  slots: Map<number, unknown>;
}

const patches = new WeakMap<object, Map<PropertyKey, Patch>>();

/** Past this many replaced slots the copy is made at once: each edit copies the map of slots. */
const MAX_SLOTS = 64;

/** owner[key][i], without making owner[key]'s copy. */
export function slotOf<T>(owner: object, key: PropertyKey, i: number): T {
  const patch = patches.get(owner)?.get(key);
  if (!patch) return (owner as Record<PropertyKey, T[]>)[key][i];
  return (patch.slots.has(i) ? patch.slots.get(i) : patch.base[i]) as T;
}

/** owner[key].length, without making owner[key]'s copy. */
export function lengthOf(owner: object, key: PropertyKey): number {
  const patch = patches.get(owner)?.get(key);
  return patch
    ? patch.base.length
    : (owner as Record<PropertyKey, unknown[]>)[key].length;
}

/**
 * A shallow copy of an object that does not read its properties (a patched array stays uncopied).
 * Its patched arrays are patched the same way.
 */
export function copyOwn<T extends object>(source: T): T {
  const proto = Object.getPrototypeOf(source) as object | null;
  // A plain object starts as an object literal, whose keys V8 keeps in fast mode: a copy made by
  // defineProperties is a dictionary, slower to make and to read on every edit.
  const copy = (proto === Object.prototype ? {} : Object.create(proto)) as T;
  const patched = patches.get(source);
  for (const key of Reflect.ownKeys(source)) {
    if (patched?.has(key)) {
      definePatched(copy, key, source, new Map());
      continue;
    }
    const d = Object.getOwnPropertyDescriptor(source, key)!;
    if (d.writable && d.enumerable && d.configurable)
      (copy as Record<PropertyKey, unknown>)[key] = d.value;
    else Object.defineProperty(copy, key, d);
  }
  return copy;
}

/**
 * Defines owner[key] as previous[key] with the given slots replaced (an enumerable property, so
 * spreads, JSON and clones see a plain array).
 */
export function definePatched<T>(
  owner: object,
  key: PropertyKey,
  previous: object,
  slots: ReadonlyMap<number, T>,
): void {
  const before = patches.get(previous)?.get(key);
  const base = before
    ? before.base
    : (previous as Record<PropertyKey, readonly T[]>)[key];
  const merged = new Map<number, unknown>(before?.slots);
  for (const [i, v] of slots) merged.set(i, v);
  const settle = (value: unknown) => {
    patches.get(owner)?.delete(key);
    Object.defineProperty(owner, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
  const materialize = () => {
    const array = base.slice();
    for (const [i, v] of merged) array[i] = v;
    settle(array);
    return array;
  };
  if (merged.size > MAX_SLOTS) {
    materialize();
    return;
  }
  let own = patches.get(owner);
  if (!own) patches.set(owner, (own = new Map()));
  own.set(key, { base, slots: merged });
  Object.defineProperty(owner, key, {
    enumerable: true,
    configurable: true,
    get: materialize,
    set: settle,
  });
}
