const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

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
    let out = "";
    for (let i = 0; i < length; i++) out += ALNUM[Math.floor(this.next() * ALNUM.length)];
    return out;
  }

  digits(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A 32-bit seed for a child stream, so a call's transcript can be rebuilt on its own later. */
  seed(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}
