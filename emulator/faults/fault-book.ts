import { providerAliases, qualifiedEndpointNames } from "../endpoint-names";
import { describeIssues, FaultSpecError, faultSchema, formatFault, parseFaultSpec, type Fault, type FaultInput } from "./fault-spec";

export type FaultView = Fault & {
  id: number;
  /** The fault in `--fault` form. */
  spec: string;
  /** Hits left for a counted fault; null when it has no count. */
  remaining: number | null;
  /** How many requests it has hit so far. */
  hits: number;
};

type Entry = { id: number; fault: Fault; pattern: RegExp; remaining: number | null; hits: number };

function patternOf(endpoint: string): RegExp {
  const [provider = "", ...rest] = endpoint.split(".");
  const name = [providerAliases[provider] ?? provider, ...rest].join(".");
  const escaped = name.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

/**
 * The faults in force, in the order they were added. A request gets the first fault that matches its
 * endpoint, still has hits left, and wins its roll of the dice.
 */
export class FaultBook {
  private entries: Entry[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number) {}

  /** Validates every input first, so a bad one leaves the book unchanged. */
  add(inputs: readonly (string | FaultInput)[]): FaultView[] {
    const entries = inputs.map((input) => this.entryOf(input));
    this.entries.push(...entries);
    return entries.map(view);
  }

  replace(inputs: readonly (string | FaultInput)[]): FaultView[] {
    const entries = inputs.map((input) => this.entryOf(input));
    this.entries = entries;
    return entries.map(view);
  }

  clear(): void {
    this.entries = [];
  }

  list(): FaultView[] {
    return this.entries.map(view);
  }

  /** The fault to apply to one request to `endpoint` (`allo.search`), or null. Counts the hit. */
  pick(endpoint: string): Fault | null {
    for (const entry of this.entries) {
      if (entry.remaining === 0 || !entry.pattern.test(endpoint)) continue;
      if (entry.fault.rate < 1 && this.random() >= entry.fault.rate) continue;
      if (entry.remaining !== null) entry.remaining -= 1;
      entry.hits += 1;
      return entry.fault;
    }
    return null;
  }

  private entryOf(input: string | FaultInput): Entry {
    const raw = typeof input === "string" ? parseFaultSpec(input) : input;
    const parsed = faultSchema.safeParse(raw);
    if (!parsed.success) throw new FaultSpecError(`Invalid fault ${JSON.stringify(raw)}: ${describeIssues(parsed.error)}`);
    const fault = parsed.data;
    const pattern = patternOf(fault.endpoint);
    if (!qualifiedEndpointNames.some((name) => pattern.test(name))) {
      throw new FaultSpecError(`No endpoint matches "${fault.endpoint}". Endpoints: ${qualifiedEndpointNames.join(", ")}`);
    }
    return { id: this.nextId++, fault, pattern, remaining: fault.count ?? null, hits: 0 };
  }
}

function view(entry: Entry): FaultView {
  return { ...entry.fault, id: entry.id, spec: formatFault(entry.fault), remaining: entry.remaining, hits: entry.hits };
}
