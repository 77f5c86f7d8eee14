import type { Metadata } from "next";
import { z } from "zod";
import { notFound, redirect } from "next/navigation";
import { ReviewWorkspace } from "@/components/review/review-workspace";
import { ProviderErrorAlert } from "@/components/ui/provider-error-alert";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { providerIdSchema, providerNames } from "@/lib/providers/provider-id";
import { getAdapter } from "@/lib/providers/registry";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { saveTiming } from "@/lib/review/save/save-timing";
import { hasRole } from "@/lib/auth/roles";
import { adjacentCallAction, nextCallAction } from "../../../actions";
import { saveSummaryAction } from "./actions";

export const metadata: Metadata = { title: "Review call" };

/** `?secondLook=<id>`: a lead came to correct a sampled decision; their save here is its verdict. */
const searchSchema = z.object({ secondLook: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function CallPage({
  params,
  searchParams,
}: {
  params: Promise<{ provider: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const check = await requireRole("viewer");
  if (!check.ok) redirect("/login");
  const { provider: rawProvider, id } = await params;
  const provider = providerIdSchema.safeParse(rawProvider);
  if (!provider.success) notFound();
  const adapter = getAdapter(provider.data);
  if (!adapter) {
    return (
      <main className="page">
        <h1>{providerNames[provider.data]} is not configured</h1>
        <p>Ask an admin to add this provider&apos;s API key to Redline&apos;s configuration.</p>
      </main>
    );
  }
  const callId = decodeURIComponent(id);
  const result = await loadCallForReview({ database: await getDatabase(), adapter }, callId, saveTiming());
  if (!result.ok) {
    if (result.error.kind === "not_found") notFound();
    return (
      <main className="page">
        <h1>Call {callId}</h1>
        <ProviderErrorAlert error={result.error} title="This call could not be loaded." />
      </main>
    );
  }
  // The text to edit travels once, as `content`; the provider's copy inside `call` would double a long summary.
  const { review } = result;
  const call = { ...review.call, summary: { ...review.call.summary, content: null } };
  const { secondLook } = searchSchema.parse(await searchParams);
  return (
    <ReviewWorkspace
      review={{ ...review, call }}
      role={check.actor.role}
      secondLookId={secondLook !== undefined && hasRole(check.actor.role, "lead") ? secondLook : null}
      actions={{ save: saveSummaryAction, next: nextCallAction, adjacent: adjacentCallAction }}
    />
  );
}
