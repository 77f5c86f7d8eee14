import { randomBytes } from "node:crypto";
import type { EmulatorSetup } from "../emulator/setup";

/** A fresh `whsec_…` key for the emulated Quo webhook, shared by the emulator (signing) and Redline (verifying). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * The environment that points Redline at a running emulator, for the demo and the browser tests:
 * the same variables a real deployment sets for real provider accounts.
 */
export function emulatorEnv(setup: EmulatorSetup, options: { quoWebhookSecret?: string } = {}): Record<string, string> {
  const { allo, openphone, bland, twilio } = setup.providers;
  const env: Record<string, string> = {};
  if (allo) Object.assign(env, { ALLO_API_KEY: allo.apiKey, ALLO_BASE_URL: allo.baseUrl });
  if (openphone) {
    const lines = openphone.phoneNumbers
      .filter((line) => line.participants.length > 0)
      .map((line) => `${line.id}:${line.participants.join("|")}`)
      .join(",");
    Object.assign(env, { QUO_API_KEY: openphone.apiKey, QUO_BASE_URL: openphone.baseUrl, QUO_PHONE_NUMBERS: lines });
    if (options.quoWebhookSecret) env.QUO_WEBHOOK_SECRET = options.quoWebhookSecret;
  }
  if (bland) Object.assign(env, { BLAND_API_KEY: bland.apiKey, BLAND_BASE_URL: bland.baseUrl });
  if (twilio) {
    Object.assign(env, {
      TWILIO_API_KEY_SID: twilio.apiKeySid,
      TWILIO_API_KEY_SECRET: twilio.apiKeySecret,
      TWILIO_MEMORY_BASE_URL: twilio.baseUrl,
      TWILIO_STORE_ID: twilio.storeId,
      TWILIO_PROFILE_IDS: twilio.profileIds.join(","),
    });
  }
  return env;
}
