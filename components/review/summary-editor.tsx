"use client";

import type { ICommand, MDEditorProps } from "@uiw/react-md-editor/nohighlight";
import { memo, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
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

const subscribeToNothing = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

/** Tells React once the editor's chunk has loaded. */
function subscribeToEditor(onLoaded: () => void): () => void {
  let live = true;
  void editorReady?.then(() => {
    if (live) onLoaded();
  });
  return () => {
    live = false;
  };
}

/**
 * Whether the markdown editor's chunk has loaded: never on the server, and never while hydrating, even
 * where the chunk came from the cache before hydration began; a first render that differed from the
 * server's HTML would make React throw that HTML away and render the whole page again.
 */
function useEditorLoaded(): boolean {
  return useSyncExternalStore(
    subscribeToEditor,
    () => loaded !== null,
    () => false,
  );
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
function PlainEditor({
  value,
  onChange,
  readOnly,
  onCaret,
}: {
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  /** Where the caret is while the textarea has focus, null once it loses it. */
  onCaret?: (selection: { start: number; end: number } | null) => void;
}) {
  const mirror = useRef<HTMLDivElement>(null);
  const caret = (event: { currentTarget: HTMLTextAreaElement }) => onCaret?.({ start: event.currentTarget.selectionStart, end: event.currentTarget.selectionEnd });
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
        onFocus={caret}
        onSelect={caret}
        onBlur={() => onCaret?.(null)}
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
  const hydrated = useSyncExternalStore(subscribeToNothing, isBrowser, isServer);
  // The caret in the plain textarea while the markdown editor loads, carried over when it takes its place.
  const handover = useRef<{ start: number; end: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const selection = handover.current;
    const textarea = frame.current?.querySelector("textarea");
    if (!editorLoaded || selection === null || !textarea) return;
    handover.current = null;
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end);
  }, [editorLoaded]);
  if (format === "plain" || readOnly) {
    return <PlainEditor value={value} onChange={onChange} readOnly={readOnly} />;
  }
  return (
    <div data-color-mode="light" ref={frame}>
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
        // The text is there with the page, and takes typing once the page has hydrated; the toolbar and
        // preview follow with the editor's chunk. Read-only until then, so nothing typed is lost.
        <PlainEditor value={value} onChange={onChange} readOnly={!hydrated} onCaret={(selection) => (handover.current = selection)} />
      )}
    </div>
  );
});
