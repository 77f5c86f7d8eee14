import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../open-database";
import { appSettings } from "../schema";

/** Every team-wide setting and the shape of its value: a value is parsed on the way in and on the way out. */
const settingSchemas = {
  /** Password sign-in is refused for every account; everyone signs in with single sign-on. */
  require_sso: z.boolean(),
  /** The share (0 to 1) of each reviewer's decisions a lead looks at again. */
  second_look_share: z.number().min(0).max(1),
};

type SettingKey = keyof typeof settingSchemas;
type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

/** The setting's value, or null when it was never set (or holds something no version of Redline wrote). */
export async function readAppSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K> | null> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  const parsed = settingSchemas[key].safeParse(row?.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : null;
}

export async function writeAppSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>, updatedBy: string | null, now = new Date()): Promise<void> {
  const parsed = settingSchemas[key].parse(value);
  await db
    .insert(appSettings)
    .values({ key, value: parsed, updatedBy, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed, updatedBy, updatedAt: now } });
}
