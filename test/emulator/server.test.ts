import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient } from "./support/allo-client";
import { representativeItems, testDataOptions, testFixture } from "./support/test-data";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false });
});

afterAll(async () => {
  await emulator.close();
});

describe("startEmulator", () => {
  it("listens on loopback at the port it reports", () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it("reports health", async () => {
    const response = await fetch(`${emulator.url}/__emulator/health`);
    expect(await response.json()).toEqual({
      ok: true,
      providers: ["allo", "openphone", "bland", "twilio"],
      calls: 200,
      counts: {
        allo: { calls: 200, messages: 22 },
        openphone: { calls: 200 },
        bland: { calls: 200, contacts: expect.any(Number), memories: expect.any(Number) },
        twilio: { summaries: 200, pendingUpdates: 0 },
      },
    });
  });

  it("reset restores the generated data", async () => {
    const { classicOnly } = representativeItems(testFixture());
    const allo = AlloTestClient.as(emulator.url, "redline");
    await allo.updateSummary(classicOnly.id, { content: "Edited." });
    expect((await allo.getItem(classicOnly.id)).body.data.summary).toBe("Edited.");

    const reset = await fetch(`${emulator.url}/__emulator/reset`, { method: "POST" });
    expect(await reset.json()).toMatchObject({ ok: true, counts: { allo: { calls: 200, messages: 22 } } });
    expect((await allo.getItem(classicOnly.id)).body.data.summary).toBe(classicOnly.summaries[0]!.content);
    expect((await allo.updateSummary(classicOnly.id, { content: "Again." })).body.data.version).toBe(2);
  });

  it("answers 404 for an unknown admin path", async () => {
    const response = await fetch(`${emulator.url}/__emulator/nothing`);
    expect(response.status).toBe(404);
  });

  it("serves the same data from the same seed, and different data from another", async () => {
    const [first, twin, other] = await Promise.all([
      startEmulator({ port: 0, ...testDataOptions }),
      startEmulator({ port: 0, ...testDataOptions }),
      startEmulator({ port: 0, ...testDataOptions, seed: testDataOptions.seed + 1 }),
    ]);
    try {
      const page = (url: string) => AlloTestClient.as(url, "redline").search({ size: 50, extend: "transcript" });
      const [mine, twins, others] = await Promise.all([page(first.url), page(twin.url), page(other.url)]);
      expect(twins.body).toEqual(mine.body);
      expect(others.body.data.map((item) => item.id)).not.toEqual(mine.body.data.map((item) => item.id));
    } finally {
      await Promise.all([first.close(), twin.close(), other.close()]);
    }
  });

  it("refuses a non-loopback host unless allowed", async () => {
    await expect(startEmulator({ port: 0, host: "0.0.0.0", calls: 10 })).rejects.toThrow(/allowRemote/);
    const remote = await startEmulator({ port: 0, host: "0.0.0.0", calls: 10, allowRemote: true });
    await remote.close();
  });

  it("closes with keep-alive connections still open", async () => {
    const extra = await startEmulator({ port: 0, calls: 10 });
    await fetch(`${extra.url}/__emulator/health`);
    await extra.close();
    await expect(fetch(`${extra.url}/__emulator/health`)).rejects.toThrow();
  });

  it("rejects invalid options", async () => {
    await expect(startEmulator({ calls: -1 })).rejects.toThrow();
    await expect(startEmulator({ port: 70_000 })).rejects.toThrow();
  });
});
