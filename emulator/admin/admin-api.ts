import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { EmulatorData } from "../emulator-data";
import type { FaultBook } from "../faults/fault-book";
import { FaultSpecError, describeIssues, faultSchema } from "../faults/fault-spec";
import type { HangingRequests } from "../faults/hanging-requests";
import { readBody } from "../http/read-body";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { OtherEditorError, type OtherEditor } from "../other-editor";
import { writableProviders } from "../provider-id";
import type { EmulatorSettings } from "../provider-context";
import type { EmulatorSetup } from "../setup";
import { finishJobsSchema, finishQuoJobs } from "../openphone/finish-jobs";
import { webhookProviders, webhookSubscriptionSchema, type WebhookOutbox } from "../webhook-outbox";

export type AdminDeps = {
  data: EmulatorData;
  faults: FaultBook;
  hangs: HangingRequests;
  settings: EmulatorSettings;
  otherEditor: OtherEditor;
  webhooks: WebhookOutbox;
  setup: () => EmulatorSetup;
  /** Calls per provider when the data was generated; null for a loaded fixture. */
  calls: number | null;
};

type AdminReply = { status: number; body: unknown };
type AdminHandler = (body: unknown, query: URLSearchParams) => AdminReply | Promise<AdminReply>;

class AdminError extends Error {}

const faultsBody = z.union([
  z.array(z.union([z.string(), faultSchema])),
  z.object({ faults: z.array(z.union([z.string(), faultSchema])) }).transform((value) => value.faults),
]);
const settingsBody = z
  .object({ rateLimits: z.boolean().optional(), twilioApplyDelayMs: z.number().int().min(0).max(600_000).optional() })
  .strict();
const otherEditorBody = z
  .object({ everySeconds: z.number().positive().max(86_400), providers: z.array(z.enum(writableProviders)).min(1).optional() })
  .strict();
const editBody = z.object({ provider: z.enum(writableProviders).optional() }).strict();
const unsubscribeQuery = z.object({ provider: z.enum(webhookProviders) }).strict();
const writesQuery = z.object({ provider: z.enum(writableProviders).optional(), target: z.string().min(1).optional() }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AdminError(describeIssues(parsed.error));
  return parsed.data;
}

/**
 * `/__emulator/*`: health, reset, the client setup, faults, settings, the other editor and the summary
 * writes the providers applied. For tests and the demo; plain JSON, no auth (the emulator only listens on
 * loopback unless told otherwise).
 */
export function createAdminApi(deps: AdminDeps) {
  const { data, faults, hangs, settings, otherEditor, webhooks } = deps;
  const faultList = () => ({ faults: faults.list(), hanging: hangs.count });
  const routes = new Router<AdminHandler>()
    .add("GET", "/__emulator/health", () => ({
      status: 200,
      body: { ok: true, providers: [...data.providers], calls: deps.calls, counts: data.counts() },
    }))
    .add("GET", "/__emulator/writes", (_body, query) => {
      const filter = parse(writesQuery, Object.fromEntries(query));
      return { status: 200, body: { writes: data.writes.list(filter), dropped: data.writes.dropped } };
    })
    .add("POST", "/__emulator/reset", () => {
      data.reset();
      return { status: 200, body: { ok: true, counts: data.counts() } };
    })
    .add("GET", "/__emulator/setup", () => ({ status: 200, body: deps.setup() }))
    .add("GET", "/__emulator/faults", () => ({ status: 200, body: faultList() }))
    .add("PUT", "/__emulator/faults", (body) => {
      faults.replace(parse(faultsBody, body));
      return { status: 200, body: faultList() };
    })
    .add("POST", "/__emulator/faults", (body) => ({ status: 201, body: { faults: faults.add(parse(faultsBody, body)) } }))
    .add("DELETE", "/__emulator/faults", () => {
      faults.clear();
      return { status: 200, body: faultList() };
    })
    .add("GET", "/__emulator/settings", () => ({ status: 200, body: settings }))
    .add("PATCH", "/__emulator/settings", (body) => {
      Object.assign(settings, parse(settingsBody, body));
      return { status: 200, body: settings };
    })
    .add("GET", "/__emulator/other-editor", () => ({ status: 200, body: otherEditor.status() }))
    .add("PUT", "/__emulator/other-editor", (body) => {
      const { everySeconds, providers } = parse(otherEditorBody, body);
      otherEditor.start(everySeconds, providers);
      return { status: 200, body: otherEditor.status() };
    })
    .add("DELETE", "/__emulator/other-editor", () => {
      otherEditor.stop();
      return { status: 200, body: otherEditor.status() };
    })
    .add("GET", "/__emulator/webhooks", () => ({ status: 200, body: webhooks.list() }))
    .add("PUT", "/__emulator/webhooks", (body) => ({ status: 200, body: webhooks.subscribe(parse(webhookSubscriptionSchema, body)) }))
    .add("DELETE", "/__emulator/webhooks", (_body, query) => {
      webhooks.unsubscribe(parse(unsubscribeQuery, Object.fromEntries(query)).provider);
      return { status: 200, body: webhooks.list() };
    })
    // Quo finishing a summary or transcript after the call; answers once its webhooks were delivered.
    .add("POST", "/__emulator/openphone/jobs", async (body) => {
      if (!data.openphone) return { status: 404, body: { ok: false, error: "Quo is not served" } };
      const events = finishQuoJobs(data.openphone, parse(finishJobsSchema, body));
      if (events === null) return { status: 404, body: { ok: false, error: "No such Quo call" } };
      const deliveries = [];
      for (const event of events) deliveries.push(...(await webhooks.send("openphone", event.type, event.object)));
      return { status: 200, body: { events: events.map((event) => event.type), deliveries } };
    })
    .add("POST", "/__emulator/other-editor/edit", async (body) => {
      const write = await otherEditor.editOnce(parse(editBody, body).provider);
      return write === null ? { status: 409, body: { ok: false, error: "Nothing to edit for that provider" } } : { status: 201, body: { write } };
    });

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = (req.method ?? "GET").toUpperCase();
    const query = new URL(req.url ?? "/", "http://emulator.local").searchParams;
    const match = routes.match(method, path);
    if (match.kind === "not_found") return sendJson(res, 404, { ok: false, error: `No admin endpoint ${method} ${path}.` });
    if (match.kind === "method_not_allowed") {
      return sendJson(res, 405, { ok: false, error: `${method} is not supported here.` }, { Allow: match.allowed.join(", ") });
    }
    try {
      const text = await readBody(req, 1_000_000);
      if (!text.ok) throw new AdminError("The request body is too large");
      let body: unknown;
      if (text.text.trim() !== "") {
        try {
          body = JSON.parse(text.text);
        } catch {
          throw new AdminError("The request body is not JSON");
        }
      }
      const reply = await match.handler(body, query);
      sendJson(res, reply.status, reply.body);
    } catch (error) {
      if (error instanceof AdminError || error instanceof FaultSpecError || error instanceof OtherEditorError) {
        return sendJson(res, 400, { ok: false, error: error.message });
      }
      console.error(`[emulator] ${method} ${path} failed:`, error);
      sendJson(res, 500, { ok: false, error: "The emulator failed; see its log." });
    }
  };
}
