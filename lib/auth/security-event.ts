import "server-only";
import type { Db } from "@/lib/db/open-database";
import { insertSecurityEvent } from "@/lib/db/queries/security-events";
import { logger } from "@/lib/logger";

/** Every kind of event, with how an admin reads it. */
export const securityEventLabels = {
  sign_in_failed: "Sign-in failed",
  sign_in_throttled: "Sign-in throttled",
  signed_in: "Signed in",
  signed_out: "Signed out",
  session_idle: "Session ended after inactivity",
  role_refused: "Refused: role too low",
  account_invited: "Account invited",
  password_reset_issued: "Password reset link made",
  password_set: "Password set",
  password_changed: "Password changed",
  role_changed: "Role changed",
  account_deactivated: "Account deactivated",
  account_reactivated: "Account reactivated",
  sso_provisioned: "Account created by single sign-on",
  sso_linked: "Account linked to single sign-on",
  sso_refused: "Single sign-on refused",
  sso_requirement_changed: "Single sign-on requirement changed",
} as const;

export type SecurityEventName = keyof typeof securityEventLabels;

export type SecurityEvent = {
  event: SecurityEventName;
  actorId?: string | null;
  subjectId?: string | null;
  email?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
};

const warnings = new Set<SecurityEventName>(["sign_in_failed", "sign_in_throttled", "role_refused", "sso_refused"]);

/**
 * Logs the event as structured pino output (for whatever collects the logs) and keeps it for admins to read
 * in Settings. Never fails the request it describes: an event that cannot be stored is still logged.
 */
export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<void> {
  const level = warnings.has(event.event) ? "warn" : "info";
  logger[level]({ ...event.detail, event: event.event, actorId: event.actorId, subjectId: event.subjectId, email: event.email, address: event.address }, securityEventLabels[event.event]);
  try {
    await insertSecurityEvent(db, {
      event: event.event,
      actorId: event.actorId ?? null,
      subjectId: event.subjectId ?? null,
      email: event.email ?? null,
      address: event.address ?? null,
      detail: event.detail ?? null,
    });
  } catch (error) {
    logger.error({ err: error, event: event.event }, "security event not stored");
  }
}
