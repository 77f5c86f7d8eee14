/** The summary's textarea in the review page (the markdown editor's, or the plain one). */
export function summaryTextarea(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>('.summary-pane textarea[aria-label="Summary"]');
}

/** Selects a span of the summary and brings it into view, as if the reviewer had selected it. */
export function selectInSummary(start: number, end: number): void {
  const textarea = summaryTextarea();
  if (!textarea) return;
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // Chromium scrolls a textarea to its selection only when the selection is made by the user: measure the
  // line the span is on instead.
  const before = textarea.value.slice(0, start);
  const lines = before.split("\n").length;
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  // The markdown editor grows its textarea and scrolls the area around it; the plain one scrolls itself.
  const scroller = textarea.closest<HTMLElement>(".w-md-editor-area") ?? textarea;
  scroller.scrollTop = Math.max(0, (lines - 3) * lineHeight);
}

/** The sentence holding a text offset (the caret), by binary search over sentences in order. */
export function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number | null {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (offset < sentence.start) high = middle - 1;
    else if (offset > sentence.end) low = middle + 1;
    else return middle;
  }
  return null;
}
