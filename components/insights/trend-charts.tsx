import { formatDuration } from "@/components/ui/format-duration";
import { formatPercent } from "@/components/ui/format-percent";
import { correctionReasons } from "@/lib/review/insights/correction-reasons";
import type { DecisionGroup, WeeklyReasons } from "@/lib/review/insights/correction-trends";

// Drawn on the server as SVG: the charts cost the insights route no JavaScript at all, and each comes with
// its figures as a table, for screen readers and for anyone who wants the numbers.

const width = 720;
const height = 180;
const axis = 24;
const reasonColors = ["#c0392b", "#d68910", "#7d3c98", "#1f618d", "#117a65", "#7f8c8d", "#34495e"];

const shortWeek = (week: string) => new Date(`${week}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

function Bars({ weeks, stacks, colors, label }: { weeks: string[]; stacks: number[][]; colors: string[]; label: string }) {
  const max = Math.max(1, ...stacks.map((stack) => stack.reduce((sum, value) => sum + value, 0)));
  const slot = (width - axis) / Math.max(1, weeks.length);
  const bar = Math.max(4, slot * 0.7);
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={label}>
      <line x1={axis} y1={height} x2={width} y2={height} className="trend-axis" />
      <text x={axis - 4} y={12} className="trend-tick" textAnchor="end">
        {max}
      </text>
      <text x={axis - 4} y={height} className="trend-tick" textAnchor="end">
        0
      </text>
      {weeks.map((week, index) => {
        let top = height;
        const x = axis + index * slot + (slot - bar) / 2;
        return (
          <g key={week}>
            {stacks[index]!.map((value, layer) => {
              const h = (value / max) * (height - 8);
              top -= h;
              return value ? <rect key={layer} x={x} y={top} width={bar} height={h} fill={colors[layer]} /> : null;
            })}
            {weeks.length <= 16 || index % Math.ceil(weeks.length / 12) === 0 ? (
              <text x={x + bar / 2} y={height + 14} className="trend-tick" textAnchor="middle">
                {shortWeek(week)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul className="trend-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill={item.color} />
          </svg>{" "}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Decisions per week: corrections and the AI's text accepted unchanged. */
export function WeeklyDecisionsChart({ weeks }: { weeks: DecisionGroup[] }) {
  const colors = ["#c0392b", "#27ae60"];
  return (
    <figure className="trend">
      <figcaption>Decisions per week: corrected, and accepted unchanged</figcaption>
      <Bars
        weeks={weeks.map((week) => week.key)}
        stacks={weeks.map((week) => [week.corrected, week.acceptedUnchanged])}
        colors={colors}
        label="Bar chart of decisions per week; the same figures are in the table that follows."
      />
      <Legend items={[{ label: "Corrected", color: colors[0]! }, { label: "Accepted unchanged", color: colors[1]! }]} />
      <details>
        <summary>Figures per week</summary>
        <GroupTable caption="Decisions per week (weeks start on Monday, UTC)" heading="Week of" groups={weeks} label={shortWeek} />
      </details>
    </figure>
  );
}

/** Why summaries were corrected, per week. */
export function ReasonsChart({ reasons }: { reasons: WeeklyReasons[] }) {
  const any = reasons.some((week) => Object.values(week.counts).some(Boolean));
  return (
    <figure className="trend">
      <figcaption>Why summaries were corrected, per week</figcaption>
      {any ? (
        <>
          <Bars
            weeks={reasons.map((week) => week.week)}
            stacks={reasons.map((week) => correctionReasons.map((reason) => week.counts[reason.key]))}
            colors={reasonColors}
            label="Stacked bar chart of correction reasons per week; the same figures are in the table that follows."
          />
          <Legend items={correctionReasons.map((reason, index) => ({ label: reason.label, color: reasonColors[index]! }))} />
        </>
      ) : (
        <p className="muted">No correction has a reason yet. Reviewers tag one when they save (Alt+R on the review page).</p>
      )}
      <details>
        <summary>Figures per week</summary>
        <table className="queue-table">
          <caption>Corrections per reason and week (one correction may give several reasons)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {correctionReasons.map((reason) => (
                <th key={reason.key} scope="col">
                  {reason.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reasons.map((week) => (
              <tr key={week.week}>
                <th scope="row">{shortWeek(week.week)}</th>
                {correctionReasons.map((reason) => (
                  <td key={reason.key}>{week.counts[reason.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const rate = (part: number, whole: number) => (whole ? formatPercent(part / whole) : "—");

/** Decisions per week, or per provider, template, agent or reviewer over the period. */
export function GroupTable({ caption, heading, groups, label }: { caption: string; heading: string; groups: DecisionGroup[]; label: (key: string) => string }) {
  return (
    <table className="queue-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Decisions</th>
          <th scope="col">Corrected</th>
          <th scope="col">Correction rate</th>
          <th scope="col">Accepted unchanged</th>
          <th scope="col">Average change (characters / lines)</th>
          <th scope="col">Average time to review</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <th scope="row">{label(group.key)}</th>
            <td>{group.decisions}</td>
            <td>{group.corrected}</td>
            <td>{rate(group.corrected, group.decisions)}</td>
            <td>{rate(group.acceptedUnchanged, group.decisions)}</td>
            <td>{group.avgCharsChanged === null ? "—" : `${Math.round(group.avgCharsChanged)} / ${(group.avgLinesChanged ?? 0).toFixed(1)}`}</td>
            <td>{formatDuration(group.avgReviewSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
