import rehypeSanitize from "rehype-sanitize";
import { describe, expect, it } from "vitest";
import { rehypeRemoteImages } from "@/components/review/rehype-remote-images";

const origin = "http://127.0.0.1:3000";

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[]; value?: string };

const img = (src: string, alt = ""): Node => ({ type: "element", tagName: "img", properties: { src, alt }, children: [] });
const element = (tagName: string, ...children: Node[]): Node => ({ type: "element", tagName, properties: {}, children });
const root = (...children: Node[]): Node => ({ type: "root", children });

/** The preview's tree after the plugin, for a page at `origin`. */
function transform(tree: Node, options: { origin?: string } = { origin }): Node {
  rehypeRemoteImages(options)(tree);
  return tree;
}

/** Every element of the tree with its tag name, in document order. */
function elements(node: Node): Node[] {
  return (node.children ?? []).flatMap((child) => (child.type === "element" ? [child, ...elements(child)] : []));
}

const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join("");

describe("remote images in the summary preview", () => {
  it("become a placeholder that names the image and its address as text, with nothing to load", () => {
    const tree = transform(root(element("p", img("https://attacker.example/p.png", "receipt"))));
    const [paragraph, placeholder, code] = elements(tree);
    expect(paragraph!.tagName).toBe("p");
    expect(placeholder).toMatchObject({
      tagName: "span",
      properties: { className: ["remote-image"], role: "img", ariaLabel: "Remote image not loaded (receipt): https://attacker.example/p.png" },
    });
    expect(textOf(placeholder!)).toBe("Remote image not loaded (receipt): https://attacker.example/p.png");
    expect(code!.tagName).toBe("code");
    expect(elements(tree).some((node) => node.tagName === "img" || node.tagName === "a")).toBe(false);
  });

  it("counts any other origin as remote: plain http, another port, a protocol-relative address", () => {
    for (const src of ["http://attacker.example/p.png", "http://127.0.0.1:3001/p.png", "//attacker.example/p.png", "HTTPS://ATTACKER.EXAMPLE/p.png"]) {
      const tree = transform(root(img(src)));
      expect(elements(tree).map((node) => node.tagName), src).toEqual(["span", "code"]);
      expect(textOf(tree)).toBe(`Remote image not loaded: ${src}`);
    }
  });

  it("are found wherever they are: in a link, a list, a table cell", () => {
    const tree = transform(root(element("ul", element("li", element("a", img("https://a.example/1.png")))), element("table", element("tr", element("td", img("https://b.example/2.png"))))));
    expect(elements(tree).filter((node) => node.tagName === "img")).toEqual([]);
    expect(elements(tree).filter((node) => node.properties?.role === "img")).toHaveLength(2);
  });

  it("leave the page's own images and data: images as they are", () => {
    const own = [img(`${origin}/icon.svg`), img("/icon.svg"), img("icon.svg"), img("data:image/png;base64,iVBORw0KGgo=")];
    const tree = transform(root(...own.map((node) => structuredClone(node))));
    expect(tree.children).toEqual(own);
  });

  it("without a page, keep relative addresses and count every absolute one as remote", () => {
    const tree = transform(root(img("/icon.svg"), img("https://attacker.example/p.png")), {});
    expect(tree.children!.map((node) => node.tagName)).toEqual(["img", "span"]);
  });

  it("run after the sanitizer: what it lets through is replaced, what it drops stays dropped", () => {
    const sanitized = rehypeSanitize()(
      root(element("p", img("https://attacker.example/p.png", "x"), img("javascript:alert(1)", "y"))) as Parameters<ReturnType<typeof rehypeSanitize>>[0],
    ) as Node;
    const tree = transform(sanitized);
    expect(elements(tree).map((node) => [node.tagName, node.properties?.src])).toEqual([
      ["p", undefined],
      ["span", undefined],
      ["code", undefined],
      ["img", undefined],
    ]);
  });
});
