import type { Metadata } from "next";
import { RefusedPage } from "@/components/ui/refused-page";
import Link from "next/link";
import { SecondLookList } from "@/components/insights/second-look-list";
import { SecondLookShareForm } from "@/components/insights/second-look-share-form";
import { formatPercent } from "@/components/ui/format-percent";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { providerNames } from "@/lib/providers/provider-id";
import { secondLookQueue } from "@/lib/review/second-look/second-look-queue";
import { agreeSecondLookAction, setSecondLookShareAction } from "./actions";

export const metadata: Metadata = { title: "Second look" };

/** Leads look again at a sample of reviewers' decisions: agree, or correct the summary themselves. */
export default async function SecondLookPage() {
  const check = await requireRole("lead");
  if (!check.ok) return <RefusedPage title="Second look" error={check.error} />;
  const queue = await secondLookQueue(await getDatabase());
  return (
    <main className="page insights">
      <p>
        <Link href="/insights">← Insights</Link>
      </p>
      <h1>Second look</h1>
      <p>
        {formatPercent(queue.share)} of each reviewer&apos;s corrections and approvals are set aside as they are made, for a lead to look at again.
        Agree, or open the call with <strong>Correct it</strong> and save your correction there: the save records your verdict.
      </p>
      <SecondLookShareForm share={queue.share} setShare={setSecondLookShareAction} />
      <h2>Waiting ({queue.open})</h2>
      {queue.items.length ? (
        <>
          {queue.open > queue.items.length ? <p className="muted">The oldest {queue.items.length} of {queue.open}.</p> : null}
          <SecondLookList items={queue.items} agree={agreeSecondLookAction} providerLabel={providerNames} />
        </>
      ) : (
        <p className="empty-state">Nothing waits for a second look. Decisions reviewers make from now on are sampled here.</p>
      )}
    </main>
  );
}
