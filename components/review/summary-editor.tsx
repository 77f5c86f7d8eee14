"use client";

import type { ICommand, MDEditorProps } from "@uiw/react-md-editor/nohighlight";
import dynamic from "next/dynamic";
import { memo, useState, type ComponentType } from "react";
import rehypeSanitize from "rehype-sanitize";
import "@uiw/react-md-editor/markdown-editor.css";

// The no-highlight build keeps the review route within its script budget; the editor needs the browser.
// Its chunk is requested as soon as this module runs in the browser, alongside hydration, rather than after
// the page has mounted: the editor is ready sooner.
const editorChunk = typeof window === "undefined" ? null : import("@uiw/react-md-editor/nohighlight");

/** The toolbar's icons are unnamed images inside buttons that have names: hidden from screen readers, which read the buttons. */
function withHiddenIcons(commands: ICommand[]): ICommand[] {
  return commands.map((command) => {
    const hidden = { ...command, icon: command.icon ? <span aria-hidden="true">{command.icon}</span> : command.icon } as ICommand;
    // A group (the headings menu) holds commands of its own.
    if (Array.isArray(command.children)) Object.assign(hidden, { children: withHiddenIcons(command.children) });
    return hidden;
  });
}

const MDEditor = dynamic(
  async (): Promise<ComponentType<MDEditorProps>> => {
    const editor = await (editorChunk ?? import("@uiw/react-md-editor/nohighlight"));
    const commands = withHiddenIcons(editor.getCommands());
    const extraCommands = withHiddenIcons(editor.getExtraCommands());
    const Editor = editor.default;
    return function AccessibleEditor(props: MDEditorProps) {
      return <Editor {...props} commands={commands} extraCommands={extraCommands} />;
    };
  },
  { ssr: false, loading: () => <p className="muted">Loading editor…</p> },
);

/**
 * The preview puts an empty anchor link before each heading (a link with no name to a screen reader):
 * those are dropped; the sanitizer keeps the rest safe.
 */
const previewOptions = {
  rehypePlugins: [[rehypeSanitize]] as never,
  rehypeRewrite: (node: { type: string; tagName?: string; children?: Array<{ type: string; tagName?: string }> }) => {
    if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "") && node.children) {
      node.children = node.children.filter((child) => !(child.type === "element" && child.tagName === "a"));
    }
  },
};

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
