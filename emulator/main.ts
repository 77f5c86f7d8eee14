import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { alloApiKeys } from "./allo/keys";
import { blandApiKeys } from "./bland/keys";
import { fixtureJsonSchema } from "./data/fixture-json-schema";
import { generateFixture } from "./data/generate";
import { readFixtureFile } from "./data/load-fixture";
import { openPhoneApiKeys } from "./openphone/keys";
import { providerIds, providerNames, writableProviders } from "./provider-id";
import { startEmulator } from "./server";
import { twilioCredentials } from "./twilio/credentials";

const usage = `Usage: npm run emulator -- [options]

  --port <n>                  port to listen on (default: $EMULATOR_PORT or 4010; 0 picks a free one)
  --host <host>               interface to bind (default: 127.0.0.1)
  --calls <n>                 calls to generate per provider (default: 200)
  --seed <n>                  data seed (default: 1)
  --errors <rate>             write this share (0..1) of AI summaries with known errors (default: 0)
  --providers <list>          providers to serve, comma-separated (default: ${providerIds.join(",")})
  --fixtures <file>           serve a fixture document (JSON) instead of generated data
  --fault <spec>              inject a fault, e.g. allo.updateSummary:status=503,rate=0.5 (repeatable)
  --other-editor-every <s>    a colleague edits a random summary every <s> seconds
  --twilio-apply-delay <ms>   how long a Twilio summary PATCH takes to show (default: 1000)
  --no-rate-limit             turn off the documented per-key rate limits
  --allow-remote              allow a non-loopback --host
  --print-schema              print the fixture document's JSON Schema and exit
  --write-fixture <file>      write the generated fixture document (--calls, --seed, --providers, --errors) and exit
  --truth                     with --write-fixture: add the truth of every summary (errors, facts, turns)
  --help                      show this help`;

const providerList = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .pipe(z.array(z.enum(providerIds)).min(1));

const cliSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().min(1).default("127.0.0.1"),
  calls: z.coerce.number().int().min(0).max(1_000_000).default(200),
  seed: z.coerce.number().int().default(1),
  errors: z.coerce.number().min(0).max(1).default(0),
  truth: z.boolean().default(false),
  providers: providerList.optional(),
  fixtures: z.string().min(1).optional(),
  fault: z.array(z.string()).default([]),
  otherEditorEvery: z.coerce.number().positive().max(86_400).optional(),
  twilioApplyDelay: z.coerce.number().int().min(0).max(600_000).default(1_000),
  noRateLimit: z.boolean().default(false),
  allowRemote: z.boolean().default(false),
  printSchema: z.boolean().default(false),
  writeFixture: z.string().min(1).optional(),
});

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      calls: { type: "string" },
      seed: { type: "string" },
      errors: { type: "string" },
      truth: { type: "boolean" },
      providers: { type: "string" },
      fixtures: { type: "string" },
      fault: { type: "string", multiple: true },
      "other-editor-every": { type: "string" },
      "twilio-apply-delay": { type: "string" },
      "no-rate-limit": { type: "boolean" },
      "allow-remote": { type: "boolean" },
      "print-schema": { type: "boolean" },
      "write-fixture": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const parsed = cliSchema.safeParse({
    port: values.port ?? process.env.EMULATOR_PORT ?? 4010,
    host: values.host,
    calls: values.calls,
    seed: values.seed,
    errors: values.errors,
    truth: values.truth,
    providers: values.providers,
    fixtures: values.fixtures,
    fault: values.fault,
    otherEditorEvery: values["other-editor-every"],
    twilioApplyDelay: values["twilio-apply-delay"],
    noRateLimit: values["no-rate-limit"],
    allowRemote: values["allow-remote"],
    printSchema: values["print-schema"],
    writeFixture: values["write-fixture"],
  });
  if (!parsed.success) {
    const flag = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    const problems = parsed.error.issues.map((issue) => `  ${flag(String(issue.path[0] ?? ""))}: ${issue.message}`);
    throw new Error(`Invalid options:\n${problems.join("\n")}\n\n${usage}`);
  }
  return parsed.data;
}

function credentialLines(providers: readonly string[]): string[] {
  const lines: string[] = [];
  if (providers.includes("allo")) {
    lines.push("Allo API keys (Authorization: Api-Key <key>):");
    for (const entry of alloApiKeys) {
      lines.push(`  ${entry.key}  ${entry.label.padEnd(16)} ${entry.user.name}${entry.revoked ? " (revoked)" : ` [${entry.scopes.join(", ")}]`}`);
    }
  }
  if (providers.includes("openphone")) {
    lines.push("Quo API keys (Authorization: <key>):");
    for (const entry of openPhoneApiKeys) lines.push(`  ${entry.key}  ${entry.label.padEnd(16)} ${entry.owner} (${entry.plan} plan)`);
  }
  if (providers.includes("bland")) {
    lines.push("Bland API keys (authorization: <key>):");
    for (const entry of blandApiKeys) lines.push(`  ${entry.key}  ${entry.label.padEnd(12)} ${entry.owner}`);
  }
  if (providers.includes("twilio")) {
    lines.push("Twilio credentials (HTTP Basic, username:password):");
    for (const entry of twilioCredentials) {
      lines.push(`  ${entry.username}:${entry.password}  ${entry.label.padEnd(10)} ${entry.owner}${entry.revoked ? " (revoked)" : !entry.canRead ? " (no Memory access)" : entry.canWrite ? "" : " (read only)"}`);
    }
  }
  return lines;
}

async function main() {
  const cli = parseCli(process.argv.slice(2));
  if (cli.printSchema) {
    process.stdout.write(`${JSON.stringify(fixtureJsonSchema(), null, 2)}\n`);
    return;
  }
  if (cli.writeFixture !== undefined) {
    const now = new Date();
    now.setUTCMinutes(0, 0, 0);
    const fixture = generateFixture({ seed: cli.seed, calls: cli.calls, now, providers: cli.providers, errors: { rate: cli.errors }, truth: cli.truth });
    writeFileSync(cli.writeFixture, JSON.stringify(fixture));
    const extras = [cli.errors > 0 ? `errors in ${cli.errors} of summaries` : "", cli.truth ? "with the truth" : ""].filter(Boolean);
    console.log(`Wrote ${cli.writeFixture}: ${cli.calls} calls per provider, seed ${cli.seed}${extras.length > 0 ? `, ${extras.join(", ")}` : ""}`);
    return;
  }

  const emulator = await startEmulator({
    port: cli.port,
    host: cli.host,
    calls: cli.calls,
    seed: cli.seed,
    errors: { rate: cli.errors },
    providers: cli.providers,
    fixture: cli.fixtures === undefined ? undefined : readFixtureFile(cli.fixtures),
    faults: cli.fault,
    otherEditorEverySeconds: cli.otherEditorEvery,
    twilioApplyDelayMs: cli.twilioApplyDelay,
    rateLimits: !cli.noRateLimit,
    allowRemote: cli.allowRemote,
  });

  const setup = emulator.setup();
  const served = providerIds.filter((provider) => setup.providers[provider] !== undefined);
  const errors = cli.errors > 0 ? `, errors in ${cli.errors} of summaries` : "";
  const data = cli.fixtures === undefined ? `${cli.calls} calls per provider, seed ${cli.seed}${errors}` : `fixture ${cli.fixtures}`;
  console.log(
    [
      `Provider emulator listening on ${emulator.url}  (${data}; rate limits ${cli.noRateLimit ? "off" : "on"})`,
      ...served.map((provider) => `  ${providerNames[provider].padEnd(28)} ${setup.providers[provider]?.baseUrl}`),
      `  Allo is also served at the root:  ${emulator.url}/v2/api`,
      `  Admin:  ${emulator.url}/__emulator/health, /__emulator/setup, /__emulator/faults, /__emulator/settings, /__emulator/other-editor`,
      ...(cli.fault.length > 0 ? [`  Faults: ${cli.fault.join("  ")}`] : []),
      ...(cli.otherEditorEvery !== undefined
        ? [`  Other editor: one edit every ${cli.otherEditorEvery} s on ${served.filter((provider) => (writableProviders as readonly string[]).includes(provider)).join(", ")}`]
        : []),
      "",
      ...credentialLines(served),
    ].join("\n"),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
