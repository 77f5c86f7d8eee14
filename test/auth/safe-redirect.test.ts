import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/lib/auth/safe-redirect";

describe("where signing in leads", () => {
  it("keeps a path of Redline's own, with its query", () => {
    expect(safeRedirect("/calls/allo/cll-1")).toBe("/calls/allo/cll-1");
    expect(safeRedirect("/queue?provider=bland&q=INV-1")).toBe("/queue?provider=bland&q=INV-1");
  });

  it.each([
    ["javascript:alert(document.cookie)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["https://attacker.example/queue"],
    ["//attacker.example/queue"],
    ["/\\attacker.example"],
    ["/login?callbackUrl=/queue"],
    [""],
  ])("sends %j to the queue instead", (target) => {
    expect(safeRedirect(target)).toBe("/queue");
  });
});
