import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { QueueTable } from "@/components/queue/queue-table";
import { ProviderErrorAlert } from "@/components/ui/provider-error-alert";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { getAdapter } from "@/lib/providers/registry";
import { listQueue } from "@/lib/review/list-queue";

export const metadata: Metadata = { title: "Queue" };

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

const pageSize = 25;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const check = await requireRole("viewer");
  if (!check.ok) redirect("/login");
  const { page } = searchSchema.parse(await searchParams);
  const adapter = getAdapter("allo");
  if (!adapter) {
    return (
      <main className="page">
        <h1>Queue</h1>
        <p role="status">No provider is configured. Set ALLO_API_KEY (and ALLO_BASE_URL) and restart Redline.</p>
      </main>
    );
  }
  const result = await listQueue({ database: await getDatabase(), adapter }, { page, size: pageSize });
  return (
    <main className="page">
      <h1>Queue</h1>
      {result.ok ? (
        <QueueTable page={result.page} />
      ) : (
        <ProviderErrorAlert error={result.error} title="The call list could not be loaded." />
      )}
    </main>
  );
}
