import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { emulatorEnv, newWebhookSecret } from "../../scripts/emulator-env";
import { waitForUrl } from "../../scripts/wait-for-url";
import { startEmulator } from "../../emulator/server";
import { startOidcIssuer } from "../support/oidc-issuer";
import { e2eData } from "./e2e-data";
import { ssoAccounts, ssoName } from "./sso-accounts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The built app (`next start`) against the emulator on its own port, with a fresh embedded database and a local
 * OpenID Connect issuer for single sign-on (offered, not required: the other specs sign in with passwords).
 */
export default async function globalSetup() {
  // Twilio applies accepted writes after a short delay, as the real service does, so the test sees both states.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Quo's readiness webhooks reach the app as they would in production: signed, to /api/webhooks/openphone.
  const quoWebhookSecret = newWebhookSecret();
  const emulator = await startEmulator({
    port: 0,
    ...e2eData,
    rateLimits: false,
    twilioApplyDelayMs: 1500,
    webhooks: [{ provider: "openphone", url: `${baseUrl}/api/webhooks/openphone`, secret: quoWebhookSecret }],
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), "redline-e2e-"));
  const database = await openDatabase({ driver: "pglite", dataDir });
  await seedDemoAccounts(database.db);
  // An account an admin has deactivated: its person at the identity provider must be refused.
  await upsertUser(database.db, { email: ssoAccounts.deactivated.email, name: ssoAccounts.deactivated.name, role: "reviewer", deactivatedAt: new Date() });
  await database.close();
  // The issuer starts first: its one client's redirect URI names the app's port.
  const issuer = await startOidcIssuer({ appBaseUrl: baseUrl, accounts: Object.values(ssoAccounts) });

  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      ...emulatorEnv(emulator.setup(), { quoWebhookSecret }),
      AUTH_OIDC_ISSUER: issuer.url,
      AUTH_OIDC_ID: issuer.clientId,
      AUTH_OIDC_SECRET: issuer.clientSecret,
      AUTH_OIDC_NAME: ssoName,
      AUTH_OIDC_ROLE_CLAIM: issuer.roleClaim,
      LOG_LEVEL: "warn",
    },
  });
  await waitForUrl(`${baseUrl}/login`);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_EMULATOR_URL = emulator.url;

  return async () => {
    app.kill("SIGTERM");
    await emulator.close();
    await issuer.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
