import type { z } from "zod";

/** Where `value` breaks the documented schema; empty when it conforms. */
export function problems(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "/"}: ${issue.message}`);
}
