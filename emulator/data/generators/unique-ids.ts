import type { Prng } from "../prng";

const HEX = "0123456789abcdef";

/** Random ids from one seeded stream, never the same one twice. */
export class UniqueIds {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Prng) {}

  /** `prefix` and `length` lowercase alphanumerics. */
  alnum(prefix: string, length: number): string {
    return this.unique(() => prefix + this.rng.alnum(length));
  }

  /**
   * A version-4-shaped UUID. 122 random bits make a repeat unthinkable, so these skip the bookkeeping
   * (the fixture schema would still catch one).
   */
  uuid(prefix = ""): string {
    const hex = this.hex(32);
    const variant = HEX[8 + this.rng.int(0, 3)] as string;
    return [prefix, hex.slice(0, 8), "-", hex.slice(8, 12), "-4", hex.slice(13, 16), "-", variant, hex.slice(17, 20), "-", hex.slice(20)].join("");
  }

  /** A Twilio Type ID: the prefix, a digit 0-7, then 25 lowercase alphanumerics (129 random bits, as for UUIDs). */
  ttid(prefix: string): string {
    return [prefix, String(this.rng.int(0, 7)), this.rng.alnum(25)].join("");
  }

  hex(length: number): string {
    return this.rng.hex(length);
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
