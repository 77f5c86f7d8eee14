"use client";

import type { ICommand, MDEditorProps } from "@uiw/react-md-editor/nohighlight";
import { memo, useEffect, useRef, useState } from "react";
import rehypeSanitize from "rehype-sanitize";
import { rehypeRemoteImages } from "./rehype-remote-images";
import "@uiw/react-md-editor/markdown-editor.css";

// The no-highlight build keeps the review route within its script budget; the editor needs the browser.
// Its chunk is requested as soon as this module runs in the browser, alongside hydration, and mounted by an
// effect rather than through Suspense: React holds a Suspense reveal back by up to 300 ms, an effect does not.
type EditorModule = typeof import("@uiw/react-md-editor/nohighlight");
let loaded: { module: EditorModule; commands: ICommand[]; extraCommands: ICommand[] } | null = null;
const editorReady: Promise<void> | null =
  typeof window === "undefined"
    ? null
    : import("@uiw/react-md-editor/nohighlight").then((module) => {
        loaded = { module, commands: withHiddenIcons(module.getCommands()), extraCommands: withHiddenIcons(module.getExtraCommands()) };
      });

/** The markdown editor with its toolbar made readable; rendered only once its chunk has loaded. */
function AccessibleEditor(props: MDEditorProps) {
  const { module, commands, extraCommands } = loaded!;
  return <module.default {...props} commands={commands} extraCommands={extraCommands} />;
}

/** The toolbar's icons are unnamed images inside buttons that have names: hidden from screen readers, which read the buttons. */
function withHiddenIcons(commands: ICommand[]): ICommand[] {
  return commands.map((command) => {
    const hidden = { ...command, icon: command.icon ? <span aria-hidden="true">{command.icon}</span> : command.icon } as ICommand;
    // A group (the headings menu) holds commands of its own.
    if (Array.isArray(command.children)) Object.assign(hidden, { children: withHiddenIcons(command.children) });
    return hidden;
  });
}

/** Whether the markdown editor's chunk has loaded (never on the server). */
function useEditorLoaded(): boolean {
  const [ready, setReady] = useState(() => loaded !== null);
  useEffect(() => {
    if (ready || !editorReady) return;
    let mounted = true;
    void editorReady.then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}

/**
 * The preview puts an empty anchor link before each heading (a link with no name to a screen reader):
 * those are dropped; the sanitizer keeps the rest safe, and an image from another site is shown as a
 * placeholder rather than loaded.
 */
const previewOptions = {
  rehypePlugins: [[rehypeSanitize], [rehypeRemoteImages]] as never,
  rehypeRewrite: (node: { type: string; tagName?: string; children?: Array<{ type: string; tagName?: string }> }) => {
    if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "") && node.children) {
      node.children = node.children.filter((child) => !(child.type === "element" && child.tagName === "a"));
    }
  },
};

// Re-rendering the live preview on every keystroke is what makes typing in a long summary slow; past
// this size the editor opens without it, and the toolbar's preview buttons still show it on demand.
const livePreviewLimit = 20_000;

/**
 * A textarea over a mirror of its text: the mirror wraps the same way and is where the evidence checks
 * mark facts (a textarea's own text cannot be marked). The mirror is hidden from assistive technology.
 */
function PlainEditor({ value, onChange, readOnly }: { value: string; onChange: (value: string) => void; readOnly: boolean }) {
  const mirror = useRef<HTMLDivElement>(null);
  return (
    <div className="plain-editor-wrap">
      <div ref={mirror} className="plain-editor plain-mirror" aria-hidden="true">
        {/* A final newline, so a trailing empty line takes its height as in the textarea. */}
        {`${value}\n`}
      </div>
      <textarea
        className="plain-editor plain-text"
        aria-label="Summary"
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (mirror.current) mirror.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

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
  const editorLoaded = useEditorLoaded();
  if (format === "plain" || readOnly) {
    return <PlainEditor value={value} onChange={onChange} readOnly={readOnly} />;
  }
  return (
    <div data-color-mode="light">
      {editorLoaded ? (
        <AccessibleEditor
          value={value}
          onChange={(next) => onChange(next ?? "")}
          height={520}
          preview={preview}
          previewOptions={previewOptions}
          textareaProps={{ "aria-label": "Summary" }}
        />
      ) : (
        <p className="muted" role="status">
          Loading editor…
        </p>
      )}
    </div>
  );
});
