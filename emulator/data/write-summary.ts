import { fillTemplate } from "./fill-template";
import type { CallShape } from "./render-transcript";
import { scenarios } from "./scenarios";
import type { TemplateKey } from "./sections/allo-section";
import type { ScenarioId } from "./transcript-source";

/** What a summary is written from: the call's story and how it went. */
export type SummarySubject = { scenario: ScenarioId; facts: Readonly<Record<string, string>>; shape: CallShape };

export type Parts = { summary: string; commitments: readonly string[]; nextSteps: readonly string[] };

/** A change made to a summary as it is written, filled text in and out: how known errors get in. */
export type SummaryEdit = { parts(parts: Parts): Parts; short(text: string): string };

const unchanged: SummaryEdit = { parts: (parts) => parts, short: (text) => text };

function voicemailParts(inbound: boolean): Parts {
  return inbound
    ? { summary: "{customer} left a voicemail about {topic}.", commitments: ["None yet."], nextSteps: ["Call {customer_first} back at {phone_spoken}."] }
    : { summary: "{agent} left {customer} a voicemail about {topic}.", commitments: ["None yet."], nextSteps: ["Wait for {customer_first} to call back on {line_spoken}."] };
}

/** The scenario's summary, commitments and next steps for this call, placeholders filled. */
export function summaryParts(subject: SummarySubject): Parts {
  const { shape, facts } = subject;
  let parts: Parts;
  if (shape.outcome === "voicemail") parts = voicemailParts(shape.direction === "inbound");
  else {
    parts = scenarios[subject.scenario].classic(facts);
    if (shape.outcome === "transferred") {
      parts = {
        summary: `${parts.summary} The call was then transferred to {transfer_to}.`,
        commitments: parts.commitments,
        nextSteps: [...parts.nextSteps, "Confirm {transfer_to} has followed up with {customer_first}."],
      };
    }
  }
  const fill = (text: string) => fillTemplate(text, facts);
  return { summary: fill(parts.summary), commitments: parts.commitments.map(fill), nextSteps: parts.nextSteps.map(fill) };
}

function shortSummary(subject: SummarySubject, edit: SummaryEdit): string {
  return edit.short(shortText(subject));
}

function shortText(subject: SummarySubject): string {
  const { shape, facts } = subject;
  if (shape.outcome === "voicemail") {
    return fillTemplate(
      shape.direction === "inbound"
        ? "{customer} left a voicemail about {topic} and asked for a call back at {phone_spoken}."
        : "{agent} left {customer} a voicemail about {topic}.",
      facts,
    );
  }
  const text = scenarios[subject.scenario].short(facts) + (shape.outcome === "transferred" ? " Transferred to {transfer_to}." : "");
  return fillTemplate(text, facts);
}

const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");

/**
 * The markdown Allo would have produced for a call, in the template's shape: sections for
 * MARKDOWN_CLASSIC, one paragraph for MARKDOWN_SHORT_CALL. It quotes the same facts as the transcript.
 */
export function writeAlloSummary(key: TemplateKey, subject: SummarySubject, edit = unchanged): string {
  if (key === "MARKDOWN_SHORT_CALL") return shortSummary(subject, edit);
  const { summary, commitments, nextSteps } = edit.parts(summaryParts(subject));
  return `## Summary\n\n${summary}\n\n## Commitments\n\n${bullets(commitments)}\n\n## Next steps\n\n${bullets(nextSteps)}\n`;
}

/** Quo's shape: the summary as bullet points, commitments folded into the next steps. */
export function writeQuoSummary(subject: SummarySubject, edit = unchanged): { summary: string[]; nextSteps: string[] } {
  const { summary, commitments, nextSteps } = edit.parts(summaryParts(subject));
  return {
    // The optional private-use marks are those of injected errors (see truth/marked-text.ts).
    summary: summary.split(/(?<=[.!?]\uE0FF?)\s+(?=[\uE000-\uE0FE]?[A-Z0-9{])/u).filter(Boolean),
    nextSteps: [...commitments.filter((item) => item !== "None yet."), ...nextSteps],
  };
}

/** Plain text, no markdown, as Bland and Twilio keep summaries: one paragraph. */
export function writePlainSummary(subject: SummarySubject, options: { short?: boolean } = {}, edit = unchanged): string {
  if (options.short) return shortSummary(subject, edit);
  const { summary, commitments, nextSteps } = edit.parts(summaryParts(subject));
  const promised = commitments.filter((item) => item !== "None yet.");
  return [summary, promised.length > 0 ? `Promised: ${promised.join(" ")}` : "", `Next: ${nextSteps.join(" ")}`].filter(Boolean).join(" ");
}
