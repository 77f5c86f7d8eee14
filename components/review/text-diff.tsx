"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { lineDiff, type DiffLine } from "@/lib/review/text/line-diff";

/** Unchanged lines shown around each change. */
const CONTEXT_LINES = 3;
/** Shorter unchanged runs are shown whole: a button to reveal two lines is more work than reading them. */
const MIN_COLLAPSED = 4;

type Row = { kind: "line"; index: number; line: DiffLine } | { kind: "collapsed"; index: number; count: number };

const lineCount = (count: number) => `${count} line${count === 1 ? "" : "s"}`;

/** Rows for a diff: lines near a change, and one row per long unchanged run that is not expanded. */
function toRows(diff: readonly DiffLine[], expanded: ReadonlySet<number>): Row[] {
  const nearChange = new Array<boolean>(diff.length).fill(false);
  diff.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(diff.length - 1, i + CONTEXT_LINES); j++) nearChange[j] = true;
  });
  const rows: Row[] = [];
  let i = 0;
  while (i < diff.length) {
    if (nearChange[i]) {
      rows.push({ kind: "line", index: i, line: diff[i]! });
      i++;
      continue;
    }
    let end = i;
    while (end < diff.length && !nearChange[end]) end++;
    if (end - i >= MIN_COLLAPSED && !expanded.has(i)) {
      rows.push({ kind: "collapsed", index: i, count: end - i });
    } else {
      for (let j = i; j < end; j++) rows.push({ kind: "line", index: j, line: diff[j]! });
    }
    i = end;
  }
  return rows;
}

const SIGN = { same: "", added: "+", removed: "−" } as const;
const NOTHING_EXPANDED: ReadonlySet<number> = new Set();

/**
 * A unified line diff. Added and removed lines carry a +/− sign and are marked up as <ins>/<del>,
 * so the change reads without colour; long unchanged runs fold into a "Show N unchanged lines" row.
 */
export function TextDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const diff = useMemo(() => lineDiff(before, after), [before, after]);
  // Expansions belong to one diff; a new diff starts folded again.
  const [expansion, setExpansion] = useState({ diff, starts: NOTHING_EXPANDED });
  const expanded = expansion.diff === diff ? expansion.starts : NOTHING_EXPANDED;
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const focusTarget = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (focusIndex !== null) focusTarget.current?.focus();
  }, [focusIndex]);

  const rows = useMemo(() => toRows(diff, expanded), [diff, expanded]);
  const added = diff.filter((line) => line.kind === "added").length;
  const removed = diff.filter((line) => line.kind === "removed").length;
  const caption = `Changes from ${beforeLabel} to ${afterLabel}`;

  if (added === 0 && removed === 0) {
    return (
      <p className="text-diff-empty">
        {caption}: none, the two texts are the same.
      </p>
    );
  }

  const expand = (index: number) => {
    setExpansion({ diff, starts: new Set([...expanded, index]) as ReadonlySet<number> });
    // The button disappears with the fold; move focus to the first line it revealed.
    setFocusIndex(index);
  };

  return (
    <table className="text-diff">
      <caption>
        {caption}: {lineCount(added)} added, {lineCount(removed)} removed
      </caption>
      <thead>
        <tr>
          <th scope="col">Line before</th>
          <th scope="col">Line after</th>
          <th scope="col">Change</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.kind === "collapsed" ? (
            <tr key={`fold-${row.index}`} className="diff-fold">
              <td colSpan={4}>
                <button type="button" className="link-button" onClick={() => expand(row.index)}>
                  Show {row.count} unchanged lines
                </button>
              </td>
            </tr>
          ) : (
            <tr key={row.index} className={`diff-line diff-${row.line.kind}`}>
              <td className="diff-number">{row.line.oldNumber ?? ""}</td>
              <td className="diff-number">{row.line.newNumber ?? ""}</td>
              <td className="diff-sign">{SIGN[row.line.kind]}</td>
              <td
                className="diff-text"
                ref={row.index === focusIndex ? focusTarget : undefined}
                tabIndex={row.index === focusIndex ? -1 : undefined}
              >
                {row.line.kind === "added" ? (
                  <ins>{row.line.text}</ins>
                ) : row.line.kind === "removed" ? (
                  <del>{row.line.text}</del>
                ) : (
                  row.line.text
                )}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
