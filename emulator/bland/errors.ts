import type { Reply } from "../http/reply";

/**
 * Bland's `{data: null, errors: [{error, message}]}`. Only `BAD_REQUEST` is documented; Bland documents no
 * HTTP statuses and no codes for the rest, so these are the emulator's choice (see emulator/README.md).
 */
const statuses = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type BlandErrorCode = keyof typeof statuses;
export type BlandFailure = { error: BlandErrorCode; message: string };

export const blandFailure = (error: BlandErrorCode, message: string): BlandFailure => ({ error, message });

export function isBlandFailure(value: unknown): value is BlandFailure {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

export function blandErrorReply(failure: BlandFailure): Reply {
  return { status: statuses[failure.error], body: { data: null, errors: [{ error: failure.error, message: failure.message }] } };
}
