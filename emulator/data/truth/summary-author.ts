import { fillTemplate } from "../fill-template";
import { RECAP_PROMISE } from "../render-transcript";
import { summaryParts, type SummaryEdit, type SummarySubject } from "../write-summary";
import { callNames, ErrorInjector, type CallContext, type PlannedError } from "./error-injector";
import { scanFacts } from "./fact-scan";
import { unmark } from "./marked-text";
import type { CallCommitment, LocatedError, TurnSource } from "./summary-truth";
import type { SummaryTruth } from "./truth-schema";

/** What a generator asks for beyond the data: errors in a share of summaries, and the truth of each. */
export type SummaryAuthoring = { errorRate?: number; errorSeed?: number; truth?: Record<string, SummaryTruth> };

/** A written string and the errors whose text landed in it. */
export type WrittenText = { text: string; errors: LocatedError[] };

export type Written<T> = { value: T; texts: WrittenText[]; dropped: { id: string; text: string }[]; names: string[] };

const idOf = (error: PlannedError) => `e${error.index + 1}`;

/**
 * The call's commitments and next steps as a faithful classic summary lists them, with their kind, and the
 * recap a long call's small talk may promise, which no summary lists.
 */
export function callCommitments(subject: SummarySubject, source: TurnSource): CallCommitment[] {
  const parts = summaryParts(subject);
  const names = callNames(subject.facts);
  const kindOf = (text: string): CallCommitment["kind"] => {
    const kinds = new Set(scanFacts(text, names).map((fact) => fact.kind));
    return kinds.has("money") ? "price" : kinds.has("date") || kinds.has("time") ? "date" : "commitment";
  };
  return [
    ...parts.commitments.filter((item) => item !== "None yet.").map((text) => ({ kind: kindOf(text), text, source })),
    ...parts.nextSteps.map((text) => ({ kind: "next_step" as const, text, source })),
    ...(subject.facts.email !== undefined && source.turns.includes(fillTemplate(RECAP_PROMISE, subject.facts))
      ? [{ kind: "commitment" as const, text: `A written recap to ${subject.facts.email} after the call.`, source }]
      : []),
  ];
}

/**
 * Writes summaries through a writer, with errors when asked, and says where each error landed. At an
 * error rate of 0 it draws nothing and the writer runs unedited, so the data is the same as without it.
 */
export class SummaryAuthor {
  private readonly injector: ErrorInjector | null;

  constructor(authoring: SummaryAuthoring) {
    const rate = authoring.errorRate ?? 0;
    this.injector = rate > 0 ? new ErrorInjector(authoring.errorSeed ?? 1, rate) : null;
  }

  write<T>(call: CallContext, writer: (edit?: SummaryEdit) => T, strings: (value: T) => string[], rebuild: (clean: string[], marked: T) => T): Written<T> {
    const plan = this.injector?.plan(call) ?? null;
    const raw = plan === null ? writer() : writer(plan);
    const names = [...callNames(call.facts), ...(plan?.errors ?? []).filter((error) => error.kind === "swapped_name").map((error) => error.wrong as string)];
    if (plan === null) return { value: raw, texts: strings(raw).map((text) => ({ text, errors: [] })), dropped: [], names };
    const texts = strings(raw).map((markedText) => {
      const { text, spans } = unmark(markedText);
      const errors = plan.errors.flatMap((error): LocatedError[] => {
        const span = spans.get(error.index);
        return span === undefined ? [] : [{ id: idOf(error), kind: error.kind, wrong: error.wrong, right: error.right, span }];
      });
      return { text, errors };
    });
    const dropped = plan.errors.filter((error) => error.kind === "dropped_commitment").map((error) => ({ id: idOf(error), text: error.right as string }));
    return { value: rebuild(texts.map((entry) => entry.text), raw), texts, dropped, names };
  }

  /** A one-string summary. */
  text(call: CallContext, writer: (edit?: SummaryEdit) => string): Written<string> {
    return this.write(call, writer, (text) => [text], (clean) => clean[0] as string);
  }
}

/** A call's turn texts, rendered once and only when something asks for them. */
export function lazyTurns(render: () => readonly string[]): () => readonly string[] {
  let turns: readonly string[] | null = null;
  return () => (turns ??= render());
}
