import type { Actor } from "@/lib/auth/require-role";
import { openDatabase } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { saveSummary } from "@/lib/review/save-summary";
import { alloKeyFor } from "../../emulator/allo/keys";
import { generateFixture } from "../../emulator/data/generate";
import { startEmulator } from "../../emulator/server";
import { median } from "./median";

const data = { calls: 200, seed: 5, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const runs = 15;
// Redline paces Allo writes at the documented 5 per second; pausing keeps that pacing out of the timings.
const pause = () => new Promise((resolve) => setTimeout(resolve, 450));

/**
 * A save through Redline (journal, lock, re-read, write, outcome) against the same two provider calls
 * made directly, with Allo answering in 50 ms as a real provider would, and with no latency at all.
 */
export async function benchSaveOverhead(): Promise<string[]> {
  const lines: string[] = [];
  const callIds = generateFixture(data)
    .allo!.items.filter((item) => item.type === "CALL" && item.summaries.length === 1)
    .map((item) => item.id);
  for (const latency of [50, 0]) {
    const emulator = await startEmulator({
      port: 0,
      ...data,
      rateLimits: false,
      faults: latency ? [`allo.getItem:latency=${latency}`, `allo.updateSummary:latency=${latency}`] : [],
    });
    const database = await openDatabase({ driver: "pglite" });
    const user = await upsertUser(database.db, { email: "bench@redline.test", name: "Bench Reviewer", role: "reviewer" });
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    const adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 10_000 });
    const direct: number[] = [];
    const redline: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const directId = callIds[run * 2]!;
      const redlineId = callIds[run * 2 + 1]!;
      await pause();
      let started = performance.now();
      const target = { provider: "allo" as const, id: directId, templateKey: null };
      const summary = await adapter.getSummary(target);
      await adapter.updateSummary(target, `${summary.content}\n- direct`);
      direct.push(performance.now() - started);

      const base = (await adapter.getCall(redlineId)).summary.content!;
      await pause();
      started = performance.now();
      const result = await saveSummary({ database, adapter }, actor, {
        provider: "allo",
        callId: redlineId,
        targetId: redlineId,
        templateKey: null,
        baseContent: base,
        baseRevision: 0,
        content: `${base}\n- through Redline`,
      });
      redline.push(performance.now() - started);
      if (!result.ok) throw new Error(`bench save failed: ${result.error.message}`);
    }
    await database.close();
    await emulator.close();
    const ratio = median(redline) / median(direct);
    lines.push(
      `save with Allo answering in ${latency} ms: direct ${median(direct).toFixed(1)} ms, through Redline ${median(redline).toFixed(1)} ms, ratio ${ratio.toFixed(2)}×${latency ? " (budget 1.15×)" : ""}`,
    );
  }
  return lines;
}
