import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
// Allo's published OpenAPI document, vendored with the emulator it describes.
const openApiPath = path.resolve(repoRoot, "emulator/contracts/allo-openapi.json");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** OpenAPI 3.0 `nullable` next to `enum`: Ajv honours `nullable` for the type but still checks the enum. */
function allowNullInNullableEnums(node: Json): void {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (!isObject(node)) return;
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
}

/**
 * The documented schemas require nothing and allow anything. The emulator promises more: every
 * documented field present (null where it does not apply) and no undocumented ones.
 */
function requireEveryProperty(node: Json | undefined, closed: boolean): void {
  if (!isObject(node)) return;
  const properties = node.properties;
  if (isObject(properties)) {
    node.required = Object.keys(properties);
    if (closed) node.additionalProperties = false;
    Object.values(properties).forEach((child) => requireEveryProperty(child, closed));
  }
  if (isObject(node.items)) requireEveryProperty(node.items, closed);
}

function loadDocument(): JsonObject {
  const document = JSON.parse(readFileSync(openApiPath, "utf8")) as JsonObject;
  allowNullInNullableEnums(document);
  const schemas = (document.components as JsonObject).schemas as JsonObject;
  for (const name of ["ConversationItem", "TranscriptEntry", "Contact", "UserRef", "Pagination", "CallSummary", "MeResponse"]) {
    requireEveryProperty(schemas[name], true);
  }
  // The error guide documents doc_url, param and suggestion beside the schema's six fields.
  const error = ((schemas.ApiError as JsonObject).properties as JsonObject).error as JsonObject;
  const errorProperties = error.properties as JsonObject;
  error.required = [...Object.keys(errorProperties), "doc_url"];
  Object.assign(errorProperties, { doc_url: { type: "string" }, param: { type: "string" }, suggestion: { type: "string" } });
  error.additionalProperties = false;
  (schemas.ApiError as JsonObject).required = ["error"];
  (schemas.ApiError as JsonObject).additionalProperties = false;
  return document;
}

const pointerSegment = (segment: string) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));

export type Operation = { path: string; method: "get" | "post" | "patch" };

export const operations = {
  search: { path: "/v2/api/conversations/items/search", method: "post" },
  batch: { path: "/v2/api/conversations/items/batch", method: "post" },
  getItem: { path: "/v2/api/conversations/items/{id}", method: "get" },
  updateSummary: { path: "/v2/api/conversations/items/{id}/summary", method: "patch" },
  me: { path: "/v2/api/me", method: "get" },
} as const satisfies Record<string, Operation>;

/** Validates response bodies against Allo's published OpenAPI document (tightened as described above). */
export class AlloContract {
  // Formats are checked too (`date-time` needs a time zone, `email`, `uri`…): a client parsing Allo's
  // answers strictly must be able to parse the emulator's.
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly document = loadDocument();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv.addSchema(this.document, "allo");
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `allo#${pointer}` });
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  private schemaPointer(operation: Operation, status: number): string {
    if (status >= 400) return "/components/schemas/ApiError";
    const paths = this.document.paths as JsonObject;
    const responses = ((paths[operation.path] as JsonObject)[operation.method] as JsonObject).responses as JsonObject;
    if (!isObject(responses[String(status)])) throw new Error(`${operation.method} ${operation.path} documents no ${status}`);
    return ["paths", operation.path, operation.method, "responses", String(status), "content", "application/json", "schema"]
      .map((segment) => `/${pointerSegment(segment)}`)
      .join("");
  }

  /** Problems with `body` as the operation's documented response for `status`; empty when it conforms. */
  problems(operation: Operation, status: number, body: unknown): string[] {
    const validate = this.validator(this.schemaPointer(operation, status));
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim());
  }
}
