import { useId, type ReactNode } from "react";
import { TextDiff } from "./text-diff";

/** A merge whose changes do not overlap: shown for confirmation, with what the save will change. */
export function CleanMerge({
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
