/**
 * An array whose elements are made when first read, a block at a time: a read of 100,000 Holdings
 * rows hands out one array of holdings, but a check that reads its columns (fund-columns.ts)
 * makes few of them or none. Making all 100,000 objects, and the collector copying them, was
 * about a third of the bench's read of 100,000 rows.
 *
 * The list is a real array (Array.isArray, length, indexing, iteration, every array method) of
 * `length` slots. A slot not made yet is a hole, and reading an element of the array looks a hole
 * up on its prototype: there, a proxy makes the hole's block (its elements become the array's own)
 * and gives the element. Writing to a hole makes its block first, so an element is never made over
 * a value written. Once every block is made, the array's prototype is Array.prototype again: it is
 * then a plain array. Until its first element is made it has no slots at all (sparse, below).
 * Own-property views (Object.keys, hasOwnProperty, structuredClone) see only the elements made:
 * read the elements (or `madeAll`) before using one, and before freezing or sealing the list (a
 * frozen list's holes can no longer be made).
 */
export interface LazyList<T> {
  readonly list: T[];
  /** Element k was never made (nor written): it is still make(k), not read by anyone. */
  unmade(k: number): boolean;
  /** The first index from k on that is not unmade (the list's length when there is none). */
  nextMade(k: number): number;
  /** Makes every element still unmade: the list is then a plain array. */
  madeAll(): T[];
}

/** Elements made at once: a rule that reads a few rows makes few objects, a pass over all a few hundred calls. */
const BLOCK = 256;

export function lazyList<T>(
  length: number,
  make: (k: number) => T,
): LazyList<T> {
  const list = sparse<T>(length);
  const blocks = Math.ceil(length / BLOCK);
  const made = new Uint8Array(blocks);
  let left = blocks;

  /** Block b's holes made, with the array's own prototype while writing (no trap per element). */
  const makeBlock = (b: number) => {
    if (made[b] === 1) return;
    made[b] = 1;
    Object.setPrototypeOf(list, Array.prototype);
    // The first block: the list takes its slots (with its own prototype: no trap on the way).
    if (left === blocks) toSlots(list, length);
    const end = Math.min(list.length, (b + 1) * BLOCK);
    for (let k = b * BLOCK; k < end; k++) if (!(k in list)) list[k] = make(k);
    if (--left > 0) Object.setPrototypeOf(list, lookup);
  };
  const unmade = (k: number) => k < list.length && made[(k / BLOCK) | 0] === 0;
  /** The index a key names, within the blocks, or -1. */
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const k = Number(key);
    return Number.isInteger(k) && k >= 0 && k < length && String(k) === key
      ? k
      : -1;
  };
  const lookup: object = new Proxy(Array.prototype, {
    get(target, key, receiver) {
      const k = receiver === list ? indexOf(key) : -1;
      if (k < 0 || !unmade(k)) return Reflect.get(target, key, receiver);
      makeBlock((k / BLOCK) | 0);
      return list[k];
    },
    set(target, key, value, receiver) {
      const k = receiver === list ? indexOf(key) : -1;
      if (k >= 0 && unmade(k)) makeBlock((k / BLOCK) | 0);
      return Reflect.set(target, key, value, receiver);
    },
    has(target, key) {
      const k = indexOf(key);
      return (k >= 0 && unmade(k)) || Reflect.has(target, key);
    },
    // As a plain array's (instanceof Array); lookups still come here, then go to Array.prototype.
    getPrototypeOf: () => Array.prototype,
  });
  if (left > 0) Object.setPrototypeOf(list, lookup);
  return {
    list,
    unmade,
    nextMade(k) {
      let b = (k / BLOCK) | 0;
      if (!unmade(k)) return k;
      while (b < blocks && made[b] === 0) b++;
      return Math.min(b * BLOCK, list.length);
    },
    madeAll() {
      for (let b = 0; b < blocks; b++) makeBlock(b);
      return list;
    },
  };
}

/**
 * An array of `length` holes that has no slots yet (V8 keeps its elements in a dictionary): a
 * check that reads the columns of a read of 100,000 rows makes no element of its list, and its
 * 800 KB of slots, fresh memory, were a tenth of the read.
 */
function sparse<T>(length: number): T[] {
  const list: T[] = [];
  if (length === 0) return list;
  list[length - 1] = undefined as T;
  delete list[length - 1];
  return list;
}

/**
 * The list's slots, as `new Array(length)` has them, once an element is made: elements written
 * one by one into the dictionary were slower than the slots (V8 makes them only when the
 * dictionary is dense). Emptied, written once and sized again, the same array has its slots.
 * Only while the list is still all holes of its length (nothing written past its end).
 */
function toSlots<T>(list: T[], length: number): void {
  if (list.length !== length) return;
  list.length = 0;
  list[0] = undefined as T;
  list.length = 0;
  list.length = length;
}
