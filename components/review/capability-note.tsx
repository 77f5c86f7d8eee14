import { providerNames } from "@/lib/providers/provider-names";
import type { CallDetail, Capabilities } from "@/lib/providers/types";

/** Says plainly what saving does with this provider; read from its capabilities, never from its name. */
export function CapabilityNote({ capabilities, call }: { capabilities: Capabilities; call: CallDetail }) {
  const name = providerNames[call.ref.provider];
  const notes: string[] = [];
  if (capabilities.write === "none") {
    notes.push(`${name} has no API to change summaries: your correction is kept in Redline, and ${name}'s own copy is not changed.`);
  }
  if (capabilities.write === "async") {
    notes.push(`${name} accepts a change first and applies it a moment later; Redline checks until it shows.`);
  }
  if (capabilities.format === "plain") notes.push(`${name} keeps this summary as plain text: markdown is not rendered.`);
  switch (call.summaryStatus) {
    case "in_progress":
      notes.push(`${name} is still writing this summary. Redline looks again every few minutes and offers the call for review once it is there.`);
      break;
    case "absent":
      notes.push(`${name} has no summary for this call yet. Redline looks again for two weeks and offers the call once one arrives; you can write one meanwhile.`);
      break;
    case "failed":
      notes.push(`${name} could not write a summary for this call.`);
      break;
    case "not_in_plan":
      notes.push(`${name}'s plan for this workspace does not include AI summaries: there is nothing to review until it does.`);
      break;
  }
  if (notes.length === 0) return null;
  return (
    <ul className="capability-note" aria-label={`About saving to ${name}`}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
