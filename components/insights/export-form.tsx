import type { ExportChoices } from "@/lib/review/exports/export-choices";

const landedByDefault = new Set(["applied", "accepted"]);

/**
 * The revisions export's filters as a plain GET form: the browser downloads the CSV the route answers with,
 * no script needed. Empty choices are no filter.
 */
export function ExportForm({ providers, choices }: { providers: { id: string; name: string }[]; choices: ExportChoices }) {
  return (
    <form method="get" action="/api/exports/revisions.csv" className="queue-filters export-form" aria-label="Export revisions">
      <label>
        Provider
        <select name="provider" defaultValue="">
          <option value="">All providers</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reviewer
        <select name="reviewer" defaultValue="">
          <option value="">Everyone</option>
          {choices.reviewers.map((reviewer) => (
            <option key={reviewer.id} value={reviewer.id}>
              {reviewer.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" name="from" />
      </label>
      <label>
        To
        <input type="date" name="to" />
      </label>
      <label>
        Template key
        <input type="text" name="template" placeholder="any" />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue="">
          <option value="">Any kind</option>
          {choices.kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Outcome</legend>
        {choices.statuses.map((status) => (
          <label key={status} className="inline-choice">
            <input type="checkbox" name="status" value={status} defaultChecked={landedByDefault.has(status)} /> {status.replaceAll("_", " ")}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button primary">
        Download CSV
      </button>
    </form>
  );
}
