"use client";

import { useId, useMemo, useState, type ReactNode } from "react";
import { DEFAULT_CONFLICT_CHOICE, resolveMerge, type ConflictChoice, type MergeHunk, type MergeResult } from "@/lib/review/text/three-way-merge";

type ConflictHunk = Extract<MergeHunk, { kind: "conflict" }>;
type Choices = Readonly<Record<number, ConflictChoice>>;

const CHOICES: readonly { value: ConflictChoice; label: string }[] = [
  { value: "mine", label: "Keep mine" },
  { value: "theirs", label: "Keep theirs" },
  { value: "both-mine-first", label: "Keep both (mine first)" },
  { value: "both-theirs-first", label: "Keep both (theirs first)" },
];

const lineCount = (count: number) => `${count} line${count === 1 ? "" : "s"}`;

type Draft = { source: MergeResult; choices: Choices; handText: string | null };

/** Overlapping changes, one choice per conflict; both texts kept (mine first) until the reviewer chooses. */
export function ConflictResolver({
  merge,
  theirLabel,
  announce,
  onResolved,
  renderActions,
}: {
  merge: MergeResult;
  theirLabel: string;
  announce: (message: string) => void;
  onResolved: (text: string) => void;
  renderActions: (save: () => void) => ReactNode;
}) {
  const headingId = useId();
  const groupName = useId();
  // State that belongs to another merge (the inputs changed) is ignored rather than reset in an effect.
  const [draft, setDraft] = useState<Draft>({ source: merge, choices: {}, handText: null });
  const current: Draft = draft.source === merge ? draft : { source: merge, choices: {}, handText: null };
  const composed = useMemo(() => resolveMerge(merge.hunks, current.choices, merge.layout), [merge, current.choices]);
  const handEdited = current.handText !== null && current.handText !== composed;
  const text = current.handText ?? composed;

  const hunks = useMemo(() => {
    let conflictIndex = 0;
    return merge.hunks.map((hunk) => ({ hunk, conflictIndex: hunk.kind === "conflict" ? conflictIndex++ : -1 }));
  }, [merge]);
  const conflictTotal = hunks.filter(({ hunk }) => hunk.kind === "conflict").length;

  const choose = (index: number, choice: ConflictChoice) => {
    setDraft({ ...current, choices: { ...current.choices, [index]: choice }, handText: handEdited ? current.handText : null });
    if (handEdited) {
      announce("Your edits to the merged result are kept. Use “Recompose from choices” to rebuild it from your choices.");
    }
  };
  const recompose = () => {
    setDraft({ ...current, handText: null });
    announce("The merged result is rebuilt from your choices.");
  };
  // The textarea reports LF line endings; save with the reviewer's own.
  const save = () => onResolved(merge.layout.eol === "\n" ? text : text.replace(/\r\n|\r|\n/g, merge.layout.eol));

  return (
    <section className="merge-conflicts" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {conflictTotal === 1 ? "You both changed the same place" : `You both changed the same ${conflictTotal} places`}
      </h3>
      <p>
        Your text is safe. Where your changes and {theirLabel} overlap, both are kept for now, yours first. Choose what
        to keep for each conflict, check the merged result, then save it.
      </p>
      <ol className="merge-hunks">
        {hunks.map(({ hunk, conflictIndex }, i) =>
          hunk.kind === "stable" ? (
            <li key={i} className="merge-stable">
              <details>
                <summary>{lineCount(hunk.lines.length)} without conflict</summary>
                <pre>{hunk.lines.join("\n")}</pre>
              </details>
            </li>
          ) : (
            <li key={i} className="merge-conflict">
              <ConflictPicker
                hunk={hunk}
                number={conflictIndex + 1}
                total={conflictTotal}
                theirLabel={theirLabel}
                name={`${groupName}-${conflictIndex}`}
                choice={current.choices[conflictIndex] ?? DEFAULT_CONFLICT_CHOICE}
                onChoose={(choice) => choose(conflictIndex, choice)}
              />
            </li>
          ),
        )}
      </ol>
      <label className="merge-result">
        Merged result
        <textarea
          value={text}
          rows={16}
          onChange={(event) => setDraft({ ...current, handText: event.target.value })}
        />
      </label>
      {handEdited ? (
        <p className="merge-hand-edited">
          You have edited the merged result, so changing a choice no longer replaces it. Recomposing replaces your edits
          to the merged result with the text built from your choices.{" "}
          <button type="button" className="button" onClick={recompose}>
            Recompose from choices
          </button>
        </p>
      ) : null}
      {renderActions(save)}
    </section>
  );
}

function ConflictPicker({
  hunk,
  number,
  total,
  theirLabel,
  name,
  choice,
  onChoose,
}: {
  hunk: ConflictHunk;
  number: number;
  total: number;
  theirLabel: string;
  name: string;
  choice: ConflictChoice;
  onChoose: (choice: ConflictChoice) => void;
}) {
  const hadLines = hunk.base.length > 0;
  return (
    <fieldset>
      <legend>
        Conflict {number} of {total}
      </legend>
      <div className="compare">
        <ConflictSide
          label="Their lines"
          source={theirLabel}
          lines={hunk.theirs}
          whenEmpty={hadLines ? "They removed these lines." : "They added nothing here."}
        />
        <ConflictSide
          label="Your lines"
          source="your text"
          lines={hunk.mine}
          whenEmpty={hadLines ? "You removed these lines." : "You added nothing here."}
        />
      </div>
      {hadLines ? (
        <details className="merge-base">
          <summary>Lines before either change</summary>
          <pre>{hunk.base.join("\n")}</pre>
        </details>
      ) : null}
      <div className="merge-choices">
        {CHOICES.map(({ value, label }) => (
          <label key={value} className="radio">
            <input type="radio" name={name} value={value} checked={choice === value} onChange={() => onChoose(value)} />{" "}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ConflictSide({
  label,
  source,
  lines,
  whenEmpty,
}: {
  label: string;
  source: string;
  lines: readonly string[];
  whenEmpty: string;
}) {
  const onlyBlank = lines.length > 0 && lines.every((line) => line.trim() === "");
  return (
    <section className="merge-side" aria-label={label}>
      <h4>
        {label} <span className="muted">({source})</span>
      </h4>
      {lines.length > 0 ? <pre>{lines.join("\n")}</pre> : <p className="muted">{whenEmpty}</p>}
      {onlyBlank ? <p className="muted">{lineCount(lines.length)}, blank or spaces only.</p> : null}
    </section>
  );
}
