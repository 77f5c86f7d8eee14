import type { Page, Request } from "playwright-core";

/** `saveSummaryAction`'s input as the workspace sends it for an edit. */
export type SaveInput = {
  provider: string;
  callId: string;
  targetId: string;
  templateKey: string | null;
  baseContent: string | null;
  baseRevision: number;
  content: string;
  intent: string;
};

/** What the action answered, as the page's code receives it (the parts a benchmark checks). */
export type ActionResult =
  | { ok: true; outcome: string; meta: { revision: number } }
  | { ok: false; error: { code: string; message: string; provider?: { code: string } } };

export type TimedResult = { ms: number; result: ActionResult };

export type SaveAction = {
  /** The input of the recorded save. */
  recorded: SaveInput;
  /** Posts the action as the page of `input.callId` would; `ms` runs until the whole answer is read. */
  save(input: SaveInput): Promise<TimedResult>;
  /** The same action posted with `[null]`: refused on its first line, before any session or database work. */
  noop(): Promise<TimedResult>;
};

/** React's reply encoding of plain JSON arguments: a string starting with `$` gets a second one. */
const encodeArguments = (args: unknown[]) =>
  JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));

/** The action's result in its RSC answer: the row holding an object with a boolean `ok`. */
function actionResult(answer: string): ActionResult {
  for (const line of answer.split("\n")) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!row) continue;
    try {
      const value = JSON.parse(row[1]!) as { ok?: unknown };
      if (typeof value.ok === "boolean") return value as ActionResult;
    } catch {
      // a text row, not JSON
    }
  }
  throw new Error(`no action result in the answer: ${answer.slice(0, 300)}`);
}

/**
 * Runs `save` (a save the page makes, e.g. Ctrl+S) while recording the save action's request, and returns
 * that request ready to replay from Node: same endpoint, `Next-*` headers and body encoding, with the
 * given session cookie, for any call. Checks that the body re-encodes exactly as sent.
 */
export async function recordSaveAction(page: Page, cookie: string, save: () => Promise<unknown>): Promise<SaveAction> {
  const seen: Request[] = [];
  const onRequest = (request: Request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes('"baseRevision"')) seen.push(request);
  };
  page.on("request", onRequest);
  try {
    await save();
  } finally {
    page.off("request", onRequest);
  }
  const request = seen[0];
  if (!request) throw new Error("no save action request was seen");
  const body = request.postData() ?? "";
  const parsed = JSON.parse(body) as unknown;
  if (!Array.isArray(parsed) || parsed.length !== 1 || typeof parsed[0] !== "object") {
    throw new Error(`the save action's body is not one JSON argument: ${body.slice(0, 200)}`);
  }
  const recorded = parsed[0] as SaveInput;
  if (encodeArguments([recorded]) !== body) throw new Error("the save action's body does not re-encode as sent");

  const kept = Object.entries(await request.allHeaders()).filter(
    ([name]) => name.startsWith("next-") || ["accept", "content-type", "origin"].includes(name),
  );
  // The page's URL and router state name the call; a save of another call comes from that call's page.
  const forCall = (callId: string) => (text: string) => text.replaceAll(recorded.callId, callId);
  const post = async (callId: string, payload: string): Promise<TimedResult> => {
    const swap = forCall(callId);
    const headers = Object.fromEntries([...kept.map(([name, value]) => [name, swap(value)]), ["cookie", cookie]]);
    const started = performance.now();
    const response = await fetch(swap(request.url()), { method: "POST", headers, body: payload, redirect: "manual" });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`the save action answered ${response.status}: ${text.slice(0, 300)}`);
    return { ms, result: actionResult(text) };
  };
  return {
    recorded,
    save: (input) => post(input.callId, encodeArguments([input])),
    noop: () => post(recorded.callId, "[null]"),
  };
}
