import "server-only";
import { auth } from "./auth";

/** The signed-in user's id from the session cookie, or null. Kept apart so tests can stand in for Auth.js. */
export async function sessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
