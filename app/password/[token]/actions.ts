"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { setPasswordWithLink } from "@/lib/auth/accounts/set-password-with-link";
import { getDatabase } from "@/lib/db/database";
import type { SetPasswordState } from "@/components/accounts/set-password-form";

const formSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
  repeated: z.string().max(1024),
});

/** Outside the role-checked actions: the one-time link is the proof, there is no session yet. */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const parsed = formSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Fill in both password fields." };
  const result = await setPasswordWithLink((await getDatabase()).db, parsed.data);
  if (!result.ok) return { error: result.error.message, unusable: result.error.code === "link_unusable" };
  redirect(`/login?${new URLSearchParams({ passwordSet: "1", email: result.email })}`);
}
