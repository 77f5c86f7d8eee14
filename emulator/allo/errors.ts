type ErrorType =
  | "authentication_error"
  | "permission_error"
  | "validation_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "server_error";

type CatalogEntry = { type: ErrorType; status: number; message: string; suggestion?: string };

/**
 * The v2 error codes the emulator returns. Status follows the type (authentication 401, permission 403,
 * validation 400, not found 404, rate limit 429, server 500), except the two codes Allo lists with their
 * own status, 405 and 415, which keep `validation_error`, and the emulator's 503, which keeps `server_error`.
 */
const catalog = {
  UNAUTHORIZED: {
    type: "authentication_error",
    status: 401,
    message: "Missing or malformed API key.",
    suggestion: "Provide a valid API key in the Authorization header as Api-Key <your-key>.",
  },
  API_KEY_INVALID: {
    type: "authentication_error",
    status: 401,
    message: "The API key is not valid.",
    suggestion: "Check the key in your Allo settings and send it as Api-Key <your-key>.",
  },
  API_KEY_REVOKED: {
    type: "authentication_error",
    status: 401,
    message: "This API key has been revoked.",
    suggestion: "Create a new API key in your Allo settings.",
  },
  API_KEY_INSUFFICIENT_SCOPE: {
    type: "permission_error",
    status: 403,
    message: "This API key does not have the scope this endpoint requires.",
    suggestion: "Add the missing scope to the key, or use a key that has it.",
  },
  INVALID_REQUEST_BODY: { type: "validation_error", status: 400, message: "The request body is invalid." },
  INVALID_PAGE_SIZE: {
    type: "validation_error",
    status: 400,
    message: "page must be at least 1 and size between 1 and 100.",
  },
  INVALID_DATE_RANGE: {
    type: "validation_error",
    status: 400,
    message: "date.from and date.to must be dates (YYYY-MM-DD) with from on or before to.",
  },
  INVALID_ITEM_ID: {
    type: "validation_error",
    status: 400,
    message: "Item IDs start with cll- (calls) or msg- (messages).",
  },
  BATCH_TOO_LARGE: {
    type: "validation_error",
    status: 400,
    message: "A batch asks for at most 100 ids.",
  },
  UNSUPPORTED_EXTEND_VALUE: {
    type: "validation_error",
    status: 400,
    message: "Unsupported extend value. Supported: transcript.",
  },
  SUMMARY_TEMPLATE_KEY_REQUIRED: {
    type: "validation_error",
    status: 400,
    message: "This call has more than one completed summary template; set template_key.",
    suggestion: "Send template_key MARKDOWN_CLASSIC or MARKDOWN_SHORT_CALL.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    type: "validation_error",
    status: 415,
    message: "Send the request body as application/json.",
  },
  METHOD_NOT_ALLOWED: { type: "validation_error", status: 405, message: "This endpoint does not support that method." },
  CONVERSATION_ITEM_NOT_FOUND: {
    type: "not_found_error",
    status: 404,
    message: "No call or message found with that ID.",
    suggestion: "Search for the item using POST /v2/api/conversations/items/search.",
  },
  SUMMARY_TEMPLATE_NOT_FOUND: {
    type: "not_found_error",
    status: 404,
    message: "No completed summary exists for the requested template.",
    suggestion: "Fetch the call with GET /v2/api/conversations/items/{id} to see which summaries exist.",
  },
  ENDPOINT_NOT_FOUND: { type: "not_found_error", status: 404, message: "No endpoint matches this path." },
  RATE_LIMIT_EXCEEDED: { type: "rate_limit_error", status: 429, message: "You have exceeded the rate limit." },
  INTERNAL_SERVER_ERROR: {
    type: "server_error",
    status: 500,
    message: "Something went wrong on our side.",
    suggestion: "Retry the request; contact support with the request_id if it keeps failing.",
  },
  // Allo's type table knows only 500 for server_error; a 503 (an outage in front of the API) keeps the type.
  SERVICE_UNAVAILABLE: {
    type: "server_error",
    status: 503,
    message: "The service is temporarily unavailable.",
    suggestion: "Retry the request after a short wait.",
  },
} as const satisfies Record<string, CatalogEntry>;

export type AlloErrorCode = keyof typeof catalog;

/** An expected failure a handler returns; the pipeline turns it into Allo's error envelope. */
export type AlloFailure = {
  failure: AlloErrorCode;
  /** Replaces the catalog message when the cause can be said more precisely. */
  message?: string;
  /** The request field at fault. */
  param?: string;
  retryAfterSeconds?: number;
};

export function alloFailure(code: AlloErrorCode, detail: Omit<AlloFailure, "failure"> = {}): AlloFailure {
  return { failure: code, ...detail };
}

export function isAlloFailure(value: unknown): value is AlloFailure {
  return typeof value === "object" && value !== null && "failure" in value;
}

export type AlloErrorBody = {
  error: {
    type: ErrorType;
    code: AlloErrorCode;
    message: string;
    retryable: boolean;
    request_id: string;
    retry_after_seconds: number | null;
    doc_url: string;
    param?: string;
    suggestion?: string;
  };
};

/** The v2 envelope, and the status its type maps to. */
export function alloErrorResponse(failure: AlloFailure, requestId: string): { status: number; body: AlloErrorBody } {
  const entry: CatalogEntry = catalog[failure.failure];
  const retryable = entry.type === "rate_limit_error" || entry.type === "server_error";
  return {
    status: entry.status,
    body: {
      error: {
        type: entry.type,
        code: failure.failure,
        message: failure.message ?? entry.message,
        retryable,
        request_id: requestId,
        retry_after_seconds: failure.retryAfterSeconds ?? null,
        doc_url: `https://help.withallo.com/en/v2/api-reference/guides/error-handling#${failure.failure}`,
        ...(failure.param === undefined ? {} : { param: failure.param }),
        ...(entry.suggestion === undefined ? {} : { suggestion: entry.suggestion }),
      },
    },
  };
}
