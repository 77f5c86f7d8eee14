import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import { z } from "zod";
import { createAlloApi } from "./allo/allo-api";
import { AlloStore } from "./allo/store";
import { fixtureSchema } from "./data/fixture-schema";
import { generateFixture } from "./data/generate";
import { sendJson } from "./http/send-json";

export type EmulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Default "127.0.0.1". Anything but loopback needs `allowRemote`. */
  host?: string;
  /** Number of calls to generate; default 200. About one SMS per nine calls is added. */
  calls?: number;
  /** Default 1. The same seed, calls and `now` always produce the same data. */
  seed?: number;
  /** Anchor for generated dates (the 30 days before it). Default: the current time floored to the hour. */
  now?: Date;
  /** Allo's per-key limits (20 reads, 5 writes a second). Default true. */
  rateLimits?: boolean;
  /** Required to listen on a non-loopback host: the emulator's keys are public. */
  allowRemote?: boolean;
};

export type RunningEmulator = { url: string; port: number; close(): Promise<void> };

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  calls: z.number().int().min(0).max(1_000_000).default(200),
  seed: z.number().int().default(1),
  now: z.date().optional(),
  rateLimits: z.boolean().default(true),
  allowRemote: z.boolean().default(false),
});

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

function currentHour(): Date {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
}

function buildStore(seed: number, calls: number, now: Date): AlloStore {
  return new AlloStore(fixtureSchema.parse(generateFixture({ seed, calls, now })));
}

/**
 * Starts the provider emulator: the Allo v2 API under `/v2/api`, and `/__emulator/health` and
 * `/__emulator/reset` for tests and demos. Resolves once it is listening.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = optionsSchema.parse(options);
  if (!isLoopback(config.host) && !config.allowRemote) {
    throw new Error(
      `Refusing to listen on ${config.host}: the emulator's API keys are public, so it only listens on loopback. ` +
        "Pass allowRemote: true (--allow-remote) to expose it anyway.",
    );
  }
  // Fixed at start, so a reset regenerates exactly the data the server started with.
  const now = config.now ?? currentHour();
  let store = buildStore(config.seed, config.calls, now);
  const allo = createAlloApi({ store: () => store, rateLimits: config.rateLimits });

  const admin = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const counts = () => ({ calls: store.calls.length, messages: store.messages.length });
    if (path === "/__emulator/health" && req.method === "GET") {
      return sendJson(res, 200, { ok: true, providers: ["allo"], ...counts() });
    }
    if (path === "/__emulator/reset" && req.method === "POST") {
      store = buildStore(config.seed, config.calls, now);
      return sendJson(res, 200, { ok: true, ...counts() });
    }
    sendJson(res, 404, { ok: false, error: `No admin endpoint ${req.method} ${path}.` });
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://emulator.local").pathname;
    if (path.startsWith("/__emulator/")) return admin(req, res, path);
    void allo(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The emulator is not listening on a TCP port");
  const hostInUrl = config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;

  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
