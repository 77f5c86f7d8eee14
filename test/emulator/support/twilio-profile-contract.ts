import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
// FetchProfile as Twilio's Memory spec publishes it, vendored with the emulator it describes.
const documentPath = path.resolve(repoRoot, "emulator/contracts/twilio-memory-fetch-profile.json");

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema(JSON.parse(readFileSync(documentPath, "utf8")), "twilio-memory");

/** Problems with `body` as FetchProfile's documented answer for `status`; empty when it conforms. */
export function profileProblems(status: number, body: unknown): string[] {
  const pointer = status === 200 ? "#/components/schemas/Profile" : "#/components/schemas/TwilioError";
  const validate = ajv.compile({ $ref: `twilio-memory${pointer}` });
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim());
}
