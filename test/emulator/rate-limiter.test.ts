import { describe, expect, it } from "vitest";
import { RateLimiter, rateClassOf } from "@/emulator/http/rate-limiter";

function limiterAt(startMs: number) {
  const clock = { now: startMs };
  return { clock, limiter: new RateLimiter({ read: 20, write: 5 }, () => clock.now) };
}

describe("RateLimiter", () => {
  it("allows five writes a second per key, then refuses until the next second", () => {
    const { clock, limiter } = limiterAt(1_700_000_000_250);
    const decisions = Array.from({ length: 7 }, () => limiter.take("key-a", "write"));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    expect(decisions.every((decision) => decision.limit === 5 && decision.resetAt === 1_700_000_001)).toBe(true);

    clock.now = 1_700_000_000_999;
    expect(limiter.take("key-a", "write").allowed).toBe(false);
    clock.now = 1_700_000_001_000;
    expect(limiter.take("key-a", "write")).toEqual({ allowed: true, limit: 5, remaining: 4, resetAt: 1_700_000_002 });
  });

  it("counts reads separately, twenty a second", () => {
    const { limiter } = limiterAt(1_700_000_000_000);
    for (let i = 0; i < 5; i++) limiter.take("key-a", "write");
    const reads = Array.from({ length: 21 }, () => limiter.take("key-a", "read").allowed);
    expect(reads.filter(Boolean)).toHaveLength(20);
    expect(reads[20]).toBe(false);
  });

  it("keeps keys apart", () => {
    const { limiter } = limiterAt(1_700_000_000_000);
    for (let i = 0; i < 6; i++) limiter.take("key-a", "write");
    expect(limiter.take("key-b", "write").allowed).toBe(true);
  });

  it("classes requests by method", () => {
    expect(["GET", "HEAD"].map(rateClassOf)).toEqual(["read", "read"]);
    expect(["POST", "PUT", "PATCH", "DELETE"].map(rateClassOf)).toEqual(["write", "write", "write", "write"]);
  });
});
