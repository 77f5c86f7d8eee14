import type { RunningEmulator } from "../../emulator/server";

export type AlloDirect = {
  /** The call's summary text: `GET /v2/api/conversations/items/{id}`, without the transcript. */
  read(callId: string): Promise<string | null>;
  /** Replaces the call's summary: `PATCH /v2/api/conversations/items/{id}/summary`. */
  write(callId: string, content: string): Promise<void>;
};

/** The two Allo requests a save makes, sent straight from Node: the floor a save through Redline is held to. */
export function alloDirect(emulator: RunningEmulator): AlloDirect {
  const { apiKey, baseUrl } = emulator.setup().providers.allo!;
  const itemUrl = (callId: string) => `${baseUrl.replace(/\/$/, "")}/v2/api/conversations/items/${encodeURIComponent(callId)}`;
  const authorization = `Api-Key ${apiKey}`;
  return {
    async read(callId) {
      const response = await fetch(itemUrl(callId), { headers: { Authorization: authorization } });
      const body = (await response.json()) as { data?: { summary?: string | null } };
      if (!response.ok || !body.data) throw new Error(`GET item ${callId} answered ${response.status}`);
      return body.data.summary ?? null;
    },
    async write(callId, content) {
      const response = await fetch(`${itemUrl(callId)}/summary`, {
        method: "PATCH",
        headers: { Authorization: authorization, "Content-Type": "application/json" },
        body: JSON.stringify({ content }),
      });
      await response.json();
      if (!response.ok) throw new Error(`PATCH summary ${callId} answered ${response.status}`);
    },
  };
}
