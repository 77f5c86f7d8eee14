/** The emulator data set the browser tests run against; the specs regenerate it to know its calls. */
export const e2eData = { calls: 60, seed: 42, now: new Date("2026-11-20T12:00:00Z") };
