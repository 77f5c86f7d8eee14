import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import { z } from "zod";
import { createAdminApi } from "./admin/admin-api";
import { WebhookOutbox, webhookSubscriptionSchema, type WebhookSubscriptionInput } from "./webhook-outbox";
import { createAlloApi } from "./allo/allo-api";
import { createBlandApi } from "./bland/bland-api";
import { sectionsOf, type Fixture } from "./data/fixture-schema";
import { generateFixture } from "./data/generate";
import { parseFixture } from "./data/load-fixture";
import { Prng } from "./data/prng";
import { EmulatorData } from "./emulator-data";
import { FaultBook } from "./faults/fault-book";
import type { FaultInput } from "./faults/fault-spec";
import { HangingRequests } from "./faults/hanging-requests";
import { sendJson } from "./http/send-json";
import { createOpenPhoneApi } from "./openphone/openphone-api";
import { OtherEditor } from "./other-editor";
import { writableProviders, type WritableProvider } from "./provider-id";
import type { EmulatorSettings, ProviderApi, ProviderContext } from "./provider-context";
import { providerIds, type ProviderId } from "./provider-id";
import { basePaths, describeSetup, type EmulatorSetup } from "./setup";
import { createTwilioApi } from "./twilio/twilio-api";

export type EmulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Default "127.0.0.1". Anything but loopback needs `allowRemote`. */
  host?: string;
  /** Calls to generate per provider; default 200. Allo adds about one SMS per nine calls. */
  calls?: number;
  /** Default 1. The same seed, calls and `now` always produce the same data. */
  seed?: number;
  /** Anchor for generated dates (the 30 days before it). Default: the current time floored to the hour. */
  now?: Date;
  /** Write this share (0..1) of generated AI summaries with known errors. Default 0. */
  errors?: { rate: number };
  /** The providers to serve; default all four (those in `fixture` when one is given). */
  providers?: readonly ProviderId[];
  /** A fixture document to serve instead of generated data; validated, with the failing paths named. */
  fixture?: unknown;
  /** The documented per-key limits (Allo 20 reads + 5 writes a second, Quo 10). Default true. */
  rateLimits?: boolean;
  /** Faults in force from the start: `--fault` strings or objects (see emulator/README.md). */
  faults?: readonly (string | FaultInput)[];
  /** Start the other editor: one edit of a random summary every this many seconds. */
  otherEditorEverySeconds?: number;
  /** The providers the other editor edits; default every writable one that is served. */
  otherEditorProviders?: readonly WritableProvider[];
  /** How long a Twilio summary PATCH takes to show after its 202. Default 1,000 ms. */
  twilioApplyDelayMs?: number;
  /** Required to listen on a non-loopback host: the emulator's keys are public. */
  allowRemote?: boolean;
  /** Readiness webhooks to send from the start (Quo's), as if registered in the provider's dashboard. */
  webhooks?: readonly WebhookSubscriptionInput[];
};

export type RunningEmulator = {
  url: string;
  port: number;
  /** What a client needs to be configured against this emulator (as `GET /__emulator/setup`). */
  setup(): EmulatorSetup;
  close(): Promise<void>;
};

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  calls: z.number().int().min(0).max(1_000_000).default(200),
  seed: z.number().int().default(1),
  now: z.date().optional(),
  errors: z.object({ rate: z.number().min(0).max(1) }).strict().default({ rate: 0 }),
  providers: z.array(z.enum(providerIds)).min(1).optional(),
  fixture: z.unknown().optional(),
  rateLimits: z.boolean().default(true),
  faults: z.array(z.unknown()).default([]),
  otherEditorEverySeconds: z.number().positive().max(86_400).optional(),
  otherEditorProviders: z.array(z.enum(writableProviders)).min(1).optional(),
  twilioApplyDelayMs: z.number().int().min(0).max(600_000).default(1_000),
  allowRemote: z.boolean().default(false),
  /** Where to send the providers' readiness webhooks, as if registered in each provider's dashboard. */
  webhooks: z.array(webhookSubscriptionSchema).default([]),
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

type Config = z.infer<typeof optionsSchema>;

/** The document to serve and the providers to mount. */
function resolveData(config: Config): { fixture: Fixture; providers: ProviderId[] } {
  if (config.fixture === undefined) {
    const providers = config.providers ?? [...providerIds];
    return { fixture: generateFixture({ seed: config.seed, calls: config.calls, now: config.now ?? currentHour(), providers, errors: config.errors }), providers };
  }
  const fixture = parseFixture(config.fixture);
  const present = sectionsOf(fixture);
  const providers = config.providers ?? present;
  const missing = providers.filter((provider) => !present.includes(provider));
  if (missing.length > 0) throw new Error(`The fixture has no section for ${missing.join(", ")}`);
  if (providers.length === 0) throw new Error("The fixture has no provider section to serve");
  return { fixture, providers };
}

/**
 * Starts the provider emulator: Allo v2 at the root and under `/allo`, Quo under `/openphone`, Bland
 * under `/bland`, Twilio Conversation Memory under `/twilio`, and the admin endpoints under
 * `/__emulator/`. Resolves once it is listening.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = optionsSchema.parse(options);
  if (!isLoopback(config.host) && !config.allowRemote) {
    throw new Error(
      `Refusing to listen on ${config.host}: the emulator's API keys are public, so it only listens on loopback. ` +
        "Pass allowRemote: true (--allow-remote) to expose it anyway.",
    );
  }
  const { fixture, providers } = resolveData(config);
  const clock = Date.now;
  const prng = new Prng(fixture.seed >>> 0);
  const random = () => prng.next();
  const data = new EmulatorData(fixture, providers, clock);
  const faults = new FaultBook(random);
  faults.add(config.faults as (string | FaultInput)[]);
  const hangs = new HangingRequests();
  const settings: EmulatorSettings = { rateLimits: config.rateLimits, twilioApplyDelayMs: config.twilioApplyDelayMs };
  let url = "";

  const context = <Store>(store: () => Store | null, name: ProviderId): ProviderContext<Store> => ({
    store: () => {
      const current = store();
      if (current === null) throw new Error(`The ${name} store is not loaded`);
      return current;
    },
    faults,
    hangs,
    settings,
    clock,
    random,
  });
  const apis: Partial<Record<ProviderId, ProviderApi>> = {};
  if (data.allo) apis.allo = createAlloApi(context(() => data.allo, "allo"));
  if (data.openphone) apis.openphone = createOpenPhoneApi(context(() => data.openphone, "openphone"));
  if (data.bland) apis.bland = createBlandApi(context(() => data.bland, "bland"));
  if (data.twilio) apis.twilio = createTwilioApi(context(() => data.twilio, "twilio"));

  const otherEditor = new OtherEditor({ url: () => url, data, random, clock });
  const webhooks = new WebhookOutbox(clock);
  for (const subscription of config.webhooks) webhooks.subscribe(subscription);
  const admin = createAdminApi({
    data,
    faults,
    hangs,
    settings,
    otherEditor,
    webhooks,
    setup: () => describeSetup(url, data),
    calls: config.fixture === undefined ? config.calls : null,
  });

  const dispatch = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = new URL(req.url ?? "/", "http://emulator.local");
    const path = parsed.pathname;
    if (path.startsWith("/__emulator/")) return admin(req, res, path);
    for (const provider of providerIds) {
      const prefix = basePaths[provider];
      const api = apis[provider];
      if (api !== undefined && (path === prefix || path.startsWith(`${prefix}/`))) {
        parsed.pathname = path.slice(prefix.length) || "/";
        return api(req, res, parsed);
      }
    }
    // Allo is also served at the root, where Redline's configuration and the demo point it.
    if (apis.allo !== undefined) return apis.allo(req, res, parsed);
    sendJson(res, 404, { ok: false, error: `Nothing is served at ${path}. Providers: ${providers.map((provider) => basePaths[provider]).join(", ")}` });
    return Promise.resolve();
  };

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      console.error(`[emulator] ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: "The emulator failed; see its log." });
      else res.destroy();
    });
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
  url = `http://${hostInUrl}:${address.port}`;
  if (config.otherEditorEverySeconds !== undefined) otherEditor.start(config.otherEditorEverySeconds, config.otherEditorProviders);

  return {
    url,
    port: address.port,
    setup: () => describeSetup(url, data),
    close: async () => {
      otherEditor.stop();
      await otherEditor.settle();
      data.dispose();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets, and requests a fault is holding, would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
