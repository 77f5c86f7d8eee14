import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { demoAccounts, demoPassword, seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { fetchEmulatorSetup } from "../emulator/setup";
import { emulatorEnv, newWebhookSecret } from "./emulator-env";
import { waitForUrl } from "./wait-for-url";

// `npm run demo`: the emulator with generated calls, the embedded database with demo accounts, and Redline.
const options = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
    /** Calls per provider. */
    DEMO_CALLS: z.coerce.number().int().min(1).max(100_000).default(300),
    /** Seconds between edits by a "colleague" in the providers' own apps; 0 turns it off. */
    DEMO_OTHER_EDITOR_EVERY: z.coerce.number().int().min(0).max(3600).default(0),
    /** Share of AI summaries written with known errors (wrong amounts, dates, names; invented or dropped commitments). */
    DEMO_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.3),
    DATA_DIR: z.string().default(".data"),
  })
  .parse(process.env);

const skipBuild = process.argv.includes("--no-build");
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", env });
  children.push(child);
  return child;
}

function stopAll(code = 0): never {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function waitFor(url: string, what: string): Promise<void> {
  try {
    await waitForUrl(url);
  } catch {
    console.error(`${what} did not start within 60 s.`);
    stopAll(1);
  }
}

function authSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

mkdirSync(options.DATA_DIR, { recursive: true });
const emulatorUrl = `http://127.0.0.1:${options.EMULATOR_PORT}`;

const database = await openDatabase({ driver: "pglite", dataDir: options.DATA_DIR });
await seedDemoAccounts(database.db);
await database.close();

if (!skipBuild) {
  const build = run("npx", ["next", "build"]);
  const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
  if (code !== 0) stopAll(code ?? 1);
}

const otherEditor = options.DEMO_OTHER_EDITOR_EVERY || (process.argv.includes("--other-editor") ? 45 : 0);
run("npx", [
  "tsx",
  "emulator/main.ts",
  "--port",
  String(options.EMULATOR_PORT),
  "--calls",
  String(options.DEMO_CALLS),
  "--errors",
  String(options.DEMO_ERROR_RATE),
  ...(otherEditor ? ["--other-editor-every", String(otherEditor)] : []),
]);
await waitFor(`${emulatorUrl}/__emulator/health`, "The emulator");
const setup = await fetchEmulatorSetup(emulatorUrl);
// Quo's readiness webhooks, as if registered in Quo's settings: the emulator signs, Redline verifies.
const quoWebhookSecret = newWebhookSecret();
await fetch(`${emulatorUrl}/__emulator/webhooks`, {
  method: "PUT",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ provider: "openphone", url: `http://127.0.0.1:${options.PORT}/api/webhooks/openphone`, secret: quoWebhookSecret }),
});

run("npx", ["next", "start", "-p", String(options.PORT)], {
  ...process.env,
  DATABASE_URL: "",
  DATA_DIR: options.DATA_DIR,
  AUTH_SECRET: process.env.AUTH_SECRET ?? authSecret(options.DATA_DIR),
  ...emulatorEnv(setup, { quoWebhookSecret }),
});
await waitFor(`http://127.0.0.1:${options.PORT}/login`, "Redline");

const allo = setup.providers.allo;
const colleague = allo?.colleagues[0];
console.log(`
Redline is running at http://localhost:${options.PORT}
The provider emulator (Allo, Quo, Bland, Twilio Memory) is at ${emulatorUrl}${
  otherEditor ? `\nA colleague edits a random summary in the providers' own apps every ${otherEditor} s.` : ""
}

Demo accounts (password for all: ${demoPassword})
${demoAccounts.map((account) => `  ${account.role.padEnd(9)} ${account.email}  (${account.name})`).join("\n")}
${
  colleague && allo
    ? `
Edit an Allo summary "as a colleague" with the key ${colleague.credential} (${colleague.name}), e.g.
  curl -X PATCH ${allo.baseUrl}/v2/api/conversations/items/<call id>/summary \\
    -H 'Authorization: Api-Key ${colleague.credential}' -H 'Content-Type: application/json' -d '{"content":"…"}'
`
    : ""
}
Quo is still summarising its newest calls. Finish one as Quo would (Redline hears of it by webhook):
  curl -X POST ${emulatorUrl}/__emulator/openphone/jobs -H 'Content-Type: application/json' \\
    -d '{"callId":"<Quo call id>","summary":{"status":"completed","summary":["…"],"nextSteps":["…"]}}'

Press Ctrl+C to stop.`);
