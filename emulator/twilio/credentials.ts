export type TwilioCredentialLabel = "redline" | "colleague" | "read-only" | "no-memory" | "account" | "revoked";

export type TwilioCredential = {
  label: TwilioCredentialLabel;
  /** The HTTP Basic username: an API key SID (`SK…`), or the account SID for the account's own token. */
  username: string;
  /** The HTTP Basic password: the key's secret, or the auth token. */
  password: string;
  owner: string;
  /** A restricted key without read permission on Memory gets 403 everywhere. */
  canRead: boolean;
  /** A restricted key without write permission on Memory gets 403 on PATCH. */
  canWrite: boolean;
  revoked?: boolean;
};

/**
 * The emulator's fixed Twilio credentials (documented in emulator/README.md). Twilio recommends an API
 * key SID and secret; the account SID and auth token also work ("limit your use to local testing").
 */
export const twilioCredentials: readonly TwilioCredential[] = [
  { label: "redline", username: "SK2f7c1e9a4b6d8f0a3c5e7b9d1f2a4c6e", password: "redlineSecret0000000000000000001", owner: "Redline Integration", canRead: true, canWrite: true },
  { label: "colleague", username: "SK8d4b2f6a0c9e7b5d3f1a8c6e4b2d0f9a", password: "leahchenSecret000000000000000002", owner: "Leah Chen", canRead: true, canWrite: true },
  { label: "read-only", username: "SK5a3c1e9b7d5f3a1c9e7b5d3f1a9c7e5b", password: "readonlySecret000000000000000003", owner: "Priya Nair", canRead: true, canWrite: false },
  { label: "no-memory", username: "SK9c7e5b3d1f9a7c5e3b1d9f7a5c3e1b9d", password: "nomemorySecret000000000000000006", owner: "Tomás Reyes", canRead: false, canWrite: false },
  { label: "account", username: "AC5e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b", password: "accountAuthToken0000000000000004", owner: "Account owner", canRead: true, canWrite: true },
  { label: "revoked", username: "SK1e3a5c7b9d2f4e6a8c0b2d4f6e8a0c2d", password: "revokedSecret0000000000000000005", owner: "Marcus Bell", canRead: true, canWrite: true, revoked: true },
];

export const twilioCredentialFor = (label: TwilioCredentialLabel): { username: string; password: string } => {
  const entry = twilioCredentials.find((candidate) => candidate.label === label);
  if (!entry) throw new Error(`No Twilio credential labelled "${label}"`);
  return { username: entry.username, password: entry.password };
};

/** `Authorization: Basic …` for a labelled credential. */
export const twilioAuthorizationFor = (label: TwilioCredentialLabel): string => {
  const { username, password } = twilioCredentialFor(label);
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
};
