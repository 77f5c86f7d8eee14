import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwilioAdapter } from "@/lib/providers/twilio/adapter";
import { PROFILE_A, PROFILE_B, STORE_ID, SUMMARY_1, summaryInfo } from "./fixtures";

/** A merged profile, as Twilio serves it: the old profile's paths answer 301 to the canonical profile's. */
type Seen = { method: string; url: string; authorization: string | undefined; body: string };

const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    seen.push({ method: request.method ?? "", url: request.url ?? "", authorization: request.headers.authorization, body });
    const url = request.url ?? "";
    if (url.includes(PROFILE_A)) {
      response.writeHead(301, { Location: url.replace(PROFILE_A, PROFILE_B), "Canonical-Profile-Id": PROFILE_B, "Content-Type": "application/json" });
      response.end(JSON.stringify({ message: "Moved Permanently", uri: url.replace(PROFILE_A, PROFILE_B) }));
      return;
    }
    response.writeHead(request.method === "PATCH" ? 202 : 200, { "Content-Type": "application/json", "Canonical-Profile-Id": PROFILE_B });
    response.end(JSON.stringify(request.method === "PATCH" ? { message: "Conversation summary update accepted" } : summaryInfo()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("Twilio Memory adapter and a merged profile", () => {
  const twilio = () =>
    createTwilioAdapter({ apiKeySid: "SK1", apiKeySecret: "secret", baseUrl, timeoutMs: 2_000, storeId: STORE_ID, profileIds: [PROFILE_A] });

  it("follows the redirect to the canonical profile on a read, credentials included", async () => {
    seen.length = 0;

    const detail = await twilio().getCall(`${PROFILE_A}~${SUMMARY_1}`);

    expect(detail.summary.content).toBe(summaryInfo().content);
    expect(seen.map((request) => request.url)).toEqual([
      `/v1/Stores/${STORE_ID}/Profiles/${PROFILE_A}/ConversationSummaries/${SUMMARY_1}`,
      `/v1/Stores/${STORE_ID}/Profiles/${PROFILE_B}/ConversationSummaries/${SUMMARY_1}`,
    ]);
    expect(seen[1]?.authorization).toMatch(/^Basic /);
  });

  it("follows it on a save too, sending the same PATCH to the canonical profile", async () => {
    seen.length = 0;

    const outcome = await twilio().updateSummary({ provider: "twilio", id: `${PROFILE_A}~${SUMMARY_1}`, templateKey: null }, "Fixed.");

    expect(outcome).toEqual({ status: "accepted" });
    expect(seen.map((request) => request.method)).toEqual(["PATCH", "PATCH"]);
    expect(seen[1]?.url).toContain(PROFILE_B);
    expect(JSON.parse(seen[1]?.body ?? "null")).toEqual({ content: "Fixed." });
  });
});
