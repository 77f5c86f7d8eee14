import type { Reply } from "../http/reply";

/** `TwilioError`: `{code, message, more_info, status}`, nothing else (`additionalProperties: false`). */
const catalog = {
  400: { code: 400, message: "Failed to complete request due to a bad request" },
  401: { code: 20003, message: "Failed to complete request due to lack of authentication credentials" },
  403: { code: 403, message: "Permission to access resource denied" },
  404: { code: 20404, message: "Not Found" },
  405: { code: 20004, message: "Method not allowed" },
  429: { code: 20429, message: "Too many requests. Please retry according to the Retry-After response header." },
  500: { code: 20500, message: "Internal Server Error" },
  503: { code: 20503, message: "Service Unavailable" },
} as const;

export type TwilioErrorStatus = keyof typeof catalog;
export type TwilioFailure = { twilioStatus: TwilioErrorStatus; message?: string; headers?: Record<string, string | number> };

export const twilioFailure = (status: TwilioErrorStatus, message?: string): TwilioFailure => ({
  twilioStatus: status,
  ...(message === undefined ? {} : { message }),
});

export function isTwilioFailure(value: unknown): value is TwilioFailure {
  return typeof value === "object" && value !== null && "twilioStatus" in value;
}

export function twilioErrorReply(failure: TwilioFailure): Reply {
  const entry = catalog[failure.twilioStatus];
  return {
    status: failure.twilioStatus,
    body: {
      code: entry.code,
      message: (failure.message ?? entry.message).slice(0, 1024),
      more_info: `https://www.twilio.com/docs/api/errors/${entry.code}`,
      status: failure.twilioStatus,
    },
    headers: failure.headers,
  };
}
