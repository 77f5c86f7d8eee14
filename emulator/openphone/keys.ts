export type OpenPhoneKeyLabel = "redline" | "colleague" | "starter-plan";

export type OpenPhoneApiKey = {
  key: string;
  label: OpenPhoneKeyLabel;
  /** Who made the key: Quo keys belong to the workspace and have full API access. */
  owner: string;
  /** Call summaries and transcripts are on the Business and Scale plans only. */
  plan: "business" | "starter";
};

/**
 * The emulator's fixed Quo API keys (documented in emulator/README.md), sent raw in `Authorization`:
 * "The Quo API does not use a Bearer token". Quo has no write endpoints, so a colleague's key only reads.
 */
export const openPhoneApiKeys: readonly OpenPhoneApiKey[] = [
  { key: "quo_redline_K7mQ2xV9pL4wR8tN3bY6", label: "redline", owner: "Redline Integration", plan: "business" },
  { key: "quo_jordanlee_H3sF8kD1nB5vC9xZ2m", label: "colleague", owner: "Jordan Lee", plan: "business" },
  // The same workspace seen through a key whose plan lacks call intelligence: summaries and transcripts give 403.
  { key: "quo_starter_T6gJ1wE4qA8yU2oI5pK9", label: "starter-plan", owner: "Starter plan workspace", plan: "starter" },
];

export const openPhoneKeyFor = (label: OpenPhoneKeyLabel): string => {
  const entry = openPhoneApiKeys.find((candidate) => candidate.label === label);
  if (!entry) throw new Error(`No Quo key labelled "${label}"`);
  return entry.key;
};
