/**
 * One answer: status, headers, and the body as text and (when it parses) as JSON. `json` is what the
 * contract schemas check; `body` is the same value, loosely typed so assertions can reach into it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read into bodies the schemas have checked
export type HttpResult = { status: number; headers: Headers; text: string; json: unknown; body: any };

export type HttpRequest = { method?: string; headers?: Record<string, string>; json?: unknown; body?: string; signal?: AbortSignal };

/** A plain fetch, as any client would send it; the body is read in full before returning. */
export async function http(url: string, request: HttpRequest = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...request.headers };
  let body = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(url, { method: request.method ?? "GET", headers, body, signal: request.signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, body: json };
}

/** Resolves with the answer, or with "no answer" when none came within `ms`: for faults that hang. */
export async function answerWithin(url: string, request: HttpRequest, ms: number): Promise<HttpResult | "no answer"> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await http(url, { ...request, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return "no answer";
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it returns true (for effects that land later, such as Twilio's accepted updates). */
export async function eventually(check: () => Promise<boolean>, what: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Never happened: ${what}`);
}
