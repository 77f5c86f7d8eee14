export type RateClass = "read" | "write";

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the current window ends. */
  resetAt: number;
};

/** Reads are GET (and HEAD); everything else counts as a write, as Allo's rule goes by method. */
export function rateClassOf(method: string): RateClass {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

/**
 * Fixed one-second windows per key and class. Allo documents per-second limits without saying how
 * windows are aligned; whole Unix seconds keep `X-RateLimit-Reset` an exact timestamp.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(
    private readonly limits: Readonly<Record<RateClass, number>>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts a request and says whether it may proceed. Refused requests do not use up the window. */
  take(key: string, rateClass: RateClass): RateDecision {
    const second = Math.floor(this.clock() / 1000);
    const limit = this.limits[rateClass];
    const id = `${rateClass}:${key}`;
    let window = this.windows.get(id);
    if (window === undefined || window.second !== second) {
      window = { second, count: 0 };
      this.windows.set(id, window);
    }
    const allowed = window.count < limit;
    if (allowed) window.count += 1;
    return { allowed, limit, remaining: limit - window.count, resetAt: second + 1 };
  }

  /** The headers' values for a request that is not counted (no key identified yet). */
  peek(rateClass: RateClass): RateDecision {
    const limit = this.limits[rateClass];
    return { allowed: true, limit, remaining: limit, resetAt: Math.floor(this.clock() / 1000) + 1 };
  }
}
