/** A part of a key: a date, a basis, a flag, a decimal (as its text), or nothing (an empty part). */
type KeyPart = string | boolean | object | undefined;

/**
 * The key of one kind of memo or cached report, from its parts: the same string as long as the
 * parts are the last ones (the same, by ===). A key joined on each check is a new string, hashed
 * again by each lookup, and a check after an edit runs mostly before V8 has compiled it.
 */
export class MemoKey {
  private a: KeyPart;
  private b: KeyPart;
  private c: KeyPart;
  private d: KeyPart;
  private key: string | undefined;

  constructor(private readonly name: string) {}

  of(a: KeyPart, b?: KeyPart, c?: KeyPart, d?: KeyPart): string {
    if (
      this.key === undefined ||
      a !== this.a ||
      b !== this.b ||
      c !== this.c ||
      d !== this.d
    ) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      this.key = [this.name, a, b, c, d].join("|");
    }
    return this.key;
  }
}
