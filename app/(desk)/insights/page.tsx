import type { Metadata } from "next";
import { RefusedPage } from "@/components/ui/refused-page";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { providerIdSchema, providerNames } from "@/lib/providers/provider-id";
import { DecisionsTable } from "@/components/insights/decisions-table";
import { ExportForm } from "@/components/insights/export-form";
import { exportChoices } from "@/lib/review/exports/export-choices";
import { teamInsights } from "@/lib/review/insights/team-insights";
import { reviewerAgreement } from "@/lib/review/second-look/reviewer-agreement";
import Link from "next/link";
import { GroupTable, ReasonsChart, WeeklyDecisionsChart } from "@/components/insights/trend-charts";
import { formatPercent } from "@/components/ui/format-percent";
import { hasRole } from "@/lib/auth/roles";
import { correctionTrends, trendDimensions, trendQuerySchema, type TrendQuery } from "@/lib/review/insights/correction-trends";

export const metadata: Metadata = { title: "Insights" };


function providerLabel(key: string): string {
  const parsed = providerIdSchema.safeParse(key);
  return parsed.success ? providerNames[parsed.data] : key;
}

const dimensionLabels: Record<TrendQuery["by"], string> = { provider: "Provider", template: "Template", agent: "Agent", reviewer: "Reviewer" };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Reviewers see their own figures; leads and admins the team's.
  const check = await requireRole("reviewer");
  if (!check.ok) return <RefusedPage title="Insights" error={check.error} />;
  const database = await getDatabase();
  const lead = hasRole(check.actor.role, "lead");
  const query = trendQuerySchema.parse(await searchParams);
  const trends = await correctionTrends(database, query, lead ? {} : { reviewerId: check.actor.id });
  const labelOf = (key: string) => (query.by === "provider" ? providerLabel(key) : key || (query.by === "template" ? "single summary" : "unknown"));
  const trendSection = (
    <>
      <h2 id="trends">{lead ? "Trends" : "Your figures"}</h2>
      <form className="queue-filters" method="get" aria-label="Trend filters">
        <label>
          Provider
          <select name="provider" defaultValue={query.provider ?? ""}>
            <option value="">All providers</option>
            {providerIdSchema.options.map((id) => (
              <option key={id} value={id}>
                {providerNames[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Break down by
          <select name="by" defaultValue={query.by}>
            {trendDimensions.map((dimension) => (
              <option key={dimension} value={dimension}>
                {dimensionLabels[dimension]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period
          <select name="weeks" defaultValue={String(query.weeks)}>
            {[4, 12, 26, 52].map((weeks) => (
              <option key={weeks} value={weeks}>
                Last {weeks} weeks
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {trends.totals ? (
        <>
          <p>
            {trends.totals.decisions} decisions in the last {query.weeks} weeks: {formatPercent(trends.totals.corrected / trends.totals.decisions)} corrected,{" "}
            {formatPercent(trends.totals.acceptedUnchanged / trends.totals.decisions)} accepted unchanged.
          </p>
          <WeeklyDecisionsChart weeks={trends.weeks} />
          <ReasonsChart reasons={trends.reasons} />
          <GroupTable caption={`Per ${dimensionLabels[query.by].toLowerCase()}, over the period`} heading={dimensionLabels[query.by]} groups={trends.groups} label={labelOf} />
        </>
      ) : (
        <p className="empty-state">
          No decisions in the last {query.weeks} weeks{query.provider ? ` for ${providerNames[query.provider]}` : ""}. Saves and approvals of summaries show here;
          {lead ? " widen the period, pick another provider, or start reviewing from the queue." : " start reviewing from the queue."}
        </p>
      )}
    </>
  );
  if (!lead) {
    return (
      <main className="page insights">
        <h1>Insights</h1>
        {trendSection}
      </main>
    );
  }
  const [insights, choices, agreement] = await Promise.all([teamInsights(database), exportChoices(database), reviewerAgreement(database)]);
  // Every provider, configured or not: the journal keeps the history of one that was removed.
  const providers = providerIdSchema.options.map((id) => ({ id, name: providerNames[id] }));
  return (
    <main className="page insights">
      <h1>Insights</h1>
      {trendSection}
      <h2>Reviewers</h2>
      <table className="queue-table">
        <caption>What each person did in Redline</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Saves</th>
            <th scope="col">Approved unchanged</th>
            <th scope="col">Conflicts met</th>
            <th scope="col">Failed saves</th>
          </tr>
        </thead>
        <tbody>
          {insights.reviewers.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.saves}</td>
              <td>{row.approvals}</td>
              <td>{row.conflicts}</td>
              <td>{row.failures}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="second-look">Second look</h2>
      <p>
        <Link href="/insights/second-look">Second look</Link>: a sample of each reviewer&apos;s decisions, for a lead to agree with or correct.
      </p>
      {agreement.length ? (
        <table className="queue-table">
          <caption>How often a second look agreed with each reviewer</caption>
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Looked at</th>
              <th scope="col">Agreed</th>
              <th scope="col">Corrected</th>
              <th scope="col">Agreement rate</th>
              <th scope="col">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {agreement.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.lookedAt}</td>
                <td>{row.agreed}</td>
                <td>{row.corrected}</td>
                <td>{row.rate === null ? "none looked at yet" : formatPercent(row.rate)}</td>
                <td>{row.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty-state">No decision has been sampled for a second look yet.</p>
      )}
      <h2>Where the AI is weakest</h2>
      <DecisionsTable caption="Reviewed calls per provider" heading="Provider" rows={insights.providers} label={providerLabel} />
      <DecisionsTable caption="Reviewed calls per agent (the agents with most reviews)" heading="Agent" rows={insights.agents} label={(key) => key} />
      <h2 id="export">Export</h2>
      <p className="muted">
        Every save in the journal as CSV, oldest first, with the AI text, the final text and how much changed between them. Dates
        are whole days in UTC.
      </p>
      <ExportForm providers={providers} choices={choices} />
    </main>
  );
}
