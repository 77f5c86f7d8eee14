/**
 * Ids and digit strings are built from char codes in one go: appending a character at a time leaves a
 * rope of small heap objects behind every string past 13 characters, which a million ids feel.
 */
const ALNUM_CODES = Array.from("abcdefghijklmnopqrstuvwxyz0123456789", (char) => char.charCodeAt(0));
/** "00"…"ff": number-to-string in base 16 is slow, a table lookup is not. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * A seeded random source (mulberry32). The generator draws from one stream in a fixed order,
 * so the same seed always yields the same data.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error("Cannot pick from an empty list");
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** Picks by relative weight: `[["a", 3], ["b", 1]]` yields "a" three times as often as "b". */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("Cannot pick from an empty list");
    return last[0];
  }

  alnum(length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = ALNUM_CODES[Math.floor(this.next() * 36)] as number;
    return String.fromCharCode(...codes);
  }

  /** Lowercase hexadecimal, eight digits per draw. */
  hex(length: number): string {
    const bytes: string[] = [];
    for (let made = 0; made < length; made += 8) {
      const value = Math.floor(this.next() * 4294967296);
      bytes.push(HEX_BYTES[value >>> 24] as string, HEX_BYTES[(value >>> 16) & 255] as string);
      bytes.push(HEX_BYTES[(value >>> 8) & 255] as string, HEX_BYTES[value & 255] as string);
    }
    const out = bytes.join("");
    return out.length === length ? out : out.slice(0, length);
  }

  digits(length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = 48 + Math.floor(this.next() * 10);
    return String.fromCharCode(...codes);
  }

  /** A 32-bit seed for a child stream, so a call's transcript can be rebuilt on its own later. */
  seed(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}
