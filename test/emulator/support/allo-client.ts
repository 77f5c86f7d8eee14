import type { ConversationItem } from "@/emulator/allo/conversation-item";
import type { AlloErrorBody } from "@/emulator/allo/errors";
import { alloKeyFor, type AlloKeyLabel } from "@/emulator/allo/keys";

export type Pagination = { page: number; size: number; total_count: number; total_pages: number; has_more: boolean };
export type SearchBody = { data: ConversationItem[]; pagination: Pagination };
export type ItemBody = { data: ConversationItem };
export type SummaryBody = {
  data: { id: string; content: string | null; version: number; updated_at: string | null; updated_by: { id: string; name: string | null } | null };
};
export type MeBody = {
  data: { api_key_id: string; scopes: string[]; endpoints: unknown[]; team: { id: string; name: string } | null; rate_limits: Record<string, number> };
};

/** One response, its JSON seen both as the success shape and as the error envelope; check `status` first. */
export type AlloResult<T> = { status: number; headers: Headers; body: T; error: AlloErrorBody["error"]; json: unknown };

type RequestOptions = { json?: unknown; body?: string; contentType?: string; headers?: Record<string, string> };

export class AlloTestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string | null,
  ) {}

  static as(baseUrl: string, label: AlloKeyLabel, form: "api-key" | "raw" = "api-key"): AlloTestClient {
    const key = alloKeyFor(label);
    return new AlloTestClient(baseUrl, form === "api-key" ? `Api-Key ${key}` : key);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<AlloResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.authorization !== null) headers.Authorization = this.authorization;
    let body = options.body;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined || options.contentType) headers["Content-Type"] = options.contentType ?? "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const json: unknown = await response.json();
    return {
      status: response.status,
      headers: response.headers,
      body: json as T,
      error: (json as Partial<AlloErrorBody>).error as AlloErrorBody["error"],
      json,
    };
  }

  search(request: unknown = {}) {
    return this.request<SearchBody>("POST", "/v2/api/conversations/items/search", { json: request });
  }

  batch(request: unknown) {
    return this.request<{ data: ConversationItem[] }>("POST", "/v2/api/conversations/items/batch", { json: request });
  }

  getItem(id: string, extend?: string) {
    const query = extend === undefined ? "" : `?extend=${encodeURIComponent(extend)}`;
    return this.request<ItemBody>("GET", `/v2/api/conversations/items/${encodeURIComponent(id)}${query}`);
  }

  updateSummary(id: string, request: unknown) {
    return this.request<SummaryBody>("PATCH", `/v2/api/conversations/items/${encodeURIComponent(id)}/summary`, { json: request });
  }

  me() {
    return this.request<MeBody>("GET", "/v2/api/me");
  }
}
