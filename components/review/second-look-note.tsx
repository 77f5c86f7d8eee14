import type { SecondLookDecision } from "@/lib/review/second-look/decide-second-look";

/** On a call opened from a second look: what the lead's save will do, then what it did. */
export function SecondLookNote({ outcome }: { outcome: SecondLookDecision | null }) {
  if (outcome && !outcome.ok) {
    return (
      <p role="alert" className="alert warning">
        {outcome.error.message}
      </p>
    );
  }
  return (
    <p role="status" className="alert">
      {outcome
        ? outcome.verdict === "corrected"
          ? "Second look recorded: you corrected this decision."
          : "Second look recorded: you agreed with this decision."
        : "Second look: save your correction here and it is recorded as the verdict (approving it unchanged records agreement)."}
    </p>
  );
}
