import { z } from "zod";
import { alloApiKeys } from "./allo/keys";
import { blandApiKeys } from "./bland/keys";
import type { EmulatorData } from "./emulator-data";
import { openPhoneApiKeys } from "./openphone/keys";
import { twilioCredentials } from "./twilio/credentials";

/** Where each provider is mounted on the emulator's origin. Quo and Bland share paths (`/v1/calls`), hence prefixes. */
export const basePaths = { allo: "/allo", openphone: "/openphone", bland: "/bland", twilio: "/twilio" } as const;

const colleague = z.object({ label: z.string(), name: z.string(), credential: z.string() });

/** What a client needs to be configured against a running emulator, per mounted provider. */
export const emulatorSetupSchema = z.object({
  url: z.string(),
  providers: z.object({
    allo: z
      .object({
        basePath: z.string(),
        /** Allo is also served at the bare origin, where Redline's demo points it. */
        baseUrl: z.string(),
        apiKey: z.string(),
        authorization: z.string(),
        colleagues: z.array(colleague),
        numbers: z.array(z.object({ number: z.string(), name: z.string() })),
      })
      .optional(),
    openphone: z
      .object({
        basePath: z.string(),
        baseUrl: z.string(),
        apiKey: z.string(),
        /** Quo lists calls per number and per participant: these are every conversation there is. */
        phoneNumbers: z.array(
          z.object({ id: z.string(), number: z.string(), name: z.string(), userIds: z.array(z.string()), participants: z.array(z.string()) }),
        ),
        users: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
      })
      .optional(),
    bland: z
      .object({
        basePath: z.string(),
        baseUrl: z.string(),
        apiKey: z.string(),
        colleagues: z.array(colleague),
        orgId: z.string(),
        agentNumbers: z.array(z.object({ number: z.string(), name: z.string() })),
        personas: z.array(z.object({ id: z.string(), name: z.string(), inbound_numbers: z.array(z.string()) })),
      })
      .optional(),
    twilio: z
      .object({
        basePath: z.string(),
        baseUrl: z.string(),
        apiKeySid: z.string(),
        apiKeySecret: z.string(),
        colleagues: z.array(colleague.extend({ secret: z.string() })),
        accountSid: z.string(),
        storeId: z.string(),
        profileIds: z.array(z.string()),
      })
      .optional(),
  }),
});

export type EmulatorSetup = z.infer<typeof emulatorSetupSchema>;

/** The setup for an emulator at `url` serving `data`: the same object `GET /__emulator/setup` answers. */
export function describeSetup(url: string, data: EmulatorData): EmulatorSetup {
  const { allo, openphone, bland, twilio } = data.fixture;
  const providers: EmulatorSetup["providers"] = {};
  if (data.allo && allo) {
    const redline = alloApiKeys.find((key) => key.label === "redline");
    providers.allo = {
      basePath: basePaths.allo,
      baseUrl: `${url}${basePaths.allo}`,
      apiKey: redline?.key ?? "",
      authorization: `Api-Key ${redline?.key ?? ""}`,
      colleagues: alloApiKeys
        .filter((key) => key.label === "colleague" || key.label === "second-colleague")
        .map((key) => ({ label: key.label, name: key.user.name, credential: key.key })),
      numbers: allo.allo_numbers.map((entry) => ({ number: entry.number, name: entry.name })),
    };
  }
  if (data.openphone && openphone) {
    const store = data.openphone;
    providers.openphone = {
      basePath: basePaths.openphone,
      baseUrl: `${url}${basePaths.openphone}`,
      apiKey: openPhoneApiKeys.find((key) => key.label === "redline")?.key ?? "",
      phoneNumbers: openphone.phoneNumbers.map((entry) => ({
        id: entry.id,
        number: entry.number,
        name: entry.name,
        userIds: entry.userIds,
        participants: store.participantsOf(entry.id),
      })),
      users: openphone.users.map((user) => ({ id: user.id, name: user.name, role: user.role })),
    };
  }
  if (data.bland && bland) {
    providers.bland = {
      basePath: basePaths.bland,
      baseUrl: `${url}${basePaths.bland}`,
      apiKey: blandApiKeys.find((key) => key.label === "redline")?.key ?? "",
      colleagues: blandApiKeys.filter((key) => key.label === "colleague").map((key) => ({ label: key.label, name: key.owner, credential: key.key })),
      orgId: bland.org_id,
      agentNumbers: bland.agent_numbers,
      personas: bland.personas,
    };
  }
  if (data.twilio && twilio) {
    const redline = twilioCredentials.find((credential) => credential.label === "redline");
    const storeId = data.twilio.storeIds()[0] ?? "";
    providers.twilio = {
      basePath: basePaths.twilio,
      baseUrl: `${url}${basePaths.twilio}`,
      apiKeySid: redline?.username ?? "",
      apiKeySecret: redline?.password ?? "",
      colleagues: twilioCredentials
        .filter((credential) => credential.label === "colleague")
        .map((credential) => ({ label: credential.label, name: credential.owner, credential: credential.username, secret: credential.password })),
      accountSid: twilio.accountSid,
      storeId,
      profileIds: data.twilio.profileIds(storeId),
    };
  }
  return { url, providers };
}

/** Reads `GET /__emulator/setup` from an emulator running elsewhere (another process, the demo). */
export async function fetchEmulatorSetup(emulatorUrl: string): Promise<EmulatorSetup> {
  const response = await fetch(`${emulatorUrl.replace(/\/$/, "")}/__emulator/setup`);
  if (!response.ok) throw new Error(`The emulator at ${emulatorUrl} answered ${response.status} for its setup`);
  return emulatorSetupSchema.parse(await response.json());
}
