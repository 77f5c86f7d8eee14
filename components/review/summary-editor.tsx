"use client";

import dynamic from "next/dynamic";
import rehypeSanitize from "rehype-sanitize";
import "@uiw/react-md-editor/markdown-editor.css";

// The no-highlight build keeps the review route within its script budget; the editor needs the browser.
const MDEditor = dynamic(() => import("@uiw/react-md-editor/nohighlight"), {
  ssr: false,
  loading: () => <p className="muted">Loading editor…</p>,
});

const previewOptions = { rehypePlugins: [[rehypeSanitize]] as never };

export function SummaryEditor({
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
        preview="live"
        previewOptions={previewOptions}
        textareaProps={{ "aria-label": "Summary" }}
      />
    </div>
  );
}
