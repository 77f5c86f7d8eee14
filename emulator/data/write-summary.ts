import type { CallItem, TemplateKey } from "./fixture-schema";
import { fillTemplate } from "./fill-template";
import { scenarios } from "./scenarios";

type SummarySubject = Pick<CallItem, "direction" | "result" | "script">;

function classicMarkdown(summary: string, commitments: readonly string[], nextSteps: readonly string[]): string {
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");
  return `## Summary\n\n${summary}\n\n## Commitments\n\n${bullets(commitments)}\n\n## Next steps\n\n${bullets(nextSteps)}\n`;
}

function voicemailSummary(key: TemplateKey, inbound: boolean): string {
  if (key === "MARKDOWN_SHORT_CALL") {
    return inbound
      ? "{customer} left a voicemail about {topic} and asked for a call back at {phone_spoken}."
      : "{agent} left {customer} a voicemail about {topic}.";
  }
  return inbound
    ? classicMarkdown("{customer} left a voicemail about {topic}.", ["None yet."], ["Call {customer_first} back at {phone_spoken}."])
    : classicMarkdown("{agent} left {customer} a voicemail about {topic}.", ["None yet."], ["Wait for {customer_first} to call back on {line_spoken}."]);
}

function conversationSummary(key: TemplateKey, subject: SummarySubject): string {
  const scenario = scenarios[subject.script.scenario];
  const transferred = subject.result === "TRANSFERRED";
  if (key === "MARKDOWN_SHORT_CALL") {
    return scenario.short(subject.script.facts) + (transferred ? " Transferred to {transfer_to}." : "");
  }
  const { summary, commitments, nextSteps } = scenario.classic(subject.script.facts);
  return classicMarkdown(
    transferred ? `${summary} The call was then transferred to {transfer_to}.` : summary,
    commitments,
    transferred ? [...nextSteps, "Confirm {transfer_to} has followed up with {customer_first}."] : nextSteps,
  );
}

/**
 * The summary Allo would have produced for a call, in the template's shape: sections for
 * MARKDOWN_CLASSIC, one paragraph for MARKDOWN_SHORT_CALL. It quotes the same facts as the transcript.
 */
export function writeSummary(key: TemplateKey, subject: SummarySubject): string {
  const template =
    subject.result === "VOICEMAIL" ? voicemailSummary(key, subject.direction === "INBOUND") : conversationSummary(key, subject);
  return fillTemplate(template, subject.script.facts);
}
