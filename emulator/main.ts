import { parseArgs } from "node:util";
import { z } from "zod";
import { alloApiKeys } from "./allo/keys";
import { startEmulator } from "./server";

const usage = `Usage: npm run emulator -- [options]

  --port <n>        port to listen on (default: $EMULATOR_PORT or 4010; 0 picks a free one)
  --host <host>     interface to bind (default: 127.0.0.1)
  --calls <n>       number of calls to generate (default: 200)
  --seed <n>        data seed (default: 1)
  --no-rate-limit   turn off Allo's per-key rate limits
  --allow-remote    allow a non-loopback --host
  --help            show this help`;

const cliSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().min(1).default("127.0.0.1"),
  calls: z.coerce.number().int().min(0).max(1_000_000).default(200),
  seed: z.coerce.number().int().default(1),
  noRateLimit: z.boolean().default(false),
  allowRemote: z.boolean().default(false),
});

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      calls: { type: "string" },
      seed: { type: "string" },
      "no-rate-limit": { type: "boolean" },
      "allow-remote": { type: "boolean" },
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
    noRateLimit: values["no-rate-limit"],
    allowRemote: values["allow-remote"],
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid options:\n${problems.join("\n")}\n\n${usage}`);
  }
  return parsed.data;
}

async function main() {
  const cli = parseCli(process.argv.slice(2));
  const emulator = await startEmulator({
    port: cli.port,
    host: cli.host,
    calls: cli.calls,
    seed: cli.seed,
    rateLimits: !cli.noRateLimit,
    allowRemote: cli.allowRemote,
  });

  const keys = alloApiKeys.map(
    (entry) => `  ${entry.key}  ${entry.label.padEnd(16)} ${entry.user.name}${entry.revoked ? " (revoked)" : ` [${entry.scopes.join(", ")}]`}`,
  );
  console.log(
    [
      `Provider emulator listening on ${emulator.url}`,
      `  Allo v2: ${emulator.url}/v2/api  (${cli.calls} calls, seed ${cli.seed}, rate limits ${cli.noRateLimit ? "off" : "on"})`,
      `  Health:  ${emulator.url}/__emulator/health`,
      "",
      "Allo API keys (send as `Authorization: Api-Key <key>`):",
      ...keys,
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
