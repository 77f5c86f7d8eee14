import type { ListQuery, ProviderAdapter } from "@/lib/providers/types";

/**
 * A provider's adapter that records the list pages a sync reads, and can step in once, before one page is
 * read (an outage, a crash mid-sync): `interrupt.run` may throw. Everything else goes to the real adapter.
 */
export function pageRecordingAdapter(inner: ProviderAdapter, interrupt?: { page: number; run: () => Promise<void> }) {
  const pages: number[] = [];
  let interrupted = false;
  const adapter: ProviderAdapter = {
    id: inner.id,
    capabilities: inner.capabilities,
    getCall: (id) => inner.getCall(id),
    summaryTarget: (callId, templateKey) => inner.summaryTarget(callId, templateKey),
    getSummary: (target) => inner.getSummary(target),
    updateSummary: (target, content) => inner.updateSummary(target, content),
    async listCalls(query: ListQuery) {
      pages.push(query.page);
      if (interrupt && query.page === interrupt.page && !interrupted) {
        interrupted = true;
        await interrupt.run();
      }
      return inner.listCalls(query);
    },
  };
  return { adapter, pages };
}
