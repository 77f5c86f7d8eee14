/** A scripted stand-in for `fetch`: answers in order, records what was sent, and fails on any unscripted request. */

export type SentRequest = {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
};

type Responder = (request: SentRequest, signal: AbortSignal | undefined) => Response | Promise<Response>;

export type FakeFetch = typeof fetch & { requests: SentRequest[] };

export function fakeFetch(...responders: Responder[]): FakeFetch {
  const requests: SentRequest[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof init?.body === "string" ? init.body : undefined;
    const request: SentRequest = {
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: raw === undefined ? undefined : JSON.parse(raw),
    };
    requests.push(request);
    const responder = responders[requests.length - 1];
    if (!responder) throw new Error(`Unexpected request ${request.method} ${request.url}`);
    return responder(request, init?.signal ?? undefined);
  };
  return Object.assign(impl, { requests }) as FakeFetch;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return () =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Responder {
  return () => new Response(body, { status, headers });
}

/** Never answers; rejects the way fetch does when the request's signal aborts. */
export function hang(): Responder {
  return (_request, signal) =>
    new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
}

/** Fails like undici does: `TypeError: fetch failed` whose cause carries the socket error code. */
export function networkFailure(code: string): Responder {
  return () => {
    const cause = Object.assign(new Error(`connect ${code}`), { code });
    throw new TypeError("fetch failed", { cause });
  };
}

export function alloError(
  status: number,
  error: { type: string; code: string; message?: string; retryable?: boolean; request_id?: string; retry_after_seconds?: number | null },
  headers: Record<string, string> = {},
): Responder {
  return json(
    status,
    {
      error: {
        message: `${error.code} happened`,
        retryable: false,
        request_id: "req_ABCdef123456",
        ...error,
      },
    },
    headers,
  );
}
