import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const availability = ["ready", "in_progress", "absent", "failed", "not_in_plan", "not_provided_by_this_api"] as const;
const listedAvailability = [...availability, "unchecked"] as const;

export const roleEnum = pgEnum("role", ["viewer", "reviewer", "lead", "admin"]);

export const reviewStatusEnum = pgEnum("review_status", ["unreviewed", "in_review", "approved", "corrected"]);

/**
 * "observed": a text Redline saw at the provider and did not write (the AI original, or an outside change).
 * "unknown": the write's answer was lost and a re-read could not tell whether it landed; the reconciler decides.
 * "template_asked": the provider needs to know which summary template the text replaces; the reviewer was
 * asked, and their choice is saved as a new attempt. Neither a failure nor a save.
 */
export const revisionStatusEnum = pgEnum("revision_status", [
  "pending",
  "applied",
  "accepted",
  "conflict",
  "failed",
  "observed",
  "unknown",
  "template_asked",
]);

/** Why a journal row exists: what the reviewer meant, or what Redline noticed. */
/** "approve": the reviewer confirmed the text as it stands; nothing is written, but it is checked like a save. */
export const revisionKindEnum = pgEnum("revision_kind", ["original", "outside", "edit", "merge", "overwrite", "restore", "approve"]);

export const users = pgTable("users", {
  id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull().default("viewer"),
  passwordHash: text("password_hash"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Set when an admin deactivates the account: it cannot sign in by any means, and its sessions end at once. */
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  /** The identity provider's issuer and subject this account signs in as, linked at its first SSO sign-in. */
  oidcIssuer: text("oidc_issuer"),
  oidcSubject: text("oidc_subject"),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
}, (table) => [unique("users_oidc_key").on(table.oidcIssuer, table.oidcSubject)]);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const reviews = pgTable(
  "reviews",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    callId: text("call_id").notNull(),
    // null: the provider has one summary per call, or Allo's single completed template.
    templateKey: text("template_key"),
    status: reviewStatusEnum("status").notNull().default("unreviewed"),
    claimedBy: text("claimed_by").references(() => users.id),
    claimExpiresAt: timestamp("claim_expires_at", { withTimezone: true }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("reviews_summary_key").on(table.provider, table.callId, table.templateKey).nullsNotDistinct()],
);

export type Review = typeof reviews.$inferSelect;

/** The journal: every save attempt, written before any remote call, so nothing a reviewer typed is lost. */
export const summaryRevisions = pgTable(
  "summary_revisions",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    /** What the save wrote (Allo's item, Bland's contact memory, …): the key of history and of the save lock. */
    targetId: text("target_id").notNull(),
    /** The call the reviewer had open: several calls may share one target. */
    callId: text("call_id").notNull(),
    templateKey: text("template_key"),
    /** Redline's own revision number of this summary; set when the attempt is applied or accepted. */
    revision: integer("revision"),
    authorId: text("author_id").references(() => users.id),
    kind: revisionKindEnum("kind").notNull().default("edit"),
    baseContent: text("base_content"),
    baseRevision: integer("base_revision").notNull().default(0),
    content: text("content").notNull(),
    status: revisionStatusEnum("status").notNull().default("pending"),
    /** What the provider held when a conflict was found: the other side of the three-way merge. */
    theirContent: text("their_content"),
    providerVersion: integer("provider_version"),
    providerUpdatedAt: timestamp("provider_updated_at", { withTimezone: true }),
    providerUpdatedById: text("provider_updated_by_id"),
    providerUpdatedByName: text("provider_updated_by_name"),
    /** Writes the provider counted between the last version Redline saw and this one. */
    outsideWrites: integer("outside_writes"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    requestId: text("request_id"),
    /** Facts the transcript did not support when the reviewer saved (`UnresolvedFlag[]`); null: not checked. */
    /** Why the reviewer corrected the summary (`CorrectionReason` keys), as they tagged it on save. */
    reasons: text("reasons").array(),
    /** How much this text differs from the AI's original of the target (characters and lines changed). */
    charsChanged: integer("chars_changed"),
    linesChanged: integer("lines_changed"),
    /** From the reviewer's claim on the call to this save: how long the review took. */
    reviewSeconds: integer("review_seconds"),
    unresolvedFlags: jsonb("unresolved_flags").$type<Array<{ kind: string; reason: string; text: string; message: string; turn: number | null }>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [
    index("summary_revisions_target_idx").on(table.provider, table.targetId, table.id),
    index("summary_revisions_author_idx").on(table.authorId, table.createdAt),
    // The AI original is journalled once per target, however many first opens race (a constraint, not a check).
    uniqueIndex("summary_revisions_original_key").on(table.provider, table.targetId).where(sql`${table.kind} = 'original'`),
    // What the reconciler looks for: saves whose outcome is not known yet.
    index("summary_revisions_status_idx").on(table.status, table.createdAt),
  ],
);

export type SummaryRevision = typeof summaryRevisions.$inferSelect;

/** The queue index: one row per provider call, filled by sync from each provider's list endpoint. */
export const calls = pgTable(
  "calls",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    callId: text("call_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationSec: integer("duration_sec"),
    direction: text("direction", { enum: ["inbound", "outbound"] }).notNull(),
    agentId: text("agent_id"),
    agentName: text("agent_name"),
    counterpartName: text("counterpart_name"),
    counterpartNumber: text("counterpart_number"),
    /** The provider's own id for the other party where the call names one (Twilio's profile): what their name is kept under. */
    counterpartId: text("counterpart_id"),
    /**
     * Where the provider's summary stands (`Availability`, or "unchecked" where the list cannot tell): only
     * "ready" calls are offered by Start reviewing and next; the others are re-checked on a schedule and when a
     * provider's webhook says their summary is done.
     */
    summaryStatus: text("summary_status", { enum: listedAvailability }).notNull().default("unchecked"),
    /** The transcript's, once a read told it; null until then. */
    transcriptStatus: text("transcript_status", { enum: availability }),
    /** When the summary's status was last read from the provider (not from its list): the re-check's clock. */
    summaryCheckedAt: timestamp("summary_checked_at", { withTimezone: true }),
    /**
     * The summary target this call's review writes, once known (for most providers the call itself; for Bland
     * the contact memory, learnt when the call is opened): a decision on a target is every such call's status.
     */
    targetId: text("target_id"),
    /** Copied from `reviews` when a decision is recorded, so the queue filters and counts by status with an index. */
    reviewStatus: reviewStatusEnum("review_status").notNull().default("unreviewed"),
    /** Lower-cased agent, customer and number, for the queue's free-text filter. */
    searchText: text("search_text").notNull(),
    /**
     * The summary's text, lower-cased, for the same filter: from the list where the provider's list carries it
     * (Allo, Twilio), and from every open and save of the call.
     */
    summaryText: text("summary_text"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("calls_provider_call_key").on(table.provider, table.callId),
    // Ascending, so "newest first" is a backward scan that matches ORDER BY … DESC exactly (a DESC NULLS LAST
    // index does not match it, and Postgres would sort the whole table instead).
    index("calls_started_idx").on(table.startedAt, table.id),
    index("calls_provider_started_idx").on(table.provider, table.startedAt, table.id),
    index("calls_status_started_idx").on(table.reviewStatus, table.startedAt, table.id),
    index("calls_agent_idx").on(table.agentName, table.startedAt, table.id),
    index("calls_target_idx").on(table.provider, table.targetId),
    // What the readiness re-check walks: the few calls whose summary is not there yet, newest first.
    index("calls_not_ready_idx")
      .on(table.startedAt)
      .where(sql`${table.summaryStatus} <> 'ready'`),
    // Trigram indexes: a search for any fragment ("inv-546", a phone number) reads the index, not every call.
    index("calls_search_trgm_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
    index("calls_summary_trgm_idx").using("gin", sql`${table.summaryText} gin_trgm_ops`),
  ],
);

export type CallRow = typeof calls.$inferSelect;
export type NewCallRow = typeof calls.$inferInsert;

export const syncStatusEnum = pgEnum("sync_status", ["idle", "running", "failed", "completed"]);

/** Where each provider's sync stands, so a sync interrupted by a crash resumes where it stopped. */
export const syncState = pgTable("sync_state", {
  provider: text("provider").primaryKey(),
  status: syncStatusEnum("status").notNull().default("idle"),
  /** The next list page to read in the running pass (newest first). */
  nextPage: integer("next_page").notNull().default(1),
  processed: integer("processed").notNull().default(0),
  total: integer("total"),
  /** The newest call start seen by the last completed pass: an incremental pass stops once it reaches it. */
  highWaterMark: timestamp("high_water_mark", { withTimezone: true }),
  /** The newest call start seen by the running pass, promoted to highWaterMark when it completes. */
  passHighWaterMark: timestamp("pass_high_water_mark", { withTimezone: true }),
  /** A lease: a pass whose heartbeat is older than this is considered dead and may be resumed by anyone. */
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  errorCode: text("error_code"),
  errorMessage: text("error_message"),
});

export type SyncState = typeof syncState.$inferSelect;

/**
 * Calls per provider and review status, kept exact by triggers on `calls` (see the migration), so the
 * queue's status counts cost the same with a hundred thousand calls as with a thousand.
 */
export const queueCounts = pgTable(
  "queue_counts",
  {
    provider: text("provider").notNull(),
    status: reviewStatusEnum("status").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.provider, table.status] })],
);

/**
 * Names of the people calls refer to, as each provider's directory gave them (Quo's users and contacts,
 * Bland's personas and contacts, Twilio's profiles): the queue and the review page name them from here,
 * never by asking the provider while a page waits. The sync looks up what is missing, and what is older
 * than a day again.
 */
export const personNames = pgTable(
  "person_names",
  {
    provider: text("provider").notNull(),
    kind: text("kind", { enum: ["agent", "counterpart"] }).notNull(),
    /** What calls carry: the agent's id; the other party's id, or their number where calls name no id. */
    key: text("key").notNull(),
    /** Null: the provider knows nobody by this key, which is not asked about again until it is stale. */
    name: text("name"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.kind, table.key] }), index("person_names_fetched_idx").on(table.provider, table.fetchedAt)],
);

export type PersonName = typeof personNames.$inferSelect;

/**
 * Failed sign-ins per account (`account:<email>`) and per client address (`address:<ip>`): a key with too many
 * recent failures is locked for a while that doubles with each further failure. In the database, so every
 * instance counts the same guesses.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  /** Failures older than the window are forgotten: the count starts again. */
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Every signed-in session, server side: the cookie only names one. A session is refused once ended (signed
 * out, its account deactivated, its password changed), once idle too long, or once expired, so a copied
 * cookie is worth nothing after any of those.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    method: text("method", { enum: ["password", "sso"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the user last proved who they are (sign-in, or the password asked before an admin change). */
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moved forward at most once a minute, so a busy reviewer's requests do not each write. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", { enum: ["signed_out", "deactivated", "password_changed", "idle"] }),
  },
  (table) => [index("sessions_user_idx").on(table.userId), index("sessions_expires_idx").on(table.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * One-time links an admin hands out: an invitation (the new account sets its password) or a password reset.
 * Only a hash of the token is kept, so the table leaks no usable link.
 */
export const accountLinks = pgTable(
  "account_links",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("account_links_user_idx").on(table.userId)],
);

export type AccountLink = typeof accountLinks.$inferSelect;

/**
 * The audit of everything about access: sign-ins that failed or were throttled, refusals, sessions ended,
 * accounts invited, changed or deactivated. Also logged with pino; kept here so admins can read it.
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    event: text("event").notNull(),
    /** Who did it, when signed in. */
    actorId: text("actor_id"),
    /** The account it was about (the target of a role change, the account a failed sign-in named). */
    subjectId: text("subject_id"),
    email: text("email"),
    address: text("address"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (table) => [index("security_events_at_idx").on(table.at), index("security_events_event_idx").on(table.event, table.at)],
);

export type SecurityEventRow = typeof securityEvents.$inferSelect;

/** Team-wide settings an admin changes at run time (for now, whether everyone must sign in with SSO). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Decisions (corrections and approvals that landed) per week, provider, template, agent and reviewer, kept
 * by a trigger on the journal in the same transaction as the decision: insights read a few hundred rows
 * here instead of grouping the whole journal on every view. Empty strings stand for "none".
 */
export const decisionRollups = pgTable(
  "decision_rollups",
  {
    week: date("week").notNull(),
    provider: text("provider").notNull(),
    templateKey: text("template_key").notNull(),
    agentName: text("agent_name").notNull(),
    authorId: text("author_id").notNull(),
    decisions: integer("decisions").notNull().default(0),
    corrected: integer("corrected").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    /** Sums over corrections whose size was measured, and how many those are. */
    charsSum: bigint("chars_sum", { mode: "number" }).notNull().default(0),
    linesSum: bigint("lines_sum", { mode: "number" }).notNull().default(0),
    sized: integer("sized").notNull().default(0),
    reviewSecondsSum: bigint("review_seconds_sum", { mode: "number" }).notNull().default(0),
    reviewed: integer("reviewed").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.week, table.provider, table.templateKey, table.agentName, table.authorId] })],
);

/** Reasons given for corrections per week, provider and reviewer, kept by the same trigger. */
export const reasonRollups = pgTable(
  "reason_rollups",
  {
    week: date("week").notNull(),
    provider: text("provider").notNull(),
    authorId: text("author_id").notNull(),
    reason: text("reason").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.week, table.provider, table.authorId, table.reason] })],
);

/** Journal rows per author and status (saves, conflicts met, failures), kept by a trigger. */
export const revisionStatusCounts = pgTable(
  "revision_status_counts",
  {
    authorId: text("author_id").notNull(),
    status: revisionStatusEnum("status").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.authorId, table.status] })],
);

/**
 * Reviewers' decisions sampled for a lead to look at again: a share of each reviewer's corrections and
 * approvals, picked as they land. A lead agrees, or corrects the summary (a normal save, whose journal row is
 * kept here); either decides the second look, once.
 */
export const secondLooks = pgTable(
  "second_looks",
  {
    id: serial("id").primaryKey(),
    /** The sampled decision: its journal row. */
    revisionId: integer("revision_id")
      .notNull()
      .references(() => summaryRevisions.id),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    provider: text("provider").notNull(),
    callId: text("call_id").notNull(),
    targetId: text("target_id").notNull(),
    templateKey: text("template_key"),
    sampledAt: timestamp("sampled_at", { withTimezone: true }).notNull().defaultNow(),
    leadId: text("lead_id").references(() => users.id),
    verdict: text("verdict", { enum: ["agree", "corrected"] }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The lead's correction, when the verdict is "corrected". */
    correctionRevisionId: integer("correction_revision_id").references(() => summaryRevisions.id),
  },
  (table) => [
    unique("second_looks_revision_key").on(table.revisionId),
    // The lead's queue: open second looks, oldest first.
    index("second_looks_open_idx")
      .on(table.sampledAt, table.id)
      .where(sql`${table.verdict} is null`),
    index("second_looks_reviewer_idx").on(table.reviewerId),
  ],
);

export type SecondLook = typeof secondLooks.$inferSelect;
