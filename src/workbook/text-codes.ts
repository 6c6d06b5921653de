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
   * Each slot: the text's code + 1 in its low CODE_BITS (0: empty), and the top bits of its hash
   * above them, a power of two slots at most 3/4 full. A table's memory is written afresh by each
   * read (about 10 µs a 4 KB page here), and a probe reads one slot: no array of hashes beside it
   * to write and to look up at random.
   *
   * null once a later table took them (slotsFor): they are made again from the list when next
   * needed (remakeSlots), so that an id column's 256 KB of slots are not fresh memory at every read.
   */
  private slots: Int32Array | null;
  private readonly others = new Map<unknown, number>();
  /** Texts not written as their id key (a lowercase letter, a space at an end): ids the engine may fold. */
  private unkeyed = 0;

  /**
   * expected: about how many distinct texts will be added (the table is sized for them at once,
   * not grown); tableCodes: how many codes the table gives texts (what a slot holds), the later
   * texts going to the Map.
   */
  constructor(
    private readonly expected = 0,
    private readonly tableCodes = CODE_MASK,
  ) {
    this.slots = slotsFor(expected, this);
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
    if (this.slots === null) this.remakeSlots();
    const at = this.find(value, hashOf(value));
    return at >= 0 ? (this.slots![at] & CODE_MASK) - 1 : this.others.get(value);
  }

  /** The code of a value, a new one (the next) when it was never added. */
  add(value: unknown): number {
    // Before hashing the value: making the slots again hashes every text (hashedPlain).
    if (this.slots === null) this.remakeSlots();
    if (typeof value !== "string" || this.count >= this.tableCodes) {
      // Past the codes a slot holds (2 million texts), texts too go to the Map.
      if (typeof value === "string") {
        const at = this.find(value, hashOf(value));
        if (at >= 0) return (this.slots![at] & CODE_MASK) - 1;
      }
      let code = this.others.get(value);
      if (code === undefined) {
        code = this.count;
        this.others.set(value, code);
        this.push(value);
      }
      return code;
    }
    const hash = hashOf(value);
    const at = this.find(value, hash);
    const slots = this.slots!;
    if (at >= 0) return (slots[at] & CODE_MASK) - 1;
    const code = this.count;
    this.push(value);
    slots[-at - 1] = ((hash >>> CODE_BITS) << CODE_BITS) | (code + 1);
    // At most 3/4 full: a probe ends soon at an empty slot.
    if (code * 4 >= slots.length * 3) this.grow();
    return code;
  }

  /** A new code's value. */
  private push(value: unknown): void {
    // Checked as the text is hashed: the engine then need not look at every id again (id-key.ts).
    if (
      typeof value === "string" &&
      !hashedIsKey(value) &&
      this.unkeyed++ === 0
    )
      markKeyed(this.list, false);
    const code = this.count++;
    const list = this.list;
    if (code < list.length) list[code] = value;
    else list.push(value);
  }

  /** The index of the text's slot; else -(index of the empty slot where it would go) - 1. */
  private find(text: string, hash: number): number {
    const slots = this.slots!;
    const list = this.list;
    const mask = slots.length - 1;
    const tag = hash >>> CODE_BITS;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === 0) return -at - 1;
      if (slot >>> CODE_BITS === tag && list[(slot & CODE_MASK) - 1] === text)
        return at;
    }
  }

  /** Twice the slots, every text of the table placed again by its hash (kept in its slot). */
  private grow(): void {
    const old = this.slots!;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const slot of old) {
      if (slot === 0) continue;
      let at = hashOf(this.list[(slot & CODE_MASK) - 1] as string) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = slot;
    }
    this.slots = slots;
  }

  /**
   * The slots again, after a later table took them, from the list (its texts of a code below
   * tableCodes are the table's): as many as first planned (a table taken while its column is
   * still being read is not grown again from 64), or more for its texts.
   */
  private remakeSlots(): void {
    const slots = new Int32Array(
      tableSize(Math.max(this.expected, this.count + 1)),
    );
    const mask = slots.length - 1;
    const { list } = this;
    const inTable = Math.min(this.count, this.tableCodes);
    for (let code = 0; code < inTable; code++) {
      const text = list[code];
      if (typeof text !== "string") continue;
      const hash = hashOf(text);
      let at = hash & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = ((hash >>> CODE_BITS) << CODE_BITS) | (code + 1);
    }
    this.slots = slots;
  }

  /** A table's slots for a new one of `size` (zeroed), when they are that many: taken from it. */
  static takeSlots(from: TextCodes, size: number): Int32Array | null {
    const slots = from.slots;
    if (slots === null || slots.length !== size) return null;
    from.slots = null;
    return slots.fill(0);
  }
}

/** A power of two of slots at most 3/4 full with `expected` texts. */
function tableSize(expected: number): number {
  let size = 64;
  while (size * 3 < expected * 4) size *= 2;
  return size;
}

/**
 * The last table made of at least SHARED slots. An id column's table is only written while its
 * read codes the column (later, by an edit's new text); a read's fresh memory costs about 10 µs
 * a 4 KB page here, so a new table of the same size takes the last one's slots (zeroed, 256 KB
 * for the 38,000 issuers of 100,000 rows) rather than new ones, and the last one makes its own
 * again from its texts if it is ever asked (remakeSlots).
 */
let lastLarge: WeakRef<TextCodes> | null = null;
const SHARED = 4096;

function slotsFor(expected: number, table: TextCodes): Int32Array {
  const size = tableSize(expected);
  if (size < SHARED) return new Int32Array(size);
  const last = lastLarge?.deref();
  lastLarge = new WeakRef(table);
  return (last && TextCodes.takeSlots(last, size)) ?? new Int32Array(size);
}

/** The bits of a slot that hold code + 1: 2 million texts; the hash's top 11 bits sit above them. */
const CODE_BITS = 21;
const CODE_MASK = (1 << CODE_BITS) - 1;

/**
 * FNV-1a over the text's UTF-16 code units, as an int32 (as the slots store it, for "" too).
 * The same pass notes whether the text has a lowercase letter or a character past ASCII
 * (hashedPlain), so that a new text's isKey need not read it again.
 */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  let lowerOrWide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    lowerOrWide |= (c - 97) >>> 0 < 26 || c > 127 ? 1 : 0;
  }
  hashedPlain = lowerOrWide === 0;
  return h;
}

/** The text last hashed has no lowercase letter and no character past ASCII. */
let hashedPlain = true;

/** isKey of a text just hashed (every new text is: add), from what its hash pass noted. */
function hashedIsKey(text: string): boolean {
  const n = text.length;
  if (!hashedPlain || n === 0) return isKey(text);
  return text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32;
}
