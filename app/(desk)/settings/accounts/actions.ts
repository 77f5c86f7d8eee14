"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { changeRole } from "@/lib/auth/accounts/change-role";
import { inviteAccount } from "@/lib/auth/accounts/invite-account";
import { issuePasswordReset } from "@/lib/auth/accounts/issue-password-reset";
import { setAccountActive } from "@/lib/auth/accounts/set-account-active";
import { adminChangeAction } from "@/lib/auth/admin-change-action";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { confirmIdentity } from "@/lib/auth/recent-authentication";
import { clientAddress, requestOrigin } from "@/lib/auth/request-origin";
import { roles } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/database";

const userIdSchema = z.string().min(1).max(100);

export const inviteAccountAction = adminChangeAction(
  {
    name: "inviteAccount",
    input: z.object({
      email: z.email("Enter the email address of the person to invite.").max(320),
      name: z.string().trim().min(1, "Enter their name.").max(200),
      role: z.enum(roles),
    }),
    invalidInput: "Check the email address and the name.",
  },
  async (input, actor) => {
    const { db } = await getDatabase();
    return inviteAccount(db, actor, input, await requestOrigin());
  },
);

export const resetPasswordAction = adminChangeAction({ name: "resetPassword", input: z.object({ userId: userIdSchema }) }, async ({ userId }, actor) => {
  const { db } = await getDatabase();
  return issuePasswordReset(db, actor, userId, await requestOrigin());
});

export const changeRoleAction = adminChangeAction(
  { name: "changeRole", input: z.object({ userId: userIdSchema, role: z.enum(roles) }) },
  async (input, actor) => changeRole((await getDatabase()).db, actor, input),
);

export const setAccountActiveAction = adminChangeAction(
  { name: "setAccountActive", input: z.object({ userId: userIdSchema, active: z.boolean() }) },
  async (input, actor) => setAccountActive((await getDatabase()).db, actor, input),
);

/** The password asked again before an admin change. */
export const confirmIdentityAction = authorizedAction(
  { name: "confirmIdentity", role: "admin", input: z.object({ password: z.string().min(1, "Enter your password.").max(1024) }), invalidInput: "Enter your password." },
  async ({ password }, actor) => confirmIdentity(actor, password, clientAddress(await headers())),
);
