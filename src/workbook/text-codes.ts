/**
 * Codes for the distinct values of a column, in the order they first appear: what a Map of
 * value → code gives, but texts are found in an open-addressing table hashed by their
 * characters. Coding an id column of 100,000 rows and ~38,000 distinct texts through a Map was
 * most of a read's first check (the Map grows, rehashes and allocates as it goes); the table is
 * one typed array that doubles seldom. Texts are compared with ===, as a Map compares them; any
 * other value (blank, a number) goes to a Map, so every value gets the code a Map would give.
 */
export class TextCodes {
  /** The values by code. */
  readonly values: unknown[] = [];
  /**
   * Two ints a slot: code + 1 of the text in it (0: empty) and the text's hash, so that a probe
   * compares texts of equal hashes only and growing hashes none again. A power of two slots.
   */
  private slots = new Int32Array(2 * 1024);
  private texts = 0;
  private readonly others = new Map<unknown, number>();

  /** The code of a value, if it was added. */
  codeOf(value: unknown): number | undefined {
    if (typeof value !== "string") return this.others.get(value);
    const code = this.find(value, hashOf(value));
    return code < 0 ? undefined : this.slots[code] - 1;
  }

  /** The code of a value, a new one (the next) when it was never added. */
  add(value: unknown): number {
    if (typeof value !== "string") {
      let code = this.others.get(value);
      if (code === undefined) {
        code = this.values.length;
        this.others.set(value, code);
        this.values.push(value);
      }
      return code;
    }
    const hash = hashOf(value);
    const at = this.find(value, hash);
    if (at >= 0) return this.slots[at] - 1;
    const code = this.values.length;
    this.values.push(value);
    const slots = this.slots;
    const empty = -at - 1;
    slots[empty] = code + 1;
    slots[empty + 1] = hash;
    // At most half full: a probe ends soon at an empty slot.
    if (++this.texts * 4 > slots.length) this.grow();
    return code;
  }

  /** The index in slots of the text's slot; else -(index of the empty slot where it would go) - 1. */
  private find(text: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    const values = this.values;
    for (let at = (hash << 1) & mask; ; at = (at + 2) & mask) {
      const code = slots[at] - 1;
      if (code < 0) return -at - 1;
      if (slots[at + 1] === hash && values[code] === text) return at;
    }
  }

  /** Twice the slots, every text placed again by its hash. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 2;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      let at = (old[from + 1] << 1) & mask;
      while (slots[at] !== 0) at = (at + 2) & mask;
      slots[at] = old[from];
      slots[at + 1] = old[from + 1];
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
