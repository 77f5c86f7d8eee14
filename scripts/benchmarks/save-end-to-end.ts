import { existsSync } from "node:fs";
import path from "node:path";
import { generateFixture } from "../../emulator/data/generate";
import { alloDirect } from "./allo-direct";
import { startDemoApp } from "./built-app";
import { ctrlSToSaved } from "./ctrl-s-to-saved";
import { emulatorAdmin } from "./emulator-admin";
import { median } from "./median";
import { recordSaveAction, type SaveAction } from "./save-action";

const data = { calls: 300, seed: 7, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const port = 3931;
/** Per latency: untimed runs first, then rounds of one Ctrl+S and two each of the HTTP save, the direct calls and the no-op. */
const warmup = { browser: 2, http: 3 };
const rounds = 9;
/**
 * Redline paces Allo writes at 5 in any 1.1 s; saves through the app start at least this far apart, untimed,
 * so no timed save waits for that pacing (the direct floor has none).
 */
const appSaveSpacingMs = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const ratio = (subject: number, floor: number) => `${(subject / floor).toFixed(2)}×`;

/**
 * A save as a reviewer meets it, through the built app: Ctrl+S to "Saved" in Chromium, and the recorded
 * save action replayed over HTTP with the browser's session, against the floors of the same run: the
 * provider calls a save makes (GET then PATCH) sent directly, and a server action that does nothing.
 */
export async function benchSaveEndToEnd(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const turns = (transcript: { recipe: { turns: number } } | { turns: unknown[] }) =>
    "recipe" in transcript ? transcript.recipe.turns : transcript.turns.length;
  // Each save starts from the AI text of a call no one has saved yet; short transcripts open fastest in the browser.
  const calls = generateFixture(data)
    .allo!.items.flatMap((item) => (item.type === "CALL" && item.summaries.length === 1 ? [item] : []))
    .sort((a, b) => turns(a.transcript) - turns(b.transcript))
    .map((item) => item.id);
  const perLatency = { browser: warmup.browser + rounds, other: warmup.http + 2 * rounds };
  const browserCalls = calls.splice(0, 1 + 2 * perLatency.browser);
  const httpCalls = calls.splice(0, 2 * perLatency.other);
  const directCalls = calls.splice(0, 2 * perLatency.other);
  if (directCalls.length < 2 * perLatency.other) throw new Error("the fixture has too few single-template Allo calls");
  const take = (pool: string[]) => pool.shift()!;

  const { app, emulator, close } = await startDemoApp(port, data);
  const admin = emulatorAdmin(emulator.url);
  const direct = alloDirect(emulator);
  try {
    const page = await app.signIn("reviewer@redline.test");
    const cookie = await app.cookieHeader(page);
    await app.synced(cookie);

    let lastAppSave = -Infinity;
    const spaced = async () => {
      const wait = lastAppSave + appSaveSpacingMs - performance.now();
      if (wait > 0) await sleep(wait);
      lastAppSave = performance.now();
    };
    const browserSave = async () => {
      await spaced();
      return ctrlSToSaved(page, app.url, take(browserCalls));
    };

    await admin.setFaults(["allo.getItem:latency=50", "allo.updateSummary:latency=50"]);
    const action: SaveAction = await recordSaveAction(page, cookie, browserSave);
    const refused = await action.noop();
    if (refused.result.ok || refused.result.error.code !== "invalid_input") {
      throw new Error(`the no-op action did not answer invalid_input: ${JSON.stringify(refused.result)}`);
    }

    const httpSave = async () => {
      const callId = take(httpCalls);
      const base = await direct.read(callId);
      await spaced();
      const { ms, result } = await action.save({
        ...action.recorded,
        callId,
        targetId: callId,
        baseContent: base,
        baseRevision: 0,
        content: `${base}\n- Checked over HTTP.`,
        intent: "edit",
      });
      if (!result.ok || result.outcome !== "applied") throw new Error(`a save over HTTP did not apply: ${JSON.stringify(result)}`);
      return ms;
    };
    const directSave = async () => {
      const callId = take(directCalls);
      const started = performance.now();
      const base = await direct.read(callId);
      await direct.write(callId, `${base}\n- Checked directly.`);
      return performance.now() - started;
    };
    const noop = async () => {
      const { ms, result } = await action.noop();
      if (result.ok || result.error.code !== "invalid_input") throw new Error(`the no-op action answered ${JSON.stringify(result)}`);
      return ms;
    };

    const lines: string[] = [];
    for (const latency of [50, 0]) {
      await admin.setFaults(latency ? [`allo.getItem:latency=${latency}`, `allo.updateSummary:latency=${latency}`] : []);
      const floors = [httpSave, directSave, noop] as const;
      for (let run = 0; run < warmup.browser; run += 1) await browserSave();
      for (let run = 0; run < warmup.http; run += 1) for (const task of floors) await task();

      const times = { browser: [] as number[], http: [] as number[], direct: [] as number[], noop: [] as number[] };
      const parts = { before: [] as number[], request: [] as number[], after: [] as number[] };
      for (let round = 0; round < rounds; round += 1) {
        const timing = await browserSave();
        times.browser.push(timing.totalMs);
        if (timing.requestMs !== null) {
          parts.before.push(timing.beforeRequestMs!);
          parts.request.push(timing.requestMs);
          parts.after.push(timing.afterAnswerMs!);
        }
        // Interleaved, in a rotating order, so drift and noise fall on the subjects and the floors alike.
        for (let pass = 0; pass < 2; pass += 1) {
          for (let slot = 0; slot < 3; slot += 1) {
            const index = (round * 2 + pass + slot) % 3;
            const time = await floors[index]!();
            (index === 0 ? times.http : index === 1 ? times.direct : times.noop).push(time);
          }
        }
      }
      const m = { browser: median(times.browser), http: median(times.http), direct: median(times.direct), noop: median(times.noop) };
      lines.push(
        `  Allo answering ${latency ? `in ${latency} ms` : "at once"}: medians of ${rounds} Ctrl+S saves and ${2 * rounds} of each other`,
        `    direct GET + PATCH from Node     ${ms(m.direct)}`,
        `    no-op server action over HTTP    ${ms(m.noop)}`,
        ...(latency
          ? [
              `    save action over HTTP            ${ms(m.http)}   ${ratio(m.http, m.direct)} direct (budget 1.10×)`,
              `    Ctrl+S to "Saved" in Chromium    ${ms(m.browser)}   ${ratio(m.browser, m.direct)} direct (budget 1.10×)`,
            ]
          : [
              `    save action over HTTP            ${ms(m.http)}   ${ratio(m.http, m.noop)} no-op (budget 3×), ${ratio(m.http, m.direct)} direct`,
              `    Ctrl+S to "Saved" in Chromium    ${ms(m.browser)}   ${ratio(m.browser, m.noop)} no-op (for information), ${ratio(m.browser, m.direct)} direct`,
            ]),
        parts.request.length === times.browser.length
          ? `      in Chromium, medians: key press to request ${median(parts.before).toFixed(1)} ms, request to whole answer ${median(parts.request).toFixed(1)} ms, answer to "Saved" painted ${median(parts.after).toFixed(1)} ms`
          : `      (Chromium recorded the save request's timing for ${parts.request.length} of ${times.browser.length} saves: no breakdown)`,
      );
    }
    return lines;
  } finally {
    await close();
  }
}
