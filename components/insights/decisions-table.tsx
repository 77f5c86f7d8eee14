import { formatPercent } from "@/components/ui/format-percent";
import type { DecisionCounts } from "@/lib/review/insights/team-insights";

/** Reviewed calls per provider or agent: corrected, approved, and how often the AI was accepted as it was. */
export function DecisionsTable({ caption, heading, rows, label }: { caption: string; heading: string; rows: DecisionCounts[]; label: (key: string) => string }) {
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
              <td>{decided ? formatPercent(row.approved / decided) : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
