import type { QueueQuery } from "@/lib/review/queue/list-queue";

/** The queue URL for a set of filters; defaults are left out so links stay short. */
export function queueHref(query: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || (key === "order" && value === "newest")) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/queue?${search}` : "/queue";
}
