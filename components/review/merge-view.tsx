"use client";

import { useId, useMemo, useState, type ReactNode } from "react";
import {
  DEFAULT_CONFLICT_CHOICE,
  resolveMerge,
  threeWayMerge,
  type ConflictChoice,
  type MergeHunk,
  type MergeResult,
} from "@/lib/review/text/three-way-merge";
import { TextDiff } from "./text-diff";

type ConflictHunk = Extract<MergeHunk, { kind: "conflict" }>;
type Choices = Readonly<Record<number, ConflictChoice>>;

const CHOICES: readonly { value: ConflictChoice; label: string }[] = [
  { value: "mine", label: "Keep mine" },
  { value: "theirs", label: "Keep theirs" },
  { value: "both-mine-first", label: "Keep both (mine first)" },
  { value: "both-theirs-first", label: "Keep both (theirs first)" },
];

const lineCount = (count: number) => `${count} line${count === 1 ? "" : "s"}`;

type MergeViewProps = {
  base: string;
  mine: string;
  theirs: string;
  theirLabel?: string;
  onResolved: (text: string) => void;
  onCancel: () => void;
  canOverwrite?: boolean;
  onOverwrite?: () => void;
  /** The confirm button's words: the merge may be saved at once, or only put in the reviewer's draft. */
  resolveLabel?: string;
};

/**
 * Merges the reviewer's text with someone else's change to the same summary. A clean merge is
 * shown for confirmation; overlapping changes are resolved per conflict, keeping both (mine
 * first) until the reviewer chooses, so saving at once never drops the reviewer's words.
 * Controlled by its inputs: when base, mine or theirs change, the choices start over.
 */
export function MergeView({
  base,
  mine,
  theirs,
  theirLabel = "their version",
  onResolved,
  onCancel,
  canOverwrite = false,
  onOverwrite,
  resolveLabel = "Save merged text",
}: MergeViewProps) {
  const merge = useMemo(() => threeWayMerge(base, mine, theirs), [base, mine, theirs]);
  const [status, setStatus] = useState("");

  const copyMine = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) {
      setStatus("Copying is not available in this browser. Your text is still in the editor.");
      return;
    }
    clipboard.writeText(mine).then(
      () => setStatus("Your text is copied to the clipboard."),
      () => setStatus("Your text could not be copied. It is still in the editor."),
    );
  };

  const actions = (save: () => void) => (
    <MergeActions
      onSave={save}
      saveLabel={resolveLabel}
      onCopy={copyMine}
      onCancel={onCancel}
      theirLabel={theirLabel}
      onOverwrite={canOverwrite ? onOverwrite : undefined}
    />
  );

  return (
    <div className="merge-view">
      {merge.clean ? (
        <CleanMerge text={merge.text} theirs={theirs} theirLabel={theirLabel}>
          {actions(() => onResolved(merge.text))}
        </CleanMerge>
      ) : (
        <ConflictResolver
          merge={merge}
          theirLabel={theirLabel}
          announce={setStatus}
          onResolved={onResolved}
          renderActions={actions}
        />
      )}
      <p role="status" className="merge-status">
        {status}
      </p>
    </div>
  );
}

function CleanMerge({
  text,
  theirs,
  theirLabel,
  children,
}: {
  text: string;
  theirs: string;
  theirLabel: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="merge-clean" aria-labelledby={headingId}>
      <h3 id={headingId}>Your changes and {theirLabel} fit together</h3>
      <p>
        None of the changes overlap, so both are kept. Nothing is saved yet: check what your save will change, then save
        the merged text.
      </p>
      <TextDiff before={theirs} after={text} beforeLabel={theirLabel} afterLabel="the merged text" />
      <div className="merge-preview" role="region" aria-label="Merged text" tabIndex={0}>
        <pre>{text}</pre>
      </div>
      {children}
    </section>
  );
}

type Draft = { source: MergeResult; choices: Choices; handText: string | null };

function ConflictResolver({
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

function MergeActions({
  onSave,
  saveLabel,
  onCopy,
  onCancel,
  theirLabel,
  onOverwrite,
}: {
  onSave: () => void;
  saveLabel: string;
  onCopy: () => void;
  onCancel: () => void;
  theirLabel: string;
  onOverwrite: (() => void) | undefined;
}) {
  const warningId = useId();
  return (
    <>
      <div className="actions">
        <button type="button" className="button primary" onClick={onSave}>
          {saveLabel}
        </button>
        <button type="button" className="button" onClick={onCopy}>
          Copy my text
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {onOverwrite ? (
        <div className="merge-overwrite">
          <p id={warningId} className="warning-text">
            Overwriting replaces {theirLabel} with your text as it is; their changes are lost.
          </p>
          <button type="button" className="button danger" aria-describedby={warningId} onClick={onOverwrite}>
            Overwrite their version with mine
          </button>
        </div>
      ) : null}
    </>
  );
}
