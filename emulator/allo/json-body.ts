import type { IncomingMessage } from "node:http";
import { readBody } from "../http/read-body";
import { alloFailure, type AlloFailure } from "./errors";

/** Well above the largest valid body: 100,000 characters of content, each escaped to six bytes. */
const MAX_BODY_BYTES = 1_000_000;

export type JsonBody = { ok: true; value: unknown } | { ok: false; failure: AlloFailure };

function isJsonMediaType(header: string): boolean {
  return header.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/**
 * The parsed JSON body, or `undefined` for an empty one. A non-empty body must be declared
 * `application/json` (415 otherwise); an empty body with no Content-Type is accepted as "no body".
 */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const contentType = req.headers["content-type"];
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) return { ok: false, failure: alloFailure("INVALID_REQUEST_BODY", { message: "The request body is too large." }) };
  const empty = body.text.trim() === "";
  if (empty && contentType === undefined) return { ok: true, value: undefined };
  if (contentType === undefined || !isJsonMediaType(contentType)) {
    return {
      ok: false,
      failure: alloFailure("UNSUPPORTED_MEDIA_TYPE", {
        message: `Unsupported Content-Type '${contentType ?? "none"}'. Send the body as application/json.`,
      }),
    };
  }
  if (empty) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, failure: alloFailure("INVALID_REQUEST_BODY", { message: "The request body is not valid JSON." }) };
  }
}
