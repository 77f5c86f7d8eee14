"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { getDatabase } from "@/lib/db/database";
import { decideSecondLook, secondLookIdSchema } from "@/lib/review/second-look/decide-second-look";
import { changeSecondLookShare, shareInputSchema } from "@/lib/review/second-look/second-look-share";

/** A lead agrees with a reviewer's sampled decision: recorded once, whoever else is deciding it. */
export const agreeSecondLookAction = authorizedAction(
  { name: "agreeSecondLook", role: "lead", input: z.object({ id: secondLookIdSchema }) },
  async ({ id }, actor) => decideSecondLook((await getDatabase()).db, actor, id, { verdict: "agree" }),
);

/** The share of each reviewer's decisions sampled from now on. */
export const setSecondLookShareAction = authorizedAction(
  { name: "setSecondLookShare", role: "lead", input: shareInputSchema, invalidInput: "Enter a percentage from 0 to 100." },
  async (input, actor) => changeSecondLookShare((await getDatabase()).db, actor, input),
);
