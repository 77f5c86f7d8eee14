"use client";

import dynamic from "next/dynamic";
import { memo, useState } from "react";
import rehypeSanitize from "rehype-sanitize";
import "@uiw/react-md-editor/markdown-editor.css";

// The no-highlight build keeps the review route within its script budget; the editor needs the browser.
// Its chunk is requested as soon as this module runs in the browser, alongside hydration, rather than after
// the page has mounted: the editor is ready sooner.
const editorChunk = typeof window === "undefined" ? null : import("@uiw/react-md-editor/nohighlight");
const MDEditor = dynamic(() => editorChunk ?? import("@uiw/react-md-editor/nohighlight"), {
  ssr: false,
  loading: () => <p className="muted">Loading editor…</p>,
});

const previewOptions = { rehypePlugins: [[rehypeSanitize]] as never };

// Re-rendering the live preview on every keystroke is what makes typing in a long summary slow; past
// this size the editor opens without it, and the toolbar's preview buttons still show it on demand.
const livePreviewLimit = 20_000;

/** Memoised: a status line or a poll re-rendering the workspace must not re-render the editor and its preview. */
export const SummaryEditor = memo(function SummaryEditor({
  value,
  onChange,
  readOnly,
  format,
}: {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  format: "markdown" | "plain";
}) {
  const [preview] = useState<"live" | "edit">(() => (value.length > livePreviewLimit ? "edit" : "live"));
  if (format === "plain" || readOnly) {
    return (
      <textarea
        className="plain-editor"
        aria-label="Summary"
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div data-color-mode="light">
      <MDEditor
        value={value}
        onChange={(next) => onChange(next ?? "")}
        height={520}
        preview={preview}
        previewOptions={previewOptions}
        textareaProps={{ "aria-label": "Summary" }}
      />
    </div>
  );
});
