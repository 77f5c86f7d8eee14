/**
 * Stands in for `rehype-raw` in the summary preview (see next.config.ts): HTML typed into a summary is not
 * rendered — the sanitizer after it drops it — and the preview's chunk loses the HTML parser (about 50 KB gzip).
 */
export default function rehypeRawDisabled(): void {}
