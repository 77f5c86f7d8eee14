export type BlandKeyLabel = "redline" | "colleague" | "other-org";

export type BlandApiKey = {
  key: string;
  label: BlandKeyLabel;
  owner: string;
  /** Keys see their own organisation's data only. */
  org: "northwind" | "other";
};

/**
 * The emulator's fixed Bland API keys (documented in emulator/README.md), sent bare in `authorization`.
 * A colleague's key lets a test edit a memory summary as someone working in Bland's own dashboard would.
 */
export const blandApiKeys: readonly BlandApiKey[] = [
  { key: "sk-redline-4f1c9a7e2b8d6053e1a9c7b5d3f1e8a2", label: "redline", owner: "Redline Integration", org: "northwind" },
  { key: "sk-samortiz-8b2e6d4f0a9c7e5b3d1f9a7c5e3b1d9f", label: "colleague", owner: "Sam Ortiz", org: "northwind" },
  { key: "sk-otherorg-1a3c5e7b9d2f4a6c8e0b2d4f6a8c0e2b", label: "other-org", owner: "Someone at another organisation", org: "other" },
];

export const blandKeyFor = (label: BlandKeyLabel): string => {
  const entry = blandApiKeys.find((candidate) => candidate.label === label);
  if (!entry) throw new Error(`No Bland key labelled "${label}"`);
  return entry.key;
};
