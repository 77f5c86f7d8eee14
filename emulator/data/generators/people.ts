import { namePools } from "../name-pools";
import type { Prng } from "../prng";
import { spoken } from "../spoken-formats";

export type Person = {
  first: string;
  last: string;
  /** As a CRM shows it: "佐藤 美咲", "Renée O'Connell". */
  name: string;
  phone: string;
  /** "555-123-4567", as the agent reads it back. */
  phoneSpoken: string;
  email: string;
  zip: string;
  /** The last name spelled out on the phone, in Latin letters. */
  spelledLast: string;
};

/** "+15551234567" → "555-123-4567", the way a number is read out. */
export function phoneSpoken(number: string): string {
  const digits = number.slice(-10);
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** One in twelve customers has a name outside plain ASCII beyond the odd accent. */
const INTERNATIONAL_SHARE = 1 / 12;

/** ASCII-only local part, so emails always validate: "Renée O'Connell" → "renee.oconnell". */
export function emailLocalPart(first: string, last: string): string {
  const ascii = (value: string) =>
    value
      .normalize("NFD")
      .replace(/[^a-zA-Z]/g, "")
      .toLowerCase();
  return `${ascii(first)}.${ascii(last)}`;
}

/** Customers with unique `+1555…` numbers, drawn from one seeded stream. */
export class People {
  private readonly usedPhones: Set<string>;

  constructor(
    private readonly rng: Prng,
    reservedPhones: Iterable<string> = [],
  ) {
    this.usedPhones = new Set(reservedPhones);
  }

  phone(): string {
    for (;;) {
      const phone = `+1555${this.rng.digits(7)}`;
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  person(): Person {
    const phone = this.phone();
    const zip = this.rng.pick(namePools.zipCodes);
    if (this.rng.chance(INTERNATIONAL_SHARE)) {
      const entry = this.rng.pick(namePools.international);
      return {
        first: entry.first,
        last: entry.last,
        name: entry.name,
        phone,
        phoneSpoken: phoneSpoken(phone),
        email: `${emailLocalPart(entry.latinFirst, entry.latinLast)}@example.com`,
        zip,
        spelledLast: spoken.spelled(entry.latinLast),
      };
    }
    const first = this.rng.pick(namePools.firstNames);
    const last = this.rng.pick(namePools.lastNames);
    return {
      first,
      last,
      name: `${first} ${last}`,
      phone,
      phoneSpoken: phoneSpoken(phone),
      email: `${emailLocalPart(first, last)}@example.com`,
      zip,
      spelledLast: spoken.spelled(last),
    };
  }
}
