import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import type { DecisionCounts } from "@/lib/db/queries/insights";
import { providerIdSchema, providerNames } from "@/lib/providers/provider-id";
import { teamInsights, type ChangeSize } from "@/lib/review/team-insights";

export const metadata: Metadata = { title: "Insights" };

const percent = (share: number) => `${Math.round(share * 100)}%`;

function providerLabel(key: string): string {
  const parsed = providerIdSchema.safeParse(key);
  return parsed.success ? providerNames[parsed.data] : key;
}

function DecisionsTable({ caption, heading, rows, label }: { caption: string; heading: string; rows: DecisionCounts[]; label: (key: string) => string }) {
  return (
    <table className="queue-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Corrected</th>
          <th scope="col">Approved unchanged</th>
          <th scope="col">AI accepted unchanged</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4} className="muted">
              Nothing reviewed yet.
            </td>
          </tr>
        ) : null}
        {rows.map((row) => {
          const decided = row.corrected + row.approved;
          return (
            <tr key={row.key}>
              <th scope="row">{label(row.key)}</th>
              <td>{row.corrected}</td>
              <td>{row.approved}</td>
              <td>{decided ? percent(row.approved / decided) : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ChangeTable({ caption, heading, rows, label = (key: string) => key }: { caption: string; heading: string; rows: ChangeSize[]; label?: (key: string) => string }) {
  return (
    <table className="queue-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Saves measured</th>
          <th scope="col">Lines changed, on average</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              No saves yet.
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{row.edits}</td>
            <td>{percent(row.linesChangedShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function InsightsPage() {
  const check = await requireRole("lead");
  if (!check.ok) {
    if (check.error.code === "unauthenticated") redirect("/login");
    return (
      <main className="page">
        <h1>Insights</h1>
        <p role="alert">{check.error.message}</p>
      </main>
    );
  }
  const insights = await teamInsights(await getDatabase());
  return (
    <main className="page insights">
      <h1>Insights</h1>
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
      <h2>Where the AI is weakest</h2>
      <DecisionsTable caption="Reviewed calls per provider" heading="Provider" rows={insights.providers} label={providerLabel} />
      <DecisionsTable caption="Reviewed calls per agent (the agents with most reviews)" heading="Agent" rows={insights.agents} label={(key) => key} />
      <h2>How much reviewers change</h2>
      <p className="muted">Measured on the latest {insights.sampledEdits} saves: the share of lines a save added, removed or rewrote.</p>
      <ChangeTable caption="Per reviewer" heading="Reviewer" rows={insights.changeByReviewer} />
      <ChangeTable caption="Per provider" heading="Provider" rows={insights.changeByProvider} label={providerLabel} />
      <ChangeTable caption="Per template" heading="Template" rows={insights.changeByTemplate} />
    </main>
  );
}
