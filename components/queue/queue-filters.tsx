import Link from "next/link";
import { providerNames, type ProviderId } from "@/lib/providers/provider-names";
import type { QueueQuery } from "@/lib/review/queue/list-queue";

/** A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function QueueFilters({ query, providers, agents }: { query: QueueQuery; providers: ProviderId[]; agents: string[] }) {
  return (
    <form method="get" action="/queue" className="queue-filters" aria-label="Filter calls">
      <label>
        Search
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Customer, number, agent or words of the summary" />
      </label>
      {providers.length > 1 ? (
        <label>
          Provider
          <select name="provider" defaultValue={query.provider ?? ""}>
            <option value="">All providers</option>
            {providers.map((provider) => (
              <option key={provider} value={provider}>
                {providerNames[provider]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Agent
        <select name="agent" defaultValue={query.agent ?? ""}>
          <option value="">All agents</option>
          {agents.map((agent) => (
            <option key={agent} value={agent}>
              {agent}
            </option>
          ))}
        </select>
      </label>
      <label>
        Summary
        <select name="summary" defaultValue={query.summary ?? ""}>
          <option value="">Any</option>
          <option value="ready">Ready to review</option>
          <option value="coming">Not there yet</option>
          <option value="none">Not coming</option>
        </select>
      </label>
      <label>
        From
        <input type="date" name="from" defaultValue={query.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={query.to ?? ""} />
      </label>
      <label>
        Sort
        <select name="order" defaultValue={query.order}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      <button type="submit" className="button">
        Apply filters
      </button>
      <Link href="/queue">Clear</Link>
    </form>
  );
}
