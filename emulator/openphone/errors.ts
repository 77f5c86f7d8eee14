import { randomBytes } from "node:crypto";
import type { Reply } from "../http/reply";

/** Quo's error `code` is a string constant per operation and status (CONTRACTS §2.5). */
export type QuoOperation = "calls" | "summaries" | "transcripts" | "users" | "contacts";
export type QuoErrorStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503;

const codes: Record<QuoOperation, Record<QuoErrorStatus, string>> = {
  // 429 and 503 are not in Quo's spec; their codes follow the pattern of the documented ones.
  calls: { 400: "0101400", 401: "0100401", 403: "0101403", 404: "0100404", 429: "0100429", 500: "0101500", 503: "0101503" },
  summaries: { 400: "0500400", 401: "0500401", 403: "0500403", 404: "0500404", 429: "0500429", 500: "0501500", 503: "0501503" },
  transcripts: { 400: "0600400", 401: "0600401", 403: "0600403", 404: "0600404", 429: "0600429", 500: "0601500", 503: "0601503" },
  users: { 400: "1100400", 401: "1100401", 403: "1100403", 404: "1100404", 429: "1100429", 500: "1101500", 503: "1101503" },
  // The contacts family as the contact endpoints document it; the list page's own codes were not found.
  contacts: { 400: "0801400", 401: "0800401", 403: "0801403", 404: "0800404", 429: "0800429", 500: "0801500", 503: "0801503" },
};

// The titles Quo gives these statuses on endpoints with no titles of their own.
const genericTitles: Record<QuoErrorStatus, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Unknown", 503: "Service Unavailable" };

const titles: Record<QuoOperation, Record<QuoErrorStatus, string>> = {
  calls: {
    400: "Too Many Participants",
    401: "Unauthorized",
    403: "Not Phone Number User",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Unknown",
    503: "Service Unavailable",
  },
  summaries: genericTitles,
  transcripts: genericTitles,
  users: genericTitles,
  contacts: {
    400: "Invalid Custom Field Item",
    401: "Unauthorized",
    403: "Not Phone Number User",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Unknown",
    503: "Service Unavailable",
  },
};

/** One field-level problem, as Quo lists them under `errors`. */
export type QuoFieldError = { path: string; message: string; value?: unknown; schema: { type: string } };

export type QuoFailure = { status: QuoErrorStatus; message: string; errors?: QuoFieldError[] };

export const quoFailure = (status: QuoErrorStatus, message: string, errors?: QuoFieldError[]): QuoFailure => ({
  status,
  message,
  ...(errors === undefined ? {} : { errors }),
});

export function isQuoFailure(value: unknown): value is QuoFailure {
  return typeof value === "object" && value !== null && "status" in value && "message" in value && !("body" in value);
}

/** Quo's id for one failed request, the thing its support asks for. */
const traceId = () => randomBytes(16).toString("hex");

/** `{message, code, status, docs, title, trace, errors?}`; the calls and contacts 400 and 403 also carry `description`. */
export function quoErrorReply(operation: QuoOperation, failure: QuoFailure): Reply {
  const title = titles[operation][failure.status];
  return {
    status: failure.status,
    body: {
      message: failure.message,
      code: codes[operation][failure.status],
      status: failure.status,
      docs: "https://openphone.com/docs",
      title,
      ...((operation === "calls" || operation === "contacts") && (failure.status === 400 || failure.status === 403) ? { description: title } : {}),
      trace: traceId(),
      ...(failure.errors === undefined ? {} : { errors: failure.errors }),
    },
  };
}

/**
 * Unknown paths and methods (Quo has no write endpoints for calls, summaries or transcripts): Quo's
 * envelope with a 404. The operation is unknown, so the code carries none.
 */
export function quoRouteNotFound(method: string, path: string): Reply {
  return {
    status: 404,
    body: {
      message: `Route ${method}:${path} not found`,
      code: "0000404",
      status: 404,
      docs: "https://openphone.com/docs",
      title: "Not Found",
      trace: traceId(),
    },
  };
}
