import { isKey, markKeyed } from "../engine/id-key";
/**
 * Codes for the distinct values of a column, in the order they first appear: what a Map of
 * value → code gives, but texts are found in an open-addressing table hashed by their
 * characters. Coding an id column of 100,000 rows and ~38,000 distinct texts through a Map was
 * most of a read's first check (the Map grows, rehashes and allocates as it goes); the table is
 * a typed array sized at once for the texts expected (read-columns.ts: from the first rows).
 * Texts are compared with ===, as a Map compares them; any other value (blank, a number) goes to
 * a Map, so every value gets the code a Map would give.
 */
export class TextCodes {
  /**
   * The values by code, made at the size expected: pushing ~38,000 values one by one copied the
   * array at each growth, each copy into fresh memory (as much again as the table itself).
   */
  private readonly list: unknown[];
  private count = 0;
  /**
   * Code + 1 of the text in each slot (0: empty), a power of two slots at most 3/4 full. One int
   * a slot, the hashes kept by code (hashes): a table's memory is written afresh by each read,
   * and fresh memory is most of what coding ~38,000 issuers costs (about 13 µs a 4 KB page).
   */
  private slots: Int32Array;
  /** Each text's hash by its code (0 for other values): a probe compares texts of equal hashes only, growing hashes none again. */
  private hashes: Int32Array;
  private readonly others = new Map<unknown, number>();
  /** Texts not written as their id key (a lowercase letter, a space at an end): ids the engine may fold. */
  private unkeyed = 0;

  /** expected: about how many distinct texts will be added (the table is sized for them at once, not grown). */
  constructor(expected = 0) {
    let size = 64;
    while (size * 3 < expected * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array((size * 3) >> 2);
    // Holes until written: an estimate too high (it is at most the rows' count) costs only those.
    this.list = new Array<unknown>(expected);
  }

  /** How many values have a code. */
  get size(): number {
    return this.count;
  }

  /** The value of a code (no cut, while adding). */
  at(code: number): unknown {
    return this.list[code];
  }

  /** The values by code (the list's end not used yet is cut off when asked). */
  get values(): unknown[] {
    const list = this.list;
    if (list.length !== this.count) list.length = this.count;
    markKeyed(list, this.unkeyed === 0);
    return list;
  }

  /** The code of a value, if it was added. */
  codeOf(value: unknown): number | undefined {
    if (typeof value !== "string") return this.others.get(value);
    const at = this.find(value, hashOf(value));
    return at < 0 ? undefined : this.slots[at] - 1;
  }

  /** The code of a value, a new one (the next) when it was never added. */
  add(value: unknown): number {
    if (typeof value !== "string") {
      let code = this.others.get(value);
      if (code === undefined) {
        code = this.count;
        this.others.set(value, code);
        this.push(value, 0);
      }
      return code;
    }
    const hash = hashOf(value);
    const at = this.find(value, hash);
    if (at >= 0) return this.slots[at] - 1;
    const code = this.count;
    this.push(value, hash);
    this.slots[-at - 1] = code + 1;
    // At most 3/4 full: a probe ends soon at an empty slot.
    if (code * 4 >= this.slots.length * 3) this.grow();
    return code;
  }

  /** A new code's value and hash. */
  private push(value: unknown, hash: number): void {
    // Checked while the text is in cache: the engine then need not look at every id again (id-key.ts).
    if (typeof value === "string" && !isKey(value) && this.unkeyed++ === 0)
      markKeyed(this.list, false);
    const code = this.count++;
    const list = this.list;
    if (code < list.length) list[code] = value;
    else list.push(value);
    if (code === this.hashes.length) {
      const hashes = new Int32Array(2 * code);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[code] = hash;
  }

  /** The index of the text's slot; else -(index of the empty slot where it would go) - 1. */
  private find(text: string, hash: number): number {
    const { slots, hashes, list } = this;
    const mask = slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const code = slots[at] - 1;
      if (code < 0) return -at - 1;
      if (hashes[code] === hash && list[code] === text) return at;
    }
  }

  /** Twice the slots, every text placed again by its hash. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const { list, hashes } = this;
    for (let code = 0; code < this.count; code++) {
      if (typeof list[code] !== "string") continue;
      let at = hashes[code] & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = code + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the text's UTF-16 code units, as an int32 (as the slots store it, for "" too). */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
