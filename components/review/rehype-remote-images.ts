/** The parts of a hast node this plugin reads and writes. */
type HastNode = {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
};

const placeholderText = "Remote image not loaded";

/** Stands for the page's origin when there is no page: relative URLs stay local, every absolute one is remote. */
const unknownOrigin = "http://page-origin.invalid";

/** Whether loading `src` would reach another origin than `origin` (the page's). */
function isRemote(src: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(src, origin);
  } catch {
    // Nothing a browser could load either.
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.origin !== origin;
}

/** Says an image was there and where it points, as text: nothing the browser would fetch. */
function placeholder(src: string, alt: string): HastNode {
  return {
    type: "element",
    tagName: "span",
    // Stands for the image, named with what it shows and where it is.
    properties: { className: ["remote-image"], role: "img", ariaLabel: `${placeholderText}${alt ? ` (${alt})` : ""}: ${src}` },
    children: [
      { type: "text", value: alt ? `${placeholderText} (${alt}): ` : `${placeholderText}: ` },
      { type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: src }] },
    ],
  };
}

function replaceRemoteImages(node: HastNode, origin: string): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    const src = child.properties?.src;
    if (child.type === "element" && child.tagName === "img" && typeof src === "string" && isRemote(src, origin)) {
      const alt = child.properties?.alt;
      return placeholder(src, typeof alt === "string" ? alt : "");
    }
    replaceRemoteImages(child, origin);
    return child;
  });
}

/**
 * A rehype plugin for the summary preview: an image from another origin becomes a placeholder naming its
 * URL. Loading it would tell that origin who reads the summary and when (and the content security policy
 * refuses it anyway); same-origin and `data:` images stay. Runs after the sanitizer, which drops other
 * protocols. Without a page (`origin` unset on the server) every absolute http(s) URL counts as remote.
 */
export function rehypeRemoteImages(options?: { origin?: string }) {
  const origin = new URL(options?.origin ?? globalThis.location?.origin ?? unknownOrigin).origin;
  return (tree: HastNode) => {
    replaceRemoteImages(tree, origin);
  };
}
