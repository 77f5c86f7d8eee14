import { formatPercent } from "@/components/ui/format-percent";
import type { ChangeSize } from "@/lib/review/insights/team-insights";

/** How much reviewers change per reviewer, provider or template: the share of lines a save rewrote. */
export function ChangeTable({ caption, heading, rows, label = (key: string) => key }: { caption: string; heading: string; rows: ChangeSize[]; label?: (key: string) => string }) {
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
            <td>{formatPercent(row.linesChangedShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
