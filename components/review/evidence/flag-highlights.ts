import type { FactFlag } from "@/lib/review/evidence/evidence-types";

/** Whether this browser can mark text without touching the editor's DOM (the CSS Custom Highlight API). */
const supported = () => typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";

/** DOM ranges for text offsets within an element's text nodes, in order. */
function rangesFor(root: Element, spans: readonly { start: number; end: number }[]): Range[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const ranges: Range[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let offset = 0;
  let node = walker.nextNode() as Text | null;
  for (const span of sorted) {
    const range = document.createRange();
    let started = false;
    while (node) {
      const length = node.data.length;
      if (!started && span.start < offset + length) {
        range.setStart(node, span.start - offset);
        started = true;
      }
      if (started && span.end <= offset + length) {
        range.setEnd(node, span.end - offset);
        ranges.push(range);
        break;
      }
      offset += length;
      node = walker.nextNode() as Text | null;
    }
  }
  return ranges;
}

/**
 * Marks the flagged facts in the text layer the editor draws under its textarea (the markdown editor's own,
 * or the plain editor's mirror) with `::highlight(evidence-flag)`: no element is added to the editor, so
 * typing stays as fast as without the marks. `active` is the flag the reviewer is looking at.
 */
export function markFlags(layer: Element | null, flags: readonly FactFlag[], active: string | null): void {
  if (!supported()) return;
  if (!layer) {
    CSS.highlights.delete("evidence-flag");
    CSS.highlights.delete("evidence-flag-active");
    return;
  }
  const current = flags.filter((flag) => flag.id === active);
  CSS.highlights.set("evidence-flag", new Highlight(...rangesFor(layer, flags.filter((flag) => flag.id !== active))));
  CSS.highlights.set("evidence-flag-active", new Highlight(...rangesFor(layer, current)));
}
