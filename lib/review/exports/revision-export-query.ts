import { z } from "zod";
import type { RevisionExportFilters } from "@/lib/db/queries/exports";
import { revisionKindEnum, revisionStatusEnum } from "@/lib/db/schema";
import { providerIdSchema } from "@/lib/providers/provider-id";

const DAY_MS = 86_400_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.")
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, "Not a calendar date.");

/** Saves that landed: what a lead means by "the corrections", unless they ask for other outcomes. */
const defaultStatuses: RevisionExportFilters["statuses"] = ["applied", "accepted"];

const querySchema = z
  .object({
    provider: providerIdSchema.optional(),
    reviewer: z.string().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    template: z.string().max(200).optional(),
    status: z.array(z.enum(revisionStatusEnum.enumValues)).max(revisionStatusEnum.enumValues.length * 2).optional(),
    kind: z.array(z.enum(revisionKindEnum.enumValues)).max(revisionKindEnum.enumValues.length * 2).optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: "The start date is after the end date.",
    path: ["from"],
  });

export type RevisionExportQuery =
  | { ok: true; filters: RevisionExportFilters }
  | { ok: false; error: { code: "invalid_input"; message: string; issues: { path: string; message: string }[] } };

/** A list parameter given repeated (`status=a&status=b`, as a form sends checkboxes) or comma-separated. */
const list = (params: URLSearchParams, key: string) => {
  const values = params.getAll(key).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
  return values.length > 0 ? values : undefined;
};

/**
 * The revisions export's filters from a query string. An empty value (a form's "any" choice) is no filter;
 * dates are whole UTC days, `to` included.
 */
export function parseRevisionExportQuery(params: URLSearchParams): RevisionExportQuery {
  const single = (key: string) => params.get(key)?.trim() || undefined;
  const parsed = querySchema.safeParse({
    provider: single("provider"),
    reviewer: single("reviewer"),
    from: single("from"),
    to: single("to"),
    template: single("template"),
    status: list(params, "status"),
    kind: list(params, "kind"),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return { ok: false, error: { code: "invalid_input", message: "The export's filters are not valid.", issues } };
  }
  const query = parsed.data;
  return {
    ok: true,
    filters: {
      provider: query.provider,
      authorId: query.reviewer,
      from: query.from === undefined ? undefined : new Date(`${query.from}T00:00:00Z`),
      before: query.to === undefined ? undefined : new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS),
      templateKey: query.template,
      statuses: query.status ? [...new Set(query.status)] : defaultStatuses,
      kinds: query.kind ? [...new Set(query.kind)] : undefined,
    },
  };
}
