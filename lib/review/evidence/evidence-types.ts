/** A transcript turn as the analyser reads it; `index` is the turn's position in the call. */
export type EvidenceTurn = { index: number; speaker: "agent" | "customer"; text: string };

/** A sentence or list item of the summary; `start`/`end` are offsets into the raw summary string. */
export type SummarySentence = { index: number; start: number; end: number; text: string };

export type FactKind = "money" | "number" | "date" | "time" | "phone" | "email" | "id" | "name";

/** The turns a sentence most likely comes from, best first, at most three. */
export type SentenceLink = { sentence: number; turns: { index: number; score: number }[] };

/** A fact of the summary that the call does not back. Offsets are into the summary; `closest` is into that turn's text. */
export type FactFlag = {
  /** Stable across edits elsewhere in the summary: kind, text and occurrence. */
  id: string;
  kind: FactKind;
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** "contradicted": the turns the sentence comes from state another value of the same kind; "absent": no turn states it. */
  reason: "absent" | "contradicted";
  message: string;
  closest: { turn: number; text: string; start: number; end: number } | null;
};

/** Something the call states that no summary sentence covers. Offsets are into that turn's text. */
export type MissedItem = { turn: number; kind: "commitment" | "price" | "date" | "next_step"; text: string; start: number; end: number };

export type EvidenceReport = { sentences: SummarySentence[]; links: SentenceLink[]; flags: FactFlag[]; missed: MissedItem[] };
